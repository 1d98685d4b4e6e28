"""The workstation's side of a sync, in its own SQLite (no Qt): the outboxes of what is
still to be sent, the marks of what was sent, the status of the last sync, and the
pulled accounts, keys and revocations written into the local tables.

The outboxes are filled by triggers (migrations 0090 and 0091); a sync removes rows from
them only after the central server committed what they stand for, so an interrupted sync
sends the same rows again (the server ignores what it already holds). A record the server
refuses leaves its outbox for ``central_held``, with the server's reason, until
``send_again`` puts it back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from trainer.storage.bundles import ATTEMPT_FIELDS, QUESTION_FIELDS, STEP_FIELDS, TRAINEE_FIELDS
from trainer.storage.database import Database, now, storage_error
from trainer.storage.sessions import SESSION_FIELDS

Row = dict[str, Any]
AUDIT_MARK = "audit"
# kind of record → (its outbox, the outbox's key column)
_OUTBOXES = {
    "trainee": ("central_outbox_trainees", "trainee_id"),
    "session": ("central_outbox_sessions", "session_id"),
    "session_test": ("central_outbox_session_tests", "attempt_uid"),
    "attempt": ("central_outbox_attempts", "attempt_id"),
    "certificate": ("central_outbox_certificates", "certificate_id"),
}
# kind of record → (the table it is, its key there)
_SOURCES = {
    "trainee": ("trainees", "id"),
    "session": ("training_sessions", "id"),
    "session_test": ("session_tests", "attempt_uid"),
    "certificate": ("certificates", "id"),
}


@dataclass(frozen=True)
class LocalStatus:
    """The status row and what waits to be sent (one query)."""

    last_success_at: str | None
    last_attempt_at: str | None
    last_error_code: str | None
    last_error: str | None
    station: int | None
    server: str | None
    attempts_waiting: int
    answers_waiting: int
    trainees_waiting: int
    certificates_waiting: int
    sessions_waiting: int  # training sessions and session tests
    held: int  # records the central server refused, held back here


@dataclass(frozen=True)
class HeldRecord:
    """A record the central server refused: which one, the server's reason, and when."""

    kind: str  # 'trainee', 'session', 'session_test', 'attempt', 'certificate', 'audit'
    record: str  # its key in the outbox (an id, or a session test's attempt uid)
    label: str  # which record, in the words a coordinator knows (names, module, number)
    reason: str
    held_at: str


HELD_KINDS = ("trainee", "session", "session_test", "attempt", "certificate", "audit")
MAX_REASON = 500


def _rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[Row]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _marks(count: int) -> str:
    return ", ".join("?" * count)


