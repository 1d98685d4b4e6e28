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
    title_source: object  # QT_TRANSLATE_NOOP("Staff", ...): translated when shown
    build: Callable[[MainWindow], QWidget]
    role: str = "trainer"  # the least role that may open it: trainer or coordinator

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
            role="trainer",
        )
    )
    return found


def _bank_library(window: MainWindow) -> QWidget:
    from trainer.ui.screens.bank_library import BankLibraryScreen

    return BankLibraryScreen(window.workspace, window.language)
