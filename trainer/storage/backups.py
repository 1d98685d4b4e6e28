"""Database backups with SQLite's online backup API; integrity checks; restoring a copy."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.errors import StorageError
from trainer.privacy import create_private_file, private_folder

DEFAULT_KEEP = 10
KEEP_SETTING = "backups_keep"
DAILY = timedelta(hours=24)
_NAME = re.compile(r"^tip-trainer-(\d{8}T\d{12})Z(?:-([a-z][a-z-]*))?\.sqlite3$")
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC, from the file name
    size: int
    label: str = ""  # "" for a regular backup, e.g. "before-restore"

    @property
    def name(self) -> str:
        return self.path.name


def backup_name(at: datetime, label: str = "") -> str:
    stamp = at.astimezone(UTC).strftime("%Y%m%dT%H%M%S%f")
    return f"tip-trainer-{stamp}Z{'-' + label if label else ''}.sqlite3"


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first (other files are ignored)."""
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        taken = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
        found.append(Backup(path, taken, path.stat().st_size, match.group(2) or ""))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def check_database(path: Path) -> list[str]:
    """Problems ``PRAGMA quick_check`` finds in the database file ([] when sound or absent)."""
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(str(path))
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def create_backup(
    source: sqlite3.Connection,
    folder: Path,
    *,
    keep: int | None = DEFAULT_KEEP,
    label: str = "",
    now: datetime | None = None,
) -> Backup:
    """Copy the live database into ``folder`` (consistent even while it is in use).

    The copy is written under a temporary name and renamed when complete, so a
    crash never leaves a half-written file that looks like a backup. With
    ``keep``, only that many regular backups are kept (labelled ones stay).
    """
    at = now or datetime.now(UTC)
    final = folder / backup_name(at, label)
    part = final.with_name(final.name + ".part")
    try:
        private_folder(folder)
        part.unlink(missing_ok=True)
        create_private_file(part)  # a copy of personal data: the owner's eyes only
        target = sqlite3.connect(str(part))
        try:
            source.backup(target)
        finally:
            target.close()
        part.replace(final)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise StorageError(f"the backup could not be written ({exc})", where=str(folder)) from exc
    if keep is not None:
        prune(folder, keep)
    return Backup(final, at, final.stat().st_size, label)


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete the oldest regular backups beyond the newest ``keep``."""
    regular = [b for b in list_backups(folder) if not b.label]
    removed: list[Path] = []
    for old in regular[max(1, keep) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def backup_due(folder: Path, now: datetime | None = None, every: timedelta = DAILY) -> bool:
    """True when no regular backup is younger than ``every``."""
    regular = [b for b in list_backups(folder) if not b.label]
    if not regular:
        return True
    return (now or datetime.now(UTC)) - regular[0].taken_at >= every


def latest_good(folder: Path) -> Backup | None:
    """The newest backup that passes the integrity check."""
    for backup in list_backups(folder):
        if not check_database(backup.path):
            return backup
    return None


def replace_database(backup: Path, database: Path, *, keep_old: bool) -> Path | None:
    """Put a copy of ``backup`` in place of ``database`` (every connection must be closed).

    The copy is made with the backup API into a temporary file, checked, then
    renamed over the database. The old file and its WAL are moved aside (and
    kept when ``keep_old``, e.g. a damaged database someone may want to examine);
    returns where the old database was kept, if it was.
    """
    problems = check_database(backup)
    if problems or not backup.is_file():
        reason = problems[0] if problems else "the file is missing"
        raise StorageError(f"this backup cannot be restored: {reason}", where=str(backup))
    incoming = database.with_name(database.name + ".restoring")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = database.with_name(f"{database.name}.replaced-{stamp}")
    try:
        incoming.unlink(missing_ok=True)
        create_private_file(incoming)
        source = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
        target = sqlite3.connect(str(incoming))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        if check_database(incoming):  # pragma: no cover - a disk failing under us
            raise StorageError("the restored copy failed its check", where=str(incoming))
        # A WAL left from the old database would be replayed into the new one: move it too.
        for suffix in ("", *_SIDE_FILES):
            old = database.with_name(database.name + suffix)
            if old.exists():
                if keep_old:
                    old.replace(kept.with_name(kept.name + suffix))
                else:
                    old.unlink()
        incoming.replace(database)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
        raise StorageError(
            f"the backup could not be restored ({exc})", where=str(database)
        ) from exc
    return kept if keep_old and kept.exists() else None
