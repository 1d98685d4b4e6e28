"""Records the central database refused, as a coordinator sees them: the count in the status
bar and on Staff → Network, the list with the server's reasons, and Send again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.postgres import CentralServer
from tests.results.conftest import make_people, make_taker
from tests.ui.helpers import settle
from trainer.access import Role, StaffSession
from trainer.central import network
from trainer.central.sync import sync_status
from trainer.storage.trainees import Institution
from trainer.ui import dialogs, i18n
from trainer.ui.held_records import HeldRecordsDialog, kind_text
from trainer.ui.screens.network import NetworkScreen
from trainer.ui.sync_status import SyncStatusWidget
from trainer.workspace import Workspace


@pytest.fixture
def coordinator(workspace: Workspace) -> Workspace:
    workspace.sign_in(StaffSession("Coordinator", Role.COORDINATOR, timeout=0))
    return workspace


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, e: said.append(f"ERROR {e}"))
    return said


def test_the_status_bar_counts_held_records_and_sends_them_again(
    qtbot: QtBot, coordinator: Workspace, central_db: CentralServer, quiet: list[str]
) -> None:
    config = central_db.add_workstation(coordinator.db.workstation_uid, "Lab 1", coordinator=True)
    network.join(coordinator, config)
    central_db.query("ALTER TABLE trainees ADD CONSTRAINT no_bad CHECK (name <> 'Bad Profile')")
    coordinator.trainees.create("Bad Profile", Institution.POLICE)
    make_taker(coordinator)(make_people(coordinator)["alice"], right=True)
    widget = SyncStatusWidget(coordinator, sync_every_ms=3_600_000)
    qtbot.addWidget(widget)
    widget.sync_timer.stop()
    assert widget.held_button.isHidden()
    with qtbot.waitSignal(widget.synced, timeout=30000) as done:
        widget.button.click()
    assert not isinstance(done.args[0], Exception), done.args
    settle(qtbot)
    assert "1 record held back by the central database" in widget.label.text()
    assert not widget.held_button.isHidden()
    assert central_db.query("SELECT count(*) FROM attempt_questions") == [(4,)]  # the rest

    widget.held_button.click()
    dialog = widget.held_dialog
    assert isinstance(dialog, HeldRecordsDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, col) for col in range(4)]
    texts = [c.text() if c is not None else "" for c in cells]
    assert texts[:2] == ["Trainee", "Bad Profile"]
    assert "no_bad" in texts[3] and texts[2]
    assert dialog.count.text() == "1 record held back by the central database"

    central_db.query("ALTER TABLE trainees DROP CONSTRAINT no_bad")
    with qtbot.waitSignal(dialog.sent_again) as sent:
        dialog.send_button.click()
    assert sent.args == [1]
    assert dialog.table.rowCount() == 0 and not dialog.send_button.isEnabled()
    assert widget.held_button.isHidden()
    assert widget.sync_timer.isActive()  # the records go with a sync soon
    assert sync_status(coordinator.db, config).trainees_waiting == 1
    dialog.close_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not quiet


def test_the_network_screen_lists_held_records(
    qtbot: QtBot, coordinator: Workspace, central_db: CentralServer, quiet: list[str]
) -> None:
    from trainer.central.sync import sync_now

    config = central_db.add_workstation(coordinator.db.workstation_uid, "Lab 1")
    network.join(coordinator, config)
    central_db.query("ALTER TABLE trainees ADD CONSTRAINT no_bad CHECK (name <> 'Bad Profile')")
    coordinator.trainees.create("Bad Profile", Institution.POLICE)
    coordinator.trainees.create("Good Profile", Institution.POLICE)
    assert sync_now(coordinator.db, config).held == {"trainee": 1}
    screen = NetworkScreen(coordinator)
    qtbot.addWidget(screen)
    assert screen.held.text() == "1 record held back by the central database"
    assert screen.held_button.isEnabled()
    dialog = screen.show_held()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.table.rowCount() == 1
    with qtbot.waitSignal(screen.changed):
        dialog.send_button.click()
    assert screen.held.text() == "No record held back by the central database."
    assert not screen.held_button.isEnabled()
    assert quiet == ["1 record will be sent with the next sync."]
    logged = coordinator.db.query_one(
        "SELECT actor FROM audit_log WHERE action = 'central.send_again'"
    )
    assert logged is not None and logged[0] == "Coordinator"


def test_a_trainer_may_not_see_or_send_again(
    qtbot: QtBot, workspace: Workspace, quiet: list[str]
) -> None:
    workspace.sign_in(StaffSession("Trainer", Role.TRAINER, timeout=0))
    dialog = HeldRecordsDialog(workspace)
    qtbot.addWidget(dialog)
    assert quiet and quiet[0].startswith("ERROR")
    assert dialog.table.rowCount() == 0 and not dialog.send_button.isEnabled()


def test_held_records_in_french(qtbot: QtBot, coordinator: Workspace) -> None:
    dialog = HeldRecordsDialog(coordinator)
    qtbot.addWidget(dialog)
    i18n.install("fr")
    try:
        assert kind_text("attempt") != "Attempt and its answers"
        assert dialog.tr("%n record(s) held back by the central database", "", 2) != (
            "2 records held back by the central database"
        )
    finally:
        i18n.install("en")
