"""Factories for training-session tests: a signed-in trainer and a session of the sample bank."""

from __future__ import annotations

from datetime import date

import pytest

from trainer.access import Role, StaffSession
from trainer.quiz.questions import correct_response
from trainer.quiz.session import QuizSession
from trainer.sessions import service
from trainer.storage.sessions import ModuleRef, SessionDraft, TrainingSession
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

SAMPLE = ModuleRef("sample", "sample-module")


def draft(**changes: object) -> SessionDraft:
    values: dict[str, object] = {
        "title": "Gitega police training",
        "institution": Institution.POLICE,
        "start_date": date(2026, 3, 2),
        "end_date": date(2026, 3, 4),
        "venue": "Gitega police school",
        "province": "Gitega",
        "trainers": ("Aline Niyonzima",),
        "audiences": ("police",),
        "modules": (SAMPLE,),
        "planned_hours": 18.0,
        "pre_test": SAMPLE,
        "post_test": SAMPLE,
        "same_questions": True,
    }
    values.update(changes)
    return SessionDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def trainer_ws(workspace: Workspace) -> Workspace:
    workspace.sign_in(StaffSession("Trainer One", Role.TRAINER))
    return workspace


@pytest.fixture
def coordinator_ws(workspace: Workspace) -> Workspace:
    workspace.sign_in(StaffSession("Coordinator One", Role.COORDINATOR))
    return workspace


@pytest.fixture
def training(trainer_ws: Workspace) -> TrainingSession:
    return service.create_session(trainer_ws, draft())


def answer(session: QuizSession, right: int) -> None:
    """Answer the first ``right`` questions correctly and leave the rest unanswered."""
    for slot in session.slots[:right]:
        session.answer(slot.index, correct_response(slot.question))
