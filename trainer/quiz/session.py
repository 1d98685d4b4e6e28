"""A quiz attempt in progress: drawing, answering, flagging, the timer and finishing.

Every action is handed to a ``Recorder`` (the database) *before* the session
changes its own state, so what a screen shows as saved has been committed.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from trainer.banks.model import (
    Bank,
    Module,
    MultipleResponse,
    Option,
    Question,
    SingleChoice,
)
from trainer.errors import ErrorCode, QuizError
from trainer.quiz import behaviours
from trainer.quiz.behaviours import Behaviour, ReviewOptions
from trainer.quiz.kinds import Layout, clean, make_layout
from trainer.quiz.questions import Grade, Response, grade, is_complete
from trainer.quiz.scoring import AttemptResult, SlotScore, compute


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Slot:
    """One question of the attempt, as shown, with the trainee's current answer."""

    index: int
    question: Question
    layout: Layout
    response: Response | None = None
    flagged: bool = False
    grade: Grade | None = None  # set when checked (practice) or when the attempt is finished
    seconds: float = 0.0

    @property
    def answered(self) -> bool:
        return is_complete(self.question, self.response)

    @property
    def started(self) -> bool:
        return self.response is not None

    @property
    def checked(self) -> bool:
        return self.grade is not None


class Recorder(Protocol):
    """Where a session's actions are made durable (storage.attempts implements it)."""

    def started(self, session: QuizSession) -> int: ...

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
    ) -> None: ...

    def time_spent(self, session: QuizSession, slot: Slot) -> None: ...

    def finished(self, session: QuizSession, result: AttemptResult, at: datetime) -> None: ...


class NullRecorder:
    """Keeps nothing (previews and tests of the pure engine)."""

    def started(self, session: QuizSession) -> int:
        return 0

    def step(self, session: QuizSession, slot: Slot | None, action: str, **_: Any) -> None:
        return None

    def time_spent(self, session: QuizSession, slot: Slot) -> None:
        return None

    def finished(self, session: QuizSession, result: AttemptResult, at: datetime) -> None:
        return None


def cited_sources(bank: Bank, question: Question) -> dict[str, dict[str, Any]]:
    """The titles of the documents a question cites, kept with the attempt as shown."""
    refs = list(question.sources())
    for part in question.subquestions():
        refs.extend(part.sources())
    out: dict[str, dict[str, Any]] = {}
    for ref in refs:
        source = bank.sources.get(ref.source_id)
        if source is not None:
            out[source.id] = {"title": dict(source.title.values), "year": source.year}
    return out


def ordered_options(question: SingleChoice | MultipleResponse, layout: Layout) -> list[Option]:
    by_id = {o.id: o for o in question.options}
    return [by_id[i] for i in layout.get("options", list(by_id)) if i in by_id]


def draw_questions(
    bank: Bank, module: Module, behaviour: Behaviour, rng: random.Random
) -> list[Question]:
    """Practice offers the whole pool; an exam draws what the module's rules say."""
    pool = list(bank.pool(module))
    if behaviour is Behaviour.EXAM and module.draw:
        chosen: list[Question] = []
        remaining = list(pool)
        for rule in module.draw:
            candidates = [q for q in remaining if rule.matches(q)]
            if rule.count > len(candidates):
                raise QuizError(
                    f"module '{module.id}' asks for {rule.count} questions but only "
                    f"{len(candidates)} are available",
                    code=ErrorCode.QUIZ_NOT_ENOUGH_QUESTIONS,
                    params={
                        "module": module.id,
                        "wanted": rule.count,
                        "available": len(candidates),
                    },
                )
            picked = rng.sample(candidates, rule.count)
            chosen.extend(picked)
            remaining = [q for q in remaining if q not in picked]
        pool = chosen
    if not pool:
        raise QuizError(
            f"module '{module.id}' has no questions",
            code=ErrorCode.QUIZ_MODULE_EMPTY,
            params={"module": module.id},
        )
    if module.shuffle:
        rng.shuffle(pool)
    return pool


