"""The audit log: who did what sensitive thing, and when (append-only)."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trainer.errors import ExportError
from trainer.files import replace_atomically
from trainer.storage.database import Database, now
from trainer.text import spreadsheet_text

SYSTEM_ACTOR = "system"
GENESIS = "0" * 64  # the link before the first entry


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


def entry_hash(prev_hash: str, entry_id: int, at: str, actor: str, action: str, detail: str) -> str:
    """The link of one entry: SHA-256 of the previous link and everything the entry says."""
    body = json.dumps([entry_id, at, actor, action, detail], ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def _append(conn: sqlite3.Connection, at: str, actor: str, action: str, detail: str) -> None:
    """Add an entry chained to the last one (inside the caller's write transaction, so no
    other writer can come between reading the last link and adding this one)."""
    last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    entry_id = int(last[0]) + 1 if last else 1
    prev = str(last[1]) if last and last[1] else GENESIS
    conn.execute(
        "INSERT INTO audit_log (id, at, actor, action, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            entry_id,
            at,
            actor,
            action,
            detail,
            prev,
            entry_hash(prev, entry_id, at, actor, action, detail),
        ),
    )


def seal_unchained(conn: sqlite3.Connection) -> int:
    """Chain the entries recorded before the log was a chain (once, as the schema is
    upgraded: called by the migration that adds the links). Returns how many."""
    prev = GENESIS
    sealed = 0
    rows = conn.execute(
        "SELECT id, at, actor, action, detail, hash FROM audit_log ORDER BY id"
    ).fetchall()
    for r in rows:
        if r[5]:
            prev = str(r[5])
            continue
        link = entry_hash(prev, int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]))
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, link, r[0])
        )
        prev = link
        sealed += 1
    return sealed


@dataclass(frozen=True)
class ChainReport:
    """The integrity check of the audit log: every break found, in order."""

    entries: int
    breaks: list[str]

    @property
    def intact(self) -> bool:
        return not self.breaks


MAX_BREAKS_LISTED = 50


def verify_chain(db: Database) -> ChainReport:
    """Walk the log from the first entry: each must follow the one before it (its
    ``prev_hash`` is that entry's hash) and match its own hash. Removing entries shows at
    the entry after the gap, changing one at that entry, one slipped in at that entry.

    (Removing the newest entries leaves no gap after them: compare with a backup.)
    """
    breaks: list[str] = []
    count = 0
    prev_id: int | None = None
    prev_hash = GENESIS
    cursor = db.conn.execute(
        "SELECT id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY id"
    )
    for r in cursor:
        count += 1
        entry_id, link = int(r[0]), r[6]
        where = f"entry {entry_id}"
        if not link or not r[5]:
            breaks.append(f"{where} was not recorded by TiP Trainer (it has no link)")
        elif r[5] != prev_hash:
            after = f"entry {prev_id}" if prev_id is not None else "the start of the log"
            breaks.append(
                f"{where} does not follow {after}: entries between them were removed or changed"
            )
        elif link != entry_hash(str(r[5]), entry_id, str(r[1]), str(r[2]), str(r[3]), str(r[4])):
            breaks.append(f"{where} was changed after it was recorded")
        prev_id = entry_id
        prev_hash = str(link) if link else GENESIS  # as the next entry was chained
    if len(breaks) > MAX_BREAKS_LISTED:
        more = len(breaks) - MAX_BREAKS_LISTED
        breaks = [*breaks[:MAX_BREAKS_LISTED], f"... and {more} more"]
    return ChainReport(count, breaks)


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
                texts = (spreadsheet_text(v) for v in (e.actor, e.action, e.detail))
                writer.writerow([e.id, e.at.isoformat(), *texts])

    replace_atomically(
        path,
        write,
        fail=lambda exc: ExportError(
            f"the audit log could not be written ({exc})", where=str(path)
        ),
    )
