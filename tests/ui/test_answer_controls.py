"""Answer controls change only on purpose: no wheel over an unfocused control, and the
screen shows what was saved when an answer cannot be saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from trainer.errors import StorageError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import TrueFalseAnswer, correct_response
from trainer.quiz.session import QuizSession
from trainer.storage.trainees import Institution
from trainer.ui import dialogs
from trainer.ui.screens.quiz import QuizScreen
from trainer.ui.widgets.question_views import MatchingInput
from trainer.workspace import Workspace

from .helpers import answer_with_widgets


def _wheel(widget: QWidget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _exam(workspace: Workspace) -> QuizSession:
    trainee = workspace.trainees.create("Wheel", Institution.POLICE)
    bank = workspace.catalog.bank("sample")
    return QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.EXAM,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
        seed=7,
    )


def _answer_controls(screen: QuizScreen) -> list[QWidget]:
    assert screen.input is not None
    return [
        w
        for w in screen.input.findChildren(QWidget)
        if isinstance(w, (QComboBox, QAbstractSpinBox, QListWidget, QAbstractButton))
        and not isinstance(w, QPushButton)
    ]


def test_the_wheel_over_an_unfocused_answer_control_changes_nothing(
    qtbot: QtBot, workspace: Workspace
) -> None:
    session = _exam(workspace)
    screen = QuizScreen(session, "en")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    kinds_seen: set[str] = set()
    for index, slot in enumerate(session.slots):
        screen.go_to(index)
        assert screen.input is not None
        answer_with_widgets(screen.input, correct_response(slot.question))
        saved = workspace.attempts.load_session(session.attempt_id).slots[index].response
        assert saved is not None
        shown = screen.input.response()
        screen.next_button.setFocus()  # the trainee's focus is elsewhere
        for control in _answer_controls(screen):
            assert not control.hasFocus()
            for steps in (-1, 1, -3, 3):
                _wheel(control, steps)
            kinds_seen.add(type(screen.input).__name__)
        assert screen.input.response() == shown, slot.question.kind
        reloaded = workspace.attempts.load_session(session.attempt_id).slots[index]
        assert reloaded.response == saved, slot.question.kind
    assert "MatchingInput" in kinds_seen


def test_the_wheel_still_works_on_a_focused_list_of_choices(
    qtbot: QtBot, workspace: Workspace
) -> None:
    session = _exam(workspace)
    screen = QuizScreen(session, "en")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    index = next(s.index for s in session.slots if s.question.kind.value == "matching")
    screen.go_to(index)
    assert isinstance(screen.input, MatchingInput)
    combo = next(iter(screen.input.combos.values()))
    # Chosen with the keyboard (Tab): the wheel now acts, as in any program.
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo, -1)
    assert combo.currentIndex() == 1
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_an_answer_that_cannot_be_saved_is_not_shown_as_chosen(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, exc: errors.append(str(exc)))
    session = _exam(workspace)
    screen = QuizScreen(session, "en")
    qtbot.addWidget(screen)
    screen.show()
    index = next(s.index for s in session.slots if s.question.kind.value == "true_false")
    screen.go_to(index)
    assert screen.input is not None
    answer_with_widgets(screen.input, TrueFalseAnswer(True))
    assert "Saved" in screen.saved_label.text()

    def disk_full(*_a: object, **_k: object) -> None:
        raise StorageError("the disk is full or cannot be written; free some space and try again")

    monkeypatch.setattr(session.recorder, "step", disk_full)
    answer_with_widgets(screen.input, TrueFalseAnswer(False))
    assert errors and "disk is full" in errors[0]
    # the screen shows what is saved (True), not the choice that was lost
    assert screen.input.response() == TrueFalseAnswer(True)
    assert session.slots[index].response == TrueFalseAnswer(True)
    assert "not saved" in screen.saved_label.text().lower()
    # the flag too: a flag that could not be saved is not shown as set
    screen.flag_button.click()
    assert not screen.flag_button.isChecked() and not session.slots[index].flagged
