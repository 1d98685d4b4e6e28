"""The audit log: who did what sensitive thing, and when (append-only)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

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
