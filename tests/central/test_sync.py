"""Sync between workstations' SQLite and a real central PostgreSQL: push, pull, idempotency."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.central_data import QUESTIONS_PER_ATTEMPT, fill_workstation
from tests.postgres import CentralServer
from trainer.central.sync import sync_now, sync_status
from trainer.errors import CentralError, ErrorCode
from trainer.storage.database import Database


def _workstation(tmp_path: Path, name: str, answers: int, **kw: object) -> tuple[Database, str]:
    path = tmp_path / f"{name}.sqlite3"
    uid = fill_workstation(path, answers, **kw)  # type: ignore[arg-type]
    return Database(path), uid


def test_push_sends_every_answer_once(tmp_path: Path, central_db: CentralServer) -> None:
    db, uid = _workstation(tmp_path, "a", 200)
    config = central_db.add_workstation(uid, "Lab A")
    before = sync_status(db, config)
    assert before.attempts_waiting == 10 and before.answers_waiting == 200
    report = sync_now(db, config)
    assert report.ok, report.lines()
    assert report.pushed["attempts"] == 10 and report.pushed["answers"] == 200
    counts = central_db.query(
        "SELECT (SELECT count(*) FROM attempts), (SELECT count(*) FROM attempt_questions),"
        " (SELECT count(*) FROM steps), (SELECT count(*) FROM trainees)"
    )
    assert counts == [(10, 200, 10 * (QUESTIONS_PER_ATTEMPT + 2), 2)]
    after = sync_status(db, config)
    assert after.waiting == 0 and after.last_success_at is not None
    assert after.station == 1 and after.last_error_code is None
    again = sync_now(db, config)  # nothing new: nothing sent
    assert "attempts" not in again.pushed
    db.close()


def test_unreachable_server_is_recorded_and_nothing_is_lost(tmp_path: Path) -> None:
    from trainer.central.config import CentralConfig

    db, _ = _workstation(tmp_path, "a", 40)
    config = CentralConfig(host="127.0.0.1", port=1, dbname="tip", user="u", connect_timeout=2)
    with pytest.raises(CentralError) as info:
        sync_now(db, config)
    assert info.value.code is ErrorCode.CENTRAL_UNREACHABLE
    status = sync_status(db, config)
    assert status.last_error_code is ErrorCode.CENTRAL_UNREACHABLE
    assert status.attempts_waiting == 2 and status.last_success_at is None
    db.close()


def test_credentials_of_another_workstation_are_refused(
    tmp_path: Path, central_db: CentralServer
) -> None:
    db, _ = _workstation(tmp_path, "a", 20)
    other = central_db.add_workstation("c" * 32)
    with pytest.raises(CentralError) as info:
        sync_now(db, other)
    assert info.value.code is ErrorCode.CENTRAL_OTHER_WORKSTATION
    assert central_db.query("SELECT count(*) FROM attempts") == [(0,)]
    db.close()
