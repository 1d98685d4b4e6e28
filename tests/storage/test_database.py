"""The database: pragmas, migrations, transactions and plain storage errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from trainer.banks.model import Bank
from trainer.errors import StorageError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.session import QuizSession
from trainer.storage.attempts import AttemptRepository
from trainer.storage.database import Database, _statements
from trainer.storage.trainees import Institution, TraineeRepository


def test_wal_foreign_keys_and_schema(tmp_path: Path) -> None:
    db = Database(tmp_path / "a.sqlite3")
    assert db.query_one("PRAGMA journal_mode")[0] == "wal"  # type: ignore[index]
    assert db.query_one("PRAGMA foreign_keys")[0] == 1  # type: ignore[index]
    assert db.schema_version >= 2
    tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"trainees", "attempts", "attempt_questions", "steps", "audit_log"} <= tables
    db.close()


def test_migrations_run_once(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    first = Database(path)
    uid = first.workstation_uid
    first.close()
    again = Database(path)
    assert again.migrate() == []
    assert again.workstation_uid == uid
    again.close()


def test_a_failed_transaction_leaves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        raise RuntimeError("boom")
    assert db.get_setting("a") is None


def test_sql_errors_become_plain_storage_errors(db: Database) -> None:
    with pytest.raises(StorageError), db.transaction() as conn:
        conn.execute("INSERT INTO trainees (uid) VALUES ('x')")  # NOT NULL violated
    with pytest.raises(StorageError):
        db.query("SELECT * FROM no_such_table")


def test_full_disk_is_reported_plainly(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    class FullConnection:
        def __init__(self, real: sqlite3.Connection) -> None:
            self.real = real

        def execute(self, sql: str, *args: Any) -> object:
            if sql.startswith("INSERT"):
                raise sqlite3.OperationalError("database or disk is full")
            return self.real.execute(sql, *args)

    monkeypatch.setattr(db, "conn", FullConnection(db.conn))
    with pytest.raises(StorageError, match="disk is full"):
        db.set_setting("x", "1")
    monkeypatch.undo()
    assert db.get_setting("x") is None
    db.set_setting("x", "2")
    assert db.get_setting("x") == "2"


def test_damaged_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StorageError, match="damaged"):
        Database(path)


def test_steps_are_append_only(db: Database, sample_bank: Bank) -> None:
    trainee = TraineeRepository(db).create("A", Institution.POLICE)
    session = QuizSession.start(
        sample_bank,
        sample_bank.modules[0],
        Behaviour.PRACTICE,
        trainee_id=trainee.id,
        language="en",
        recorder=AttemptRepository(db).recorder,
    )
    with pytest.raises(StorageError, match="append-only"), db.transaction() as conn:
        conn.execute(
            "UPDATE steps SET action = 'finish' WHERE attempt_id = ?", (session.attempt_id,)
        )
    assert db.query_one("SELECT action FROM steps")["action"] == "start"  # type: ignore[index]


def test_statement_splitting_keeps_triggers_whole() -> None:
    sql = (
        "-- c\nCREATE TABLE a (x);\nCREATE TRIGGER t BEFORE UPDATE ON a\nBEGIN\n  SELECT 1;\nEND;\n"
    )
    parts = _statements(sql)
    assert len(parts) == 2 and parts[1].endswith("END;")


def test_settings_round_trip(db: Database) -> None:
    db.set_setting("ui_language", "fr")
    db.set_setting("ui_language", "en")
    assert db.get_setting("ui_language") == "en"
    assert db.get_setting("missing", "d") == "d"
