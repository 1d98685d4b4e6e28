"""Database backups with SQLite's online backup API; integrity checks; restoring a copy."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.errors import StorageError
from trainer.files import read_bounded
from trainer.privacy import create_private_file, private_folder
from trainer.storage.database import Database

DEFAULT_KEEP = 10
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


# Beside the database: the file's status when the program last closed it cleanly, or
# CHECK_NEEDED. A start trusts a database whose status is still that one (nothing has
# touched the file since a clean close, and it was sound when that session began), instead
# of reading the whole file (PRAGMA quick_check reads every page: seconds, or minutes, for
# millions of answers). The whole check then runs off the GUI thread before the start-up
# backup; a problem found there marks the file CHECK_NEEDED, so the next start checks it
# before opening it and offers a backup.
CLEAN_SUFFIX = ".closed-cleanly"
CHECK_NEEDED = "check-needed"


def _clean_file(database: Path) -> Path:
    return database.with_name(database.name + CLEAN_SUFFIX)


def _status(database: Path) -> str | None:
    """The database file's status, or None when it has side files (not closed cleanly)."""
    if any(database.with_name(database.name + s).exists() for s in _SIDE_FILES):
        return None
    stat = database.stat()
    return f"{stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns} {stat.st_ino}"


def _read_note(database: Path) -> str:
    return read_bounded(_clean_file(database), 256).decode("ascii")


def closed_cleanly(database: Path) -> bool:
    """True when the database has not changed since the program closed it cleanly."""
    try:
        recorded = _read_note(database)
        return recorded != CHECK_NEEDED and recorded == _status(database)
    except (OSError, UnicodeDecodeError):
        return False


def record_clean_close(database: Path) -> None:
    """Note the closed database's status (unless a check was found needed)."""
    marker = _clean_file(database)
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if marker.exists() and _read_note(database) == CHECK_NEEDED:
            return
        status = _status(database)
        if status is not None:
            marker.write_text(status, encoding="ascii")


def need_check(database: Path) -> None:
    """The next start checks the whole database before opening it."""
    with contextlib.suppress(OSError):
        _clean_file(database).write_text(CHECK_NEEDED, encoding="ascii")


def forget_clean_close(database: Path) -> None:
    with contextlib.suppress(OSError):
        _clean_file(database).unlink(missing_ok=True)


SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every TiP Trainer database has had since its first schema.
CORE_TABLES = frozenset({"schema_migrations", "workstation", "settings", "trainees", "attempts"})
# What people entered: a database with a row in any of these "holds data".
DATA_TABLES = ("trainees", "attempts", "accounts", "certificates")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def check_backup(path: Path) -> list[str]:
    """Why ``path`` cannot be restored as this program's database ([] when it can).

    It must be a sound SQLite file holding a TiP Trainer database whose schema this
    version knows: an empty file, another program's database or one made by a newer
    version would replace everything with something this program cannot use.
    """
    from trainer.storage.database import Database

    try:
        if not path.is_file():
            return ["the file is missing"]
        if path.stat().st_size == 0:
            return ["the file is empty (0 bytes): it holds no database"]
        if not _has_sqlite_header(path):
            return ["this is not a TiP Trainer database (it is not an SQLite database file)"]
    except OSError as exc:
        return [f"the file cannot be read ({exc.strerror})"]
    problems = check_database(path)
    if problems:
        return problems
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        tables = _tables(conn)
        if not tables >= CORE_TABLES:
            return ["this is not a TiP Trainer database (its tables are not this program's)"]
        versions = {int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations")}
    except (sqlite3.Error, ValueError, TypeError) as exc:
        return [f"this is not a TiP Trainer database ({exc})"]
    finally:
        conn.close()
    known = {v for v, _name, _sql in Database.available_migrations()}
    unknown = sorted(versions - known)
    if unknown:
        return [
            f"it was made by a newer version of TiP Trainer (schema {unknown[-1]}; this "
            f"version knows up to {max(known)}): restore it with that version or a newer one"
        ]
    if min(known) not in versions:
        return ["this is not a TiP Trainer database (its schema history is incomplete)"]
    return []


def holds_data(path: Path) -> bool:
    """Whether a database file has any trainee, attempt, account or certificate in it."""
    try:
        if not path.is_file() or path.stat().st_size == 0 or not _has_sqlite_header(path):
            return False
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return False
    try:
        tables = _tables(conn)
        return any(
            conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
            for table in DATA_TABLES
            if table in tables
        )
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def is_empty_database(path: Path) -> bool:
    """Missing, 0 bytes, or an SQLite file without a single table: nothing to open.

    (A file that is not SQLite, or is damaged, is not "empty": the damage check deals
    with it, and nothing here may hide it.)
    """
    try:
        if not path.exists() or path.stat().st_size == 0:
            return True
        if not _has_sqlite_header(path):
            return False
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return False
    try:
        return not _tables(conn)
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def newest_with_data(folder: Path) -> Backup | None:
    """The newest backup that can be restored and holds data."""
    for backup in list_backups(folder):
        if holds_data(backup.path) and not check_backup(backup.path):
            return backup
    return None


def missing_database(database: Path, folder: Path) -> Backup | None:
    """When the database is missing or empty but a backup holds data: that backup.

    Opening such a database would silently start a new installation and, start after
    start, back up nothing over the backups that hold everything.
    """
    if not is_empty_database(database):
        return None
    return newest_with_data(folder)


def create_backup(
    source: Database,
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
            source.conn.backup(target)
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
    """Delete the oldest regular backups beyond the newest ``keep``, never the newest
    backup that holds data (when the database was emptied, every backup made since holds
    nothing, and the rotation would otherwise delete the last copy of everything)."""
    regular = [b for b in list_backups(folder) if not b.label]
    removed: list[Path] = []
    beyond = regular[max(1, keep) :]
    if not beyond:
        return removed
    last_with_data = next((b for b in list_backups(folder) if holds_data(b.path)), None)
    for old in beyond:
        if last_with_data is not None and old.path == last_with_data.path:
            continue
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
    """The newest backup that can be restored (sound, this program's, a known schema)."""
    for backup in list_backups(folder):
        if not check_backup(backup.path):
            return backup
    return None


def replace_database(backup: Path, database: Path, *, keep_old: bool) -> Path | None:
    """Put a copy of ``backup`` in place of ``database`` (every connection must be closed).

    The copy is made with the backup API into a temporary file, checked, then
    renamed over the database. The old file and its WAL are moved aside (and
    kept when ``keep_old``, e.g. a damaged database someone may want to examine);
    returns where the old database was kept, if it was.
    """
    problems = check_backup(backup)
    if problems:
        raise StorageError(f"this backup cannot be restored: {problems[0]}", where=str(backup))
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
