"""The audit log screen says whether the log is intact, and names the breaks."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.storage.test_audit_chain import _tamper
from trainer import admin
from trainer.ui.screens.audit import AuditScreen
from trainer.workspace import Workspace


@pytest.fixture
def coordinator(workspace: Workspace) -> Workspace:
    admin.first_setup(workspace, "Centre", "Coord", "coordinator password")
    admin.sign_in(workspace, "Coord", "coordinator password")
    for n in range(4):
        workspace.audit("bank.import", f"bank {n}")
    return workspace


def test_an_intact_log_says_so(qtbot: QtBot, coordinator: Workspace) -> None:
    screen = AuditScreen(coordinator)
    qtbot.addWidget(screen)
    assert screen.integrity.text().startswith("✓ Intact")
    assert screen.integrity.property("warning") is False


def test_a_log_with_entries_removed_shows_the_break(qtbot: QtBot, coordinator: Workspace) -> None:
    coordinator.db.close()
    _tamper(coordinator.data.database, "DELETE FROM audit_log WHERE id IN (3, 4)")
    coordinator.reopen()
    admin.sign_in(coordinator, "Coord", "coordinator password")
    screen = AuditScreen(coordinator)
    qtbot.addWidget(screen)
    assert screen.integrity.property("warning") is True
    assert "was altered" in screen.integrity.text() and "entry 5" in screen.integrity.text()
