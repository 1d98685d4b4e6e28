"""Backups with the SQLite backup API, keeping the last N, integrity checks and restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer.errors import StorageError
from trainer.storage import backups
from trainer.storage.database import Database
from trainer.storage.trainees import Institution, TraineeRepository

T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def _names(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT name FROM trainees ORDER BY id")]


def damage(path: Path) -> None:
    """Write garbage over the file's pages (the header page included)."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for offset in range(0, size, 4096):
            handle.seek(offset)
            handle.write(b"\xde\xad\xbe\xef" * 256)


def test_backup_is_a_complete_consistent_copy(db: Database, tmp_path: Path) -> None:
    TraineeRepository(db).create("Aline", Institution.POLICE)
    made = backups.create_backup(db, tmp_path / "b", now=T0)
    assert made.name == "tip-trainer-20260301T093000000000Z.sqlite3"
    assert made.taken_at == T0 and made.size > 0
    assert backups.check_database(made.path) == []
    copy = Database(made.path)
    try:
        assert _names(copy) == ["Aline"]
    finally:
        copy.close()
    assert not list((tmp_path / "b").glob("*.part"))


def test_keeps_the_last_n_regular_backups(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    for hour in range(5):
        backups.create_backup(db, folder, keep=3, now=T0 + timedelta(hours=hour))
    labelled = backups.create_backup(
        db, folder, keep=3, label="before-restore", now=T0 - timedelta(days=9)
    )
    found = backups.list_backups(folder)
    assert [b.taken_at.hour for b in found if not b.label] == [13, 12, 11]
    assert labelled.path.exists() and labelled.label == "before-restore"
    (folder / "notes.txt").write_text("not a backup", encoding="utf-8")
    assert len(backups.list_backups(folder)) == 4


def test_backup_due_daily(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    assert backups.backup_due(folder, T0)
    backups.create_backup(db, folder, now=T0)
    assert not backups.backup_due(folder, T0 + timedelta(hours=23))
    assert backups.backup_due(folder, T0 + timedelta(hours=24))


def test_backup_on_a_full_disk_is_a_clear_error(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full)
    with pytest.raises(StorageError, match="backup could not be written"):
        backups.create_backup(db, tmp_path / "b", now=T0)
    assert backups.list_backups(tmp_path / "b") == []
    assert not list((tmp_path / "b").glob("*.part"))


def test_damaged_database_is_detected(db: Database, tmp_path: Path) -> None:
    TraineeRepository(db).create("Aline", Institution.POLICE)
    path = db.path
    assert path is not None
    db.close()
    assert backups.check_database(path) == []
    damage(path)
    problems = backups.check_database(path)
    assert problems and "not a database" in problems[0]
    assert backups.check_database(tmp_path / "absent.sqlite3") == []


def test_damaged_page_inside_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "inner.sqlite3"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("CREATE INDEX t_text ON t (text)")
        conn.executemany(
            "INSERT INTO t (text) VALUES (?)", [(f"{n} " + "x" * 150,) for n in range(400)]
        )
    conn.close()
    with path.open("r+b") as handle:  # keep the header; spoil the pages after it
        handle.seek(4096 * 3)
        handle.write(b"\x00\xff" * 4096 * 4)
    assert backups.check_database(path) != []


def test_restore_round_trip(db: Database, tmp_path: Path) -> None:
    repo = TraineeRepository(db)
    repo.create("Before", Institution.POLICE)
    made = backups.create_backup(db, tmp_path / "b", now=T0)
    repo.create("After", Institution.JUDICIARY)
    path = db.path
    assert path is not None
    db.close()
    kept = backups.replace_database(made.path, path, keep_old=False)
    assert kept is None
    reopened = Database(path)
    try:
        assert _names(reopened) == ["Before"]
    finally:
        reopened.close()


def test_restore_keeps_a_damaged_file_aside(db: Database, tmp_path: Path) -> None:
    TraineeRepository(db).create("Aline", Institution.POLICE)
    made = backups.create_backup(db, tmp_path / "b", now=T0)
    path = db.path
    assert path is not None
    db.close()
    damage(path)
    kept = backups.replace_database(made.path, path, keep_old=True)
    assert kept is not None and kept.exists() and kept.name.startswith("test.sqlite3.replaced-")
    assert backups.check_database(path) == []


def test_a_damaged_backup_is_not_restored(db: Database, tmp_path: Path) -> None:
    made = backups.create_backup(db, tmp_path / "b", now=T0)
    damage(made.path)
    path = db.path
    assert path is not None
    with pytest.raises(StorageError, match="cannot be restored"):
        backups.replace_database(made.path, path, keep_old=False)
    assert backups.latest_good(tmp_path / "b") is None
    assert backups.check_database(path) == []  # the live database was not touched


def test_latest_good_skips_damaged_backups(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    older = backups.create_backup(db, folder, now=T0)
    newer = backups.create_backup(db, folder, now=T0 + timedelta(hours=1))
    damage(newer.path)
    good = backups.latest_good(folder)
    assert good is not None and good.path == older.path


def test_stale_wal_is_not_replayed_into_the_restored_copy(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite3"
    database = Database(path)
    TraineeRepository(database).create("Old", Institution.POLICE)
    made = backups.create_backup(database, tmp_path / "b", now=T0)
    TraineeRepository(database).create("Only in the WAL", Institution.POLICE)
    # a crash: the WAL is left behind, never checkpointed
    wal = path.with_name(path.name + "-wal")
    saved_wal = wal.read_bytes()
    database.close()
    wal.write_bytes(saved_wal)
    backups.replace_database(made.path, path, keep_old=False)
    assert not wal.exists() or wal.stat().st_size == 0
    conn = sqlite3.connect(path)
    try:
        assert [r[0] for r in conn.execute("SELECT name FROM trainees")] == ["Old"]
    finally:
        conn.close()
