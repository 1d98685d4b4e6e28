"""Core errors are shown in the interface language: every code has its text."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from trainer.banks.model import Bank
from trainer.errors import BankError, ErrorCode, Problem, QuizError, TrainerError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.session import QuizSession
from trainer.storage.accounts import AccountLockedError
from trainer.ui import dialogs, i18n
from trainer.ui.errors_text import error_text, has_text

TRAINER = Path(__file__).resolve().parents[2] / "trainer"
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def french() -> Iterator[None]:
    assert i18n.install("fr")
    yield
    i18n.install("en")


def _codes_raised_in_the_core() -> set[str]:
    """Every ``ErrorCode.NAME`` written below trainer/ (outside the interface)."""
    found: set[str] = set()
    for path in TRAINER.rglob("*.py"):
        if "ui" in path.relative_to(TRAINER).parts[:1] or path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "ErrorCode"
            ):
                found.add(node.attr)
    return found


def test_every_code_raised_in_the_core_has_a_text() -> None:
    raised = _codes_raised_in_the_core()
    assert len(raised) >= 40  # the scan sees the raise sites
    assert raised <= set(ErrorCode.__members__), raised - set(ErrorCode.__members__)
    missing = [code for code in ErrorCode if not has_text(code)]
    assert missing == []
    unused = {code.name for code in ErrorCode} - raised
    assert unused == set(), f"codes nobody raises: {unused}"


def _shown(monkeypatch: pytest.MonkeyPatch, error: TrainerError) -> str:
    texts: list[str] = []

    def record(box: QMessageBox) -> int:
        texts.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    dialogs.show_error(None, error)
    return texts[0]


def _expired_exam(bank: Bank) -> tuple[QuizSession, datetime]:
    session = QuizSession.start(
        bank, bank.modules[0], Behaviour.EXAM, trainee_id=1, language="fr", seed=3, now=T0
    )
    assert session.deadline is not None
    return session, session.deadline + timedelta(seconds=1)


def test_a_french_trainee_reads_that_the_time_is_up_in_french(
    qtbot: object, sample_bank: Bank, french: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, late = _expired_exam(sample_bank)
    with pytest.raises(QuizError) as caught:
        session.answer(0, None, now=late)
    assert caught.value.code is ErrorCode.QUIZ_TIME_UP
    assert caught.value.message == "the time for this exam is up"  # logs and CLI: English
    assert _shown(monkeypatch, caught.value) == "Le temps prévu pour cet examen est écoulé."


def test_english_interface_and_fallbacks(
    qtbot: object, sample_bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, late = _expired_exam(sample_bank)
    with pytest.raises(QuizError) as caught:
        session.answer(0, None, now=late)
    assert _shown(monkeypatch, caught.value) == "The time for this exam is up."
    # no code: the English message, with where it happened
    assert error_text(TrainerError("odd", where="x.yaml")) == "x.yaml: odd"
    # a bank with problems says what the code says and lists the problems
    clash = BankError(
        "module ids already used by another bank",
        [Problem("b.yaml", 1, 1, "module 'm1' is also in bank 'other'")],
        code=ErrorCode.BANK_MODULE_CLASH,
    )
    assert "already used by another bank" in _shown(monkeypatch, clash)


def test_plural_and_parameters_in_french(qtbot: object, french: None) -> None:
    locked = AccountLockedError("Ana", T0 + timedelta(seconds=1), T0)
    assert error_text(locked) == "Trop de mots de passe erronés. Réessayez dans 1 seconde."
    locked = AccountLockedError("Ana", T0 + timedelta(seconds=30), T0)
    assert error_text(locked) == "Trop de mots de passe erronés. Réessayez dans 30 secondes."
    denied = TrainerError(
        "this needs a coordinator account (signed in as trainer)",
        code=ErrorCode.ACCESS_NEEDS_OTHER_ROLE,
        params={"role": "coordinator", "current": "trainer"},
    )
    assert "coordonnateur" in error_text(denied) and "formateur" in error_text(denied)
