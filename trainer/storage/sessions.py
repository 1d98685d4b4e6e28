"""Training sessions: the sessions, their participants, attendance and pre/post-test attempts.

Nothing here is ever erased: a deleted session is hidden (``deleted_at``) and keeps its
participants, attendance and attempts, so a participant's record survives any edit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from trainer.errors import TrainerError
from trainer.storage.attempts import SqliteRecorder
from trainer.storage.database import Database, new_uid, now
from trainer.storage.trainees import Institution, Trainee
from trainer.storage.trainees import _row as _trainee_row

MAX_DAYS = 5
MAX_HOURS = 200.0
TEXT_MAX = 300

# Attempts that are not a session's pre-test, as a condition on ``a`` (attempts): a pre-test
# is taken before teaching and is never certified nor counted as an exam.
NOT_PRE_TEST = "a.uid NOT IN (SELECT attempt_uid FROM session_tests WHERE phase = 'pre')"


class Phase(StrEnum):
    PRE = "pre"
    POST = "post"


@dataclass(frozen=True)
class ModuleRef:
    bank: str
    id: str

    def to_data(self) -> dict[str, str]:
        return {"bank": self.bank, "id": self.id}

    @classmethod
    def from_data(cls, data: Any) -> ModuleRef:
        return cls(str(data["bank"]), str(data["id"]))


@dataclass(frozen=True)
class SessionDraft:
    """What a trainer enters for a session (creating or editing it)."""

    title: str
    institution: Institution
    start_date: date
    end_date: date
    venue: str = ""
    province: str = ""
    trainers: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    modules: tuple[ModuleRef, ...] = ()
    planned_hours: float = 0.0
    pre_test: ModuleRef | None = None
    post_test: ModuleRef | None = None
    same_questions: bool = False


@dataclass(frozen=True)
class TrainingSession:
    id: int
    uid: str
    title: str
    institution: Institution
    venue: str
    province: str
    start_date: date
    end_date: date
    trainers: tuple[str, ...]
    audiences: tuple[str, ...]
    modules: tuple[ModuleRef, ...]
    planned_hours: float
    pre_test: ModuleRef | None
    post_test: ModuleRef | None
    same_questions: bool
    open_test: Phase | None
    deleted: bool

    @property
    def days(self) -> list[date]:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=i) for i in range(count)]

    @property
    def hours_per_day(self) -> float:
        return self.planned_hours / len(self.days) if self.days else 0.0

    def draft(self) -> SessionDraft:
        return SessionDraft(
            title=self.title,
            institution=self.institution,
            start_date=self.start_date,
            end_date=self.end_date,
            venue=self.venue,
            province=self.province,
            trainers=self.trainers,
            audiences=self.audiences,
            modules=self.modules,
            planned_hours=self.planned_hours,
            pre_test=self.pre_test,
            post_test=self.post_test,
            same_questions=self.same_questions,
        )


@dataclass(frozen=True)
class TestAttempt:
    """A participant's pre-test or post-test attempt."""

    attempt_id: int
    uid: str
    trainee_id: int
    phase: Phase
    module_id: str
    finished: bool
    percent: float | None
    passed: bool | None
    finished_at: str | None


@dataclass(frozen=True)
class AnsweredQuestion:
    """One question of a finished test attempt, for the report."""

    attempt_id: int
    question_id: str
    topic: str
    fraction: float
    max_mark: float


def _ref(text: str | None) -> ModuleRef | None:
    return ModuleRef.from_data(json.loads(text)) if text else None


def _session(row: sqlite3.Row) -> TrainingSession:
    return TrainingSession(
        id=row["id"],
        uid=row["uid"],
        title=row["title"],
        institution=Institution(row["institution"]),
        venue=row["venue"],
        province=row["province"],
        start_date=date.fromisoformat(row["start_date"]),
        end_date=date.fromisoformat(row["end_date"]),
        trainers=tuple(t for t in row["trainers"].split("\n") if t),
        audiences=tuple(a for a in row["audiences"].split(",") if a),
        modules=tuple(ModuleRef.from_data(m) for m in json.loads(row["modules"])),
        planned_hours=float(row["planned_hours"]),
        pre_test=_ref(row["pre_test"]),
        post_test=_ref(row["post_test"]),
        same_questions=bool(row["same_questions"]),
        open_test=Phase(row["open_test"]) if row["open_test"] else None,
        deleted=row["deleted_at"] is not None,
    )