class SyncLedger:
    """What this workstation has to send and has sent (its own SQLite connection)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _read(self, sql: str, params: Any = ()) -> list[Row]:
        try:
            return _rows(self.db.conn, sql, params)
        except sqlite3.Error as exc:
            raise storage_error(exc, str(self.db.path)) from exc

    # -- status -----------------------------------------------------------------------------
    def status(self) -> LocalStatus:
        row = self._read(
            "SELECT s.*,"
            " (SELECT count(*) FROM central_outbox_attempts) AS attempts_waiting,"
            " (SELECT ifnull(sum(answers), 0) FROM central_outbox_attempts) AS answers_waiting,"
            " (SELECT count(*) FROM central_outbox_trainees) AS trainees_waiting,"
            " (SELECT count(*) FROM central_outbox_certificates) AS certificates_waiting,"
            " (SELECT count(*) FROM central_outbox_sessions)"
            " + (SELECT count(*) FROM central_outbox_session_tests) AS sessions_waiting,"
            " (SELECT count(*) FROM central_held) AS held"
            " FROM central_status s WHERE s.id = 1"
        )[0]
        return LocalStatus(
            row["last_success_at"],
            row["last_attempt_at"],
            row["last_error_code"],
            row["last_error"],
            row["station"],
            row["server"],
            int(row["attempts_waiting"]),
            int(row["answers_waiting"]),
            int(row["trainees_waiting"]),
            int(row["certificates_waiting"]),
            int(row["sessions_waiting"]),
            int(row["held"]),
        )

    def station(self) -> int | None:
        """The station number the central server gave this workstation (in certificate
        numbers), once it synced."""
        row = self.db.query_one("SELECT station FROM central_status WHERE id = 1")
        return None if row is None or row[0] is None else int(row[0])

    def station_known(self, station: int) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE central_status SET station = ? WHERE id = 1", (station,))

    def succeeded(
        self, station: int, server: str, error_code: str | None, error: str | None
    ) -> None:
        """A sync that reached its end (``error``: the first problem with one part)."""
        stamp = now()
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE central_status SET last_success_at = ?, last_attempt_at = ?,"
                " last_error_code = ?, last_error = ?, station = ?, server = ? WHERE id = 1",
                (stamp, stamp, error_code, error[:500] if error else None, station, server),
            )

    def failed(self, code: str | None, message: str) -> None:
        """A sync that could not be done (one short write: a server that is down costs
        the quiz nothing)."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE central_status SET last_attempt_at = ?, last_error_code = ?,"
                " last_error = ? WHERE id = 1",
                (now(), code, message[:500]),
            )

    # -- what to send -----------------------------------------------------------------------
    def workstation_uid(self) -> str:
        return self.db.workstation_uid

    def own_key(self) -> Row | None:
        rows = self._read("SELECT key_id, public_key, name FROM trusted_keys WHERE own = 1 LIMIT 1")
        return rows[0] if rows else None

    def trainees_to_send(self, limit: int) -> list[Row]:
        return self._read(
            f"SELECT t.id, {', '.join('t.' + f for f in TRAINEE_FIELDS)}, t.function"
            " FROM central_outbox_trainees o JOIN trainees t ON t.id = o.trainee_id"
            " ORDER BY o.trainee_id LIMIT ?",
            (limit,),
        )

    def trainees_sent(self, sent: Sequence[tuple[int, str]]) -> None:
        """(trainee id, updated_at as sent): a profile changed since stays in the outbox."""
        with self.db.transaction() as conn:
            conn.executemany(
                "DELETE FROM central_outbox_trainees WHERE trainee_id = ?"
                " AND (SELECT updated_at FROM trainees WHERE id = ?) = ?",
                [(tid, tid, stamp) for tid, stamp in sent],
            )

    def sessions_to_send(self, limit: int) -> list[Row]:
        """This workstation's training sessions made or changed since they were sent."""
        return self._read(
            f"SELECT s.id, {', '.join('s.' + f for f in SESSION_FIELDS)}"
            " FROM central_outbox_sessions o JOIN training_sessions s ON s.id = o.session_id"
            " ORDER BY o.session_id LIMIT ?",
            (limit,),
        )

    def sessions_sent(self, sent: Sequence[tuple[int, str]]) -> None:
        """(session id, updated_at as sent): a session changed since stays in the outbox."""
        with self.db.transaction() as conn:
            conn.executemany(
                "DELETE FROM central_outbox_sessions WHERE session_id = ?"
                " AND (SELECT updated_at FROM training_sessions WHERE id = ?) = ?",
                [(sid, sid, stamp) for sid, stamp in sent],
            )

    def session_tests_to_send(self, limit: int) -> list[Row]:
        """Attempts of this workstation marked as a session's pre-test or post-test."""
        return self._read(
            "SELECT st.attempt_uid, st.session_uid, st.phase, a.module_id, a.started_at,"
            " t.name AS trainee_name FROM central_outbox_session_tests o"
            " JOIN session_tests st ON st.attempt_uid = o.attempt_uid"
            " LEFT JOIN attempts a ON a.uid = st.attempt_uid"
            " LEFT JOIN trainees t ON t.id = a.trainee_id ORDER BY o.attempt_uid LIMIT ?",
            (limit,),
        )

    def session_tests_sent(self, attempt_uids: Iterable[str]) -> None:
        with self.db.transaction() as conn:
            conn.executemany(
                "DELETE FROM central_outbox_session_tests WHERE attempt_uid = ?",
                [(u,) for u in attempt_uids],
            )

    def attempts_to_send(self, limit: int) -> list[Row]:
        """Finished attempts waiting, each with its trainee's uid."""
        return self._read(
            f"SELECT a.id, t.uid AS trainee_uid, t.name AS trainee_name,"
            f" {', '.join('a.' + f for f in ATTEMPT_FIELDS)}"
            " FROM central_outbox_attempts o JOIN attempts a ON a.id = o.attempt_id"
            " JOIN trainees t ON t.id = a.trainee_id ORDER BY o.attempt_id LIMIT ?",
            (limit,),
        )

    def questions_of(
        self, attempt_ids: Sequence[int], workstation_uid: str
    ) -> list[tuple[Any, ...]]:
        """The attempts' questions as the centre keeps them (``push.QUESTION_COLUMNS``:
        attempt uid, slot, workstation uid, then the rest), plain tuples (they are many)."""
        return self._tuples(
            f"SELECT a.uid, q.slot, ?, {', '.join('q.' + f for f in QUESTION_FIELDS[1:])}"
            " FROM attempt_questions q JOIN attempts a ON a.id = q.attempt_id"
            f" WHERE q.attempt_id IN ({_marks(len(attempt_ids))}) ORDER BY q.attempt_id, q.slot",
            (workstation_uid, *attempt_ids),
        )

    def steps_of(self, attempt_ids: Sequence[int], workstation_uid: str) -> list[tuple[Any, ...]]:
        """The attempts' steps as the centre keeps them (``push.STEP_COLUMNS``)."""
        return self._tuples(
            f"SELECT a.uid, s.seq, ?, {', '.join('s.' + f for f in STEP_FIELDS[1:])}"
            " FROM steps s JOIN attempts a ON a.id = s.attempt_id"
            f" WHERE s.attempt_id IN ({_marks(len(attempt_ids))}) ORDER BY s.attempt_id, s.seq",
            (workstation_uid, *attempt_ids),
        )

    def _tuples(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        try:
            cursor = self.db.conn.cursor()
            cursor.row_factory = None  # plain tuples, as they are sent
            return cursor.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, str(self.db.path)) from exc

    def attempts_sent(self, attempt_ids: Iterable[int]) -> None:
        with self.db.transaction() as conn:
            conn.executemany(
                "DELETE FROM central_outbox_attempts WHERE attempt_id = ?",
                [(i,) for i in attempt_ids],
            )

    def certificates_to_send(self, limit: int) -> list[Row]:
        return self._read(
            "SELECT c.*, t.uid AS trainee_uid, a.uid AS attempt_uid"
            " FROM central_outbox_certificates o JOIN certificates c ON c.id = o.certificate_id"
            " JOIN trainees t ON t.id = c.trainee_id LEFT JOIN attempts a ON a.id = c.attempt_id"
            " ORDER BY o.certificate_id LIMIT ?",
            (limit,),
        )

    def certificates_sent(self, sent: Sequence[tuple[int, str]]) -> None:
        """(certificate id, status as sent): a certificate revoked since stays queued."""
        with self.db.transaction() as conn:
            conn.executemany(
                "DELETE FROM central_outbox_certificates WHERE certificate_id = ?"
                " AND (SELECT status FROM certificates WHERE id = ?) = ?",
                [(cid, cid, status) for cid, status in sent],
            )

    def audit_to_send(self, limit: int) -> list[tuple[Any, ...]]:
        """(id, at, actor, action, detail, prev_hash, hash) past the mark, in order."""
        return self._tuples(
            "SELECT id, at, actor, action, detail, prev_hash, hash FROM audit_log"
            " WHERE id > (SELECT ifnull(max(last_id), 0) FROM central_marks WHERE kind = ?)"
            " ORDER BY id LIMIT ?",
            (AUDIT_MARK, limit),
        )

    def audit_sent(self, last_id: int) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO central_marks (kind, last_id) VALUES (?, ?) ON CONFLICT (kind)"
                " DO UPDATE SET last_id = max(last_id, excluded.last_id)",
                (AUDIT_MARK, last_id),
            )

    # -- what the server refused ------------------------------------------------------------
    def hold(self, kind: str, record: str, label: str, reason: str) -> None:
        """A record the central server refused: out of its outbox (an audit entry: past the
        mark), kept here with the reason, so the rest of the sync goes on."""
        if kind not in HELD_KINDS:
            raise ValueError(f"unknown kind of record: {kind}")
        with self.db.transaction() as conn:
            if kind == "audit":
                conn.execute(
                    "INSERT INTO central_marks (kind, last_id) VALUES (?, ?) ON CONFLICT (kind)"
                    " DO UPDATE SET last_id = max(last_id, excluded.last_id)",
                    (AUDIT_MARK, int(record)),
                )
            else:
                table, column = _OUTBOXES[kind]
                conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (record,))
            conn.execute(
                "INSERT OR REPLACE INTO central_held (kind, record, label, reason, held_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (kind, record, label[:300], reason[:MAX_REASON], now()),
            )

    def held(self, limit: int = 10_000) -> list[HeldRecord]:
        """The records held back, the latest first."""
        return [
            HeldRecord(str(r["kind"]), str(r["record"]), r["label"], r["reason"], r["held_at"])
            for r in self._read(
                "SELECT kind, record, label, reason, held_at FROM central_held"
                " ORDER BY held_at DESC, kind, record LIMIT ?",
                (limit,),
            )
        ]

    def send_again(self) -> int:
        """Every held record back in its outbox (the cause fixed on the server); the next
        sync sends them. A record deleted here since is dropped. Returns how many."""
        with self.db.transaction() as conn:
            held = conn.execute("SELECT kind, record FROM central_held").fetchall()
            for kind, record in held:
                if kind == "audit":
                    conn.execute(
                        "UPDATE central_marks SET last_id = min(last_id, ?) WHERE kind = ?",
                        (int(record) - 1, AUDIT_MARK),
                    )
                elif kind == "attempt":
                    conn.execute(
                        "INSERT OR IGNORE INTO central_outbox_attempts (attempt_id, answers)"
                        " SELECT id, (SELECT count(*) FROM attempt_questions q"
                        " WHERE q.attempt_id = attempts.id AND q.response IS NOT NULL)"
                        " FROM attempts WHERE id = ?",
                        (int(record),),
                    )
                else:
                    table, column = _OUTBOXES[kind]
                    source, key = _SOURCES[kind]
                    conn.execute(
                        f"INSERT OR IGNORE INTO {table} ({column})"
                        f" SELECT {key} FROM {source} WHERE {key} = ?",
                        (record,),
                    )
            conn.execute("DELETE FROM central_held")
        return len(held)

    def banks_taken(self) -> set[str]:
        """Content hashes of the published banks already taken (added or refused)."""
        return {
            str(r["content_hash"]) for r in self._read("SELECT content_hash FROM central_banks")
        }

    def bank_taken(self, content_hash: str, outcome: str) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO central_banks (content_hash, taken_at, outcome)"
                " VALUES (?, ?, ?)",
                (content_hash, now(), outcome[:500]),
            )

    # -- what was pulled --------------------------------------------------------------------
    def take_accounts(self, accounts: Sequence[Row]) -> int:
        """Staff accounts published to the centre: a new name is added, a known one takes
        the central role, password and disabled flag when the central copy is newer (its
        lockout state here is kept). Returns how many changed."""
        changed = 0
        stamp = now()
        with self.db.transaction() as conn:
            for a in accounts:
                here = conn.execute(
                    "SELECT updated_at FROM accounts WHERE name = ?", (a["name"],)
                ).fetchone()
                if here is None:
                    conn.execute(
                        "INSERT INTO accounts (name, role, password_hash, salt, kdf, disabled,"
                        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            a["name"],
                            a["role"],
                            a["password_hash"],
                            a["salt"],
                            a["kdf"],
                            int(a["disabled"]),
                            stamp,
                            a["updated_at"],
                        ),
                    )
                    changed += 1
                elif str(here[0]) < a["updated_at"]:
                    conn.execute(
                        "UPDATE accounts SET role = ?, password_hash = ?, salt = ?, kdf = ?,"
                        " disabled = ?, updated_at = ?, failed_count = 0, locked_until = NULL"
                        " WHERE name = ?",
                        (
                            a["role"],
                            a["password_hash"],
                            a["salt"],
                            a["kdf"],
                            int(a["disabled"]),
                            a["updated_at"],
                            a["name"],
                        ),
                    )
                    changed += 1
        return changed

    def local_accounts(self) -> list[Row]:
        """The accounts here, as the centre keeps them (for publishing)."""
        return self._read(
            "SELECT name, role, password_hash, salt, kdf, disabled, updated_at FROM accounts"
            " ORDER BY name"
        )

    def take_keys(self, keys: Sequence[Row]) -> int:
        """Other workstations' public keys, trusted here (a key known already is kept as
        it is). Returns how many were added."""
        added = 0
        with self.db.transaction() as conn:
            for k in keys:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO trusted_keys (key_id, public_key, name, added_at, own)"
                    " VALUES (?, ?, ?, ?, 0)",
                    (k["key_id"], k["public_key"], k["name"], now()),
                )
                added += cur.rowcount
        return added
