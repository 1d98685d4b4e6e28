"""Coordinators: database backups (back up now, restore one) and workstation safety settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer import admin
from trainer.errors import TrainerError
from trainer.storage import backups, settings
from trainer.ui import dialogs
from trainer.ui.i18n import fmt
from trainer.ui.numbers import fixed
from trainer.ui.operations import Operation, Task, worker_workspace
from trainer.ui.screens.accounts import local_time, make_table
from trainer.workspace import Workspace


def confirm_restore(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before replacing the data (a function, so tests can answer for the user)."""
    return dialogs.confirm(parent, title, text)


def _size(n: int) -> str:
    """A file size in the interface language (Ko and Mo in French, with a decimal comma)."""
    if n < 1024 * 1024:
        return fmt(QCoreApplication.translate("BackupsScreen", "%1 KB"), fixed(n / 1024, 0))
    return fmt(QCoreApplication.translate("BackupsScreen", "%1 MB"), fixed(n / 1024 / 1024, 1))


class BackupsScreen(QWidget):
    """The backups of this workstation's database, newest first."""

    restored = Signal(str)  # the backup's file name
    backed_up = Signal(str)  # the new backup's file name

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.backups: list[backups.Backup] = []
        title = QLabel(self.tr("Backups"))
        title.setObjectName("screenTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = make_table(
            [self.tr("Taken"), self.tr("Size"), self.tr("Kind"), self.tr("File")],
            self.tr("Backups"),
        )
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.setAccessibleName(self.tr("Back up the database now"))
        self.restore_button = QPushButton(self.tr("&Restore this backup…"))
        self.restore_button.setAccessibleName(
            self.tr("Replace the database with the selected backup")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(SafetySettingsWidget(workspace))

        self.backup_button.clicked.connect(self._on_backup)
        self.restore_button.clicked.connect(self._on_restore)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.refresh()

    def refresh(self) -> None:
        self.intro.setText(
            fmt(
                self.tr(
                    "The database is backed up automatically when TiP Trainer starts and once a "
                    "day; the newest %1 are kept, in %2."
                ),
                admin.backups_keep(self.workspace),
                self.workspace.data.backups,
            )
        )
        self.backups = admin.list_backups(self.workspace)
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            kind = self.tr("Before a restore") if b.label else self.tr("Regular")
            cells = [local_time(b.taken_at), _size(b.size), kind, b.name]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if self.backups:
            self.table.selectRow(0)
        self._on_selection_changed()

    def selected(self) -> backups.Backup | None:
        row = self.table.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def _on_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _on_backup(self) -> None:
        self.back_up()

    def back_up(self) -> Operation[backups.Backup]:
        """Copy the database off the GUI thread, on its own connection."""
        ws = self.workspace

        def job(_task: Task) -> backups.Backup:
            with worker_workspace(ws) as other:
                return admin.backup_now(other)

        def made(backup: backups.Backup) -> None:
            self.refresh()
            self.backed_up.emit(backup.name)

        return Operation(self, job, label=self.tr("Backing up the database…"), success=made).run()

    def _on_restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = fmt(
            self.tr(
                "Replace ALL the data of this workstation with the backup of %1?\n\n"
                "Everything recorded since then (attempts, profiles, accounts) will no longer "
                "be shown. The data as they are now are backed up first, so this can be undone "
                "by restoring that copy."
            ),
            local_time(chosen.taken_at),
        )
        if not confirm_restore(self, self.tr("Restore a backup"), question):
            return
        self.restore(chosen)

    def restore(self, chosen: backups.Backup) -> Operation[backups.Backup]:
        """Check and restore off the GUI thread. It works on this window's own database
        connection (it closes and reopens it); the window takes no input meanwhile."""
        ws = self.workspace
        return Operation(
            self,
            lambda _task: admin.restore_backup(ws, chosen.path),
            label=self.tr("Restoring the backup…"),
            success=lambda _before: self.restored.emit(chosen.name),
        ).run()


class SafetySettingsWidget(QGroupBox):
    """Backups kept, staff sign-out delay and full-screen exams, for this workstation."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setTitle(self.tr("Workstation safety settings"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(admin.backups_keep(workspace))
        self.keep.setAccessibleName(self.tr("Number of backups to keep"))
        self.timeout = QSpinBox()
        self.timeout.setRange(1, 1000)
        self.timeout.setValue(admin.timeout_seconds(workspace) // 60)
        self.timeout.setSuffix(self.tr(" min"))
        self.timeout.setAccessibleName(
            self.tr("Minutes without activity before staff are signed out")
        )
        for spin in (self.keep, self.timeout):
            spin.lineEdit().setAccessibleName(spin.accessibleName())
        self.fullscreen = QCheckBox(self.tr("E&xams fill the whole screen"))
        self.fullscreen.setChecked(admin.exam_fullscreen(workspace))
        self.fullscreen.setAccessibleName(self.tr("Exams fill the whole screen"))
        self.save_button = QPushButton(self.tr("Save se&ttings"))
        self.save_button.setAccessibleName(self.tr("Save the safety settings"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        keep_label = QLabel(self.tr("Backups &kept:"))
        keep_label.setBuddy(self.keep)
        timeout_label = QLabel(self.tr("Sign staff out &after:"))
        timeout_label.setBuddy(self.timeout)
        form.addRow(keep_label, self.keep)
        form.addRow(timeout_label, self.timeout)
        form.addRow(self.fullscreen)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form.addRow(save_row)
        self.save_button.clicked.connect(self._on_save)

    def _on_save(self) -> None:
        try:
            admin.change_setting(self.workspace, settings.BACKUPS_KEEP, str(self.keep.value()))
            admin.change_setting(
                self.workspace, settings.STAFF_TIMEOUT_MINUTES, str(self.timeout.value())
            )
            admin.change_setting(
                self.workspace,
                settings.EXAM_FULLSCREEN,
                "1" if self.fullscreen.isChecked() else "0",
            )
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        dialogs.show_info(self, self.tr("Settings saved"), self.tr("The settings were saved."))
