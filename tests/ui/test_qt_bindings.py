"""Guard against Qt bindings that leak or drop references: they crash a long session."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    """PySide6 6.12.0 drops a reference to None on every call that returns nothing; on
    Python 3.11 the interpreter then aborts ("none_dealloc") after some thousands of calls,
    e.g. a timer label updated every second through an exam. constraints.txt pins a
    version without the fault; this test fails if an upgrade brings it back."""
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        painter.drawRect(0, 0, 1, 1)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 100, f"None lost {before - after} references in 4000 calls"
