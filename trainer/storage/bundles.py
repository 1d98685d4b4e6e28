"""What result bundles read and write: the rows a workstation sends, what was sent, and a
coordinator's merge of another workstation's rows, in one transaction (no Qt).

The merge rules (who is the same person, which certificate is taken) live in
``trainer.results.bundles``; this module only reads and writes the tables.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from trainer.storage import audit, certificates
from trainer.storage import sessions as sessions_store
from trainer.storage.certificates import Revocation
from trainer.storage.database import Database, now, storage_error

# A row as it travels in a bundle: column name → value.
Row = dict[str, Any]

# The columns a bundle carries for each table (a workstation's own ids stay behind).
TRAINEE_FIELDS = (
    "uid",
    "name",
    "institution",
    "service_number",
    "gender",
    "province",
    "workstation_uid",
    "created_at",
    "updated_at",
)
ATTEMPT_FIELDS = (
    "uid",
    "bank_id",
    "bank_version",
    "bank_hash",
    "module_id",
    "module_title",
    "audiences",
    "behaviour",
    "language",
    "seed",
    "pass_mark",
    "review",
    "training_hours",
    "started_at",
    "deadline",
    "finished_at",
    "state",
    "score",
    "max_score",
    "percent",
    "passed",
    "workstation_uid",
)
QUESTION_FIELDS = (
    "slot",
    "question_id",
    "kind",
    "topic",
    "max_mark",
    "snapshot",
    "response",
    "fraction",
    "mark",
    "flagged",
    "first_shown_at",
    "answered_at",
    "seconds_spent",
)
STEP_FIELDS = ("seq", "slot", "action", "response", "fraction", "created_at")


@dataclass(frozen=True)
class BundleImport:
    """A bundle imported here (the screen's history)."""

    bundle_uid: str
    workstation_name: str
    workstation_uid: str
    key_id: str
    imported_at: str


@dataclass(frozen=True)
class TraineeProfile:
    uid: str
    updated_at: str
    workstation_uid: str


def _rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[Row]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


class BundleRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- sending ------------------------------------------------------------------------
    def unsent(self, *, everything: bool = False) -> tuple[list[Row], list[Row]]:
        """The finished attempts (each with its trainee's uid) and the profiles not yet
        sent in a bundle, or all of them with ``everything``."""
        attempt_sql = (
            "SELECT a.*, t.uid AS trainee_uid FROM attempts a"
            " JOIN trainees t ON t.id = a.trainee_id WHERE a.state = 'finished'"
        )
        if not everything:
            attempt_sql += " AND a.uid NOT IN (SELECT attempt_uid FROM bundle_exported_attempts)"
        trainee_sql = "SELECT * FROM trainees"
        if not everything:
            trainee_sql += (
                " WHERE uid NOT IN (SELECT trainee_uid FROM bundle_exported_trainees e"
                " WHERE e.updated_at = trainees.updated_at)"
                " OR id IN (SELECT trainee_id FROM attempts WHERE uid NOT IN"
                " (SELECT attempt_uid FROM bundle_exported_attempts) AND state = 'finished')"
            )
        with self._reading() as conn:
            attempts = _rows(conn, attempt_sql + " ORDER BY a.id")
            trainees = _rows(conn, trainee_sql + " ORDER BY id")
        return attempts, trainees

    def questions_of(self, attempt_id: int) -> list[Row]:
        with self._reading() as conn:
            return _rows(
                conn,
                "SELECT * FROM attempt_questions WHERE attempt_id = ? ORDER BY slot",
                (attempt_id,),
            )

    def steps_of(self, attempt_id: int) -> list[Row]:
        with self._reading() as conn:
            return _rows(
                conn, "SELECT * FROM steps WHERE attempt_id = ? ORDER BY seq", (attempt_id,)
            )

    def issued_by(self, key_id: str) -> list[Row]:
        """The register's certificates signed with ``key_id``, each with its trainee's and
        attempt's uids."""
        with self._reading() as conn:
            return _rows(
                conn,
                "SELECT c.*, t.uid AS trainee_uid, a.uid AS attempt_uid FROM certificates c"
                " JOIN trainees t ON t.id = c.trainee_id LEFT JOIN attempts a ON a.id = c.attempt_id"
                " WHERE c.issuer_key_id = ? ORDER BY c.id",
                (key_id,),
            )

    def workstation(self) -> tuple[str, str]:
        """This workstation's (uid, name)."""
        row = self.db.query_one("SELECT uid, name FROM workstation WHERE id = 1")
        assert row is not None  # made when the database is opened
        return str(row[0]), str(row[1])

    def mark_sent(
        self,
        bundle_uid: str,
        attempt_uids: list[str],
        trainees: list[tuple[str, str]],
        audit_detail: str,
        actor: str | None,
    ) -> None:
        """Remember what a written bundle holds (attempt uids; trainee (uid, updated_at)),
        and log it, in one transaction."""
        stamp = now()
        with self.db.transaction() as tx:
            tx.executemany(
                "INSERT OR IGNORE INTO bundle_exported_attempts"
                " (attempt_uid, bundle_uid, exported_at) VALUES (?, ?, ?)",
                [(uid, bundle_uid, stamp) for uid in attempt_uids],
            )
            tx.executemany(
                "INSERT INTO bundle_exported_trainees (trainee_uid, updated_at, bundle_uid)"
                " VALUES (?, ?, ?) ON CONFLICT (trainee_uid) DO UPDATE SET"
                " updated_at = excluded.updated_at, bundle_uid = excluded.bundle_uid",
                [(uid, updated_at, bundle_uid) for uid, updated_at in trainees],
            )
            audit.record(self.db, "bundle.export", audit_detail, actor=actor, conn=tx)

    def pending(self) -> int:
        """Finished attempts not yet put in a bundle."""
        row = self.db.query_one(
            "SELECT count(*) FROM attempts WHERE state = 'finished' AND uid NOT IN"
            " (SELECT attempt_uid FROM bundle_exported_attempts)"
        )
        return int(row[0]) if row else 0

    # -- receiving ----------------------------------------------------------------------
    def imports(self) -> list[BundleImport]:
        """Bundles imported here, newest first."""
        return [
            BundleImport(
                r["bundle_uid"],
                r["workstation_name"],
                r["workstation_uid"],
                r["key_id"],
                r["imported_at"],
            )
            for r in self.db.query(
                "SELECT bundle_uid, workstation_name, workstation_uid, key_id, imported_at"
                " FROM bundle_imports ORDER BY imported_at DESC"
            )
        ]

    def sessions(self) -> list[dict[str, Any]]:
        """The training sessions known here, as a bundle carries them."""
        with self._reading() as conn:
            return sessions_store.bundle_records(conn)

    @contextlib.contextmanager
    def merging(self) -> Iterator[BundleMerge]:
        """One transaction for a whole bundle: any error rolls every change back."""
        with self.db.transaction() as conn:
            yield BundleMerge(self.db, conn)

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self.db.conn
        except sqlite3.Error as exc:
            raise storage_error(exc, str(self.db.path)) from exc


class BundleMerge:
    """The tables as a bundle's merge sees them, inside its one transaction."""

    def __init__(self, db: Database, conn: sqlite3.Connection) -> None:
        self.db = db
        self.conn = conn

    def sessions(self, records: list[dict[str, Any]], trainee_ids: dict[str, int]) -> None:
        """Merge the bundle's checked training sessions, in the bundle's transaction."""
        sessions_store.merge_bundle_records(self.conn, records, trainee_ids)

    def already_imported(self, bundle_uid: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM bundle_imports WHERE bundle_uid = ?", (bundle_uid,))
        return row.fetchone() is not None

    def this_workstation(self) -> str | None:
        row = self.conn.execute("SELECT uid FROM workstation WHERE id = 1").fetchone()
        return None if row is None else str(row[0])

    def other_key(self, workstation_uid: str, key_id: str) -> str | None:
        """A key other than ``key_id`` that signed the workstation's bundles before, if any."""
        row = self.conn.execute(
            "SELECT key_id FROM bundle_imports WHERE workstation_uid = ? AND key_id != ? LIMIT 1",
            (workstation_uid, key_id),
        ).fetchone()
        return None if row is None else str(row[0])

    # -- trainees ---------------------------------------------------------------------------
    def trainees(self) -> list[tuple[int, str, str, str, str | None]]:
        """(id, uid, name, institution, service number) of every trainee here."""
        return [
            (int(r[0]), r[1], r[2], r[3], r[4])
            for r in self.conn.execute(
                "SELECT id, uid, name, institution, service_number FROM trainees"
            )
        ]

    def aliases(self) -> list[tuple[str, int]]:
        """(uid, trainee id) of every profile merged into another one."""
        return [
            (r[0], int(r[1]))
            for r in self.conn.execute("SELECT uid, trainee_id FROM trainee_aliases")
        ]

    def add_alias(self, uid: str, trainee_id: int, reason: str, at: str) -> None:
        self.conn.execute(
            "INSERT INTO trainee_aliases (uid, trainee_id, reason, created_at) VALUES (?, ?, ?, ?)",
            (uid, trainee_id, reason, at),
        )

    def add_trainee(self, t: Mapping[str, Any]) -> int:
        """A profile from the bundle (``TRAINEE_FIELDS``), as a new trainee here."""
        cur = self.conn.execute(
            f"INSERT INTO trainees ({', '.join(TRAINEE_FIELDS)})"
            f" VALUES ({', '.join('?' * len(TRAINEE_FIELDS))})",
            tuple(t[k] for k in TRAINEE_FIELDS),
        )
        return int(cur.lastrowid or 0)

    def profile(self, trainee_id: int) -> TraineeProfile:
        row = self.conn.execute(
            "SELECT uid, updated_at, workstation_uid FROM trainees WHERE id = ?", (trainee_id,)
        ).fetchone()
        return TraineeProfile(row[0], row[1], row[2])

    def update_trainee(self, trainee_id: int, t: Mapping[str, Any]) -> None:
        """Take a newer profile's name, institution, number, gender, province and time."""
        self.conn.execute(
            "UPDATE trainees SET name = ?, institution = ?, service_number = ?, gender = ?,"
            " province = ?, updated_at = ? WHERE id = ?",
            (
                t["name"],
                t["institution"],
                t["service_number"],
                t["gender"],
                t["province"],
                t["updated_at"],
                trainee_id,
            ),
        )

    def fill_blanks(
        self,
        trainee_id: int,
        service_number: str | None,
        gender: str | None,
        province: str | None,
    ) -> None:
        """Fill the fields the trainee here lacks; the values it has are kept."""
        self.conn.execute(
            "UPDATE trainees SET service_number = ifnull(service_number, ?),"
            " gender = ifnull(gender, ?), province = ifnull(province, ?) WHERE id = ?",
            (service_number, gender, province, trainee_id),
        )

    # -- attempts ---------------------------------------------------------------------------
    def attempt_id(self, uid: str) -> int | None:
        row = self.conn.execute("SELECT id FROM attempts WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else int(row[0])

    def add_attempt(self, trainee_id: int, a: Mapping[str, Any]) -> int:
        """An attempt from the bundle (``ATTEMPT_FIELDS``, with its ``questions`` and
        ``steps``) recorded for the trainee here."""
        cur = self.conn.execute(
            f"INSERT INTO attempts (trainee_id, {', '.join(ATTEMPT_FIELDS)})"
            f" VALUES (?, {', '.join('?' * len(ATTEMPT_FIELDS))})",
            (trainee_id, *(a[k] for k in ATTEMPT_FIELDS)),
        )
        attempt_id = int(cur.lastrowid or 0)
        self.conn.executemany(
            f"INSERT INTO attempt_questions (attempt_id, {', '.join(QUESTION_FIELDS)})"
            f" VALUES (?, {', '.join('?' * len(QUESTION_FIELDS))})",
            [(attempt_id, *(q[k] for k in QUESTION_FIELDS)) for q in a["questions"]],
        )
        self.conn.executemany(
            f"INSERT INTO steps (attempt_id, {', '.join(STEP_FIELDS)})"
            f" VALUES (?, {', '.join('?' * len(STEP_FIELDS))})",
            [(attempt_id, *(s[k] for k in STEP_FIELDS)) for s in a["steps"]],
        )
        # what the item analysis reads of a finished attempt (migration 0081)
        self.conn.execute(
            "INSERT OR REPLACE INTO attempt_item_sets (attempt_id, question_key, item_sum,"
            " partial) SELECT attempt_id, question_key, item_sum, partial"
            " FROM attempt_item_set_rows WHERE attempt_id = ?",
            (attempt_id,),
        )
        return attempt_id

    # -- certificates -----------------------------------------------------------------------
    def registered(self, issuer_key_id: str, number: str) -> tuple[int, str] | None:
        return certificates.registered(self.conn, issuer_key_id, number)

    def valid_certificate(self, trainee_id: int, subject: str) -> tuple[int, str] | None:
        return certificates.valid_certificate(self.conn, trainee_id, subject)

    def number_taken(self, number: str) -> bool:
        return certificates.number_taken(self.conn, number)

    def add_certificate(self, row: Mapping[str, object]) -> int:
        return certificates.insert_received(self.conn, row)

    def mark_revoked(self, cert_id: int, revocation: Revocation) -> None:
        certificates.mark_revoked(self.conn, cert_id, revocation, now())

    def remember_revocation(self, revocation: Revocation) -> bool:
        return certificates.remember_revocation(self.conn, revocation, now())

    # -- the import itself ------------------------------------------------------------------
    def record_import(
        self,
        bundle_uid: str,
        key_id: str,
        workstation_uid: str,
        workstation_name: str,
        report: str,
        audit_detail: str,
        actor: str | None,
    ) -> None:
        """Remember the bundle (once) with its report, and log the import."""
        self.conn.execute(
            "INSERT INTO bundle_imports (bundle_uid, key_id, workstation_uid,"
            " workstation_name, imported_at, report) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (bundle_uid) DO NOTHING",
            (bundle_uid, key_id, workstation_uid, workstation_name, now(), report),
        )
        audit.record(self.db, "bundle.import", audit_detail, actor=actor, conn=self.conn)
