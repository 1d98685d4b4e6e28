"""The coordinator's accounts, audit log and backups screens, driven through their widgets."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QTableWidget, QTextBrowser, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.storage.test_backups import damage
from trainer import admin
from trainer.access import Role
from trainer.paths import DataDir
from trainer.storage import audit, backups
from trainer.storage.trainees import Institution
from trainer.ui import dialogs, dialogs_auth, exam_guard, staff, startup
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import backups as backups_screen
from trainer.ui.screens.accounts import AccountsScreen
from trainer.ui.screens.audit import AuditScreen
from trainer.ui.screens.backups import BackupsScreen
from trainer.ui.screens.home import HomeScreen
from trainer.workspace import Workspace

PASSWORD = "coordinator password"


def cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    assert item is not None
    return item.text()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    out: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, exc: out.append(f"error: {exc}"))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: out.append(text))
    return out


@pytest.fixture
def coordinator(workspace: Workspace) -> Workspace:
    admin.first_setup(workspace, "Centre", "Coord", PASSWORD)
    admin.sign_in(workspace, "Coord", PASSWORD)
    return workspace


class FakeAccountDialog:
    def __init__(self, name: str, password: str, role: Role) -> None:
        from PySide6.QtWidgets import QLineEdit

        self.name, self.password = QLineEdit(name), QLineEdit(password)
        self.role = role

    def chosen_role(self) -> Role:
        return self.role


def test_accounts_screen_create_reset_disable(
    qtbot: QtBot, coordinator: Workspace, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    screen = AccountsScreen(coordinator)
    qtbot.addWidget(screen)
    assert screen.table.rowCount() == 1
    monkeypatch.setattr(
        dialogs_auth,
        "ask_account",
        lambda _p, name=None: FakeAccountDialog("Trainer T", "trainer password", Role.TRAINER),
    )
    screen.new_button.click()
    assert [cell(screen.table, r, 0) for r in range(2)] == ["Coord", "Trainer T"]
    assert cell(screen.table, 1, 1) == "Trainer"
    screen.table.selectRow(1)
    screen.reset_button.click()
    assert shown[-1] == "The password of Trainer T was changed."
    assert screen.disable_button.text() == "&Disable"
    screen.disable_button.click()
    assert cell(screen.table, 1, 2) == "Disabled"
    assert screen.disable_button.text() == "&Enable"
    screen.new_button.click()  # the same name again
    assert shown[-1].startswith("error: an account named 'Trainer T' already exists")
    screen.table.selectRow(0)
    screen.disable_button.click()
    assert "signed in with" in shown[-1]
    monkeypatch.setattr(dialogs_auth, "ask_account", lambda _p, name=None: None)
    screen.new_button.click()
    screen.reset_button.click()
    assert screen.table.rowCount() == 2


def test_audit_screen_filters_and_exports(
    qtbot: QtBot,
    coordinator: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[str],
    tmp_path: Path,
) -> None:
    admin.create_account(coordinator, "Trainer T", "trainer password", Role.TRAINER)
    screen = AuditScreen(coordinator)
    qtbot.addWidget(screen)
    total = screen.table.rowCount()
    assert total >= 4 and screen.count_label.text() == f"{total} entries"
    screen.action.setCurrentIndex(screen.action.findData("setup"))
    assert screen.table.rowCount() == 1 and cell(screen.table, 0, 2) == "setup"
    screen.action.setCurrentIndex(0)
    screen.search.setText("Trainer T")
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1)
    assert cell(screen.table, 0, 3) == "Trainer T (trainer)"
    target = tmp_path / "out" / "audit"
    monkeypatch.setattr(dialogs_auth, "choose_save_path", lambda *_a: target)
    with qtbot.waitSignal(screen.exported):
        screen.export_button.click()
    written = target.with_name("audit.csv")
    with written.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["detail"] for r in rows] == ["Trainer T (trainer)"]
    assert shown[-1] == f"1 entry was written to {written}."
    assert audit.entries(coordinator.db, limit=1)[0].action == "audit.export"


def test_backups_screen_back_up_and_restore(
    qtbot: QtBot,
    coordinator: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[str],
) -> None:
    window = MainWindow(coordinator, language="en")  # shows the home screen: signs staff out
    qtbot.addWidget(window)
    monkeypatch.setattr(
        dialogs_auth, "ask_sign_in", lambda _p, ws: bool(admin.sign_in(ws, "Coord", PASSWORD))
    )
    [entry] = [e for e in staff.entries() if e.key == "backups"]
    window.open_staff(entry)
    screen = window.current_screen()
    assert isinstance(screen, BackupsScreen)
    assert screen.table.rowCount() == 0 and not screen.restore_button.isEnabled()
    coordinator.trainees.create("Before", Institution.POLICE)
    with qtbot.waitSignal(screen.backed_up):
        screen.backup_button.click()
    assert screen.table.rowCount() == 1 and cell(screen.table, 0, 2) == "Regular"
    coordinator.trainees.create("After", Institution.POLICE)
    monkeypatch.setattr(backups_screen, "confirm_restore", lambda *_a: False)
    screen.restore_button.click()
    assert len(coordinator.trainees.list()) == 2
    monkeypatch.setattr(backups_screen, "confirm_restore", lambda *_a: True)
    with qtbot.waitSignal(screen.restored):
        screen.restore_button.click()
    assert [t.name for t in coordinator.trainees.list()] == ["Before"]
    # the restored data may hold other accounts: staff sign in again, from the home screen
    assert coordinator.staff is None
    assert isinstance(window.current_screen(), HomeScreen)
    assert "Sign in again" in shown[-1]


def test_safety_settings_are_saved(qtbot: QtBot, coordinator: Workspace, shown: list[str]) -> None:
    screen = BackupsScreen(coordinator)
    qtbot.addWidget(screen)
    settings = screen.findChild(backups_screen.SafetySettingsWidget)
    assert isinstance(settings, backups_screen.SafetySettingsWidget)
    assert settings.keep.value() == 10 and settings.timeout.value() == 10
    settings.keep.setValue(4)
    settings.timeout.setValue(5)
    settings.fullscreen.setChecked(True)
    settings.save_button.click()
    assert shown[-1] == "The settings were saved."
    assert admin.backups_keep(coordinator) == 4
    assert admin.timeout_seconds(coordinator) == 300
    assert admin.exam_fullscreen(coordinator)


# -- exam guard ---------------------------------------------------------------------------
def _copy_event() -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier, "c")


def test_exam_guard_blocks_selection_copy_and_context_menus(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    label = QLabel("Which indicator suggests forced labour?")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    browser = QTextBrowser()
    browser.setPlainText("Scenario text")
    layout.addWidget(label)
    layout.addWidget(browser)
    exam_guard.apply_exam_guard(root, exam=False)
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    exam_guard.apply_exam_guard(root, exam=True)
    exam_guard.apply_exam_guard(root, exam=True)  # idempotent
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert browser.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert label.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    guards = root.findChildren(exam_guard.CopyGuard)
    assert len(guards) == 1
    guard = guards[0]
    assert guard.eventFilter(label, _copy_event())
    assert guard.eventFilter(browser, QEvent(QEvent.Type.ContextMenu))
    plain_key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert not guard.eventFilter(label, plain_key)


# -- start-up -----------------------------------------------------------------------------
def _damaged_data_with_backup(tmp_path: Path) -> DataDir:
    ws = Workspace(tmp_path / "data", shipped_banks=tmp_path)
    ws.trainees.create("Survivor", Institution.POLICE)
    admin.automatic_backup(ws)
    ws.close()
    damage(ws.data.database)
    return ws.data


def test_damaged_database_at_start_offers_the_latest_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    data = _damaged_data_with_backup(tmp_path)
    asked: list[str] = []

    def answer(_p: Any, title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(startup, "ask_recover", answer)
    go_on, note = startup.check_database(data, quiet=False)
    assert go_on and "damaged file kept as" in note
    assert "The database of this workstation is damaged" in asked[0]
    ws = Workspace(data.root, shipped_banks=tmp_path)
    try:
        startup.record_recovery(ws, note)
        assert [t.name for t in ws.trainees.list()] == ["Survivor"]
        assert audit.entries(ws.db)[0].action == "database.recover"
    finally:
        ws.close()


def test_damaged_database_left_alone_when_declined_or_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    data = _damaged_data_with_backup(tmp_path)
    monkeypatch.setattr(startup, "ask_recover", lambda *_a: False)
    assert startup.check_database(data, quiet=False) == (False, "")
    assert startup.check_database(data, quiet=True) == (False, "")
    assert backups.check_database(data.database) != []  # untouched


def test_damaged_database_without_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str], qtbot: QtBot
) -> None:
    data = _damaged_data_with_backup(tmp_path)
    for b in backups.list_backups(data.backups):
        b.path.unlink()
    assert startup.check_database(data, quiet=False) == (False, "")
    assert "no backup to restore" in shown[-1]
