"""Simple bar charts drawn with QPainter: on screen, and as images for PDF reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from trainer.ui.numbers import number

# Colour-blind-safe pair (Okabe–Ito blue and orange); bars also differ by position and legend.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


class BarChartWidget(QWidget):
    """Grouped vertical bars with category labels, value labels and a legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_data(self, title: str, categories: Sequence[str], series: Sequence[Series]) -> None:
        self.title = title
        self.categories = list(categories)
        self.series = list(series)
        # Screen readers get the figures as text.
        parts = [title]
        for i, cat in enumerate(self.categories):
            values = ", ".join(f"{s.name} {number(s.values[i])}" for s in self.series)
            parts.append(f"{cat}: {values}")
        self.setAccessibleDescription("; ".join(parts))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.draw(
                painter, QRectF(self.rect()), self.palette().color(QPalette.ColorRole.WindowText)
            )
        finally:
            painter.end()

    def render_image(self, width: int = 1200, height: int = 500) -> QImage:
        """The chart on white, for printing."""
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            font = QFont(self.font())
            font.setPointSizeF(max(9.0, height / 40))
            painter.setFont(font)
            self.draw(painter, QRectF(0, 0, width, height), QColor("black"))
        finally:
            painter.end()
        return image

    def draw(self, painter: QPainter, area: QRectF, ink: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(painter.font())
        line = metrics.height()
        painter.setPen(ink)
        top = area.top() + 4
        if self.title:
            painter.drawText(
                QRectF(area.left(), top, area.width(), line),
                Qt.AlignmentFlag.AlignCenter,
                self.title,
            )
            top += line + 4
        if not self.categories or not self.series:
            return
        # legend
        x = area.left() + 8
        for i, s in enumerate(self.series):
            painter.fillRect(QRectF(x, top + 2, line - 4, line - 4), QColor(SERIES_COLOURS[i % 4]))
            painter.drawText(QRectF(x + line, top, 400, line), Qt.AlignmentFlag.AlignLeft, s.name)
            x += line + metrics.horizontalAdvance(s.name) + 2 * line
        top += line + 6 + line / 2
        bottom = area.bottom() - 2 * line - 6
        left = area.left() + metrics.horizontalAdvance("00000") + 8
        right = area.right() - 8
        if bottom - top < 20:
            return
        highest = max((v for s in self.series for v in s.values), default=0.0) or 1.0
        painter.drawLine(int(left), int(bottom), int(right), int(bottom))
        painter.drawText(
            QRectF(area.left(), top - line / 2, left - area.left() - 4, line),
            Qt.AlignmentFlag.AlignRight,
            number(highest),
        )
        painter.drawText(
            QRectF(area.left(), bottom - line / 2, left - area.left() - 4, line),
            Qt.AlignmentFlag.AlignRight,
            "0",
        )
        group = (right - left) / len(self.categories)
        bar = max(2.0, group * 0.8 / len(self.series))
        for c, category in enumerate(self.categories):
            gx = left + c * group + group * 0.1
            for i, s in enumerate(self.series):
                value = s.values[c]
                h = (bottom - top) * value / highest
                rect = QRectF(gx + i * bar, bottom - h, bar - 1, h)
                painter.fillRect(rect, QColor(SERIES_COLOURS[i % 4]))
                if value and bar >= metrics.horizontalAdvance(number(value)):
                    painter.drawText(
                        QRectF(rect.left(), rect.top() - line, bar, line),
                        Qt.AlignmentFlag.AlignCenter,
                        number(value),
                    )
            label = metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(group))
            painter.drawText(
                QRectF(left + c * group, bottom + 4, group, 2 * line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
