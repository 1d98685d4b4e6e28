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


def test_a_newer_server_schema_is_refused_and_work_stays_queued(
    tmp_path: Path, central_db: CentralServer
) -> None:
    db, uid = _workstation(tmp_path, "a", 40)
    config = central_db.add_workstation(uid)
    central_db.query("UPDATE central_meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(CentralError) as info:
        sync_now(db, config)
    assert info.value.code is ErrorCode.CENTRAL_SCHEMA_NEWER
    assert "update TiP Trainer" in info.value.message
    status = sync_status(db, config)
    assert status.last_error_code is ErrorCode.CENTRAL_SCHEMA_NEWER and status.attempts_waiting == 2
    assert central_db.query("SELECT count(*) FROM attempts") == [(0,)]
    db.close()


def test_a_cancelled_sync_stops_between_batches_and_resumes(
    tmp_path: Path, central_db: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.central import sync
    from trainer.progress import CancelToken

    db, uid = _workstation(tmp_path, "a", 400)
    config = central_db.add_workstation(uid)
    monkeypatch.setattr(sync, "ATTEMPT_BATCH", 5)
    token = CancelToken()
    report = sync_now(db, config, token, progress=lambda _kind, _n: token.cancel())
    assert report.cancelled and not report.ok and report.pushed["attempts"] == 5
    assert sync_status(db, config).last_success_at is None
    assert central_db.query("SELECT count(*) FROM attempts") == [(5,)]
    assert sync_now(db, config).ok
    assert central_db.query("SELECT count(*) FROM attempts") == [(20,)]
    db.close()


def test_bad_data_from_the_server_is_refused_part_by_part(
    tmp_path: Path, central_db: CentralServer
) -> None:
    """A key that does not match its id, an account with an unknown password scheme, a bank
    that is not a bank: each refused with a clear problem; the rest of the sync is done."""
    import hashlib

    db, uid = _workstation(tmp_path, "a", 20)
    config = central_db.add_workstation(uid)
    other = "d" * 32
    central_db.add_workstation(other)
    central_db.query(
        "INSERT INTO trusted_keys (key_id, workstation_uid, public_key, name)"
        " VALUES ('0123456789abcdef', %s, %s, 'Forged')",
        (other, b"\x01" * 32),
    )
    central_db.query(
        "INSERT INTO accounts (name, role, password_hash, salt, kdf, updated_at)"
        " VALUES ('Eve', 'coordinator', %s, %s, 'md5', now())",
        (b"\x00" * 32, b"\x00" * 16),
    )
    junk = b"not: [a bank"
    central_db.query(
        "INSERT INTO banks (content_hash, bank_id, version, file_name, content, published_by)"
        " VALUES (%s, 'junk', '1.0.0', 'junk.yaml', %s, 'x')",
        (hashlib.sha256(junk).hexdigest(), junk),
    )
    library = tmp_path / "library"
    report = sync_now(db, config, library_dir=library, shipped_banks=tmp_path / "none")
    problems = "\n".join(str(e) for e in report.errors)
    assert "names an unknown password scheme" in problems
    assert "does not match its id" in problems
    assert "bank junk 1.0.0 published to the centre was not added" in problems
    assert all(e.code is ErrorCode.CENTRAL_BAD_DATA for e in report.errors)
    assert report.pushed["attempts"] == 1  # the push was done all the same
    assert not list(library.glob("*.yaml"))
    keys = [k["key_id"] for k in db.query("SELECT key_id FROM trusted_keys")]
    accounts = db.query("SELECT name FROM accounts")
    assert "0123456789abcdef" not in keys and accounts == []
    status = sync_status(db, config)
    assert status.last_success_at is not None
    assert status.last_error_code is ErrorCode.CENTRAL_BAD_DATA
    again = sync_now(db, config, library_dir=library, shipped_banks=tmp_path / "none")
    assert not any("bank junk" in str(e) for e in again.errors)  # refused once, not retried
    db.close()


@pytest.mark.parametrize(
    ("kdf", "problem"),
    [
        ("scrypt:n=1073741824,r=8,p=1", "password cost out of bounds"),
        ("scrypt:n=16384,r=8", "unknown password scheme"),
        ("scrypt:n=16383,r=8,p=1", "password cost out of bounds"),
    ],
)
def test_a_staff_account_with_a_cost_out_of_bounds_is_refused(
    tmp_path: Path, central_db: CentralServer, kdf: str, problem: str
) -> None:
    db, uid = _workstation(tmp_path, "a", 20)
    config = central_db.add_workstation(uid)
    central_db.query(
        "INSERT INTO accounts (name, role, password_hash, salt, kdf, updated_at)"
        " VALUES ('Eve', 'coordinator', %s, %s, %s, now())",
        (b"\x00" * 32, b"\x00" * 16, kdf),
    )
    report = sync_now(db, config)
    assert [e.code for e in report.errors] == [ErrorCode.CENTRAL_BAD_DATA]
    assert problem in str(report.errors[0])
    assert db.query("SELECT name FROM accounts") == []
    db.close()
