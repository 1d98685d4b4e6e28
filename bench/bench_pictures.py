"""Pictures: what checking and caching them costs, next to the same bank without them.

The bank has ``BENCH_PICTURE_QUESTIONS`` questions (default 500), each showing its own
PNG of about 100 KB (800 × 600 pixels of noise, which PNG cannot shrink); the baseline is
the same bank with the ``image`` keys taken out. Measured in this run:

- loading the bank (every picture read, its type and sides taken from its header,
  hashed), against loading the bank without pictures;
- a start that takes the bank's summary from the catalogue cache (each picture only
  looked at with ``stat``), against the same start for the bank without pictures;
- exporting it to Moodle XML with every picture embedded, against the export without.
"""

from __future__ import annotations

import os
import random
import struct
import tempfile
import zlib
from pathlib import Path
from typing import Any

from bench.timing import interleaved
from trainer.banks.compiled import CompiledCatalog
from trainer.banks.formats.convert import ExportFormat, export_bank
from trainer.banks.loader import load_bank

HEAD = """\
format: 1
id: {bank_id}
version: "1.0"
languages: [en, fr]
title: {{en: Pictures, fr: Images}}
audiences: [police]
topics: [indicators]
sources:
  - {{id: ilo, title: {{en: ILO indicators, fr: Indicateurs de l'OIT}}}}
modules:
  - {{id: {bank_id}-m, title: {{en: Documents, fr: Documents}}}}
questions:
"""
QUESTION = """\
  - id: q{n}
    kind: single_choice
    topic: indicators
    text: {{en: What does document {n} show?, fr: Que montre le document {n} ?}}
{image}    options:
      - {{id: a, text: {{en: A forged stamp, fr: Un faux tampon}}}}
      - {{id: b, text: {{en: Nothing unusual, fr: Rien d'inhabituel}}}}
    key: a
    explanation: {{en: The stamp is pasted., fr: Le tampon est collé.}}
    source: {{id: ilo, locator: "Deception"}}
"""
IMAGE = """\
    image:
      file: docs/scan-{n}.png
      alt: {{en: Scan of document {n}, fr: Scan du document {n}}}
"""


def noise_png(width: int, height: int, rng: random.Random) -> bytes:
    """A real PNG of random pixels (about width × height × 3 bytes: noise does not shrink)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 1))
        + chunk(b"IEND", b"")
    )


def make_banks(folder: Path, count: int, side: tuple[int, int] = (200, 170)) -> tuple[Path, Path]:
    """The bank with a picture per question, and the same bank without them."""
    rng = random.Random(7)
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / "docs" / f"scan-{n}.png").write_bytes(noise_png(*side, rng))
    with_pictures = folder / "with.yaml"
    without = folder / "without.yaml"
    for path, bank_id, image in ((with_pictures, "with", IMAGE), (without, "without", "")):
        body = "".join(QUESTION.format(n=n, image=image.format(n=n)) for n in range(count))
        path.write_text(HEAD.format(bank_id=bank_id) + body, "utf-8")
    return with_pictures, without


def run(count: int | None = None, repeat: int = 5) -> list[dict[str, Any]]:
    count = count or int(os.environ.get("BENCH_PICTURE_QUESTIONS", "500"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with_pictures, without = make_banks(folder, count)
        size = sum(p.stat().st_size for p in (folder / "docs").iterdir())
        load, load_base = interleaved(
            [lambda: load_bank(with_pictures), lambda: load_bank(without)], repeat=repeat
        )
        cache = folder / "cache.json"
        warm = CompiledCatalog(cache)
        warm.file(with_pictures)
        warm.file(without)
        warm.save()

        def start(path: Path) -> None:
            found = CompiledCatalog(cache).file(path)
            assert found.summary is not None

        cached, cached_base = interleaved(
            [lambda: start(with_pictures), lambda: start(without)], repeat=repeat
        )
        bank, plain = load_bank(with_pictures), load_bank(without)
        export, export_base = interleaved(
            [
                lambda: export_bank(bank, ExportFormat.MOODLE_XML, "en"),
                lambda: export_bank(plain, ExportFormat.MOODLE_XML, "en"),
            ],
            repeat=repeat,
        )
    label = f"{count} pictures, {size / 1048576:.0f} MB"
    return [
        {
            "name": f"pictures: load a bank with {label}",
            "value": load,
            "unit": "s",
            "baseline": load_base,
            "ratio": load / load_base,
            "target": None,
        },
        {
            "name": f"pictures: start from the cache, {count} pictures",
            "value": cached,
            "unit": "s",
            "baseline": cached_base,
            "ratio": cached / cached_base,
            "target": None,
        },
        {
            "name": f"pictures: Moodle XML export with {label}",
            "value": export,
            "unit": "s",
            "baseline": export_base,
            "ratio": export / export_base,
            "target": None,
        },
    ]
