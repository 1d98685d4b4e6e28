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
from trainer.text import spreadsheet_text

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
    values = (now(), actor or SYSTEM_ACTOR, action, detail)
    sql = "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)"
    if conn is not None:
        conn.execute(sql, values)
        return
    with db.transaction() as tx:
        tx.execute(sql, values)


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
                texts = (spreadsheet_text(v) for v in (e.actor, e.action, e.detail))
                writer.writerow([e.id, e.at.isoformat(), *texts])

    replace_atomically(
        path,
        write,
        fail=lambda exc: ExportError(
            f"the audit log could not be written ({exc})", where=str(path)
        ),
    )
