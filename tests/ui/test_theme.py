"""The one theme: focus never changes a control's size, both looks and every text size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from trainer.ui import theme
from trainer.workspace import Workspace


@pytest.fixture
def applied(qtbot: QtBot) -> Iterator[theme.Theme]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    t = theme.Theme(app)
    yield t
    # Widgets of earlier tests may wait for deletion: let them go before restyling.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    t.apply(zoom=100, high_contrast=False)


@pytest.mark.parametrize("zoom", [100, 200])
@pytest.mark.parametrize("contrast", [False, True])
def test_the_focus_ring_never_clips_the_text(
    qtbot: QtBot, applied: theme.Theme, zoom: int, contrast: bool
) -> None:
    """The ring replaces padding: a focused control asks for no more room than before, so
    the room it was given still holds its whole text ("True", not "Tru")."""
    applied.apply(zoom=zoom, high_contrast=contrast)
    host = QWidget()
    qtbot.addWidget(host)
    row = QHBoxLayout(host)
    controls = [QCheckBox("True"), QRadioButton("False"), QPushButton("Finish…")]
    for c in controls:
        row.addWidget(c)
    row.addStretch(1)
    host.show()
    qtbot.waitExposed(host)
    for control in controls:
        before = control.sizeHint()
        given = control.size()
        control.setFocus()
        qtbot.waitUntil(control.hasFocus)
        control.style().unpolish(control)
        control.style().polish(control)
        after = control.sizeHint()
        assert after.width() <= given.width(), type(control).__name__
        assert after == before, type(control).__name__


def test_the_style_sheet_comes_from_one_palette_in_each_look(applied: theme.Theme) -> None:
    applied.apply(high_contrast=False)
    assert theme.colours() is theme.NORMAL
    sheet = QApplication.instance().styleSheet()  # type: ignore[union-attr]
    assert theme.NORMAL.accent in sheet and theme.NORMAL.focus in sheet
    applied.apply(high_contrast=True)
    assert theme.colours() is theme.CONTRAST
    sheet = QApplication.instance().styleSheet()  # type: ignore[union-attr]
    assert theme.CONTRAST.focus in sheet and theme.NORMAL.accent not in sheet


def test_home_shows_the_institution_and_a_bounded_emblem(qtbot: QtBot, tmp_path: Path) -> None:
    from trainer.certificates.settings import default_logo
    from trainer.ui.screens import home

    assert home._emblem(default_logo(), 64) is not None
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG" + b"\x00" * (home.MAX_LOGO_BYTES + 1))
    assert home._emblem(huge, 64) is None  # refused before it is read
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg", encoding="utf-8")
    assert home._emblem(broken, 64) is None
    assert home._emblem(tmp_path / "missing.png", 64) is None


def test_home_banner_names_the_institution(qtbot: QtBot, workspace: Workspace) -> None:
    from trainer import admin
    from trainer.ui.main_window import MainWindow
    from trainer.ui.screens.home import HomeScreen

    admin.first_setup(workspace, "École nationale de police", "Coord", "a long enough password")
    window = MainWindow(workspace, language="en")
    qtbot.addWidget(window)
    screen = window.current_screen()
    assert isinstance(screen, HomeScreen)
    assert screen.institution_name.text() == "École nationale de police"
    assert screen.logo.pixmap() is not None and not screen.logo.pixmap().isNull()


def test_the_user_guide_is_offline_in_each_language(qtbot: QtBot) -> None:
    from trainer.ui import guide

    assert "Start the exam" in guide.guide_html("en")
    assert "Commencer l'examen" in guide.guide_html("fr")
    assert guide.guide_html("rn") == guide.guide_html("en")  # no Kirundi guide yet
    dialog = guide.GuideDialog("fr")
    qtbot.addWidget(dialog)
    assert "Apprenants" in dialog.browser.toPlainText()


def test_the_help_menu_opens_the_guide(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.ui import guide
    from trainer.ui.main_window import MainWindow

    opened: list[str] = []
    monkeypatch.setattr(guide, "show_guide", lambda _p, language: opened.append(language))
    window = MainWindow(workspace, language="en")
    qtbot.addWidget(window)
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    entry = next(a for a in help_menu.actions() if a.text() == "&User guide")
    entry.trigger()
    assert opened == ["en"]
