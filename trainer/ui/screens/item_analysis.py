"""Item analysis: which questions of a module work, which do not, and the spread of scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.errors import TrainerError
from trainer.results import analysis, service
from trainer.results.analysis import ItemFlag, ModuleAnalysis
from trainer.ui import dialogs
from trainer.ui.i18n import fmt
from trainer.ui.numbers import fixed
from trainer.ui.operations import Operation, Task, worker_workspace
from trainer.ui.screens.results import choose_save_file
from trainer.ui.widgets.charts import BarChartWidget, Series
from trainer.ui.widgets.scope import ScopeWidget
from trainer.ui.widgets.tables import record_table

if TYPE_CHECKING:
    from trainer.workspace import Workspace


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else fixed(value, digits)


class ItemAnalysisScreen(QWidget):
    """Facility, discrimination, distractors, reliability and a histogram for one module."""

    analysed = Signal(object)  # the ModuleAnalysis shown

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        self.result: ModuleAnalysis | None = None
        title = QLabel(self.tr("Item analysis"))
        title.setObjectName("screenTitle")
        self.scope = ScopeWidget(workspace, self)
        self.module = QComboBox()
        self.module.setAccessibleName(self.tr("Module to analyse"))
        for mid, titles in service.modules(workspace):
            self.module.addItem(titles.get(language) or next(iter(titles.values()), mid), mid)
        module_label = QLabel(self.tr("&Module:"))
        module_label.setBuddy(self.module)
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.csv_button.setAccessibleName(self.tr("Save the item statistics as CSV"))
        top = QHBoxLayout()
        top.addWidget(module_label)
        top.addWidget(self.module, 1)
        top.addWidget(self.csv_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("warning")

        self.table = record_table(
            [
                self.tr("Question"),
                self.tr("Text"),
                self.tr("Answered"),
                self.tr("Facility"),
                self.tr("Discrimination (27 %)"),
                self.tr("Point-biserial"),
                self.tr("Flags"),
            ],
            self.tr("Questions of the module"),
            stretch=(1,),
        )
        self.distractors = QPlainTextEdit()
        self.distractors.setReadOnly(True)
        self.distractors.setAccessibleName(self.tr("How often each answer was chosen"))
        self.histogram = BarChartWidget()
        self.histogram.setAccessibleName(self.tr("Histogram of exam scores"))
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.distractors)
        lower.addWidget(self.histogram)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.scope)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)

        self.module.currentIndexChanged.connect(self._on_module_changed)
        self.table.itemSelectionChanged.connect(self._on_item_selected)
        self.csv_button.clicked.connect(self._on_save_csv)
        self.scope.changed.connect(self._on_scope_changed)
        self._on_module_changed()

    def _on_scope_changed(self) -> None:
        """The modules of every workstation, or of this one; the analysis follows."""
        try:
            modules = service.modules(self.workspace, source=self.scope.source)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        current = self.module.currentData()
        self.module.blockSignals(True)
        self.module.clear()
        for mid, titles in modules:
            self.module.addItem(titles.get(self.language) or next(iter(titles.values()), mid), mid)
        found = self.module.findData(current)
        self.module.setCurrentIndex(max(0, found))
        self.module.blockSignals(False)
        self._on_module_changed()

    def flag_text(self, flags: frozenset[ItemFlag]) -> str:
        names = {
            ItemFlag.NEGATIVE_DISCRIMINATION: self.tr("negative discrimination"),
            ItemFlag.TOO_EASY: self.tr("too easy"),
            ItemFlag.TOO_HARD: self.tr("too hard"),
        }
        return ", ".join(names[f] for f in sorted(flags))

    def show_module(self, module_id: str) -> Operation[ModuleAnalysis]:
        """Analyse off the GUI thread (a module with many attempts takes a while), then
        show the figures; ``analysed`` says when."""
        ws, language, scope = self.workspace, self.language, self.scope

        def job(_task: Task) -> ModuleAnalysis:
            with worker_workspace(ws) as other, scope.worker_source() as source:
                return service.analyse_module(other, module_id, language, source=source)

        return Operation(
            self, job, label=self.tr("Analysing the answers…"), success=self._show_result
        ).run()

    def _show_result(self, result: ModuleAnalysis) -> None:
        self.result = result
        r = result.reliability
        if r.alpha is None:
            reliability = self.tr("reliability cannot be computed yet")
        else:
            reliability = (
                (
                    fmt(
                        self.tr("KR-20 %1")
                        if r.kr20 is not None
                        else self.tr("Cronbach's alpha %1"),
                        fixed(r.alpha, 2),
                    )
                )
                + " "
                + fmt(self.tr("(%1 attempts with the same %2 questions)"), r.attempts, r.items)
            )
        mean = "—" if result.mean_percent is None else f"{result.mean_percent:.0f} %"
        self.summary.setText(
            fmt(
                self.tr("Finished exam attempts: %1; mean score %2; %3."),
                result.attempts,
                mean,
                reliability,
            )
        )
        self.warning.setVisible(result.too_few_attempts)
        self.warning.setText(
            fmt(
                self.tr(
                    "⚠ Fewer than %1 attempts: treat these figures as a first indication only."
                ),
                analysis.MIN_ATTEMPTS,
            )
        )
        # emptied first: replacing items one by one re-measures the columns each time
        self.table.setRowCount(0)
        self.table.setRowCount(len(result.items))
        for row, item in enumerate(result.items):
            values = [
                item.question_id,
                item.text,
                str(item.n),
                _num(item.facility),
                _num(item.discrimination),
                _num(item.point_biserial),
                ("⚑ " + self.flag_text(item.flags)) if item.flags else "",
            ]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if 2 <= col <= 5:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, cell)
        bands = [f"{10 * i}–{10 * i + 10}" for i in range(len(result.histogram))]
        self.histogram.set_data(
            self.tr("Exam scores (%)"),
            bands,
            [Series(self.tr("Attempts"), tuple(float(n) for n in result.histogram))],
        )
        self.distractors.setPlainText("")
        self.csv_button.setEnabled(bool(result.items))
        self.analysed.emit(result)

    def _on_module_changed(self) -> None:
        module_id = self.module.currentData()
        if module_id is None:
            self.summary.setText(self.tr("No exam has been taken yet."))
            self.warning.hide()
            self.csv_button.setEnabled(False)
            return
        self.show_module(str(module_id))

    def _on_item_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.result is None:
            return
        item = self.result.items[rows[0].row()]
        lines = [f"{item.question_id} — {item.text}", ""]
        if not item.distractors:
            lines.append(self.tr("No answer options to count for this kind of question."))
        for d in item.distractors:
            share = f"{100 * d.count / item.n:.0f} %" if item.n else "—"
            mark = self.tr(" (right answer)") if d.correct else ""
            if d.typed:
                label = fmt(self.tr("Typed “%1”"), d.label)
            elif d.key in ("true", "false"):
                label = self.tr("True") if d.key == "true" else self.tr("False")
            else:
                label = f"{d.key}. {d.label}"
            lines.append(f"{label}: {d.count} ({share}){mark}")
        lines.append(fmt(self.tr("No answer: %1"), item.unanswered))
        self.distractors.setPlainText("\n".join(lines))

    def _on_save_csv(self) -> None:
        if self.result is None:
            return
        path = choose_save_file(
            self,
            self.tr("Save the item statistics"),
            f"items-{self.result.module_id}.csv",
            self.tr("CSV files (*.csv)"),
        )
        if path is None:
            return
        try:
            service.export_item_analysis(self.workspace, path, self.result)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
