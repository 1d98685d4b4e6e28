"""Trainees who passed (or failed) an exam, for the certificate tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QImage

from trainer.banks.model import Bank
from trainer.certificates import pdf
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


def qr_picture(text: str, scale: int = 4, quiet: int = 4) -> QImage:
    """The module grid of ``pdf.qr_modules`` as a picture, as a scanner would see it."""
    data, n = pdf.qr_modules(text)
    side = (n + 2 * quiet) * scale
    image = QImage(side, side, QImage.Format.Format_Grayscale8)
    image.fill(255)
    for y in range(n):
        for x in range(n):
            if data[y * n + x] == 0:
                for dy in range(scale):
                    for dx in range(scale):
                        image.setPixel((x + quiet) * scale + dx, (y + quiet) * scale + dy, 0)
    return image
