"""The trainee's module cards: what each says, keyboard use, and whole titles at 200 %."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.certificates.factory import exam
from trainer.quiz.behaviours import Behaviour
from trainer.storage.trainees import Institution
from trainer.ui.main_window import MainWindow
from trainer.ui.screens.modules import ModulesScreen
from trainer.workspace import Workspace

LONG_TITLE = (
    "Trafficking in persons and the smuggling of migrants: identification, referral, "
    "protection of presumed victims and the non-punishment principle"
)


def test_a_card_states_status_best_score_and_progress(
    qtbot: QtBot, workspace: Workspace
) -> None:
    trainee = workspace.trainees.create("Aline Niyonzima", Institution.POLICE)
    bank = workspace.catalog.bank("sample")
    screen = ModulesScreen(workspace, trainee, "en")
    qtbot.addWidget(screen)
    card = screen.cards.card(0)
    assert card.facts.status == "Not started" and card.property("status") == "new"
    assert card.progress.value() == 0 and card.facts.best == "—"
    exam(workspace, bank, trainee, right=0)  # a failed exam
    screen.refresh()
    card = screen.cards.card(0)
    assert screen.status_text(0) == "Failed" and card.property("status") == "failed"
    exam(workspace, bank, trainee)  # all right: passed
    screen.refresh()
    card = screen.cards.card(0)
    assert screen.status_text(0) == "Passed" and card.progress.value() == 100
    assert card.facts.attempts == 2 and card.facts.best == "100 %"
    assert "Police officers" in card.details.text() and "question" in card.details.text()
    for text in ("Sample module", "Passed", "100 %"):
        assert text in card.accessibleName()
        assert text in str(screen.cards.item(0).data(Qt.ItemDataRole.AccessibleTextRole))
    assert card.progress.accessibleName()


def test_cards_are_chosen_with_the_arrow_keys_and_opened_with_enter(
    qtbot: QtBot, workspace: Workspace
) -> None:
    trainee = workspace.trainees.create("Aline Niyonzima", Institution.POLICE)
    screen = ModulesScreen(workspace, trainee, "en")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.cards.count() >= 1
    screen.cards.setFocus()
    assert screen.cards.card(0).property("selected") is True
    QTest.keyClick(screen.cards, Qt.Key.Key_Down)
    assert screen.selected() is not None  # one card stays chosen
    QTest.keyClick(screen.cards, Qt.Key.Key_Home)
    with qtbot.waitSignal(screen.start_requested) as started:
        QTest.keyClick(screen.cards, Qt.Key.Key_Return)
    assert started.args[2] is Behaviour.PRACTICE
    assert started.args[1].id == screen.entries[0][1].id


@pytest.mark.parametrize("language", ["en", "fr"])
def test_long_titles_wrap_whole_at_double_text_size_on_a_laptop(
    qtbot: QtBot, workspace: Workspace, language: str
) -> None:
    window = MainWindow(workspace, language=language)
    qtbot.addWidget(window)
    window.set_zoom(200)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.trainee = workspace.trainees.create("Aline Niyonzima", Institution.POLICE)
    window.show_modules()
    screen = window.current_screen()
    assert isinstance(screen, ModulesScreen)
    card = screen.cards.card(0)
    card.title.setText(LONG_TITLE)
    screen.cards.fit()
    QApplication.processEvents()
    try:
        assert window.width() <= 1280
        title: QLabel = card.title
        needed = title.heightForWidth(title.width())
        assert title.height() >= needed > title.fontMetrics().height()  # wrapped, not cut
        item = screen.cards.visualItemRect(screen.cards.item(0))
        assert item.height() >= card.heightForWidth(item.width()) - 1
        assert item.width() <= screen.cards.viewport().width()
    finally:
        window.set_zoom(100)
