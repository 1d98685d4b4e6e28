"""Import GIFT / Moodle XML files into draft banks, and export banks to both formats."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.formats.convert import (
    Draft,
    ExportFormat,
    export_to_file,
    import_file,
    save_draft,
)
from trainer.banks.formats.report import ImportReport, ReportEntry, Severity, fill
from trainer.banks.model import Bank
from trainer.errors import TrainerError
from trainer.ui import dialogs
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation
from trainer.ui.widgets.flow import flow_of
from trainer.ui.widgets.forms import shrinkable
from trainer.ui.widgets.tables import record_table

if TYPE_CHECKING:
    from trainer.workspace import Workspace

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "rn": "Ikirundi"}

# Every report text, for the translation tools (kept equal to trainer.banks.formats.messages;
# a test checks it).
REPORT_TEXTS = (
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "images and files cannot be shown here and were left out (in %1); an [image] mark shows where they were",
    ),
    QT_TRANSLATE_NOOP("ImportReport", "the question has no text"),
    QT_TRANSLATE_NOOP(
        "ImportReport", "the question has no text but its title: the title became its text"
    ),
    QT_TRANSLATE_NOOP("ImportReport", "to complete: %1"),
    QT_TRANSLATE_NOOP("ImportReport", "an answer has no text"),
    QT_TRANSLATE_NOOP("ImportReport", "no answer gives full marks"),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "%1 answers give full marks: in Moodle any one of them earns full marks; here it became a multiple-response question where each right one must be ticked",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport", "the %1% credit for '%2' is not kept: only the right option scores here"
    ),
    QT_TRANSLATE_NOOP("ImportReport", "no answer gives any credit"),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "answer weights (%1) become our fixed rule: the options with positive weight (%2) are right, each right option ticked earns an equal share and each wrong one ticked costs an equal share",
    ),
    QT_TRANSLATE_NOOP("ImportReport", "a matching question needs at least 2 pairs"),
    QT_TRANSLATE_NOOP("ImportReport", "a sub-question has no text"),
    QT_TRANSLATE_NOOP("ImportReport", "an ordering question needs at least 2 items with text"),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "Moodle grades it by %1; here it earns the share of neighbouring items placed in the right order",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport", "Moodle showed only some of the items; here all items are shown"
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport", "the description and the %1 questions after it became one scenario"
    ),
    QT_TRANSLATE_NOOP("ImportReport", "the question could not be read"),
    QT_TRANSLATE_NOOP("ImportReport", "%1 questions have no equivalent here and were left out"),
    QT_TRANSLATE_NOOP("ImportReport", "no question could be converted"),
    QT_TRANSLATE_NOOP(
        "ImportReport", "options fixed in place cannot be expressed; Moodle may shuffle them"
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport", "a weight of %1% is not one Moodle allows; %2% was written instead"
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "scenario written as a description followed by its %1 questions; Moodle shows them as separate questions",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "sources, difficulty and audiences have no place in Moodle: they are kept in a comment that Moodle ignores and TiP Trainer reads back",
    ),
    QT_TRANSLATE_NOOP("ImportReport", "an answer with no text was dropped, as Moodle drops it"),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "'~=' leaves an empty answer before the right one ('=' alone marks it); the empty answer was dropped, as Moodle drops it",
    ),
    QT_TRANSLATE_NOOP("ImportReport", "an item with no text was dropped, as Moodle drops it"),
    QT_TRANSLATE_NOOP("ImportReport", "fewer than 2 answers have text"),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "the %1 is only a picture, which cannot be kept here; the question was left out",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "every option is right (%1 of %1); a multiple-response question needs at least one wrong option",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "every sub-question has the same answer ('%1'); a matching question needs at least 2 different answers",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "a description is text shown between questions, not a question: it was left out (it becomes the case of a scenario only when its questions name it)",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "this question has no title and follows the titled description '%1', which has no question: the blank line between them was taken for a slip and the description was put before this question's text",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "only %1 of the scenario's questions could be imported; a scenario needs 2, so its case text was left out",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "the feedback for right, partly right and wrong answers has no place here and was left out",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport", "hints for later tries (%1) have no place here and were left out"
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport", "the feedback of each item has no place here and was left out"
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "a grade of %1% is not one Moodle allows; the nearest, %2%, was used (nearest grade)",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "Moodle showed the items side by side; here they are shown one below the other",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "GIFT ordering items are written one per line as they are: line breaks in an item were replaced by spaces",
    ),
    QT_TRANSLATE_NOOP("ImportReport", "the file holds no question"),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "unbalanced braces: the answers must be written between one '{' and one '}' (write \\{ or \\} for a literal brace)",
    ),
    QT_TRANSLATE_NOOP("ImportReport", "a multiple choice question needs at least 2 answers"),
    QT_TRANSLATE_NOOP("ImportReport", "an answer weight such as %50% is not a number"),
    QT_TRANSLATE_NOOP("ImportReport", "a matching pair must be written '=question -> answer'"),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "an answer's grade of %1% counts as 0% here (a typed answer never costs marks)",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "Moodle takes the unit penalty off the question's whole mark; here it is taken off the answer's credit",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "Moodle offered the units in a list; here the unit is typed after the number",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "a unit has no name or a multiplier that is not a positive number: %1",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "an answer or tolerance is not a number: %1",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "GIFT has no units; export to Moodle XML to keep them",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "no answer can earn full marks: an earlier answer (such as '*') catches every answer that would",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "GIFT cannot say that capital letters count; Moodle will ignore them (export to Moodle XML to keep it)",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "a numerical question needs at least 1 answer",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "a numerical answer must be written 'value', 'value:tolerance' or 'min..max' with numbers",
    ),
    QT_TRANSLATE_NOOP("ImportReport", "question text"),
    QT_TRANSLATE_NOOP("ImportReport", "general feedback"),
    QT_TRANSLATE_NOOP("ImportReport", "an answer"),
    QT_TRANSLATE_NOOP("ImportReport", "answer feedback"),
    QT_TRANSLATE_NOOP("ImportReport", "feedback"),
    QT_TRANSLATE_NOOP("ImportReport", "a sub-question"),
    QT_TRANSLATE_NOOP("ImportReport", "an item"),
    QT_TRANSLATE_NOOP("ImportReport", "description"),
    QT_TRANSLATE_NOOP("ImportReport", "topic"),
    QT_TRANSLATE_NOOP("ImportReport", "explanation"),
    QT_TRANSLATE_NOOP("ImportReport", "source"),
    QT_TRANSLATE_NOOP("ImportReport", "essay"),
    QT_TRANSLATE_NOOP("ImportReport", "short answer"),
    QT_TRANSLATE_NOOP("ImportReport", "numerical"),
    QT_TRANSLATE_NOOP("ImportReport", "embedded answers (Cloze)"),
    QT_TRANSLATE_NOOP("ImportReport", "calculated"),
    QT_TRANSLATE_NOOP("ImportReport", "simple calculated"),
    QT_TRANSLATE_NOOP("ImportReport", "calculated multichoice"),
    QT_TRANSLATE_NOOP("ImportReport", "drag and drop into text"),
    QT_TRANSLATE_NOOP("ImportReport", "drag and drop onto image"),
    QT_TRANSLATE_NOOP("ImportReport", "drag and drop markers"),
    QT_TRANSLATE_NOOP("ImportReport", "select missing words"),
    QT_TRANSLATE_NOOP("ImportReport", "random short-answer matching"),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "the picture '%1' has no alternative text: add alternative text (what the picture shows)",
    ),
    QT_TRANSLATE_NOOP("ImportReport", "the question was only a picture: write its text"),
    QT_TRANSLATE_NOOP("ImportReport", "the picture '%1' was left out: %2"),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "the file is %1 MB with its pictures, more than the 16 MB an import here reads and perhaps more than the platform accepts: export the questions in smaller banks",
    ),
    QT_TRANSLATE_NOOP(
        "ImportReport",
        "GIFT holds no pictures: the picture '%1' was left out (export to Moodle XML)",
    ),
)


# Report lines shown per turn of the event loop (about 15 ms of work).
REPORT_ROWS_PER_TURN = 250


def report_message(entry: ReportEntry) -> str:
    """A report line in the interface language (English when no translation exists)."""
    template = QCoreApplication.translate("ImportReport", entry.template)
    args = tuple(
        ", ".join(QCoreApplication.translate("ImportReport", word) for word in arg.split(", "))
        for arg in entry.args
    )
    return fill(template, args)


def choose_import_file(parent: QWidget) -> Path | None:
    """The open-file dialog (a function, so tests can choose for the user)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FormatsScreen", "Import a GIFT or Moodle XML file"),
        "",
        QCoreApplication.translate("FormatsScreen", "GIFT or Moodle XML (*.gift *.txt *.xml)"),
    )
    return Path(name) if name else None


