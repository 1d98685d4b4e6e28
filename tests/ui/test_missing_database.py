"""At start, a missing or empty database where a backup holds data stops and offers it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.test_backup_safety import _emptied, _with_data
from trainer.storage import audit, backups
from trainer.ui import startup
from trainer.workspace import Workspace


def test_an_empty_database_at_start_offers_the_newest_backup_holding_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    data, made = _with_data(tmp_path)
    _emptied(data, "empty")
    asked: list[tuple[str, str]] = []

    def answer(_p: Any, title: str, text: str) -> bool:
        asked.append((title, text))
        return True

    monkeypatch.setattr(startup, "ask_recover", answer)
    go_on, note = startup.check_database(data, quiet=False)
    assert go_on and made.name in note
    [(title, text)] = asked
    assert title == "The database is missing"
    assert str(data.database) in text and "Restore it?" in text
    ws = Workspace(data.root, shipped_banks=tmp_path)
    try:
        startup.record_recovery(ws, note)
        assert [t.name for t in ws.trainees.list()] == ["Survivor"]
        assert audit.entries(ws.db)[0].action == "database.recover"
    finally:
        ws.close()


@pytest.mark.parametrize("quiet", [False, True])
def test_declining_changes_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, quiet: bool
) -> None:
    data, made = _with_data(tmp_path)
    _emptied(data, "deleted")
    monkeypatch.setattr(startup, "ask_recover", lambda *_a: False)
    assert startup.check_database(data, quiet=quiet) == (False, "")
    assert not data.database.exists()
    assert [b.path for b in backups.list_backups(data.backups)] == [made.path]


def test_the_dialog_restores_by_default_and_closes_on_escape(qtbot: QtBot) -> None:
    box = startup.recover_box(None, "The database is missing", "text")
    qtbot.addWidget(box)
    assert box.defaultButton() is not None and "Restore" in box.defaultButton().text()
    assert box.escapeButton() is not None and "Close" in box.escapeButton().text()
