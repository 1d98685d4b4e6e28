"""The findings of a bank review: a sortable, filterable table and the selected one in full."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.review.engine import BankReview, Finding
from trainer.banks.review.rules import SEVERITIES, Severity, rule_title
from trainer.ui.i18n import fmt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2
# A shape beside each severity word, so the table never relies on colour alone.
SYMBOLS = {Severity.PROBLEM: "✖", Severity.WARNING: "▲", Severity.NOTICE: "●"}


class _SeverityFilter(QSortFilterProxyModel):
    """Rows of one severity (None: all), sorted on each column's sort value."""

    def __init__(self) -> None:
        super().__init__()
        self.severity: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_severity(self, severity: str | None) -> None:
        self.beginFilterChange()
        self.severity = severity
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: object) -> bool:
        if self.severity is None:
            return True
        index = self.sourceModel().index(row, 0)
        return bool(index.data(SEVERITY_ROLE) == self.severity)


class BankReviewWidget(QWidget):
    """What the review found in one bank; every column sorts, the severity filter narrows."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.review: BankReview | None = None
        self.findings: list[Finding] = []

        self.summary = QLabel(self.tr("Select a bank to review it."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Review summary"))
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show findings of this severity"))
        self.filter.addItem(self.tr("All findings"), None)
        for severity in SEVERITIES:
            self.filter.addItem(self.severity_label(severity), severity.value)
        filter_label = QLabel(self.tr("S&how:"))
        filter_label.setBuddy(self.filter)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter)
        row.addStretch(1)

        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Severity"),
                self.tr("Line"),
                self.tr("Question"),
                self.tr("Rule"),
                self.tr("Explanation"),
                self.tr("Waiver"),
            ]
        )
        self.proxy = _SeverityFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Review findings"))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.detail.setAccessibleName(self.tr("The selected finding in full"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

        self.filter.currentIndexChanged.connect(self._on_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())

    def severity_label(self, severity: Severity) -> str:
        words = {
            Severity.PROBLEM: self.tr("Problem"),
            Severity.WARNING: self.tr("Warning"),
            Severity.NOTICE: self.tr("Notice"),
        }
        return f"{SYMBOLS[severity]} {words[severity]}"

    # -- content -----------------------------------------------------------------------
    def clear(self, message: str) -> None:
        self.review = None
        self.findings = []
        self.model.removeRows(0, self.model.rowCount())
        self.summary.setText(message)
        self.detail.clear()

    def show_review(self, review: BankReview) -> None:
        self.review = review
        self.findings = list(review.findings)
        self.model.removeRows(0, self.model.rowCount())
        for number, f in enumerate(self.findings):
            rank = SEVERITIES.index(f.severity)
            cells = [
                (self.severity_label(f.severity), rank * 1_000_000 + number),
                (str(f.line), f.line),
                (f.question_id or self.tr("(the whole bank)"), f.question_id or ""),
                (rule_title(f.rule, self.language), rule_title(f.rule, self.language)),
                (f.message(self.language), f.message(self.language)),
                (f.waiver or "", f.waiver or ""),
            ]
            items = []
            for text, sort_value in cells:
                item = QStandardItem(text)
                item.setData(sort_value, SORT_ROLE)
                item.setData(f.severity.value, SEVERITY_ROLE)
                item.setData(number, Qt.ItemDataRole.UserRole)
                item.setToolTip(text)
                items.append(item)
            if f.severity is Severity.PROBLEM and f.waiver is None:
                font = QFont(items[0].font())
                font.setBold(True)
                items[0].setFont(font)
            self.model.appendRow(items)
        self.proxy.sort(-1)  # file order until a column is chosen
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._size_columns()
        self.table.resizeRowsToContents()
        self.summary.setText(self.summary_text(review))
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.clear()

    def _size_columns(self) -> None:
        """Shares of the width for the id, rule and waiver (they wrap); the explanation
        gets the rest, whatever the window and text size."""
        width = self.table.viewport().width()
        for column, share in ((2, 0.17), (3, 0.15), (5, 0.12)):
            self.table.setColumnWidth(column, int(width * share))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_columns()
        self.table.resizeRowsToContents()

    def counts_text(self, review: BankReview) -> str:
        """How many problems, warnings and notices, each in its plural form."""
        return ", ".join(
            [
                self.tr("%n problem(s)", "", review.count(Severity.PROBLEM)),
                self.tr("%n warning(s)", "", review.count(Severity.WARNING)),
                self.tr("%n notice(s)", "", review.count(Severity.NOTICE)),
            ]
        )

    def summary_text(self, review: BankReview) -> str:
        name = review.path.name
        if not review.valid:
            return fmt(
                self.tr(
                    "%1 does not load: each of its problems is listed below (see also the "
                    "Problems tab)."
                ),
                name,
            )
        text = fmt(self.tr("%1: %2, %n waived.", "", review.waived), name, self.counts_text(review))
        if not review.attempts_checked:
            text += " " + self.tr(
                "Results of attempts are not included: a coordinator account sees them."
            )
        return text

    def selected(self) -> Finding | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        number = index.data(Qt.ItemDataRole.UserRole)
        return self.findings[int(number)] if number is not None else None

    # -- events ------------------------------------------------------------------------
    def _on_filter_changed(self) -> None:
        self.proxy.set_severity(self.filter.currentData())
        self.table.resizeRowsToContents()
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_detail()

    def _show_detail(self) -> None:
        f = self.selected()
        if f is None:
            self.detail.clear()
            return
        where = fmt(self.tr("Line %1, column %2"), f.line, f.column)
        text = f"{self.severity_label(f.severity)} — {where} — {f.rule.value} — {f.message(self.language)}"
        if f.waiver is not None:
            text += " " + fmt(self.tr("Waived by the bank: %1"), f.waiver)
        self.detail.setText(text)
