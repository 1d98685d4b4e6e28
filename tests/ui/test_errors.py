"""Errors: a TrainerError is one clear message; anything else is logged and reported."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from trainer.errors import BankError, Problem, StorageError
from trainer.ui import app as app_module
from trainer.ui import dialogs
from trainer.workspace import Workspace


def test_excepthook_logs_bugs_and_shows_known_errors_plainly(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    crashes: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, e: errors.append(str(e)))
    monkeypatch.setattr(dialogs, "show_crash", lambda _p, path: crashes.append(path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    log_path = app_module.setup_logging(workspace)
    app_module.install_excepthook(log_path)

    try:
        raise StorageError("the disk is full", where="data.sqlite3")
    except StorageError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert errors == ["data.sqlite3: the disk is full"] and crashes == []

    try:
        raise RuntimeError("a bug")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert crashes == [log_path]
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "baseFilename", "") == log_path]
    for handler in ours:
        handler.flush()
        root.removeHandler(handler)
        handler.close()
    text = Path(log_path).read_text(encoding="utf-8")
    assert "RuntimeError: a bug" in text and "Traceback" in text


def test_bank_errors_list_every_problem() -> None:
    error = BankError("2 problems", [Problem("a.yaml", 3, 1, "x"), Problem("a.yaml", 9, 2, "y")])
    assert str(error).splitlines() == ["a.yaml:3:1: x", "a.yaml:9:2: y"]


def test_log_rotation_keeps_it_small(tmp_path: Path) -> None:
    log = tmp_path / "tip-trainer.log"
    log.write_bytes(b"x" * (app_module.LOG_LIMIT + 1))
    (tmp_path / "tip-trainer.log.1").write_text("older", encoding="utf-8")
    app_module.rotate_log(log)
    assert not log.exists()
    assert (tmp_path / "tip-trainer.log.1").stat().st_size == app_module.LOG_LIMIT + 1
    assert (tmp_path / "tip-trainer.log.2").read_text(encoding="utf-8") == "older"
