"""The programme summary: officials trained and passed, as a table, a chart, PDF and CSV."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.errors import TrainerError
from trainer.results import service
from trainer.results.summary import Dimension, Period, Summary
from trainer.storage.trainees import Institution
from trainer.ui import dialogs, labels, reports
from trainer.ui.i18n import fmt
from trainer.ui.numbers import number
from trainer.ui.operations import Operation, Task
from trainer.ui.screens.results import choose_save_file
from trainer.ui.widgets.charts import BarChartWidget, Series
from trainer.ui.widgets.flow import flow_of
from trainer.ui.widgets.scope import ScopeWidget
from trainer.ui.widgets.tables import record_table

if TYPE_CHECKING:
    from trainer.workspace import Workspace

CHART_GROUPS = 24


class ProgrammeSummaryScreen(QWidget):
    """The figures a government reports on its training effort."""

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        self.result: Summary | None = None
        title = QLabel(self.tr("Programme summary"))
        title.setObjectName("screenTitle")
        self.scope = ScopeWidget(workspace, self)
        note = QLabel(
            self.tr(
                "An official is counted as trained for each group in which they finished an "
                "exam, and as passed when at least one of those exams was passed."
            )
        )
        note.setWordWrap(True)
        self.checks: dict[Dimension, QCheckBox] = {}
        texts = {
            Dimension.PERIOD: self.tr("&Period"),
            Dimension.INSTITUTION: self.tr("&Institution"),
            Dimension.MODULE: self.tr("&Module"),
            Dimension.GENDER: self.tr("&Gender"),
            Dimension.PROVINCE: self.tr("P&rovince"),
            Dimension.SESSION: self.tr("Training sessio&n"),
            Dimension.AUDIENCE: self.tr("&Audience track"),
            Dimension.FUNCTION: self.tr("Function or ran&k"),
        }
        options = QHBoxLayout()
        group_by: list[QWidget] = [QLabel(self.tr("Group by:"))]
        for dim, text in texts.items():
            box = QCheckBox(text)
            box.setChecked(dim in (Dimension.PERIOD, Dimension.INSTITUTION, Dimension.MODULE))
            box.toggled.connect(self._on_options_changed)
            self.checks[dim] = box
            group_by.append(box)
        options.addWidget(flow_of(group_by), 1)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Length of a period"))
        for text, value in (
            (self.tr("Year"), Period.YEAR.value),
            (self.tr("Quarter"), Period.QUARTER.value),
            (self.tr("Month"), Period.MONTH.value),
        ):
            self.period.addItem(text, value)
        period_label = QLabel(self.tr("Peri&ods of:"))
        period_label.setBuddy(self.period)
        options.addWidget(period_label)
        options.addWidget(self.period)
        self.period.currentIndexChanged.connect(self._on_options_changed)

        self.table = record_table([], self.tr("Officials trained and passed"), stretch=())
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart = BarChartWidget()
        self.chart.setAccessibleName(self.tr("Chart of officials trained and passed"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)

        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.figures_button = QPushButton(self.tr("Annual fig&ures…"))
        self.figures_button.setAccessibleName(
            self.tr(
                "Export the annual figures: officials trained per service, province, gender and month"
            )
        )
        self.figures_button.clicked.connect(self._on_annual_figures)
        buttons = QHBoxLayout()
        buttons.addWidget(self.figures_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        self.pdf_button.clicked.connect(self._on_save_pdf)
        self.csv_button.clicked.connect(self._on_save_csv)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.scope)
        layout.addWidget(note)
        layout.addLayout(options)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.scope.changed.connect(self._on_scope_changed)
        self.refresh()

    # -- labels -------------------------------------------------------------------
    def dimension_name(self, dim: Dimension) -> str:
        return {
            Dimension.PERIOD: self.tr("Period"),
            Dimension.INSTITUTION: self.tr("Institution"),
            Dimension.MODULE: self.tr("Module"),
            Dimension.GENDER: self.tr("Gender"),
            Dimension.PROVINCE: self.tr("Province"),
            Dimension.SESSION: self.tr("Training session"),
            Dimension.AUDIENCE: self.tr("Audience track"),
            Dimension.FUNCTION: self.tr("Function or rank"),
        }[dim]

    def value_name(self, dim: Dimension, value: str) -> str:
        if not value:
            return self.tr("not recorded")
        if dim is Dimension.INSTITUTION:
            try:
                return labels.institution(Institution(value))
            except ValueError:
                return value
        if dim is Dimension.MODULE and self.result is not None:
            titles = self.result.module_titles.get(value) or {}
            return str(titles.get(self.language) or value)
        return value

    def headers(self) -> list[str]:
        assert self.result is not None
        return [
            *(self.dimension_name(d) for d in self.result.dimensions),
            self.tr("Trained"),
            self.tr("Passed"),
            self.tr("Pass rate"),
            self.tr("Exam attempts"),
            self.tr("Training hours"),
        ]

    def display_rows(self) -> list[list[str]]:
        assert self.result is not None
        out = []
        for row in [*self.result.rows, self.result.total]:
            if row is self.result.total:
                keys = [self.tr("Total"), *("" for _ in row.keys[1:])]
            else:
                keys = [
                    self.value_name(d, v)
                    for d, v in zip(self.result.dimensions, row.keys, strict=True)
                ]
            rate = row.pass_rate
            out.append(
                [
                    *keys,
                    str(row.trained),
                    str(row.passed),
                    "—" if rate is None else f"{rate:.0f} %",
                    str(row.attempts),
                    number(row.training_hours),
                ]
            )
        return out

    # -- refreshing ------------------------------------------------------------------
    def _on_scope_changed(self) -> None:
        # the annual figures are this workstation's register; the rest follows the scope
        self.figures_button.setEnabled(self.scope.source is None)
        self.refresh()

    def refresh(self) -> None:
        dims = [d for d, box in self.checks.items() if box.isChecked()]
        period = Period(self.period.currentData())
        if self.scope.source is not None:  # every workstation: read off the GUI thread
            ws, scope = self.workspace, self.scope

            def job(_task: Task) -> Summary:
                with scope.worker_source() as source:
                    return service.programme_summary(ws, dims, period, source=source)

            Operation(
                self, job, label=self.tr("Reading the central database…"), success=self._show
            ).run()
            return
        try:
            result = service.programme_summary(self.workspace, dims, period)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self._show(result)

    def _show(self, result: Summary) -> None:
        self.result = result
        headers = self.headers()
        if not self.result.dimensions:
            headers.insert(0, "")
        rows = self.display_rows()
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        numeric_from = len(headers) - 5
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c >= numeric_from:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, cell)
        groups = self.result.rows[:CHART_GROUPS]
        self.chart.set_data(
            self.tr("Officials trained and passed"),
            [
                " / ".join(v for v in rows[i][: len(self.result.dimensions)])
                for i in range(len(groups))
            ],
            [
                Series(self.tr("Trained"), tuple(float(g.trained) for g in groups)),
                Series(self.tr("Passed"), tuple(float(g.passed) for g in groups)),
            ],
        )

    def _on_options_changed(self) -> None:
        self.refresh()

    def save_pdf(self, path: Path) -> Path:
        assert self.result is not None
        headers = self.headers()
        if not self.result.dimensions:
            headers.insert(0, "")
        heading = self.tr("Programme summary")
        intro = self.tr("Officials trained and passed in the anti-trafficking training.")
        body = (
            f"<h1>{html.escape(heading)}</h1><p>{html.escape(intro)}</p>"
            + reports.table_html(headers, self.display_rows())
            + "<p><img src='chart.png' width='640'></p>"
        )
        reports.write_pdf(
            path,
            body,
            {"chart.png": self.chart.render_image()},
            title=self.tr("Programme summary"),
        )
        service.summary_pdf_saved(self.workspace, path)
        return path

    def save_csv(self, path: Path) -> Path:
        assert self.result is not None
        service.export_summary(self.workspace, path, self.result)
        return path

    def _on_save_pdf(self) -> None:
        path = choose_save_file(
            self,
            self.tr("Save the summary"),
            "programme-summary.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if path is not None:
            try:
                self.save_pdf(path)
            except TrainerError as exc:
                dialogs.show_error(self, exc)

    def _on_annual_figures(self) -> None:
        """One click: the year's figures to an XLSX (or CSV) file."""
        from datetime import date

        from trainer.sessions import figures

        suggested = f"annual-figures-{date.today().year}.xlsx"
        path = choose_save_file(
            self,
            fmt(self.tr("Save the annual figures of %1"), date.today().year),
            suggested,
            self.tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"),
        )
        if path is None:
            return
        year = date.today().year
        digits = "".join(c for c in path.stem if c.isdigit())
        if len(digits) >= 4 and 2000 <= int(digits[-4:]) <= 2100:
            year = int(digits[-4:])  # the year named in the file name chosen
        kind = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        try:
            figures.export_annual_figures(self.workspace, year, path, kind)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        dialogs.show_info(
            self,
            self.tr("Annual figures"),
            fmt(self.tr("The figures of %1 were saved to:\n%2"), year, path),
        )

    def _on_save_csv(self) -> None:
        path = choose_save_file(
            self, self.tr("Save the summary"), "programme-summary.csv", self.tr("CSV files (*.csv)")
        )
        if path is not None:
            try:
                self.save_csv(path)
            except TrainerError as exc:
                dialogs.show_error(self, exc)
