"""One running program per data folder: an operating-system lock on a file in it.

The lock belongs to the open file, so the system releases it when the program
ends in any way (a crash or a power cut included): there is never a stale lock
to clean up by hand.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from trainer.errors import StorageError

LOCK_NAME = "tip-trainer.lock"


class InstanceLock:
    """Held while the application window is open on a data folder."""

    def __init__(self, data_root: Path) -> None:
        self.path = data_root / LOCK_NAME
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> bool:
        """Take the lock; False if another program holds it."""
        if self._file is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = self.path.open("a+b")  # kept open while the lock is held
        except OSError as exc:
            raise StorageError(
                f"the lock file cannot be opened ({exc})", where=str(self.path)
            ) from exc
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            _unlock(self._file)
        self._file.close()
        self._file = None

    def holder_pid(self) -> int | None:
        """The process id written by whoever holds the lock (for messages only)."""
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def is_running(data_root: Path) -> bool:
    """Whether a program holds the data folder's lock right now."""
    probe = InstanceLock(data_root)
    if probe.acquire():
        probe.release()
        return False
    return True
