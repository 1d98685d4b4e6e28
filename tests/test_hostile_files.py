"""Hostile files and text at the command line: unbounded reads, control characters echoed
to the terminal, bank versions that would build paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.certificates.factory import passed
from trainer.banks.loader import load_bank
from trainer.banks.model import Bank
from trainer.certificates import issuing
from trainer.cli import main
from trainer.errors import BankError
from trainer.files import TooLargeError, read_bounded
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

HOSTILE = Path(__file__).parent / "data" / "hostile"
ZERO = Path("/dev/zero")
needs_dev_zero = pytest.mark.skipif(not ZERO.exists(), reason="no /dev/zero on this system")
ROOT = Path(__file__).parents[1]


# -- 14: reads bounded whatever stat() says ----------------------------------------------
@needs_dev_zero
def test_a_bounded_read_stops_at_the_limit_on_an_endless_file() -> None:
    assert ZERO.stat().st_size == 0  # what stat() says
    with pytest.raises(TooLargeError):
        read_bounded(ZERO, 1024)


def test_a_bounded_read_returns_a_file_within_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_bounded(path, 10) == b"x" * 10
    with pytest.raises(TooLargeError):
        read_bounded(path, 9)


@needs_dev_zero
@pytest.mark.parametrize(
    "command",
    [
        ["validate", "/dev/zero"],
        ["keys", "import", "/dev/zero", "--data-dir", "DATA"],
        ["certificates", "import-revocations", "/dev/zero", "--data-dir", "DATA"],
        ["import-bank", "/dev/zero", "--data-dir", "DATA"],
        ["verify-certificate", "/dev/zero", "--data-dir", "DATA"],
    ],
)
def test_commands_given_dev_zero_stop_at_their_limit(tmp_path: Path, command: list[str]) -> None:
    """Each command in a child process, with its memory capped at 1 GiB: before, they grew
    without end."""
    limit = 1024**3
    code = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))\n"
        "from trainer.cli import main\n"
        f"sys.exit(main({[str(tmp_path / 'data') if a == 'DATA' else a for a in command]!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode in (1, 2), result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert "large" in (result.stdout + result.stderr)


# -- 11: control characters never reach the terminal raw ----------------------------------
def test_commands_never_echo_control_characters_raw(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    sample_bank: Bank,
    banks_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("trainer.workspace.shipped_banks_dir", lambda: banks_dir)
    trainee, attempt = passed(workspace, sample_bank, "Aline Niyonzima")
    assert issuing.issue_for_attempt(workspace, attempt) is not None
    # stored by an older version, before such names were refused
    workspace.db.conn.execute(
        "UPDATE certificates SET trainee_name = ? WHERE trainee_id = ?",
        ("Aline\x1b[2J\x1b]0;owned\x07Niyonzima", trainee.id),
    )
    workspace.audit("test.hostile", "detail \x1b[31mred\r\u202eevil")
    (workspace.data.banks / "bad\x1b[5m.yaml").write_text("format: 1\n", encoding="utf-8")
    here = ["--data-dir", str(workspace.data.root)]
    for command in (["banks"], ["certificates", "list"], ["audit"]):
        main([*command, *here])
        captured = capsys.readouterr()
        for stream in (captured.out, captured.err):
            assert "\x1b" not in stream and "\x07" not in stream and "\r" not in stream
            assert "\u202e" not in stream
    main(["certificates", "list", *here])
    assert "Aline\\x1b[2J\\x1b]0;owned\\x07Niyonzima" in capsys.readouterr().out


def test_names_with_control_characters_are_refused_where_entered(workspace: Workspace) -> None:
    for name, number in (("Aline\x00N", None), ("Aline\x1bN", None), ("Aline", "PNB\x00-7")):
        with pytest.raises(Exception, match="control or invisible"):
            workspace.trainees.create(name, Institution.POLICE, number)
    assert workspace.trainees.list() == []


def test_a_control_character_in_a_bank_is_reported_at_its_line_and_column() -> None:
    with pytest.raises(BankError) as caught:
        load_bank(HOSTILE / "11-control-character.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (6, 36)
    assert "\\x1b" in problem.message and "\x1b" not in problem.message


# -- 16: a bank version never builds a path -----------------------------------------------
def test_a_version_with_a_slash_is_refused_and_never_breaks_later_imports(
    tmp_path: Path, workspace: Workspace
) -> None:
    with pytest.raises(BankError) as caught:
        load_bank(HOSTILE / "16-version-with-slash.yaml")
    assert any("version" in p.message and p.line == 4 for p in caught.value.problems)
    library = workspace.library()
    with pytest.raises(BankError):
        library.import_bank(HOSTILE / "16-version-with-slash.yaml")
    # a library file written by an older version with such a version: the next import of
    # that bank archives it under a safe name and goes through
    target = workspace.data.banks / "sample.yaml"
    shutil.copyfile(HOSTILE / "16-version-with-slash.yaml", target)
    good = tmp_path / "sample.yaml"
    shutil.copyfile(Path(__file__).parent / "data" / "banks" / "sample.yaml", good)
    for _ in range(2):
        result = library.import_bank(good)
        assert result.archived is not None
        assert result.archived.parent == workspace.data.banks / "archive"
        assert "/" not in result.archived.name[len("sample") :]
    assert load_bank(target).version == "1.0"


def test_files_from_outside_are_read_only_through_read_bounded() -> None:
    """A forbidden-pattern check: whole-file reads are left only where the program reads
    its own files (shipped font, migrations, its lock file)."""
    import re

    allowed = {
        "trainer/files.py",  # read_bounded itself
        "trainer/text.py",  # the shipped certificate font
        "trainer/storage/database.py",  # the shipped migrations
        "trainer/storage/central/__init__.py",  # the central database's shipped migrations
        "trainer/instance.py",  # the program's own lock file
    }
    pattern = re.compile(r"\.read_bytes\(\)|\.read_text\(|\bzf\.read\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "trainer").rglob("*.py"))
        if str(path.relative_to(ROOT)) not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
