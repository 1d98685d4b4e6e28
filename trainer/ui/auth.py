"""The staff gate: sign-in before a staff screen, role checks, sign-out and inactivity logout."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu, QWidget

from trainer import admin
from trainer.access import Role
from trainer.errors import AccessDeniedError
from trainer.ui import dialogs
from trainer.ui.i18n import fmt

if TYPE_CHECKING:
    from trainer.ui.main_window import MainWindow
    from trainer.workspace import Workspace

STAFF_PROPERTY = "staffScreen"
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class StaffGate(QObject):
    """Lets a signed-in trainer or coordinator into staff screens, and signs them out.

    Staff are signed out when they choose Sign out, when they leave the staff area
    (a trainee screen is shown), and after a period without keyboard or mouse use.
    """

    signed_in = Signal(str)  # account name
    signed_out = Signal(str)  # reason

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_idle_timeout)
        self._last_restart = 0.0
        self._watching = False
        self._fullscreen_for_exam = False
        self._restore_maximized = False
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(lambda: self.sign_out("signed out"))
        self.status = QLabel()
        self.status.setAccessibleName(
            QCoreApplication.translate("StaffGate", "Staff sign-in status")
        )
        window.statusBar().addPermanentWidget(self.status)
        self._refresh_status()

    @property
    def workspace(self) -> Workspace:
        return self.window.workspace

    # -- the hooks the main window calls -----------------------------------------------
    def add_menu_actions(self, menu: QMenu) -> None:
        menu.addSeparator()
        self.sign_out_action.setText(QCoreApplication.translate("StaffGate", "Sign &out"))
        menu.addAction(self.sign_out_action)
        self._refresh_status()

    def admit(self, least_role: Role) -> bool:
        """True if a staff member holding ``least_role`` is (now) signed in."""
        from trainer.ui import dialogs_auth  # loaded when staff first need it

        ws = self.workspace
        if ws.staff is not None and ws.staff.expired():
            self.sign_out("inactivity")
        if ws.staff is None:
            if admin.needs_setup(ws):
                # the first coordinator is signed in once the account exists
                if not dialogs_auth.run_setup(self.window, ws, sign_in=True):
                    return False
            elif not dialogs_auth.ask_sign_in(self.window, ws):
                return False
            if ws.staff is None:
                return False
            self._started()
        if not ws.staff.role.at_least(least_role):
            needed = (
                QCoreApplication.translate("StaffGate", "a coordinator account")
                if least_role is Role.COORDINATOR
                else QCoreApplication.translate("StaffGate", "a trainer account")
            )
            dialogs.show_error(
                self.window,
                AccessDeniedError(
                    fmt(
                        QCoreApplication.translate(
                            "StaffGate",
                            "This needs %1. Sign out, then sign in with such an account.",
                        ),
                        needed,
                    )
                ),
            )
            return False
        ws.staff.touch()
        self._restart_timer()
        return True

    def mark(self, screen: QWidget) -> QWidget:
        """Label a widget as a staff screen (showing anything else signs staff out)."""
        screen.setProperty(STAFF_PROPERTY, True)
        return screen

    def screen_shown(self, screen: QWidget) -> None:
        if self.workspace.staff is not None and not screen.property(STAFF_PROPERTY):
            self.sign_out("left the staff area")
        self._fit_exam(screen)

    def _fit_exam(self, screen: QWidget) -> None:
        """An exam fills the screen when a coordinator chose so; the window comes back after."""
        exam = getattr(screen, "exam", None) is True and hasattr(screen, "session")
        if exam and admin.exam_fullscreen(self.workspace):
            if not self.window.isFullScreen():
                self._restore_maximized = self.window.isMaximized()
                self._fullscreen_for_exam = True
                self.window.showFullScreen()
        elif self._fullscreen_for_exam:
            self._fullscreen_for_exam = False
            if self._restore_maximized:
                self.window.showMaximized()
            else:
                self.window.showNormal()

    def sign_out(self, reason: str = "") -> None:
        """Sign staff out and close what they had open: a staff screen (results with
        names and scores) never stays on the screen for whoever comes next."""
        was = self.workspace.staff
        if was is None:
            return
        admin.sign_out(self.workspace, reason=reason)
        self._stop_watching()
        self._refresh_status()
        self._close_staff_dialogs()
        screen = self.window.current_screen()
        if screen is not None and screen.property(STAFF_PROPERTY):
            self.window.show_home()
        self.signed_out.emit(reason)

    def _close_staff_dialogs(self) -> None:
        """Dialogs a staff screen left open (inactivity signs out behind them)."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and self._owns(widget):
                widget.reject()

    def _owns(self, dialog: QWidget) -> bool:
        parent = dialog.parentWidget()
        while parent is not None:
            if parent is self.window:
                return True
            parent = parent.parentWidget()
        return False

    # -- inactivity ------------------------------------------------------------------------
    def _started(self) -> None:
        staff = self.workspace.staff
        assert staff is not None
        self._refresh_status()
        self.signed_in.emit(staff.name)
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def _stop_watching(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    def _restart_timer(self) -> None:
        staff = self.workspace.staff
        if staff is None or staff.timeout <= 0:
            return
        self.timer.start(int(staff.timeout * 1000))
        self._last_restart = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            staff = self.workspace.staff
            # mouse moves come by the hundred: restarting once a second is plenty
            if staff is not None and time.monotonic() - self._last_restart >= 1.0:
                staff.touch()
                self._restart_timer()
        return False

    def _on_idle_timeout(self) -> None:
        if self.workspace.staff is None:
            return
        self.sign_out("inactivity")
        self.window.show_home()  # (a trainee's screen too: whoever comes next starts afresh)
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "StaffGate", "Staff signed out after a period of inactivity."
            ),
            15000,
        )

    def after_restore(self) -> None:
        """The database was replaced: accounts may differ, so start again from sign-in."""
        self.sign_out("database restored")
        self.window.show_home()
        dialogs.show_info(
            self.window,
            QCoreApplication.translate("StaffGate", "Backup restored"),
            QCoreApplication.translate(
                "StaffGate", "The backup was restored. Sign in again to continue staff work."
            ),
        )

    def may_open(self, least_role: Role) -> bool:
        """Whether a menu entry for ``least_role`` can be used now: with nobody signed in
        every entry can (it asks for a sign-in); a signed-in trainer cannot use a
        coordinator's."""
        staff = self.workspace.staff
        return staff is None or staff.role.at_least(least_role)

    def _refresh_status(self) -> None:
        staff = self.workspace.staff
        if staff is None:
            self.status.setText("")
            self.status.setVisible(False)
        else:
            role = (
                QCoreApplication.translate("StaffGate", "coordinator")
                if staff.role is Role.COORDINATOR
                else QCoreApplication.translate("StaffGate", "trainer")
            )
            self.status.setText(
                fmt(QCoreApplication.translate("StaffGate", "Signed in: %1 (%2)"), staff.name, role)
            )
            self.status.setVisible(True)
        self.sign_out_action.setEnabled(staff is not None)
