"""Factories for results tests: trainees who take the sample module, right or wrong."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from trainer.banks.model import Bank, MultipleResponse, Question, SingleChoice, TrueFalse
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import (
    MultipleResponseAnswer,
    Response,
    SingleChoiceAnswer,
    TrueFalseAnswer,
    correct_response,
)
from trainer.quiz.session import QuizSession
from trainer.storage.trainees import Institution, Trainee
from trainer.workspace import Workspace


def wrong_response(question: Question) -> Response | None:
    """A response that earns nothing (None when the kind has no simple wrong answer)."""
    if isinstance(question, SingleChoice):
        return SingleChoiceAnswer(next(o.id for o in question.options if o.id != question.key))
    if isinstance(question, MultipleResponse):
        return MultipleResponseAnswer(
            tuple(o.id for o in question.options if o.id not in question.key)[:1]
        )
    if isinstance(question, TrueFalse):
        return TrueFalseAnswer(not question.key)
    return None


Taker = Callable[..., QuizSession]
# The same four questions every time (one of each simple kind and an ordering).
FIXED = ["q-child", "q-means", "q-border", "q-steps"]


@pytest.fixture
def take(workspace: Workspace) -> Taker:
    return make_taker(workspace)


def make_taker(workspace: Workspace) -> Taker:
    """take(trainee, right=True, behaviour=EXAM, when=datetime) → a finished session."""

    def run(
        trainee: Trainee,
        right: bool | Callable[[Question], bool] = True,
        behaviour: Behaviour = Behaviour.EXAM,
        when: datetime | None = None,
        seed: int = 7,
        ws: Workspace | None = None,
        questions: list[str] | None = FIXED,
        **_: Any,
    ) -> QuizSession:
        space = ws or workspace
        bank: Bank = space.catalog.bank("sample")
        module = bank.modules[0]
        when = when or datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
        session = QuizSession.start(
            bank,
            module,
            behaviour,
            trainee_id=trainee.id,
            language="en",
            recorder=space.attempts.recorder,
            seed=seed,
            now=when,
            question_ids=questions,
        )
        for slot in session.slots:
            ok = right(slot.question) if callable(right) else right
            response = correct_response(slot.question) if ok else wrong_response(slot.question)
            if response is not None:
                session.answer(slot.index, response, now=when)
        session.finish(now=when)
        return session

    return run


@pytest.fixture
def people(workspace: Workspace) -> dict[str, Trainee]:
    return make_people(workspace)


def make_people(workspace: Workspace) -> dict[str, Trainee]:
    t = workspace.trainees
    return {
        "alice": t.create("Alice Niyonzima", Institution.POLICE, "PN-001", gender="female"),
        "bruno": t.create("Bruno Hakizimana", Institution.PROSECUTION, province="Gitega"),
        "chantal": t.create("Chantal Irakoze", Institution.JUDICIARY, "MAG-7"),
    }


@pytest.fixture(autouse=True)
def _coordinator_at_the_workstation(request: pytest.FixtureRequest) -> None:
    """Certificate and results actions are a coordinator's: sign one in on the test workspace."""
    if "workspace" not in request.fixturenames:
        return
    from trainer.access import Role, StaffSession

    ws: Workspace = request.getfixturevalue("workspace")
    ws.sign_in(StaffSession("Test coordinator", Role.COORDINATOR, timeout=0))
