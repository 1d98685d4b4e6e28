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

from trainer.access import Role

if TYPE_CHECKING:
    from trainer.ui.main_window import MainWindow


@dataclass(frozen=True)
class StaffEntry:
    key: str
    title_source: object  # QT_TRANSLATE_NOOP("Staff", ...): translated when shown
    build: Callable[[MainWindow], QWidget]
    role: Role = Role.TRAINER  # the least role that may open it: trainer or coordinator

    def title(self) -> str:
        return QCoreApplication.translate("Staff", str(self.title_source))


def entries() -> list[StaffEntry]:
    """Every staff screen, in menu order. Titles use QT_TRANSLATE_NOOP("Staff", ...)."""
    found: list[StaffEntry] = []
    # Each feature appends its screens below.
    found.append(
        StaffEntry(
            "bank_library",
            QT_TRANSLATE_NOOP("Staff", "Question bank library"),
            _bank_library,
            role=Role.TRAINER,
        )
    )
    found.append(
        StaffEntry(
            "formats",
            QT_TRANSLATE_NOOP("Staff", "Import/export GIFT and Moodle XML"),
            _formats,
            role=Role.TRAINER,
        )
    )
    found.append(
        StaffEntry(
            "sessions",
            QT_TRANSLATE_NOOP("Staff", "Training sessions"),
            _sessions,
            role=Role.TRAINER,
        )
    )
    found.extend(_certificate_entries())
    found.extend(
        [
            StaffEntry(
                "results", QT_TRANSLATE_NOOP("Staff", "Results"), _results, role=Role.COORDINATOR
            ),
            StaffEntry(
                "item_analysis",
                QT_TRANSLATE_NOOP("Staff", "Item analysis"),
                _item_analysis,
                role=Role.COORDINATOR,
            ),
            StaffEntry(
                "programme_summary",
                QT_TRANSLATE_NOOP("Staff", "Programme summary"),
                _programme_summary,
                role=Role.COORDINATOR,
            ),
            StaffEntry(
                "bundles",
                QT_TRANSLATE_NOOP("Staff", "Workstation bundles"),
                _bundles,
                role=Role.COORDINATOR,
            ),
        ]
    )
    found.extend(_safety_entries())
    return found


def _sessions(window: MainWindow) -> QWidget:
    from trainer.ui.screens.sessions import SessionsScreen

    return SessionsScreen(window.workspace, window.language)


def _formats(window: MainWindow) -> QWidget:
    from trainer.ui.screens.formats import FormatsScreen

    return FormatsScreen(window.workspace, window.language)


def _results(window: MainWindow) -> QWidget:
    from trainer.ui.screens.results import ResultsScreen

    return ResultsScreen(window.workspace, window.language)


def _item_analysis(window: MainWindow) -> QWidget:
    from trainer.ui.screens.item_analysis import ItemAnalysisScreen

    return ItemAnalysisScreen(window.workspace, window.language)


def _programme_summary(window: MainWindow) -> QWidget:
    from trainer.ui.screens.programme_summary import ProgrammeSummaryScreen

    return ProgrammeSummaryScreen(window.workspace, window.language)


def _bundles(window: MainWindow) -> QWidget:
    from trainer.ui.screens.bundles import BundlesScreen

    return BundlesScreen(window.workspace, window.language)


def _bank_library(window: MainWindow) -> QWidget:
    from trainer.ui.screens.bank_library import BankLibraryScreen

    return BankLibraryScreen(window.workspace, window.language)


def _certificate_entries() -> list[StaffEntry]:
    def register(window: MainWindow) -> QWidget:
        from trainer.ui.screens.certificates import CertificatesScreen

        return CertificatesScreen(window.workspace, window.language)

    def verify(window: MainWindow) -> QWidget:
        from trainer.ui.screens.verify import VerifyScreen

        return VerifyScreen(window.workspace, window.language)

    return [
        StaffEntry(
            "certificates",
            str(QT_TRANSLATE_NOOP("Staff", "Certificates")),
            register,
            Role.COORDINATOR,
        ),
        StaffEntry(
            "verify-certificate",
            str(QT_TRANSLATE_NOOP("Staff", "Verify a certificate")),
            verify,
            Role.TRAINER,
        ),
    ]


def _safety_entries() -> list[StaffEntry]:
    """Accounts, audit log and backups: coordinators only."""

    def accounts(window: MainWindow) -> QWidget:
        from trainer.ui.screens.accounts import AccountsScreen

        return AccountsScreen(window.workspace)

    def audit_log(window: MainWindow) -> QWidget:
        from trainer.ui.screens.audit import AuditScreen

        return AuditScreen(window.workspace)

    def network(window: MainWindow) -> QWidget:
        from trainer.ui.screens.network import NetworkScreen

        screen = NetworkScreen(window.workspace)
        screen.changed.connect(window.sync_status.reconfigure)
        return screen

    def backups(window: MainWindow) -> QWidget:
        from trainer.ui.screens.backups import BackupsScreen

        screen = BackupsScreen(window.workspace)
        screen.restored.connect(lambda _name: window.staff_gate.after_restore())
        return screen

    return [
        StaffEntry(
            "accounts",
            str(QT_TRANSLATE_NOOP("Staff", "Staff &accounts")),
            accounts,
            Role.COORDINATOR,
        ),
        StaffEntry(
            "audit", str(QT_TRANSLATE_NOOP("Staff", "A&udit log")), audit_log, Role.COORDINATOR
        ),
        StaffEntry(
            "backups",
            str(QT_TRANSLATE_NOOP("Staff", "&Backups and safety settings")),
            backups,
            Role.COORDINATOR,
        ),
        StaffEntry(
            "network",
            str(QT_TRANSLATE_NOOP("Staff", "&Network (central database)")),
            network,
            Role.COORDINATOR,
        ),
    ]
