"""Workstation bundles: send this workstation's new results; import bundles from others."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.certificates.signing import PUBLIC_KEY_SUFFIX
from trainer.errors import CancelledError, TrainerError
from trainer.results import bundles, service
from trainer.results.bundles import BundleError, MergeReport
from trainer.ui import dialogs
from trainer.ui.errors_text import error_text
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation, Task, worker_database
from trainer.ui.screens.results import choose_open_files, choose_save_file
from trainer.ui.widgets.flow import flow_of
from trainer.ui.widgets.tables import record_table

if TYPE_CHECKING:
    from trainer.workspace import Workspace


class BundlesScreen(QWidget):
    """Exports this workstation's results to a signed file; imports files from workstations."""

    exported = Signal(object)  # bundles.BundleExport
    imported = Signal(list)  # the report lines

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        title = QLabel(self.tr("Workstation bundles"))
        title.setObjectName("screenTitle")

        send = QGroupBox(self.tr("Send this workstation's results"))
        self.pending_label = QLabel()
        self.pending_label.setWordWrap(True)
        self.everything = QCheckBox(self.tr("Include results &already sent"))
        self.export_button = QPushButton(self.tr("&Export bundle…"))
        self.export_button.setAccessibleName(self.tr("Export the new results to a bundle file"))
        self.key_button = QPushButton(self.tr("Save this workstation's public &key…"))
        self.key_label = QLabel(
            fmt(
                self.tr(
                    "The coordinator imports bundles only from workstations whose public key "
                    "they trust. This workstation's key: %1"
                ),
                workspace.keys.key_id,
            )
        )
        self.key_label.setWordWrap(True)
        send_layout = QVBoxLayout(send)
        send_layout.addWidget(self.pending_label)
        send_layout.addWidget(self.key_label)
        send_layout.addWidget(flow_of([self.everything, self.key_button, self.export_button]))

        receive = QGroupBox(self.tr("Import bundles from workstations"))
        self.trust_button = QPushButton(self.tr("&Trust a workstation's key…"))
        self.import_button = QPushButton(self.tr("&Import bundles…"))
        self.import_button.setAccessibleName(self.tr("Import bundle files from workstations"))
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Import report"))
        self.history = record_table(
            [self.tr("Imported"), self.tr("Workstation"), self.tr("Key"), self.tr("Bundle")],
            self.tr("Bundles imported"),
            stretch=(1,),
        )
        receive_layout = QVBoxLayout(receive)
        receive_layout.addWidget(flow_of([self.trust_button, self.import_button]))
        report_label = QLabel(self.tr("&Report of the last import:"))
        report_label.setBuddy(self.report)
        receive_layout.addWidget(report_label)
        receive_layout.addWidget(self.report, 2)
        receive_layout.addWidget(self.history, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(send)
        layout.addWidget(receive, 1)

        self.export_button.clicked.connect(self._on_export)
        self.key_button.clicked.connect(self._on_save_key)
        self.trust_button.clicked.connect(self._on_trust)
        self.import_button.clicked.connect(self._on_import)
        self.refresh()

    def refresh(self) -> None:
        n = service.pending_attempts(self.workspace)
        self.pending_label.setText(self.tr("%n finished attempts have not been sent yet.", "", n))
        done = service.bundle_imports(self.workspace)
        self.history.setRowCount(len(done))
        for row, entry in enumerate(done):
            values = [
                entry.imported_at[:16].replace("T", " "),
                f"{entry.workstation_name} ({entry.workstation_uid[:8]})",
                entry.key_id,
                entry.bundle_uid[:12],
            ]
            for col, value in enumerate(values):
                self.history.setItem(row, col, QTableWidgetItem(value))

    # -- reports ------------------------------------------------------------------
    def _left_reason(self, reason: str, other: str) -> str:
        return {
            bundles.LEFT_NOT_VALID: self.tr(
                "its signed code does not verify against the workstation's key, or states "
                "other facts than its record."
            ),
            bundles.LEFT_UNKNOWN_TRAINEE: self.tr("its trainee is not in this register."),
            bundles.LEFT_ALREADY_CERTIFIED: fmt(
                self.tr("the trainee already holds certificate %1 for it here."), other
            ),
            bundles.LEFT_NUMBER_TAKEN: self.tr(
                "a certificate with the same number is already here."
            ),
        }.get(reason, reason)

    def report_text(self, report: MergeReport) -> str:
        lines = [
            fmt(
                self.tr("%1: bundle from %2, signed by %3 (%4)"),
                report.path.name,
                report.workstation_name or report.workstation_uid,
                report.key_name,
                report.key_id,
            )
        ]
        if report.already_imported:
            lines.append(self.tr("  Already imported before: nothing was added."))
        lines.append(
            fmt(
                self.tr("  Attempts: %1 added, %2 already here."),
                report.attempts_added,
                report.attempts_known,
            )
        )
        lines.append(
            fmt(
                self.tr("  Trainees: %1 added, %2 already here, %3 profiles updated."),
                report.trainees_added,
                report.trainees_known,
                report.trainees_updated,
            )
        )
        lines.append(
            fmt(
                self.tr("  Certificates: %1 added, %2 already here, %3 newly revoked."),
                report.certificates_added,
                report.certificates_known,
                report.certificates_revoked,
            )
        )
        for c in report.certificates_left:
            lines.append(
                fmt(
                    self.tr("  ⚑ Check: certificate %1 was not added: %2"),
                    c.number,
                    self._left_reason(c.reason, c.other),
                )
            )
        for m in report.merges:
            if m.reason == "ambiguous":
                lines.append(
                    fmt(
                        self.tr("  ⚑ Check: %1 matches several trainees; added as a new trainee."),
                        m.incoming_name,
                    )
                )
            elif m.reason == "name":
                lines.append(
                    fmt(
                        self.tr("  ⚑ Check: %1 merged with %2 (same name and institution)."),
                        m.incoming_name,
                        m.local_name,
                    )
                )
            else:
                lines.append(
                    fmt(
                        self.tr("  %1 merged with %2 (same service number and institution)."),
                        m.incoming_name,
                        m.local_name,
                    )
                )
        return "\n".join(lines)

    # -- actions ------------------------------------------------------------------
    def export_to(self, path: Path) -> Operation[bundles.BundleExport]:
        """Write the bundle off the GUI thread, with progress and Cancel."""
        ws = self.workspace
        everything = self.everything.isChecked()

        def job(task: Task) -> bundles.BundleExport:
            db = worker_database(ws.db)
            try:
                return service.export_bundle(
                    ws, path, everything=everything, progress=task.progress, db=db
                )
            finally:
                db.close()

        def written(done: bundles.BundleExport) -> None:
            self.refresh()
            self.exported.emit(done)
            dialogs.show_info(
                self,
                self.tr("Export bundle"),
                fmt(
                    self.tr("%1 attempts and %2 trainee profiles written to %3."),
                    done.attempts,
                    done.trainees,
                    path,
                ),
            )

        return Operation(
            self, job, label=self.tr("Writing the bundle…"), success=written, cancelled=self.refresh
        ).run()

    def import_files(self, paths: list[Path]) -> Operation[list[MergeReport | BundleError | None]]:
        """Import each file in turn off the GUI thread; ``imported`` gives the report lines
        (refusals included). Cancelling stops before the next file."""
        ws = self.workspace

        def job(task: Task) -> list[MergeReport | BundleError | None]:
            outcomes: list[MergeReport | BundleError | None] = []
            db = worker_database(ws.db)
            try:
                for path in paths:
                    task.label(fmt(self.tr("Importing %1…"), path.name))
                    try:
                        outcomes.append(
                            service.import_bundle(ws, path, progress=task.progress, db=db)
                        )
                    except BundleError as exc:
                        outcomes.append(exc)
                    except CancelledError:
                        outcomes.append(None)
                        break
            finally:
                db.close()
            return outcomes

        def show(outcomes: list[MergeReport | BundleError | None]) -> None:
            texts: list[str] = []
            for path, outcome in zip(paths, outcomes, strict=False):
                if outcome is None:
                    texts.append(fmt(self.tr("%1: cancelled, nothing was changed."), path.name))
                elif isinstance(outcome, BundleError):
                    texts.append(
                        fmt(
                            self.tr("%1: REFUSED, nothing was changed. %2"),
                            path.name,
                            error_text(outcome),
                        )
                    )
                else:
                    texts.append(self.report_text(outcome))
            self.report.setPlainText("\n\n".join(texts))
            self.refresh()
            self.imported.emit(texts)

        first = paths[0].name if paths else ""
        return Operation(self, job, label=fmt(self.tr("Importing %1…"), first), success=show).run()

    def _on_export(self) -> None:
        path = choose_save_file(
            self,
            self.tr("Export bundle"),
            f"results-{self.workspace.db.workstation_uid[:8]}{bundles.SUFFIX}",
            self.tr("Results bundles (*.tipbundle)"),
        )
        if path is None:
            return
        self.export_to(path)

    def _on_import(self) -> None:
        paths = choose_open_files(
            self, self.tr("Import bundles"), self.tr("Results bundles (*.tipbundle)")
        )
        if not paths:
            return
        self.import_files(paths)

    def _on_save_key(self) -> None:
        path = choose_save_file(
            self,
            self.tr("Save the public key"),
            f"workstation-{self.workspace.keys.key_id}{PUBLIC_KEY_SUFFIX}",
            self.tr("Public keys (*.tip-key)"),
        )
        if path is None:
            return
        try:
            name = self.workspace.institution_name or self.workspace.db.workstation_uid[:8]
            self.workspace.keys.export_public(path, name)
        except (TrainerError, OSError) as exc:
            error = exc if isinstance(exc, TrainerError) else TrainerError(str(exc))
            dialogs.show_error(self, error)

    def _on_trust(self) -> None:
        paths = choose_open_files(
            self, self.tr("Trust a workstation's key"), self.tr("Public keys (*.tip-key)")
        )
        for path in paths:
            try:
                key = self.workspace.keys.import_public(path)
            except TrainerError as exc:
                dialogs.show_error(self, exc)
                continue
            self.workspace.audit("keys.trust", f"{key.key_id} ({key.name}) for bundles")
            dialogs.show_info(
                self,
                self.tr("Key trusted"),
                fmt(
                    self.tr("Bundles signed by %1 (%2) can now be imported."), key.name, key.key_id
                ),
            )
