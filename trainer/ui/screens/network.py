"""Coordinators: join this workstation to a central database (Staff → Network), test the
connection, change the password, or leave."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trainer.central import network
from trainer.central.config import DEFAULT_PORT, CentralConfig
from trainer.errors import TrainerError
from trainer.ui import dialogs
from trainer.ui.errors_text import error_text
from trainer.ui.held_records import HeldRecordsDialog
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation, Task, worker_workspace
from trainer.ui.widgets.forms import labelled_form
from trainer.workspace import Workspace


def choose_ca_file(parent: QWidget, title: str, filters: str) -> Path | None:
    """The file dialog for the server's CA certificate (a function, so tests can choose)."""
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(name) if name else None


def confirm_leave(parent: QWidget, title: str, text: str) -> bool:
    """Ask before disconnecting (a function, so tests can answer)."""
    return dialogs.confirm(parent, title, text)


# The TLS modes offered: the three that mean something to a centre (libpq's names).
TLS_MODES = ("disable", "require", "verify-full")


class NetworkScreen(QWidget):
    """The central database this workstation sends its results to and reads reports from."""

    changed = Signal()  # joined, left, the password changed, or refused records sent again
    tested = Signal(bool, str)  # the connection test ended: worked, and what it said

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.saved: CentralConfig | None = None
        title = QLabel(self.tr("Central database"))
        title.setObjectName("screenTitle")
        intro = QLabel(
            self.tr(
                "Joined to a central PostgreSQL database, this workstation sends its results "
                "there in the background and the coordinator's reports can cover every "
                "workstation. Exams never wait for the network: every answer is saved here "
                "first. The server's administrator gives the user name and password of this "
                "workstation (python -m trainer central add-workstation)."
            )
        )
        intro.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Connection state"))
        # what the administrator needs to register this workstation (add-workstation)
        self.identity = QLabel(
            fmt(self.tr("This workstation's id: %1"), workspace.db.workstation_uid)
        )
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.identity.setAccessibleName(self.tr("This workstation's id"))

        self.host = QLineEdit()
        self.host.setAccessibleName(self.tr("Server name or address"))
        self.host.setPlaceholderText(self.tr("for example db.training.local"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setAccessibleName(self.tr("Port"))
        for inner in self.port.findChildren(QLineEdit):  # the spin box's own editor
            inner.setAccessibleName(self.tr("Port"))
        self.dbname = QLineEdit()
        self.dbname.setAccessibleName(self.tr("Database name"))
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.change_password_button = QPushButton(self.tr("Chan&ge password"))
        self.change_password_button.setAccessibleName(self.tr("Type a new password"))
        password_row = QHBoxLayout()
        password_row.setContentsMargins(0, 0, 0, 0)
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.change_password_button)
        password_box = QWidget()
        password_box.setLayout(password_row)
        self.tls = QComboBox()
        self.tls.setAccessibleName(self.tr("Secure connection (TLS)"))
        self.tls.addItem(self.tr("Off (a closed network only)"), "disable")
        self.tls.addItem(self.tr("Required"), "require")
        self.tls.addItem(self.tr("Required, and the server's certificate checked"), "verify-full")
        self.ca_file = QLineEdit()
        self.ca_file.setAccessibleName(self.tr("Certificate authority file"))
        self.ca_file.setPlaceholderText(self.tr("the CA certificate that signed the server's"))
        self.ca_button = QPushButton(self.tr("Choose C&A file…"))
        self.ca_button.setAccessibleName(self.tr("Choose the certificate authority file"))
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_button)
        ca_box = QWidget()
        ca_box.setLayout(ca_row)
        form = labelled_form(
            [
                (self.tr("Se&rver:"), self.host),
                (self.tr("P&ort:"), self.port),
                (self.tr("&Database:"), self.dbname),
                (self.tr("&User:"), self.user),
                (self.tr("Pass&word:"), password_box),
                (self.tr("&TLS:"), self.tls),
                (self.tr("&Certificate authority:"), ca_box),
            ]
        )
        self.test_button = QPushButton(self.tr("T&est connection"))
        self.test_button.setAccessibleName(self.tr("Test the connection to the central database"))
        self.save_button = QPushButton(self.tr("&Join"))
        self.save_button.setAccessibleName(self.tr("Save and join the central database"))
        self.leave_button = QPushButton(self.tr("D&isconnect"))
        self.leave_button.setAccessibleName(self.tr("Disconnect from the central database"))
        buttons = QHBoxLayout()
        for button in (self.test_button, self.save_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Connection test result"))
        # records the central database refused: how many, a list with its reasons, Send again
        self.held = QLabel()
        self.held.setWordWrap(True)
        self.held.setAccessibleName(self.tr("Records held back by the central database"))
        self.held_button = QPushButton(self.tr("Show held-&back records…"))
        self.held_button.setAccessibleName(
            self.tr("List the records the central database refused, and send them again")
        )
        self.held_dialog: HeldRecordsDialog | None = None
        held_row = QHBoxLayout()
        held_row.addWidget(self.held, 1)
        held_row.addWidget(self.held_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addWidget(self.identity)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addLayout(held_row)
        layout.addStretch(1)

        self.tls.currentIndexChanged.connect(self._update_ca)
        self.ca_button.clicked.connect(self._on_choose_ca)
        self.change_password_button.clicked.connect(self._on_change_password)
        self.test_button.clicked.connect(self._on_test)
        self.save_button.clicked.connect(self._on_join)
        self.leave_button.clicked.connect(self._on_leave)
        self.held_button.clicked.connect(self._on_show_held)
        self.load()

    # -- state ----------------------------------------------------------------------
    def load(self) -> None:
        """Show the saved address (never its password)."""
        try:
            self.saved = network.saved(self.workspace)
        except TrainerError as exc:
            self.saved = None
            self.state.setText(error_text(exc))
        else:
            self._show_state()
        c = self.saved
        self.host.setText(c.host if c else "")
        self.port.setValue(c.port if c else DEFAULT_PORT)
        self.dbname.setText(c.dbname if c else "tip")
        self.user.setText(c.user if c else "")
        mode = c.sslmode if c and c.sslmode in TLS_MODES else "require"
        self.tls.setCurrentIndex(TLS_MODES.index(mode))
        self.ca_file.setText(c.sslrootcert or "" if c else "")
        self.password.clear()
        has_password = c is not None and c.password is not None
        # A saved password is never shown again: the field stays empty until changed.
        self.password.setEnabled(not has_password)
        self.password.setPlaceholderText(
            self.tr("saved — choose Change password to type a new one") if has_password else ""
        )
        self.change_password_button.setVisible(has_password)
        self.leave_button.setEnabled(c is not None)
        self._update_ca()
        self.show_held_count()

    def show_held_count(self) -> None:
        """How many records the central database refused (one local query)."""
        from trainer.central.sync import sync_status

        count = sync_status(self.workspace.db).held
        self.held.setText(
            self.tr("%n record(s) held back by the central database", "", count)
            if count
            else self.tr("No record held back by the central database.")
        )
        self.held_button.setEnabled(count > 0)

    def _on_show_held(self) -> None:
        self.show_held()

    def show_held(self) -> HeldRecordsDialog:
        """The list of refused records, with Send again."""
        if self.held_dialog is not None:
            self.held_dialog.close()
            self.held_dialog.deleteLater()
        dialog = HeldRecordsDialog(self.workspace, self)
        dialog.sent_again.connect(self._on_sent_again)
        self.held_dialog = dialog
        dialog.open()
        return dialog

    def _on_sent_again(self, count: int) -> None:
        self.show_held_count()
        self.changed.emit()
        dialogs.show_info(
            self,
            self.tr("Send again"),
            self.tr("%n record(s) will be sent with the next sync.", "", count),
        )

    def _show_state(self) -> None:
        if self.saved is None:
            self.state.setText(self.tr("This workstation is not joined to a central database."))
        else:
            self.state.setText(fmt(self.tr("Joined to %1"), self.saved.display_url()))

    def _update_ca(self) -> None:
        verify = self.tls.currentData() == "verify-full"
        self.ca_file.setEnabled(verify)
        self.ca_button.setEnabled(verify)

    def config(self) -> CentralConfig:
        """The address typed, with the password to use (the saved one unless changed)."""
        password: str | None = self.password.text() or None
        if not self.password.isEnabled() and self.saved is not None:
            password = self.saved.password
        mode = str(self.tls.currentData())
        return CentralConfig(
            host=self.host.text().strip(),
            port=self.port.value(),
            dbname=self.dbname.text().strip(),
            user=self.user.text().strip(),
            sslmode=mode,
            sslrootcert=(self.ca_file.text().strip() or None) if mode == "verify-full" else None,
            password=password,
        )

    # -- events -----------------------------------------------------------------------
    def _on_choose_ca(self) -> None:
        path = choose_ca_file(
            self,
            self.tr("The certificate authority of the central database"),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path is not None:
            self.ca_file.setText(str(path))

    def _on_change_password(self) -> None:
        self.password.setEnabled(True)
        self.password.setPlaceholderText(self.tr("the new password"))
        self.password.setFocus()

    def _checked(self) -> CentralConfig | None:
        from trainer.central.config import check

        try:
            config = check(self.config())
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return None
        if config.sslmode == "verify-full" and not config.sslrootcert:
            self.result.setText(
                self.tr("Choose the certificate authority file that signed the server's.")
            )
            return None
        return config

    def _on_test(self) -> None:
        config = self._checked()
        if config is not None:
            self.test(config)

    def test(self, config: CentralConfig) -> Operation[network.ServerInfo]:
        """Connect off the GUI thread and say what the server answered."""
        self.result.setText(self.tr("Testing the connection…"))

        def job(_task: Task) -> network.ServerInfo:
            return network.describe_server(config)

        def worked(server: network.ServerInfo) -> None:
            text = fmt(
                self.tr("The connection works: PostgreSQL %1, central schema version %2."),
                server.version,
                server.schema,
            )
            self.result.setText(text)
            self.tested.emit(True, text)

        def failed(error: TrainerError) -> None:
            text = fmt(self.tr("The connection failed: %1"), error_text(error))
            self.result.setText(text)
            self.tested.emit(False, text)

        return Operation(
            self,
            job,
            label=self.tr("Connecting to the central database…"),
            success=worked,
            failure=failed,
        ).run()

    def _on_join(self) -> None:
        config = self._checked()
        if config is not None:
            self.join(config)

    def join(self, config: CentralConfig) -> Operation[int]:
        """Check the server takes this workstation (off the GUI thread), then keep the
        address; ``changed`` once joined."""
        ws = self.workspace
        self.result.setText(self.tr("Connecting to the central database…"))

        def job(_task: Task) -> int:
            with worker_workspace(ws) as other:
                return network.join(other, config)

        def joined(station: int) -> None:
            self.load()
            self.result.setText(
                fmt(
                    self.tr(
                        "Joined as station %1. Results are sent in the background; the status "
                        "bar tells when."
                    ),
                    station,
                )
            )
            self.changed.emit()

        def failed(error: TrainerError) -> None:
            self.result.setText(fmt(self.tr("Not joined: %1"), error_text(error)))

        return Operation(
            self,
            job,
            label=self.tr("Connecting to the central database…"),
            success=joined,
            failure=failed,
        ).run()

    def _on_leave(self) -> None:
        if not confirm_leave(
            self,
            self.tr("Disconnect"),
            self.tr(
                "Stop sending results to the central database? Everything recorded here "
                "stays here, and the workstation can join again later."
            ),
        ):
            return
        try:
            network.leave(self.workspace)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self.load()
        self.result.setText(self.tr("Disconnected. Results stay on this workstation."))
        self.changed.emit()
