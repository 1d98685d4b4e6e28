"""Staff operations on a workspace: accounts, audit log, backups, workstation settings.

The GUI and the command line both call these. Each staff-only function checks the
signed-in role first (``access.staff_action``) and records itself in the audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.access import Permission, Role, StaffSession, staff_action
from trainer.errors import AccessDeniedError, StorageError, TrainerError
from trainer.storage import audit, backups, settings
from trainer.storage.settings import Setting

if TYPE_CHECKING:
    from trainer.banks.library import ImportResult
    from trainer.storage.accounts import Account
    from trainer.storage.audit import AuditEntry
    from trainer.workspace import Workspace


# -- first run, signing in ---------------------------------------------------------
def needs_setup(ws: Workspace) -> bool:
    """True until the first coordinator account exists."""
    return ws.accounts.count() == 0


def first_setup(ws: Workspace, institution: str, name: str, password: str) -> Account:
    """Name the institution and create the first coordinator (only while no account exists)."""
    if not needs_setup(ws):
        raise AccessDeniedError("this workstation is already set up; sign in as a coordinator")
    institution = " ".join(institution.split())
    if not institution:
        raise TrainerError("please give the institution's name")
    if len(institution) > 200:
        raise TrainerError("an institution's name may be at most 200 characters")
    account = ws.accounts.create(name, password, Role.COORDINATOR, actor=name)
    settings.write(
        ws.db,
        settings.INSTITUTION_NAME,
        institution,
        audit_action="setup",
        audit_detail=f"institution: {institution}",
        actor=account.name,
    )
    return account


def sign_in(ws: Workspace, name: str, password: str) -> StaffSession:
    account = ws.accounts.authenticate(name, password)
    session = StaffSession(account.name, account.role, timeout=timeout_seconds(ws))
    ws.sign_in(session)
    return session


def sign_out(ws: Workspace, *, reason: str = "") -> None:
    if ws.staff is not None:
        audit.record(ws.db, "account.sign_out", reason, actor=ws.staff.name)
    ws.sign_out()


def timeout_seconds(ws: Workspace) -> int:
    return max(1, settings.read(ws.db, settings.STAFF_TIMEOUT_MINUTES)) * 60


def exam_fullscreen(ws: Workspace) -> bool:
    return settings.read(ws.db, settings.EXAM_FULLSCREEN)


def backups_keep(ws: Workspace) -> int:
    return max(1, settings.read(ws.db, settings.BACKUPS_KEEP))


# -- accounts ----------------------------------------------------------------------
@staff_action(Permission.ACCOUNTS)
def list_accounts(ws: Workspace) -> list[Account]:
    return ws.accounts.list()


@staff_action(Permission.ACCOUNTS)
def create_account(ws: Workspace, name: str, password: str, role: Role) -> Account:
    return ws.accounts.create(name, password, role, actor=ws.actor)


@staff_action(Permission.ACCOUNTS)
def reset_password(ws: Workspace, name: str, password: str) -> None:
    ws.accounts.reset_password(name, password, actor=ws.actor)


@staff_action(Permission.ACCOUNTS)
def set_account_disabled(ws: Workspace, name: str, disabled: bool) -> None:
    if disabled and ws.staff is not None and name.strip().casefold() == ws.staff.name.casefold():
        raise TrainerError("you cannot disable the account you are signed in with")
    ws.accounts.set_disabled(name, disabled, actor=ws.actor)


# -- audit log ---------------------------------------------------------------------
@staff_action(Permission.AUDIT)
def audit_entries(ws: Workspace, text: str = "", action: str = "") -> list[AuditEntry]:
    return audit.search(ws.db, text=text, action=action)


@staff_action(Permission.AUDIT)
def audit_actions(ws: Workspace) -> list[str]:
    return audit.actions(ws.db)


@staff_action(Permission.AUDIT)
def audit_integrity(ws: Workspace) -> audit.ChainReport:
    """Whether any entry of the audit log was removed or changed (the hash chain)."""
    return audit.verify_chain(ws.db)


@staff_action(Permission.AUDIT)
def export_audit(ws: Workspace, path: Path, text: str = "", action: str = "") -> int:
    """Write the (filtered) audit log as CSV; the export itself is audited."""
    rows = audit.search(ws.db, text=text, action=action, limit=10_000_000)
    audit.write_csv(rows, path)
    ws.audit("audit.export", f"{len(rows)} entries to {path}")
    return len(rows)


# -- backups -----------------------------------------------------------------------
def automatic_backup(ws: Workspace) -> backups.Backup:
    """The backup taken at start and daily (no sign-in needed; not a user's action)."""
    return backups.create_backup(ws.db, ws.data.backups, keep=backups_keep(ws))


def startup_backup(ws: Workspace) -> backups.Backup:
    """The backup at every start, after ``PRAGMA quick_check`` of the live database (a
    start may have trusted a database closed cleanly without reading it): a damaged
    database is never copied over the good backups, and the next start checks it before
    opening it, offering the latest good backup."""
    problems = backups.check_database(ws.data.database)
    if problems:
        backups.need_check(ws.data.database)
        raise StorageError(
            f"the database is damaged: {problems[0]}; it was not backed up, and it will be "
            "checked before it is opened at the next start",
            where=str(ws.data.database),
        )
    return automatic_backup(ws)


def daily_backup_if_due(ws: Workspace) -> backups.Backup | None:
    if backups.backup_due(ws.data.backups):
        return automatic_backup(ws)
    return None


@staff_action(Permission.BACKUPS)
def list_backups(ws: Workspace) -> list[backups.Backup]:
    return backups.list_backups(ws.data.backups)


@staff_action(Permission.BACKUPS)
def backup_now(ws: Workspace) -> backups.Backup:
    made = automatic_backup(ws)
    ws.audit("backup.create", made.name)
    return made


@staff_action(Permission.BACKUPS)
def restore_backup(ws: Workspace, backup: Path) -> backups.Backup:
    """Replace the live database with ``backup``; the database as it was is backed up first.

    Returns the "before-restore" backup, from which the restore can be undone.
    """
    problems = backups.check_backup(backup)
    if problems:
        reason = problems[0]
        if backups.check_database(backup):
            reason = f"it is damaged: {reason}"
        raise TrainerError(f"this backup cannot be restored: {reason}", where=str(backup))
    before = backups.create_backup(ws.db, ws.data.backups, keep=None, label="before-restore")
    actor = ws.actor
    log_now = audit.all_entries(ws.db)
    ws.db.close()
    try:
        backups.replace_database(backup, ws.data.database, keep_old=False)
    finally:
        ws.reopen()
    # Written into the restored database: its log now says what happened to it, and keeps
    # what the replaced log recorded after the backup was taken (the data go, the record
    # of what was done stays).
    audit.carry_over(
        ws.db,
        log_now,
        "backup.restore",
        f"{backup.name} (the database as it was is kept as {before.name})",
        actor=actor,
    )
    return before


def recover_missing(database: Path, backup: Path) -> str:
    """Before anything opens it: put ``backup`` in place of a missing or empty database
    (an empty file is set aside, not deleted). Returns the note for the audit log."""
    kept = backups.replace_database(backup, database, keep_old=True)
    aside = f"; the empty file was kept as {kept.name}" if kept is not None else ""
    return f"{backup.name} restored in place of a missing or empty database{aside}"


def record_recovery(ws: Workspace, note: str) -> None:
    if note:
        audit.record(ws.db, "database.recover", note)


def recover_damaged(ws_data_database: Path, backup_folder: Path) -> tuple[backups.Backup, Path]:
    """At start, before anything opens it: set a damaged database aside, restore the newest
    good backup. Returns the backup used and where the damaged file was kept."""
    good = backups.latest_good(backup_folder)
    if good is None:
        raise TrainerError("there is no usable backup to restore", where=str(backup_folder))
    kept = backups.replace_database(good.path, ws_data_database, keep_old=True)
    assert kept is not None
    return good, kept


# -- question banks (trainers) ---------------------------------------------------------
@staff_action(Permission.MANAGE_BANKS)
def import_bank(ws: Workspace, path: Path) -> ImportResult:
    """Check a bank file and add it to the library (audited by the library)."""
    result = ws.library().import_bank(path)
    ws.reload_catalog()
    return result


@staff_action(Permission.MANAGE_BANKS)
def set_bank_enabled(ws: Workspace, bank_id: str, enabled: bool) -> None:
    """Offer a bank to trainees or withdraw it (audited by the library)."""
    ws.library().set_enabled(bank_id, enabled)
    ws.reload_catalog()


# -- settings ----------------------------------------------------------------------
@staff_action(Permission.SETTINGS)
def change_setting(ws: Workspace, setting: Setting[Any] | str, value: str) -> None:
    """Change one of the workstation settings (``Setting.workstation``), given as text
    (as a form or the command line has it); the change is audited."""
    if isinstance(setting, str):
        found = settings.BY_KEY.get(setting)
        if found is None:
            raise TrainerError(f"unknown setting {setting!r}")
        setting = found
    if not setting.workstation:
        raise TrainerError(f"unknown setting {setting.key!r}")
    try:
        parsed = setting.parse(value)
    except ValueError:
        raise TrainerError(setting.expected) from None
    if settings.stored_text(ws.db, setting) == value:
        return
    settings.write(
        ws.db,
        setting,
        parsed,
        audit_action="settings.change",
        audit_detail=f"{setting.key} = {value}",
        actor=ws.actor,
    )
    if setting is settings.STAFF_TIMEOUT_MINUTES and ws.staff is not None:
        ws.staff.timeout = int(value) * 60
