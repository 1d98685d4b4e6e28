"""Pictures on questions, scenarios and options: where a picture file may be, what it may hold.

A picture comes from outside like a bank does, so it is bounded before it is read and
checked by its content, never by its name: a PNG, JPEG or SVG file of at most
``MAX_PICTURE_BYTES``, whose header gives sides of at most ``MAX_PICTURE_SIDE`` pixels
(read from the header, without decoding the picture). An SVG is a document that could
fetch or run things: one with a DTD, an entity, a script, an event handler or any
reference outside itself is refused. No Qt here: the views decode pictures (ui/).
"""

from __future__ import annotations

import hashlib
import re
import stat
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from trainer.errors import Problem
from trainer.files import TooLargeError, read_bounded

MAX_PICTURE_BYTES = 5 * 1024 * 1024
MAX_PICTURE_SIDE = 8000
# All the pictures of one bank together.
MAX_BANK_PICTURE_BYTES = 200 * 1024 * 1024
# A picture's path in a bank: folders and a name of letters, digits, '.', '_', '-'.
_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$")
MAX_PATH_LENGTH = 255
# The folder a library keeps one bank's pictures in: ``<bank file stem>.pictures``.
PICTURES_FOLDER_SUFFIX = ".pictures"


class PictureType(StrEnum):
    PNG = "png"
    JPEG = "jpeg"
    SVG = "svg"

    @property
    def mime(self) -> str:
        return {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}[self.value]

    @property
    def suffixes(self) -> tuple[str, ...]:
        return {"png": (".png",), "jpeg": (".jpg", ".jpeg"), "svg": (".svg",)}[self.value]


class PictureError(ValueError):
    """A picture that cannot be used; the message says why, in a trainer's words."""


@dataclass(frozen=True)
class PictureInfo:
    """What checking a picture's bytes found."""

    type: PictureType
    width: int
    height: int
    sha256: str
    size: int


def pictures_root(bank_path: Path) -> Path:
    """The folder a bank's picture paths are relative to: ``<stem>.pictures`` beside the
    bank when there is such a folder (as in the library), else the bank's own folder."""
    own = bank_path.with_name(bank_path.stem + PICTURES_FOLDER_SUFFIX)
    return own if own.is_dir() and not own.is_symlink() else bank_path.parent


def check_relative_path(value: str) -> PurePosixPath:
    """A picture path as written in a bank: relative, inside the bank's folder, plain names
    (PictureError otherwise)."""
    if not value or len(value) > MAX_PATH_LENGTH:
        raise PictureError(f"a picture path must have 1 to {MAX_PATH_LENGTH} characters")
    if "\\" in value or value.startswith("/") or re.match(r"^[A-Za-z]:", value):
        raise PictureError(
            f"'{value}' must be a path relative to the bank's folder, written with '/'"
            " (no absolute path, no drive, no '\\')"
        )
    parts = value.split("/")
    if any(p == ".." for p in parts):
        raise PictureError(f"'{value}' leaves the bank's folder ('..' is not allowed)")
    bad = [p for p in parts if not _PART.match(p)]
    if bad:
        raise PictureError(
            f"'{value}': each folder and file name may hold only letters, digits, '.', '_' and"
            " '-' and may not start with '.'"
        )
    return PurePosixPath(value)


def read_picture(root: Path, value: str) -> tuple[Path, bytes, PictureInfo]:
    """The picture ``value`` names under ``root``: its place, bytes and checked content.

    Symbolic links are not followed out of ``root``; the file is read only up to the size
    limit, whatever the system says its size is. PictureError says what is wrong.
    """
    relative = check_relative_path(value)
    path = root.joinpath(*relative.parts)
    try:
        real_root = root.resolve(strict=True)
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise PictureError(f"the picture file '{value}' was not found beside the bank") from None
    if not real.is_relative_to(real_root):
        raise PictureError(f"'{value}' leads out of the bank's folder (a link); copy the file in")
    try:
        mode = real.stat().st_mode
    except OSError as exc:
        raise PictureError(f"cannot read the picture '{value}': {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise PictureError(f"'{value}' is not a file")
    try:
        data = read_bounded(real, MAX_PICTURE_BYTES)
    except TooLargeError:
        raise PictureError(too_big_message(value)) from None
    except OSError as exc:
        raise PictureError(f"cannot read the picture '{value}': {exc.strerror}") from None
    info = inspect(data, value)
    if not value.lower().endswith(info.type.suffixes):
        raise PictureError(
            f"'{value}' holds a {info.type.name} picture but its name does not end in"
            f" {' or '.join(info.type.suffixes)}; rename it"
        )
    return real, data, info


# How the loader words a problem with a picture's file (its path or its content).
FILE_PROBLEM_MARK = ": picture: "


def is_picture_file_problem(problem: Problem) -> bool:
    """Whether a bank problem is about a picture file (which can change while the bank's
    own file stays the same)."""
    return FILE_PROBLEM_MARK in problem.message


def too_big_message(name: str) -> str:
    return (
        f"the picture '{name}' is larger than {MAX_PICTURE_BYTES // (1024 * 1024)} MB;"
        " make it smaller (fewer pixels, or JPEG for a photograph)"
    )


# -- content ---------------------------------------------------------------------------------
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_OTHER_FORMATS = (
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"%PDF", "a PDF document"),
    (b"GIF8", "a GIF picture"),
    (b"BM", "a BMP picture"),
    (b"RIFF", "a RIFF file (WebP, WAV or AVI)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
)


def sniff(data: bytes) -> PictureType | None:
    """The picture type by content (magic bytes, or an ``<svg>`` root), or None."""
    if data.startswith(_PNG_SIGNATURE):
        return PictureType.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return PictureType.JPEG
    head = data[:1024].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<") and b"<svg" in data[:4096]:
        return PictureType.SVG
    return None


def inspect(data: bytes, name: str) -> PictureInfo:
    """Check a picture's bytes: type by content, sides from its header, SVG safety."""
    if len(data) > MAX_PICTURE_BYTES:
        raise PictureError(too_big_message(name))
    kind = sniff(data)
    if kind is None:
        found = next((what for magic, what in _OTHER_FORMATS if data.startswith(magic)), None)
        detail = f" (its content is {found})" if found else ""
        raise PictureError(f"'{name}' is not a PNG, JPEG or SVG picture{detail}")
    if kind is PictureType.PNG:
        width, height = _png_size(data, name)
    elif kind is PictureType.JPEG:
        width, height = _jpeg_size(data, name)
    else:
        width, height = _svg_size(data, name)
    if width < 1 or height < 1:
        raise PictureError(f"the picture '{name}' has no size ({width}×{height})")
    if width > MAX_PICTURE_SIDE or height > MAX_PICTURE_SIDE:
        raise PictureError(
            f"the picture '{name}' is {width}×{height} pixels; at most"
            f" {MAX_PICTURE_SIDE}×{MAX_PICTURE_SIDE} are allowed (scale it down)"
        )
    return PictureInfo(kind, width, height, hashlib.sha256(data).hexdigest(), len(data))


def _png_size(data: bytes, name: str) -> tuple[int, int]:
    # The first chunk is IHDR: length 13, type, width, height (big-endian).
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise PictureError(f"the PNG picture '{name}' is damaged (no header)")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes, name: str) -> tuple[int, int]:
    """The sides in the first start-of-frame segment, walking segment headers only."""
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            break
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # no length
            pos += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, or the scan before any frame header
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _SOF and pos + 9 <= len(data):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return int(width), int(height)
        if length < 2:
            break
        pos += 2 + length
    raise PictureError(f"the JPEG picture '{name}' is damaged (no frame header)")


