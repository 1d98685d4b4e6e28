"""The command line's backup, restore, audit and account commands."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from trainer import admin
from trainer.cli import main
from trainer.workspace import Workspace


def _setup(data: Path) -> None:
    ws = Workspace(data, shipped_banks=data)
    try:
        admin.first_setup(ws, "Centre", "Coord", "coordinator password")
    finally:
        ws.close()


def test_backup_list_restore_and_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "backup"]) == 0
    assert "backed up to" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "backups"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    made = Path(line.split()[-1])
    assert made.is_file()
    assert main(["restore", "--data-dir", str(data), str(made)]) == 0
    assert "restored" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "audit", "--action", "backup."]) == 0
    out = capsys.readouterr().out
    assert "backup.restore" in out and "cli:" in out
    assert main(["--data-dir", str(data), "audit", "--csv", str(tmp_path / "a.csv")]) == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").startswith("id,at_utc,actor")


def test_restore_of_a_missing_file_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "d"), "restore", str(tmp_path / "nope")]) == 2
    assert "cannot be restored" in capsys.readouterr().err


def test_accounts_and_reset_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    _setup(data)
    assert main(["--data-dir", str(data), "accounts"]) == 0
    assert "Coord" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("a new long password\n"))
    assert main(["--data-dir", str(data), "reset-password", "Coord"]) == 0
    ws = Workspace(data, shipped_banks=data)
    try:
        assert admin.sign_in(ws, "Coord", "a new long password").name == "Coord"
    finally:
        ws.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--data-dir", str(data), "reset-password", "Coord"]) == 2
    assert "at least 10" in capsys.readouterr().err
