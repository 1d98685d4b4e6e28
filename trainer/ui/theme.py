"""Text size (zoom) and the normal or high-contrast look; focus is always visible."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from trainer.paths import assets_dir

ZOOM_STEPS = (100, 125, 150, 175, 200)

_BASE = """
QWidget:focus { outline: none; }
QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus,
QComboBox:focus, QLineEdit:focus, QListWidget:focus, QTableView:focus, QTextBrowser:focus,
QSpinBox:focus, QDateEdit:focus, QTreeView:focus, QPlainTextEdit:focus {
    border: 3px solid %(focus)s; border-radius: 4px;
}
QPushButton { padding: 0.35em 0.9em; }
QLabel#screenTitle { font-size: %(title)spt; font-weight: bold; }
QLabel#timer { font-size: %(large)spt; font-weight: bold; }
QLabel#timer[warning="true"] { color: %(warn)s; }
QLabel#verdictPass { color: %(ok)s; font-size: %(large)spt; font-weight: bold; }
QLabel#verdictFail { color: %(warn)s; font-size: %(large)spt; font-weight: bold; }
QFrame#feedbackRight { border-left: 6px solid %(ok)s; padding-left: 8px; }
QFrame#feedbackWrong { border-left: 6px solid %(warn)s; padding-left: 8px; }
QFrame#feedbackPartial { border-left: 6px solid %(partial)s; padding-left: 8px; }
QCheckBox::indicator, QRadioButton::indicator {
    width: %(box)spx; height: %(box)spx; border: 2px solid %(box_border)s;
    background: %(box_fill)s; border-radius: 3px;
}
QRadioButton::indicator { border-radius: %(round)spx; }
QCheckBox::indicator:checked {
    background: %(box_on)s; border-color: %(box_on)s; image: url("%(tick)s");
}
QRadioButton::indicator:checked {
    background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
        stop: 0 %(box_on)s, stop: 0.5 %(box_on)s, stop: 0.58 %(box_fill)s, stop: 1 %(box_fill)s);
    border-color: %(box_on)s;
}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #9a9a9a; }
"""

# High contrast: plain white borders, since Qt's own bevels vanish on black.
_CONTRAST_EXTRA = """
QPushButton { border: 2px solid #ffffff; border-radius: 4px; }
QPushButton:checked { background: #ffff00; color: #000000; }
QPushButton:disabled, QLabel:disabled, QCheckBox:disabled, QRadioButton:disabled {
    color: #9a9a9a; border-color: #5a5a5a;
}
QComboBox, QLineEdit, QListWidget, QTableView, QTextBrowser, QPlainTextEdit {
    border: 1px solid #ffffff;
}
"""

# Check boxes and radio buttons are drawn by the style sheet so that they grow with the
# text (Qt's own stay 13 pixels at any size) and stand out in both looks.
_NORMAL = {
    "focus": "#1a5fb4",
    "warn": "#a51d2d",
    "ok": "#26734d",
    "partial": "#9c6500",
    "box_border": "#3d3d3d",
    "box_fill": "#ffffff",
    "box_on": "#1a5fb4",
    "tick_file": "check.svg",
}
_CONTRAST = {
    "focus": "#ffff00",
    "warn": "#ff8080",
    "ok": "#7cfc00",
    "partial": "#ffd700",
    "box_border": "#ffffff",
    "box_fill": "#000000",
    "box_on": "#ffff00",
    "tick_file": "check-dark.svg",
}


def _contrast_palette() -> QPalette:
    p = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.AlternateBase,
        QPalette.ColorRole.ToolTipBase,
    ):
        p.setColor(role, black)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
        QPalette.ColorRole.BrightText,
    ):
        p.setColor(role, white)
    p.setColor(QPalette.ColorRole.Highlight, yellow)
    p.setColor(QPalette.ColorRole.HighlightedText, black)
    p.setColor(QPalette.ColorRole.Link, yellow)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0"))
    return p


class Theme:
    """Applies zoom and contrast to the whole application."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.base_point_size = app.font().pointSizeF() or 10.0
        self.default_palette = app.palette()
        self.zoom = 100
        self.high_contrast = False

    def apply(self, zoom: int | None = None, high_contrast: bool | None = None) -> None:
        if zoom is not None:
            self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        if high_contrast is not None:
            self.high_contrast = high_contrast
        font = QFont(self.app.font())
        font.setPointSizeF(self.base_point_size * self.zoom / 100.0)
        self.app.setFont(font)
        self.app.setPalette(_contrast_palette() if self.high_contrast else self.default_palette)
        colours = _CONTRAST if self.high_contrast else _NORMAL
        # Style sheets take no percentages for fonts: sizes are worked out in points.
        size = font.pointSizeF()
        box = max(13, round(QFontMetrics(font).height() * 0.8))
        tick = (assets_dir() / "icons" / colours["tick_file"]).as_posix()
        sheet = _BASE % (
            colours
            | {
                "title": f"{size * 1.5:.1f}",
                "large": f"{size * 1.3:.1f}",
                "box": str(box),
                "round": str(box // 2 + 2),
                "tick": tick,
            }
        )
        if self.high_contrast:
            sheet += _CONTRAST_EXTRA
        self.app.setStyleSheet(sheet)
