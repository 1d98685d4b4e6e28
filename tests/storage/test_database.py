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


def test_a_register_made_before_certificates_travelled_is_kept_whole(tmp_path: Path) -> None:
    """Migration 40 rebuilds the register so that numbers run per issuer; every
    certificate already recorded comes through unchanged."""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for version, name, sql in Database.available_migrations():
        if version >= 40:
            continue
        for statement in _statements(sql):
            conn.execute(statement)
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (version, name))
    conn.execute(
        "INSERT INTO trainees (id, uid, name, institution, workstation_uid, created_at,"
        " updated_at) VALUES (1, 'u1', 'Alice', 'police', 'w', 'then', 'then')"
    )
    row = (
        "AAAA-2026-00001", 2026, 1, "module", 1, "Alice", "police", "m1", "[]", "police",
        80.0, 2.0, "2026-05-04", "then", "aaaa", "Centre", "CODE",
    )  # fmt: skip
    insert = (
        "INSERT INTO certificates (number, year, seq, kind, trainee_id, trainee_name,"
        " institution, subject, modules, audiences, score, training_hours, certified_on,"
        " issued_at, issuer_key_id, issuer_name, code) VALUES"
        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    conn.execute(insert, row)
    conn.commit()
    conn.close()

    db = Database(path)
    assert db.schema_version >= 40
    kept = db.query_one("SELECT number, code, subject, score FROM certificates")
    assert kept is not None and tuple(kept) == ("AAAA-2026-00001", "CODE", "m1", 80.0)
    with db.transaction() as tx:  # the same year and sequence from another issuer
        tx.execute(insert, ("BBBB-2026-00001", *row[1:7], "m2", *row[8:14], "bbbb", *row[15:]))
    with pytest.raises(StorageError), db.transaction() as tx:  # but not from the same one
        tx.execute(insert, ("AAAA-2026-00001X", *row[1:7], "m3", *row[8:]))
    assert db.query_one("PRAGMA foreign_key_check") is None
    db.close()
