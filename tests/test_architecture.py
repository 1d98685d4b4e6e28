"""House rules checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "trainer"
# The screens; the certificate page (QPdfWriter); reading a scanned certificate (QImage).
QT_ALLOWED = ("ui/", "certificates/pdf.py", "certificates/scan.py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_below_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(QT_ALLOWED[0]) or rel in QT_ALLOWED[1:]:
            continue
        if any(name.split(".")[0] == "PySide6" for name in _imports(path)):
            offenders.append(rel)
    assert offenders == [], f"PySide6 imported outside trainer/ui/: {offenders}"


def test_nothing_imports_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("ui/") or rel in ("cli.py", "__main__.py"):
            continue
        if any(name.startswith("trainer.ui") for name in _imports(path)):
            offenders.append(rel)
    assert offenders == [], f"trainer.ui imported from the core: {offenders}"


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(bad)


# Names a reader must be able to take at their word: each class is defined once.
UNIQUE_CLASS_NAMES = ("Kind", "Problem")


def test_clashing_class_names_are_defined_once() -> None:
    found: dict[str, list[str]] = {name: [] for name in UNIQUE_CLASS_NAMES}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in found:
                found[node.name].append(path.relative_to(PACKAGE).as_posix())
    assert {n: len(paths) for n, paths in found.items()} == dict.fromkeys(found, 1), found
