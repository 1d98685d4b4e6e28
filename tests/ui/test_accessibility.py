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

from .helpers import start_exam

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


def test_every_trainee_screen_names_its_controls(
    window: MainWindow, signed_in_coordinator: Workspace
) -> None:
    workspace = signed_in_coordinator
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
    start_exam(window, bank, bank.modules[0])
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


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_screen_fits_a_laptop_at_double_text_size(
    qtbot: QtBot, signed_in_coordinator: Workspace, language: str
) -> None:
    """At 200 % text no screen may need a window wider than a 1280-pixel screen: rows of
    buttons wrap and long titles in choice lists do not widen the window."""
    from trainer.ui import i18n, staff

    window = MainWindow(signed_in_coordinator, language=language)
    qtbot.addWidget(window)
    too_wide = {}
    try:
        window.set_zoom(200)
        window.show()
        if window.minimumSizeHint().width() > 1280:
            too_wide["home"] = window.minimumSizeHint().width()
        for entry in staff.entries():
            window.open_staff(entry)
            screen = window.current_screen()
            assert screen is not None, entry.key
            width = screen.minimumSizeHint().width()
            if width > 1280:
                too_wide[entry.key] = width
    finally:
        window.set_zoom(100)
        i18n.install("en")  # the next tests read English
    assert too_wide == {}


def test_a_flow_of_buttons_wraps_when_narrow(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    from trainer.ui.widgets.flow import flow_of

    buttons = [QPushButton(f"Action number {i}") for i in range(4)]
    row = flow_of(buttons)
    qtbot.addWidget(row)
    one_line = row.sizeHint().width()
    row.resize(one_line, row.heightForWidth(one_line))
    row.show()
    qtbot.waitUntil(lambda: buttons[3].isVisible())
    assert len({b.y() for b in buttons}) == 1  # room for all: one line
    narrow = buttons[0].sizeHint().width() * 2 + 20
    assert row.heightForWidth(narrow) > row.heightForWidth(one_line)
    row.resize(narrow, row.heightForWidth(narrow))
    qtbot.waitUntil(lambda: buttons[2].y() > buttons[0].y())
    assert max(b.geometry().right() for b in buttons) <= narrow
    assert row.minimumSizeHint().width() <= max(b.sizeHint().width() for b in buttons)


def test_check_boxes_and_radio_buttons_grow_with_the_text(qtbot: QtBot, window: MainWindow) -> None:
    """Answer boxes a trainee must hit stay in proportion to the text at every size."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    def indicator(widget: QCheckBox | QRadioButton) -> int:
        qtbot.addWidget(widget)
        widget.ensurePolished()
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        element = (
            QStyle.SubElement.SE_CheckBoxIndicator
            if isinstance(widget, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonIndicator
        )
        return widget.style().subElementRect(element, option, widget).width()

    try:
        sizes = {}
        for zoom in (100, 200):
            window.set_zoom(zoom)
            sizes[zoom] = (indicator(QCheckBox("A")), indicator(QRadioButton("B")))
        for kind in (0, 1):
            assert sizes[200][kind] >= sizes[100][kind] * 1.4  # Qt's own stay the same
    finally:
        window.set_zoom(100)