def _draft_values(draft: SessionDraft) -> tuple[Any, ...]:
    return (
        draft.title,
        draft.institution.value,
        draft.venue,
        draft.province,
        draft.start_date.isoformat(),
        draft.end_date.isoformat(),
        "\n".join(draft.trainers),
        ",".join(draft.audiences),
        json.dumps([m.to_data() for m in draft.modules]),
        draft.planned_hours,
        json.dumps(draft.pre_test.to_data()) if draft.pre_test else None,
        json.dumps(draft.post_test.to_data()) if draft.post_test else None,
        1 if draft.same_questions else 0,
    )


_DRAFT_COLUMNS = (
    "title, institution, venue, province, start_date, end_date, trainers, audiences, modules,"
    " planned_hours, pre_test, post_test, same_questions"
)


class SessionRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- sessions -----------------------------------------------------------------
    def create(self, draft: SessionDraft) -> TrainingSession:
        stamp = now()
        with self.db.transaction() as conn:
            cur = conn.execute(
                f"INSERT INTO training_sessions (uid, {_DRAFT_COLUMNS}, workstation_uid,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?)",
                (new_uid(), *_draft_values(draft), self.db.workstation_uid, stamp, stamp),
            )
            session_id = int(cur.lastrowid or 0)
        return self.get(session_id)

    def update(self, session_id: int, draft: SessionDraft) -> TrainingSession:
        """Change what a session says; its participants, attendance and tests stay."""
        self.get(session_id)
        assignments = ", ".join(f"{c.strip()} = ?" for c in _DRAFT_COLUMNS.split(","))
        with self.db.transaction() as conn:
            conn.execute(
                f"UPDATE training_sessions SET {assignments}, updated_at = ? WHERE id = ?",
                (*_draft_values(draft), now(), session_id),
            )
        return self.get(session_id)

    def get(self, session_id: int) -> TrainingSession:
        row = self.db.query_one("SELECT * FROM training_sessions WHERE id = ?", (session_id,))
        if row is None:
            raise TrainerError(f"no training session with id {session_id}")
        return _session(row)

    def by_uid(self, uid: str) -> TrainingSession | None:
        row = self.db.query_one("SELECT * FROM training_sessions WHERE uid = ?", (uid,))
        return _session(row) if row else None

    def all(self, *, include_deleted: bool = False) -> list[TrainingSession]:
        where = "" if include_deleted else " WHERE deleted_at IS NULL"
        rows = self.db.query(
            f"SELECT * FROM training_sessions{where} ORDER BY start_date DESC, id DESC"
        )
        return [_session(r) for r in rows]

    def delete(self, session_id: int) -> None:
        """Hide the session; its participants, attendance and attempts are all kept."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE training_sessions SET deleted_at = ?, open_test = NULL, updated_at = ?"
                " WHERE id = ?",
                (now(), now(), session_id),
            )

    def set_open_test(self, session_id: int, phase: Phase | None) -> TrainingSession:
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE training_sessions SET open_test = ?, updated_at = ? WHERE id = ?",
                (phase.value if phase else None, now(), session_id),
            )
        return self.get(session_id)

    def open_tests_for(self, trainee_id: int) -> list[tuple[TrainingSession, Phase]]:
        """The sessions this trainee is enrolled in whose pre- or post-test is open now."""
        rows = self.db.query(
            "SELECT s.* FROM training_sessions s JOIN session_participants p"
            " ON p.session_id = s.id WHERE p.trainee_id = ? AND s.open_test IS NOT NULL"
            " AND s.deleted_at IS NULL ORDER BY s.start_date, s.id",
            (trainee_id,),
        )
        out = []
        for r in rows:
            session = _session(r)
            assert session.open_test is not None
            out.append((session, session.open_test))
        return out

    # -- participants ---------------------------------------------------------------
    def enrol(self, session_id: int, trainee_ids: Iterable[int]) -> int:
        """Enrol trainees (those already enrolled stay as they are); returns how many joined."""
        stamp = now()
        with self.db.transaction() as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO session_participants (session_id, trainee_id, enrolled_at)"
                " VALUES (?, ?, ?)",
                [(session_id, tid, stamp) for tid in trainee_ids],
            )
            return conn.total_changes - before

    def unenrol(self, session_id: int, trainee_id: int) -> None:
        """Take a participant off the list; refused once they have taken a session test.
        Their attendance rows stay (they come back if the participant is enrolled again)."""
        session = self.get(session_id)
        if self.tests(session.uid, trainee_id=trainee_id):
            raise TrainerError(
                "this participant has taken a test of the session and stays on its list"
            )
        with self.db.transaction() as conn:
            conn.execute(
                "DELETE FROM session_participants WHERE session_id = ? AND trainee_id = ?",
                (session_id, trainee_id),
            )

    def participants(self, session_id: int) -> list[Trainee]:
        rows = self.db.query(
            "SELECT t.* FROM session_participants p JOIN trainees t ON t.id = p.trainee_id"
            " WHERE p.session_id = ? ORDER BY t.name COLLATE NOCASE, t.id",
            (session_id,),
        )
        return [_trainee_row(r) for r in rows]

    def sessions_of(self, trainee_id: int) -> list[TrainingSession]:
        rows = self.db.query(
            "SELECT s.* FROM training_sessions s JOIN session_participants p"
            " ON p.session_id = s.id WHERE p.trainee_id = ? AND s.deleted_at IS NULL"
            " ORDER BY s.start_date",
            (trainee_id,),
        )
        return [_session(r) for r in rows]

    # -- attendance -------------------------------------------------------------------
    def set_attendance(self, session_id: int, day: date, marks: dict[int, bool]) -> None:
        session = self.get(session_id)
        if day not in session.days:
            raise TrainerError(f"{day.isoformat()} is not a day of this session")
        stamp = now()
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO session_attendance (session_id, trainee_id, day, present,"
                " recorded_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id, trainee_id, day)"
                " DO UPDATE SET present = excluded.present, recorded_at = excluded.recorded_at",
                [
                    (session_id, tid, day.isoformat(), 1 if p else 0, stamp)
                    for tid, p in marks.items()
                ],
            )

    def attendance(self, session_id: int) -> dict[tuple[int, date], bool]:
        rows = self.db.query(
            "SELECT trainee_id, day, present FROM session_attendance WHERE session_id = ?",
            (session_id,),
        )
        return {(r[0], date.fromisoformat(r[1])): bool(r[2]) for r in rows}

    # -- pre-test and post-test -----------------------------------------------------
    def recorder(self, session: TrainingSession, phase: Phase) -> SqliteRecorder:
        """A recorder that marks the attempt as this session's test in the transaction
        that starts it: a pre-test is never, even for a moment, an ordinary exam."""

        def link(conn: sqlite3.Connection, attempt_uid: str) -> None:
            conn.execute(
                "INSERT INTO session_tests (attempt_uid, session_uid, phase) VALUES (?, ?, ?)",
                (attempt_uid, session.uid, phase.value),
            )

        return SqliteRecorder(self.db, on_start=link)

    def tests(self, session_uid: str, *, trainee_id: int | None = None) -> list[TestAttempt]:
        sql = (
            "SELECT a.id, a.uid, a.trainee_id, st.phase, a.module_id, a.state, a.percent,"
            " a.passed, a.finished_at FROM session_tests st JOIN attempts a ON a.uid ="
            " st.attempt_uid WHERE st.session_uid = ?"
        )
        params: list[Any] = [session_uid]
        if trainee_id is not None:
            sql += " AND a.trainee_id = ?"
            params.append(trainee_id)
        rows = self.db.query(sql + " ORDER BY a.started_at, a.id", params)
        return [
            TestAttempt(
                attempt_id=r[0],
                uid=r[1],
                trainee_id=r[2],
                phase=Phase(r[3]),
                module_id=r[4],
                finished=r[5] == "finished",
                percent=r[6],
                passed=None if r[7] is None else bool(r[7]),
                finished_at=r[8],
            )
            for r in rows
        ]

    def answered_questions(self, session_uid: str) -> list[AnsweredQuestion]:
        """Every question of the session's finished tests, with the fraction earned."""
        rows = self.db.query(
            "SELECT q.attempt_id, q.question_id, q.topic, ifnull(q.fraction, 0), q.max_mark"
            " FROM session_tests st JOIN attempts a ON a.uid = st.attempt_uid"
            " JOIN attempt_questions q ON q.attempt_id = a.id"
            " WHERE st.session_uid = ? AND a.state = 'finished'",
            (session_uid,),
        )
        return [AnsweredQuestion(r[0], r[1], r[2], float(r[3]), float(r[4])) for r in rows]

    def question_texts(self, question_ids: Sequence[str], language: str) -> dict[str, str]:
        """The prompt of each question as last shown in an attempt (from its snapshot)."""
        out: dict[str, str] = {}
        for qid in question_ids:
            row = self.db.query_one(
                "SELECT snapshot FROM attempt_questions INDEXED BY attempt_questions_question"
                " WHERE question_id = ?"
                " ORDER BY rowid DESC LIMIT 1",
                (qid,),
            )
            if row is None:
                continue
            try:
                prompt = json.loads(row[0])["question"].get("prompt", {})
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
            if isinstance(prompt, dict):
                text = prompt.get(language) or prompt.get("en") or next(iter(prompt.values()), "")
                out[qid] = str(text)
            elif isinstance(prompt, str):
                out[qid] = prompt
        return out

    def pre_test_questions(self, session_uid: str, trainee_id: int) -> list[str]:
        """The questions of the participant's latest pre-test, in the order shown."""
        rows = self.db.query(
            "SELECT q.question_id FROM attempt_questions q WHERE q.attempt_id = ("
            " SELECT a.id FROM session_tests st JOIN attempts a ON a.uid = st.attempt_uid"
            " WHERE st.session_uid = ? AND st.phase = 'pre' AND a.trainee_id = ?"
            " ORDER BY a.started_at DESC, a.id DESC LIMIT 1) ORDER BY q.slot",
            (session_uid, trainee_id),
        )
        return [str(r[0]) for r in rows]

    def phase_of(self, attempt_id: int) -> Phase | None:
        row = self.db.query_one(
            "SELECT st.phase FROM session_tests st JOIN attempts a ON a.uid = st.attempt_uid"
            " WHERE a.id = ?",
            (attempt_id,),
        )
        return Phase(row[0]) if row else None

    def is_pre_test(self, attempt_id: int) -> bool:
        return self.phase_of(attempt_id) is Phase.PRE

    def test_attempt_count(self, session_id: int) -> int:
        session = self.get(session_id)
        row = self.db.query_one(
            "SELECT count(*) FROM session_tests WHERE session_uid = ?", (session.uid,)
        )
        return int(row[0]) if row else 0

    def attendance_certificates(self, session_uid: str) -> dict[int, str]:
        """Valid certificates of attendance of this session, by trainee id (their number)."""
        rows = self.db.query(
            "SELECT trainee_id, number FROM certificates WHERE kind = 'attendance'"
            " AND subject = ? AND status = 'valid'",
            (f"session:{session_uid}",),
        )
        return {int(r[0]): str(r[1]) for r in rows}

    def competence_certificates(self, attempt_ids: Sequence[int]) -> dict[int, str]:
        """Valid certificates issued for these attempts, by attempt id (their number)."""
        if not attempt_ids:
            return {}
        marks = ", ".join("?" * len(attempt_ids))
        rows = self.db.query(
            f"SELECT attempt_id, number FROM certificates WHERE attempt_id IN ({marks})"
            " AND status = 'valid'",
            list(attempt_ids),
        )
        return {int(r[0]): str(r[1]) for r in rows}


