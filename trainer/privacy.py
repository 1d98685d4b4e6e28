"""Owner-only files and folders for what holds personal data, password hashes and keys.

On POSIX systems the data folder, its backups and keys are made 0700 and the files in
them 0600, whatever the umask. On Windows nothing is changed: the data folder lives in
the user's profile, whose access list already keeps other users out, and ``chmod``
there only toggles the read-only flag.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
APPLIES = os.name == "posix"


def private_folder(path: Path) -> Path:
    """Create ``path`` (and parents) if needed, then make it owner-only."""
    path.mkdir(parents=True, exist_ok=True)
    if APPLIES:
        with contextlib.suppress(OSError):  # a folder we do not own: leave it as it is
            path.chmod(PRIVATE_FOLDER)
    return path


def private_file(path: Path) -> None:
    """Make an existing file owner-only (nothing happens if it is missing)."""
    if APPLIES:
        with contextlib.suppress(OSError):
            path.chmod(PRIVATE_FILE)


def private_files(paths: Iterable[Path]) -> None:
    for path in paths:
        if path.is_file():
            private_file(path)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, unless it exists already.

    SQLite opens an empty file as a new database and gives its journal and WAL the
    database file's mode, so creating it this way keeps all three private from the start.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)
    private_file(path)  # the umask may have removed bits, never added: this is for clarity
