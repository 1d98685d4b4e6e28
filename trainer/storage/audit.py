"""The audit log: who did what sensitive thing, and when (append-only)."""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trainer.errors import ExportError
from trainer.files import replace_atomically
from trainer.storage.database import Database, now

SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    detail: str


def record(
    db: Database,
    action: str,
    detail: str = "",
    actor: str | None = None,
    conn: sqlite3.Connection | None = None,
) -> None:
    """Append an entry; pass ``conn`` to make it part of the caller's transaction."""
    if conn is not None:
        _append(conn, now(), actor or SYSTEM_ACTOR, action, detail)
        return
    with db.transaction() as tx:
        _append(tx, now(), actor or SYSTEM_ACTOR, action, detail)


def _append(conn: sqlite3.Connection, at: str, actor: str, action: str, detail: str) -> None:
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
        (at, actor, action, detail),
    )


# (at, actor, action, detail): an entry as recorded, without its place in a log.
RawEntry = tuple[str, str, str, str]


def all_entries(db: Database) -> list[RawEntry]:
    """Every entry, oldest first, as recorded."""
    return [
        (str(r[0]), str(r[1]), str(r[2]), str(r[3]))
        for r in db.query("SELECT at, actor, action, detail FROM audit_log ORDER BY id")
    ]


def carry_over(
    db: Database, previous: list[RawEntry], action: str, detail: str, actor: str | None
) -> int:
    """After a restore: append the entries of the replaced log that the restored one lacks
    (those recorded after the backup was taken), then ``action`` saying how many were
    kept; one transaction. Returns that number."""
    with db.transaction() as conn:
        present = {
            (str(r[0]), str(r[1]), str(r[2]), str(r[3]))
            for r in conn.execute("SELECT at, actor, action, detail FROM audit_log")
        }
        missing = [e for e in previous if e not in present]
        for at, who, what, said in missing:
            _append(conn, at, who, what, said)
        note = (
            f"; the {len(missing)} audit entries recorded after the backup was taken are "
            "kept (just before this one)"
            if missing
            else ""
        )
        _append(conn, now(), actor or SYSTEM_ACTOR, action, detail + note)
    return len(missing)


def entries(db: Database, *, action: str | None = None, limit: int = 1000) -> list[AuditEntry]:
    sql = "SELECT * FROM audit_log"
    params: list[object] = []
    if action:
        sql += " WHERE action = ?"
        params.append(action)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    return [
        AuditEntry(r["id"], datetime.fromisoformat(r["at"]), r["actor"], r["action"], r["detail"])
        for r in db.query(sql, params)
    ]


def search(
    db: Database, *, text: str = "", action: str = "", limit: int = 5000
) -> list[AuditEntry]:
    """Newest first; ``text`` matches the actor, action or detail; ``action`` a prefix."""
    sql = "SELECT * FROM audit_log WHERE 1 = 1"
    params: list[object] = []
    if text.strip():
        pattern = f"%{text.strip()}%"
        sql += " AND (actor LIKE ? OR action LIKE ? OR detail LIKE ?)"
        params += [pattern, pattern, pattern]
    if action:
        sql += " AND action LIKE ?"
        params.append(f"{action}%")
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    return [
        AuditEntry(r["id"], datetime.fromisoformat(r["at"]), r["actor"], r["action"], r["detail"])
        for r in db.query(sql, params)
    ]


def actions(db: Database) -> list[str]:
    """The distinct actions recorded so far, sorted (for a filter list)."""
    return [str(r[0]) for r in db.query("SELECT DISTINCT action FROM audit_log ORDER BY action")]


def write_csv(rows: list[AuditEntry], path: Path) -> None:
    """Write entries as CSV (UTF-8 with BOM, so spreadsheet programs read accents right).

    Written to a temporary file, then renamed: a failed export leaves no half file.
    """

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "at_utc", "actor", "action", "detail"])
            for e in rows:
                writer.writerow([e.id, e.at.isoformat(), e.actor, e.action, e.detail])

    replace_atomically(
        path,
        write,
        fail=lambda exc: ExportError(
            f"the audit log could not be written ({exc})", where=str(path)
        ),
    )
