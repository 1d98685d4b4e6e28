"""Pictures in Moodle XML: ``<img src="@@PLUGINFILE@@/name.png" alt="...">`` in a text, the
file itself in a ``<file name="name.png" encoding="base64">`` beside it.

On import a picture is kept when its file is embedded, within the size limit (counted on
the base64 text before anything is decoded) and a real PNG, JPEG or SVG (checked as a
bank's pictures are); on export each picture is embedded the same way.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from html.parser import HTMLParser

from trainer.banks.pictures import (
    MAX_PICTURE_BYTES,
    PictureError,
    PictureInfo,
    inspect,
)

PLUGINFILE = "@@PLUGINFILE@@/"
# Base64 takes 4 characters per 3 bytes; Moodle breaks lines every 76 characters.
MAX_BASE64_CHARS = (MAX_PICTURE_BYTES + 2) // 3 * 4 * 78 // 76 + 1024


class _ImageFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            self.found.append(
                ((values.get("src") or "").strip(), (values.get("alt") or "").strip())
            )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def find_images(text: str) -> list[tuple[str, str]]:
    """Each ``<img>`` of an HTML text, in order: its ``src`` and its ``alt``."""
    finder = _ImageFinder()
    finder.feed(text)
    finder.close()
    return finder.found


def embedded_name(src: str) -> str | None:
    """The file name an ``@@PLUGINFILE@@`` reference names (None for any other source)."""
    if not src.startswith(PLUGINFILE):
        return None
    name = src[len(PLUGINFILE) :].split("?", 1)[0]
    return _unquote(name.rsplit("/", 1)[-1]) or None


def _unquote(name: str) -> str:
    from urllib.parse import unquote

    return unquote(name)


def decode_file(encoded: str, name: str) -> tuple[bytes, PictureInfo]:
    """An embedded file's bytes, checked as a picture; PictureError says why it cannot be
    kept. The length of the base64 text is bounded before it is decoded."""
    if len(encoded) > MAX_BASE64_CHARS:
        raise PictureError(
            f"the picture '{name}' is larger than {MAX_PICTURE_BYTES // (1024 * 1024)} MB"
        )
    try:
        data = base64.b64decode(re.sub(r"\s+", "", encoded), validate=True)
    except (binascii.Error, ValueError):
        raise PictureError(f"the file '{name}' is not valid base64") from None
    return data, inspect(data, name)


_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def safe_name(name: str, suffix: str) -> str:
    """A file name for a picture beside a draft: plain characters and the right suffix."""
    stem = _SAFE.sub("-", name.rsplit(".", 1)[0]).strip("-.") or "picture"
    return f"{stem[:80]}{suffix}"


def img_html(name: str, alt: str) -> str:
    """The ``<img>`` tag Moodle shows an embedded picture with."""
    return f'<p><img src="{PLUGINFILE}{html.escape(name)}" alt="{html.escape(alt)}"></p>'


def encode_file(data: bytes) -> str:
    """A file's bytes as Moodle writes them: base64 on one line."""
    return base64.b64encode(data).decode("ascii")
