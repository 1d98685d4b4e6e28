"""The trainer's bank library: what is loaded, what failed and why, import, preview, disable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
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

from trainer.banks.catalog import Catalog
from trainer.banks.library import ImportResult, LibraryEntry, Origin
from trainer.banks.loader import MAX_FILE_BYTES
from trainer.banks.model import Bank
from trainer.banks.review import engine as review_engine
from trainer.banks.review import service as review_service
from trainer.banks.review.engine import BankReview
from trainer.errors import BankError, Problem, TrainerError
from trainer.files import read_bounded
from trainer.ui import dialogs, labels, review, theme
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation, Task, worker_workspace
from trainer.ui.screens.bank_review import BankReviewWidget
from trainer.ui.widgets.picture import add_picture_resources
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


@dataclass(frozen=True)
class _Listed:
    """The library as a worker read it: its entries and the catalogue trainees see."""

    entries: list[LibraryEntry]
    catalog: Catalog


@dataclass(frozen=True)
class _Imported:
    """What an import of several files did: the banks imported, where it stopped, and the
    library as it is now."""

    done: list[ImportResult]
    listed: _Listed
    failed: Path | None = None
    error: TrainerError | None = None


def _review_key(path: Path, bank: Bank | None) -> tuple[str, str]:
    """A review holds for one file with one content."""
    return (str(path), bank.content_hash if bank else "")


class BankLibraryScreen(QWidget):
    """List, check, import, preview, enable and disable question banks."""

    imported = Signal(int)  # how many banks an import added
    reviewed = Signal(object)  # the BankReview shown in the Review tab

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        self.entries: list[LibraryEntry] = []
        self.problem_path: Path | None = None
        self.reviewing: Operation[Any] | None = None  # a review running off the GUI thread
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
                self.tr("Bank"),
                self.tr("Version"),
                self.tr("Questions"),
                self.tr("Contents"),
            ],
            self.tr("Question banks"),
            # Few columns, the long ones wrapping: titles and ids stay whole at 200 % text
            # on a 1280-pixel screen instead of being cut or scrolling sideways.
            stretch=(1, 4),
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
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.split, 1)

        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())
        self.import_button.clicked.connect(self._on_import_clicked)
        self.toggle_button.clicked.connect(self._on_toggle)
        self.reload_button.clicked.connect(lambda: self.refresh())
        self.problems.currentRowChanged.connect(self._on_problem_selected)
        self.questions.currentRowChanged.connect(lambda _r: self._show_preview())
        self.preview_language.currentIndexChanged.connect(lambda _i: self._fill_questions())
        self.tabs.currentChanged.connect(lambda _i: self._review_if_shown())
        self.refresh()

    # -- listing -----------------------------------------------------------------------
    def refresh(self, listed: _Listed | None = None) -> None:
        """List the library again (or show ``listed``, read by a worker thread)."""
        self.reviews.clear()  # another bank may now duplicate questions of this one
        self.entries = listed.entries if listed else self.workspace.library().entries()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            bank = entry.bank
            if bank is None:
                status = self.tr(
                    "Failed: %n problem(s)", "", len(entry.problems) + entry.more_problems
                )
                values = [status, entry.path.name, "", "", ""]
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
                contents = "\n".join(
                    [
                        " · ".join(
                            [
                                ", ".join(bank.languages),
                                ", ".join(labels.audience(a) for a in bank.audiences),
                            ]
                        ),
                        f"{kinds} · {topics}",
                    ]
                )
                values = [
                    f"{status}\n({origin})",
                    f"{bank.title.get(self.language)}\n{bank.id}",
                    bank.version,
                    str(len(bank.questions)),
                    contents,
                ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self._fit_rows()
        if self.entries:
            self.table.selectRow(0)
        self._on_selection_changed()
        self.workspace.reload_catalog(listed.catalog if listed else None)

    def _fit_rows(self) -> None:
        """Each row as tall as its status and its title with the id need, at the columns'
        present widths (the contents line may be cut: its tooltip holds it all), and at
        least two lines; then at least one bank shows whole whatever the text size."""
        table = self.table
        metrics = table.fontMetrics()
        least = 2 * metrics.lineSpacing() + 8
        for row in range(table.rowCount()):
            height = least
            for col in (0, 1):
                item = table.item(row, col)
                if item is None:
                    continue
                box = QRect(0, 0, max(1, table.columnWidth(col) - 8), 100_000)
                needed = metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), item.text())
                height = max(height, needed.height() + 8)
            table.setRowHeight(row, height)
        first = table.rowHeight(0) if table.rowCount() else least
        table.setMinimumHeight(
            table.horizontalHeader().sizeHint().height() + first + 2 * table.frameWidth()
        )

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
        add_picture_resources(self.preview.document(), question)
        self.preview.setHtml(review.preview_html(question, lang, sources))

    # -- problems ------------------------------------------------------------------------
    def show_problems(
        self, path: Path, problems: tuple[Problem, ...] | list[Problem], more: int = 0
    ) -> None:
        """The problems of a file; ``more``: how many were found beyond those listed."""
        self.problem_path = path
        if more:
            title = fmt(
                self.tr(
                    "%1: %n problem(s); the first %2 are listed. Select one to see the lines"
                    " concerned.",
                    "",
                    len(problems) + more,
                ),
                path.name,
                len(problems),
            )
        else:
            title = fmt(
                self.tr(
                    "%1: %n problem(s). Select one to see the lines concerned.", "", len(problems)
                ),
                path.name,
            )
        self.problems_title.setText(title)
        self.problems.clear()
        for p in problems:
            item = QListWidgetItem(
                fmt(self.tr("Line %1, column %2: %3"), p.line, p.column, p.message)
            )
            item.setData(Qt.ItemDataRole.UserRole, p.line)
            self.problems.addItem(item)
        if more:
            rest = QListWidgetItem(
                self.tr(
                    "... and %n more problem(s), not listed: fix these and check again", "", more
                )
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

    def review_selected(self) -> Operation[Any] | None:
        """Review the selected bank against the library and show the findings; ``reviewed``
        gives them. A review already made is shown at once; a new one runs off the GUI
        thread (the returned operation), the attempts read on the worker's connection."""
        entry = self.selected()
        if entry is None:
            self.review.clear(self.tr("Select a bank to review it."))
            return None
        key = _review_key(entry.path, entry.bank)
        found = self.reviews.get(key)
        if found is None and entry.bank is None:
            found = review_engine.invalid_review(entry.path, entry.problems)
            self.reviews[key] = found
        if found is not None:
            self._show_review(found)
            return None
        if self.reviewing is not None:
            return self.reviewing  # when it ends, the selection then is reviewed
        bank = entry.bank
        assert bank is not None
        ws, library = self.workspace, review_service.library_banks(self.entries)

        def job(_task: Task) -> BankReview:
            with worker_workspace(ws) as other:
                analyses = review_service.attempt_analyses(other, [bank])
            return review_engine.review_banks([bank], library=library, analyses=analyses)[0]

        def done(result: BankReview) -> None:
            self.reviews[key] = result
            self.reviewing = None
            if self.tabs.currentWidget() is not self.review:
                return
            now = self.selected()
            if now is not None and _review_key(now.path, now.bank) == key:
                self._show_review(result)
            else:
                self.review_selected()  # the selection changed meanwhile

        def ended() -> None:
            self.reviewing = None

        def failed(error: TrainerError) -> None:
            ended()
            dialogs.show_error(self, error)

        self.reviewing = Operation(
            self,
            job,
            label=fmt(self.tr("Reviewing %1…"), bank.title.get(self.language)),
            success=done,
            failure=failed,
            cancelled=ended,
        )
        return self.reviewing.run()

    def _show_review(self, found: BankReview) -> None:
        self.review.show_review(found)
        self.reviewed.emit(found)

    def _select_path(self, path: Path) -> None:
        for row, entry in enumerate(self.entries):
            if entry.path == path:
                self.table.selectRow(row)
                return

    # -- actions -------------------------------------------------------------------------
    def import_files(self, paths: list[Path]) -> Operation[_Imported]:
        """Check and import each file off the GUI thread; stop at the first with problems
        and show them. Each bank imported is then reviewed (``reviewing``), and
        ``imported`` gives how many were imported once their review is shown."""
        ws = self.workspace
        listed_before = [e.bank for e in self.entries if e.bank is not None]

        def job(task: Task) -> _Imported:
            done: list[ImportResult] = []
            failed: Path | None = None
            error: TrainerError | None = None
            with worker_workspace(ws) as other:
                library = other.library()
                for number, path in enumerate(paths):
                    task.progress(number, len(paths))
                    task.token.check()
                    task.label(fmt(self.tr("Checking %1…"), path.name))
                    try:
                        done.append(library.import_bank(path))
                    except TrainerError as exc:
                        failed, error = path, exc
                        break
                # the new listing is read here too, not on the GUI thread
                # (banks already parsed, the imported ones included, are not parsed again)
                known = listed_before + [result.bank for result in done]
                listed = _Listed(library.entries(known), other.reload_catalog())
            return _Imported(done, listed, failed, error)

        def show(outcome: _Imported) -> None:
            self.refresh(outcome.listed)
            error, path = outcome.error, outcome.failed
            if isinstance(error, BankError) and path is not None:
                self.show_problems(path, error.problems, error.more)
                self.tabs.setCurrentIndex(1)
            if error is not None:
                dialogs.show_error(self, error)
            if outcome.done:
                self._review_imported(outcome.done)
            else:
                self.imported.emit(0)

        return Operation(
            self,
            job,
            label=self.tr("Checking the question banks…"),
            success=show,
            cancelled=lambda: self.refresh(),
        ).run()

    def _review_imported(self, done: list[ImportResult]) -> Operation[list[BankReview]]:
        """Review the banks just imported against the library, off the GUI thread, then
        say what was imported with what the review found: it is not hidden. Cancelled (a
        large bank of alike questions takes a while), the import stands, unreviewed."""
        ws, library = self.workspace, review_service.library_banks(self.entries)

        def job(task: Task) -> list[BankReview]:
            found: list[BankReview] = []
            with worker_workspace(ws) as other:
                for result in done:
                    analyses = review_service.attempt_analyses(other, [result.bank])
                    found += review_engine.review_banks(
                        [result.bank], library=library, analyses=analyses, token=task.token
                    )
            return found

        def say(reviews: list[BankReview] | None) -> None:
            self.reviewing = None
            for index, result in enumerate(done):
                message = fmt(
                    self.tr("Imported “%1”, version %2."),
                    result.bank.title.get(self.language),
                    result.bank.version,
                )
                if result.replaced_version:
                    message += " " + fmt(
                        self.tr("It replaces version %1; the old file is kept in the archive."),
                        result.replaced_version,
                    )
                if reviews is not None:
                    found = reviews[index]
                    self.reviews[_review_key(result.path, result.bank)] = found
                    message += " " + fmt(
                        self.tr("Review: %1; see the Review tab."), self.review.counts_text(found)
                    )
                    self._select_path(result.path)
                    self.tabs.setCurrentWidget(self.review)
                    self.review_selected()
                dialogs.show_info(self, self.tr("Bank imported"), message)
            self.imported.emit(len(done))

        def failed(error: TrainerError) -> None:
            dialogs.show_error(self, error)
            say(None)

        self.reviewing = Operation(
            self,
            job,
            label=self.tr("Reviewing the imported banks…"),
            success=say,
            failure=failed,
            cancelled=lambda: say(None),
        )
        return self.reviewing.run()

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
