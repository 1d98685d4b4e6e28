"""The certificate register for coordinators: search, reissue, revoke, export, batch, keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.certificates import document, issuing, register
from trainer.certificates.batch import BatchResult, batch_generate, safe_file_name
from trainer.certificates.keys import export_public_key, import_public_key
from trainer.certificates.settings import (
    MAX_PRINTED_TEXT,
    CertificateSettings,
    Signatory,
    load_settings,
    save_settings,
)
from trainer.errors import TrainerError
from trainer.storage.certificates import CertificateRecord
from trainer.storage.trainees import Institution
from trainer.text import name_problem
from trainer.ui import dialogs, labels
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation, Task, worker_workspace
from trainer.ui.widgets.flow import flow_of
from trainer.ui.widgets.forms import labelled_form, ok_cancel, stack
from trainer.workspace import Workspace

CERTIFICATE_LANGUAGES = {"en": "English", "fr": "Français"}


# Modal questions, as functions tests can replace.
def ask_save_file(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(name) if name else None


def ask_open_file(parent: QWidget, title: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(name) if name else None


def ask_folder(parent: QWidget, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


def ask_reason(parent: QWidget, number: str) -> str | None:
    title = QCoreApplication.translate("CertificatesScreen", "Revoke certificate")
    question = QCoreApplication.translate(
        "CertificatesScreen",
        "Why is certificate %1 revoked? The reason travels with the revocation list.",
    )
    text, ok = QInputDialog.getText(parent, title, fmt(question, number))
    return text if ok else None


def _name_spin_box(box: QAbstractSpinBox, name: str) -> None:
    """A spin box and the line edit inside it both carry the name, for screen readers."""
    box.setAccessibleName(name)
    inner = box.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(name)


def run_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class BatchDialog(QDialog):
    """Which passed trainees to certify: a date range and, optionally, one institution."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Generate certificates"))
        today = QDate.currentDate()
        self.since = QDateEdit(today.addMonths(-1))
        self.until = QDateEdit(today)
        for edit, name in ((self.since, self.tr("From")), (self.until, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            _name_spin_box(edit, name)
        self.institution = QComboBox()
        self.institution.setAccessibleName(self.tr("Cohort"))
        self.institution.addItem(self.tr("All institutions"), None)
        for value in Institution:
            self.institution.addItem(labels.institution(value), value.value)
        form = labelled_form(
            [
                (self.tr("&From:"), self.since),
                (self.tr("&To:"), self.until),
                (self.tr("&Cohort:"), self.institution),
            ]
        )
        note = QLabel(
            self.tr(
                "Every trainee who passed a module exam in this period receives a certificate "
                "(already issued ones keep their number). You choose the folder next."
            )
        )
        note.setWordWrap(True)
        stack(self, form, note, ok_cancel(self))

    def values(self) -> tuple[date, date, str | None]:
        since = self.since.date().toPython()
        until = self.until.date().toPython()
        assert isinstance(since, date) and isinstance(until, date)
        return since, until, self.institution.currentData()


class CertificateSettingsDialog(QDialog):
    """The issuing institution, its logo, the signatories and the certificate language."""

    def __init__(self, settings: CertificateSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Certificate settings"))
        self.setMinimumWidth(760)
        self.institution = QLineEdit(settings.institution)
        self.institution.setAccessibleName(self.tr("Issuing institution"))
        self.logo = QLineEdit(str(settings.logo) if settings.logo else "")
        self.logo.setAccessibleName(self.tr("Logo file"))
        self.logo.setPlaceholderText(self.tr("the neutral emblem shipped with TiP Trainer"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose a logo file"))
        browse.clicked.connect(self._on_browse)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Certificate language"))
        for code, name in CERTIFICATE_LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        grid = QGridLayout()
        label = QLabel(self.tr("&Issuing institution:"))
        label.setBuddy(self.institution)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.institution, 0, 1, 1, 2)
        label = QLabel(self.tr("&Logo (PNG, JPEG or SVG):"))
        label.setBuddy(self.logo)
        grid.addWidget(label, 1, 0)
        grid.addWidget(self.logo, 1, 1)
        grid.addWidget(browse, 1, 2)
        label = QLabel(self.tr("Default lan&guage:"))
        label.setBuddy(self.language)
        grid.addWidget(label, 2, 0)
        grid.addWidget(self.language, 2, 1, 1, 2)
        self.signatories: list[tuple[QLineEdit, QLineEdit]] = []
        self.signatures: list[QLineEdit] = []
        existing = list(settings.signatories)
        for i in range(3):
            known = existing[i] if i < len(existing) else None
            name_edit = QLineEdit(known.name if known else "")
            title_edit = QLineEdit(known.title if known else "")
            number = str(i + 1)
            name_edit.setAccessibleName(fmt(self.tr("Signatory %1 name"), number))
            title_edit.setAccessibleName(fmt(self.tr("Signatory %1 title"), number))
            name_edit.setPlaceholderText(self.tr("Name"))
            title_edit.setPlaceholderText(self.tr("Title, e.g. Director of Training"))
            label = QLabel(fmt(self.tr("Signatory &%1:"), number))
            label.setBuddy(name_edit)
            signature = QLineEdit(str(known.signature) if known and known.signature else "")
            signature.setAccessibleName(fmt(self.tr("Signatory %1 scanned signature"), number))
            signature.setPlaceholderText(self.tr("Scanned signature (optional)"))
            signature.setToolTip(self.tr("A PNG, JPEG or SVG picture of at most 1 MB"))
            choose = QPushButton(self.tr("Signature…"))
            choose.setAccessibleName(
                fmt(self.tr("Choose the scanned signature of signatory %1"), number)
            )
            choose.clicked.connect(lambda _=False, edit=signature: self._on_browse_signature(edit))
            row = 3 + 2 * i
            grid.addWidget(label, row, 0)
            grid.addWidget(name_edit, row, 1)
            grid.addWidget(title_edit, row, 2)
            grid.addWidget(signature, row + 1, 1)
            grid.addWidget(choose, row + 1, 2, Qt.AlignmentFlag.AlignLeft)
            self.signatories.append((name_edit, title_edit))
            self.signatures.append(signature)
        note = QLabel(
            self.tr(
                "Each certificate also keeps a dashed circle beside the signatures for the "
                "institution's stamp."
            )
        )
        note.setWordWrap(True)
        grid.addWidget(note, 9, 0, 1, 3)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Every text the page prints must be printable by it: say which is not, and stay."""
        fields = [self.institution] + [edit for pair in self.signatories for edit in pair]
        for edit in fields:
            check = name_problem(edit.text(), limit=MAX_PRINTED_TEXT)
            if edit.text().strip() and not check.ok:
                edit.setFocus()
                dialogs.show_error(
                    self,
                    TrainerError(f"{edit.accessibleName()}: {labels.name_problem(check)}"),
                )
                return
        super().accept()

    def _on_browse(self) -> None:
        path = ask_open_file(
            self, self.tr("Choose a logo"), self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path is not None:
            self.logo.setText(str(path))

    def _on_browse_signature(self, edit: QLineEdit) -> None:
        path = ask_open_file(
            self,
            self.tr("Choose a scanned signature"),
            self.tr("Images (*.png *.jpg *.jpeg *.svg)"),
        )
        if path is not None:
            edit.setText(str(path))

    def settings(self) -> CertificateSettings:
        logo = self.logo.text().strip()
        signatures = [edit.text().strip() for edit in self.signatures]
        return CertificateSettings(
            institution=self.institution.text(),
            logo=Path(logo) if logo else None,
            signatories=tuple(
                Signatory(n.text(), t.text(), Path(sig) if sig else None)
                for (n, t), sig in zip(self.signatories, signatures, strict=True)
                if n.text().strip()
            ),
            language=str(self.language.currentData()),
        )


class ProgrammesDialog(QDialog):
    """Define a programme (a set of modules) and certify everyone who passed all of them."""

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Programmes"))
        self.setMinimumWidth(520)
        self.existing = QComboBox()
        self.existing.setAccessibleName(self.tr("Programmes defined"))
        self.existing.currentIndexChanged.connect(self._on_programme_chosen)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Programme name"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 1000)
        self.hours.setDecimals(1)
        _name_spin_box(self.hours, self.tr("Training hours (0: the modules' sum)"))
        self.modules = QListWidget()
        self.modules.setAccessibleName(self.tr("Modules of the programme"))
        try:
            catalog_modules = workspace.catalog.modules()
        except TrainerError:
            catalog_modules = []
        for _bank, module in catalog_modules:
            item = QListWidgetItem(f"{module.title.get(language)} ({module.id})")
            item.setData(Qt.ItemDataRole.UserRole, module.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.modules.addItem(item)
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Programme:"), self.existing),
            (self.tr("&Name:"), self.name),
            (self.tr("Training &hours:"), self.hours),
            (self.tr("&Modules:"), self.modules),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.save_button = QPushButton(self.tr("&Save programme"))
        self.save_button.setAccessibleName(self.tr("Save the programme"))
        self.save_button.clicked.connect(self._on_save)
        self.issue_button = QPushButton(self.tr("&Issue certificates"))
        self.issue_button.setAccessibleName(
            self.tr("Issue programme certificates to everyone who passed all its modules")
        )
        self.issue_button.clicked.connect(self._on_issue)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.issue_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        self._reload()

    def _reload(self, select: int | None = None) -> None:
        self.existing.blockSignals(True)
        self.existing.clear()
        self.existing.addItem(self.tr("New programme"), None)
        for p in issuing.list_programmes(self.workspace):
            self.existing.addItem(p.name, p.id)
        self.existing.setCurrentIndex(max(0, self.existing.findData(select)))
        self.existing.blockSignals(False)
        self._on_programme_chosen()

    def _on_programme_chosen(self) -> None:
        programme_id = self.existing.currentData()
        chosen: set[str] = set()
        if programme_id is not None:
            programme = issuing.repository(self.workspace).programme(int(programme_id))
            self.name.setText(programme.name)
            self.hours.setValue(programme.training_hours)
            chosen = set(programme.modules)
        else:
            self.name.clear()
            self.hours.setValue(0)
        for i in range(self.modules.count()):
            item = self.modules.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self.issue_button.setEnabled(programme_id is not None)

    def chosen_modules(self) -> list[str]:
        out = []
        for i in range(self.modules.count()):
            item = self.modules.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _on_save(self) -> None:
        try:
            programme = issuing.save_programme(
                self.workspace, self.name.text(), self.chosen_modules(), self.hours.value()
            )
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self._reload(programme.id)

    def _on_issue(self) -> None:
        programme_id = self.existing.currentData()
        if programme_id is None:
            return
        try:
            issued = issuing.issue_programme_for_all(self.workspace, int(programme_id))
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        dialogs.show_info(
            self,
            self.tr("Programmes"),
            self.tr("%n trainee(s) hold a certificate for this programme.", "", len(issued)),
        )


class CertificatesScreen(QWidget):
    """The register: every certificate issued here, and what a coordinator does with them."""

    batch_finished = Signal(object)  # BatchResult, or None if it failed
    saved = Signal(Path)  # a certificate PDF or the register's CSV was written

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        self.records: list[CertificateRecord] = []
        self.batch: Operation[BatchResult] | None = None

        title = QLabel(self.tr("Certificates"))
        title.setObjectName("screenTitle")
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search certificates"))
        self.search.setPlaceholderText(self.tr("Name or certificate number"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        search_label = QLabel(self.tr("Se&arch:"))
        search_label.setBuddy(self.search)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Show"))
        self.status.addItem(self.tr("All"), None)
        self.status.addItem(self.tr("Valid"), "valid")
        self.status.addItem(self.tr("Revoked"), "revoked")
        self.status.currentIndexChanged.connect(self.refresh)
        status_label = QLabel(self.tr("Sho&w:"))
        status_label.setBuddy(self.status)
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Language of the PDF"))
        for code, name in CERTIFICATE_LANGUAGES.items():
            self.language_box.addItem(name, code)
        # The coordinator's saved choice, else the interface's language (not English).
        saved = load_settings(workspace).language_saved
        chosen = saved or (language if language in CERTIFICATE_LANGUAGES else "en")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(chosen)))
        language_label = QLabel(self.tr("PDF &language:"))
        language_label.setBuddy(self.language_box)

        self.table = QTableWidget(0, 8)
        self.table.setAccessibleName(self.tr("Certificate register"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Trainee"),
                self.tr("Modules"),
                self.tr("Score"),
                self.tr("Date"),
                self.tr("Status"),
                self.tr("Issued by"),
                self.tr("Kind"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1, 3, 4, 5, 6, 7):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self._on_save_pdf())
        self.count_label = QLabel()

        def button(text: str, accessible: str, slot: Callable[[], None]) -> QPushButton:
            b = QPushButton(text)
            b.setAccessibleName(accessible)
            b.clicked.connect(slot)
            return b

        self.pdf_button = button(
            self.tr("Save &PDF…"),
            self.tr("Save the selected certificate as PDF"),
            self._on_save_pdf,
        )
        self.revoke_button = button(
            self.tr("&Revoke…"), self.tr("Revoke the selected certificate"), self._on_revoke
        )
        self.csv_button = button(
            self.tr("&Export CSV…"), self.tr("Export the register to CSV"), self._on_export_csv
        )
        self.batch_button = button(
            self.tr("Generate in &batch…"),
            self.tr("Generate certificates for every passed trainee"),
            self._on_batch,
        )
        self.settings_button = button(
            self.tr("Se&ttings…"), self.tr("Certificate settings"), self._on_settings
        )
        self.programmes_button = button(
            self.tr("Pro&grammes…"), self.tr("Define programmes of modules"), self._on_programmes
        )
        self.export_key_button = button(
            self.tr("E&xport public key…"),
            self.tr("Export this installation's public key"),
            self._on_export_key,
        )
        self.import_key_button = button(
            self.tr("&Import trusted key…"),
            self.tr("Trust another installation's public key"),
            self._on_import_key,
        )
        self.export_revocations_button = button(
            self.tr("Export revo&cations…"),
            self.tr("Export the signed list of revoked certificates"),
            self._on_export_revocations,
        )
        self.import_revocations_button = button(
            self.tr("Import revocati&ons…"),
            self.tr("Import a trusted issuer's revocation list"),
            self._on_import_revocations,
        )

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(status_label)
        filters.addWidget(self.status)
        filters.addWidget(language_label)
        filters.addWidget(self.language_box)
        row1 = QHBoxLayout()
        row1.addWidget(
            flow_of([self.pdf_button, self.revoke_button, self.csv_button, self.batch_button]), 1
        )
        row1.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        # With larger text these wrap onto more lines rather than widen the window.
        row2 = flow_of(
            [
                self.settings_button,
                self.programmes_button,
                self.export_key_button,
                self.import_key_button,
                self.export_revocations_button,
                self.import_revocations_button,
            ]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(row1)
        layout.addWidget(row2)
        self.refresh()

    # -- the list -----------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self.records = register.list_certificates(
                self.workspace, self.search.text(), status=self.status.currentData()
            )
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            self.records = []
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            values = [
                r.number,
                r.trainee_name,
                (r.programme_name + ": " if r.programme_name else "")
                + "; ".join(m.title_in(self.language) for m in r.modules),
                document.format_score(r.score, self.language),
                r.certified_on.isoformat(),
                self.tr("Revoked") if r.revoked else self.tr("Valid"),
                self.tr("this installation")
                if register.issued_here(self.workspace, r)
                else r.issuer_name,
                self.tr("Attendance") if r.kind == "attendance" else self.tr("Competence"),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 6:
                    item.setToolTip(r.issuer_name)
                if col == 5 and r.revoked and r.revoked_reason:
                    item.setToolTip(r.revoked_reason)
                self.table.setItem(row, col, item)
        self.count_label.setText(self.tr("%n certificate(s)", "", len(self.records)))
        self._update_buttons()

    def selected(self) -> CertificateRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.records[rows[0].row()]

    def select_number(self, number: str) -> None:
        for row, r in enumerate(self.records):
            if r.number == number:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        record = self.selected()
        usable = (
            record is not None
            and not record.revoked
            and register.issued_here(self.workspace, record)
        )
        self.pdf_button.setEnabled(usable)
        self.revoke_button.setEnabled(usable)

    # -- actions ------------------------------------------------------------------------
    def _on_save_pdf(self) -> None:
        record = self.selected()
        if record is None or record.revoked:
            return
        path = ask_save_file(
            self,
            self.tr("Save certificate"),
            safe_file_name(record),
            self.tr("PDF files (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.save_pdf(record, path)

    def save_pdf(self, record: CertificateRecord, path: Path) -> Operation[None]:
        """Render the certificate off the GUI thread."""
        from trainer.certificates import pdf

        pdf.font_family()  # fonts are registered on the GUI thread, before the worker draws
        ws, language = self.workspace, str(self.language_box.currentData())

        def job(_task: Task) -> None:
            with worker_workspace(ws) as other:
                register.render_pdf(other, record, path, language)

        return Operation(
            self,
            job,
            label=fmt(self.tr("Writing %1…"), path.name),
            success=lambda _none: self.saved.emit(path),
        ).run()

    def _on_revoke(self) -> None:
        record = self.selected()
        if record is None:
            return
        reason = ask_reason(self, record.number)
        if reason is None:
            return
        try:
            register.revoke(self.workspace, record.number, reason)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self.refresh()
        self.select_number(record.number)

    def _on_export_csv(self) -> None:
        path = ask_save_file(
            self, self.tr("Export the register"), "certificates.csv", self.tr("CSV files (*.csv)")
        )
        if path is None:
            return
        self.export_csv(path)

    def export_csv(self, path: Path) -> Operation[None]:
        """Write the register shown off the GUI thread."""
        ws, records = self.workspace, list(self.records)

        def job(_task: Task) -> None:
            with worker_workspace(ws) as other:
                register.export_csv(other, path, records)

        return Operation(
            self,
            job,
            label=fmt(self.tr("Writing %1…"), path.name),
            success=lambda _none: self.saved.emit(path),
        ).run()

    def _on_settings(self) -> None:
        dialog = CertificateSettingsDialog(load_settings(self.workspace), self)
        while True:  # a refused setting reopens the dialog as it was filled in: nothing lost
            if not run_dialog(dialog):
                return
            try:
                save_settings(self.workspace, dialog.settings())
            except TrainerError as exc:
                dialogs.show_error(self, exc)
                continue
            break
        self.language_box.setCurrentIndex(
            max(0, self.language_box.findData(dialog.settings().language))
        )

    def _on_programmes(self) -> None:
        run_dialog(ProgrammesDialog(self.workspace, self.language, self))
        self.refresh()

    def _on_export_key(self) -> None:
        path = ask_save_file(
            self,
            self.tr("Export public key"),
            "issuer" + ".tip-key",
            self.tr("TiP Trainer keys (*.tip-key)"),
        )
        if path is None:
            return
        try:
            export_public_key(self.workspace, path)
        except TrainerError as exc:
            dialogs.show_error(self, exc)

    def _on_import_key(self) -> None:
        path = ask_open_file(
            self, self.tr("Import a trusted key"), self.tr("TiP Trainer keys (*.tip-key)")
        )
        if path is None:
            return
        try:
            key = import_public_key(self.workspace, path)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        dialogs.show_info(
            self,
            self.tr("Trusted keys"),
            fmt(
                self.tr("Certificates signed by %1 (key %2) are now accepted here."),
                key.name,
                key.key_id,
            ),
        )

    def _on_export_revocations(self) -> None:
        path = ask_save_file(
            self,
            self.tr("Export revocations"),
            "revocations.tip-revocations",
            self.tr("Revocation lists (*.tip-revocations)"),
        )
        if path is None:
            return
        try:
            register.export_revocations(self.workspace, path)
        except TrainerError as exc:
            dialogs.show_error(self, exc)

    def _on_import_revocations(self) -> None:
        path = ask_open_file(
            self,
            self.tr("Import revocations"),
            self.tr("Revocation lists (*.tip-revocations)"),
        )
        if path is None:
            return
        try:
            added = register.import_revocations(self.workspace, path)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        dialogs.show_info(
            self,
            self.tr("Revocations"),
            self.tr("%n new revocation(s) recorded.", "", added),
        )

    # -- batch ----------------------------------------------------------------------------
    def _on_batch(self) -> None:
        dialog = BatchDialog(self)
        if not run_dialog(dialog):
            return
        since, until, institution = dialog.values()
        folder = ask_folder(self, self.tr("Folder for the certificates"))
        if folder is None:
            return
        self.start_batch(folder, since, until, institution)

    def start_batch(
        self, folder: Path, since: date | None, until: date | None, institution: str | None
    ) -> Operation[BatchResult]:
        """Issue and write the certificates off the GUI thread, on its own connection, as
        the signed-in coordinator; Cancel stops after the certificate being written."""
        from trainer.certificates import pdf

        pdf.font_family()  # fonts are registered on the GUI thread, before the worker draws
        ws, language = self.workspace, str(self.language_box.currentData())

        def job(task: Task) -> BatchResult:
            with worker_workspace(ws) as other:
                return batch_generate(
                    other,
                    folder,
                    since=since,
                    until=until,
                    institution=institution,
                    language=language,
                    progress=task.report,
                    cancelled=lambda: task.token.cancelled,
                )

        self.batch_button.setEnabled(False)
        self.batch = Operation(
            self,
            job,
            label=self.tr("Generating certificates…"),
            success=self._on_batch_succeeded,
            failure=self._on_batch_failed,
        )
        self.batch.done.connect(self._end_batch)
        return self.batch.run()

    def _end_batch(self) -> None:
        self.batch = None
        self.batch_button.setEnabled(True)
        self.refresh()

    def _on_batch_succeeded(self, result: BatchResult) -> None:
        text = self.tr("%n certificate(s) written.", "", len(result.written))
        if result.cancelled:
            text += " " + self.tr("Stopped before the end, as asked.")
        if result.elsewhere:
            text += "\n" + fmt(
                self.tr(
                    "%n certificate(s) were issued at another workstation and came with its "
                    "results; that workstation prints them: %1",
                    "",
                    len(result.elsewhere),
                ),
                ", ".join(result.elsewhere[:10]) + ("…" if len(result.elsewhere) > 10 else ""),
            )
        if result.errors:
            text += "\n" + self.tr("Problems:") + "\n" + "\n".join(result.errors[:10])
        self.batch_finished.emit(result)
        dialogs.show_info(self, self.tr("Certificates"), text)

    def _on_batch_failed(self, error: TrainerError) -> None:
        self.batch_finished.emit(None)
        dialogs.show_error(self, error)

    def prepare_close(self) -> None:
        if self.batch is not None:
            self.batch.cancel()
            self.batch.wait()
