"""Driving the trainee screens as a person would, through widgets (mouse-like or keys)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from trainer.quiz.questions import Response, ScenarioAnswer
from trainer.ui.widgets.question_views import (
    ChoiceInput,
    MatchingInput,
    OrderingInput,
    QuestionInput,
    ScenarioInput,
    TrueFalseInput,
    TypedInput,
)


def answer_with_widgets(widget: QuestionInput, answer: Response) -> None:
    """Set an answer by clicking and choosing, the way a mouse user would."""
    response = answer.to_json()
    if isinstance(widget, ChoiceInput):
        wanted = set(response.get("choices") or []) | {response.get("choice")}
        for oid, button in widget.buttons.items():
            if button.isChecked() != (oid in wanted):
                button.click()
    elif isinstance(widget, TrueFalseInput):
        (widget.true_button if response["value"] else widget.false_button).click()
    elif isinstance(widget, OrderingInput):
        target = list(response["order"])
        for position, item_id in enumerate(target):
            current = widget.order().index(item_id)
            widget.list.setCurrentRow(current)
            for _ in range(current - position):
                widget.up.click()
    elif isinstance(widget, MatchingInput):
        for pid, choice in response["pairs"].items():
            combo = widget.combos[pid]
            combo.setCurrentIndex(combo.findData(choice))
    elif isinstance(widget, TypedInput):
        widget.line.clear()
        QTest.keyClicks(widget.line, response["text"])  # typed, then Enter
        QTest.keyClick(widget.line, Qt.Key.Key_Return)
    elif isinstance(widget, ScenarioInput):
        assert isinstance(answer, ScenarioAnswer)
        for pid, part in answer.parts:
            answer_with_widgets(widget.parts[pid], part)
    else:  # pragma: no cover - every kind is handled above
        raise TypeError(widget)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_to(target: QWidget, limit: int = 80) -> None:
    """Press Tab until ``target`` has the keyboard focus."""
    for _ in range(limit):
        if focused() is target:
            return
        current = focused()
        assert current is not None, "nothing has the keyboard focus"
        QTest.keyClick(current, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}; stuck on {focused()!r}")


def key(k: Any, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    current = focused()
    assert current is not None
    QTest.keyClick(current, k, modifier)


def answer_with_keys(widget: QuestionInput, answer: Response) -> None:
    """Set an answer with the keyboard alone: Tab, Space, arrows, Alt+Up."""
    response = answer.to_json()
    if isinstance(widget, ChoiceInput):
        wanted = set(response.get("choices") or []) | {response.get("choice")}
        for oid, button in widget.buttons.items():
            if oid in wanted and not button.isChecked():
                tab_to(button) if widget.multiple else _arrow_to(widget, button)
                key(Qt.Key.Key_Space)
    elif isinstance(widget, TrueFalseInput):
        target = widget.true_button if response["value"] else widget.false_button
        _arrow_to(widget, target)
        key(Qt.Key.Key_Space)
    elif isinstance(widget, OrderingInput):
        tab_to(widget.list)
        order: list[str] = list(response["order"])
        for position, item_id in enumerate(order):
            current = widget.order().index(item_id)
            widget_row = widget.list.currentRow()
            # move the selection to the item with arrow keys, then lift it with Alt+Up
            step = Qt.Key.Key_Down if current > widget_row else Qt.Key.Key_Up
            for _ in range(abs(current - max(widget_row, 0))):
                key(step)
            if widget.list.currentRow() != current:
                widget_row = widget.list.currentRow()
                for _ in range(abs(current - widget_row)):
                    key(Qt.Key.Key_Down if current > widget_row else Qt.Key.Key_Up)
            for _ in range(current - position):
                key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    elif isinstance(widget, MatchingInput):
        for pid, choice in response["pairs"].items():
            combo = widget.combos[pid]
            tab_to(combo)
            while combo.currentData() != choice:
                before = combo.currentIndex()
                key(Qt.Key.Key_Down)
                assert combo.currentIndex() != before, "the arrow key did not move the choice"
    elif isinstance(widget, TypedInput):
        tab_to(widget.line)
        key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        line = focused()
        assert line is widget.line
        QTest.keyClicks(line, response["text"])
        key(Qt.Key.Key_Return)
    elif isinstance(widget, ScenarioInput):
        assert isinstance(answer, ScenarioAnswer)
        for pid, part in answer.parts:
            answer_with_keys(widget.parts[pid], part)
    else:  # pragma: no cover
        raise TypeError(widget)


def _arrow_to(widget: QuestionInput, button: QWidget) -> None:
    """Radio buttons form one Tab stop; the arrow keys move within the group."""
    buttons: list[QWidget]
    if isinstance(widget, ChoiceInput):
        buttons = list(widget.buttons.values())
    else:
        assert isinstance(widget, TrueFalseInput)
        buttons = [widget.true_button, widget.false_button]
    for _ in range(80):
        if focused() in buttons:
            break
        current = focused()
        assert current is not None
        QTest.keyClick(current, Qt.Key.Key_Tab)
    # options are stacked (Down) or side by side (Right), as a user sees them
    step = Qt.Key.Key_Down if isinstance(widget, ChoiceInput) else Qt.Key.Key_Right
    for _ in range(len(buttons) + 1):
        if focused() is button:
            return
        key(step)
    assert focused() is button, "arrow keys did not reach the option"


def finish(qtbot: Any, operation: Any) -> Any:
    """Wait for an operation a screen started (``Operation``); its result."""
    if not operation.finished:
        with qtbot.waitSignal(operation.done, timeout=30000):
            pass
    return operation.result


def settle(qtbot: Any) -> None:
    """Wait until no operation is running (one started by a button or a menu)."""
    from trainer.ui import operations

    qtbot.waitUntil(lambda: operations.running() == 0, timeout=30000)


def press_start(window: Any) -> None:
    """On the exam's instruction screen, press Start (the clock starts then)."""
    from trainer.ui.screens.exam_start import ExamStartScreen

    screen = window.current_screen()
    assert isinstance(screen, ExamStartScreen), screen
    screen.start_button.click()


def start_exam(window: Any, bank: Any, module: Any) -> None:
    """Choose the exam, read its instructions, press Start."""
    from trainer.quiz.behaviours import Behaviour

    window.start_quiz(bank, module, Behaviour.EXAM)
    press_start(window)