# -- annual figures -----------------------------------------------------------------------
# The dimensions of the annual figures, in the order ``annual_counts`` selects them: the
# trainee's institution, province and gender, and the month first trained in the year.
FIGURE_DIMENSIONS = ("service", "province", "gender", "month")


def annual_counts(db: Database, year: int) -> dict[str, list[tuple[str, int, int]]]:
    """Officials trained in ``year`` and how many of them were certified, per dimension.

    Trained: finished an exam (not a pre-test) in the year, or was present at least one
    day of a session held in the year. Certified: holds a valid certificate of
    competence (module or programme) dated in the year. Each official counts once.
    """
    start, end = f"{year:04d}-01-01", f"{year + 1:04d}-01-01"
    trained = (
        "WITH firsts AS (SELECT tid, min(first) AS first FROM ("
        " SELECT a.trainee_id AS tid, min(a.finished_at) AS first FROM attempts a"
        " WHERE a.behaviour = 'exam' AND a.state = 'finished' AND a.finished_at >= ?"
        " AND a.finished_at < ? AND " + NOT_PRE_TEST + " GROUP BY a.trainee_id"
        " UNION ALL"
        " SELECT sa.trainee_id, min(sa.day) FROM session_attendance sa"
        " JOIN training_sessions s ON s.id = sa.session_id"
        " WHERE sa.present = 1 AND s.deleted_at IS NULL AND sa.day >= ? AND sa.day < ?"
        " GROUP BY sa.trainee_id) GROUP BY tid),"
        " certified AS (SELECT DISTINCT trainee_id FROM certificates WHERE status = 'valid'"
        " AND kind IN ('module', 'programme') AND certified_on >= ? AND certified_on < ?)"
    )
    params = (start, end, start, end, start, end)
    # One pass over the officials trained (at most one row each), grouped here: the
    # expensive part, finding who was trained, runs once for the four dimensions.
    rows = db.query(
        trained + " SELECT t.institution, ifnull(t.province, ''), ifnull(t.gender, ''),"
        " substr(f.first, 1, 7), c.trainee_id IS NOT NULL FROM firsts f"
        " JOIN trainees t ON t.id = f.tid LEFT JOIN certified c ON c.trainee_id = f.tid",
        params,
    )
    out: dict[str, list[tuple[str, int, int]]] = {}
    for index, name in enumerate(FIGURE_DIMENSIONS):
        counts: dict[str, list[int]] = {}
        for r in rows:
            bucket = counts.setdefault(str(r[index]), [0, 0])
            bucket[0] += 1
            bucket[1] += 1 if r[4] else 0
        out[name] = [(k, n, c) for k, (n, c) in sorted(counts.items())]
    return out


