"""Picture files for tests, made from bytes (no Qt): PNG, JPEG headers, SVG, and a bank using them."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png(width: int = 4, height: int = 3, *, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A real, decodable RGB PNG of the given size (one colour)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def png_header_only(width: int, height: int) -> bytes:
    """The signature and header of a PNG claiming these sides, and no pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    crc = zlib.crc32(b"IHDR" + header) & 0xFFFFFFFF
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", crc)


def jpeg_header(width: int, height: int) -> bytes:
    """A JPEG's start: SOI, an APP0 segment, then a baseline frame header with these sides."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def svg(
    body: str = '<rect width="40" height="20" fill="#c33"/>', size: str = 'width="40" height="20"'
) -> bytes:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {size}>{body}</svg>'.encode()


BANK = """\
format: 1
id: {bank_id}
version: "1.0"
languages: [en, fr]
title: {{en: Pictures, fr: Images}}
audiences: [police]
topics: [indicators]
sources:
  - id: ilo
    title: {{en: ILO indicators, fr: Indicateurs de l'OIT}}
modules:
  - id: {bank_id}-module
    title: {{en: Documents, fr: Documents}}
questions:
  - id: q-advert
    kind: single_choice
    topic: indicators
    text: {{en: What is suspicious in this advert?, fr: Qu'est-ce qui est suspect dans cette annonce ?}}
    image:
      file: {file}
      alt: {{en: A job advert promising high pay abroad, fr: Une annonce promettant un salaire élevé à l'étranger}}
    options:
      - id: a
        text: {{en: The promised pay, fr: Le salaire promis}}
        image:
          file: {option_file}
          alt: {{en: The pay line of the advert, fr: La ligne du salaire de l'annonce}}
      - {{id: b, text: {{en: The font, fr: La police}}}}
    key: a
    explanation: {{en: Unrealistic pay is an indicator., fr: Un salaire irréaliste est un indicateur.}}
    source: {{id: ilo, locator: "Deception"}}
"""


def write_bank(
    folder: Path,
    *,
    file: str = "advert.png",
    option_file: str = "pay.svg",
    bank_id: str = "pictures",
    pictures: dict[str, bytes] | None = None,
) -> Path:
    """A bank with a picture on a question and on an option, and its picture files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (pictures if pictures is not None else default_pictures()).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    path = folder / f"{bank_id}.yaml"
    path.write_text(BANK.format(file=file, option_file=option_file, bank_id=bank_id), "utf-8")
    return path


def default_pictures() -> dict[str, bytes]:
    return {"advert.png": png(40, 30), "pay.svg": svg()}
