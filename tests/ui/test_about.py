"""Help → About: version, build date and the data folder, by keyboard, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.test_accessibility import unnamed_controls
from trainer import __version__
from trainer.buildinfo import BuildInfo
from trainer.ui import about, i18n
from trainer.ui.about import AboutDialog
from trainer.ui.main_window import MainWindow
from trainer.workspace import Workspace

BUILT = BuildInfo(__version__, datetime(2026, 5, 4, 16, 30, tzinfo=UTC), "0123456789abcdef0123")


@pytest.fixture
def french() -> Iterator[None]:
    assert i18n.install("fr")
    yield
    i18n.install("en")


def _open(qtbot: QtBot, workspace: Workspace, info: BuildInfo | None = None) -> AboutDialog:
    dialog = AboutDialog(workspace, info=info)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_help_about_opens_the_dialog_for_this_data_folder(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Path] = []
    monkeypatch.setattr(about, "show_about", lambda _parent, ws: shown.append(ws.data.root))
    window = MainWindow(workspace, language="en")
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert isinstance(help_menu, QMenu)
    entry = next(a for a in help_menu.actions() if a.text() == "&About TiP Trainer")
    entry.trigger()
    assert shown == [workspace.data.root]


def test_from_the_source_code_it_says_development_version(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = _open(qtbot, workspace, BuildInfo(__version__))
    assert dialog.windowTitle() == "About TiP Trainer"
    assert dialog.version.text() == __version__
    assert dialog.build.text() == "development version (run from the source code)"
    assert dialog.folder.text() == str(workspace.data.root)
    assert "Qt " in dialog.runtime.text() and "Python " in dialog.runtime.text()
    assert unnamed_controls(dialog) == []


def test_a_build_shows_its_date_and_commit(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = _open(qtbot, workspace, BUILT)
    assert dialog.build.text() == "built on Monday, 4 May 2026 (0123456789ab)"


def test_in_french(qtbot: QtBot, workspace: Workspace, french: None) -> None:
    dialog = _open(qtbot, workspace, BUILT)
    assert dialog.windowTitle() == "À propos de TiP Trainer"
    assert dialog.build.text() == "générée le lundi 4 mai 2026 (0123456789ab)"
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Version :", "&Génération :", "&Dossier des données :"} <= labels
    assert dialog.copy_button.text() == "Co&pier"


def test_the_data_folder_is_selectable_and_copied_by_keyboard(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = _open(qtbot, workspace, BUILT)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert dialog.folder.isReadOnly()
    # Alt+D (the label's mnemonic) goes to the path itself; select all and it is the path
    QTest.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.folder)
    QTest.keyClick(dialog.folder, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert dialog.folder.selectedText() == str(workspace.data.root)
    QGuiApplication.clipboard().clear()
    QTest.keyClick(dialog.folder, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    # a mnemonic presses the button visibly: the click comes a moment later
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == str(workspace.data.root))
    # the build line can be selected with the keyboard too
    flags = dialog.build.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert dialog.build.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_escape_closes(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = _open(qtbot, workspace, BUILT)
    with qtbot.waitSignal(dialog.rejected):
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
