"""Coordinators: the audit log of sensitive actions, filtered, and exported as CSV."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer import admin
from trainer.errors import TrainerError
from trainer.storage.audit import AuditEntry
from trainer.ui import audit_details, dialogs, dialogs_auth, labels
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation, Task, worker_workspace
from trainer.ui.screens.accounts import local_time, make_table
from trainer.workspace import Workspace


class AuditScreen(QWidget):
    """Who did what, and when: newest first; the log itself can never be edited."""

    exported = Signal(int)  # entries written by an export

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.entries: list[AuditEntry] = []
        title = QLabel(self.tr("Audit log"))
        title.setObjectName("screenTitle")
        intro = QLabel(
            self.tr(
                "Sensitive actions on this workstation: accounts, question banks, certificates, "
                "imports, exports and backups. Entries can be added, never changed or deleted."
            )
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search the audit log"))
        self.search.setPlaceholderText(self.tr("Name, action or detail"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("Sea&rch:"))
        search_label.setBuddy(self.search)
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("All actions"), "")
        for name in admin.audit_actions(workspace):
            self.action.addItem(labels.audit_action(name), name)
        action_label = QLabel(self.tr("&Action:"))
        action_label.setBuddy(self.action)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export the entries shown as CSV"))
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        filters.addWidget(action_label)
        filters.addWidget(self.action, 1)
        filters.addWidget(self.export_button)
        self.table = make_table(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Detail")],
            self.tr("Audit log entries"),
        )
        self.count_label = QLabel()
        # The integrity check of the hash chain (trainer/storage/audit.py: verify_chain).
        self.integrity = QLabel()
        self.integrity.setWordWrap(True)
        self.integrity.setAccessibleName(self.tr("Integrity of the audit log"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.integrity)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        # typing filters after a short pause, not on every key
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.action.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button.clicked.connect(self._on_export)
        self.check_integrity()  # once per opening: it reads the whole log
        self.refresh()

    def check_integrity(self) -> None:
        report = admin.audit_integrity(self.workspace)
        if report.intact:
            self.integrity.setText(
                fmt(
                    self.tr("✓ Intact: each of the %1 entries follows the one before it."),
                    report.entries,
                )
            )
            self.integrity.setObjectName("")
            self.integrity.setProperty("warning", False)
        else:
            self.integrity.setText(
                fmt(
                    self.tr(
                        "⚠ The audit log was altered outside TiP Trainer: entries were removed or "
                        "changed. Keep a copy of the database and tell your technician.\n%1"
                    ),
                    "\n".join(report.breaks[:5]),
                )
            )
            self.integrity.setObjectName("timer")  # the theme's large, bold warning
            self.integrity.setProperty("warning", True)
        self.integrity.style().unpolish(self.integrity)
        self.integrity.style().polish(self.integrity)

    def refresh(self) -> None:
        self.entries = admin.audit_entries(
            self.workspace, text=self.search.text(), action=str(self.action.currentData() or "")
        )
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            for col, text in enumerate(
                [
                    local_time(e.at),
                    e.actor,
                    labels.audit_action(e.action),
                    audit_details.detail_text(e.action, e.detail),
                ]
            ):
                item = QTableWidgetItem(text)
                if col == 3 and text != e.detail:  # as recorded (and exported)
                    item.setToolTip(e.detail)
                self.table.setItem(row, col, item)
        self.count_label.setText(self.tr("%n entries", "", len(self.entries)))

    def _on_export(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        suggested = self.workspace.data.exports / f"audit-log-{stamp}.csv"
        path = dialogs_auth.choose_save_path(self, self.tr("Export the audit log"), suggested)
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        self.export_to(path)

    def export_to(self, path: Path) -> Operation[int]:
        """Write the entries shown (the same filter) off the GUI thread."""
        ws, text, action = self.workspace, self.search.text(), str(self.action.currentData() or "")

        def job(_task: Task) -> int:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise TrainerError(str(exc.strerror or exc), where=str(path)) from exc
            with worker_workspace(ws) as other:
                return admin.export_audit(other, path, text=text, action=action)

        def written(count: int) -> None:
            self.refresh()  # the export is itself in the log now
            self.exported.emit(count)
            dialogs.show_info(
                self,
                self.tr("Audit log exported"),
                fmt(self.tr("%n entries were written to %1.", "", count), path),
            )

        return Operation(
            self, job, label=fmt(self.tr("Writing %1…"), path.name), success=written
        ).run()