def choose_save_file(parent: QWidget, title: str, suggested: str, filter_: str) -> Path | None:
    """The save-file dialog (a function, so tests can choose for the user)."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_)
    return Path(name) if name else None


class FormatsScreen(QWidget):
    """Import: file → report → draft YAML. Export: bank, language, format → file → report."""

    imported = Signal(object)  # the Draft read, or None when it could not be read
    exported = Signal(object)  # the export's ImportReport

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        self.draft: Draft | None = None
        self._report_fill: tuple[ImportReport | None, int] = (None, 0)
        self.source_path: Path | None = None
        self.banks: list[Bank] = []

        title = QLabel(self.tr("Import/export GIFT and Moodle XML"))
        title.setObjectName("screenTitle")

        # -- import tab -------------------------------------------------------------------
        import_box = QWidget()
        hint = QLabel(
            self.tr(
                "Convert questions written for Moodle (GIFT or Moodle XML) into a draft bank. "
                "Question kinds this program cannot ask are listed in the report with their "
                "file and line; nothing is dropped silently."
            )
        )
        hint.setWordWrap(True)
        self.import_language = self._language_combo(self.tr("Language of the questions"))
        self.import_language.setCurrentIndex(max(0, self.import_language.findData(language)))
        self.choose_button = QPushButton(self.tr("&Choose a file to import…"))
        self.choose_button.setAccessibleName(self.tr("Choose a GIFT or Moodle XML file to import"))
        self.save_button = QPushButton(self.tr("Save the &draft as…"))
        self.save_button.setAccessibleName(self.tr("Save the draft bank as a YAML file"))
        self.save_button.setEnabled(False)
        import_form = QFormLayout()
        lang_label = QLabel(self.tr("&Language of the questions:"))
        lang_label.setBuddy(self.import_language)
        import_form.addRow(lang_label, self.import_language)
        self.nearest_grade = QCheckBox(self.tr("Use the &nearest grade for grades Moodle refuses"))
        self.nearest_grade.setAccessibleName(
            self.tr("Replace answer grades Moodle does not allow by the nearest allowed grade")
        )
        self.nearest_grade.setToolTip(
            self.tr(
                "Off: a file with a grade such as 33% is refused, as Moodle refuses it. On: "
                "each such grade becomes the nearest one Moodle allows (33.33333%), and the "
                "report lists it."
            )
        )
        import_form.addRow(self.nearest_grade)
        import_buttons = flow_of([self.choose_button, self.save_button])
        self.next_steps = QLabel(
            self.tr(
                "Next steps: the draft holds only this language. Open the saved file in a text "
                "editor, replace every TO-COMPLETE (topic, source) and every 'TO COMPLETE' "
                "explanation, declare the sources the questions cite, add the second language "
                "if you have it, then import the file in the question bank library, which "
                "checks it."
            )
        )
        self.next_steps.setWordWrap(True)
        il = QVBoxLayout(import_box)
        il.addWidget(hint)
        il.addLayout(import_form)
        il.addWidget(import_buttons)
        il.addWidget(self.next_steps)
        il.addStretch(1)

        # -- export tab -------------------------------------------------------------------
        export_box = QWidget()
        self.bank_combo = shrinkable(QComboBox())
        self.bank_combo.setAccessibleName(self.tr("Bank to export"))
        self.export_language = self._language_combo(self.tr("Language to export"))
        self.export_language.setCurrentIndex(max(0, self.export_language.findData(language)))
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("File format"))
        self.format_combo.addItem(self.tr("GIFT"), ExportFormat.GIFT.value)
        self.format_combo.addItem(self.tr("Moodle XML"), ExportFormat.MOODLE_XML.value)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export the bank to a file"))
        export_form = QFormLayout()
        for text, widget in (
            (self.tr("&Bank:"), self.bank_combo),
            (self.tr("Lan&guage:"), self.export_language),
            (self.tr("&Format:"), self.format_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            export_form.addRow(label, widget)
        export_hint = QLabel(
            self.tr(
                "GIFT and Moodle XML keep every kind of question. Scenarios become a "
                "description followed by their questions, whose id numbers name the scenario "
                "so that it is found again even after Moodle sorts the questions."
            )
        )
        export_hint.setWordWrap(True)
        el = QVBoxLayout(export_box)
        el.addLayout(export_form)
        el.addWidget(export_hint)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        el.addLayout(row)
        el.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(import_box, self.tr("&Import"))
        self.tabs.addTab(export_box, self.tr("&Export"))

        # -- report -----------------------------------------------------------------------
        self.summary = QLabel(self.tr("Import or export a file to see its report here."))
        self.summary.setWordWrap(True)
        self.report_table = record_table(
            [self.tr("What"), self.tr("Where"), self.tr("Question"), self.tr("Detail")],
            self.tr("Report: questions left out, changed or to complete"),
            stretch=(3,),
        )

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs)
        layout.addWidget(self.summary)
        layout.addWidget(self.report_table, 1)

        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.refresh_banks()

    def _language_combo(self, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        for code, name in LANGUAGE_NAMES.items():
            combo.addItem(name, code)
        return combo

    def refresh_banks(self) -> None:
        self.banks = list(self.workspace.catalog.banks)
        self.bank_combo.clear()
        for bank in self.banks:
            self.bank_combo.addItem(f"{bank.title.get(self.language)} ({bank.id})", bank.id)
        self.export_button.setEnabled(bool(self.banks))

    # -- report -----------------------------------------------------------------------------
    def severity_label(self, severity: Severity) -> str:
        return {
            Severity.SKIPPED: self.tr("Left out"),
            Severity.CHANGED: self.tr("Changed"),
            Severity.TO_COMPLETE: self.tr("To complete"),
            Severity.NOTE: self.tr("Note"),
        }[severity]

    def show_report(self, report: ImportReport, summary: str) -> None:
        """The report, filled a few hundred lines per turn of the event loop: a file of
        thousands of questions never holds the window still."""
        self.summary.setText(summary)
        self.report_table.setRowCount(0)
        self._report_fill = (report, 0)
        self._fill_report()

    def _fill_report(self) -> None:
        report, start = self._report_fill
        if report is None:
            return
        end = min(start + REPORT_ROWS_PER_TURN, len(report.entries))
        self.report_table.setRowCount(end)
        for row in range(start, end):
            entry = report.entries[row]
            for col, text in enumerate(
                (
                    self.severity_label(entry.severity),
                    entry.where,
                    entry.question,
                    report_message(entry),
                )
            ):
                self.report_table.setItem(row, col, QTableWidgetItem(text))
        for row in range(start, end):
            self.report_table.resizeRowToContents(row)
        self._report_fill = (report, end) if end < len(report.entries) else (None, 0)
        if end < len(report.entries):
            QTimer.singleShot(0, self, self._fill_report)  # not after the screen is gone

    def _counts(self, report: ImportReport) -> str:
        return fmt(
            self.tr(
                "%n question(s) converted, %1 left out, %2 changed, %3 to complete.",
                "",
                report.imported,
            ),
            len(report.skipped),
            len(report.changed),
            len(report.incomplete),
        )

    # -- import -----------------------------------------------------------------------------
    def import_path(self, path: Path) -> Operation[Draft]:
        """Read a file into a draft off the GUI thread and show its report (``imported``
        gives the draft, or None after a message)."""
        lang = str(self.import_language.currentData())
        nearest = self.nearest_grade.isChecked()
        self.draft = None
        self.save_button.setEnabled(False)

        def show(draft: Draft) -> None:
            self.draft = draft
            self.source_path = path
            self.save_button.setEnabled(draft.question_count > 0)
            self.show_report(
                draft.report,
                fmt(self.tr("Imported %1: "), path.name) + self._counts(draft.report),
            )
            self.imported.emit(draft)

        def refused(error: TrainerError) -> None:
            dialogs.show_error(self, error)
            self.imported.emit(None)

        return Operation(
            self,
            lambda _task: import_file(path, lang=lang, nearest_grade=nearest),
            label=fmt(self.tr("Reading %1…"), path.name),
            success=show,
            failure=refused,
            cancelled=lambda: self.imported.emit(None),
        ).run()

    def save_draft_to(self, target: Path) -> bool:
        if self.draft is None:
            return False
        try:
            save_draft(self.draft, target)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return False
        self.workspace.audit("bank.draft", f"{self.draft.report.path} -> {target.name}")
        text = fmt(
            self.tr(
                "Draft saved to %1. Complete it as described above, then import it in the "
                "question bank library."
            ),
            target,
        )
        if self.draft.pictures:
            text += " " + fmt(
                self.tr("Its pictures are in the folder %1 beside it: keep them together."),
                target.with_name(target.stem + ".pictures").name,
            )
        self.summary.setText(text)
        return True

    def _on_choose_clicked(self) -> None:
        path = choose_import_file(self)
        if path is not None:
            self.import_path(path)

    def _on_save_clicked(self) -> None:
        if self.draft is None or self.source_path is None:
            return
        suggested = str(self.source_path.with_name(f"{self.draft.bank.id}-draft.yaml"))
        target = choose_save_file(
            self, self.tr("Save the draft bank"), suggested, self.tr("Question banks (*.yaml)")
        )
        if target is not None:
            self.save_draft_to(target)

    # -- export -----------------------------------------------------------------------------
    def selected_bank(self) -> Bank | None:
        index = self.bank_combo.currentIndex()
        return self.banks[index] if 0 <= index < len(self.banks) else None

    def export_to(self, target: Path) -> Operation[ImportReport] | None:
        """Write the chosen bank off the GUI thread, then show the report (``exported``)."""
        bank = self.selected_bank()
        if bank is None:
            return None
        chosen = ExportFormat(str(self.format_combo.currentData()))
        lang = str(self.export_language.currentData())

        def show(report: ImportReport) -> None:
            self.workspace.audit(
                "bank.export", f"{bank.id} {bank.version} as {chosen.value} ({lang})"
            )
            self.show_report(
                report,
                fmt(self.tr("Exported to %1: "), target) + self._counts(report),
            )
            self.exported.emit(report)

        return Operation(
            self,
            lambda _task: export_to_file(bank, chosen, lang, target),
            label=fmt(self.tr("Writing %1…"), target.name),
            success=show,
        ).run()

    def _on_export_clicked(self) -> None:
        bank = self.selected_bank()
        if bank is None:
            return
        chosen = ExportFormat(str(self.format_combo.currentData()))
        lang = str(self.export_language.currentData())
        filter_ = (
            self.tr("GIFT (*.gift)")
            if chosen is ExportFormat.GIFT
            else self.tr("Moodle XML (*.xml)")
        )
        target = choose_save_file(
            self, self.tr("Export the bank"), f"{bank.id}-{lang}{chosen.suffix}", filter_
        )
        if target is not None:
            self.export_to(target)
