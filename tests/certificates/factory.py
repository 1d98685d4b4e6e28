"""Trainees who passed (or failed) an exam, for the certificate tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from trainer.banks.model import Bank
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.quiz.session import QuizSession
from trainer.storage.trainees import Institution, Trainee
from trainer.workspace import Workspace

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def exam(
    ws: Workspace,
    bank: Bank,
    trainee: Trainee,
    *,
    right: int | None = None,
    behaviour: Behaviour = Behaviour.EXAM,
    at: datetime = T0,
    module_index: int = 0,
) -> int:
    """Finish an exam answering ``right`` questions correctly (all by default)."""
    session = QuizSession.start(
        bank,
        bank.modules[module_index],
        behaviour,
        trainee_id=trainee.id,
        language="en",
        recorder=ws.attempts.recorder,
        seed=7,
        now=at,
    )
    count = len(session.slots) if right is None else right
    for slot in session.slots[:count]:
        session.answer(slot.index, correct_response(slot.question), now=at + timedelta(minutes=1))
    session.finish(now=at + timedelta(minutes=5))
    return session.attempt_id


def passed(
    ws: Workspace,
    bank: Bank,
    name: str = "Aline Niyonzima",
    institution: Institution = Institution.POLICE,
    at: datetime = T0,
) -> tuple[Trainee, int]:
    trainee = ws.trainees.create(name, institution, "PNB-001")
    return trainee, exam(ws, bank, trainee, at=at)
