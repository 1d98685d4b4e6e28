"""Safety at start: one window per data folder, a damaged database found and recovered,
the start-up and daily backups, and the first-run setup."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from trainer import admin
from trainer.errors import TrainerError
from trainer.paths import DataDir
from trainer.storage import backups
from trainer.ui import dialogs
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation, Task, worker_workspace
from trainer.workspace import Workspace, refuse_to_start_empty

log = logging.getLogger("trainer.startup")
DAILY_CHECK_MS = 60 * 60 * 1000  # look hourly whether a day has passed since the last backup


def tell_already_running(root: Path, *, quiet: bool) -> None:
    message = fmt(
        QCoreApplication.translate(
            "Startup",
            "TiP Trainer is already open on this workstation (data folder %1). "
            "Use the window that is open; this one will close so that nothing is recorded twice.",
        ),
        root,
    )
    print(f"TiP Trainer is already open on this data folder: {root}", file=sys.stderr)
    if not quiet:
        dialogs.show_info(
            None, QCoreApplication.translate("Startup", "TiP Trainer is already open"), message
        )


def recover_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """Restore a backup (the default) or close the program, changing nothing (Esc)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text)
    box.setAccessibleName(title)
    restore = box.addButton(
        QCoreApplication.translate("Startup", "&Restore this backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    close = box.addButton(
        QCoreApplication.translate("Startup", "&Close TiP Trainer"),
        QMessageBox.ButtonRole.RejectRole,
    )
    close.setAccessibleName(
        QCoreApplication.translate("Startup", "Close TiP Trainer without changing anything")
    )
    box.setDefaultButton(restore)
    box.setEscapeButton(close)
    dialogs.widen(box)
    return box


def ask_recover(parent: QWidget | None, title: str, text: str) -> bool:
    """Offer to restore a backup (a function, so tests can answer)."""
    box = recover_box(parent, title, text)
    box.exec()
    return box.clickedButton() is box.defaultButton()


def check_database(data: DataDir, *, quiet: bool) -> tuple[bool, str]:
    """Check the database before it is opened. Returns (go on, what was recovered).

    A damaged database is never opened nor changed: with the user's consent it is
    set aside and the newest good backup takes its place.
    """
    # A database closed cleanly and untouched since is checked after the window is up
    # (admin.startup_backup), not here: reading every page takes minutes at national scale.
    trusted = backups.closed_cleanly(data.database)
    problems = [] if trusted else backups.check_database(data.database)
    if not problems:
        backups.forget_clean_close(data.database)  # this session is about to change it
        return check_missing(data, quiet=quiet)
    log.error("damaged database %s: %s", data.database, "; ".join(problems[:5]))
    print(f"the database is damaged: {data.database}: {problems[0]}", file=sys.stderr)
    good = backups.latest_good(data.backups)
    if good is None:
        if not quiet:
            dialogs.show_error(
                None,
                TrainerError(
                    fmt(
                        QCoreApplication.translate(
                            "Startup",
                            "The database is damaged and there is no backup to restore. "
                            "Nothing was changed. Ask your coordinator or technician for help; "
                            "the file is %1.",
                        ),
                        data.database,
                    )
                ),
            )
        return False, ""
    when = good.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    text = fmt(
        QCoreApplication.translate(
            "Startup",
            "The database of this workstation is damaged (%1).\n\n"
            "Restore the latest good backup, taken on %2? What was recorded after it will be "
            "missing. The damaged file is kept beside the database for a technician.",
        ),
        problems[0],
        when,
    )
    if quiet or not ask_recover(
        None, QCoreApplication.translate("Startup", "The database is damaged"), text
    ):
        return False, ""
    try:
        used, kept = admin.recover_damaged(data.database, data.backups)
    except TrainerError as exc:
        dialogs.show_error(None, exc)
        return False, ""
    return True, f"{used.name} (damaged file kept as {kept.name})"


def missing_text(data: DataDir, found: backups.Backup) -> str:
    return fmt(
        QCoreApplication.translate(
            "Startup",
            "The database of this workstation is missing or empty (%1).\n\n"
            "The newest backup that holds data was taken on %2. Restore it? "
            "If you close instead, nothing is changed and nothing is created.",
        ),
        data.database,
        found.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"),
    )


def check_missing(data: DataDir, *, quiet: bool) -> tuple[bool, str]:
    """A missing or empty database while a backup holds data: offer that backup.

    Starting anyway would silently make a new installation over the real one."""
    found = backups.missing_database(data.database, data.backups)
    if found is None:
        return True, ""
    try:
        refuse_to_start_empty(data)
    except TrainerError as exc:  # the same words as the command line, for the log
        log.error("%s", exc)
        print(f"error: {exc}", file=sys.stderr)
    if quiet or not ask_recover(
        None,
        QCoreApplication.translate("Startup", "The database is missing"),
        missing_text(data, found),
    ):
        return False, ""
    try:
        return True, admin.recover_missing(data.database, found.path)
    except TrainerError as exc:
        dialogs.show_error(None, exc)
        return False, ""


def record_recovery(workspace: Workspace, note: str) -> None:
    admin.record_recovery(workspace, note)


def start_backup(window: QWidget, workspace: Workspace) -> Operation[object]:
    """The whole database checked, then backed up, at every start, off the GUI thread and
    without a dialog (the window stays usable); a failure is logged, never a reason not
    to start (a damaged database is checked again, before it is opened, at the next start)."""
    return _background_backup(window, workspace, admin.startup_backup, "start-up")


def schedule_daily_backups(window: QWidget, workspace: Workspace) -> QTimer:
    timer = QTimer(window)
    timer.setInterval(DAILY_CHECK_MS)
    timer.timeout.connect(
        lambda: _background_backup(window, workspace, admin.daily_backup_if_due, "daily")
    )
    timer.start()
    return timer


def _background_backup(
    window: QWidget, workspace: Workspace, backup: Callable[[Workspace], object], when: str
) -> Operation[object]:
    def job(_task: Task) -> object:
        with worker_workspace(workspace) as own:  # its own connection
            return backup(own)

    return Operation(
        window,
        job,
        label=QCoreApplication.translate("Startup", "Backing up the database…"),
        progress=False,
        failure=lambda exc: log.warning("%s backup failed: %s", when, exc),
    ).run()


def offer_setup(parent: QWidget, workspace: Workspace) -> None:
    """First run: name the institution and create the first coordinator (can be put off)."""
    if admin.needs_setup(workspace):
        from trainer.ui import dialogs_auth

        dialogs_auth.run_setup(parent, workspace)
