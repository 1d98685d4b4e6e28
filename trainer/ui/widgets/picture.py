"""A bank's picture on screen: scaled to the width available, zoomable by keyboard, and
described to a screen reader by its alt text.

The file was checked when the bank was loaded; it is checked again (bounded read, type
and sides from the header) before Qt decodes it, since it may have changed since. An SVG
is drawn by QSvgRenderer, which runs no script and fetches nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QObject, QSize, Qt, QUrl
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.model import Picture, Question
from trainer.banks.pictures import MAX_PICTURE_BYTES, PictureError, PictureType, inspect
from trainer.files import read_bounded
from trainer.ui import theme
from trainer.ui.i18n import fmt

# The most pixels a picture is drawn with on screen, whatever its own size.
MAX_SHOWN_SIDE = 4000
# An SVG is drawn at twice its size: sharp up to 200 % text, or zoomed to 200 %.
SVG_OVERSAMPLE = 2
# The pixels a picture on the page is decoded with (the full-size view decodes it whole).
INLINE_SIDE = 2400
# Decoded pictures remembered (each at most MAX_SHOWN_SIDE² × 4 bytes; most far smaller).
DECODED_KEPT = 6
_DECODED: OrderedDict[tuple[Path | None, str, str, int | None], tuple[tuple[int, int], QImage]] = (
    OrderedDict()
)
# The pixels a preview decodes a picture with (it is drawn at most 960 wide, at 200 %).
PREVIEW_SIDE = 1200
ZOOM_LEVELS = (25, 50, 75, 100, 150, 200, 300, 400)


def cached_image(picture: Picture, longest: int | None = None) -> QImage | None:
    """``load_image``, remembering the last few pictures decoded: going back and forth
    between questions does not decode the same picture again."""
    key = (picture.path, picture.sha256, picture.file, longest)
    stamp = _stamp(picture.path)
    found = _DECODED.get(key)
    if found is not None and found[0] == stamp:
        _DECODED.move_to_end(key)
        return found[1]
    image = load_image(picture, longest)
    if image is not None and picture.sha256 and stamp is not None:  # a checked file only
        _DECODED[key] = (stamp, image)
        while len(_DECODED) > DECODED_KEPT:
            _DECODED.popitem(last=False)
    return image


def _stamp(path: Path | None) -> tuple[int, int] | None:
    """A file's size and time: a changed file is decoded (and checked) again."""
    try:
        st = path.stat() if path is not None else None
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns) if st is not None else None


def load_image(picture: Picture, longest: int | None = None) -> QImage | None:
    """The picture decoded (its longest side at most ``longest`` pixels, or its own size;
    an SVG is drawn at ``SVG_OVERSAMPLE`` times its size, so it stays sharp when enlarged),
    or None when its file is gone, changed into something else, or cannot be decoded."""
    if picture.path is None:
        return None
    try:
        data = read_bounded(picture.path, MAX_PICTURE_BYTES)
        info = inspect(data, picture.file)
    except (OSError, PictureError):
        return None
    if picture.sha256 and info.sha256 != picture.sha256:
        return None  # not the file the bank was checked with
    width, height = info.width, info.height
    if info.type is PictureType.SVG:
        width, height = width * SVG_OVERSAMPLE, height * SVG_OVERSAMPLE
    side = min(longest or MAX_SHOWN_SIDE, MAX_SHOWN_SIDE)
    if max(width, height) > side:
        ratio = side / max(width, height)
        width, height = max(1, round(width * ratio)), max(1, round(height * ratio))
    if info.type is PictureType.SVG:
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return None
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer, b"png" if info.type is PictureType.PNG else b"jpeg")
    if (width, height) != (info.width, info.height):
        reader.setScaledSize(QSize(width, height))
    image = reader.read()
    return None if image.isNull() else image


def natural_size(picture: Picture, image: QImage | None) -> QSize:
    """The picture's own size in pixels (an SVG's decoded image is larger: oversampled)."""
    if picture.width and picture.height:
        return QSize(picture.width, picture.height)
    return image.size() if image is not None else QSize(0, 0)


def alt_text(picture: Picture, language: str) -> str:
    return picture.alt.get(language)


