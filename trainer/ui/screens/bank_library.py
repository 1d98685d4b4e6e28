"""The trainer's bank library: what is loaded, what failed and why, import, preview, disable."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.library import LibraryEntry, Origin
from trainer.banks.loader import MAX_FILE_BYTES
from trainer.banks.review import engine as review_engine
from trainer.banks.review import service as review_service
from trainer.banks.review.engine import BankReview
from trainer.banks.review.rules import Severity
from trainer.errors import BankError, Problem, TrainerError
from trainer.files import read_bounded
from trainer.ui import dialogs, labels, review, theme
from trainer.ui.jobs import run_job
from trainer.ui.screens.bank_review import BankReviewWidget
from trainer.ui.widgets.tables import record_table

if TYPE_CHECKING:
    from trainer.workspace import Workspace

BANK_SUFFIXES = (".yaml", ".yml")


def choose_bank_files(parent: QWidget) -> list[Path]:
    """The file dialog (a function, so tests can choose for the user)."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("BankLibraryScreen", "Import question banks"),
        "",
        QCoreApplication.translate("BankLibraryScreen", "Question banks (*.yaml *.yml)"),
    )
    return [Path(n) for n in names]


def excerpt(path: Path, line: int, around: int = 3) -> tuple[str, int]:
    """The lines around ``line`` with their numbers, and the row of ``line`` in the excerpt."""
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
        lines = data.decode("utf-8", errors="replace").splitlines()
    except OSError:  # unreadable or larger than a bank may be (TooLargeError)
        return "", 0
    start = max(1, line - around)
    end = min(len(lines), line + around)
    width = len(str(end))
    shown = [
        f"{n:>{width}} {'▶' if n == line else ' '} {lines[n - 1]}" for n in range(start, end + 1)
    ]
    return "\n".join(shown), line - start


