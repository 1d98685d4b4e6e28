"""The records the central database refused: which, why and when, and *Send again* once
the cause is fixed on the server (Staff → Network and the status bar open it)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.central import network
from trainer.errors import TrainerError
from trainer.text import printable
from trainer.ui import dialogs
from trainer.ui.screens.accounts import make_table
from trainer.workspace import Workspace

_KINDS = {
    "trainee": QT_TRANSLATE_NOOP("HeldRecordsDialog", "Trainee"),
    "session": QT_TRANSLATE_NOOP("HeldRecordsDialog", "Training session"),
    "session_test": QT_TRANSLATE_NOOP("HeldRecordsDialog", "Session test"),
    "attempt": QT_TRANSLATE_NOOP("HeldRecordsDialog", "Attempt and its answers"),
    "certificate": QT_TRANSLATE_NOOP("HeldRecordsDialog", "Certificate"),
    "audit": QT_TRANSLATE_NOOP("HeldRecordsDialog", "Audit entry"),
}


def kind_text(kind: str) -> str:
    """A kind of record in the interface language."""
    return (
        QCoreApplication.translate("HeldRecordsDialog", str(_KINDS[kind]))
        if kind in _KINDS
        else kind
    )


def _when(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class HeldRecordsDialog(QDialog):
    """A list of the held-back records with the server's reasons, and *Send again*."""

    sent_again = Signal(int)  # how many records went back in the queue

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Records held back by the central database"))
        self.setAccessibleName(self.tr("Records held back by the central database"))
        intro = QLabel(
            self.tr(
                "The central database refused these records, for the reason it gave. They "
                "stay on this workstation and everything else is still sent. Once the cause "
                "is fixed on the server, choose Send again: the next sync sends them."
            )
        )
        intro.setWordWrap(True)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("How many records are held back"))
        self.table = make_table(
            [self.tr("Record"), self.tr("Which"), self.tr("Held back on"), self.tr("Reason")],
            self.tr("Records held back by the central database"),
        )
        self.send_button = QPushButton(self.tr("&Send again"))
        self.send_button.setAccessibleName(
            self.tr("Put the held-back records back in the queue for the next sync")
        )
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close the list of held-back records"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(820, 420)
        self.send_button.clicked.connect(self._on_send_again)
        self.close_button.clicked.connect(self.accept)
        self.load()

    def load(self) -> None:
        """Read the held-back records again (a coordinator's: a refusal is said plainly)."""
        try:
            records = network.held_records(self.workspace)
        except TrainerError as exc:
            records = []
            dialogs.show_error(self, exc)
        self.table.setRowCount(len(records))
        for row, h in enumerate(records):
            cells = (kind_text(h.kind), printable(h.label), _when(h.held_at), printable(h.reason))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.count.setText(
            self.tr("%n record(s) held back by the central database", "", len(records))
        )
        self.send_button.setEnabled(bool(records))
        if records:
            self.table.selectRow(0)

    def _on_send_again(self) -> None:
        try:
            count = network.send_again(self.workspace)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self.load()
        self.sent_again.emit(count)
