"""Audit details worded in the interface language, from what each action recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from trainer import admin
from trainer.access import Role
from trainer.results import service
from trainer.results.export import TableFormat
from trainer.storage import settings
from trainer.ui import i18n
from trainer.ui.audit_details import detail_text
from trainer.ui.screens.audit import AuditScreen
from trainer.workspace import Workspace


@pytest.fixture
def french() -> object:
    assert i18n.install("fr")
    yield
    i18n.install("en")


def test_details_written_by_real_actions_read_in_french(
    qtbot: QtBot, tmp_path: Path, signed_in_coordinator: Workspace, french: object
) -> None:
    ws = signed_in_coordinator
    admin.sign_in(ws, "Test coordinator", "test coordinator password")
    admin.create_account(ws, "Formateur A", "password of trainer A", Role.TRAINER)
    service.export_attempts(ws, tmp_path / "all.xlsx", TableFormat.XLSX)
    admin.change_setting(ws, settings.BACKUPS_KEEP, "12")
    admin.sign_out(ws, reason="inactivity")
    admin.sign_in(ws, "Test coordinator", "test coordinator password")
    screen = AuditScreen(ws)
    qtbot.addWidget(screen)
    shown = {
        screen.table.item(r, 3).text(): screen.table.item(r, 3).toolTip()  # type: ignore[union-attr]
        for r in range(screen.table.rowCount())
    }
    assert "Formateur A (formateur)" in shown
    assert shown["0 tentatives en xlsx vers all.xlsx"] == "0 attempts as xlsx to all.xlsx"
    assert "sauvegardes conservées = 12" in shown
    assert "après une période d'inactivité" in shown
    assert "institution : Test centre" in shown


def test_an_unknown_or_differently_written_detail_is_shown_as_recorded(french: object) -> None:
    assert detail_text("results.export", "something else") == "something else"
    assert detail_text("future.action", "3 things") == "3 things"
    assert detail_text("account.sign_out", "a reason of a later version") == (
        "a reason of a later version"
    )
