"""Attempts: the durable side of a quiz session, and reading attempts back."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from trainer.banks.model import Audience, Module, PoolSelector, Review
from trainer.banks.serialize import question_from_data, question_to_data
from trainer.errors import TrainerError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import Grade, Response, response_from_json, to_json
from trainer.quiz.scoring import AttemptResult
from trainer.quiz.session import QuizSession, Slot
from trainer.storage.database import Database


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="microseconds")


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class AttemptSummary:
    id: int
    uid: str
    trainee_id: int
    trainee_name: str
    bank_id: str
    bank_version: str
    module_id: str
    module_title: str
    behaviour: Behaviour
    language: str
    started_at: datetime
    finished_at: datetime | None
    deadline: datetime | None
    state: str
    score: float | None
    max_score: float
    percent: float | None
    passed: bool | None
    pass_mark: float

    @property
    def finished(self) -> bool:
        return self.state == "finished"


@dataclass(frozen=True)
class ModuleProgress:
    module_id: str
    attempts: int
    best_percent: float | None
    passed: bool
    practice_attempts: int = 0  # finished practice sessions (they never pass or fail)


def _summary(row: sqlite3.Row) -> AttemptSummary:
    return AttemptSummary(
        id=row["id"],
        uid=row["uid"],
        trainee_id=row["trainee_id"],
        trainee_name=row["trainee_name"],
        bank_id=row["bank_id"],
        bank_version=row["bank_version"],
        module_id=row["module_id"],
        module_title=row["module_title"],
        behaviour=Behaviour(row["behaviour"]),
        language=row["language"],
        started_at=datetime.fromisoformat(row["started_at"]),
        finished_at=_dt(row["finished_at"]),
        deadline=_dt(row["deadline"]),
        state=row["state"],
        score=row["score"],
        max_score=row["max_score"],
        percent=row["percent"],
        passed=None if row["passed"] is None else bool(row["passed"]),
        pass_mark=row["pass_mark"],
    )


_SUMMARY_SQL = (
    "SELECT a.*, t.name AS trainee_name FROM attempts a JOIN trainees t ON t.id = a.trainee_id"
)


class SqliteRecorder:
    """Writes each step of a session in its own transaction before the session moves on.

    ``on_start(conn, attempt_uid)`` runs in the transaction that records the start (a
    training session marks its pre-test or post-test there).
    """

    def __init__(
        self,
        db: Database,
        on_start: Callable[[sqlite3.Connection, str], None] | None = None,
    ) -> None:
        self.db = db
        self.on_start = on_start

    def _next_seq(self, conn: sqlite3.Connection, attempt_id: int) -> int:
        row = conn.execute(
            "SELECT ifnull(max(seq), 0) + 1 FROM steps WHERE attempt_id = ?", (attempt_id,)
        ).fetchone()
        return int(row[0])

    def started(self, session: QuizSession) -> int:
        module = session.module
        stamp = _iso(session.started_at)
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO attempts (uid, trainee_id, bank_id, bank_version, bank_hash, module_id,"
                " module_title, audiences, behaviour, language, seed, pass_mark, review,"
                " training_hours, started_at, deadline, state, max_score, workstation_uid)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?)",
                (
                    session.uid,
                    session.trainee_id,
                    session.bank_id,
                    session.bank_version,
                    session.bank_hash,
                    module.id,
                    json.dumps(dict(module.title.values), ensure_ascii=False),
                    ",".join(a.value for a in module.audiences),
                    session.behaviour.value,
                    session.language,
                    session.seed,
                    module.pass_mark,
                    module.review.value,
                    module.training_hours,
                    stamp,
                    _iso(session.deadline) if session.deadline else None,
                    session.max_score,
                    self.db.workstation_uid,
                ),
            )
            attempt_id = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT INTO attempt_questions (attempt_id, slot, question_id, kind, topic,"
                " max_mark, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        attempt_id,
                        s.index,
                        s.question.id,
                        s.question.kind.value,
                        s.question.topic.value,
                        s.question.max_mark,
                        json.dumps(
                            {"question": question_to_data(s.question), "layout": s.layout},
                            ensure_ascii=False,
                        ),
                    )
                    for s in session.slots
                ],
            )
            conn.execute(
                "INSERT INTO steps (attempt_id, seq, slot, action, created_at)"
                " VALUES (?, 1, NULL, 'start', ?)",
                (attempt_id, stamp),
            )
            if self.on_start is not None:
                self.on_start(conn, session.uid)
        return attempt_id

    def step(
        self,
        session: QuizSession,
        slot: Slot | None,
        action: str,
        *,
        response: Response | None = None,
        fraction: float | None = None,
        flagged: bool | None = None,
        at: datetime,
    ) -> None:
        stamp = _iso(at)
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO steps (attempt_id, seq, slot, action, response, fraction, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    session.attempt_id,
                    self._next_seq(conn, session.attempt_id),
                    slot.index if slot else None,
                    action,
                    _dump(to_json(response)),
                    fraction,
                    stamp,
                ),
            )
            if slot is None:
                return
            if action == "answer":
                conn.execute(
                    "UPDATE attempt_questions SET response = ?, answered_at = ?,"
                    " first_shown_at = ifnull(first_shown_at, ?)"
                    " WHERE attempt_id = ? AND slot = ?",
                    (_dump(to_json(response)), stamp, stamp, session.attempt_id, slot.index),
                )
            elif action == "check":
                conn.execute(
                    "UPDATE attempt_questions SET fraction = ?, mark = ? * max_mark"
                    " WHERE attempt_id = ? AND slot = ?",
                    (fraction, fraction, session.attempt_id, slot.index),
                )
            elif action == "retry":
                conn.execute(
                    "UPDATE attempt_questions SET response = NULL, fraction = NULL, mark = NULL"
                    " WHERE attempt_id = ? AND slot = ?",
                    (session.attempt_id, slot.index),
                )
            elif action in ("flag", "unflag"):
                conn.execute(
                    "UPDATE attempt_questions SET flagged = ? WHERE attempt_id = ? AND slot = ?",
                    (1 if flagged else 0, session.attempt_id, slot.index),
                )

    def time_spent(self, session: QuizSession, slot: Slot) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE attempt_questions SET seconds_spent = ? WHERE attempt_id = ? AND slot = ?",
                (round(slot.seconds, 3), session.attempt_id, slot.index),
            )

    def finished(self, session: QuizSession, result: AttemptResult, at: datetime) -> None:
        stamp = _iso(at)
        with self.db.transaction() as conn:
            conn.executemany(
                "UPDATE attempt_questions SET fraction = ?, mark = ? WHERE attempt_id = ? AND slot = ?",
                [(s.fraction, s.mark, session.attempt_id, s.slot) for s in result.slots],
            )
            conn.execute(
                "INSERT INTO steps (attempt_id, seq, slot, action, fraction, created_at)"
                " VALUES (?, ?, NULL, 'finish', ?, ?)",
                (
                    session.attempt_id,
                    self._next_seq(conn, session.attempt_id),
                    result.score / result.max_score if result.max_score else 0.0,
                    stamp,
                ),
            )
            conn.execute(
                "UPDATE attempts SET state = 'finished', finished_at = ?, score = ?, percent = ?,"
                " passed = ? WHERE id = ?",
                (
                    stamp,
                    result.score,
                    result.percent,
                    1 if result.passed else 0,
                    session.attempt_id,
                ),
            )


class AttemptRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.recorder = SqliteRecorder(db)

    def for_trainee(self, trainee_id: int) -> list[AttemptSummary]:
        rows = self.db.query(
            _SUMMARY_SQL + " WHERE a.trainee_id = ? ORDER BY a.started_at DESC", (trainee_id,)
        )
        return [_summary(r) for r in rows]

    def get(self, attempt_id: int) -> AttemptSummary:
        row = self.db.query_one(_SUMMARY_SQL + " WHERE a.id = ?", (attempt_id,))
        if row is None:
            raise TrainerError(f"no attempt with id {attempt_id}")
        return _summary(row)

    def unfinished(self, trainee_id: int) -> list[AttemptSummary]:
        rows = self.db.query(
            _SUMMARY_SQL + " WHERE a.trainee_id = ? AND a.state = 'in_progress'"
            " ORDER BY a.started_at DESC",
            (trainee_id,),
        )
        return [_summary(r) for r in rows]

    def progress(self, trainee_id: int) -> dict[str, ModuleProgress]:
        """Per module: exam attempts finished, best exam score, passed or not."""
        rows = self.db.query(
            "SELECT module_id, count(*) AS n, max(percent) AS best, max(passed) AS passed"
            " FROM attempts a WHERE trainee_id = ? AND state = 'finished' AND behaviour = 'exam'"
            " AND a.uid NOT IN (SELECT attempt_uid FROM session_tests WHERE phase = 'pre')"
            " GROUP BY module_id",
            (trainee_id,),
        )
        found = {
            r["module_id"]: ModuleProgress(r["module_id"], r["n"], r["best"], bool(r["passed"]))
            for r in rows
        }
        practised = self.db.query(
            "SELECT module_id, count(*) AS n FROM attempts"
            " WHERE trainee_id = ? AND state = 'finished' AND behaviour = 'practice'"
            " GROUP BY module_id",
            (trainee_id,),
        )
        for r in practised:
            mid = r["module_id"]
            before = found.get(mid) or ModuleProgress(mid, 0, None, False)
            found[mid] = dataclasses.replace(before, practice_attempts=r["n"])
        return found

    def steps(self, attempt_id: int) -> list[sqlite3.Row]:
        return self.db.query("SELECT * FROM steps WHERE attempt_id = ? ORDER BY seq", (attempt_id,))

    def load_session(self, attempt_id: int) -> QuizSession:
        """Rebuild a session exactly as it was: questions as shown, answers, flags, clock."""
        row = self.db.query_one("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        if row is None:
            raise TrainerError(f"no attempt with id {attempt_id}")
        slot_rows = self.db.query(
            "SELECT * FROM attempt_questions WHERE attempt_id = ? ORDER BY slot", (attempt_id,)
        )
        slots: list[Slot] = []
        for r in slot_rows:
            snap = json.loads(r["snapshot"])
            question = question_from_data(snap["question"])
            slot = Slot(
                index=r["slot"],
                question=question,
                layout=snap["layout"],
                response=response_from_json(question, json.loads(r["response"]))
                if r["response"]
                else None,
                flagged=bool(r["flagged"]),
                seconds=r["seconds_spent"] or 0.0,
            )
            if r["fraction"] is not None:
                slot.grade = Grade.of(r["fraction"])
            slots.append(slot)
        title = json.loads(row["module_title"])
        module = Module(
            id=row["module_id"],
            title=_localized(title),
            audiences=tuple(Audience(a) for a in row["audiences"].split(",") if a),
            pool=PoolSelector(),
            pass_mark=row["pass_mark"],
            time_limit_minutes=0,
            shuffle=False,
            training_hours=row["training_hours"],
            review=Review(row["review"]),
        )
        session = QuizSession(
            uid=row["uid"],
            trainee_id=row["trainee_id"],
            bank_id=row["bank_id"],
            bank_version=row["bank_version"],
            bank_hash=row["bank_hash"],
            module=module,
            behaviour=Behaviour(row["behaviour"]),
            language=row["language"],
            seed=row["seed"],
            started_at=datetime.fromisoformat(row["started_at"]),
            deadline=_dt(row["deadline"]),
            slots=slots,
            recorder=self.recorder,
            attempt_id=attempt_id,
        )
        # Resume at the question the trainee last worked on.
        last = self.db.query_one(
            "SELECT slot FROM steps WHERE attempt_id = ? AND slot IS NOT NULL"
            " ORDER BY seq DESC LIMIT 1",
            (attempt_id,),
        )
        if last is not None and 0 <= last["slot"] < len(slots):
            session.current = last["slot"]
        if row["state"] == "finished":
            from trainer.quiz.scoring import SlotScore, compute

            session.finished_at = _dt(row["finished_at"])
            session.result = compute(
                (
                    SlotScore(
                        s.index,
                        s.question.id,
                        s.question.topic.value,
                        s.grade.fraction if s.grade else 0.0,
                        s.question.max_mark,
                    )
                    for s in slots
                ),
                row["pass_mark"],
            )
        return session


def _localized(values: dict[str, str]) -> Any:
    from trainer.banks.model import LocalizedText

    return LocalizedText(values)
