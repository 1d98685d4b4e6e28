"""The trainee's modules, with progress, and the way into practice, exam and history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.model import Module
from trainer.errors import TrainerError
from trainer.quiz.behaviours import Behaviour
from trainer.storage.trainees import Trainee
from trainer.ui import dialogs, labels
from trainer.ui.i18n import fmt
from trainer.ui.numbers import day, number
from trainer.ui.widgets.tables import record_table
from trainer.workspace import Workspace

if TYPE_CHECKING:
    from trainer.banks.compiled import BankSummary


def workspace_session_tests(workspace: Workspace, trainee_id: int) -> list[tuple[Any, Any]]:
    from trainer.sessions import service

    return service.open_tests_for(workspace, trainee_id)


class ModulesScreen(QWidget):
    """Lists the modules for the trainee's audience with best score and status."""

    start_requested = Signal(object, object, object)  # Bank, Module, Behaviour
    session_test_requested = Signal(object, object)  # TrainingSession, Phase
    history_requested = Signal()
    switch_requested = Signal()

    def __init__(
        self, workspace: Workspace, trainee: Trainee, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.trainee = trainee
        self.language = language
        self.entries: list[tuple[BankSummary, Module]] = []

        title = QLabel(fmt(self.tr("Modules for %1"), trainee.name))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        audience = labels.audience_for(trainee.institution)
        subtitle = QLabel(
            fmt(self.tr("Track: %1"), labels.audience(audience))
            if audience
            else self.tr("Track: all modules")
        )

        self.table = record_table(
            [
                self.tr("Module"),
                self.tr("Questions"),
                self.tr("Exam"),
                self.tr("Attempts"),
                self.tr("Best score"),
                self.tr("Status"),
            ],
            self.tr("Modules"),
        )
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)

        self.practice_button = QPushButton(self.tr("&Practice"))
        self.practice_button.setAccessibleName(self.tr("Practise the selected module"))
        self.practice_button.setToolTip(
            self.tr("Answer at your own pace, with feedback after each answer")
        )
        self.exam_button = QPushButton(self.tr("Take the &exam"))
        self.exam_button.setAccessibleName(self.tr("Take the exam of the selected module"))
        self.history_button = QPushButton(self.tr("M&y history"))
        self.history_button.setAccessibleName(self.tr("My attempt history"))
        self.switch_button = QPushButton(self.tr("S&witch trainee"))
        self.switch_button.setAccessibleName(self.tr("Switch to another trainee profile"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.practice_button)
        buttons.addWidget(self.exam_button)
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.switch_button)

        # The pre-test or post-test of a training session the trainee is enrolled in, when
        # the trainer has opened it.
        self.session_test_buttons: list[QPushButton] = []
        session_tests = QHBoxLayout()
        for training, phase in workspace_session_tests(workspace, trainee.id):
            text = fmt(
                self.tr("Take the session pre-&test: %1")
                if phase.value == "pre"
                else self.tr("Take the session post-&test: %1"),
                training.title,
            )
            test_button = QPushButton(text)
            test_button.setAccessibleName(text.replace("&", ""))
            test_button.clicked.connect(
                lambda _c=False, t=training, p=phase: self.session_test_requested.emit(t, p)
            )
            self.session_test_buttons.append(test_button)
            session_tests.addWidget(test_button)
        session_tests.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(session_tests)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.description)
        layout.addLayout(buttons)

        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.itemActivated.connect(lambda _i: self._start(Behaviour.PRACTICE))
        self.practice_button.clicked.connect(lambda: self._start(Behaviour.PRACTICE))
        self.exam_button.clicked.connect(lambda: self._start(Behaviour.EXAM))
        self.history_button.clicked.connect(self.history_requested.emit)
        self.switch_button.clicked.connect(self.switch_requested.emit)
        self.refresh()

    def refresh(self) -> None:
        audience = labels.audience_for(self.trainee.institution)
        self.entries = self.workspace.catalog.modules(audience)
        progress = self.workspace.attempts.progress(self.trainee.id)
        self.table.setRowCount(len(self.entries))
        for row, (bank, module) in enumerate(self.entries):
            pool = bank.pool_size(module)
            exam_n = sum(r.count for r in module.draw) or pool
            p = progress.get(module.id)
            if module.time_limit_minutes:
                exam = fmt(self.tr("%n questions, %1 min", "", exam_n), module.time_limit_minutes)
            else:
                exam = self.tr("%n questions", "", exam_n)
            if p and p.passed:
                status = self.tr("Passed")
            elif p and p.attempts:
                status = self.tr("Not passed yet")
            elif p and p.practice_attempts:
                status = self.tr("Practised")
            else:
                status = self.tr("Not started")
            best = f"{p.best_percent:.0f} %" if p and p.best_percent is not None else "—"
            values = [
                module.title.get(self.language),
                str(pool),
                exam,
                str(p.attempts if p else 0),
                best,
                status,
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if self.entries:
            self.table.selectRow(0)
        self._on_selection_changed()

    def status_text(self, row: int) -> str:
        item = self.table.item(row, 5)
        return item.text() if item is not None else ""

    def selected(self) -> tuple[BankSummary, Module] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.entries[rows[0].row()]

    def _on_selection_changed(self) -> None:
        chosen = self.selected()
        self.practice_button.setEnabled(chosen is not None)
        self.exam_button.setEnabled(chosen is not None)
        if chosen is None:
            self.description.setText(
                self.tr(
                    "No module is available for your track yet. Ask your trainer to load "
                    "the question banks."
                )
                if not self.entries
                else ""
            )
            return
        bank, module = chosen
        text = module.description.get(self.language) if module.description else ""
        details = fmt(
            self.tr("Pass mark %1 %. Training hours: %2."),
            number(module.pass_mark),
            number(module.training_hours),
        )
        if bank.law_as_of is not None:
            details += " " + fmt(
                self.tr("Law as of %1 (version %2)."), day(bank.law_as_of), bank.version
            )
        self.description.setText(f"{text}\n{details}".strip())

    def _start(self, behaviour: Behaviour) -> None:
        chosen = self.selected()
        if chosen is not None:
            # The bank's questions are parsed here, on first use, not when listing.
            try:
                bank = self.workspace.catalog.bank(chosen[0].id)
            except TrainerError as exc:
                dialogs.show_error(self, exc)
                self.refresh()  # a file changed since listed: the list says what it holds now
                return
            # The module as the file defines it (its hash checked), not as listed.
            self.start_requested.emit(bank, bank.module(chosen[1].id), behaviour)
