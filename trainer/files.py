"""Writing a file so that a crash, a power cut or a full disk never leaves half of one.

Every file the program writes for people to keep (exports, certificates, banks, bundles,
keys, revocation lists) goes through ``replace_atomically``: the new content is written
to a temporary file beside the target, flushed to the disk, then renamed over the
target. Until the rename, the old file (if any) is untouched; after it, the new one is
complete.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def temporary_beside(path: Path) -> Path:
    """Where ``path`` is written before it is renamed into place (hidden, same folder)."""
    return path.with_name(f".{path.name}.part")


def replace_atomically(
    path: Path,
    write: Callable[[Path], T],
    *,
    fail: Callable[[OSError], Exception],
    durable: bool = True,
) -> T:
    """Call ``write`` with a temporary path beside ``path``, flush what it wrote to the
    disk, then rename it over ``path`` and return what ``write`` returned.

    On an ``OSError`` (disk full, no permission, folder gone) the temporary file is
    removed, ``path`` is left as it was, and ``fail(error)`` is raised instead; any other
    exception from ``write`` also removes the temporary file and goes on up.

    ``durable=False`` skips the flush to the disk, for files the program can make again
    from its database (a certificate PDF is printed again from the register): a batch of
    hundreds then does not wait for the disk once per file.
    """
    tmp = temporary_beside(path)
    try:
        result = write(tmp)
        if durable:
            _flush_to_disk(tmp)
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise fail(exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return result


class TooLargeError(OSError):
    """A file holds more than the limit the reader set (``read_bounded``)."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(f"{path}: larger than {limit} bytes")
        self.path = path
        self.limit = limit


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, reading at most ``limit + 1`` whatever the file claims to be
    (``stat()`` says 0 for ``/dev/zero``, a pipe or a growing file).

    ``TooLargeError`` when there is more than ``limit``; any other ``OSError`` as raised.
    Every file that comes from outside (banks, keys, bundles, lists, PDFs, pictures)
    is read through here.
    """
    chunks: list[bytes] = []
    left = limit + 1
    with Path(path).open("rb") as fh:
        if os.fstat(fh.fileno()).st_size > limit:  # a regular file says so: not read at all
            raise TooLargeError(path, limit)
        while left > 0:
            chunk = fh.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:
        raise TooLargeError(path, limit)
    return data


def size_text(count: int) -> str:
    """A byte count for people: '512 bytes', '3.2 MiB'."""
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count / 1048576:.1f} MiB"


def write_bytes_atomically(
    path: Path, data: bytes, *, fail: Callable[[OSError], Exception]
) -> None:
    replace_atomically(path, lambda tmp: tmp.write_bytes(data), fail=fail)


def write_text_atomically(
    path: Path,
    text: str,
    *,
    fail: Callable[[OSError], Exception],
    encoding: str = "utf-8",
) -> None:
    """``text`` with ``\\n`` line ends on every system."""
    write_bytes_atomically(path, text.encode(encoding), fail=fail)


def _flush_to_disk(path: Path) -> None:
    """The rename is only as safe as the data under it: make the system write it out."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
