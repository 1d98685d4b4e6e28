"""Exam integrity: the key stays hidden during an exam; one attempt in progress per trainee."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from trainer.banks.model import Bank
from trainer.errors import ErrorCode, QuizError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.storage import attempts_guard, settings
from trainer.storage.trainees import Institution
from trainer.ui.exam_guard import CopyGuard
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import quiz as quiz_screen
from trainer.ui.screens.quiz import QuizScreen
from trainer.workspace import Workspace

from .helpers import answer_with_widgets, start_exam


def _key_texts(question: Any) -> list[str]:
    """Every text that would tell the answer: feedback and explanations, in any language."""
    found: list[str] = []

    def visit(value: Any) -> None:
        for name in ("feedback", "explanation", "feedback_true", "feedback_false"):
            text = getattr(value, name, None)
            if text is not None:
                found.extend(v for v in text.values.values() if len(v) > 12)
        for child in getattr(value, "options", ()) or ():
            visit(child)
        for child in getattr(value, "parts", ()) or ():
            visit(child)

    visit(question)
    return found


def test_exam_screen_never_shows_feedback_or_selectable_text(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(workspace, language="en")
    qtbot.addWidget(window)
    trainee = workspace.trainees.create("Exam Taker", Institution.POLICE)
    window.choose_trainee(trainee)
    bank = workspace.catalog.bank("sample")
    start_exam(window, bank, bank.modules[0])
    screen = window.current_screen()
    assert isinstance(screen, QuizScreen) and screen.exam
    assert not screen.check_button.isVisibleTo(screen)
    secrets_seen = 0
    for index, slot in enumerate(screen.session.slots):
        screen.go_to(index)
        assert screen.input is not None
        answer_with_widgets(screen.input, correct_response(slot.question))
        assert not screen.feedback_frame.isVisibleTo(screen)
        shown = [w for w in screen.findChildren(QLabel) if w.isVisibleTo(screen)]
        for label in shown:
            for secret in _key_texts(slot.question):
                secrets_seen += 1
                assert secret not in label.text(), (index, secret)
            flags = label.textInteractionFlags()
            assert not flags & Qt.TextInteractionFlag.TextSelectableByMouse, label.text()
    assert secrets_seen > 0  # the sample bank does have feedback to hide


def test_one_attempt_in_progress_per_trainee(
    workspace: Workspace, sample_bank: Bank, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    trainee = workspace.trainees.create("Only One", Institution.JUDICIARY)
    module = sample_bank.modules[0]
    assert attempts_guard.active_attempt(workspace.attempts, trainee.id) is None
    attempts_guard.ensure_no_active_attempt(workspace.attempts, trainee.id)
    first = quiz_screen.start_session(
        None,  # type: ignore[arg-type]
        workspace,
        trainee,
        sample_bank,
        module,
        Behaviour.EXAM,
        "en",
    )
    assert first is not None
    with pytest.raises(QuizError, match="still in progress"):
        attempts_guard.ensure_no_active_attempt(workspace.attempts, trainee.id)
    # starting again offers the open attempt; declining submits it before a new one starts
    monkeypatch.setattr(quiz_screen, "ask_resume", lambda *_a: quiz_screen.ResumeChoice.SUBMIT)
    second = quiz_screen.start_session(
        None,  # type: ignore[arg-type]
        workspace,
        trainee,
        sample_bank,
        module,
        Behaviour.EXAM,
        "en",
    )
    assert second is not None and second.attempt_id != first.attempt_id
    open_now = workspace.attempts.unfinished(trainee.id)
    assert [a.id for a in open_now] == [second.attempt_id]
    monkeypatch.setattr(quiz_screen, "ask_resume", lambda *_a: quiz_screen.ResumeChoice.RESUME)
    resumed = quiz_screen.start_session(
        None,  # type: ignore[arg-type]
        workspace,
        trainee,
        sample_bank,
        module,
        Behaviour.PRACTICE,
        "en",
    )
    assert resumed is not None and resumed.attempt_id == second.attempt_id
    assert len(workspace.attempts.unfinished(trainee.id)) == 1


def test_exams_fill_the_screen_when_a_coordinator_chose_so(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setattr(quiz_screen, "confirm_finish", lambda *a: True)
    monkeypatch.setattr(
        quiz_screen, "ask_resume", lambda *a: quiz_screen.ResumeChoice.SUBMIT
    )  # submit a left attempt
    window = MainWindow(workspace, language="en")
    qtbot.addWidget(window)
    window.show()
    trainee = workspace.trainees.create("Full Screen", Institution.POLICE)
    window.choose_trainee(trainee)
    bank = workspace.catalog.bank("sample")
    start_exam(window, bank, bank.modules[0])
    assert not window.isFullScreen()  # off by default
    screen = window.current_screen()
    assert isinstance(screen, QuizScreen)
    screen.finish()
    settings.write(workspace.db, settings.EXAM_FULLSCREEN, True)
    window.show_modules()
    window.start_quiz(bank, bank.modules[0], Behaviour.PRACTICE)
    assert not window.isFullScreen()  # practice keeps the window as it is
    window.show_modules()
    start_exam(window, bank, bank.modules[0])
    assert window.isFullScreen()
    screen = window.current_screen()
    assert isinstance(screen, QuizScreen)
    screen.finish()  # the result screen: the window comes back
    assert not window.isFullScreen()


def test_the_start_of_a_module_enforces_the_rule_below_the_interface(
    workspace: Workspace, sample_bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were the offer skipped (another window started one meanwhile), the storage rule
    still refuses a second attempt in progress, with a message in the user's language."""
    trainee = workspace.trainees.create("Two Windows", Institution.POLICE)
    module = sample_bank.modules[0]
    args = (None, workspace, trainee, sample_bank, module, Behaviour.EXAM, "en")
    assert quiz_screen.start_session(*args) is not None  # type: ignore[arg-type]
    monkeypatch.setattr(quiz_screen, "offer_unfinished", lambda *_a: quiz_screen.Offered())
    with pytest.raises(QuizError) as refused:
        quiz_screen.start_session(*args)  # type: ignore[arg-type]
    assert refused.value.code is ErrorCode.QUIZ_ATTEMPT_IN_PROGRESS
    assert len(workspace.attempts.unfinished(trainee.id)) == 1


def test_the_quiz_screen_guards_exam_text_and_not_practice(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quiz_screen, "ask_resume", lambda *_a: quiz_screen.ResumeChoice.SUBMIT)
    window = MainWindow(workspace, language="en")
    qtbot.addWidget(window)
    trainee = workspace.trainees.create("Guarded", Institution.POLICE)
    window.choose_trainee(trainee)
    bank = workspace.catalog.bank("sample")
    window.start_quiz(bank, bank.modules[0], Behaviour.PRACTICE)
    practice = window.current_screen()
    assert isinstance(practice, QuizScreen)
    assert practice.body.findChildren(CopyGuard) == []
    practice.leave_button.click()
    start_exam(window, bank, bank.modules[0])  # its instructions first, then Start
    exam = window.current_screen()
    assert isinstance(exam, QuizScreen) and exam.exam
    exam.go_to(1)  # every question shown is guarded
    [guard] = exam.body.findChildren(CopyGuard)
    copy = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier, "c")
    assert guard.eventFilter(exam.body, copy)
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), QPoint(1, 1))
    assert guard.eventFilter(exam.body, menu)