class BankLibraryScreen(QWidget):
    """List, check, import, preview, enable and disable question banks."""

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        self.entries: list[LibraryEntry] = []
        self.problem_path: Path | None = None
        self.reviews: dict[tuple[str, str], BankReview] = {}  # by file and content
        self.setAcceptDrops(True)

        title = QLabel(self.tr("Question bank library"))
        title.setObjectName("screenTitle")
        hint = QLabel(
            self.tr(
                "Import a bank with the button or drop YAML files here. A bank is "
                "added only when it has no problem at all."
            )
        )
        hint.setWordWrap(True)

        self.table = record_table(
            [
                self.tr("Status"),
                self.tr("Title"),
                self.tr("Version"),
                self.tr("Languages"),
                self.tr("Audiences"),
                self.tr("Questions"),
                self.tr("By kind"),
                self.tr("By topic"),
            ],
            self.tr("Question banks"),
            stretch=(1, 6, 7),  # long texts wrap instead of scrolling sideways
        )

        self.import_button = QPushButton(self.tr("&Import a bank…"))
        self.import_button.setAccessibleName(self.tr("Import a question bank file"))
        self.toggle_button = QPushButton(self.tr("&Disable"))
        self.toggle_button.setAccessibleName(self.tr("Enable or disable the selected bank"))
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.setAccessibleName(self.tr("Reload the library from disk"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)

        # Problems: list, then the offending lines of the selected one.
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problem_lines = QPlainTextEdit()
        self.problem_lines.setReadOnly(True)
        self.problem_lines.setAccessibleName(self.tr("Lines of the file around the problem"))
        self.problem_lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = self.problem_lines.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        self.problem_lines.setFont(font)
        problems_box = QWidget()
        pl = QVBoxLayout(problems_box)
        self.problems_title = QLabel(
            self.tr("Select a bank that failed to load, or import one, to see its problems.")
        )
        self.problems_title.setWordWrap(True)
        pl.addWidget(self.problems_title)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.problems)
        split.addWidget(self.problem_lines)
        pl.addWidget(split, 1)

        # Preview: questions of the selected bank in any of its languages.
        self.preview_language = QComboBox()
        self.preview_language.setAccessibleName(self.tr("Preview language"))
        self.questions = QListWidget()
        self.questions.setAccessibleName(self.tr("Questions of the bank"))
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Question preview with its key"))
        preview_box = QWidget()
        pv = QVBoxLayout(preview_box)
        lang_row = QHBoxLayout()
        lang_label = QLabel(self.tr("&Language:"))
        lang_label.setBuddy(self.preview_language)
        lang_row.addWidget(lang_label)
        lang_row.addWidget(self.preview_language)
        lang_row.addStretch(1)
        pv.addLayout(lang_row)
        # Each question on two lines (its id whole, then its text), in a list given room.
        self.questions.setWordWrap(True)
        self.questions.setTextElideMode(Qt.TextElideMode.ElideNone)
        psplit = QSplitter(Qt.Orientation.Horizontal)
        psplit.addWidget(self.questions)
        psplit.addWidget(self.preview)
        psplit.setStretchFactor(0, 2)
        psplit.setStretchFactor(1, 3)
        psplit.setChildrenCollapsible(False)
        pv.addWidget(psplit, 1)

        # Review: item-writing flaws of the selected bank (run when the tab is shown).
        self.review = BankReviewWidget(language)

        self.tabs = QTabWidget()
        self.tabs.addTab(preview_box, self.tr("&Preview questions"))
        self.tabs.addTab(problems_box, self.tr("Pro&blems"))
        self.tabs.addTab(self.review, self.tr("Revie&w"))
        self.tabs.setAccessibleName(self.tr("Details of the selected bank"))

        # The banks above, the preview below, with a handle between them to give either
        # more room; rows are kept short (full counts in their tooltip) so several show.
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.split, 1)

        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.toggle_button.clicked.connect(self._on_toggle)
        self.reload_button.clicked.connect(self.refresh)
        self.problems.currentRowChanged.connect(self._on_problem_selected)
        self.questions.currentRowChanged.connect(lambda _r: self._show_preview())
        self.preview_language.currentIndexChanged.connect(lambda _i: self._fill_questions())
        self.tabs.currentChanged.connect(lambda _i: self._review_if_shown())
        self.refresh()

    # -- listing -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.reviews.clear()  # another bank may now duplicate questions of this one
        self.entries = self.workspace.library().entries()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            bank = entry.bank
            if bank is None:
                status = self.tr("Failed: %1 problem(s)").replace(
                    "%1", str(len(entry.problems) + entry.more_problems)
                )
                values = [status, entry.path.name, "", "", "", "", "", ""]
            else:
                if entry.replaced:
                    status = self.tr("Replaced by an imported version")
                elif not entry.enabled:
                    status = self.tr("Disabled")
                else:
                    status = self.tr("In use")
                origin = (
                    self.tr("shipped") if entry.origin is Origin.SHIPPED else self.tr("imported")
                )
                kinds = ", ".join(
                    f"{labels.kind(k)} {n}" for k, n in sorted(bank.counts_by_kind().items())
                )
                topics = ", ".join(
                    f"{labels.topic(t)} {n}" for t, n in sorted(bank.counts_by_topic().items())
                )
                values = [
                    f"{status} ({origin})",
                    bank.title.get(self.language),
                    bank.version,
                    ", ".join(bank.languages),
                    ", ".join(labels.audience(a) for a in bank.audiences),
                    str(len(bank.questions)),
                    kinds,
                    topics,
                ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        most = 3 * self.table.fontMetrics().lineSpacing() + 8
        for row in range(self.table.rowCount()):
            self.table.setRowHeight(row, min(self.table.rowHeight(row), most))
        if self.entries:
            self.table.selectRow(0)
        self._on_selection_changed()
        self.workspace.reload_catalog()

    def selected(self) -> LibraryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _on_selection_changed(self) -> None:
        entry = self.selected()
        bank = entry.bank if entry else None
        self.toggle_button.setEnabled(bank is not None)
        self.toggle_button.setText(
            self.tr("&Enable") if entry and not entry.enabled else self.tr("&Disable")
        )
        self.preview_language.blockSignals(True)
        self.preview_language.clear()
        for lang in bank.languages if bank else ():
            self.preview_language.addItem(lang, lang)
        index = self.preview_language.findData(self.language)
        self.preview_language.setCurrentIndex(max(0, index))
        self.preview_language.blockSignals(False)
        self._fill_questions()
        if entry is not None and entry.bank is None:
            self.show_problems(entry.path, entry.problems, entry.more_problems)
            if self.tabs.currentWidget() is not self.review:
                self.tabs.setCurrentIndex(1)
        self._review_if_shown()

    # -- preview -------------------------------------------------------------------------
    def _fill_questions(self) -> None:
        entry = self.selected()
        self.questions.blockSignals(True)
        self.questions.clear()
        self.questions.blockSignals(False)
        self.preview.clear()
        if entry is None or entry.bank is None:
            return
        lang = str(self.preview_language.currentData() or self.language)
        for q in entry.bank.questions:
            text = " ".join(q.text.get(lang).split())
            item = QListWidgetItem(f"{q.id} — {labels.kind(q.kind)}\n{text[:120]}")
            item.setToolTip(q.id)
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            self.questions.addItem(item)
        if self.questions.count():
            self.questions.setCurrentRow(0)

    def _show_preview(self) -> None:
        entry = self.selected()
        item = self.questions.currentItem()
        if entry is None or entry.bank is None or item is None:
            self.preview.clear()
            return
        bank = entry.bank
        try:
            question = bank.question(str(item.data(Qt.ItemDataRole.UserRole)))
        except KeyError:  # the list is being refilled for another bank
            return
        lang = str(self.preview_language.currentData() or self.language)
        sources = {
            sid: {"title": dict(s.title.values), "year": s.year} for sid, s in bank.sources.items()
        }
        self.preview.setHtml(review.preview_html(question, lang, sources))

    # -- problems ------------------------------------------------------------------------
    def show_problems(
        self, path: Path, problems: tuple[Problem, ...] | list[Problem], more: int = 0
    ) -> None:
        """The problems of a file; ``more``: how many were found beyond those listed."""
        self.problem_path = path
        if more:
            title = (
                self.tr(
                    "%1: %2 problem(s); the first %3 are listed. Select one to see the lines"
                    " concerned."
                )
                .replace("%1", path.name)
                .replace("%2", str(len(problems) + more))
                .replace("%3", str(len(problems)))
            )
        else:
            title = (
                self.tr("%1: %2 problem(s). Select one to see the lines concerned.")
                .replace("%1", path.name)
                .replace("%2", str(len(problems)))
            )
        self.problems_title.setText(title)
        self.problems.clear()
        for p in problems:
            item = QListWidgetItem(
                self.tr("Line %1, column %2: %3")
                .replace("%1", str(p.line))
                .replace("%2", str(p.column))
                .replace("%3", p.message)
            )
            item.setData(Qt.ItemDataRole.UserRole, p.line)
            self.problems.addItem(item)
        if more:
            rest = QListWidgetItem(
                self.tr(
                    "... and %1 more problem(s), not listed: fix these and check again"
                ).replace("%1", str(more))
            )
            rest.setData(Qt.ItemDataRole.UserRole, problems[-1].line if problems else 1)
            self.problems.addItem(rest)
        self.problem_lines.clear()
        if problems:
            self.problems.setCurrentRow(0)

    def _on_problem_selected(self, row: int) -> None:
        item = self.problems.item(row) if row >= 0 else None
        if item is None or self.problem_path is None:
            self.problem_lines.clear()
            return
        text, marked = excerpt(self.problem_path, int(item.data(Qt.ItemDataRole.UserRole)))
        self.problem_lines.setPlainText(text)
        block = self.problem_lines.document().findBlockByNumber(marked)
        cursor = QTextCursor(block)
        cursor.select(QTextCursor.SelectionType.LineUnderCursor)
        highlight = QTextCharFormat()
        highlight.setFontWeight(700)
        highlight.setBackground(QColor(theme.colours().highlight_line))
        highlight.setForeground(QColor("#000000"))
        cursor.mergeCharFormat(highlight)

    # -- review --------------------------------------------------------------------------
    def _review_if_shown(self) -> None:
        if self.tabs.currentWidget() is self.review:
            self.review_selected()

    def review_selected(self) -> BankReview | None:
        """Review the selected bank against the library and show the findings."""
        entry = self.selected()
        if entry is None:
            self.review.clear(self.tr("Select a bank to review it."))
            return None
        key = (str(entry.path), entry.bank.content_hash if entry.bank else "")
        found = self.reviews.get(key)
        if found is None:
            found = self._review(entry)
            if found is None:
                return None
            self.reviews[key] = found
        self.review.show_review(found)
        return found

    def _review(self, entry: LibraryEntry) -> BankReview | None:
        if entry.bank is None:
            return review_engine.invalid_review(entry.path, entry.problems)
        bank = entry.bank
        # The database is read here (attempts, where the role may see results); the
        # checks themselves run off the UI thread.
        analyses = review_service.attempt_analyses(self.workspace, [bank])
        library = review_service.library_banks(self.entries)

        def job(_progress: object) -> BankReview:
            return review_engine.review_banks([bank], library=library, analyses=analyses)[0]

        label = self.tr("Reviewing %1…").replace("%1", bank.title.get(self.language))
        return run_job(self, label, job)

    def _select_path(self, path: Path) -> None:
        for row, entry in enumerate(self.entries):
            if entry.path == path:
                self.table.selectRow(row)
                return

    # -- actions -------------------------------------------------------------------------
    def import_files(self, paths: list[Path]) -> int:
        """Import each file; stop at the first with problems and show them. Returns how many."""
        done = 0
        library = self.workspace.library()
        for path in paths:
            try:
                result = library.import_bank(path)
            except BankError as exc:
                self.refresh()
                self.show_problems(path, exc.problems, exc.more)
                self.tabs.setCurrentIndex(1)
                dialogs.show_error(self, exc)
                return done
            except TrainerError as exc:
                dialogs.show_error(self, exc)
                return done
            done += 1
            message = (
                self.tr("Imported “%1”, version %2.")
                .replace("%1", result.bank.title.get(self.language))
                .replace("%2", result.bank.version)
            )
            if result.replaced_version:
                message += " " + self.tr(
                    "It replaces version %1; the old file is kept in the archive."
                ).replace("%1", result.replaced_version)
            # The review of the new bank is shown at once: what it found is not hidden.
            self.refresh()
            self._select_path(result.path)
            self.tabs.setCurrentWidget(self.review)
            found = self.review_selected()
            if found is not None:
                message += " " + self.tr(
                    "Review: %1 problem(s), %2 warning(s), %3 notice(s); see the Review tab."
                ).replace("%1", str(found.count(Severity.PROBLEM))).replace(
                    "%2", str(found.count(Severity.WARNING))
                ).replace("%3", str(found.count(Severity.NOTICE)))
            dialogs.show_info(self, self.tr("Bank imported"), message)
        return done

    def _on_import_clicked(self) -> None:
        paths = choose_bank_files(self)
        if paths:
            self.import_files(paths)

    def _on_toggle(self) -> None:
        entry = self.selected()
        if entry is None or entry.bank is None:
            return
        row = self.table.currentRow()
        self.workspace.library().set_enabled(entry.bank.id, not entry.enabled)
        self.refresh()
        self.table.selectRow(row)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.toLocalFile().lower().endswith(BANK_SUFFIXES) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls()]
        event.acceptProposedAction()
        self.import_files(paths)
