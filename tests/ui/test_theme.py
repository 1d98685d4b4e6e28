"""The one theme: focus never changes a control's size, both looks and every text size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from trainer.ui import theme


@pytest.fixture
def applied(qtbot: QtBot) -> Iterator[theme.Theme]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    t = theme.Theme(app)
    yield t
    t.apply(zoom=100, high_contrast=False)
    app.setStyleSheet("")


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
