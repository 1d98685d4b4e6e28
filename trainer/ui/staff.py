"""The staff area: screens for trainers and coordinators, listed in the Staff menu.

Each feature adds one ``StaffEntry`` to ``entries()``; the main window builds the
menu from this list, so features do not need to touch the window itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from trainer.ui.main_window import MainWindow


@dataclass(frozen=True)
class StaffEntry:
    key: str
    title_source: str  # untranslated; translated in the "Staff" context when shown
    build: Callable[[MainWindow], QWidget]
    role: str = "trainer"  # the least role that may open it: trainer or coordinator

    def title(self) -> str:
        return QCoreApplication.translate("Staff", self.title_source)


def entries() -> list[StaffEntry]:
    """Every staff screen, in menu order. Titles use QT_TRANSLATE_NOOP("Staff", ...)."""
    found: list[StaffEntry] = []
    # Each feature appends its screens below.
    found += _safety_entries()
    return found


def _safety_entries() -> list[StaffEntry]:
    """Accounts, audit log and backups: coordinators only."""

    def accounts(window: MainWindow) -> QWidget:
        from trainer.ui.screens.accounts import AccountsScreen

        return AccountsScreen(window.workspace)

    def audit_log(window: MainWindow) -> QWidget:
        from trainer.ui.screens.audit import AuditScreen

        return AuditScreen(window.workspace)

    def backups(window: MainWindow) -> QWidget:
        from trainer.ui.screens.backups import BackupsScreen

        screen = BackupsScreen(window.workspace)
        screen.restored.connect(lambda _name: window.staff_gate.after_restore())
        return screen

    return [
        StaffEntry(
            "accounts", str(QT_TRANSLATE_NOOP("Staff", "Staff &accounts")), accounts, "coordinator"
        ),
        StaffEntry(
            "audit", str(QT_TRANSLATE_NOOP("Staff", "A&udit log")), audit_log, "coordinator"
        ),
        StaffEntry(
            "backups",
            str(QT_TRANSLATE_NOOP("Staff", "&Backups and safety settings")),
            backups,
            "coordinator",
        ),
    ]
