"""Every staff screen asks for a staff sign-in and checks the role; sign-out and inactivity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from trainer import admin
from trainer.access import Role, StaffSession
from trainer.errors import AccessDeniedError
from trainer.storage import audit
from trainer.ui import dialogs, dialogs_auth, staff
from trainer.ui.auth import STAFF_PROPERTY
from trainer.ui.main_window import MainWindow
from trainer.ui.screens.home import HomeScreen
from trainer.workspace import Workspace

COORD_PASSWORD = "coordinator password"
TRAINER_PASSWORD = "trainer password!"
OUR_ENTRIES = {"accounts", "audit", "backups"}


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, exc: shown.append(str(exc)))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: shown.append(title))
    return shown


@pytest.fixture
def staffed(workspace: Workspace) -> Workspace:
    admin.first_setup(workspace, "Centre", "Coord", COORD_PASSWORD)
    workspace.sign_in(StaffSession("setup", Role.COORDINATOR))
    admin.create_account(workspace, "Trainer T", TRAINER_PASSWORD, Role.TRAINER)
    workspace.sign_out()
    return workspace


@pytest.fixture
def window(qtbot: QtBot, staffed: Workspace) -> MainWindow:
    w = MainWindow(staffed, language="en")
    qtbot.addWidget(w)
    return w


def _signs_in_as(
    monkeypatch: pytest.MonkeyPatch, name: str | None, password: str = ""
) -> list[int]:
    calls: list[int] = []

    def fake(_parent: Any, ws: Workspace) -> bool:
        calls.append(1)
        if name is None:
            return False  # the user cancels
        admin.sign_in(ws, name, password)
        return True

    monkeypatch.setattr(dialogs_auth, "ask_sign_in", fake)
    return calls


def test_every_staff_screen_refuses_a_trainee_session(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    """Iterates the registry: screens added by other features are covered too."""
    entries = staff.entries()
    assert {e.key for e in entries} >= OUR_ENTRIES
    asked = _signs_in_as(monkeypatch, None)
    for entry in entries:
        window.open_staff(entry)
        assert isinstance(window.current_screen(), HomeScreen), entry.key
        assert window.workspace.staff is None
    assert len(asked) == len(entries)  # each one asked for a sign-in, and got none


def test_our_screens_cannot_even_be_built_for_a_trainee(window: MainWindow) -> None:
    for entry in staff.entries():
        if entry.key in OUR_ENTRIES:
            with pytest.raises(AccessDeniedError):
                entry.build(window)


def test_a_trainer_gets_trainer_screens_only(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    _signs_in_as(monkeypatch, "Trainer T", TRAINER_PASSWORD)
    for entry in staff.entries():
        before = window.current_screen()
        window.open_staff(entry)
        screen = window.current_screen()
        assert screen is not None
        if entry.role == "coordinator":
            assert screen is before, entry.key  # nothing new was shown
            assert "coordinator account" in errors[-1], entry.key
        else:
            assert screen.property(STAFF_PROPERTY), entry.key
    assert window.workspace.staff is not None and window.workspace.staff.role is Role.TRAINER


def test_a_coordinator_opens_every_screen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    asked = _signs_in_as(monkeypatch, "Coord", COORD_PASSWORD)
    for entry in staff.entries():
        window.open_staff(entry)
        screen = window.current_screen()
        assert screen is not None and screen.property(STAFF_PROPERTY), entry.key
    assert len(asked) == 1  # signed in once, then moved between staff screens
    assert errors == []
    assert window.staff_gate.status.text() == "Signed in: Coord (coordinator)"


def test_leaving_the_staff_area_or_signing_out_ends_the_session(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    _signs_in_as(monkeypatch, "Coord", COORD_PASSWORD)
    [accounts] = [e for e in staff.entries() if e.key == "accounts"]
    window.open_staff(accounts)
    assert window.workspace.actor == "Coord"
    window.show_home()
    assert window.workspace.staff is None and window.workspace.actor is None
    window.open_staff(accounts)
    assert window.staff_gate.sign_out_action.isEnabled()
    window.staff_gate.sign_out_action.trigger()
    assert window.workspace.staff is None
    assert not window.staff_gate.sign_out_action.isEnabled()
    reasons = [e.detail for e in audit.entries(window.workspace.db, action="account.sign_out")]
    assert reasons == ["signed out", "left the staff area"]


def test_inactivity_signs_staff_out_and_returns_home(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    _signs_in_as(monkeypatch, "Coord", COORD_PASSWORD)
    [audit_entry] = [e for e in staff.entries() if e.key == "audit"]
    window.open_staff(audit_entry)
    staff_session = window.workspace.staff
    assert staff_session is not None
    staff_session.timeout = 0.2
    window.staff_gate._restart_timer()
    with qtbot.waitSignal(window.staff_gate.signed_out, timeout=3000) as signal:
        pass
    assert signal.args == ["inactivity"]
    assert window.workspace.staff is None
    assert isinstance(window.current_screen(), HomeScreen)


def test_first_use_of_the_staff_menu_offers_the_setup(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    def setup(_parent: Any, ws: Workspace, *, sign_in: bool = False) -> bool:
        account = admin.first_setup(ws, "Centre", "First", COORD_PASSWORD)
        if sign_in:
            admin.sign_in(ws, account.name, COORD_PASSWORD)
        return True

    monkeypatch.setattr(dialogs_auth, "run_setup", setup)
    w = MainWindow(workspace, language="en")
    qtbot.addWidget(w)
    [accounts] = [e for e in staff.entries() if e.key == "accounts"]
    w.open_staff(accounts)
    assert workspace.actor == "First"
    assert w.current_screen() is not None and w.current_screen().property(STAFF_PROPERTY)  # type: ignore[union-attr]


# -- the dialogs themselves -------------------------------------------------------------
def test_sign_in_dialog(qtbot: QtBot, staffed: Workspace) -> None:
    dialog = dialogs_auth.SignInDialog(staffed)
    qtbot.addWidget(dialog)
    dialog.name.setText("Coord")
    dialog.password.setText("wrong password")
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "Wrong account name or password."
    assert dialog.password.text() == "" and dialog.result() == 0
    for _ in range(4):
        dialog.password.setText("wrong password")
        dialog.buttons.accepted.emit()
    assert dialog.error.text().startswith("Too many wrong passwords. Try again in 30")
    assert staffed.staff is None


def test_sign_in_dialog_accepts_the_right_password(qtbot: QtBot, staffed: Workspace) -> None:
    dialog = dialogs_auth.SignInDialog(staffed)
    qtbot.addWidget(dialog)
    dialog.name.setText("Trainer T")
    dialog.password.setText(TRAINER_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.accepted.emit()
    assert staffed.actor == "Trainer T"


def test_setup_dialog(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = dialogs_auth.SetupDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.institution.setText("École de police de Bujumbura")
    dialog.name.setText("Coord")
    dialog.password.setText(COORD_PASSWORD)
    dialog.confirm.setText("something else")
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "The two passwords differ."
    dialog.confirm.setText(COORD_PASSWORD)
    dialog.password.setText("short")
    dialog.confirm.setText("short")
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "A password needs at least 10 characters."
    dialog.password.setText(COORD_PASSWORD)
    dialog.confirm.setText(COORD_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.accepted.emit()
    assert workspace.institution_name == "École de police de Bujumbura"
    assert workspace.accounts.get("Coord").role is Role.COORDINATOR
    assert workspace.staff is None  # at start, setup does not sign anyone in


def test_account_dialog_checks_what_it_can(qtbot: QtBot) -> None:
    dialog = dialogs_auth.AccountDialog()
    qtbot.addWidget(dialog)
    dialog.password.setText("abcdefghijk")
    dialog.confirm.setText("abcdefghijk")
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "Please give the account a name."
    dialog.name.setText("New")
    dialog.role.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.accepted.emit()
    assert dialog.chosen_role() is Role.COORDINATOR
    reset = dialogs_auth.AccountDialog("Somebody")
    qtbot.addWidget(reset)
    assert reset.windowTitle() == "New password for Somebody"


def test_save_path_helper_returns_none_when_cancelled(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert dialogs_auth.choose_save_path(None, "t", Path("x.csv")) is None
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("/tmp/a.csv", ""))
    assert dialogs_auth.choose_save_path(None, "t", Path("x.csv")) == Path("/tmp/a.csv")


def test_signing_out_closes_the_staff_screen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    _signs_in_as(monkeypatch, "Coord", COORD_PASSWORD)
    [results] = [e for e in staff.entries() if e.key == "results"]
    window.open_staff(results)
    assert window.current_screen().property(STAFF_PROPERTY)  # type: ignore[union-attr]
    window.staff_gate.sign_out_action.trigger()
    assert isinstance(window.current_screen(), HomeScreen)


def test_inactivity_closes_a_dialog_left_open_over_a_staff_screen(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    _signs_in_as(monkeypatch, "Coord", COORD_PASSWORD)
    [accounts] = [e for e in staff.entries() if e.key == "accounts"]
    window.show()
    window.open_staff(accounts)
    box = QMessageBox(window.current_screen())
    box.setText("Reset the password of Trainer T?")
    box.open()
    assert box.isVisible()
    window.staff_gate._on_idle_timeout()
    assert not box.isVisible()
    assert isinstance(window.current_screen(), HomeScreen)


def _staff_menu_state(window: MainWindow) -> dict[str, bool]:
    return {key: action.isEnabled() for key, action in window.staff_actions.items()}


def test_menu_entries_a_role_cannot_use_are_disabled(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    roles = {e.key: e.role for e in staff.entries()}
    # nobody signed in: every entry leads to the sign-in
    assert all(_staff_menu_state(window).values())
    _signs_in_as(monkeypatch, "Trainer T", TRAINER_PASSWORD)
    [library] = [e for e in staff.entries() if e.key == "bank_library"]
    window.open_staff(library)
    state = _staff_menu_state(window)
    assert state == {key: role == "trainer" for key, role in roles.items()}
    window.staff_gate.sign_out_action.trigger()
    assert all(_staff_menu_state(window).values())
    _signs_in_as(monkeypatch, "Coord", COORD_PASSWORD)
    window.open_staff(library)
    assert all(_staff_menu_state(window).values())
    try:
        window.set_language("fr")  # the menus are rebuilt: the state holds
        assert all(_staff_menu_state(window).values())
    finally:
        window.set_language("en")


@pytest.mark.parametrize("zoom", [100, 200])
def test_a_wrong_password_does_not_squash_the_sign_in_fields(
    qtbot: QtBot, staffed: Workspace, zoom: int
) -> None:
    from PySide6.QtWidgets import QApplication

    from trainer.ui.theme import Theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme = Theme(app)
    theme.apply(zoom=zoom)
    try:
        dialog = dialogs_auth.SignInDialog(staffed)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        heights = {f: f.height() for f in (dialog.name, dialog.password)}
        for _ in range(5):  # up to the long "too many wrong passwords" message
            dialog.name.setText("Coord")
            dialog.password.setText("wrong password")
            dialog.buttons.accepted.emit()
        QApplication.processEvents()
        for field, height in heights.items():
            assert field.height() >= min(height, field.sizeHint().height())
        error = dialog.error
        assert error.height() >= error.heightForWidth(error.width())
    finally:
        theme.apply(zoom=100)