class PictureView(QWidget):
    """The picture as wide as the page allows (never wider than its own size times the text
    zoom, so it grows with the text at 200 %), and a button that shows it full size."""

    def __init__(self, picture: Picture, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = picture
        self.language = language
        self.alt = alt_text(picture, language)
        self.image = cached_image(picture, INLINE_SIDE)
        self.natural = natural_size(picture, self.image)
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Picture"))
        self.label.setAccessibleDescription(self.alt)
        self.label.setToolTip(self.alt)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.zoom_button = QPushButton(self.tr("View picture full size"))
        self.zoom_button.setAccessibleName(self.tr("View the picture full size"))
        self.zoom_button.setAccessibleDescription(self.alt)
        self.zoom_button.clicked.connect(self.open_zoom)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.label)
        row = QHBoxLayout()
        row.addWidget(self.zoom_button)
        row.addStretch(1)
        box.addLayout(row)
        if self.image is None:
            self.label.setWordWrap(True)
            self.label.setText(fmt(self.tr("[Picture not available: %1]"), self.alt))
            self.zoom_button.setEnabled(False)
            self.zoom_button.hide()
        else:
            self.label.installEventFilter(_ClickToZoom(self))
            self.label.setCursor(Qt.CursorShape.PointingHandCursor)
        self._width = -1
        self._fit(self.width())

    def shown_size(self, available: int) -> QSize:
        """The size the picture is drawn at within ``available`` pixels of width."""
        if self.image is None:
            return QSize(0, 0)
        natural = self.natural
        scale = theme.text_scale()
        width = min(max(1, available), round(natural.width() * scale))
        height = max(1, round(natural.height() * width / natural.width()))
        return QSize(width, height)

    def _fit(self, available: int) -> None:
        if self.image is None or available == self._width or available <= 0:
            return
        self._width = available
        size = self.shown_size(available)
        pixmap = QPixmap.fromImage(
            self.image.scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.label.setPixmap(pixmap)
        self.label.setFixedHeight(pixmap.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed: so does the picture
            self._width = -1
            self._fit(self.width())

    def open_zoom(self) -> None:
        if self.image is not None:
            show_zoom(PictureZoomDialog(self.picture, self.language, self))


def show_zoom(dialog: QDialog) -> None:
    """Show the full-size view (a function tests can replace)."""
    dialog.exec()


class _ClickToZoom(QObject):
    def __init__(self, view: PictureView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            self.view.open_zoom()
            return True
        return False


class PictureZoomDialog(QDialog):
    """The picture at its own size or zoomed, in a scroll area: Ctrl+= and Ctrl+- (or the
    buttons) zoom, Ctrl+0 shows it at its own size, arrows and Page keys scroll."""

    def __init__(self, picture: Picture, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Picture"))
        alt = alt_text(picture, language)
        self.image = cached_image(picture) or QImage()
        self.natural = natural_size(picture, self.image)
        self.zoom = 100
        self.view = QLabel()
        self.view.setAccessibleName(self.tr("Picture"))
        self.view.setAccessibleDescription(alt)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.view)
        self.scroll_area.setAccessibleName(self.tr("Picture, full size"))
        self.scroll_area.setAccessibleDescription(alt)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        caption = QLabel(alt)
        caption.setWordWrap(True)
        caption.setAccessibleName(self.tr("What the picture shows"))
        self.level = QLabel()
        self.level.setAccessibleName(self.tr("Zoom level"))
        self.zoom_in = QPushButton(self.tr("Zoom &in"))
        self.zoom_in.setAccessibleName(self.tr("Zoom in (Ctrl+=)"))
        self.zoom_out = QPushButton(self.tr("Zoom &out"))
        self.zoom_out.setAccessibleName(self.tr("Zoom out (Ctrl+-)"))
        self.actual = QPushButton(self.tr("&Actual size"))
        self.actual.setAccessibleName(self.tr("Actual size (Ctrl+0)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the picture"))
        row = QHBoxLayout()
        for button in (self.zoom_out, self.zoom_in, self.actual):
            row.addWidget(button)
        row.addWidget(self.level)
        row.addStretch(1)
        row.addWidget(buttons)
        box = QVBoxLayout(self)
        box.addWidget(self.scroll_area, 1)
        box.addWidget(caption)
        box.addLayout(row)
        self.zoom_in.clicked.connect(lambda: self.step(+1))
        self.zoom_out.clicked.connect(lambda: self.step(-1))
        self.actual.clicked.connect(lambda: self.set_zoom(100))
        shortcuts: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+=", lambda: self.step(+1)),
            ("Ctrl++", lambda: self.step(+1)),
            ("Ctrl+-", lambda: self.step(-1)),
            ("Ctrl+0", lambda: self.set_zoom(100)),
        ]
        for keys, slot in shortcuts:
            QShortcut(QKeySequence(keys), self, slot)
        self.set_zoom(100)
        self.resize(900, 700)
        self.scroll_area.setFocus(Qt.FocusReason.OtherFocusReason)

    def step(self, direction: int) -> None:
        levels = list(ZOOM_LEVELS)
        index = min(range(len(levels)), key=lambda i: abs(levels[i] - self.zoom))
        self.set_zoom(levels[max(0, min(len(levels) - 1, index + direction))])

    def set_zoom(self, zoom: int) -> None:
        self.zoom = zoom
        if not self.image.isNull():
            size = self.natural * (zoom / 100)
            size = size.boundedTo(QSize(MAX_SHOWN_SIDE, MAX_SHOWN_SIDE) * 2)
            self.view.setPixmap(
                QPixmap.fromImage(
                    self.image.scaled(
                        size,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            )
            self.view.adjustSize()
        self.level.setText(fmt(self.tr("%1 %"), zoom))
        self.zoom_in.setEnabled(zoom < ZOOM_LEVELS[-1])
        self.zoom_out.setEnabled(zoom > ZOOM_LEVELS[0])


def question_pictures(question: Question) -> list[Picture]:
    """Every picture a question shows: its own, its options', its parts'."""
    return [p for q in (question, *question.subquestions()) for p in q.pictures()]


def add_picture_resources(document: QTextDocument, question: Question) -> None:
    """Give a preview's document the decoded pictures its ``<img>`` tags name."""
    from trainer.ui.review import picture_url

    for picture in question_pictures(question):
        image = cached_image(picture, PREVIEW_SIDE)
        if image is not None:
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(picture_url(picture)), image
            )
