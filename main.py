"""Start TiP Trainer: the application window, or a command (see ``--help``)."""

from __future__ import annotations

import sys

from trainer.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
