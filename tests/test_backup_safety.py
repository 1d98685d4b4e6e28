"""Nothing lost through the backups: a missing or empty database is not silently made
new, rotation keeps the last backup holding data, and a restore takes only a TiP Trainer
database of a known schema and keeps the audit entries made since the backup."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer import admin
from trainer.access import Role
from trainer.cli import main
from trainer.errors import DatabaseMissingError, TrainerError
from trainer.paths import DataDir
from trainer.storage import audit, backups
from trainer.storage.database import Database
from trainer.storage.trainees import Institution, TraineeRepository
from trainer.workspace import Workspace

HOSTILE = Path(__file__).parent / "data" / "hostile"
T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def _with_data(tmp_path: Path) -> tuple[DataDir, backups.Backup]:
    """A workstation with a trainee and one backup of it, then closed."""
    ws = Workspace(tmp_path / "data", shipped_banks=tmp_path)
    admin.first_setup(ws, "Centre", "Coord", "coordinator password")
    ws.trainees.create("Survivor", Institution.POLICE)
    made = admin.automatic_backup(ws)
    ws.close()
    return ws.data, made


def _emptied(data: DataDir, how: str) -> None:
    for side in data.root.glob("tip-trainer.sqlite3-*"):
        side.unlink()
    if how == "deleted":
        data.database.unlink()
    elif how == "empty":
        data.database.write_bytes(b"")
    else:  # an SQLite file with no tables in it
        shutil.copyfile(HOSTILE / "05-no-tables.sqlite3", data.database)


# -- 1. a missing or empty database --------------------------------------------------------
@pytest.mark.parametrize("how", ["deleted", "empty", "no tables"])
def test_a_missing_or_empty_database_is_not_made_new_when_backups_hold_data(
    tmp_path: Path, how: str
) -> None:
    data, made = _with_data(tmp_path)
    _emptied(data, how)
    size = data.database.stat().st_size if data.database.exists() else None
    with pytest.raises(DatabaseMissingError) as info:
        Workspace(data.root, shipped_banks=tmp_path)
    message = str(info.value)
    assert made.name in message and "restore" in message
    assert info.value.backup is not None and info.value.backup.path == made.path
    # nothing was created or backed up
    assert (data.database.stat().st_size if data.database.exists() else None) == size
    assert [b.path for b in backups.list_backups(data.backups)] == [made.path]


def test_a_new_installation_still_starts_when_no_backup_holds_data(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    empty = Database(tmp_path / "other.sqlite3")
    backups.create_backup(empty, data.backups)  # a backup of an empty installation
    empty.close()
    data.database.write_bytes(b"")
    ws = Workspace(data.root, shipped_banks=tmp_path)
    ws.close()


def test_the_command_line_names_the_backup_and_how_to_restore_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, made = _with_data(tmp_path)
    _emptied(data, "empty")
    assert main(["--data-dir", str(data.root), "accounts"]) == 2
    err = capsys.readouterr().err
    assert str(made.path) in err and "python -m trainer restore" in err
    assert data.database.stat().st_size == 0
    assert main(["--data-dir", str(data.root), "restore", str(made.path)]) == 0
    capsys.readouterr()
    ws = Workspace(data.root, shipped_banks=tmp_path)
    try:
        assert [t.name for t in ws.trainees.list()] == ["Survivor"]
        assert audit.entries(ws.db)[0].action == "database.recover"
        assert list(data.root.glob("tip-trainer.sqlite3.replaced-*"))  # the empty file kept
    finally:
        ws.close()


def test_rotation_never_deletes_the_last_backup_holding_data(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    full = Database(tmp_path / "full.sqlite3")
    TraineeRepository(full).create("Survivor", Institution.POLICE)
    kept = backups.create_backup(full, folder, keep=10, now=T0)
    full.close()
    empty = Database(tmp_path / "empty.sqlite3")
    for n in range(1, 16):  # fifteen starts of a database that holds nothing
        backups.create_backup(empty, folder, keep=10, now=T0 + timedelta(hours=n))
    empty.close()
    found = backups.list_backups(folder)
    assert kept.path.exists()
    assert len(found) == 11  # the ten newest, and the last one holding data
    assert backups.newest_with_data(folder) == found[-1]
    assert [b for b in found if backups.holds_data(b.path)] == [found[-1]]


# -- 5. what a restore accepts, and the audit entries it keeps -----------------------------
def _newer_schema(tmp_path: Path, made: backups.Backup) -> Path:
    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(made.path, newer)
    conn = sqlite3.connect(newer)
    conn.execute(
        "INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', '2030-01-01T00:00:00')"
    )
    conn.commit()
    conn.close()
    return newer


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("01-empty.sqlite3", "empty"),
        ("05-not-sqlite.sqlite3", "not a TiP Trainer database"),
        ("05-other-app.sqlite3", "not a TiP Trainer database"),
        ("05-no-tables.sqlite3", "not a TiP Trainer database"),
        ("newer", "newer version"),
        ("missing", "missing"),
    ],
)
def test_restore_takes_only_a_tip_trainer_database_of_a_known_schema(
    tmp_path: Path, name: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, made = _with_data(tmp_path)
    if name == "newer":
        candidate = _newer_schema(tmp_path, made)
    elif name == "missing":
        candidate = tmp_path / "nothing here.sqlite3"
    else:
        candidate = tmp_path / name
        shutil.copyfile(HOSTILE / name, candidate)
    assert any(reason in p for p in backups.check_backup(candidate))
    before = candidate.read_bytes() if candidate.exists() else None
    assert main(["--data-dir", str(data.root), "restore", str(candidate)]) == 2
    assert reason in capsys.readouterr().err
    ws = Workspace(data.root, shipped_banks=tmp_path)
    try:
        assert [t.name for t in ws.trainees.list()] == ["Survivor"]  # nothing replaced
    finally:
        ws.close()
    assert (candidate.read_bytes() if candidate.exists() else None) == before


def test_a_good_backup_passes_the_check(tmp_path: Path) -> None:
    _data, made = _with_data(tmp_path)
    assert backups.check_backup(made.path) == []


def test_restore_keeps_the_audit_entries_made_since_the_backup(tmp_path: Path) -> None:
    data, made = _with_data(tmp_path)
    ws = Workspace(data.root, shipped_banks=tmp_path)
    try:
        admin.sign_in(ws, "Coord", "coordinator password")
        ws.audit("results.export", "42 attempts to results.csv")
        admin.create_account(ws, "Trainer Jo", "trainer password", Role.TRAINER)
        since = [(e.actor, e.action, e.detail) for e in audit.entries(ws.db, limit=2)]
        admin.restore_backup(ws, made.path)
        after = audit.entries(ws.db, limit=100)
        assert after[0].action == "backup.restore"
        assert "audit entries" in after[0].detail and "kept" in after[0].detail
        kept = [(e.actor, e.action, e.detail) for e in after[1:]]
        for entry in since:
            assert entry in kept
        # the account created since the backup is gone with the data, its record is not
        assert [a.name for a in ws.accounts.list()] == ["Coord"]
        with pytest.raises(TrainerError):
            ws.accounts.get("Trainer Jo")
    finally:
        ws.close()