_SVG_NS = "{http://www.w3.org/2000/svg}"
# Elements that run code or pull in other documents.
_SVG_FORBIDDEN = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video"}
_UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*$")
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def _svg_size(data: bytes, name: str) -> tuple[int, int]:
    try:
        root = defused_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise PictureError(
            f"the SVG picture '{name}' declares a DTD or entities, which can fetch files or"
            " explode in memory; save it without them"
        ) from None
    except ET.ParseError as exc:
        raise PictureError(f"the SVG picture '{name}' is not well-formed XML ({exc})") from None
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        raise PictureError(f"'{name}' is not an SVG picture (it starts with <{root.tag}>)")
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        local = tag.rsplit("}", 1)[-1]
        if local in _SVG_FORBIDDEN:
            raise PictureError(
                f"the SVG picture '{name}' holds a <{local}> element; pictures may not run"
                " code or embed other documents"
            )
        for attr, value in element.attrib.items():
            attr_local = attr.rsplit("}", 1)[-1]
            if attr_local.lower().startswith("on"):
                raise PictureError(
                    f"the SVG picture '{name}' has an event handler ({attr_local}); pictures"
                    " may not run code"
                )
            if attr_local == "href" and not value.strip().startswith("#"):
                raise PictureError(
                    f"the SVG picture '{name}' refers to something outside itself"
                    f" ({value.strip()[:60]}); pictures must be self-contained"
                )
            if _EXTERNAL_URL.search(value):
                raise PictureError(
                    f"the SVG picture '{name}' refers to something outside itself in"
                    f" '{attr_local}'; pictures must be self-contained"
                )
        if (
            local == "style"
            and element.text
            and (_EXTERNAL_URL.search(element.text) or "@import" in element.text)
        ):
            raise PictureError(
                f"the SVG picture '{name}' has a style sheet that refers to something outside"
                " itself; pictures must be self-contained"
            )
    width = _svg_length(root.get("width"))
    height = _svg_length(root.get("height"))
    if width is None or height is None:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        try:
            vw, vh = float(box[2]), float(box[3])
        except (IndexError, ValueError):
            vw, vh = 300.0, 150.0  # the size a browser gives an SVG that states none
        if width is None and height is None:
            width, height = vw, vh
        elif width is None and height is not None:
            width = height * vw / vh if vh else vw
        elif height is None and width is not None:
            height = width * vh / vw if vw else vh
    assert width is not None and height is not None
    return round(width), round(height)


def _svg_length(value: str | None) -> float | None:
    if value is None:
        return None
    found = _LENGTH.match(value)
    if found is None:
        return None  # a percentage or another unit: the view box decides
    return float(found.group(1)) * _UNITS[found.group(2) or ""]


# alt texts that say nothing of what a picture shows
_EMPTY_ALTS = {
    "",
    "image",
    "picture",
    "img",
    "photo",
    "figure",
    "graphic",
    "logo",
    "icon",
    "photographie",
    "illustration",
}


def usable_alt(alt: str, name: str) -> bool:
    """Whether an alt text says something: not empty, not the file's name, not "image"."""
    cleaned = " ".join(alt.split()).lower().strip(".")
    file = name.rsplit("/", 1)[-1].lower()
    return cleaned not in _EMPTY_ALTS and cleaned not in (file, file.rsplit(".", 1)[0])


def bank_content_hash(file_digest: str, pictures: list[tuple[str, str]]) -> str:
    """A bank's content hash: its file's SHA-256, or, when it shows pictures, a hash of
    the file's digest and each picture's path and digest (a changed picture changes it)."""
    if not pictures:
        return file_digest
    h = hashlib.sha256(file_digest.encode())
    for name, digest in sorted(set(pictures)):
        h.update(f"\x00picture\x00{name}\x00{digest}".encode())
    return h.hexdigest()
