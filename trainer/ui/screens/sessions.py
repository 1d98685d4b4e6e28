"""Training sessions: create and edit them, enrol participants, take attendance, open the
pre-test and post-test, issue certificates of attendance and export the session report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.errors import TrainerError
from trainer.places import PROVINCES
from trainer.sessions import service
from trainer.sessions.participants import ParticipantList, read_participants
from trainer.storage.sessions import ModuleRef, Phase, SessionDraft, TrainingSession
from trainer.storage.trainees import Institution
from trainer.ui import dialogs, labels
from trainer.ui.i18n import fmt
from trainer.ui.numbers import number
from trainer.ui.widgets.flow import flow_of
from trainer.ui.widgets.forms import labelled_form, ok_cancel, stack
from trainer.ui.widgets.tables import record_table
from trainer.workspace import Workspace


def choose_open_file(parent: QWidget, title: str, filters: str) -> Path | None:
    """Ask for a file to read (a function, so tests can answer for the user)."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(name) if name else None


def choose_save_file(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(name) if name else None


class SessionCounts(QObject):
    """The counted sentences of the questions below, with Qt's plural forms."""

    def rows_with_errors(self, bad: int, good: int, lines: str) -> str:
        return self.tr(
            "%n row(s) of the list have errors and nothing was imported:", "", bad
        ) + fmt(
            "\n\n%1\n\n%2",
            lines,
            self.tr("Import the %n good row(s) and leave the others out?", "", good),
        )

    def attempts_kept(self, attempts: int) -> str:
        return self.tr(
            "%n pre-test or post-test attempt(s) were taken in it: they are kept, with the "
            "participants' attendance and certificates.",
            "",
            attempts,
        )


def ask_import_good_rows(parent: QWidget, found: ParticipantList) -> bool:
    """Show the rows with errors; True when the user chooses to import the good rows."""
    from PySide6.QtCore import QCoreApplication

    lines = "\n".join(
        fmt(QCoreApplication.translate("SessionsScreen", "Row %1: %2"), e.row, e.message)
        for e in found.errors[:30]
    )
    return dialogs.confirm(
        parent,
        QCoreApplication.translate("SessionsScreen", "Rows with errors"),
        SessionCounts().rows_with_errors(len(found.errors), len(found.rows), lines),
    )


def confirm_delete(parent: QWidget, session: TrainingSession, attempts: int) -> bool:
    from PySide6.QtCore import QCoreApplication

    text = fmt(
        QCoreApplication.translate(
            "SessionsScreen", "Delete the session “%1”? It is hidden from the list."
        ),
        session.title,
    )
    if attempts:
        text += "\n\n" + SessionCounts().attempts_kept(attempts)
    return dialogs.confirm(
        parent, QCoreApplication.translate("SessionsScreen", "Delete the session"), text
    )


class PreTestDoneScreen(QWidget):
    """After a pre-test: no score and no answers (it is taken before the teaching)."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Pre-test recorded"))
        title.setObjectName("screenTitle")
        text = QLabel(
            self.tr(
                "Thank you: your answers are saved. The pre-test shows no score and no "
                "answers; it tells your trainers where to start. You will take the "
                "post-test at the end of the session."
            )
        )
        text.setWordWrap(True)
        self.back_button = QPushButton(self.tr("&Back to my modules"))
        self.back_button.setAccessibleName(self.tr("Back to my modules"))
        self.back_button.clicked.connect(self.back_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


class SessionDialog(QDialog):
    """The fields of a training session (new or edited)."""

    def __init__(
        self,
        workspace: Workspace,
        language: str,
        session: TrainingSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit the session") if session else self.tr("New session"))
        self.setAccessibleName(self.windowTitle())
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setMaxLength(300)
        self.institution = QComboBox()
        self.institution.setAccessibleName(self.tr("Institution"))
        for inst in Institution:
            self.institution.addItem(labels.institution(inst), inst.value)
        self.venue = QLineEdit()
        self.venue.setAccessibleName(self.tr("Venue"))
        self.venue.setMaxLength(300)
        self.province = QComboBox()
        self.province.setAccessibleName(self.tr("Province"))
        self.province.addItem(self.tr("not recorded"), "")
        for province in PROVINCES:
            self.province.addItem(province, province)
        self.start = QDateEdit(QDate.currentDate())
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setAccessibleName(self.tr("First day"))
        self.end = QDateEdit(QDate.currentDate())
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.end.setAccessibleName(self.tr("Last day"))
        self.trainers = QPlainTextEdit()
        self.trainers.setAccessibleName(self.tr("Trainers, one per line"))
        self.trainers.setTabChangesFocus(True)
        self.trainers.setFixedHeight(60)
        self.audiences: dict[str, QCheckBox] = {}
        audience_row = QHBoxLayout()
        for value in service.AUDIENCES:
            box = QCheckBox(labels.audience(value))  # type: ignore[arg-type]
            box.setAccessibleName(labels.audience(value))  # type: ignore[arg-type]
            self.audiences[value] = box
            audience_row.addWidget(box)
        audience_box = QWidget()
        audience_box.setLayout(audience_row)
        audience_box.setFocusProxy(next(iter(self.audiences.values())))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 200)
        self.hours.setDecimals(1)
        self.hours.setAccessibleName(self.tr("Planned hours"))
        self.modules = QListWidget()
        self.modules.setAccessibleName(self.tr("Modules taught"))
        self.modules.setFixedHeight(90)
        self.pre = QComboBox()
        self.pre.setAccessibleName(self.tr("Module of the pre-test"))
        self.post = QComboBox()
        self.post.setAccessibleName(self.tr("Module of the post-test"))
        self.same = QCheckBox(
            self.tr("The post-test repeats each participant's pre-test &questions")
        )
        self.same.setAccessibleName(self.tr("The post-test repeats the pre-test questions"))
        for combo in (self.pre, self.post):
            combo.addItem(self.tr("none"), None)
        try:
            entries = workspace.catalog.modules(None)
        except TrainerError:
            entries = []
        for bank, module in entries:
            ref = ModuleRef(bank.id, module.id)
            text = f"{module.title.get(language)} ({bank.id})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ref)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.modules.addItem(item)
            self.pre.addItem(text, ref)
            self.post.addItem(text, ref)
        form = labelled_form(
            [
                (self.tr("&Title:"), self.title),
                (self.tr("&Institution:"), self.institution),
                (self.tr("&Venue:"), self.venue),
                (self.tr("P&rovince:"), self.province),
                (self.tr("&First day:"), self.start),
                (self.tr("&Last day:"), self.end),
                (self.tr("Trai&ners (one per line):"), self.trainers),
                (self.tr("&Audience:"), audience_box),
                (self.tr("Planned &hours:"), self.hours),
                (self.tr("&Modules taught:"), self.modules),
                (self.tr("&Pre-test:"), self.pre),
                (self.tr("P&ost-test:"), self.post),
            ]
        )
        stack(self, form, self.same, ok_cancel(self))
        if session is not None:
            self._load(session)

    def _load(self, s: TrainingSession) -> None:
        self.title.setText(s.title)
        self.institution.setCurrentIndex(max(0, self.institution.findData(s.institution.value)))
        self.venue.setText(s.venue)
        self.province.setCurrentIndex(max(0, self.province.findData(s.province)))
        self.start.setDate(QDate(s.start_date.year, s.start_date.month, s.start_date.day))
        self.end.setDate(QDate(s.end_date.year, s.end_date.month, s.end_date.day))
        self.trainers.setPlainText("\n".join(s.trainers))
        for value, box in self.audiences.items():
            box.setChecked(value in s.audiences)
        self.hours.setValue(s.planned_hours)
        for i in range(self.modules.count()):
            item = self.modules.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in s.modules:
                item.setCheckState(Qt.CheckState.Checked)
        for combo, ref in ((self.pre, s.pre_test), (self.post, s.post_test)):
            for i in range(combo.count()):
                if combo.itemData(i) == ref:
                    combo.setCurrentIndex(i)
        self.same.setChecked(s.same_questions)

    def draft(self) -> SessionDraft:
        def day(edit: QDateEdit) -> date:
            d = edit.date()
            return date(d.year(), d.month(), d.day())

        modules = tuple(
            self.modules.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.modules.count())
            if self.modules.item(i).checkState() == Qt.CheckState.Checked
        )
        return SessionDraft(
            title=self.title.text(),
            institution=Institution(self.institution.currentData()),
            start_date=day(self.start),
            end_date=day(self.end),
            venue=self.venue.text(),
            province=str(self.province.currentData() or ""),
            trainers=tuple(self.trainers.toPlainText().splitlines()),
            audiences=tuple(v for v, b in self.audiences.items() if b.isChecked()),
            modules=modules,
            planned_hours=self.hours.value(),
            pre_test=self.pre.currentData(),
            post_test=self.post.currentData(),
            same_questions=self.same.isChecked(),
        )


def edit_session(
    parent: QWidget, workspace: Workspace, language: str, session: TrainingSession | None
) -> SessionDraft | None:
    """The session's fields as the user enters them, or None (a function tests replace)."""
    dialog = SessionDialog(workspace, language, session, parent)
    return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_trainees(parent: QWidget, workspace: Workspace) -> list[int]:
    """Trainees picked from the trainee list to enrol (a function tests replace)."""
    from PySide6.QtCore import QCoreApplication

    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("SessionsScreen", "Enrol trainees"))
    dialog.setAccessibleName(dialog.windowTitle())
    listing = QListWidget()
    listing.setAccessibleName(QCoreApplication.translate("SessionsScreen", "Trainees"))
    listing.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    for t in workspace.trainees.list():
        item = QListWidgetItem(f"{t.name} ({t.service_number or '—'})")
        item.setData(Qt.ItemDataRole.UserRole, t.id)
        listing.addItem(item)
    stack(dialog, listing, ok_cancel(dialog))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return [int(i.data(Qt.ItemDataRole.UserRole)) for i in listing.selectedItems()]


