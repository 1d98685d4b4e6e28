"""The one visual theme: palette, spacing scale and type scale, turned into the application's
style sheet; text size (zoom) and the normal or high-contrast look. Focus is always visible.

Screens never write colours or sizes of their own: they name a role (an object name such
as ``screenTitle``, ``card``, ``muted``, or the ``primary`` property on a button) and this
module says what the role looks like, in both looks and at every text size.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from trainer.paths import assets_dir

ZOOM_STEPS = (100, 125, 150, 175, 200)

# Spacing scale, in em (so every gap grows with the text at 125 … 200 %).
SPACE = {"xs": 0.25, "s": 0.5, "m": 0.75, "l": 1.0, "xl": 1.5, "xxl": 2.0}
# Type scale: sizes relative to the body text.
TYPE = {"small": 0.9, "body": 1.0, "large": 1.25, "title": 1.6, "display": 2.0}


@dataclass(frozen=True)
class Colours:
    """One look. Every colour the interface uses is here, nowhere else."""

    window: str  # the background of screens
    surface: str  # cards, inputs, tables
    text: str
    muted: str  # secondary text (still 4.5:1 on window and surface)
    border: str
    accent: str  # the institution's colour: primary buttons, headers, progress
    accent_text: str  # text on the accent colour
    accent_soft: str  # selection and hover backgrounds
    focus: str  # the focus ring (3:1 against window and surface)
    ok: str
    warn: str
    partial: str
    ok_soft: str  # background of a right answer in feedback
    warn_soft: str  # background of a wrong answer in feedback
    box_border: str
    box_fill: str
    box_on: str
    highlight_line: str  # the offending line in a bank's problems
    tick_file: str


NORMAL = Colours(
    window="#f3f5f8",
    surface="#ffffff",
    text="#1b1f24",
    muted="#4f5966",
    border="#b8c2ce",
    accent="#1f3a5f",
    accent_text="#ffffff",
    accent_soft="#dce7f5",
    focus="#1a5fb4",
    ok="#1e6b45",
    warn="#a51d2d",
    partial="#8a5a00",
    ok_soft="#e3f4ea",
    warn_soft="#fbe5e7",
    box_border="#3d3d3d",
    box_fill="#ffffff",
    box_on="#1a5fb4",
    highlight_line="#fff2a8",
    tick_file="check.svg",
)
CONTRAST = Colours(
    window="#000000",
    surface="#000000",
    text="#ffffff",
    muted="#ffffff",
    border="#ffffff",
    accent="#ffff00",
    accent_text="#000000",
    accent_soft="#333300",
    focus="#ffff00",
    ok="#7cfc00",
    warn="#ff8080",
    partial="#ffd700",
    ok_soft="#000000",
    warn_soft="#000000",
    box_border="#ffffff",
    box_fill="#000000",
    box_on="#ffff00",
    highlight_line="#ffff00",
    tick_file="check-dark.svg",
)

# Borders keep one width whatever the state: a focused control shows a thicker ring by
# giving up padding, so it never grows and never clips its own text ("Tru").
_BASE = """
QWidget:focus { outline: none; }
QLabel#screenTitle { font-size: %(title)spt; font-weight: bold; color: %(accent_or_text)s; }
QLabel#subtitle, QLabel#muted { color: %(muted)s; }
QLabel#sectionTitle { font-size: %(large)spt; font-weight: bold; }
QLabel#timer { font-size: %(large)spt; font-weight: bold; }
QLabel#timer[warning="true"] { color: %(warn)s; }
QLabel#verdictPass { color: %(ok)s; font-size: %(large)spt; font-weight: bold; }
QLabel#verdictFail { color: %(warn)s; font-size: %(large)spt; font-weight: bold; }
QLabel#fieldProblem, QLabel#formError, QLabel#warning { color: %(warn)s; }
QFrame#feedbackRight { border-left: 6px solid %(ok)s; padding-left: %(s)sem; }
QFrame#feedbackWrong { border-left: 6px solid %(warn)s; padding-left: %(s)sem; }
QFrame#feedbackPartial { border-left: 6px solid %(partial)s; padding-left: %(s)sem; }
QFrame#banner {
    background: %(accent)s; border-radius: 6px; padding: %(s)sem %(l)sem;
}
QFrame#banner QLabel { color: %(accent_text)s; background: transparent; }
QLabel#bannerTitle { font-size: %(title)spt; font-weight: bold; }
QFrame#card {
    background: %(surface)s; border: 1px solid %(border)s; border-radius: 8px;
}
QFrame#card QLabel { background: transparent; }
QFrame#card[status="passed"] { border-left: 6px solid %(ok)s; }
QFrame#card[status="started"] { border-left: 6px solid %(partial)s; }
QFrame#card[status="new"] { border-left: 6px solid %(border)s; }
QFrame#card[status="failed"] { border-left: 6px solid %(warn)s; }
QFrame#card[status="failed"] QProgressBar::chunk { background: %(warn)s; }
QFrame#card:focus, QFrame#card[selected="true"] { border: 3px solid %(focus)s; }
QFrame#tourSpot {
    border: 4px solid %(focus)s; border-radius: 6px; background: transparent;
}
QProgressBar {
    border: 1px solid %(border)s; border-radius: 4px; background: %(surface)s;
    text-align: center; color: %(text)s; min-height: 1em;
}
QProgressBar::chunk { background: %(ok)s; border-radius: 3px; }
QPushButton, QToolButton {
    background: %(surface)s; color: %(text)s;
    border: 1px solid %(border)s; border-radius: 5px;
    padding: calc_pad; min-height: 1.2em;
}
QPushButton:hover, QToolButton:hover { background: %(accent_soft)s; }
QPushButton:pressed, QPushButton:checked, QToolButton:checked {
    background: %(accent_soft)s; border-color: %(accent)s;
}
QPushButton[primary="true"] {
    background: %(accent)s; color: %(accent_text)s; border-color: %(accent)s; font-weight: bold;
}
QPushButton:disabled, QToolButton:disabled { color: %(muted)s; border-color: %(border)s; }
QPushButton[primary="true"]:disabled { background: %(border)s; color: %(text)s; }
QPushButton:focus, QToolButton:focus {
    border: 3px solid %(focus)s; padding: calc_pad_focus;
}
QCheckBox, QRadioButton { border: 1px solid transparent; border-radius: 4px; padding: 2px; }
QCheckBox:focus, QRadioButton:focus { border: 3px solid %(focus)s; padding: 0px; }
QComboBox:focus, QLineEdit:focus, QListWidget:focus, QTableView:focus, QTextBrowser:focus,
QSpinBox:focus, QDateEdit:focus, QTreeView:focus, QPlainTextEdit:focus, QListView:focus {
    border: 3px solid %(focus)s; border-radius: 4px;
}
QTableView, QListWidget, QTreeView {
    background: %(surface)s; alternate-background-color: %(window)s;
    selection-background-color: %(accent_soft)s; selection-color: %(text)s;
    gridline-color: %(border)s;
}
QHeaderView::section {
    background: %(accent)s; color: %(accent_text)s; font-weight: bold;
    padding: %(xs)sem %(s)sem; border: none; border-right: 1px solid %(border)s;
}
QTabBar::tab { padding: %(xs)sem %(l)sem; }
QTabBar::tab:selected { font-weight: bold; }
QTabBar::tab:focus { border: 3px solid %(focus)s; }
QGroupBox { font-weight: bold; }
QGroupBox QLabel, QGroupBox QPushButton, QGroupBox QLineEdit, QGroupBox QComboBox,
QGroupBox QListWidget { font-weight: normal; }
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
QPushButton, QToolButton { border-color: #ffffff; }
QPushButton:checked { background: #ffff00; color: #000000; }
QPushButton:disabled, QLabel:disabled, QCheckBox:disabled, QRadioButton:disabled {
    color: #9a9a9a; border-color: #5a5a5a;
}
QComboBox, QLineEdit, QListWidget, QTableView, QTextBrowser, QPlainTextEdit {
    border: 1px solid #ffffff;
}
QHeaderView::section { border: 1px solid #000000; }
QFrame#card { border: 2px solid #ffffff; }
"""


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


def _normal_palette(base: QPalette) -> QPalette:
    p = QPalette(base)
    c = NORMAL
    p.setColor(QPalette.ColorRole.Window, QColor(c.window))
    p.setColor(QPalette.ColorRole.Base, QColor(c.surface))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor(c.window))
    p.setColor(QPalette.ColorRole.WindowText, QColor(c.text))
    p.setColor(QPalette.ColorRole.Text, QColor(c.text))
    p.setColor(QPalette.ColorRole.Highlight, QColor(c.accent))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(c.accent_text))
    p.setColor(QPalette.ColorRole.Link, QColor(c.focus))
    return p


_current = NORMAL
_zoom = 100  # the text size in use, in percent


def colours() -> Colours:
    """The look in use (for HTML the style sheet cannot reach, such as feedback)."""
    return _current


def style_sheet(colours: Colours, font: QFont) -> str:
    """The whole application's style sheet for a look and a body font."""
    size = font.pointSizeF()
    box = max(13, round(QFontMetrics(font).height() * 0.8))
    tick = (assets_dir() / "icons" / colours.tick_file).as_posix()
    values = asdict(colours) | {
        "accent_or_text": colours.text if colours is CONTRAST else colours.accent,
        "title": f"{size * TYPE['title']:.1f}",
        "large": f"{size * TYPE['large']:.1f}",
        "box": str(box),
        "round": str(box // 2 + 2),
        "tick": tick,
    }
    values |= {name: f"{em:g}" for name, em in SPACE.items()}
    sheet = _BASE % values
    # A focused button trades 2 px of padding for 2 px of ring: the same outer size.
    em = QFontMetrics(font).height()
    pad_v, pad_h = round(em * SPACE["xs"]) + 2, round(em * SPACE["m"]) + 2
    sheet = sheet.replace("calc_pad_focus", f"{pad_v - 2}px {pad_h - 2}px")
    sheet = sheet.replace("calc_pad", f"{pad_v}px {pad_h}px")
    if colours is CONTRAST:
        sheet += _CONTRAST_EXTRA
    return sheet


def text_scale() -> float:
    """The text size in use, as a factor of the normal size (1.0 … 2.0): pictures grow with it."""
    return _zoom / 100.0


class Theme:
    """Applies zoom and contrast to the whole application."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.base_point_size = app.font().pointSizeF() or 10.0
        self.default_palette = app.palette()
        self.zoom = 100
        self.high_contrast = False

    def apply(self, zoom: int | None = None, high_contrast: bool | None = None) -> None:
        global _current, _zoom
        if zoom is not None:
            self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
            _zoom = self.zoom
        if high_contrast is not None:
            self.high_contrast = high_contrast
        font = QFont(self.app.font())
        font.setPointSizeF(self.base_point_size * self.zoom / 100.0)
        self.app.setFont(font)
        _current = CONTRAST if self.high_contrast else NORMAL
        self.app.setPalette(
            _contrast_palette() if self.high_contrast else _normal_palette(self.default_palette)
        )
        # Style sheets take no percentages for fonts: sizes are worked out in points.
        self.app.setStyleSheet(style_sheet(_current, font))
