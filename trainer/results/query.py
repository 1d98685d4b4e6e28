"""Finding attempts: the filters shared by the results browser, exports and summaries."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from trainer.errors import TrainerError
from trainer.storage.database import Database
from trainer.storage.trainees import Institution, Trainee


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"


@dataclass(frozen=True)
class ResultFilter:
    """Which attempts to show or export; every field left empty matches everything.

    Dates are calendar days (UTC) on the attempt's start, both ends included.
    """

    date_from: date | None = None
    date_to: date | None = None
    module_id: str | None = None
    audience: str | None = None
    institution: Institution | None = None
    trainee_id: int | None = None
    trainee_search: str = ""
    outcome: Outcome | None = None
    workstation_uid: str | None = None
    behaviour: str | None = None
    finished_only: bool = False

    def where(self) -> tuple[str, list[object]]:
        """A WHERE clause over ``attempts a JOIN trainees t`` ('' when nothing is filtered)."""
        parts: list[str] = []
        params: list[object] = []
        if self.date_from is not None:
            parts.append("a.started_at >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            parts.append("a.started_at < ?")
            params.append((self.date_to + timedelta(days=1)).isoformat())
        if self.module_id:
            parts.append("a.module_id = ?")
            params.append(self.module_id)
        if self.audience:
            parts.append("(',' || a.audiences || ',') LIKE ?")
            params.append(f"%,{self.audience},%")
        if self.institution is not None:
            parts.append("t.institution = ?")
            params.append(self.institution.value)
        if self.trainee_id is not None:
            parts.append("a.trainee_id = ?")
            params.append(self.trainee_id)
        if self.trainee_search.strip():
            pattern = f"%{self.trainee_search.strip()}%"
            parts.append("(t.name LIKE ? OR ifnull(t.service_number, '') LIKE ?)")
            params.extend([pattern, pattern])
        if self.outcome is Outcome.PASSED:
            parts.append("a.passed = 1")
        elif self.outcome is Outcome.FAILED:
            parts.append("a.passed = 0")
        if self.workstation_uid:
            parts.append("a.workstation_uid = ?")
            params.append(self.workstation_uid)
        if self.behaviour:
            parts.append("a.behaviour = ?")
            params.append(self.behaviour)
        if self.finished_only:
            parts.append("a.state = 'finished'")
        return (" WHERE " + " AND ".join(parts) if parts else ""), params


class SortKey(StrEnum):
    STARTED = "started"
    TRAINEE = "trainee"
    INSTITUTION = "institution"
    MODULE = "module"
    BEHAVIOUR = "behaviour"
    PERCENT = "percent"
    PASSED = "passed"
    WORKSTATION = "workstation"


_SORT_SQL = {
    SortKey.STARTED: "a.started_at",
    SortKey.TRAINEE: "t.name COLLATE NOCASE",
    SortKey.INSTITUTION: "t.institution",
    SortKey.MODULE: "a.module_id",
    SortKey.BEHAVIOUR: "a.behaviour",
    SortKey.PERCENT: "a.percent",
    SortKey.PASSED: "a.passed",
    SortKey.WORKSTATION: "a.workstation_uid",
}


@dataclass(frozen=True)
class AttemptRow:
    """One line of the results browser."""

    id: int
    uid: str
    trainee_id: int
    trainee_name: str
    institution: Institution
    module_id: str
    module_title: dict[str, str]
    behaviour: str
    state: str
    started_at: datetime
    finished_at: datetime | None
    percent: float | None
    passed: bool | None
    workstation_uid: str

    def title(self, lang: str) -> str:
        return self.module_title.get(lang) or next(iter(self.module_title.values()), self.module_id)


_ROW_SQL = (
    "SELECT a.id, a.uid, a.trainee_id, t.name AS trainee_name, t.institution, a.module_id,"
    " a.module_title, a.behaviour, a.state, a.started_at, a.finished_at, a.percent, a.passed,"
    " a.workstation_uid FROM attempts a JOIN trainees t ON t.id = a.trainee_id"
)


def _attempt_row(r: sqlite3.Row) -> AttemptRow:
    return AttemptRow(
        id=r["id"],
        uid=r["uid"],
        trainee_id=r["trainee_id"],
        trainee_name=r["trainee_name"],
        institution=Institution(r["institution"]),
        module_id=r["module_id"],
        module_title=_title(r["module_title"]),
        behaviour=r["behaviour"],
        state=r["state"],
        started_at=datetime.fromisoformat(r["started_at"]),
        finished_at=datetime.fromisoformat(r["finished_at"]) if r["finished_at"] else None,
        percent=r["percent"],
        passed=None if r["passed"] is None else bool(r["passed"]),
        workstation_uid=r["workstation_uid"],
    )


def _title(text: str) -> dict[str, str]:
    try:
        value = json.loads(text)
    except ValueError:
        return {"en": text}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def large_reads(db: Database) -> None:
    """Read the database through a memory map: much faster for scans of millions of rows."""
    db.conn.execute("PRAGMA mmap_size = 1073741824")


def count_attempts(db: Database, flt: ResultFilter) -> int:
    where, params = flt.where()
    row = db.query_one(
        "SELECT count(*) FROM attempts a JOIN trainees t ON t.id = a.trainee_id" + where, params
    )
    return int(row[0]) if row else 0


def page_attempts(
    db: Database,
    flt: ResultFilter,
    *,
    sort: SortKey = SortKey.STARTED,
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[AttemptRow]:
    """One page of attempts in a stable order (ties broken by attempt id)."""
    if limit <= 0 or offset < 0:
        raise TrainerError("a page needs a positive size and a non-negative start")
    where, params = flt.where()
    direction = "DESC" if descending else "ASC"
    sql = (
        f"{_ROW_SQL}{where} ORDER BY {_SORT_SQL[sort]} {direction}, a.id {direction}"
        " LIMIT ? OFFSET ?"
    )
    return [_attempt_row(r) for r in db.query(sql, [*params, limit, offset])]


def modules(db: Database) -> list[tuple[str, dict[str, str]]]:
    """Every module that has attempts, with its title as last recorded."""
    rows = db.query(
        "SELECT module_id, module_title FROM attempts WHERE id IN"
        " (SELECT max(id) FROM attempts GROUP BY module_id) ORDER BY module_id"
    )
    return [(r["module_id"], _title(r["module_title"])) for r in rows]


def workstations(db: Database) -> list[str]:
    rows = db.query("SELECT DISTINCT workstation_uid FROM attempts ORDER BY workstation_uid")
    return [str(r[0]) for r in rows]


@dataclass(frozen=True)
class CertificateLine:
    """A certificate in the register held by a trainee."""

    number: str
    subject: str  # a module id, or the programme's name
    certified_on: str
    revoked: bool


@dataclass(frozen=True)
class Transcript:
    """Everything one trainee did: every attempt and every certificate."""

    trainee: Trainee
    attempts: list[AttemptRow]
    certificates: list[CertificateLine] = field(default_factory=list)

    @property
    def modules_passed(self) -> list[str]:
        return sorted(
            {a.module_id for a in self.attempts if a.behaviour == "exam" and a.passed is True}
        )


def transcript(db: Database, trainee: Trainee) -> Transcript:
    rows = db.query(_ROW_SQL + " WHERE a.trainee_id = ? ORDER BY a.started_at", (trainee.id,))
    return Transcript(trainee, [_attempt_row(r) for r in rows], _certificates(db, trainee.id))


def _certificates(db: Database, trainee_id: int) -> list[CertificateLine]:
    rows = db.query(
        "SELECT number, CASE WHEN kind = 'programme' THEN ifnull(programme_name, subject)"
        " ELSE subject END AS subject, certified_on, status FROM certificates"
        " WHERE trainee_id = ? ORDER BY certified_on, number",
        (trainee_id,),
    )
    return [
        CertificateLine(r["number"], r["subject"], r["certified_on"], r["status"] == "revoked")
        for r in rows
    ]
