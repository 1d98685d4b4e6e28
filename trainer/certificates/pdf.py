"""Certificate pages with QPdfWriter: A4 landscape, embedded font, vector QR, metadata.

The only module outside ``trainer/ui`` that uses Qt: QPdfWriter is the real tool
for the page. Everything the page says comes from ``PageContent``, built from the
register by ``page_content``; the words are the certificate's own
(``document.WORDING``), in the language asked for, not the interface's.
"""

from __future__ import annotations

import functools
import html
import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

from trainer import __version__
from trainer.certificates import document
from trainer.certificates.settings import default_logo
from trainer.errors import CertificateError
from trainer.files import read_bounded, replace_atomically
from trainer.paths import assets_dir

if TYPE_CHECKING:
    from trainer.certificates.settings import CertificateSettings
    from trainer.storage.certificates import CertificateRecord

RESOLUTION = 600  # device units per inch
QR_BOX = (236.0, 124.0, 40.0)  # x, y, size of the QR code on the page, in millimetres
STAMP_BOX = (199.0, 145.0, 30.0)  # x, y, diameter of the stamp area, in millimetres
SIGNATURES_WIDTH = 176.0  # millimetres from the left margin to the stamp area
MAX_LOGO = 2 * 1024 * 1024  # bytes read of a logo (as the settings allow)
MAX_SIGNATURE = 1024 * 1024  # bytes read of a scanned signature
MAX_PIXELS = 40_000_000  # a picture larger than this is not decoded
NAVY = QColor("#1f3a5f")
GOLD = QColor("#b8862b")
GREY = QColor("#555555")
# One face only: Qt rebuilds every glyph of each embedded face, about 4 ms a page a face.
FONT_FILE = "DejaVuSerif.ttf"

_lock = threading.Lock()
_family: str | None = None
_app: QGuiApplication | None = None


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def ensure_application() -> None:
    """QPdfWriter needs a QGuiApplication (the font database); make one for the CLI."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv else "tip-trainer"])


def font_family() -> str:
    """The family of the font shipped in assets/fonts (loaded once)."""
    global _family
    with _lock:
        if _family is None:
            ensure_application()
            path = fonts_dir() / FONT_FILE
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                raise CertificateError("the certificate font is missing", where=str(path))
            names = QFontDatabase.applicationFontFamilies(font_id)
            _family = names[0] if names else "DejaVu Serif"
        return _family


@functools.lru_cache(maxsize=32)
def _font(family: str, points: float) -> QFont:
    """The one face in a size. Callers copy it before changing it."""
    font = QFont(family)
    font.setPointSizeF(points)
    # Ligatures off: "fi" must extract from the PDF as two letters.
    font.setFeature(QFont.Tag("liga"), 0)
    font.setFeature(QFont.Tag("clig"), 0)
    font.setKerning(True)
    return font


@dataclass(frozen=True)
class PageContent:
    language: str
    institution: str
    logo: Path
    title: str
    certifies: str
    name: str
    of_line: str
    passed_line: str
    subjects: tuple[str, ...]
    subtitle: str  # for a programme: its modules
    facts: tuple[tuple[str, str], ...]  # (label, value)
    signatories: tuple[tuple[str, str], ...]  # (name, title)
    number_label: str
    number: str
    code_label: str
    code: str  # the signed code, bare (no prefix, no groups)
    verify: str
    subject: str
    # One scanned signature (or None) per signatory, drawn above the signing line.
    signatures: tuple[Path | None, ...] = ()
    stamp: str = ""  # the word in the stamp area ("" draws none)


def service_line(institution: str, function: str, language: str) -> str:
    """The trainee's own service as their profile gives it: institution, then function."""
    parts = [document.service_label(institution, language), " ".join(function.split())]
    return "\n".join(p for p in parts if p) or "—"