def count_finished_exams(db: Database, year: int) -> int:
    """A bare count of the year's finished exam attempts (the benchmark's baseline)."""
    row = db.query_one(
        "SELECT count(*) FROM attempts WHERE behaviour = 'exam' AND state = 'finished'"
        " AND finished_at >= ? AND finished_at < ?",
        (f"{year:04d}-01-01", f"{year + 1:04d}-01-01"),
    )
    return int(row[0]) if row else 0


def years_with_results(db: Database) -> list[int]:
    rows = db.query(
        "SELECT DISTINCT CAST(substr(finished_at, 1, 4) AS INTEGER) FROM attempts"
        " WHERE finished_at IS NOT NULL UNION SELECT DISTINCT CAST(substr(start_date, 1, 4)"
        " AS INTEGER) FROM training_sessions ORDER BY 1 DESC"
    )
    return [int(r[0]) for r in rows if r[0]]


# -- workstation bundles --------------------------------------------------------------------
SESSION_FIELDS = (
    "uid",
    "title",
    "institution",
    "venue",
    "province",
    "start_date",
    "end_date",
    "trainers",
    "audiences",
    "modules",
    "planned_hours",
    "pre_test",
    "post_test",
    "same_questions",
    "open_test",
    "workstation_uid",
    "created_at",
    "updated_at",
    "deleted_at",
)


