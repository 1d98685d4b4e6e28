"""House rules checked on the source itself."""

from __future__ import annotations

import ast
import re
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


# -- storage owns the schema ---------------------------------------------------------------
STORAGE = "storage/"
# A statement (or the start of one) in SQL's upper-case keywords. English text in the
# interface does not start this way; a fragment of a statement built in pieces does.
SQL_TEXT = re.compile(
    r"^\s*(SELECT|INSERT\s+(OR\s+[A-Z]+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|REPLACE\s+INTO|(CREATE|DROP)\s+(TEMP\s+|UNIQUE\s+)?(TABLE|INDEX|VIEW|TRIGGER)"
    r"|ALTER\s+TABLE|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|VACUUM|ATTACH"
    r"|(FROM|WHERE|JOIN|LEFT\s+JOIN|GROUP\s+BY|ORDER\s+BY|VALUES|ON\s+CONFLICT)\s)"
)
# Attributes that are a raw connection, or hand one out, or run SQL text.
RAW_DATABASE = {"conn", "transaction", "query", "query_one", "execute", "executemany", "cursor"}
SETTINGS_PRIMITIVES = {"get_setting", "set_setting", "put_setting"}


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def _attributes(tree: ast.AST) -> list[tuple[int, str]]:
    return [(node.lineno, node.attr) for node in ast.walk(tree) if isinstance(node, ast.Attribute)]


def storage_violations(path: Path, rel: str) -> list[str]:
    """SQL text, raw connections and sqlite3 in a module outside trainer/storage/."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        f"{rel}:{line}: SQL {text[:40]!r}" for line, text in _strings(tree) if SQL_TEXT.match(text)
    ]
    found += [
        f"{rel}:{line}: .{attr}"
        for line, attr in _attributes(tree)
        if attr in RAW_DATABASE | SETTINGS_PRIMITIVES
    ]
    found += [
        f"{rel}: imports sqlite3" for name in _imports(path) if name.split(".")[0] == "sqlite3"
    ]
    return found


def test_sql_and_connections_stay_in_storage() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if not rel.startswith(STORAGE):
            offenders += storage_violations(path, rel)
    assert offenders == [], "SQL or a raw connection outside trainer/storage/:\n" + "\n".join(
        offenders
    )


def test_the_storage_check_sees_each_kind_of_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import sqlite3\n"
        "def f(db):\n"
        '    db.query("SELECT 1")\n'
        "    with db.transaction() as c:\n"
        '        c.execute("UPDATE t SET a = 1")\n'
        '    sql = " FROM attempts a" + " WHERE a.id = ?"\n'
        "    return db.conn, db.get_setting('x')\n",
        encoding="utf-8",
    )
    found = "\n".join(storage_violations(bad, "bad.py"))
    for expected in ("SQL 'SELECT 1'", "SQL 'UPDATE t SET", "SQL ' FROM attempts", "SQL ' WHERE",
                     ".transaction", ".execute", ".conn", ".get_setting", "imports sqlite3"):  # fmt: skip
        assert expected in found, expected
    fine = tmp_path / "fine.py"
    fine.write_text('MESSAGE = "Select the bank to export"\nORDER = "from the first"\n')
    assert storage_violations(fine, "fine.py") == []


def test_setting_keys_are_spelled_only_where_settings_are_declared() -> None:
    from trainer.storage import settings

    keys = set(settings.BY_KEY)
    assert len(keys) == len(settings.ALL), "two settings share a key"
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "storage/settings.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{rel}:{line}: {text!r}" for line, text in _strings(tree) if text in keys]
        if not rel.startswith(STORAGE):
            continue
        offenders += [
            f"{rel}:{line}: .{attr}"
            for line, attr in _attributes(tree)
            if attr in SETTINGS_PRIMITIVES and rel != "storage/database.py"
        ]
    assert offenders == [], "a setting's key outside trainer/storage/settings.py:\n" + "\n".join(
        offenders
    )


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
