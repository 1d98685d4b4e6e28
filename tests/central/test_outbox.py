"""The outboxes of the local database: what a sync will send, filled by the database itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.central_data import fill_workstation
from trainer.storage.central.local import SyncLedger
from trainer.storage.database import Database


def test_results_recorded_before_the_upgrade_go_out_with_the_first_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Database.available_migrations
    monkeypatch.setattr(
        Database, "available_migrations", staticmethod(lambda: [m for m in real() if m[0] < 90])
    )
    path = tmp_path / "old.sqlite3"
    fill_workstation(path, 100, trainees=3)  # written by a program without the sync
    monkeypatch.undo()
    db = Database(path)
    status = SyncLedger(db).status()
    assert (status.attempts_waiting, status.answers_waiting, status.trainees_waiting) == (5, 100, 3)
    db.close()


def test_only_this_workstations_records_wait(tmp_path: Path) -> None:
    """Results merged from another workstation's bundle are that workstation's to send."""
    path = tmp_path / "ws.sqlite3"
    fill_workstation(path, 20, trainees=1)
    conn = sqlite3.connect(path)
    other = "e" * 32
    conn.execute(
        "INSERT INTO trainees (uid, name, institution, workstation_uid, created_at, updated_at)"
        " VALUES (?, 'From elsewhere', 'police', ?, '2026-01-01', '2026-01-01')",
        ("f" * 32, other),
    )
    conn.execute(
        "INSERT INTO attempts (uid, trainee_id, bank_id, bank_version, bank_hash, module_id,"
        " module_title, audiences, behaviour, language, seed, pass_mark, review, started_at,"
        " finished_at, state, max_score, workstation_uid) SELECT ?, max(id), 'b', '1', 'h', 'm',"
        " 't', 'police', 'exam', 'en', 1, 70, 'full', '2026-01-01', '2026-01-01', 'finished',"
        " 1, ? FROM trainees",
        ("9" * 32, other),
    )
    conn.commit()
    conn.close()
    db = Database(path)
    status = SyncLedger(db).status()
    assert (status.attempts_waiting, status.trainees_waiting) == (1, 1)
    db.close()


def test_an_edited_profile_waits_again_once_sent(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    fill_workstation(path, 20, trainees=2)
    db = Database(path)
    ledger = SyncLedger(db)
    sent = ledger.trainees_to_send(10)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE trainees SET name = 'Edited', updated_at = '2027-01-01' WHERE id = ?",
        (sent[0]["id"],),
    )
    conn.commit()
    conn.close()
    ledger.trainees_sent([(int(t["id"]), str(t["updated_at"])) for t in sent])
    # the edit came after what was sent: that profile stays queued, the other does not
    assert [t["name"] for t in ledger.trainees_to_send(10)] == ["Edited"]
    db.close()
