"""Staff sign-in, first-run setup and password dialogs, each behind a function tests can replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from trainer import admin
from trainer.access import Role
from trainer.errors import TrainerError
from trainer.storage.accounts import MIN_PASSWORD_LENGTH
from trainer.workspace import Workspace


def _password_field(accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(1024)
    field.setAccessibleName(accessible)
    return field


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
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Account name"))
        self.name.setMaxLength(100)
        self.password = _password_field(self.tr("Password"))
        self.error = _error_label()
        form = QFormLayout()
        name_label = QLabel(self.tr("Account &name:"))
        name_label.setBuddy(self.name)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        form.addRow(name_label, self.name)
        form.addRow(password_label, self.password)
        self.buttons = _buttons(self.tr("&Sign in"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
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
        self.error.setText(_message(exc))
        self.error.setVisible(True)


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
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Coordinator account name"))
        self.name.setMaxLength(100)
        self.password = _password_field(self.tr("Password"))
        self.confirm = _password_field(self.tr("Password again"))
        self.error = _error_label()
        form = QFormLayout()
        for text, field in (
            (self.tr("&Institution:"), self.institution),
            (self.tr("Coordinator account &name:"), self.name),
            (self.tr("&Password:"), self.password),
            (self.tr("Password &again:"), self.confirm),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        hint = QLabel(
            self.tr("A password needs at least %1 characters.").replace(
                "%1", str(MIN_PASSWORD_LENGTH)
            )
        )
        hint.setWordWrap(True)
        self.buttons = _buttons(self.tr("&Create the account"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _on_accept(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.error.setVisible(True)
            return
        try:
            account = admin.first_setup(
                self.workspace, self.institution.text(), self.name.text(), self.password.text()
            )
            if self.sign_in:
                admin.sign_in(self.workspace, account.name, self.password.text())
        except TrainerError as exc:
            self.error.setText(_message(exc))
            self.error.setVisible(True)
            return
        self.accept()


class AccountDialog(QDialog):
    """A new staff account (name, role, password), or a new password for ``name``."""

    def __init__(self, name: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reset_for = name
        self.setWindowTitle(
            self.tr("New password for %1").replace("%1", name)
            if name
            else self.tr("New staff account")
        )
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Account name"))
        self.name.setMaxLength(100)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        self.role.addItem(self.tr("Trainer"), Role.TRAINER.value)
        self.role.addItem(self.tr("Coordinator"), Role.COORDINATOR.value)
        self.password = _password_field(self.tr("Password"))
        self.confirm = _password_field(self.tr("Password again"))
        self.error = _error_label()
        form = QFormLayout()
        rows: list[tuple[str, QWidget]] = []
        if name is None:
            rows += [(self.tr("Account &name:"), self.name), (self.tr("&Role:"), self.role)]
        rows += [
            (self.tr("&Password:"), self.password),
            (self.tr("Password &again:"), self.confirm),
        ]
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        hint = QLabel(
            self.tr("A password needs at least %1 characters.").replace(
                "%1", str(MIN_PASSWORD_LENGTH)
            )
        )
        hint.setWordWrap(True)
        self.buttons = _buttons(self.tr("&Save"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _on_accept(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.error.setVisible(True)
            return
        if self.reset_for is None and not self.name.text().strip():
            self.error.setText(self.tr("Please give the account a name."))
            self.error.setVisible(True)
            return
        self.accept()

    def chosen_role(self) -> Role:
        return Role(str(self.role.currentData()))


def _message(exc: TrainerError) -> str:
    """Core messages are English; the common ones are shown in the interface language."""
    text = str(exc)
    if text == "wrong account name or password":
        return QCoreApplication.translate("AuthDialogs", "Wrong account name or password.")
    if text.startswith("too many wrong passwords"):
        seconds = getattr(exc, "seconds", 0)
        return QCoreApplication.translate(
            "AuthDialogs", "Too many wrong passwords. Try again in %1 second(s)."
        ).replace("%1", str(seconds))
    if text.endswith("is disabled"):
        return QCoreApplication.translate(
            "AuthDialogs", "This account is disabled. Ask a coordinator."
        )
    if text.startswith("a password needs at least"):
        return QCoreApplication.translate(
            "AuthDialogs", "A password needs at least %1 characters."
        ).replace("%1", str(MIN_PASSWORD_LENGTH))
    return text


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
