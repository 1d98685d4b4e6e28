"""The baseline for start-up: a bare PySide6 window that quits once shown.

It sets up its QApplication as the program does (names, window icon) and has the
program's window size, so the comparison is of what the program adds to Qt."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

ICON = Path(__file__).resolve().parent.parent / "assets" / "icons" / "tip-trainer.svg"

app = QApplication(sys.argv)
app.setApplicationName("TiP Trainer")
app.setApplicationVersion("0")
app.setOrganizationName("TiP Trainer")
app.setDesktopFileName("tip-trainer")
app.setWindowIcon(QIcon(str(ICON)))
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1100, 760)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
