"""The exam's instruction screen: facts, rules, no clock before Start; resume where the
trainee was; the focus on the first answer."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.storage.trainees import Institution
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import quiz as quiz_screen
from trainer.ui.screens.exam_start import ExamStartScreen
from trainer.ui.screens.modules import ModulesScreen
from trainer.ui.screens.quiz import QuizScreen, ResumeChoice
from trainer.workspace import Workspace

from .helpers import answer_with_widgets


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    w = MainWindow(workspace, language="en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.trainee = workspace.trainees.create("Aline", Institution.POLICE)
    return w


def test_the_instructions_come_first_and_the_clock_waits_for_start(
    window: MainWindow, workspace: Workspace
) -> None:
    assert window.trainee is not None
    bank = workspace.catalog.bank("sample")
    window.start_quiz(bank, bank.modules[0], Behaviour.EXAM)
    start = window.current_screen()
    assert isinstance(start, ExamStartScreen)
    assert start.facts == {"Questions": "4", "Time": "20 minutes", "Pass mark": "70 %"}
    rules = start.rules.text()
    assert "power cut" in rules and "time runs out" in rules
    assert QApplication.focusWidget() is start.start_button
    assert workspace.attempts.unfinished(window.trainee.id) == []  # nothing started yet
    start.back_button.click()
    assert isinstance(window.current_screen(), ModulesScreen)
    assert workspace.attempts.unfinished(window.trainee.id) == []

    window.start_quiz(bank, bank.modules[0], Behaviour.EXAM)
    start = window.current_screen()
    assert isinstance(start, ExamStartScreen)
    start.start_button.click()
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen) and quiz.exam
    assert len(workspace.attempts.unfinished(window.trainee.id)) == 1
    assert quiz.input is not None
    focus = QApplication.focusWidget()
    assert focus is not None and quiz.input.isAncestorOf(focus)  # not the navigator


def test_a_resumed_exam_opens_at_the_question_the_trainee_was_on(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.trainee is not None
    bank = workspace.catalog.bank("sample")
    window.start_quiz(bank, bank.modules[0], Behaviour.EXAM)
    start = window.current_screen()
    assert isinstance(start, ExamStartScreen)
    start.start_button.click()
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    for index in (0, 1, 2):
        quiz.go_to(index)
        assert quiz.input is not None
        answer_with_widgets(quiz.input, correct_response(quiz.session.slots[index].question))
    quiz.go_to(0)  # looked back at the first, then worked on the third again
    quiz.go_to(2)
    quiz.flag_button.click()
    quiz.left.emit()
    monkeypatch.setattr(quiz_screen, "ask_resume", lambda *a: ResumeChoice.RESUME)
    window.choose_trainee(window.trainee)
    resumed = window.current_screen()
    assert isinstance(resumed, QuizScreen)
    assert resumed.session.current == 2
    assert resumed.input is not None
    focus = QApplication.focusWidget()
    assert focus is not None and resumed.input.isAncestorOf(focus)
