"""Staff sign-in, first-run setup and password dialogs, each behind a function tests can replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from trainer import admin
from trainer.access import Role
from trainer.errors import TrainerError
from trainer.storage.accounts import MIN_PASSWORD_LENGTH
from trainer.ui.errors_text import error_text
from trainer.ui.i18n import fmt
from trainer.ui.widgets.forms import labelled_form, stack
from trainer.workspace import Workspace


def _password_field(accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(1024)
    field.setAccessibleName(accessible)
    return field


def _name_field(accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(accessible)
    field.setMaxLength(100)
    return field


def _complain(error: QLabel, text: str) -> None:
    error.setText(text)
    error.setVisible(True)
    # The dialog grows to take the message: the fields above keep their height.
    window = error.window()
    if window is not error:
        layout = window.layout()
        if layout is not None:
            layout.activate()
        hint = window.sizeHint()
        window.resize(max(window.width(), hint.width()), max(window.height(), hint.height()))


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setVisible(False)
    return label


def _buttons(ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", ""))
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("AuthDialogs", "Cancel"))
    cancel.setAccessibleName(QCoreApplication.translate("AuthDialogs", "Cancel"))
    return box


class SignInDialog(QDialog):
    """Account name and password; a wrong password keeps the dialog open with the reason."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Staff sign-in"))
        intro = QLabel(
            self.tr("Staff tools are for trainers and coordinators. Sign in with your account.")
        )
        intro.setWordWrap(True)
        self.name = _name_field(self.tr("Account name"))
        self.password = _password_field(self.tr("Password"))
        self.error = _error_label()
        form = labelled_form(
            [(self.tr("Account &name:"), self.name), (self.tr("&Password:"), self.password)]
        )
        self.buttons = _buttons(self.tr("&Sign in"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        stack(self, intro, form, self.error, self.buttons)
        self.setMinimumWidth(420)

    def _on_accept(self) -> None:
        try:
            admin.sign_in(self.workspace, self.name.text(), self.password.text())
        except TrainerError as exc:
            self.show_problem(exc)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()

    def show_problem(self, exc: TrainerError) -> None:
        _complain(self.error, error_text(exc))


class SetupDialog(QDialog):
    """First run: the institution's name and the first coordinator account."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, sign_in: bool = False
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.sign_in = sign_in
        self.setWindowTitle(self.tr("Set up this workstation"))
        intro = QLabel(
            self.tr(
                "Welcome. Before trainees use this workstation, give your institution's name "
                "and create the first coordinator account. The coordinator can then create "
                "accounts for trainers and other coordinators."
            )
        )
        intro.setWordWrap(True)
        self.institution = QLineEdit()
        self.institution.setAccessibleName(self.tr("Institution name"))
        self.institution.setMaxLength(200)
        self.name = _name_field(self.tr("Coordinator account name"))
        self.password = _password_field(self.tr("Password"))
        self.confirm = _password_field(self.tr("Password again"))
        self.error = _error_label()
        form = labelled_form(
            [
                (self.tr("&Institution:"), self.institution),
                (self.tr("Coordinator account &name:"), self.name),
                (self.tr("&Password:"), self.password),
                (self.tr("Password &again:"), self.confirm),
            ]
        )
        hint = QLabel(fmt(self.tr("A password needs at least %1 characters."), MIN_PASSWORD_LENGTH))
        hint.setWordWrap(True)
        self.buttons = _buttons(self.tr("&Create the account"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        stack(self, intro, form, hint, self.error, self.buttons)
        self.setMinimumWidth(520)

    def _on_accept(self) -> None:
        if self.password.text() != self.confirm.text():
            _complain(self.error, self.tr("The two passwords differ."))
            return
        try:
            account = admin.first_setup(
                self.workspace, self.institution.text(), self.name.text(), self.password.text()
            )
            if self.sign_in:
                admin.sign_in(self.workspace, account.name, self.password.text())
        except TrainerError as exc:
            _complain(self.error, error_text(exc))
            return
        self.accept()


class AccountDialog(QDialog):
    """A new staff account (name, role, password), or a new password for ``name``."""

    def __init__(self, name: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reset_for = name
        self.setWindowTitle(
            fmt(self.tr("New password for %1"), name) if name else self.tr("New staff account")
        )
        self.name = _name_field(self.tr("Account name"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        self.role.addItem(self.tr("Trainer"), Role.TRAINER.value)
        self.role.addItem(self.tr("Coordinator"), Role.COORDINATOR.value)
        self.password = _password_field(self.tr("Password"))
        self.confirm = _password_field(self.tr("Password again"))
        self.error = _error_label()
        rows: list[tuple[str, QWidget]] = []
        if name is None:
            rows += [(self.tr("Account &name:"), self.name), (self.tr("&Role:"), self.role)]
        rows += [
            (self.tr("&Password:"), self.password),
            (self.tr("Password &again:"), self.confirm),
        ]
        form = labelled_form(rows)
        hint = QLabel(fmt(self.tr("A password needs at least %1 characters."), MIN_PASSWORD_LENGTH))
        hint.setWordWrap(True)
        self.buttons = _buttons(self.tr("&Save"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        stack(self, form, hint, self.error, self.buttons)
        self.setMinimumWidth(440)

    def _on_accept(self) -> None:
        if self.password.text() != self.confirm.text():
            _complain(self.error, self.tr("The two passwords differ."))
            return
        if self.reset_for is None and not self.name.text().strip():
            _complain(self.error, self.tr("Please give the account a name."))
            return
        self.accept()

    def chosen_role(self) -> Role:
        return Role(str(self.role.currentData()))


# -- the functions the application calls (tests replace these) -------------------------
def ask_sign_in(parent: QWidget | None, workspace: Workspace) -> bool:
    """Show the sign-in dialog; True once someone has signed in."""
    return SignInDialog(workspace, parent).exec() == QDialog.DialogCode.Accepted


def run_setup(parent: QWidget | None, workspace: Workspace, *, sign_in: bool = False) -> bool:
    """Show the first-run setup; True once the first coordinator exists (and, with
    ``sign_in``, is signed in)."""
    dialog = SetupDialog(workspace, parent, sign_in=sign_in)
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_account(parent: QWidget | None, name: str | None = None) -> AccountDialog | None:
    """Ask for a new account's details (or a new password for ``name``); None if cancelled."""
    dialog = AccountDialog(name, parent)
    return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_save_path(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(suggested),
        QCoreApplication.translate("AuthDialogs", "CSV files (*.csv)"),
    )
    return Path(chosen) if chosen else None
