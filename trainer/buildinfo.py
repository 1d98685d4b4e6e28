"""What was built: the version, and the date and commit a packaged build was made from.

A packaged build (the installer, the Linux archive, the project's wheel) carries
``build-info.json`` next to this module, written when it was built. Run from the
source code there is none: the program is a development version.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from trainer import __version__
from trainer.files import read_bounded

BUILD_INFO_NAME = "build-info.json"
# A build file is a few hundred bytes; anything much larger is not ours.
_LIMIT = 64 * 1024


@dataclass(frozen=True)
class BuildInfo:
    version: str
    # None when run from the source code (no build-info.json)
    built: datetime | None = None
    commit: str = ""

    @property
    def development(self) -> bool:
        return self.built is None


def build_info_path() -> Path:
    return Path(__file__).resolve().parent / BUILD_INFO_NAME


def frozen() -> bool:
    """True in the self-contained build (PyInstaller), False when run by a Python."""
    return bool(getattr(sys, "frozen", False))


def read_build_info(path: Path | None = None) -> BuildInfo:
    """The build's facts; a missing or unreadable file means a development version."""
    path = path or build_info_path()
    try:
        data = json.loads(read_bounded(path, _LIMIT).decode("utf-8"))
        built = datetime.fromisoformat(str(data["built"]))
    except (OSError, ValueError, KeyError, TypeError):  # TooLargeError is an OSError
        return BuildInfo(__version__)
    if built.tzinfo is None:
        built = built.replace(tzinfo=UTC)
    commit = data.get("commit", "")
    return BuildInfo(__version__, built, commit if isinstance(commit, str) else "")


def write_build_info(path: Path, *, commit: str = "", built: datetime | None = None) -> BuildInfo:
    """Record the build date (``$SOURCE_DATE_EPOCH`` if set, for reproducible builds) and commit."""
    if built is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        built = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    info = {
        "version": __version__,
        "built": built.astimezone(UTC).isoformat(timespec="seconds"),
        "commit": commit[:40],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return read_build_info(path)


def main(argv: list[str]) -> int:
    """``python -m trainer.buildinfo FILE [COMMIT]``: write a build-info file (used by builds)."""
    if not 1 <= len(argv) <= 2:
        print("usage: python -m trainer.buildinfo FILE [COMMIT]", file=sys.stderr)
        return 2
    info = write_build_info(Path(argv[0]), commit=argv[1] if len(argv) == 2 else "")
    assert info.built is not None
    print(f"{argv[0]}: TiP Trainer {info.version}, built {info.built.isoformat()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