def page_content(
    record: CertificateRecord,
    settings: CertificateSettings,
    language: str,
    function: str = "",
) -> PageContent:
    """Everything a page says, from a register record and the certificate settings;
    ``function`` is the trainee's function or rank from their profile (may be empty)."""
    lang = language if language in document.LANGUAGES else "en"
    w = document.wording(lang)
    titles = tuple(m.title_in(lang) for m in record.modules)
    subjects: tuple[str, ...]
    score_label, subject = w["score"], w["subject"]
    if record.kind == document.CertificateKind.PROGRAMME:
        title, passed = w["title_programme"], w["completed_programme"]
        subjects, subtitle = (record.programme_name or "",), " · ".join(titles)
    elif record.kind == document.CertificateKind.ATTENDANCE:
        title, passed = w["title_attendance"], w["attended_session"]
        subjects, subtitle = (record.programme_name or "",), " · ".join(titles)
        score_label, subject = w["attendance"], w["subject_attendance"]
    else:
        title = w["title_module"]
        passed = w["passed_module"] if len(titles) == 1 else w["passed_modules"]
        subjects, subtitle = titles, ""
    institution = document.institution_label(record.institution, lang)
    facts = (
        (w["service"], service_line(record.institution, function, lang)),
        (score_label, document.format_score(record.score, lang)),
        (w["date"], document.format_date(record.certified_on, lang)),
        (w["hours"], document.format_hours(record.training_hours, lang)),
    )
    logo = settings.logo if settings.logo and settings.logo.is_file() else default_logo()
    return PageContent(
        language=lang,
        institution=record.issuer_name,
        logo=logo,
        title=title,
        certifies=w["certifies"],
        name=record.trainee_name,
        of_line=institution,
        passed_line=passed,
        subjects=subjects,
        subtitle=subtitle,
        facts=facts,
        signatories=tuple((s.name, s.title) for s in settings.signatories),
        number_label=w["number"],
        number=record.number,
        code_label=w["code"],
        code=record.code,
        verify=w["verify"],
        subject=subject,
        signatures=tuple(s.signature for s in settings.signatories),
        stamp=w["stamp"],
    )


# A fixed mask pattern (ISO/IEC 18004 allows any of the eight; readers take it from the
# format information): scoring all eight costs more than the rest of the code.
QR_MASK = 4
_DARK_RUN = re.compile(b"\x00+")


@functools.lru_cache(maxsize=64)
def qr_modules(text: str) -> tuple[bytes, int]:
    """The QR code of ``text`` (error correction M) as ``size * size`` bytes, row after
    row, 0 for a dark module, without the quiet zone; and ``size``."""
    import zxingcpp  # its library loads on the first certificate, not at start-up

    symbol = zxingcpp.create_barcode(
        text, zxingcpp.BarcodeFormat.QRCode, ec_level="M", data_mask=QR_MASK
    )
    image = symbol.to_image(scale=1, add_quiet_zones=False)
    size = int(image.shape[0])
    # the stub does not declare the buffer protocol the object has
    return bytes(memoryview(image)), size  # type: ignore[arg-type]


