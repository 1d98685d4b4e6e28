"""Verify a certificate: open its PDF or type its code; the answer, large and clear."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.certificates import document, scan, verification
from trainer.certificates.document import CodeProblem
from trainer.errors import CertificateError, ErrorCode
from trainer.ui import dialogs
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation
from trainer.workspace import Workspace


def ask_file(parent: QWidget) -> Path | None:
    """The PDF, scan or photo to verify (a function, so tests can replace the dialog)."""
    pictures = " ".join(f"*{suffix}" for suffix in scan.PICTURE_SUFFIXES)
    filters = ";;".join(
        [
            fmt(QCoreApplication.translate("VerifyScreen", "Certificates (*.pdf %1)"), pictures),
            QCoreApplication.translate("VerifyScreen", "PDF files (*.pdf)"),
            fmt(QCoreApplication.translate("VerifyScreen", "Scans and photos (%1)"), pictures),
        ]
    )
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("VerifyScreen", "Open a certificate"), "", filters
    )
    return Path(name) if name else None


def problem_text(problem: CodeProblem | None, detail: str) -> str:
    return (
        {
            CodeProblem.NO_CODE: QCoreApplication.translate(
                "VerifyScreen", "No certificate code was found."
            ),
            CodeProblem.MISTYPED: QCoreApplication.translate(
                "VerifyScreen",
                "The code is incomplete or mistyped. Check each group of characters and try again.",
            ),
            CodeProblem.MALFORMED: QCoreApplication.translate(
                "VerifyScreen", "This is not a TiP Trainer certificate code, or it is damaged."
            ),
            CodeProblem.ALTERED: QCoreApplication.translate(
                "VerifyScreen",
                "The signature does not match: the certificate was altered after it was issued.",
            ),
            CodeProblem.UNKNOWN_ISSUER: QCoreApplication.translate(
                "VerifyScreen",
                "It was issued by an installation whose key is not trusted here. Import the "
                "issuer's public key to check it.",
            ),
            CodeProblem.REVOKED: fmt(
                QCoreApplication.translate(
                    "VerifyScreen", "The certificate was revoked by its issuer: %1"
                ),
                detail.split(": ", 1)[-1],
            ),
            CodeProblem.PAGE_MISMATCH: QCoreApplication.translate(
                "VerifyScreen",
                "The text printed on the page differs from the signed facts: the page was altered.",
            ),
        }.get(problem, detail)
        if problem
        else ""
    )


class VerifyScreen(QWidget):
    """Anyone on staff can check a certificate offline against the trusted issuer keys."""

    verified = Signal(object)  # verification.Verdict

    def __init__(self, workspace: Workspace, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language
        title = QLabel(self.tr("Verify a certificate"))
        title.setObjectName("screenTitle")
        intro = QLabel(
            self.tr(
                "Open the certificate's PDF file or a scan or photo of the paper (the QR code "
                "must be visible and sharp), or type the verification code printed at the "
                "bottom of the page."
            )
        )
        intro.setWordWrap(True)

        self.open_button = QPushButton(self.tr("&Open a PDF, scan or photo…"))
        self.open_button.setAccessibleName(
            self.tr("Open a certificate PDF, or a scan or photo of one, to verify")
        )
        self.open_button.clicked.connect(self._on_open)
        code_label = QLabel(self.tr("Verification &code:"))
        self.code_edit = QPlainTextEdit()
        self.code_edit.setAccessibleName(self.tr("Verification code"))
        self.code_edit.setTabChangesFocus(True)
        self.code_edit.setPlaceholderText("TIP1-XXXXX-XXXXX-…")
        self.code_edit.setFixedHeight(self.code_edit.fontMetrics().lineSpacing() * 5)
        code_label.setBuddy(self.code_edit)
        self.verify_button = QPushButton(self.tr("Verif&y the code"))
        self.verify_button.setAccessibleName(self.tr("Verify the typed code"))
        self.verify_button.setDefault(True)
        self.verify_button.clicked.connect(self._on_verify_code)

        self.verdict_label = QLabel()
        self.verdict_label.setAccessibleName(self.tr("Verification result"))
        self.verdict_label.setWordWrap(True)
        self._size_verdict()
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, label in (
            ("number", self.tr("Certificate number")),
            ("kind", self.tr("Kind of certificate")),
            ("name", self.tr("Name")),
            ("modules", self.tr("Modules")),
            ("score", self.tr("Score")),
            ("date", self.tr("Date")),
            ("issuer", self.tr("Issued by")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.fact_labels[key] = value
            self.facts.addRow(fmt(self.tr("%1:"), label), value)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(code_label)
        layout.addLayout(code_row)
        layout.addSpacing(12)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.reason_label)
        layout.addLayout(self.facts)
        layout.addStretch(1)
        self._show(None)

    # -- actions ------------------------------------------------------------------------
    def verify_file(self, path: Path) -> Operation[Any] | None:
        """A certificate PDF, or a scan or photo of the paper: read off the GUI thread (a
        damaged or hostile PDF may take a moment to parse, a large photo too); the verdict
        is shown and ``verified`` emitted when it is known."""
        if not path.exists() or path.is_dir():
            dialogs.show_error(
                self,
                CertificateError(
                    "the file does not exist",
                    where=str(path),
                    code=ErrorCode.CERTIFICATE_FILE_MISSING,
                ),
            )
            return None
        if scan.is_picture(path):

            def show_scanned(codes: list[str]) -> None:
                verdict = verification.verify_scanned(self.workspace, codes, language=self.language)
                self._show_file_verdict(verdict, picture=True)

            return Operation(
                self,
                lambda _task: scan.read_qr_codes(path),
                label=self.tr("Looking for the QR code in the picture…"),
                success=show_scanned,
            ).run()

        def show_pdf(found: tuple[str | None, str]) -> None:
            code, text = found
            verdict = verification.verify_read_pdf(
                self.workspace, code, text, language=self.language
            )
            self._show_file_verdict(verdict, picture=False)

        return Operation(
            self,
            lambda _task: verification.read_pdf(path),
            label=self.tr("Reading the certificate…"),
            success=show_pdf,
        ).run()

    def _show_file_verdict(self, verdict: verification.Verdict, picture: bool) -> None:
        self._show(verdict)
        if verdict.valid and picture:
            self.reason_label.setText(
                self.tr(
                    "The signature is genuine and the certificate has not been revoked. Only "
                    "the QR code was read: check that the name, number, date and score below "
                    "are those printed on the paper."
                )
            )
        elif verdict.problem is CodeProblem.NO_CODE and picture:
            self.reason_label.setText(
                self.tr(
                    "No certificate QR code was found in this picture. Scan or photograph the "
                    "page again, flat and sharp, with the whole QR code visible; or type the "
                    "code printed under it."
                )
            )

    def verify_code(self, text: str) -> Operation[document.SignedCode | verification.Verdict]:
        """Decode off the GUI thread (a pasted text may be anything), then check it."""

        def show(read: document.SignedCode | verification.Verdict) -> None:
            self._show(verification.verify_read_code(self.workspace, read, language=self.language))

        return Operation(
            self,
            lambda _task: verification.read_code(text),
            label=self.tr("Checking the code…"),
            success=show,
        ).run()

    def _on_open(self) -> None:
        path = ask_file(self)
        if path is not None:
            self.verify_file(path)

    def _on_verify_code(self) -> None:
        self.verify_code(self.code_edit.toPlainText())

    # -- showing ------------------------------------------------------------------------
    def _size_verdict(self) -> None:
        """Twice the text size, following the app's zoom: the answer is the point of the
        screen. Its colour comes from the theme (normal or high contrast)."""
        font = QFont(self.font())
        font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 2)
        font.setBold(True)
        self.verdict_label.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_verdict()

    def _show(self, verdict: verification.Verdict | None) -> None:
        for value in self.fact_labels.values():
            value.clear()
        if verdict is None:
            self.verdict_label.clear()
            self.reason_label.clear()
            return
        if verdict.valid:
            self.verdict_label.setText(self.tr("✔ VALID CERTIFICATE"))
            self.verdict_label.setObjectName("verdictPass")
            self.reason_label.setText(
                self.tr("The signature is genuine and the certificate has not been revoked.")
            )
        else:
            self.verdict_label.setText(self.tr("✘ NOT VALID"))
            self.verdict_label.setObjectName("verdictFail")
            self.reason_label.setText(problem_text(verdict.problem, verdict.detail))
        self.verdict_label.style().unpolish(self.verdict_label)
        self.verdict_label.style().polish(self.verdict_label)
        facts = verdict.facts
        # Facts are shown only where the signature was checked (valid or revoked), or as
        # what the certificate claims when the issuer is unknown.
        if facts is not None and verdict.problem in (
            None,
            CodeProblem.REVOKED,
            CodeProblem.UNKNOWN_ISSUER,
        ):
            unchecked = verdict.problem is CodeProblem.UNKNOWN_ISSUER
            suffix = self.tr(" (not verified)") if unchecked else ""
            self.fact_labels["number"].setText(facts.number + suffix)
            self.fact_labels["name"].setText(facts.name + suffix)
            self.fact_labels["kind"].setText(
                {
                    document.CertificateKind.MODULE: self.tr("certificate of competence (module)"),
                    document.CertificateKind.PROGRAMME: self.tr(
                        "certificate of competence (programme)"
                    ),
                    document.CertificateKind.ATTENDANCE: self.tr("certificate of attendance"),
                }[facts.kind]
            )
            self.fact_labels["modules"].setText("\n".join(verdict.module_titles or facts.modules))
            self.fact_labels["score"].setText(document.format_score(facts.score, self.language))
            self.fact_labels["date"].setText(document.format_date(facts.date, self.language))
            self.fact_labels["issuer"].setText(
                (verdict.issuer_name or self.tr("unknown issuer"))
                + " ("
                + fmt(self.tr("key %1"), facts.issuer_key_id)
                + ")"
            )
        self.verified.emit(verdict)
