"""Reading a certificate's QR code from a scan or a photo of the paper, offline.

An employer who holds only the paper copy scans or photographs it; the QR code on
the page carries the whole signed code, so nothing else is needed. QImage reads the
picture (PNG, JPEG, BMP, GIF, TIFF or WebP where Qt's image plugins provide them) and
zxing-cpp finds the QR codes in it. Besides ``pdf.py``, the only module outside
``trainer/ui`` that uses Qt (for QImage alone).
"""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader

from trainer.errors import CertificateError
from trainer.files import TooLargeError, read_bounded

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")
MAX_FILE_BYTES = 64 * 1024 * 1024
# A phone photo of a page is 3000-4000 pixels wide; the QR code still spans several
# hundred of them. Larger pictures are scaled down first, which reads faster and as well.
MAX_SIDE = 4000
_QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def is_picture(path: Path) -> bool:
    return path.suffix.lower() in PICTURE_SUFFIXES


def read_picture(path: Path) -> QImage:
    """The picture in ``path``, turned upright (camera orientation), in grey levels."""
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
    except TooLargeError:
        raise CertificateError(
            f"the picture is too large (more than {_size(MAX_FILE_BYTES)})", where=str(path)
        ) from None
    except OSError as exc:
        raise CertificateError(
            f"the picture cannot be opened ({exc.strerror})", where=str(path)
        ) from exc
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)  # the format from the content, not the name
    reader.setAutoTransform(True)  # a phone photo taken sideways comes out upright
    image = reader.read()
    if image.isNull():
        raise CertificateError(
            f"this file cannot be read as a picture ({reader.errorString()})", where=str(path)
        )
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.0f} MB"
    return f"{count / 1024:.0f} KB"


def read_qr_codes(path: Path) -> list[str]:
    """The text of every QR code found in the picture, in reading order."""
    image = read_picture(path)
    found = zxingcpp.read_barcodes(image, formats=_QR_ONLY)
    return [barcode.text for barcode in found if barcode.valid]