def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules (dark = True), without the quiet zone."""
    data, n = qr_modules(text)
    return tuple(tuple(v == 0 for v in data[y * n : (y + 1) * n]) for y in range(n))


def qr_runs(data: bytes, size: int) -> list[tuple[int, int, int]]:
    """Runs of dark modules: (x, y, length) in modules, row after row."""
    runs = []
    for y in range(size):
        base = y * size
        for m in _DARK_RUN.finditer(data, base, base + size):
            runs.append((m.start() - base, y, m.end() - m.start()))
    return runs


def xmp_metadata(content: PageContent) -> bytes:
    # html.escape without quotes is xml.sax.saxutils.escape, whose import pulls in urllib.
    title = html.escape(f"{content.title} — {content.name} — {content.number}", quote=False)
    author = html.escape(content.institution, quote=False)
    subject = html.escape(content.subject, quote=False)
    code = document.qr_text(content.code)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>\n'
        f"<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt>'
        "</dc:description>\n"
        f"<dc:language><rdf:Bag><rdf:li>{content.language}</rdf:li></rdf:Bag></dc:language>\n"
        f"<pdf:Keywords>{code}</pdf:Keywords>\n"
        f"<xmp:CreatorTool>TiP Trainer {__version__}</xmp:CreatorTool>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


class _Page:
    """Millimetre helpers over a painter on the PDF device."""

    def __init__(self, painter: QPainter) -> None:
        self.p = painter
        self.k = RESOLUTION / 25.4

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(x * self.k, y * self.k, w * self.k, h * self.k)

    def text(
        self,
        rect: QRectF,
        text: str,
        font: QFont,
        *,
        color: QColor = NAVY,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        min_points: float | None = None,
    ) -> None:
        """Draw wrapped text, shrinking the font until it fits the box."""
        if not text:
            return
        flags = int(align) | int(Qt.TextFlag.TextWordWrap)
        smallest = min_points if min_points is not None else font.pointSizeF()
        size = font.pointSizeF()
        self.p.setFont(font)
        if size > smallest and "\n" not in text:
            # Most texts fit on one line: the advance says so for less than a layout.
            metrics = self.p.fontMetrics()
            if (
                metrics.horizontalAdvance(text) <= rect.width()
                and metrics.height() <= rect.height()
            ):
                smallest = size
        while size > smallest:
            bound = self.p.boundingRect(rect, flags, text)
            if bound.height() <= rect.height() + 0.5 and bound.width() <= rect.width() + 0.5:
                break
            size = max(smallest, size - 1)
            font = QFont(font)
            font.setPointSizeF(size)
            self.p.setFont(font)
        self.p.setPen(color)
        self.p.drawText(rect, flags, text)


def render(path: Path, content: PageContent) -> Path:
    """Write the certificate page to ``path`` (to a temporary name first, then renamed)."""
    serif = font_family()
    if not path.parent.is_dir():
        raise CertificateError(
            "cannot write the PDF file: the folder does not exist", where=str(path)
        )

    def write(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QPageLayout().margins(),
            )
        )
        writer.setPageMargins(QPageLayout().margins())
        writer.setTitle(f"{content.title} — {content.name} — {content.number}")
        writer.setAuthor(content.institution)
        writer.setCreator(f"TiP Trainer {__version__}")
        writer.setDocumentXmpMetadata(xmp_metadata(content))
        painter = QPainter()
        if not painter.begin(writer):
            raise _cannot_write(path, tmp)
        try:
            _draw(_Page(painter), content, serif)
        finally:
            ok = painter.end()  # closes the file
        if not ok or tmp.stat().st_size == 0:
            raise CertificateError(
                "cannot write the PDF file; is the disk full or the folder read-only?",
                where=str(path),
            )

    replace_atomically(
        path,
        write,
        fail=lambda exc: CertificateError(
            f"cannot write the PDF file ({exc.strerror})", where=str(path)
        ),
        durable=False,  # printed again from the register at any time
    )
    return path


def _cannot_write(path: Path, tmp: Path) -> CertificateError:
    """Qt only says that the file could not be opened: ask the system why."""
    try:
        with tmp.open("ab"):
            pass
    except OSError as exc:
        return CertificateError(f"cannot write the PDF file ({exc.strerror})", where=str(path))
    return CertificateError("cannot write the PDF file", where=str(path))


def _draw(page: _Page, c: PageContent, serif: str) -> None:
    """The page in one face of one family: size and colour carry the hierarchy that
    bold type would (each embedded face costs a batch several milliseconds a page)."""
    p = page.p
    k = page.k
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    # Frame: a strong outer line and a fine gold inner line.
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(NAVY, 1.6 * k))
    p.drawRect(page.rect(8, 8, 281, 194))
    p.setPen(QPen(GOLD, 0.4 * k))
    p.drawRect(page.rect(11, 11, 275, 188))

    _draw_logo(page, c.logo, page.rect(19, 16, 28, 28))
    page.text(
        page.rect(52, 15, 193, 21),
        c.institution,
        _font(serif, 17),
        min_points=10,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    p.setPen(QPen(GOLD, 0.5 * k))
    p.drawLine(page.rect(98, 38.8, 101, 0).topLeft(), page.rect(98, 38.8, 101, 0).topRight())
    page.text(
        page.rect(20, 41.5, 257, 13.5),
        c.title,
        _font(serif, 30),
        min_points=16,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    page.text(page.rect(20, 58, 257, 7), c.certifies, _font(serif, 13), color=GREY)
    page.text(
        page.rect(25, 66, 247, 16),
        c.name,
        _font(serif, 30),
        min_points=14,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    page.text(page.rect(20, 84, 257, 7), c.of_line, _font(serif, 13), color=GREY)
    page.text(page.rect(20, 91.5, 257, 7), c.passed_line, _font(serif, 13), color=GREY)
    if c.subtitle:  # a programme: its name, then its modules in smaller type
        page.text(
            page.rect(25, 99, 247, 13),
            "\n".join(c.subjects),
            _font(serif, 16),
            min_points=10,
            align=Qt.AlignmentFlag.AlignCenter,
        )
        page.text(
            page.rect(25, 113, 247, 10),
            c.subtitle,
            _font(serif, 11),
            min_points=7,
            align=Qt.AlignmentFlag.AlignCenter,
        )
    else:
        page.text(
            page.rect(25, 99, 247, 22),
            "\n".join(s for s in c.subjects if s),
            _font(serif, 16),
            min_points=9,
            align=Qt.AlignmentFlag.AlignCenter,
        )

    # The certified facts in a row of labelled columns.
    column = 205 / max(1, len(c.facts))
    for i, (label, value) in enumerate(c.facts):
        x = 20 + i * column
        page.text(page.rect(x, 127, column - 3, 5), label, _font(serif, 9), color=GREY)
        page.text(page.rect(x, 132, column - 3, 10), value, _font(serif, 13), min_points=8)

    # Signatories: a scanned signature (if any) above a line to sign on, the name, the title;
    # they share the width left of the stamp area.
    if c.signatories:
        width = min(SIGNATURES_WIDTH / len(c.signatories), 72.0)
        left = 20 + (SIGNATURES_WIDTH - width * len(c.signatories)) / 2
        for i, (name, title) in enumerate(c.signatories):
            x = left + i * width + 6
            w = width - 12
            signature = c.signatures[i] if i < len(c.signatures) else None
            if signature is not None:
                _draw_picture(page, signature, page.rect(x + 4, 145, w - 8, 17), MAX_SIGNATURE)
            p.setPen(QPen(NAVY, 0.3 * k))
            p.drawLine(page.rect(x, 163, w, 0).topLeft(), page.rect(x, 163, w, 0).topRight())
            page.text(page.rect(x - 4, 164.5, w + 8, 6), name, _font(serif, 11), min_points=7)
            page.text(
                page.rect(x - 4, 170.5, w + 8, 8), title, _font(serif, 9), color=GREY, min_points=6
            )
    if c.stamp:  # where the institution's seal goes: a faint dashed circle, named
        x, y, d = STAMP_BOX
        pen = QPen(GOLD, 0.3 * k)
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawEllipse(page.rect(x, y, d, d))
        page.text(
            page.rect(x, y + d / 2 - 2.5, d, 5),
            c.stamp,
            _font(serif, 7.5),
            color=QColor("#9a9a9a"),
            align=Qt.AlignmentFlag.AlignCenter,
            min_points=5,
        )

    # The QR code, drawn as vector rectangles (one per run of dark modules).
    _draw_qr(page, document.qr_text(c.code))
    page.text(page.rect(226, 165, 60, 4.5), c.number_label, _font(serif, 8), color=GREY)
    page.text(page.rect(226, 169.5, 60, 6), c.number, _font(serif, 11))

    # The verification code in print, in groups of five, and how to check it.
    groups = document.grouped(c.code)
    per_line = 24
    lines = [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
    page.text(
        page.rect(20, 179, 40, 4),
        c.code_label,
        _font(serif, 7.5),
        color=GREY,
        align=Qt.AlignmentFlag.AlignLeft,
    )
    page.text(
        page.rect(20, 183, 257, 10),
        document.CODE_PREFIX + " " + "\n".join(lines),
        _font(serif, 6.5),
        color=QColor("#222222"),
        align=Qt.AlignmentFlag.AlignLeft,
        min_points=5,
    )
    page.text(
        page.rect(20, 193.5, 257, 4),
        c.verify,
        _font(serif, 6.5),
        color=GREY,
        align=Qt.AlignmentFlag.AlignLeft,
        min_points=5,
    )


def _draw_logo(page: _Page, logo: Path, box: QRectF) -> None:
    drawing = _logo_drawing(logo, MAX_LOGO) or _default_drawing()
    _draw_drawing(page, drawing, box)


def _draw_picture(page: _Page, path: Path, box: QRectF, limit: int) -> None:
    """A scanned signature; one that cannot be read is left out (the line stays)."""
    drawing = _logo_drawing(path, limit)
    if drawing is not None:
        _draw_drawing(page, drawing, box)


def _draw_drawing(page: _Page, drawing: QSvgRenderer | QImage, box: QRectF) -> None:
    if isinstance(drawing, QSvgRenderer):
        drawing.render(page.p, box)
        return
    scaled = drawing.size().scaled(box.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(box.x(), box.y(), scaled.width(), scaled.height())
    target.moveCenter(box.center())
    page.p.drawImage(target, drawing)


_logos = threading.local()


def _logo_drawing(logo: Path, limit: int) -> QSvgRenderer | QImage | None:
    """A logo or a signature, read once per file (as it is now) and thread.

    A batch draws the same pictures on hundreds of pages: reading and parsing them once
    saves most of the cost. An SVG renderer is a QObject, used only in the thread
    that made it, hence one cache per thread. None: the file cannot be read as a picture
    (missing, too large, not a picture).
    """
    try:
        stat = logo.stat()
        key: tuple[object, ...] = (str(logo), stat.st_mtime_ns, stat.st_size, limit)
    except OSError:
        key = (str(logo), None, None, limit)
    cache: dict[tuple[object, ...], QSvgRenderer | QImage | None] = _logos.__dict__.setdefault(
        "cache", {}
    )
    if key in cache:
        return cache[key]
    drawing = _read_picture(logo, limit)
    if len(cache) >= 8:
        cache.clear()
    cache[key] = drawing
    return drawing


def _default_drawing() -> QSvgRenderer:
    renderer = QSvgRenderer(str(default_logo()))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    return renderer


def _read_picture(path: Path, limit: int) -> QSvgRenderer | QImage | None:
    """The picture in ``path``, read bounded (``limit`` bytes, ``MAX_PIXELS``), or None."""
    try:
        data = QByteArray(read_bounded(path, limit))
    except OSError:  # missing, unreadable or too large
        return None
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(data)
        if renderer.isValid():
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            return renderer
        return None
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
        return None
    image = reader.read()
    return None if image.isNull() else image


def qr_geometry(size: int) -> tuple[int, int, int]:
    """Where a QR code of ``size`` modules goes in ``QR_BOX``: left, top and the side of
    a module, in device units. A module is a whole number of units, so every edge
    falls on one grid and the PDF's numbers stay short."""
    k = RESOLUTION / 25.4
    x, y, box = (v * k for v in QR_BOX)
    unit = int(box / size)
    margin = (box - unit * size) / 2
    return round(x + margin), round(y + margin), unit


def _draw_qr(page: _Page, text: str) -> None:
    """The QR code as vector rectangles, one per run of dark modules in a row."""
    data, n = qr_modules(text)
    left, top, unit = qr_geometry(n)
    p = page.p
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("black"))
    draw = p.drawRect
    for cx, cy, length in qr_runs(data, n):
        draw(left + cx * unit, top + cy * unit, length * unit, unit)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
