"""The whole-database check at start: skipped before the window for a database closed
cleanly and untouched since, run off the GUI thread before the start-up backup instead;
a damaged database is then neither backed up nor trusted at the next start."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer import admin
from trainer.errors import StorageError
from trainer.paths import DataDir
from trainer.storage import backups
from trainer.storage.trainees import Institution
from trainer.ui import startup
from trainer.workspace import Workspace


def _closed(tmp_path: Path, trainees: int = 1) -> DataDir:
    ws = Workspace(tmp_path / "data", shipped_banks=tmp_path)
    for n in range(trainees):
        ws.trainees.create(f"Trainee {n} " + "x" * 150, Institution.POLICE)
    admin.automatic_backup(ws)
    ws.close()
    backups.record_clean_close(ws.data.database)
    return ws.data


def _checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []
    real = backups.check_database

    def spy(path: Path) -> list[str]:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(backups, "check_database", spy)
    return seen


def test_a_database_closed_cleanly_is_not_read_whole_before_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _closed(tmp_path)
    assert backups.closed_cleanly(data.database)
    checks = _checks(monkeypatch)
    assert startup.check_database(data, quiet=True) == (True, "")
    assert checks == []
    # The session is about to change the file: the note goes until the next clean close.
    assert not backups.closed_cleanly(data.database)
    assert startup.check_database(data, quiet=True) == (True, "")
    assert checks == [data.database]


@pytest.mark.parametrize("change", ["written", "wal-left", "check-needed"])
def test_a_database_changed_since_or_not_closed_cleanly_is_checked_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    data = _closed(tmp_path)
    if change == "written":  # by the command line, say, after the window closed
        ws = Workspace(data.root, shipped_banks=tmp_path)
        ws.trainees.create("Later", Institution.POLICE)
        ws.close()
    elif change == "wal-left":  # a crash: the journal is still beside the file
        data.database.with_name(data.database.name + "-wal").write_bytes(b"")
    else:
        backups.need_check(data.database)
        backups.record_clean_close(data.database)  # a clean close does not undo it
    assert not backups.closed_cleanly(data.database)
    checks = _checks(monkeypatch)
    startup.check_database(data, quiet=True)
    assert checks == [data.database]


def test_a_damaged_database_found_after_start_is_not_backed_up_and_is_checked_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage the file's status does not show (a disk fault): the start trusts it, the
    check before the start-up backup finds it, nothing is copied over the good backups,
    and the next start checks the file before opening it and offers the backup."""
    data = _closed(tmp_path, trainees=200)
    good = backups.list_backups(data.backups)
    page = 4096
    last = data.database.stat().st_size - page
    with data.database.open("r+b") as handle:  # the last page only: the file still opens
        handle.seek(last)
        handle.write(b"\xde\xad\xbe\xef" * (page // 4))
    backups.record_clean_close(data.database)  # as if its status had not changed
    assert startup.check_database(data, quiet=True) == (True, "")
    ws = Workspace(data.root, shipped_banks=tmp_path)
    try:
        with pytest.raises(StorageError, match="the database is damaged"):
            admin.startup_backup(ws)
    finally:
        ws.close()
    backups.record_clean_close(data.database)  # the session ends cleanly
    assert backups.list_backups(data.backups) == good
    assert not backups.closed_cleanly(data.database)
    asked: list[str] = []
    monkeypatch.setattr(startup, "ask_recover", lambda _p, _t, text: asked.append(text))
    assert startup.check_database(data, quiet=False) == (False, "")
    assert "The database of this workstation is damaged" in asked[0]


def test_the_start_up_backup_of_a_sound_database_is_taken(tmp_path: Path) -> None:
    data = _closed(tmp_path)
    ws = Workspace(data.root, shipped_banks=tmp_path)
    try:
        made = admin.startup_backup(ws)
    finally:
        ws.close()
    assert made.path.is_file() and backups.check_backup(made.path) == []
    assert len(backups.list_backups(data.backups)) == 2
