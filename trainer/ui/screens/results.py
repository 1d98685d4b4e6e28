"""The coordinator's results browser: every attempt, filtered, sorted and paged; transcripts; exports."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.model import Audience
from trainer.errors import TrainerError
from trainer.results import export, service
from trainer.results.query import AttemptRow, Outcome, ResultFilter, SortKey
from trainer.results.source import ResultsSource
from trainer.storage.trainees import Institution
from trainer.ui import dialogs, labels, reports
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation, Task, worker_database
from trainer.ui.widgets.flow import flow_of
from trainer.ui.widgets.forms import labelled_form, ok_cancel, shrinkable, stack
from trainer.ui.widgets.scope import ScopeWidget

if TYPE_CHECKING:
    from trainer.workspace import Workspace

PAGE_SIZE = 100
ANY_DATE = QDate(2000, 1, 1)

Index = QModelIndex | QPersistentModelIndex


def choose_save_file(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    """The save dialog (a function, so tests can choose for the user)."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(name) if name else None


def choose_open_files(parent: QWidget, title: str, filters: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return [Path(n) for n in names]



def mode_text(row: AttemptRow) -> str:
    """An attempt's mode in words; a session's pre-test is not called an exam."""
    if row.pre_test:
        return QCoreApplication.translate("Results", "Pre-test")
    if row.behaviour == "exam":
        return QCoreApplication.translate("Results", "Exam")
    return QCoreApplication.translate("Results", "Practice")

class ResultsModel(QAbstractTableModel):
    """One page of attempts at a time, read from the database as the page changes."""

    COLUMNS = (
        SortKey.STARTED,
        SortKey.TRAINEE,
        SortKey.INSTITUTION,
        SortKey.MODULE,
        SortKey.BEHAVIOUR,
        SortKey.PERCENT,
        SortKey.PASSED,
        SortKey.WORKSTATION,
    )

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        self.filter = ResultFilter()
        self.sort_key = SortKey.STARTED
        self.descending = True
        self.offset = 0
        self.total = 0
        self.rows: list[AttemptRow] = []
        # None: this workstation's database; else the central database's reports, read
        # off the GUI thread (the network may be slow or gone).
        self.source: ResultsSource | None = None
        self.loading: Operation[tuple[int, int, list[AttemptRow]]] | None = None
        self._again = False

    # -- reading ------------------------------------------------------------------
    def _page(self, source: ResultsSource | None) -> tuple[int, int, list[AttemptRow]]:
        total = service.count_attempts(self.workspace, self.filter, source=source)
        offset = max(0, min(self.offset, (total - 1) // PAGE_SIZE * PAGE_SIZE))
        rows = service.page_attempts(
            self.workspace,
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            offset=offset,
            limit=PAGE_SIZE,
            source=source,
        )
        return total, offset, rows

    def _show(self, page: tuple[int, int, list[AttemptRow]]) -> None:
        self.beginResetModel()
        self.total, self.offset, self.rows = page
        self.endResetModel()

    def reload(self) -> None:
        if self.source is None:
            self._show(self._page(None))
            return
        if self.loading is not None:  # one read at a time; the latest wish is read next
            self._again = True
            return
        source = self.source
        parent = self.parent()
        assert isinstance(parent, QWidget)

        def failed(error: TrainerError) -> None:
            self._show((0, 0, []))
            dialogs.show_error(parent, error)

        self.loading = Operation(
            parent,
            lambda _task: self._page(source),
            label=self.tr("Reading the central database…"),
            success=self._show,
            failure=failed,
            progress=False,  # typing in the filters goes on; the latest filter is read next
        )
        self.loading.done.connect(self._on_loaded)
        self.loading.run()

    def _on_loaded(self) -> None:
        self.loading = None
        if self._again:
            self._again = False
            self.reload()

    def set_filter(self, flt: ResultFilter) -> None:
        self.filter = flt
        self.offset = 0
        self.reload()

    def next_page(self) -> None:
        if self.offset + PAGE_SIZE < self.total:
            self.offset += PAGE_SIZE
            self.reload()

    def previous_page(self) -> None:
        if self.offset > 0:
            self.offset = max(0, self.offset - PAGE_SIZE)
            self.reload()

    # -- the model API ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Started"),
            self.tr("Trainee"),
            self.tr("Institution"),
            self.tr("Module"),
            self.tr("Kind"),
            self.tr("Score"),
            self.tr("Result"),
            self.tr("Workstation"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                if key is SortKey.PERCENT
                else None
            )
        if key is SortKey.STARTED:
            return row.started_at.strftime("%Y-%m-%d %H:%M")
        if key is SortKey.TRAINEE:
            return row.trainee_name
        if key is SortKey.INSTITUTION:
            return labels.institution(row.institution)
        if key is SortKey.MODULE:
            return row.title(self.language)
        if key is SortKey.BEHAVIOUR:
            return mode_text(row)
        if key is SortKey.PERCENT:
            return "" if row.percent is None else f"{row.percent:.0f} %"
        if key is SortKey.PASSED:
            if row.state != "finished":
                return self.tr("In progress")
            if row.behaviour != "exam":  # a practice is never passed or failed
                return self.tr("Practised")
            if row.pre_test:  # measures the starting point: passes nothing
                return self.tr("Not counted")
            return self.tr("Passed") if row.passed else self.tr("Not passed")
        return row.workstation_uid[:8]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = self.COLUMNS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.offset = 0
        self.reload()


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class ResultsScreen(QWidget):
    """Every attempt, with filters, sortable columns and pages of a hundred."""

    exported = Signal(int)  # rows written by an export

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        title = QLabel(self.tr("Results"))
        title.setObjectName("screenTitle")
        self.scope = ScopeWidget(workspace, self)

        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Trainee name or service number"))
        self.search.setPlaceholderText(self.tr("Name or service number"))
        self.search.setClearButtonEnabled(True)
        self.module = _combo(
            self.tr("Module"),
            [(self.tr("All modules"), None)]
            + [
                (t.get(language) or next(iter(t.values()), mid), mid)
                for mid, t in service.modules(workspace)
            ],
        )
        self.audience = _combo(
            self.tr("Audience"),
            [(self.tr("All audiences"), None)] + [(labels.audience(a), a.value) for a in Audience],
        )
        self.institution = _combo(
            self.tr("Institution"),
            [(self.tr("All institutions"), None)]
            + [(labels.institution(i), i.value) for i in Institution],
        )
        self.outcome = _combo(
            self.tr("Result"),
            [
                (self.tr("Any result"), None),
                (self.tr("Passed"), Outcome.PASSED.value),
                (self.tr("Not passed"), Outcome.FAILED.value),
            ],
        )
        self.behaviour = _combo(
            self.tr("Kind of attempt"),
            [
                (self.tr("Exams and practice"), None),
                (self.tr("Exam"), "exam"),
                (self.tr("Practice"), "practice"),
            ],
        )
        self.workstation = _combo(
            self.tr("Workstation"),
            [(self.tr("All workstations"), None)]
            + [(uid[:8], uid) for uid in service.workstations(workspace)],
        )
        self.date_from = self._date_edit(self.tr("From date"))
        self.date_to = self._date_edit(self.tr("To date"))

        grid = QGridLayout()
        fields: list[tuple[str, QWidget]] = [
            (self.tr("T&rainee:"), self.search),
            (self.tr("&Module:"), self.module),
            (self.tr("A&udience:"), self.audience),
            (self.tr("&Institution:"), self.institution),
            (self.tr("R&esult:"), self.outcome),
            (self.tr("&Kind:"), self.behaviour),
            (self.tr("&Workstation:"), self.workstation),
            (self.tr("Fr&om:"), self.date_from),
            (self.tr("&To:"), self.date_to),
        ]
        for i, (text, widget) in enumerate(fields):
            if isinstance(widget, QComboBox):
                shrinkable(widget)
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(widget, i // 3, (i % 3) * 2 + 1)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)

        self.model = ResultsModel(workspace, language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Attempts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Every column as wide as its contents, never cut (a scroll bar when the window is
        # narrow, as at 200 %); the last one takes the spare width.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)

        self.page_label = QLabel()
        self.previous_button = QPushButton(self.tr("&Previous page"))
        self.next_button = QPushButton(self.tr("&Next page"))
        self.transcript_button = QPushButton(self.tr("Trainee trans&cript (PDF)…"))
        self.transcript_button.setAccessibleName(
            self.tr("Save the selected trainee's transcript as PDF")
        )
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export the filtered results"))
        bar = flow_of(
            [
                self.previous_button,
                self.page_label,
                self.next_button,
                self.transcript_button,
                self.export_button,
            ]
        )

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.scope)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(bar)

        self.search.textChanged.connect(self._on_filters_changed)
        for combo in (
            self.module,
            self.audience,
            self.institution,
            self.outcome,
            self.behaviour,
            self.workstation,
        ):
            combo.currentIndexChanged.connect(self._on_filters_changed)
        self.date_from.dateChanged.connect(self._on_filters_changed)
        self.date_to.dateChanged.connect(self._on_filters_changed)
        self.previous_button.clicked.connect(self._on_previous)
        self.next_button.clicked.connect(self._on_next)
        self.transcript_button.clicked.connect(self._on_transcript)
        self.export_button.clicked.connect(self._on_export)
        self.model.modelReset.connect(self._update_page)
        self.scope.changed.connect(self._on_scope_changed)
        self.model.reload()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(self.tr("Any date"))
        edit.setDate(ANY_DATE)
        for inner in edit.findChildren(QLineEdit):  # the spin box's own editor
            inner.setAccessibleName(name)
        return edit

    # -- state ----------------------------------------------------------------------
    def current_filter(self) -> ResultFilter:
        def day(edit: QDateEdit) -> date | None:
            value = edit.date()
            return None if value == ANY_DATE else date(value.year(), value.month(), value.day())

        return ResultFilter(
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            module_id=self.module.currentData(),
            audience=self.audience.currentData(),
            institution=Institution(inst) if (inst := self.institution.currentData()) else None,
            trainee_search=self.search.text(),
            outcome=Outcome(out) if (out := self.outcome.currentData()) else None,
            workstation_uid=self.workstation.currentData(),
            behaviour=self.behaviour.currentData(),
        )

    def selected_row(self) -> AttemptRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_page(self) -> None:
        m = self.model
        if m.total == 0:
            self.page_label.setText(self.tr("No attempts match"))
        else:
            self.page_label.setText(
                fmt(
                    self.tr("Attempts %1–%2 of %3"),
                    f"{m.offset + 1:,}",
                    f"{m.offset + len(m.rows):,}",
                    f"{m.total:,}",
                )
            )
        self.previous_button.setEnabled(m.offset > 0)
        self.next_button.setEnabled(m.offset + PAGE_SIZE < m.total)

    # -- events -------------------------------------------------------------------
    def _on_filters_changed(self) -> None:
        self.model.set_filter(self.current_filter())

    def _on_scope_changed(self) -> None:
        """Every workstation's results, or this one's: the choice lists follow."""
        source = self.scope.source
        try:
            modules = service.modules(self.workspace, source=source)
            stations = service.workstations(self.workspace, source=source)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        for combo, items in (
            (
                self.module,
                [(t.get(self.language) or next(iter(t.values()), mid), mid) for mid, t in modules],
            ),
            (self.workstation, [(uid[:8], uid) for uid in stations]),
        ):
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.transcript_button.setEnabled(source is None)
        self.model.source = source
        self.model.set_filter(self.current_filter())

    def _on_previous(self) -> None:
        self.model.previous_page()

    def _on_next(self) -> None:
        self.model.next_page()

    def _on_transcript(self) -> None:
        row = self.selected_row()
        if row is None:
            dialogs.show_info(
                self, self.tr("Transcript"), self.tr("Select an attempt of the trainee first.")
            )
            return
        path = choose_save_file(
            self,
            self.tr("Save the transcript"),
            f"transcript-{row.trainee_name.replace(' ', '-')}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if path is None:
            return
        try:
            self.save_transcript(row.trainee_id, path)
        except TrainerError as exc:
            dialogs.show_error(self, exc)

    def result_text(self, a: AttemptRow) -> str:
        if a.state != "finished":
            return self.tr("In progress")
        if a.behaviour != "exam":
            return self.tr("Practised")
        if a.pre_test:
            return self.tr("Not counted")
        return self.tr("Passed") if a.passed else self.tr("Not passed")

    def save_transcript(self, trainee_id: int, path: Path) -> Path:
        trainee = self.workspace.trainees.get(trainee_id)
        t = service.transcript(self.workspace, trainee)
        rows = [
            [
                a.started_at.strftime("%Y-%m-%d"),
                a.title(self.language),
                mode_text(a),
                "" if a.percent is None else f"{a.percent:.0f} %",
                self.result_text(a),
            ]
            for a in t.attempts
        ]
        details = [
            (self.tr("Name"), trainee.name),
            (self.tr("Institution"), labels.institution(trainee.institution)),
            (self.tr("Service number"), trainee.service_number or "—"),
        ]
        heading = self.tr("Training transcript")
        attempts_heading = self.tr("Attempts")
        body = (
            f"<h1>{html.escape(heading)}</h1>"
            + "".join(f"<p><b>{html.escape(k)}:</b> {html.escape(v)}</p>" for k, v in details)
            + f"<h2>{html.escape(attempts_heading)}</h2>"
            + reports.table_html(
                [
                    self.tr("Date"),
                    self.tr("Module"),
                    self.tr("Kind"),
                    self.tr("Score"),
                    self.tr("Result"),
                ],
                rows,
            )
        )
        if t.certificates:
            certificates_heading = self.tr("Certificates")
            body += f"<h2>{html.escape(certificates_heading)}</h2>" + reports.table_html(
                [self.tr("Number"), self.tr("Module"), self.tr("Issued")],
                [
                    [
                        c.number + (" — " + self.tr("revoked") if c.revoked else ""),
                        c.subject,
                        c.certified_on,
                    ]
                    for c in t.certificates
                ],
            )
        reports.write_pdf(path, body, title=self.tr("Training transcript"))
        service.transcript_saved(self.workspace, trainee, path)
        return path

    def _on_export(self) -> None:
        choice = ask_export_options(self)
        if choice is None:
            return
        what, chosen = choice
        path = choose_save_file(
            self,
            self.tr("Export results"),
            f"{what}{chosen.suffix}",
            self.tr("CSV files (*.csv);;Excel workbooks (*.xlsx);;JSON files (*.json)"),
        )
        if path is None:
            return
        self.export_to(path, what, chosen)

    def export_to(self, path: Path, what: str, chosen: export.TableFormat) -> Operation[int]:
        """Export off the GUI thread, with progress and Cancel; says how many rows."""
        flt = self.current_filter()
        ws = self.workspace
        scope = self.scope

        def job(task: Task) -> int:
            db = worker_database(ws.db)
            try:
                func = service.export_attempts if what == "attempts" else service.export_responses
                with scope.worker_source() as source:
                    return func(
                        ws,
                        path,
                        chosen,
                        flt,
                        progress=task.progress,
                        db=db,
                        language=self.language,
                        source=source,
                    )
            finally:
                db.close()

        def written(count: int) -> None:
            self.exported.emit(count)
            dialogs.show_info(
                self, self.tr("Export"), fmt(self.tr("%1 rows written to %2"), f"{count:,}", path)
            )

        return Operation(
            self, job, label=fmt(self.tr("Exporting %1…"), path.name), success=written
        ).run()


class ExportDialog(QDialog):
    """What to export (attempts or responses) and in which format."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export results"))
        self.what = _combo(
            self.tr("What to export"),
            [
                (self.tr("Attempts (one row each)"), "attempts"),
                (self.tr("Responses (one row per question of each attempt)"), "responses"),
            ],
        )
        self.format = _combo(
            self.tr("File format"),
            [
                (self.tr("CSV (UTF-8)"), export.TableFormat.CSV),
                (
                    self.tr("CSV for Excel (semicolons, decimal commas)"),
                    export.TableFormat.CSV_EXCEL,
                ),
                (self.tr("Excel workbook (XLSX)"), export.TableFormat.XLSX),
                (self.tr("JSON"), export.TableFormat.JSON),
            ],
        )
        form = labelled_form([(self.tr("&Export:"), self.what), (self.tr("&Format:"), self.format)])
        note = QLabel(self.tr("The filters of the results screen apply to the export."))
        note.setWordWrap(True)
        stack(self, form, note, ok_cancel(self))

    def choice(self) -> tuple[str, export.TableFormat]:
        return str(self.what.currentData()), export.TableFormat(self.format.currentData())


def ask_export_options(parent: QWidget) -> tuple[str, export.TableFormat] | None:
    """The export dialog (a function, so tests can answer it)."""
    dialog = ExportDialog(parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
