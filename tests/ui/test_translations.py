"""Every visible string ships in French, and the compiled translations are current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from trainer.storage.trainees import Institution

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "assets" / "translations" / "tip_trainer_fr.ts"
TS_EN = ROOT / "assets" / "translations" / "tip_trainer_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
UI_SOURCES = sorted(
    str(p)
    for folder in ("trainer/ui", "trainer/certificates")
    for p in (ROOT / folder).rglob("*.py")
)


def _messages(ts: Path) -> list[tuple[str, str, str, str | None]]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if message.get("numerus") == "yes" and translation.get("type") is None:
                # French has two plural forms; each must be there and say %n
                assert len(forms) == 2 and all("%n" in f for f in forms), (name, forms)
            for text in forms or [translation.text or ""]:
                out.append((name, message.findtext("source") or "", text, translation.get("type")))
    return out


def _tool(name: str) -> Path:
    for candidate in (BIN / name, BIN / f"{name}.exe"):
        if candidate.exists():
            return candidate
    pytest.skip(f"{name} is not installed with PySide6 here")


def test_every_message_has_a_french_translation() -> None:
    missing = [(c, s) for c, s, t, kind in _messages(TS) if kind is not None or not t.strip()]
    assert missing == [], f"{len(missing)} message(s) without French: {missing[:10]}"


def test_placeholders_survive_translation() -> None:
    for context, source, translation, _ in _messages(TS):
        for n in range(1, 5):
            marker = f"%{n}"
            assert (marker in source) == (marker in translation), (context, source, translation)


def test_translation_file_covers_every_string_in_the_code(tmp_path: Path) -> None:
    """lupdate on the current code adds nothing new to the committed .ts."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    done = subprocess.run(
        [
            str(_tool("pyside6-lupdate")),
            "-no-obsolete",
            "-locations",
            "none",
            *UI_SOURCES,
            "-ts",
            str(copy),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    unfinished = [(c, s) for c, s, _, kind in _messages(copy) if kind == "unfinished"]
    assert unfinished == [], (
        f"strings not yet in the .ts (run 'make translations'): {unfinished[:10]}"
    )


def test_english_has_every_plural_form_and_no_parenthesised_s(tmp_path: Path) -> None:
    """English is the source language: its .ts carries only plural forms, all filled in."""
    copy = tmp_path / TS_EN.name
    shutil.copy(TS_EN, copy)
    done = subprocess.run(
        [
            str(_tool("pyside6-lupdate")),
            "-no-obsolete",
            "-locations",
            "none",
            "-pluralonly",
            *UI_SOURCES,
            "-ts",
            str(copy),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    messages = _messages(copy)
    assert len(messages) >= 10
    missing = [(c, s) for c, s, t, kind in messages if kind is not None or not t.strip()]
    assert missing == [], f"plural forms missing (run 'make translations'): {missing[:10]}"
    assert [t for _, _, t, _ in messages if "(s)" in t] == []
    out = tmp_path / "en.qm"
    subprocess.run([str(_tool("pyside6-lrelease")), "-silent", str(TS_EN), "-qm", str(out)])
    assert out.read_bytes() == TS_EN.with_suffix(".qm").read_bytes()


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    out = tmp_path / "fr.qm"
    done = subprocess.run(
        [str(_tool("pyside6-lrelease")), "-silent", str(TS), "-qm", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == QM.read_bytes(), "run 'make translations' to rebuild the .qm"


def test_switching_language_rebuilds_the_screens_in_french(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from trainer.ui.main_window import MainWindow

    window = MainWindow(workspace, language="en")
    qtbot.addWidget(window)
    titles = [w.text() for w in window.findChildren(QLabel) if w.objectName() == "screenTitle"]
    assert "Welcome to TiP Trainer" in titles
    window.set_language("fr")
    titles = [w.text() for w in window.findChildren(QLabel) if w.objectName() == "screenTitle"]
    assert "Bienvenue dans TiP Trainer" in titles
    assert workspace.db.get_setting("ui_language") == "fr"
    assert window.menuBar().actions()[0].text() == "&Fichier"
    window.set_language("en")


def test_numbers_follow_the_interface_language(qtbot, workspace, sample_bank) -> None:  # type: ignore[no-untyped-def]
    """A French screen writes 1,5 hours and 0,42, an English one 1.5 and 0.42."""
    from trainer.ui import i18n
    from trainer.ui.numbers import fixed, number
    from trainer.ui.screens.modules import ModulesScreen

    try:
        i18n.install("fr")
        assert (number(1.5), number(70.0), fixed(0.4213, 2)) == ("1,5", "70", "0,42")
        from trainer.ui.screens.backups import _size

        assert (_size(1536 * 1024), _size(2048)) == ("1,5 Mo", "2 Ko")
        trainee = workspace.trainees.create("Aline", Institution.POLICE)
        screen = ModulesScreen(workspace, trainee, "fr")
        qtbot.addWidget(screen)
        screen.cards.setCurrentRow(0)
        hours = sample_bank.modules[0].training_hours
        assert not float(hours).is_integer()  # the sample module has 1.5 hours
        assert "1,5" in screen.description.text()
        assert "1.5" not in screen.description.text()
    finally:
        i18n.install("en")
    from trainer.ui.screens.backups import _size

    assert (number(1.5), fixed(0.4213, 2), _size(1536 * 1024)) == ("1.5", "0.42", "1.5 MB")


def test_module_screen_says_when_the_law_was_checked(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A bank's 'law as of' day shows under the module, in the interface language."""
    from tests.conftest import SAMPLE_BANK
    from trainer.ui import i18n
    from trainer.ui.screens.modules import ModulesScreen
    from trainer.workspace import Workspace

    shipped = tmp_path / "shipped"
    shipped.mkdir()
    text = SAMPLE_BANK.read_text(encoding="utf-8")
    dated = text.replace('version: "1.0"', 'version: "1.0"\nlaw_as_of: "2026-11-30"')
    (shipped / "sample.yaml").write_text(dated, encoding="utf-8")
    workspace = Workspace(tmp_path / "data", shipped_banks=shipped)
    try:
        trainee = workspace.trainees.create("Aline", Institution.POLICE)
        for language, expected in (
            ("en", "Law as of 30 November 2026 (version 1.0)."),
            ("fr", "Droit à jour au 30 novembre 2026 (version 1.0)."),
        ):
            i18n.install(language)
            screen = ModulesScreen(workspace, trainee, language)
            qtbot.addWidget(screen)
            screen.cards.setCurrentRow(0)
            assert expected in screen.description.text()
    finally:
        i18n.install("en")
        workspace.close()


def test_every_translation_context_is_one_qt_looks_up() -> None:
    """A context is a class whose tr() Qt calls, or the first argument of translate();
    `parent.tr(...)` in a function files its strings under "parent", never found."""
    import re

    root = Path(__file__).resolve().parents[2]
    source = "\n".join(p.read_text(encoding="utf-8") for p in (root / "trainer").rglob("*.py"))
    ts = (root / "assets" / "translations" / "tip_trainer_fr.ts").read_text(encoding="utf-8")
    contexts = set(re.findall(r"<name>([^<]+)</name>", ts))
    unknown = [
        c
        for c in sorted(contexts)
        if not re.search(rf"\bclass {re.escape(c)}\b|[\"']{re.escape(c)}[\"']", source)
    ]
    assert unknown == []
