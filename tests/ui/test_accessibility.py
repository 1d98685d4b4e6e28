"""Every control is named for screen readers, text scales to 200 %, and exams reveal no key."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.storage.trainees import Institution
from trainer.ui import staff
from trainer.ui.main_window import MainWindow
from trainer.ui.screens.quiz import QuizScreen
from trainer.workspace import Workspace

INPUTS = (QLineEdit, QComboBox, QAbstractItemView, QTextBrowser, QPlainTextEdit, QAbstractSpinBox)


def unnamed_controls(screen: QWidget) -> list[str]:
    """Controls a screen reader could not name: no accessible name and no text of their own."""
    missing = []
    for w in screen.findChildren(QWidget):
        if (
            not w.isVisibleTo(screen)
            or w.window() is not screen.window()
            or isinstance(w, QHeaderView)
            or type(w).__name__ == "QTableCornerButton"
        ):
            continue  # headers belong to their table
        if isinstance(w, QAbstractButton):
            if not (w.accessibleName() or w.text().replace("&", "").strip()):
                missing.append(f"{type(w).__name__} {w.objectName()}")
        elif isinstance(w, INPUTS) and not w.accessibleName():
            # an input named by its label's buddy is fine too
            buddies = [lab for lab in screen.findChildren(QLabel) if lab.buddy() is w]
            if not buddies:
                missing.append(f"{type(w).__name__} {w.objectName()}")
    return missing


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    w = MainWindow(workspace, language="en")
    qtbot.addWidget(w)
    w.show()
    return w


def test_every_trainee_screen_names_its_controls(window: MainWindow, workspace: Workspace) -> None:
    screens = [window.current_screen()]
    trainee = workspace.trainees.create("Divine", Institution.PROSECUTION)
    window.choose_trainee(trainee)
    screens.append(window.current_screen())
    bank = workspace.catalog.bank("sample")
    window.start_quiz(bank, bank.modules[0], Behaviour.PRACTICE)
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    for slot in quiz.session.slots:  # every kind of question input
        quiz.go_to(slot.index)
        assert unnamed_controls(quiz) == [], slot.question.kind
    quiz.finish()
    screens.append(window.current_screen())
    window.show_history()
    screens.append(window.current_screen())
    for entry in staff.entries():
        window.open_staff(entry)
        screens.append(window.current_screen())
    for screen in screens:
        assert screen is not None
        assert unnamed_controls(screen) == [], type(screen).__name__


def test_text_scales_up_to_200_percent_and_is_remembered(
    window: MainWindow, workspace: Workspace
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    base = window.theme.base_point_size
    window.set_zoom(200)
    assert app.font().pointSizeF() == pytest.approx(base * 2)
    assert workspace.db.get_setting("ui_zoom") == "200"
    window.set_zoom(400)  # capped
    assert window.theme.zoom == 200
    assert window._next_zoom(-1) == 175
    window.set_zoom(100)
    assert app.font().pointSizeF() == pytest.approx(base)
    window.set_high_contrast(True)
    assert workspace.db.get_setting("ui_high_contrast") == "1"
    assert "indicator" in app.styleSheet()
    window.set_high_contrast(False)


def test_an_exam_shows_no_key_before_it_is_submitted(
    window: MainWindow, workspace: Workspace
) -> None:
    trainee = workspace.trainees.create("Eric", Institution.POLICE)
    window.choose_trainee(trainee)
    bank = workspace.catalog.bank("sample")
    window.start_quiz(bank, bank.modules[0], Behaviour.EXAM)
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    for slot in quiz.session.slots:
        quiz.go_to(slot.index)
        quiz.session.answer(slot.index, correct_response(slot.question))
        quiz.go_to(slot.index)
        shown = " ".join(w.text() for w in quiz.findChildren(QLabel) if w.isVisibleTo(quiz))
        explanation = slot.question.explanation
        if explanation is not None:
            assert explanation.get("en") not in shown
        assert "Right answer" not in shown and "Correct" not in shown
        assert not quiz.check_button.isVisible() and not quiz.feedback_frame.isVisibleTo(quiz)
        # question text cannot be selected (and so copied) during an exam
        for label in quiz.findChildren(QLabel):
            assert (
                not label.textInteractionFlags()
                & label.textInteractionFlags().TextSelectableByMouse
            )
