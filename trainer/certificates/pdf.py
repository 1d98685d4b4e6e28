"""Certificate pages with QPdfWriter: A4 landscape, embedded font, vector QR, metadata.

The only module outside ``trainer/ui`` that uses Qt: QPdfWriter is the real tool
for the page. Everything the page says comes from ``PageContent``, built from the
register by ``page_content``; the words are the certificate's own
(``document.WORDING``), in the language asked for, not the interface's.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import segno
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

from trainer import __version__
from trainer.certificates import document
from trainer.errors import CertificateError
from trainer.paths import assets_dir

if TYPE_CHECKING:
    from trainer.certificates.service import CertificateSettings
    from trainer.storage.certificates import CertificateRecord

RESOLUTION = 600  # device units per inch
# A fixed mask pattern: choosing the best of eight costs ~50 ms a page in pure Python,
# and any mask gives a valid code (checked with zbar in the tests).
QR_MASK = 4
QR_BOX = (236.0, 124.0, 40.0)  # x, y, size of the QR code on the page, in millimetres
NAVY = QColor("#1f3a5f")
GOLD = QColor("#b8862b")
GREY = QColor("#555555")
# Two faces of one family: each embedded font costs about 4 ms a page.
FONT_FILES = ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf")

_lock = threading.Lock()
_family: str | None = None
_app: QGuiApplication | None = None


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def default_logo() -> Path:
    return assets_dir() / "certificates" / "default-logo.svg"


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
    """The family of the fonts shipped in assets/fonts (loaded once)."""
    global _family
    with _lock:
        if _family is None:
            ensure_application()
            names: list[str] = []
            for name in FONT_FILES:
                font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / name))
                if font_id < 0:
                    raise CertificateError(
                        "the certificate font is missing", where=str(fonts_dir() / name)
                    )
                names.extend(QFontDatabase.applicationFontFamilies(font_id)[:1])
            _family = names[0] if names else "DejaVu Serif"
        return _family


def _font(family: str, points: float, *, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
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


def page_content(
    record: CertificateRecord, settings: CertificateSettings, language: str
) -> PageContent:
    """Everything a page says, from a register record and the certificate settings."""
    lang = language if language in document.LANGUAGES else "en"
    w = document.wording(lang)
    titles = tuple(m.title_in(lang) for m in record.modules)
    subjects: tuple[str, ...]
    if record.kind == document.Kind.PROGRAMME:
        title, passed = w["title_programme"], w["completed_programme"]
        subjects, subtitle = (record.programme_name or "",), " · ".join(titles)
    else:
        title = w["title_module"]
        passed = w["passed_module"] if len(titles) == 1 else w["passed_modules"]
        subjects, subtitle = titles, ""
    institution = document.institution_label(record.institution, lang)
    facts = (
        (w["track"], document.audience_label(record.audiences, lang) or "—"),
        (w["score"], document.format_score(record.score, lang)),
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
        subject=w["subject"],
    )


@functools.lru_cache(maxsize=64)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules (dark = True), without the quiet zone."""
    qr = segno.make(text, error="m", micro=False, mask=QR_MASK)
    return tuple(tuple(bool(v) for v in row) for row in qr.matrix)


def xmp_metadata(content: PageContent) -> bytes:
    title = escape(f"{content.title} — {content.name} — {content.number}")
    author = escape(content.institution)
    subject = escape(content.subject)
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
        while size > smallest:
            bound = self.p.boundingRect(rect, flags, text)
            if bound.height() <= rect.height() + 0.5 and bound.width() <= rect.width() + 0.5:
                break
            size = max(smallest, size - 1)
            font.setPointSizeF(size)
            self.p.setFont(font)
        self.p.setPen(color)
        self.p.drawText(rect, flags, text)


@contextlib.contextmanager
def balanced_none() -> Iterator[None]:
    """Give back the references to None that PySide6 drops while a page is drawn.

    PySide6 6.12's bindings return None from every method that returns nothing
    without taking a reference to it. From Python 3.12 None is immortal and this
    is harmless; on 3.11 each such call (setPen, addRect, drawLine ...) lowers
    None's count by one, and a few thousand pages would bring it to zero and
    abort the interpreter ("none_dealloc"). A page makes about a thousand such
    calls, so the count lost while drawing is put back afterwards.
    """
    if sys.version_info >= (3, 12):
        yield
        return
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        lost = before - sys.getrefcount(None)
        if lost > 0:
            ctypes.c_ssize_t.from_address(id(None)).value += lost


def render(path: Path, content: PageContent) -> Path:
    """Write the certificate page to ``path`` (to a temporary name first, then renamed)."""
    with balanced_none():
        return _render(path, content)


