"""The certificate register, programmes and known revocations."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from trainer.errors import CertificateError
from trainer.storage import audit
from trainer.storage.database import Database, now
from trainer.storage.sessions import NOT_PRE_TEST


@dataclass(frozen=True)
class CertifiedModule:
    id: str
    title: dict[str, str]
    bank: str = ""  # the bank's id ("" in records made before certificates named it)

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title.get("en") or self.id


@dataclass(frozen=True)
class CertificateRecord:
    id: int
    number: str
    kind: str
    trainee_id: int
    trainee_name: str
    institution: str
    attempt_id: int | None
    programme_id: int | None
    programme_name: str | None
    subject: str
    modules: tuple[CertifiedModule, ...]
    audiences: tuple[str, ...]
    score: float
    training_hours: float
    certified_on: date
    issued_at: datetime
    issuer_key_id: str
    issuer_name: str
    code: str
    status: str
    revoked_at: datetime | None
    revoked_reason: str | None
    pdf_count: int

    @property
    def revoked(self) -> bool:
        return self.status == "revoked"


@dataclass(frozen=True)
class NewCertificate:
    """What the service hands the register (the number and code are made inside)."""

    kind: str
    trainee_id: int
    trainee_name: str
    institution: str
    attempt_id: int | None
    programme_id: int | None
    programme_name: str | None
    subject: str
    modules: tuple[CertifiedModule, ...]
    audiences: tuple[str, ...]
    score: float
    training_hours: float
    certified_on: date
    issuer_key_id: str
    issuer_name: str


@dataclass(frozen=True)
class Revocation:
    issuer_key_id: str
    number: str
    reason: str
    revoked_at: str


@dataclass(frozen=True)
class PassedExam:
    """A finished, passed exam attempt: what its certificate states."""

    attempt_id: int
    trainee_id: int
    institution: str  # the trainee's
    module_id: str
    module_title: dict[str, str]
    bank_id: str
    audiences: tuple[str, ...]
    percent: float
    training_hours: float
    finished_at: str  # as stored (ISO 8601, UTC)


_PASSED_EXAM_SQL = (
    "SELECT a.id, a.trainee_id, t.institution, a.module_id, a.module_title, a.bank_id,"
    " a.audiences, a.percent, a.training_hours, a.finished_at FROM attempts a"
    " JOIN trainees t ON t.id = a.trainee_id WHERE a.state = 'finished'"
    # a training session's pre-test is taken before teaching: never certified
    " AND a.behaviour = 'exam' AND a.passed = 1 AND " + NOT_PRE_TEST
)


def _passed_exam(row: sqlite3.Row) -> PassedExam:
    return PassedExam(
        attempt_id=int(row["id"]),
        trainee_id=int(row["trainee_id"]),
        institution=row["institution"],
        module_id=row["module_id"],
        module_title=json.loads(row["module_title"]),
        bank_id=str(row["bank_id"]),
        audiences=tuple(a for a in row["audiences"].split(",") if a),
        percent=float(row["percent"] or 0.0),
        training_hours=float(row["training_hours"]),
        finished_at=row["finished_at"],
    )


@dataclass(frozen=True)
class Programme:
    id: int
    name: str
    modules: tuple[str, ...]
    training_hours: float


def _record(row: sqlite3.Row) -> CertificateRecord:
    return CertificateRecord(
        id=row["id"],
        number=row["number"],
        kind=row["kind"],
        trainee_id=row["trainee_id"],
        trainee_name=row["trainee_name"],
        institution=row["institution"],
        attempt_id=row["attempt_id"],
        programme_id=row["programme_id"],
        programme_name=row["programme_name"],
        subject=row["subject"],
        modules=tuple(
            CertifiedModule(m["id"], m["title"], str(m.get("bank", "")))
            for m in json.loads(row["modules"])
        ),
        audiences=tuple(a for a in row["audiences"].split(",") if a),
        score=row["score"],
        training_hours=row["training_hours"],
        certified_on=date.fromisoformat(row["certified_on"]),
        issued_at=datetime.fromisoformat(row["issued_at"]),
        issuer_key_id=row["issuer_key_id"],
        issuer_name=row["issuer_name"],
        code=row["code"],
        status=row["status"],
        revoked_at=datetime.fromisoformat(row["revoked_at"]) if row["revoked_at"] else None,
        revoked_reason=row["revoked_reason"],
        pdf_count=row["pdf_count"],
    )


# -- inside a caller's transaction (a bundle import adds certificates with its results) --
def valid_certificate(
    conn: sqlite3.Connection, trainee_id: int, subject: str
) -> tuple[int, str] | None:
    """(id, number) of the trainee's valid certificate for ``subject``, if any."""
    row = conn.execute(
        "SELECT id, number FROM certificates WHERE trainee_id = ? AND subject = ?"
        " AND status = 'valid'",
        (trainee_id, subject),
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def registered(conn: sqlite3.Connection, issuer_key_id: str, number: str) -> tuple[int, str] | None:
    """(id, status) of an issuer's certificate in this register, if it is here."""
    row = conn.execute(
        "SELECT id, status FROM certificates WHERE issuer_key_id = ? AND number = ?",
        (issuer_key_id, number),
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def number_taken(conn: sqlite3.Connection, number: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM certificates WHERE number = ?", (number,)).fetchone()
        is not None
    )


def insert_received(conn: sqlite3.Connection, row: Mapping[str, object]) -> int:
    """Record a certificate issued elsewhere, as received (``row``: register columns)."""
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    cur = conn.execute(
        f"INSERT INTO certificates ({columns}) VALUES ({marks})", tuple(row.values())
    )
    return int(cur.lastrowid or 0)


def mark_revoked(
    conn: sqlite3.Connection, cert_id: int, revocation: Revocation, received_at: str
) -> None:
    """The register's row revoked, and the revocation remembered for verification."""
    conn.execute(
        "UPDATE certificates SET status = 'revoked', revoked_at = ?, revoked_reason = ?"
        " WHERE id = ?",
        (revocation.revoked_at, revocation.reason, cert_id),
    )
    remember_revocation(conn, revocation, received_at)


def remember_revocation(conn: sqlite3.Connection, revocation: Revocation, received_at: str) -> bool:
    """Remember a revocation (the first news of it is kept); True if it was new."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO revocations (issuer_key_id, number, reason, revoked_at,"
        " received_at) VALUES (?, ?, ?, ?, ?)",
        (
            revocation.issuer_key_id,
            revocation.number,
            revocation.reason,
            revocation.revoked_at,
            received_at,
        ),
    )
    return cur.rowcount > 0


class CertificateRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- register ---------------------------------------------------------------------
    def find_valid(self, trainee_id: int, subject: str) -> CertificateRecord | None:
        row = self.db.query_one(
            "SELECT * FROM certificates WHERE trainee_id = ? AND subject = ? AND status = 'valid'",
            (trainee_id, subject),
        )
        return _record(row) if row else None

    def insert(
        self,
        new: NewCertificate,
        numbering: str,
        sign: Callable[[str], str],
        reserve: Callable[[int, int], int] | None = None,
    ) -> CertificateRecord:
        """Record a certificate; ``numbering`` is a format with ``{year}`` and ``{seq}``,
        ``sign(number)`` returns the signed code. One transaction: a number is never lost
        or given twice. ``reserve(year, next_in_register)`` returns the sequence number to
        use, at least the register's next, once it has recorded it outside the database
        (``trainer/certificates/numbers.py``): a restored register then cannot give a
        number again."""
        year = new.certified_on.year
        with self.db.transaction() as conn:
            existing = valid_certificate(conn, new.trainee_id, new.subject)
            if existing is not None:
                cert_id = existing[0]
            else:
                seq = int(
                    conn.execute(
                        "SELECT ifnull(max(seq), 0) + 1 FROM certificates"
                        " WHERE year = ? AND issuer_key_id = ?",
                        (year, new.issuer_key_id),
                    ).fetchone()[0]
                )
                if reserve is not None:
                    seq = reserve(year, seq)
                number = numbering.format(year=year, seq=seq)
                cur = conn.execute(
                    "INSERT INTO certificates (number, year, seq, kind, trainee_id, trainee_name,"
                    " institution, attempt_id, programme_id, programme_name, subject, modules,"
                    " audiences, score, training_hours, certified_on, issued_at, issuer_key_id,"
                    " issuer_name, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    " ?, ?, ?, ?)",
                    (
                        number,
                        year,
                        seq,
                        new.kind,
                        new.trainee_id,
                        new.trainee_name,
                        new.institution,
                        new.attempt_id,
                        new.programme_id,
                        new.programme_name,
                        new.subject,
                        json.dumps(
                            [{"id": m.id, "title": m.title, "bank": m.bank} for m in new.modules],
                            ensure_ascii=False,
                            sort_keys=True,
                        ),
                        ",".join(new.audiences),
                        new.score,
                        new.training_hours,
                        new.certified_on.isoformat(),
                        now(),
                        new.issuer_key_id,
                        new.issuer_name,
                        sign(number),
                    ),
                )
                cert_id = int(cur.lastrowid or 0)
        return self.get(cert_id)

    def get(self, cert_id: int) -> CertificateRecord:
        row = self.db.query_one("SELECT * FROM certificates WHERE id = ?", (cert_id,))
        if row is None:
            raise CertificateError(f"no certificate with id {cert_id}")
        return _record(row)

    def by_number(self, number: str) -> CertificateRecord:
        row = self.db.query_one(
            "SELECT * FROM certificates WHERE number = ?", (number.strip().upper(),)
        )
        if row is None:
            raise CertificateError(f"no certificate numbered {number} in this register")
        return _record(row)

    def records(
        self,
        search: str = "",
        *,
        status: str | None = None,
        since: date | None = None,
        until: date | None = None,
        institution: str | None = None,
    ) -> list[CertificateRecord]:
        sql = "SELECT * FROM certificates WHERE (trainee_name LIKE ? OR number LIKE ?)"
        pattern = f"%{search.strip()}%"
        params: list[object] = [pattern, pattern]
        if status:
            sql += " AND status = ?"
            params.append(status)
        if since:
            sql += " AND certified_on >= ?"
            params.append(since.isoformat())
        if until:
            sql += " AND certified_on <= ?"
            params.append(until.isoformat())
        if institution:
            sql += " AND institution = ?"
            params.append(institution)
        sql += " ORDER BY certified_on DESC, year DESC, seq DESC, number"
        return [_record(r) for r in self.db.query(sql, params)]

    def revoke(self, number: str, reason: str) -> CertificateRecord:
        record = self.by_number(number)
        reason = " ".join(reason.split())
        if not reason:
            raise CertificateError("give a reason for revoking the certificate")
        if record.revoked:
            raise CertificateError(f"certificate {record.number} is already revoked")
        stamp = now()
        with self.db.transaction() as conn:
            mark_revoked(
                conn,
                record.id,
                Revocation(record.issuer_key_id, record.number, reason, stamp),
                stamp,
            )
        return self.get(record.id)

    def pdf_written(
        self, cert_ids: list[int], action: str, audit_detail: str, actor: str | None
    ) -> None:
        """Count the PDFs written, and log it, in one transaction."""
        stamp = now()
        with self.db.transaction() as conn:
            conn.executemany(
                "UPDATE certificates SET pdf_count = pdf_count + 1, last_pdf_at = ? WHERE id = ?",
                [(stamp, cert_id) for cert_id in cert_ids],
            )
            audit.record(self.db, action, audit_detail, actor=actor, conn=conn)

    # -- revocations ------------------------------------------------------------------
    def revocation(self, issuer_key_id: str, number: str) -> Revocation | None:
        row = self.db.query_one(
            "SELECT * FROM revocations WHERE issuer_key_id = ? AND number = ?",
            (issuer_key_id, number),
        )
        if row is None:
            return None
        return Revocation(row["issuer_key_id"], row["number"], row["reason"], row["revoked_at"])

    def revocations_by(self, issuer_key_id: str) -> list[Revocation]:
        rows = self.db.query(
            "SELECT * FROM revocations WHERE issuer_key_id = ? ORDER BY number", (issuer_key_id,)
        )
        return [
            Revocation(r["issuer_key_id"], r["number"], r["reason"], r["revoked_at"]) for r in rows
        ]

    def add_revocations(self, entries: Iterable[Revocation]) -> int:
        """Remember revocations from a verified list; returns how many were new."""
        added = 0
        stamp = now()
        with self.db.transaction() as conn:
            for e in entries:
                added += remember_revocation(conn, e, stamp)
        return added

    # -- what may be certified ---------------------------------------------------------
    def passed_exam(self, attempt_id: int) -> PassedExam | None:
        """The attempt, if it is a finished and passed exam."""
        row = self.db.query_one(_PASSED_EXAM_SQL + " AND a.id = ?", (attempt_id,))
        return _passed_exam(row) if row is not None else None

    def passed_exams(self) -> list[PassedExam]:
        """Every passed exam attempt, in the order they were finished."""
        return [
            _passed_exam(r)
            for r in self.db.query(_PASSED_EXAM_SQL + " ORDER BY a.finished_at, a.id")
        ]

    def best_passed_exam(self, trainee_id: int, module_id: str) -> PassedExam | None:
        """The trainee's best passed exam in the module (the earliest of equal scores)."""
        row = self.db.query_one(
            _PASSED_EXAM_SQL + " AND a.trainee_id = ? AND a.module_id = ?"
            " ORDER BY a.percent DESC, a.finished_at LIMIT 1",
            (trainee_id, module_id),
        )
        return _passed_exam(row) if row is not None else None

    def trainees_with_a_pass(self) -> list[int]:
        """Every trainee with at least one passed attempt."""
        return [
            int(r[0])
            for r in self.db.query("SELECT DISTINCT trainee_id FROM attempts WHERE passed = 1")
        ]

    # -- programmes -------------------------------------------------------------------
    def programmes(self) -> list[Programme]:
        return [
            Programme(r["id"], r["name"], tuple(r["modules"].split(",")), r["training_hours"])
            for r in self.db.query("SELECT * FROM programmes ORDER BY name COLLATE NOCASE")
        ]

    def programme(self, programme_id: int) -> Programme:
        for p in self.programmes():
            if p.id == programme_id:
                return p
        raise CertificateError(f"no programme with id {programme_id}")

    def save_programme(
        self, name: str, modules: Iterable[str], training_hours: float = 0.0
    ) -> Programme:
        name = " ".join(name.split())
        ids = [m for m in modules if m]
        if not name:
            raise CertificateError("a programme needs a name")
        if not ids:
            raise CertificateError("a programme needs at least one module")
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO programmes (name, modules, training_hours, created_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET modules = excluded.modules,"
                " training_hours = excluded.training_hours",
                (name, ",".join(ids), training_hours, now()),
            )
        return next(p for p in self.programmes() if p.name == name)
