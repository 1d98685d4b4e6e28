"""The screenshots in docs/: small enough to ship, every one the docs show is there."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT / "packaging"))

import screenshots  # noqa: E402


def test_the_screenshots_stay_under_3_mb() -> None:
    total = sum(p.stat().st_size for p in SHOTS.rglob("*.png"))
    assert 0 < total < 3 * 1024 * 1024, total


def test_every_screenshot_the_docs_show_exists() -> None:
    pages = [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    shown = {
        found
        for page in pages
        for found in re.findall(r"screenshots/[\w/.-]+\.png", page.read_text(encoding="utf-8"))
    }
    assert shown
    for name in shown:
        assert (ROOT / "docs" / name).is_file(), name


def test_a_screenshot_keeps_its_colours_in_a_small_palette(qtbot: QtBot, tmp_path: Path) -> None:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#f3f5f8"))
    for x in range(20, 180):
        for y in range(40, 60):
            image.setPixelColor(x, y, QColor("#1f3a5f"))
    out = tmp_path / "shot.png"
    screenshots._write(image, out)
    back = QImage(str(out))
    assert back.format() is QImage.Format.Format_Indexed8
    assert back.colorCount() <= screenshots.COLOURS
    assert back.pixelColor(5, 5) == QColor("#f3f5f8")
    assert back.pixelColor(100, 50) == QColor("#1f3a5f")
