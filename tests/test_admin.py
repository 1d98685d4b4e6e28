"""Staff operations: first setup, sign-in, audit of sensitive actions, backup and restore."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_BANK
from tests.storage.test_backups import damage
from trainer import admin
from trainer.access import Role, StaffSession
from trainer.errors import AccessDeniedError, ExportError, TrainerError
from trainer.storage import audit, backups, settings
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

PASSWORD = "coordinator password"


@pytest.fixture
def coordinator(workspace: Workspace) -> Workspace:
    admin.first_setup(workspace, "Centre de formation de Gitega", "Coord", PASSWORD)
    admin.sign_in(workspace, "Coord", PASSWORD)
    return workspace


def _actions(ws: Workspace) -> list[tuple[str, str]]:
    return [(e.actor, e.action) for e in reversed(audit.entries(ws.db))]


def test_first_setup_names_the_institution_once(workspace: Workspace) -> None:
    assert admin.needs_setup(workspace)
    with pytest.raises(TrainerError, match="institution"):
        admin.first_setup(workspace, "  ", "Coord", PASSWORD)
    account = admin.first_setup(workspace, " Centre  de Gitega ", "Coord", PASSWORD)
    assert account.role is Role.COORDINATOR
    assert workspace.institution_name == "Centre de Gitega"
    assert not admin.needs_setup(workspace)
    with pytest.raises(AccessDeniedError, match="already set up"):
        admin.first_setup(workspace, "Other", "Intruder", PASSWORD)
    assert ("Coord", "setup") in _actions(workspace)


def test_sign_in_and_out(coordinator: Workspace) -> None:
    assert coordinator.actor == "Coord" and coordinator.staff is not None
    assert coordinator.staff.timeout == 600
    admin.sign_out(coordinator, reason="inactivity")
    assert coordinator.actor is None and coordinator.staff is None
    assert _actions(coordinator)[-1] == ("Coord", "account.sign_out")
    with pytest.raises(AccessDeniedError):
        admin.sign_in(coordinator, "Coord", "not the password")
    assert coordinator.staff is None


def test_sensitive_actions_are_audited_with_who(coordinator: Workspace, tmp_path: Path) -> None:
    admin.create_account(coordinator, "Trainer T", "trainer password", Role.TRAINER)
    admin.reset_password(coordinator, "Trainer T", "another password")
    admin.set_account_disabled(coordinator, "Trainer T", True)
    admin.set_account_disabled(coordinator, "Trainer T", False)
    admin.import_bank(coordinator, SAMPLE_BANK)
    admin.set_bank_enabled(coordinator, "sample", False)
    admin.set_bank_enabled(coordinator, "sample", True)
    admin.backup_now(coordinator)
    admin.change_setting(coordinator, settings.EXAM_FULLSCREEN, "1")
    admin.change_setting(coordinator, settings.EXAM_FULLSCREEN, "1")  # no change, no entry
    admin.export_audit(coordinator, tmp_path / "audit.csv")
    mine = [a for who, a in _actions(coordinator) if who == "Coord"]
    assert mine == [
        "account.create",
        "setup",
        "account.sign_in",
        "account.create",
        "account.reset_password",
        "account.disable",
        "account.enable",
        "bank.import",
        "bank.disable",
        "bank.enable",
        "backup.create",
        "settings.change",
        "audit.export",
    ]


def test_cannot_disable_own_account(coordinator: Workspace) -> None:
    admin.create_account(coordinator, "Coord 2", PASSWORD, Role.COORDINATOR)
    with pytest.raises(TrainerError, match="signed in with"):
        admin.set_account_disabled(coordinator, "coord", True)


def test_audit_filter_and_csv_export(coordinator: Workspace, tmp_path: Path) -> None:
    admin.create_account(coordinator, "Trainer Éloïse", "trainer password", Role.TRAINER)
    found = admin.audit_entries(coordinator, text="Éloïse")
    assert [e.action for e in found] == ["account.create"]
    assert {e.action for e in admin.audit_entries(coordinator, action="account.")} == {
        "account.create",
        "account.sign_in",
    }
    assert "setup" in admin.audit_actions(coordinator)
    out = tmp_path / "audit.csv"
    count = admin.export_audit(coordinator, out, action="account.")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == count == 3
    assert rows[0]["detail"] == "Trainer Éloïse (trainer)" and rows[0]["actor"] == "Coord"
    assert not list(tmp_path.glob("*.part"))


def test_audit_export_to_an_unwritable_place(coordinator: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="could not be written"):
        admin.export_audit(coordinator, tmp_path / "no such folder" / "audit.csv")


def test_the_audit_log_cannot_be_rewritten(coordinator: Workspace) -> None:
    from trainer.errors import StorageError

    with pytest.raises(StorageError), coordinator.db.transaction() as conn:
        conn.execute("DELETE FROM audit_log")
    with pytest.raises(StorageError), coordinator.db.transaction() as conn:
        conn.execute("UPDATE audit_log SET actor = 'someone else'")


def test_backup_and_restore_round_trip(coordinator: Workspace) -> None:
    coordinator.trainees.create("Kept", Institution.POLICE)
    made = admin.backup_now(coordinator)
    coordinator.trainees.create("Added after", Institution.POLICE)
    before = admin.restore_backup(coordinator, made.path)
    assert [t.name for t in coordinator.trainees.list()] == ["Kept"]  # repositories reopened
    assert before.label == "before-restore"
    last = audit.entries(coordinator.db)[0]
    assert (last.actor, last.action) == ("Coord", "backup.restore")
    assert made.name in last.detail and before.name in last.detail
    # and undo: the database as it was comes back from the before-restore copy
    admin.restore_backup(coordinator, before.path)
    assert [t.name for t in coordinator.trainees.list()] == ["Added after", "Kept"]
    assert len(admin.list_backups(coordinator)) >= 3


def test_restore_refuses_a_damaged_backup(coordinator: Workspace) -> None:
    coordinator.trainees.create("Kept", Institution.POLICE)
    made = admin.backup_now(coordinator)
    damage(made.path)
    with pytest.raises(TrainerError, match="damaged"):
        admin.restore_backup(coordinator, made.path)
    assert [t.name for t in coordinator.trainees.list()] == ["Kept"]


def test_automatic_backups_keep_the_setting(coordinator: Workspace) -> None:
    admin.change_setting(coordinator, settings.BACKUPS_KEEP, "2")
    for _ in range(4):
        admin.automatic_backup(coordinator)
    assert len(backups.list_backups(coordinator.data.backups)) == 2
    assert admin.daily_backup_if_due(coordinator) is None


def test_damaged_database_recovered_from_latest_good_backup(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "data", shipped_banks=tmp_path)
    ws.trainees.create("Survivor", Institution.PROSECUTION)
    admin.automatic_backup(ws)
    ws.close()
    damage(ws.data.database)
    assert backups.check_database(ws.data.database) != []
    used, kept = admin.recover_damaged(ws.data.database, ws.data.backups)
    assert kept.exists() and backups.check_database(kept) != []
    reopened = Workspace(tmp_path / "data", shipped_banks=tmp_path)
    try:
        assert [t.name for t in reopened.trainees.list()] == ["Survivor"]
        assert used.path.parent == reopened.data.backups
    finally:
        reopened.close()


def test_no_backup_to_recover_from(tmp_path: Path) -> None:
    with pytest.raises(TrainerError, match="no usable backup"):
        admin.recover_damaged(tmp_path / "db.sqlite3", tmp_path / "none")


def test_settings_are_checked(coordinator: Workspace) -> None:
    with pytest.raises(TrainerError, match="unknown setting"):
        admin.change_setting(coordinator, "ui_zoom", "150")
    with pytest.raises(TrainerError, match="whole number"):
        admin.change_setting(coordinator, settings.STAFF_TIMEOUT_MINUTES, "0")
    with pytest.raises(TrainerError, match="0 or 1"):
        admin.change_setting(coordinator, settings.EXAM_FULLSCREEN, "yes")
    admin.change_setting(coordinator, settings.STAFF_TIMEOUT_MINUTES, "3")
    assert admin.timeout_seconds(coordinator) == 180
    assert coordinator.staff is not None and coordinator.staff.timeout == 180
    assert not admin.exam_fullscreen(coordinator)
    coordinator.db.set_setting(settings.STAFF_TIMEOUT_MINUTES.key, "garbage")
    assert admin.timeout_seconds(coordinator) == 600


def test_trainer_may_manage_banks_only(workspace: Workspace) -> None:
    workspace.sign_in(StaffSession("Trainer T", Role.TRAINER))
    admin.set_bank_enabled(workspace, "sample", False)
    assert "sample" in workspace.library().disabled()
    with pytest.raises(AccessDeniedError):
        admin.backup_now(workspace)
