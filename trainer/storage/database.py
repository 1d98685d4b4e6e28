"""The SQLite connection: pragmas, transactions and schema migrations."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from trainer.errors import ErrorCode, StorageError
from trainer.privacy import create_private_file

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The migration that makes the audit log a hash chain: the log's entries are chained
# in the same transaction.
AUDIT_CHAIN_MIGRATION = 51


def now() -> str:
    """The current UTC time as stored in the database (ISO 8601, microseconds)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_uid() -> str:
    """A random 128-bit id in hex, unique across workstations (as uuid4, without its import cost)."""
    import secrets

    return secrets.token_hex(16)


def _plain(exc: sqlite3.Error) -> tuple[str, ErrorCode | None]:
    text = str(exc)
    if "disk is full" in text or "disk I/O error" in text:
        return (
            "the disk is full or cannot be written; free some space and try again",
            ErrorCode.DATABASE_DISK_FULL,
        )
    if "locked" in text or "busy" in text:
        return (
            "the database is in use by another program; close it and try again",
            ErrorCode.DATABASE_LOCKED,
        )
    if "malformed" in text or "not a database" in text:
        return "the database file is damaged", ErrorCode.DATABASE_DAMAGED
    if "readonly" in text:
        return "the database file is read-only", ErrorCode.DATABASE_READ_ONLY
    return text, None


def storage_error(exc: sqlite3.Error, where: str) -> StorageError:
    message, code = _plain(exc)
    return StorageError(message, where=where, code=code)


class Database:
    """One connection to the data folder's database, migrated on open."""

    def __init__(self, path: Path | str, *, migrate: bool = True) -> None:
        self.path = Path(path) if str(path) != ":memory:" else None
        try:
            if self.path is not None:
                create_private_file(self.path)  # personal data: the owner's eyes only
            self.conn = sqlite3.connect(
                str(path), isolation_level=None, timeout=10.0, check_same_thread=False
            )
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path is not None:
                self.conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a committed answer survives a power cut, not only a crash.
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if migrate:
                self.migrate()
        except sqlite3.Error as exc:
            raise storage_error(exc, str(path)) from exc
        except OSError as exc:
            raise StorageError(
                f"the database cannot be created ({exc.strerror})",
                where=str(path),
                code=ErrorCode.DATABASE_NOT_CREATED,
                params={"reason": exc.strerror or str(exc)},
            ) from exc

    @classmethod
    def open_read_only(cls, path: Path) -> Database:
        """An existing database opened for reading only (verification): never migrated,
        never written, its journal mode left as it is."""
        db = cls.__new__(cls)
        db.path = path
        # No -wal file: nobody has the database open, and it is read as a plain file
        # (read-only WAL access would otherwise leave -shm and -wal files behind).
        idle = not path.with_name(path.name + "-wal").exists()
        try:
            db.conn = sqlite3.connect(
                path.resolve().as_uri() + ("?mode=ro&immutable=1" if idle else "?mode=ro"),
                uri=True,
                isolation_level=None,
                timeout=10.0,
                check_same_thread=False,
            )
            db.conn.row_factory = sqlite3.Row
            db.conn.execute("PRAGMA query_only = ON")
            db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raise storage_error(exc, str(path)) from exc
        return db

    # -- transactions ---------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; rolled back on any error, storage errors made plain."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise storage_error(exc, str(self.path)) from exc
        try:
            yield self.conn
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise storage_error(exc, str(self.path)) from exc
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
                raise storage_error(exc, str(self.path)) from exc

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, str(self.path)) from exc

    def query_one(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    # -- schema -----------------------------------------------------------------
    @staticmethod
    def available_migrations() -> list[tuple[int, str, str]]:
        """(version, name, sql) for every migration shipped, in order."""
        found: list[tuple[int, str, str]] = []
        for entry in MIGRATIONS_DIR.glob("*.sql"):
            name = entry.name
            version = int(name.split("_", 1)[0])
            found.append((version, name, entry.read_text(encoding="utf-8")))
        found.sort()
        versions = [v for v, _, _ in found]
        if len(versions) != len(set(versions)):
            raise StorageError("two schema migrations share a number")
        return found

    def applied_migrations(self) -> set[int]:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        return {row[0] for row in self.conn.execute("SELECT version FROM schema_migrations")}

    def migrate(self) -> list[int]:
        """Apply every migration not yet applied, each in its own transaction."""
        done = self.applied_migrations()
        newly: list[int] = []
        for version, name, sql in self.available_migrations():
            if version in done:
                continue
            with self.transaction() as conn:
                for statement in _statements(sql):
                    conn.execute(statement)
                if version == AUDIT_CHAIN_MIGRATION:
                    from trainer.storage.audit import seal_unchained

                    seal_unchained(conn)  # the entries recorded so far join the chain
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, now()),
                )
            newly.append(version)
        self._ensure_workstation()
        return newly

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # -- this installation ------------------------------------------------------
    def _ensure_workstation(self) -> None:
        if self.conn.execute("SELECT 1 FROM workstation").fetchone() is None:
            import platform

            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO workstation (id, uid, name) VALUES (1, ?, ?)",
                    (new_uid(), platform.node() or "workstation"),
                )

    @property
    def workstation_uid(self) -> str:
        row = self.conn.execute("SELECT uid FROM workstation WHERE id = 1").fetchone()
        return str(row[0])

    # The settings table's primitives: the program reads and writes settings through
    # ``trainer.storage.settings``, which declares every key with its type and default.
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.query_one("SELECT value FROM settings WHERE key = ?", (key,))
        return str(row[0]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            self.put_setting(conn, key, value)

    @staticmethod
    def put_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
        """Store a setting inside the caller's transaction."""
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def _statements(sql: str) -> list[str]:
    """Split a migration into complete statements (triggers hold inner semicolons)."""
    out: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out
