"""``python -m trainer``: the window, or a command when one is given."""

from __future__ import annotations

import sys


def main() -> int:
    from trainer.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
