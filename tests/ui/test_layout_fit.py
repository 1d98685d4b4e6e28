"""Screens fit: every ordering step shows, French at 200 % fits a 1280-pixel screen."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from trainer.banks.model import LocalizedText, Ordering, OrderItem
from trainer.ui import i18n
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import quiz as quiz_screen
from trainer.ui.widgets.question_views import OrderingInput
from trainer.workspace import Workspace

from .screens_tour import trainee_screens

LONG = (
    "Identify the presumed victim by the indicators observed, record them in writing, and "
    "tell the person, in a language they understand, what happens next and why. "
) * 2


def five_steps(question: Ordering) -> Ordering:
    items = [OrderItem(f"s{n}", LocalizedText({"en": f"Step {n}"})) for n in range(1, 6)]
    items[0] = OrderItem("s1", LocalizedText({"en": LONG}))
    return dataclasses.replace(question, items=tuple(items))


@pytest.mark.parametrize("width", [500, 900])
def test_every_ordering_step_shows_even_when_the_first_wraps(
    qtbot: QtBot, workspace: Workspace, width: int
) -> None:
    bank = workspace.catalog.bank("sample")
    question = bank.question("q-steps")
    assert isinstance(question, Ordering)
    # as on the quiz screen: in a page that scrolls, above a stretch
    widget = OrderingInput(five_steps(question), {}, "en")
    page = QWidget()
    column = QVBoxLayout(page)
    column.addWidget(widget)
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    qtbot.addWidget(scroll)
    scroll.resize(width, 700)
    scroll.show()
    qtbot.waitExposed(scroll)
    QApplication.processEvents()  # the list lays its items out after a pass of the loop
    view = widget.list.viewport().rect()
    assert (
        widget.list.visualItemRect(widget.list.item(0)).height()
        > 2 * widget.list.fontMetrics().height()
    )
    for row in range(widget.list.count()):
        assert view.contains(widget.list.visualItemRect(widget.list.item(row))), row
    # and after reordering, the long step moved to the end still shows whole
    widget.list.setCurrentRow(0)
    for _ in range(4):
        widget.move_step(+1)
    last = widget.list.visualItemRect(widget.list.item(4))
    assert widget.list.viewport().rect().contains(last)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_trainee_screens_fit_a_laptop_at_double_text_size(
    qtbot: QtBot,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """At 200 % text no trainee screen needs a window wider than a 1280-pixel screen."""
    monkeypatch.setattr(quiz_screen, "confirm_finish", lambda *a: True)
    window = MainWindow(workspace, language=language)
    qtbot.addWidget(window)
    too_wide = {}
    try:
        window.set_zoom(200)
        window.show()
        for name in itertools.chain(trainee_screens(window)):
            width = window.minimumSizeHint().width()
            if width > 1280:
                too_wide[name] = width
    finally:
        window.set_zoom(100)
        i18n.install("en")
    assert too_wide == {}