@dataclass
class QuizSession:
    """An attempt: the drawn slots, the answers so far, and the clock."""

    uid: str
    trainee_id: int
    bank_id: str
    bank_version: str
    bank_hash: str
    module: Module
    behaviour: Behaviour
    language: str
    seed: int
    started_at: datetime
    deadline: datetime | None
    slots: list[Slot]
    recorder: Recorder = field(default_factory=NullRecorder)
    attempt_id: int = 0
    finished_at: datetime | None = None
    result: AttemptResult | None = None
    current: int = 0
    _visit_started: datetime | None = None

    # -- starting ---------------------------------------------------------------
    @classmethod
    def start(
        cls,
        bank: Bank,
        module: Module,
        behaviour: Behaviour,
        *,
        trainee_id: int,
        language: str,
        recorder: Recorder | None = None,
        seed: int | None = None,
        question_ids: Sequence[str] | None = None,
        now: datetime | None = None,
    ) -> QuizSession:
        """Draw the questions, lay them out, and record the start.

        ``question_ids`` restricts the attempt to those questions (practice:
        "retry the questions I got wrong").
        """
        now = now or utcnow()
        seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
        rng = random.Random(seed)
        if question_ids is not None:
            wanted = set(question_ids)
            questions = [q for q in bank.pool(module) if q.id in wanted]
            if not questions:
                raise QuizError(
                    "none of those questions is in this module any more",
                    code=ErrorCode.QUIZ_QUESTIONS_GONE,
                )
            if module.shuffle:
                rng.shuffle(questions)
        else:
            questions = draw_questions(bank, module, behaviour, rng)
        slots = [
            Slot(index=i, question=q, layout=make_layout(q, rng, module.shuffle))
            for i, q in enumerate(questions)
        ]
        for slot in slots:
            slot.layout["sources"] = cited_sources(bank, slot.question)
        deadline = None
        if behaviours.is_timed(behaviour, module.time_limit_minutes):
            deadline = now + timedelta(minutes=module.time_limit_minutes)
        session = cls(
            uid=uuid.uuid4().hex,
            trainee_id=trainee_id,
            bank_id=bank.id,
            bank_version=bank.version,
            bank_hash=bank.content_hash,
            module=module,
            behaviour=behaviour,
            language=language,
            seed=seed,
            started_at=now,
            deadline=deadline,
            slots=slots,
            recorder=recorder or NullRecorder(),
        )
        session.attempt_id = session.recorder.started(session)
        return session

    # -- state ------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def max_score(self) -> float:
        return sum(s.question.max_mark for s in self.slots)

    def slot(self, index: int) -> Slot:
        if not 0 <= index < len(self.slots):
            raise QuizError(
                f"there is no question {index + 1}",
                code=ErrorCode.QUIZ_NO_SUCH_QUESTION,
                params={"number": index + 1},
            )
        return self.slots[index]

    def remaining(self, now: datetime | None = None) -> timedelta | None:
        """Time left on the clock (None when untimed); never negative."""
        if self.deadline is None:
            return None
        return max(timedelta(0), self.deadline - (now or utcnow()))

    def expired(self, now: datetime | None = None) -> bool:
        left = self.remaining(now)
        return left is not None and left <= timedelta(0)

    def unanswered(self) -> list[int]:
        return [s.index for s in self.slots if not s.answered]

    def flagged(self) -> list[int]:
        return [s.index for s in self.slots if s.flagged]

    def review_options(self) -> ReviewOptions:
        if not self.finished:
            return ReviewOptions.nothing()
        return behaviours.review_after_finish(self.behaviour, self.module.review)

    def feedback_visible(self, index: int) -> bool:
        """Whether a screen may reveal this question's grade, key and explanation."""
        if self.finished:
            return self.review_options().correct_answer
        return self.behaviour is Behaviour.PRACTICE and self.slot(index).checked

    def _editable(self, now: datetime) -> None:
        if self.finished:
            raise QuizError(
                "this attempt is finished; its answers can no longer change",
                code=ErrorCode.QUIZ_ATTEMPT_FINISHED,
            )
        if self.expired(now):
            raise QuizError("the time for this exam is up", code=ErrorCode.QUIZ_TIME_UP)

    # -- actions ----------------------------------------------------------------
    def answer(self, index: int, response: Response | None, now: datetime | None = None) -> Slot:
        """Record an answer (or its change); an empty response clears it."""
        now = now or utcnow()
        self._editable(now)
        slot = self.slot(index)
        if slot.checked:
            raise QuizError(
                "this answer has been checked; choose Try again to change it",
                code=ErrorCode.QUIZ_ANSWER_CHECKED,
            )
        response = clean(slot.question, response)
        if response == slot.response:
            return slot
        self.recorder.step(self, slot, "answer", response=response, at=now)
        slot.response = response
        return slot

    def check(self, index: int, now: datetime | None = None) -> Grade:
        """Practice: grade one answer now and reveal its feedback."""
        now = now or utcnow()
        self._editable(now)
        if not behaviours.can_check(self.behaviour):
            raise QuizError(
                "answers are checked only at the end of an exam", code=ErrorCode.QUIZ_EXAM_NO_CHECK
            )
        slot = self.slot(index)
        if not slot.started:
            raise QuizError(
                "answer the question before checking it", code=ErrorCode.QUIZ_ANSWER_FIRST
            )
        result = grade(slot.question, slot.response)
        self.recorder.step(
            self, slot, "check", response=slot.response, fraction=result.fraction, at=now
        )
        slot.grade = result
        return result

    def retry(self, index: int, now: datetime | None = None) -> Slot:
        """Practice: clear a checked answer to try the question again."""
        now = now or utcnow()
        self._editable(now)
        if not behaviours.can_retry(self.behaviour):
            raise QuizError("an exam question cannot be retried", code=ErrorCode.QUIZ_EXAM_NO_RETRY)
        slot = self.slot(index)
        self.recorder.step(self, slot, "retry", at=now)
        slot.response = None
        slot.grade = None
        return slot

    def flag(self, index: int, flagged: bool, now: datetime | None = None) -> Slot:
        now = now or utcnow()
        if self.finished:
            raise QuizError("this attempt is finished", code=ErrorCode.QUIZ_ATTEMPT_FINISHED)
        slot = self.slot(index)
        if slot.flagged == flagged:
            return slot
        self.recorder.step(self, slot, "flag" if flagged else "unflag", flagged=flagged, at=now)
        slot.flagged = flagged
        return slot

    def visit(self, index: int, now: datetime | None = None) -> Slot:
        """The trainee moves to a question: time on the previous one is added up."""
        now = now or utcnow()
        self.slot(index)
        if self._visit_started is not None and not self.finished:
            previous = self.slots[self.current]
            previous.seconds += max(0.0, (now - self._visit_started).total_seconds())
            self.recorder.time_spent(self, previous)
        self.current = index
        self._visit_started = now
        return self.slots[index]

    def finish(self, now: datetime | None = None) -> AttemptResult:
        """Grade every question and close the attempt (also when time is up)."""
        now = now or utcnow()
        if self.finished and self.result is not None:
            return self.result
        if self._visit_started is not None:
            self.visit(self.current, now)
        grades = [grade(s.question, s.response) for s in self.slots]
        result = compute(
            (
                SlotScore(
                    s.index, s.question.id, s.question.topic.value, g.fraction, s.question.max_mark
                )
                for s, g in zip(self.slots, grades, strict=True)
            ),
            self.module.pass_mark,
        )
        end = min(now, self.deadline) if self.deadline is not None else now
        self.recorder.finished(self, result, end)
        for s, g in zip(self.slots, grades, strict=True):
            s.grade = g
        self.finished_at = end
        self.result = result
        return result

    def wrong_question_ids(self) -> list[str]:
        """Questions not fully right (for "retry the questions I got wrong")."""
        return [s.question.id for s in self.slots if s.grade is None or s.grade.fraction < 1.0]