def _render(path: Path, content: PageContent) -> Path:
    serif = font_family()
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(b"")  # fail early, with the reason, where Qt would only say "false"
    except OSError as exc:
        raise CertificateError(
            f"cannot write the PDF file ({exc.strerror})", where=str(path)
        ) from exc
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
        raise CertificateError("cannot write the PDF file", where=str(path))
    try:
        _draw(_Page(painter), content, serif)
    finally:
        ok = painter.end()
    try:
        if not ok or not tmp.is_file() or tmp.stat().st_size == 0:
            raise CertificateError(
                "cannot write the PDF file; is the disk full or the folder read-only?",
                where=str(path),
            )
        tmp.replace(path)
    except OSError as exc:
        raise CertificateError(
            f"cannot write the PDF file ({exc.strerror})", where=str(path)
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _draw(page: _Page, c: PageContent, serif: str) -> None:
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
        _font(serif, 17, bold=True),
        min_points=10,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    p.setPen(QPen(GOLD, 0.5 * k))
    p.drawLine(page.rect(98, 38.8, 101, 0).topLeft(), page.rect(98, 38.8, 101, 0).topRight())
    page.text(
        page.rect(20, 41.5, 257, 13.5),
        c.title,
        _font(serif, 28, bold=True),
        min_points=16,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    page.text(page.rect(20, 58, 257, 7), c.certifies, _font(serif, 13), color=GREY)
    page.text(
        page.rect(25, 66, 247, 16),
        c.name,
        _font(serif, 28, bold=True),
        min_points=14,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    page.text(page.rect(20, 84, 257, 7), c.of_line, _font(serif, 13), color=GREY)
    page.text(page.rect(20, 91.5, 257, 7), c.passed_line, _font(serif, 13), color=GREY)
    if c.subtitle:  # a programme: its name, then its modules in smaller type
        page.text(
            page.rect(25, 99, 247, 13),
            "\n".join(c.subjects),
            _font(serif, 16, bold=True),
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
            _font(serif, 16, bold=True),
            min_points=9,
            align=Qt.AlignmentFlag.AlignCenter,
        )

    # The certified facts in a row of labelled columns.
    column = 205 / max(1, len(c.facts))
    for i, (label, value) in enumerate(c.facts):
        x = 20 + i * column
        page.text(page.rect(x, 127, column - 3, 5), label, _font(serif, 9), color=GREY)
        page.text(
            page.rect(x, 132, column - 3, 10), value, _font(serif, 13, bold=True), min_points=8
        )

    # Signatories: a line to sign on, the name, the title.
    if c.signatories:
        width = 205 / len(c.signatories)
        for i, (name, title) in enumerate(c.signatories):
            x = 20 + i * width + 8
            w = width - 16
            p.setPen(QPen(NAVY, 0.3 * k))
            p.drawLine(page.rect(x, 163, w, 0).topLeft(), page.rect(x, 163, w, 0).topRight())
            page.text(
                page.rect(x - 4, 164.5, w + 8, 6), name, _font(serif, 11, bold=True), min_points=7
            )
            page.text(
                page.rect(x - 4, 170.5, w + 8, 9), title, _font(serif, 9), color=GREY, min_points=6
            )

    # The QR code, drawn as vector rectangles (one per run of dark modules).
    _draw_qr(page, document.qr_text(c.code), x=QR_BOX[0], y=QR_BOX[1], size=QR_BOX[2])
    page.text(page.rect(226, 165, 60, 4.5), c.number_label, _font(serif, 8), color=GREY)
    page.text(page.rect(226, 169.5, 60, 6), c.number, _font(serif, 11, bold=True))

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
    if logo.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(logo))
        if renderer.isValid():
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            renderer.render(page.p, box)
            return
    image = QImage(str(logo))
    if image.isNull():
        renderer = QSvgRenderer(str(default_logo()))
        renderer.render(page.p, box)
        return
    scaled = image.size().scaled(box.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(box.x(), box.y(), scaled.width(), scaled.height())
    target.moveCenter(box.center())
    page.p.drawImage(target, image)


def qr_rectangles(matrix: tuple[tuple[bool, ...], ...]) -> list[tuple[int, int, int, int]]:
    """Dark modules merged into few rectangles (x, y, width, height in modules).

    Runs of dark modules in a row, then identical runs in the rows below, become one
    rectangle each: fewer drawing operations and a smaller PDF than one per module.
    """
    open_runs: dict[tuple[int, int], list[int]] = {}  # (start, end) -> [top, height]
    done: list[tuple[int, int, int, int]] = []
    for y, row in enumerate(matrix):
        runs: set[tuple[int, int]] = set()
        x, n = 0, len(row)
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                runs.add((start, x))
            else:
                x += 1
        for key in list(open_runs):
            if key not in runs:
                top, height = open_runs.pop(key)
                done.append((key[0], top, key[1] - key[0], height))
        for key in runs:
            if key in open_runs:
                open_runs[key][1] += 1
            else:
                open_runs[key] = [y, 1]
    done.extend((k[0], top, k[1] - k[0], h) for k, (top, h) in open_runs.items())
    return done


def _draw_qr(page: _Page, text: str, *, x: float, y: float, size: float) -> None:
    matrix = qr_matrix(text)
    module = size / len(matrix)
    rects = [
        page.rect(x + cx * module, y + cy * module, w * module, h * module)
        for cx, cy, w, h in qr_rectangles(matrix)
    ]
    page.p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    page.p.setPen(Qt.PenStyle.NoPen)
    page.p.setBrush(QColor("black"))
    page.p.drawRects(rects)
    page.p.setBrush(Qt.BrushStyle.NoBrush)
    page.p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