def bundle_records(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every session known here, with its participants (by trainee uid), attendance and
    test attempts (by attempt uid), for a workstation bundle."""
    out: list[dict[str, Any]] = []
    conn_rows = conn.execute(f"SELECT id, {', '.join(SESSION_FIELDS)} FROM training_sessions")
    for row in conn_rows.fetchall():
        record = dict(zip(SESSION_FIELDS, tuple(row)[1:], strict=True))
        record["participants"] = [
            r[0]
            for r in conn.execute(
                "SELECT t.uid FROM session_participants p JOIN trainees t ON t.id = p.trainee_id"
                " WHERE p.session_id = ? ORDER BY t.id",
                (row[0],),
            )
        ]
        record["attendance"] = [
            {"trainee_uid": r[0], "day": r[1], "present": r[2], "recorded_at": r[3]}
            for r in conn.execute(
                "SELECT t.uid, a.day, a.present, a.recorded_at FROM session_attendance a"
                " JOIN trainees t ON t.id = a.trainee_id WHERE a.session_id = ?"
                " ORDER BY t.id, a.day",
                (row[0],),
            )
        ]
        record["tests"] = [
            {"attempt_uid": r[0], "phase": r[1]}
            for r in conn.execute(
                "SELECT attempt_uid, phase FROM session_tests WHERE session_uid = ?"
                " ORDER BY attempt_uid",
                (record["uid"],),
            )
        ]
        out.append(record)
    return out


def merge_bundle_records(
    conn: sqlite3.Connection, records: list[dict[str, Any]], trainee_ids: dict[str, int]
) -> tuple[int, int]:
    """Merge checked session records (in the bundle's transaction); returns (sessions added,
    sessions updated). A session changes only with a newer edit from the workstation that
    created it; participants, attendance and test marks are added, never removed."""
    added = updated = 0
    columns = ", ".join(SESSION_FIELDS)
    for s in records:
        row = conn.execute(
            "SELECT id, updated_at, workstation_uid FROM training_sessions WHERE uid = ?",
            (s["uid"],),
        ).fetchone()
        if row is None:
            cur = conn.execute(
                f"INSERT INTO training_sessions ({columns})"
                f" VALUES ({', '.join('?' * len(SESSION_FIELDS))})",
                tuple(s[k] for k in SESSION_FIELDS),
            )
            session_id = int(cur.lastrowid or 0)
            added += 1
        else:
            session_id = int(row[0])
            if str(s["updated_at"]) > str(row[1]) and row[2] == s["workstation_uid"]:
                fields = [k for k in SESSION_FIELDS if k not in ("uid", "workstation_uid")]
                conn.execute(
                    f"UPDATE training_sessions SET {', '.join(f'{k} = ?' for k in fields)}"
                    " WHERE id = ?",
                    (*(s[k] for k in fields), session_id),
                )
                updated += 1
        conn.executemany(
            "INSERT OR IGNORE INTO session_participants (session_id, trainee_id, enrolled_at)"
            " VALUES (?, ?, ?)",
            [
                (session_id, trainee_ids[u], s["updated_at"])
                for u in s["participants"]
                if u in trainee_ids
            ],
        )
        conn.executemany(
            "INSERT INTO session_attendance (session_id, trainee_id, day, present, recorded_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id, trainee_id, day) DO UPDATE SET"
            " present = excluded.present, recorded_at = excluded.recorded_at"
            " WHERE excluded.recorded_at > session_attendance.recorded_at",
            [
                (
                    session_id,
                    trainee_ids[a["trainee_uid"]],
                    a["day"],
                    int(a["present"]),
                    a["recorded_at"],
                )
                for a in s["attendance"]
                if a["trainee_uid"] in trainee_ids
            ],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO session_tests (attempt_uid, session_uid, phase) VALUES (?, ?, ?)",
            [(t["attempt_uid"], s["uid"], t["phase"]) for t in s["tests"]],
        )
    return added, updated
