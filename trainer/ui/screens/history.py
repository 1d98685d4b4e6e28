"""The trainee's own attempts: open one to review it, or to resume it."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.quiz.behaviours import Behaviour
from trainer.storage.attempts import AttemptSummary
from trainer.storage.trainees import Trainee
from trainer.ui.i18n import fmt
from trainer.ui.widgets.tables import record_table
from trainer.workspace import Workspace


class HistoryScreen(QWidget):
    back_requested = Signal()
    review_requested = Signal(int)  # attempt id

    def __init__(
        self, workspace: Workspace, trainee: Trainee, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.attempts: list[AttemptSummary] = workspace.attempts.for_trainee(trainee.id)
        title = QLabel(fmt(self.tr("Attempt history of %1"), trainee.name))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        self.table = record_table(
            [
                self.tr("Date"),
                self.tr("Module"),
                self.tr("Mode"),
                self.tr("Score"),
                self.tr("Result"),
            ],
            self.tr("My attempts"),
            stretch=(1,),
        )
        self.table.setRowCount(len(self.attempts))
        for row, a in enumerate(self.attempts):
            titles = json.loads(a.module_title)
            module = titles.get(language) or titles.get("en") or a.module_id
            mode = self.tr("Exam") if a.behaviour is Behaviour.EXAM else self.tr("Practice")
            if not a.finished:
                score, result = "—", self.tr("In progress")
            else:
                score = f"{a.percent:.0f} %" if a.percent is not None else "—"
                result = (
                    (self.tr("Passed") if a.passed else self.tr("Not passed"))
                    if a.behaviour is Behaviour.EXAM
                    else self.tr("Done")
                )
            when = a.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
            for col, value in enumerate((when, module, mode, score, result)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.table.setItem(row, col, item)
        if self.attempts:
            self.table.selectRow(0)
        empty = QLabel(self.tr("You have not taken any module yet."))
        empty.setVisible(not self.attempts)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Review or resume the selected attempt"))
        self.open_button.setEnabled(bool(self.attempts))
        self.back_button = QPushButton(self.tr("&Back to my modules"))
        self.back_button.setAccessibleName(self.tr("Back to my modules"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self._on_open)
        self.table.itemActivated.connect(lambda _i: self._on_open())
        self.back_button.clicked.connect(self.back_requested.emit)

    def _on_open(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.review_requested.emit(self.attempts[rows[0].row()].id)
