"""Message boxes, wrapped in functions so tests can replace them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from trainer.errors import BankError, TrainerError
from trainer.ui.errors_text import error_text
from trainer.ui.i18n import fmt


def _tr(text: object) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP (typed as object by PySide6)."""
    return QCoreApplication.translate("Dialogs", str(text))


def show_error(parent: QWidget | None, error: TrainerError) -> None:
    """One clear message for a problem the user can act on."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr(QT_TRANSLATE_NOOP("Dialogs", "Something needs your attention")))
    if isinstance(error, BankError) and error.problems:
        box.setText(
            error_text(error)
            if error.code is not None
            else _tr(
                QT_TRANSLATE_NOOP("Dialogs", "The question bank has problems and was not loaded.")
            )
        )
        box.setDetailedText(str(error))  # the problems listed, and how many more
    else:
        box.setText(error_text(error))
    box.setAccessibleName(_tr(QT_TRANSLATE_NOOP("Dialogs", "Error message")))
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def widen(box: QMessageBox, characters: int = 70) -> None:
    """Give a message box's text lines of about ``characters`` (Qt wraps it very narrow);
    measured in the box's font, so it grows with larger text."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is not None:
        label.setMinimumWidth(box.fontMetrics().averageCharWidth() * characters)


def show_crash(parent: QWidget | None, log_path: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr(QT_TRANSLATE_NOOP("Dialogs", "Unexpected error")))
    box.setText(
        fmt(
            QCoreApplication.translate(
                "Dialogs",
                "TiP Trainer met an unexpected error. Your saved answers are safe.\n"
                "Details were written to:\n%1",
            ),
            log_path,
        )
    )
    box.exec()
