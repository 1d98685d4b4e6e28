"""The coordinator's first-run tour: shown once per account, skippable, reachable from Help."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.conftest import TEST_COORDINATOR
from trainer import admin
from trainer.access import Role
from trainer.storage import settings
from trainer.ui import dialogs_auth, staff, tour
from trainer.ui.main_window import MainWindow
from trainer.workspace import Workspace


@pytest.fixture
def first_time(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, first_run_tour: None
) -> Workspace:
    """A coordinator account that has never seen the tour; sign-in answered for them."""
    name, password = TEST_COORDINATOR
    admin.first_setup(workspace, "Test centre", name, password)
    monkeypatch.setattr(
        dialogs_auth, "ask_sign_in", lambda _p, ws: bool(admin.sign_in(ws, name, password))
    )
    return workspace


def _open_tour(qtbot: QtBot) -> tour.TourDialog:
    found: list[tour.TourDialog] = []

    def shown() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, tour.TourDialog)
            and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[0]


def _entry(key: str) -> staff.StaffEntry:
    return next(e for e in staff.entries() if e.key == key)


def test_the_first_sign_in_of_a_coordinator_tours_the_real_screens_once(
    qtbot: QtBot, first_time: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(first_time)
    qtbot.addWidget(window)
    window.show()
    window.open_staff(_entry("results"))
    dialog = _open_tour(qtbot)
    assert dialog.step_label.text() == f"Step 1 of {len(tour.STEPS)}"
    assert 3 <= len(tour.STEPS) <= 6
    seen_screens = []
    for i, step in enumerate(tour.STEPS):
        screen = window.current_screen()
        target = dialog.target()
        assert target is getattr(screen, step.control)  # the ring is on the real control
        assert dialog.spotlight.isVisible() and dialog.title.text() and dialog.text.text()
        seen_screens.append(type(screen).__name__)
        assert dialog.back_button.isEnabled() is (i > 0)
        if i < len(tour.STEPS) - 1:
            QTest.keyClick(dialog, Qt.Key.Key_Return)  # Enter is Next
    assert dialog.next_button.text() == "&Finish"
    assert len(set(seen_screens)) == len(tour.STEPS)
    dialog.back_button.click()
    assert dialog.index == len(tour.STEPS) - 2
    dialog.go_to(len(tour.STEPS) - 1)
    dialog.next_button.click()
    assert not dialog.isVisible()
    assert tour.seen(first_time, TEST_COORDINATOR[0])
    # signing in again later: the offer is made (after the screen is shown) and declined
    offers: list[tour.TourDialog | None] = []
    real_offer = tour.offer_on_sign_in
    monkeypatch.setattr(tour, "offer_on_sign_in", lambda w: offers.append(real_offer(w)))
    window.staff_gate.sign_out("test")
    window.open_staff(_entry("results"))
    qtbot.waitUntil(lambda: len(offers) == 1)
    assert offers == [None]
    assert not any(
        isinstance(w, tour.TourDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_skipping_counts_as_seen_and_help_shows_the_tour_again(
    qtbot: QtBot, first_time: Workspace
) -> None:
    window = MainWindow(first_time)
    qtbot.addWidget(window)
    window.show()
    window.open_staff(_entry("results"))
    dialog = _open_tour(qtbot)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Skip
    assert not dialog.isVisible()
    assert settings.read(first_time.db, settings.TOUR_SEEN_BY) == {TEST_COORDINATOR[0]}
    help_menu = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu()
    assert isinstance(help_menu, QMenu)
    again = next(a for a in help_menu.actions() if a.text() == "Coordinator &tour")
    again.trigger()
    dialog = _open_tour(qtbot)
    assert dialog.index == 0 and dialog.skip_button.accessibleName()
    dialog.reject()


def test_trainers_get_no_tour_and_each_account_is_remembered_apart(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, first_run_tour: None
) -> None:
    admin.first_setup(workspace, "Test centre", "Coordinator A", "password of coordinator A")
    admin.sign_in(workspace, "Coordinator A", "password of coordinator A")
    admin.create_account(workspace, "Trainer B", "password of trainer B", Role.TRAINER)
    tour.mark_seen(workspace, "Coordinator A")
    admin.sign_out(workspace)
    monkeypatch.setattr(
        dialogs_auth,
        "ask_sign_in",
        lambda _p, ws: bool(admin.sign_in(ws, "Trainer B", "password of trainer B")),
    )
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.open_staff(_entry("bank_library"))
    assert tour.offer_on_sign_in(window) is None  # a trainer
    assert tour.seen(workspace, "Coordinator A") and not tour.seen(workspace, "Trainer B")


def test_a_damaged_setting_reads_as_nobody_has_seen_the_tour(workspace: Workspace) -> None:
    workspace.db.set_setting(settings.TOUR_SEEN_BY.key, "not json")
    assert settings.read(workspace.db, settings.TOUR_SEEN_BY) == frozenset()
