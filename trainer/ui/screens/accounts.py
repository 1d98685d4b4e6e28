"""Coordinators: staff accounts (list, create, reset a password, disable or enable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer import admin
from trainer.access import Role
from trainer.errors import TrainerError
from trainer.storage.accounts import Account
from trainer.ui import dialogs, dialogs_auth
from trainer.ui.i18n import fmt
from trainer.workspace import Workspace


def make_table(columns: list[str], accessible: str) -> QTableWidget:
    """A read-only table of whole rows, reached by Tab and browsed with the arrow keys."""
    table = QTableWidget(0, len(columns))
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    for col in range(len(columns)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def local_time(value: object) -> str:
    from datetime import datetime

    if not isinstance(value, datetime):
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


class AccountsScreen(QWidget):
    """Every staff account of this workstation, with what a coordinator can do to it."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.accounts: list[Account] = []
        title = QLabel(self.tr("Staff accounts"))
        title.setObjectName("screenTitle")
        intro = QLabel(
            self.tr(
                "Trainers manage question banks, trainee profiles and sessions; coordinators "
                "can do everything. Trainees need no account."
            )
        )
        intro.setWordWrap(True)
        self.table = make_table(
            [self.tr("Name"), self.tr("Role"), self.tr("State"), self.tr("Last sign-in")],
            self.tr("Staff accounts"),
        )
        self.new_button = QPushButton(self.tr("&New account…"))
        self.new_button.setAccessibleName(self.tr("Create a staff account"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.setAccessibleName(self.tr("Reset the selected account's password"))
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.disable_button.setAccessibleName(self.tr("Disable or enable the selected account"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.reset_button, self.disable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.new_button.clicked.connect(self._on_new)
        self.reset_button.clicked.connect(self._on_reset)
        self.disable_button.clicked.connect(self._on_toggle_disabled)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        self.accounts = admin.list_accounts(self.workspace)
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            if account.disabled:
                state = self.tr("Disabled")
            elif account.locked_until is not None and account.failed_count >= 5:
                state = self.tr("Locked after wrong passwords")
            else:
                state = self.tr("Active")
            role = (
                self.tr("Coordinator") if account.role is Role.COORDINATOR else self.tr("Trainer")
            )
            cells = [account.name, role, state, local_time(account.last_sign_in)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.name)
                self.table.setItem(row, col, item)
            if selected is not None and account.name == selected.name:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and self.accounts:
            self.table.selectRow(0)
        self._on_selection_changed()

    def selected(self) -> Account | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _on_selection_changed(self) -> None:
        account = self.selected()
        self.reset_button.setEnabled(account is not None)
        self.disable_button.setEnabled(account is not None)
        self.disable_button.setText(
            self.tr("&Enable") if account is not None and account.disabled else self.tr("&Disable")
        )

    def _on_new(self) -> None:
        dialog = dialogs_auth.ask_account(self)
        if dialog is None:
            return
        try:
            admin.create_account(
                self.workspace, dialog.name.text(), dialog.password.text(), dialog.chosen_role()
            )
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self.refresh()

    def _on_reset(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = dialogs_auth.ask_account(self, account.name)
        if dialog is None:
            return
        try:
            admin.reset_password(self.workspace, account.name, dialog.password.text())
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        dialogs.show_info(
            self,
            self.tr("Password changed"),
            fmt(self.tr("The password of %1 was changed."), account.name),
        )
        self.refresh()

    def _on_toggle_disabled(self) -> None:
        account = self.selected()
        if account is None:
            return
        try:
            admin.set_account_disabled(self.workspace, account.name, not account.disabled)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self.refresh()
