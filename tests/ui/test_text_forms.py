"""Counted words use Qt's plural forms, and placeholders are filled in one pass."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from trainer.banks.formats.report import fill
from trainer.ui import i18n
from trainer.ui.i18n import fmt

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "trainer" / "ui"
TRANSLATIONS = ROOT / "assets" / "translations"


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = node.body[0] if node.body else None
            if isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant):
                found.add(id(doc.value))
    return found


def test_no_parenthesised_plural_outside_qt_plural_forms() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.search(r"(?<!%)\(s\)", node.value)  # not a %(s)s style key
                and id(node) not in docs
                and "%n" not in node.value
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]}")
    assert offenders == []


def test_no_chained_placeholder_replace_in_the_interface() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "replace"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and re.fullmatch(r"%[1-9n]", node.args[0].value)
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_no_parenthesised_plural_in_the_translations() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        for translation in ET.parse(ts).getroot().iter("translation"):
            texts = [translation.text or ""] + [f.text or "" for f in translation]
            assert not any("(s)" in t for t in texts), (ts.name, texts)


def test_fmt_fills_every_marker_once_in_the_translators_order() -> None:
    assert fmt("%2 de %1", "Ana", "Bob") == "Bob de Ana"
    # a value containing a marker is not filled in again
    assert fmt("%1 and %2", "100%2", "x") == "100%2 and x"
    assert fmt("%1 %1", 7) == "7 7"
    assert fmt("%1 of %3", "a") == "a of %3"  # a missing value stays visible
    assert fill("%1 and %2", ("50%2", "y")) == "50%2 and y"


def test_plural_forms_in_english_and_french(qtbot: object) -> None:
    from trainer.ui.screens.quiz import SubmitTexts

    texts = SubmitTexts()
    assert "1 question is not answered" in texts.question(True, "Ana", 1)
    assert "3 questions are not answered" in texts.question(True, "Ana", 3)
    assert i18n.install("fr")
    try:
        assert "1 question sans réponse" in texts.question(True, "Ana", 1)
        assert "3 questions sans réponse" in texts.question(True, "Ana", 3)
        assert "examen de Ana" in texts.question(True, "Ana", 0)
    finally:
        i18n.install("en")
