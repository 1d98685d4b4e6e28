"""Faults a new user met: a practice that counts, a language switch mid-practice, French
wording, Qt's own dialogs in the interface language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.storage.trainees import Institution
from trainer.ui import i18n, labels
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import quiz as quiz_screen
from trainer.ui.screens.modules import ModulesScreen
from trainer.ui.screens.quiz import QuizScreen
from trainer.workspace import Workspace

from .helpers import answer_with_widgets


@pytest.fixture
def window(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(quiz_screen, "confirm_finish", lambda *a: True)
    w = MainWindow(workspace, language="en")
    qtbot.addWidget(w)
    w.show()
    yield w
    i18n.install("en")


def _practice(window: MainWindow, question_id: str) -> QuizScreen:
    window.trainee = window.workspace.trainees.create("Aline", Institution.POLICE)
    summary, module = window.workspace.catalog.modules(None)[0]
    bank = window.workspace.catalog.bank(summary.id)
    window.start_quiz(bank, module, Behaviour.PRACTICE, [question_id])
    screen = window.current_screen()
    assert isinstance(screen, QuizScreen)
    return screen


def test_switching_language_mid_practice_keeps_the_question_and_its_feedback(
    window: MainWindow,
) -> None:
    quiz = _practice(window, "q-child")
    slot = quiz.session.slots[0]
    assert quiz.input is not None
    answer_with_widgets(quiz.input, correct_response(slot.question))
    quiz.check_button.click()
    assert quiz.feedback_frame.isVisibleTo(quiz)
    english = slot.question.text.get("en")
    window.set_language("fr")
    again = window.current_screen()
    assert isinstance(again, QuizScreen) and again.session is quiz.session
    texts = [label.text() for label in again.body.findChildren(QLabel)]
    assert any(english.split()[0] in t for t in texts), texts
    assert not any(slot.question.text.get("fr").split()[0] in t for t in texts)
    assert again.feedback_frame.isVisibleTo(again)
    assert again.check_button.text() == "Vér&ifier la réponse"  # the interface is French


def test_a_finished_practice_shows_as_practised_not_as_not_started(
    window: MainWindow,
) -> None:
    quiz = _practice(window, "q-border")
    quiz.finish()
    window.show_modules()
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    assert modules.status_text(0) == "Practised"


def test_audit_actions_read_as_words_in_each_language() -> None:
    assert labels.audit_action("certificate.issue") == "Certificate issued"
    assert labels.audit_action("some.future_action") == "some.future_action"
    i18n.install("fr")
    try:
        assert labels.audit_action("certificate.issue") == "Certificat délivré"
    finally:
        i18n.install("en")


def test_qt_own_dialogs_follow_the_interface_language() -> None:
    i18n.install("fr")
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:").startswith("Voir dans")
        # a native dialog would speak the system's language: Qt's own is used instead
        assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    finally:
        i18n.install("en")