class SessionsScreen(QWidget):
    """The sessions, and the one selected: participants and the day's attendance."""

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        self.sessions: list[TrainingSession] = []
        self.people: list[int] = []
        title = QLabel(self.tr("Training sessions"))
        title.setObjectName("screenTitle")
        self.table = record_table(
            [
                self.tr("Title"),
                self.tr("Dates"),
                self.tr("Province"),
                self.tr("Participants"),
                self.tr("Test open"),
            ],
            self.tr("Training sessions"),
        )
        self.participants = record_table(
            [
                self.tr("Present"),
                self.tr("Name"),
                self.tr("Service number"),
                self.tr("Function or rank"),
            ],
            self.tr("Participants and attendance"),
            stretch=(1,),  # the names take the spare width, not the check boxes
        )
        self.day = QComboBox()
        self.day.setAccessibleName(self.tr("Day of attendance"))
        day_label = QLabel(self.tr("Da&y:"))
        day_label.setBuddy(self.day)
        self.status = QLabel()
        self.status.setWordWrap(True)

        def button(text: str, accessible: str, slot: object) -> QPushButton:
            b = QPushButton(text)
            b.setAccessibleName(accessible)
            b.clicked.connect(slot)
            return b

        self.new_button = button(self.tr("&New…"), self.tr("New session"), self._on_new)
        self.edit_button = button(self.tr("&Edit…"), self.tr("Edit the session"), self._on_edit)
        self.delete_button = button(
            self.tr("De&lete…"), self.tr("Delete the session"), self._on_delete
        )
        self.enrol_button = button(
            self.tr("En&rol trainees…"), self.tr("Enrol trainees from the list"), self._on_enrol
        )
        self.import_button = button(
            self.tr("&Import a list…"),
            self.tr("Import a participant list (CSV or XLSX)"),
            self._on_import,
        )
        self.save_button = button(
            self.tr("Save &attendance"), self.tr("Save the attendance of the day"), self._on_save
        )
        self.sheet_button = button(
            self.tr("Si&gn-in sheet…"),
            self.tr("Save the sign-in sheet of the day as PDF"),
            self._on_sheet,
        )
        self.pre_button = button(
            self.tr("Open the &pre-test"), self.tr("Open the pre-test"), self._on_open_pre
        )
        self.post_button = button(
            self.tr("Open the p&ost-test"), self.tr("Open the post-test"), self._on_open_post
        )
        self.close_button = button(
            self.tr("&Close the tests"), self.tr("Close the tests"), self._on_close_tests
        )
        self.certify_button = button(
            self.tr("Cer&tificates of attendance"),
            self.tr("Issue the certificates of attendance"),
            self._on_certify,
        )
        self.pdf_button = button(
            self.tr("Report (P&DF)…"), self.tr("Save the session report as PDF"), self._on_pdf
        )
        self.xlsx_button = button(
            self.tr("Report (&XLSX)…"), self.tr("Save the session report as XLSX"), self._on_xlsx
        )
        top = flow_of([self.new_button, self.edit_button, self.delete_button])
        day_row = flow_of(
            [
                day_label,
                self.day,
                self.save_button,
                self.sheet_button,
                self.enrol_button,
                self.import_button,
            ]
        )
        actions = flow_of(
            [
                self.pre_button,
                self.post_button,
                self.close_button,
                self.certify_button,
                self.pdf_button,
                self.xlsx_button,
            ]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(day_row)
        layout.addWidget(self.participants, 2)
        layout.addWidget(actions)
        layout.addWidget(self.status)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.day.currentIndexChanged.connect(self._show_attendance)
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        self.sessions = service.list_sessions(self.workspace)
        repo = service.repository(self.workspace)
        self.table.setRowCount(len(self.sessions))
        open_names = {Phase.PRE: self.tr("pre-test"), Phase.POST: self.tr("post-test")}
        for row, s in enumerate(self.sessions):
            values = [
                s.title,
                f"{s.start_date.isoformat()} – {s.end_date.isoformat()}",
                s.province or "—",
                str(len(repo.participants(s.id))),
                open_names[s.open_test] if s.open_test else "—",
            ]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        index = next((i for i, s in enumerate(self.sessions) if s.id == select), 0)
        if self.sessions:
            self.table.selectRow(index)
        self._show_selected()

    def selected(self) -> TrainingSession | None:
        row = self.table.currentRow()
        return self.sessions[row] if 0 <= row < len(self.sessions) else None

    def _show_selected(self) -> None:
        session = self.selected()
        has = session is not None
        for b in (
            self.edit_button,
            self.delete_button,
            self.enrol_button,
            self.import_button,
            self.save_button,
            self.sheet_button,
            self.pre_button,
            self.post_button,
            self.close_button,
            self.certify_button,
            self.pdf_button,
            self.xlsx_button,
        ):
            b.setEnabled(has)
        self.day.blockSignals(True)
        self.day.clear()
        if session is not None:
            for d in session.days:
                self.day.addItem(d.isoformat(), d)
        self.day.blockSignals(False)
        self._show_attendance()

    def _show_attendance(self) -> None:
        session = self.selected()
        repo = service.repository(self.workspace)
        people = repo.participants(session.id) if session else []
        marks = repo.attendance(session.id) if session else {}
        day = self.day.currentData()
        self.people = [t.id for t in people]
        self.participants.setRowCount(len(people))
        for row, t in enumerate(people):
            present = QTableWidgetItem()
            present.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            present.setCheckState(
                Qt.CheckState.Checked if marks.get((t.id, day)) is True else Qt.CheckState.Unchecked
            )
            present.setData(Qt.ItemDataRole.AccessibleTextRole, t.name)
            self.participants.setItem(row, 0, present)
            for col, value in enumerate((t.name, t.service_number or "", t.function or ""), 1):
                self.participants.setItem(row, col, QTableWidgetItem(value))

    def _run(self, action: object, done: str = "") -> bool:
        try:
            action()  # type: ignore[operator]
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return False
        if done:
            self.status.setText(done)
        return True

    # -- actions ---------------------------------------------------------------------------
    def _on_new(self) -> None:
        draft = edit_session(self, self.workspace, self.language, None)
        if draft is not None:
            created: list[TrainingSession] = []
            if self._run(lambda: created.append(service.create_session(self.workspace, draft))):
                self.refresh(created[0].id)

    def _on_edit(self) -> None:
        session = self.selected()
        if session is None:
            return
        draft = edit_session(self, self.workspace, self.language, session)
        if draft is not None and self._run(
            lambda: service.update_session(self.workspace, session.id, draft)
        ):
            self.refresh(session.id)

    def _on_delete(self) -> None:
        session = self.selected()
        if session is None:
            return
        attempts = service.repository(self.workspace).test_attempt_count(session.id)
        if confirm_delete(self, session, attempts) and self._run(
            lambda: service.delete_session(self.workspace, session.id)
        ):
            self.refresh()

    def _on_enrol(self) -> None:
        session = self.selected()
        if session is None:
            return
        ids = choose_trainees(self, self.workspace)
        if ids and self._run(lambda: service.enrol(self.workspace, session.id, ids)):
            self.refresh(session.id)

    def _on_import(self) -> None:
        session = self.selected()
        if session is None:
            return
        path = choose_open_file(
            self, self.tr("Import a participant list"), self.tr("Lists (*.csv *.xlsx)")
        )
        if path is None:
            return
        try:
            found = read_participants(path)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        good_only = False
        if found.errors:
            if not found.rows or not ask_import_good_rows(self, found):
                self.status.setText(
                    self.tr("Nothing imported: %n row(s) with errors.", "", len(found.errors))
                )
                return
            good_only = True
        result: list[service.ImportResult] = []
        if self._run(
            lambda: result.append(
                service.import_participants(
                    self.workspace, session.id, found, good_rows_only=good_only
                )
            )
        ):
            r = result[0]
            self.refresh(session.id)
            self.status.setText(
                fmt(
                    self.tr("%1 (%2, %3); %4."),
                    self.tr("%n enrolled", "", r.enrolled),
                    self.tr("%n new profile(s)", "", r.created),
                    self.tr("%n already known", "", r.matched),
                    self.tr("%n row(s) left out", "", r.skipped_rows),
                )
            )

    def attendance_marks(self) -> dict[int, bool]:
        marks: dict[int, bool] = {}
        for row, tid in enumerate(self.people):
            item = self.participants.item(row, 0)
            marks[tid] = item is not None and item.checkState() == Qt.CheckState.Checked
        return marks

    def _on_save(self) -> None:
        session, day = self.selected(), self.day.currentData()
        if session is None or day is None:
            return
        marks = self.attendance_marks()
        self._run(
            lambda: service.record_attendance(self.workspace, session.id, day, marks),
            fmt(
                self.tr("Attendance of %1 saved: %n present.", "", sum(marks.values())),
                day.isoformat(),
            ),
        )

    def _on_sheet(self) -> None:
        from trainer.ui.session_documents import write_sign_in_sheet

        session, day = self.selected(), self.day.currentData()
        if session is None or day is None:
            return
        path = choose_save_file(
            self,
            self.tr("Save the sign-in sheet"),
            f"sign-in-{day.isoformat()}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path is not None:
            self._run(
                lambda: write_sign_in_sheet(self.workspace, session.id, day, path),
                fmt(self.tr("Sign-in sheet saved to %1"), path),
            )

    def _open(self, phase: Phase | None) -> None:
        session = self.selected()
        if session is not None and self._run(
            lambda: service.open_test(self.workspace, session.id, phase)
        ):
            self.refresh(session.id)
            self.status.setText(
                {
                    Phase.PRE: self.tr(
                        "The pre-test is open: participants find it on their modules screen."
                    ),
                    Phase.POST: self.tr(
                        "The post-test is open: participants find it on their modules screen."
                    ),
                    None: self.tr("The tests are closed."),
                }[phase]
            )

    def _on_open_pre(self) -> None:
        self._open(Phase.PRE)

    def _on_open_post(self) -> None:
        self._open(Phase.POST)

    def _on_close_tests(self) -> None:
        self._open(None)

    def _on_certify(self) -> None:
        session = self.selected()
        if session is None:
            return
        issued: list[object] = []
        if self._run(
            lambda: issued.extend(service.issue_attendance_certificates(self.workspace, session.id))
        ):
            self.status.setText(
                fmt(
                    self.tr(
                        "%n certificate(s) of attendance issued (participants present for at "
                        "least %1 % of the planned hours).",
                        "",
                        len(issued),
                    ),
                    number(service.ATTENDANCE_REQUIRED),
                )
            )

    def _on_pdf(self) -> None:
        from trainer.ui.session_documents import export_report_pdf

        session = self.selected()
        if session is None:
            return
        path = choose_save_file(
            self,
            self.tr("Save the session report"),
            "session-report.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path is not None:
            self._run(
                lambda: export_report_pdf(self.workspace, session.id, path, self.language),
                fmt(self.tr("Report saved to %1"), path),
            )

    def _on_xlsx(self) -> None:
        session = self.selected()
        if session is None:
            return
        path = choose_save_file(
            self,
            self.tr("Save the session report"),
            "session-report.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path is not None:
            self._run(
                lambda: service.export_report_xlsx(self.workspace, session.id, path, self.language),
                fmt(self.tr("Report saved to %1"), path),
            )
