"""Help → About: the version, when this build was made, and where the data folder is."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QDate, QLocale, Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from trainer.buildinfo import BuildInfo, read_build_info
from trainer.ui.i18n import fmt
from trainer.ui.widgets.forms import labelled_form, stack
from trainer.workspace import Workspace


def _selectable(text: str, accessible: str) -> QLabel:
    """A value a person may select and copy, with the mouse or the keyboard."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setAccessibleName(accessible)
    return label


class AboutDialog(QDialog):
    """What is installed and where its data lives, for a person asking for support."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, info: BuildInfo | None = None
    ) -> None:
        super().__init__(parent)
        self.info = info or read_build_info()
        self.setWindowTitle(self.tr("About TiP Trainer"))
        self.setAccessibleName(self.tr("About TiP Trainer"))

        title = QLabel("TiP Trainer")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        summary = QLabel(
            self.tr(
                "Offline training on trafficking in persons for police officers, "
                "prosecutors and judges."
            )
        )
        summary.setWordWrap(True)

        self.version = _selectable(self.info.version, self.tr("Version"))
        self.build = _selectable(self.build_text(), self.tr("Build"))
        self.folder = QLineEdit(str(workspace.data.root))
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Data folder"))
        self.folder.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        self.folder.setCursorPosition(0)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the data folder's path"))
        self.copy_button.clicked.connect(self._on_copy)
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.copy_button)
        self.runtime = _selectable(
            f"Qt {qVersion()}, PySide6 {pyside_version}, Python {platform.python_version()}",
            self.tr("Components"),
        )

        form = labelled_form(
            [
                (self.tr("&Version:"), self.version),
                (self.tr("&Build:"), self.build),
                (self.tr("&Data folder:"), folder_row),
                (self.tr("C&omponents:"), self.runtime),
            ]
        )
        # a label's mnemonic moves the focus to the field itself, not to the row around it
        for index in range(form.rowCount()):
            item = form.itemAt(index, form.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.buddy() is folder_row:
                label.setBuddy(self.folder)
        note = QLabel(
            self.tr(
                "The data folder holds the database, backups, logs and this installation's "
                "signing key. Uninstalling or upgrading the program leaves it in place."
            )
        )
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        stack(self, title, summary, form, note, self.buttons)
        close.setDefault(True)
        close.setFocus(Qt.FocusReason.OtherFocusReason)

    def build_text(self) -> str:
        built = self.info.built
        if built is None:
            return self.tr("development version (run from the source code)")
        day = built.date()
        when = QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )
        text = fmt(self.tr("built on %1"), when)
        if self.info.commit:
            text += f" ({self.info.commit[:12]})"
        return text

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.folder.text())


def show_about(parent: QWidget | None, workspace: Workspace) -> None:
    """Open the About dialog (a function, so tests can replace it)."""
    AboutDialog(workspace, parent).exec()
