"""A record the central server refuses is held back with its reason; the rest of the sync,
and every later sync, goes on. A lost connection is not a refusal: everything stays queued."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.central.test_certificates_sync import _workspace
from tests.postgres import CentralServer
from tests.results.conftest import make_taker
from tests.sessions.conftest import draft
from trainer.central import cli as central_cli
from trainer.central import sync
from trainer.central.config import CentralConfig
from trainer.central.sync import held_records, send_again, sync_now, sync_status
from trainer.errors import CentralError, ErrorCode
from trainer.sessions import service
from trainer.storage import central
from trainer.storage.central import push
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace


@pytest.fixture
def station(tmp_path: Path, central_db: CentralServer) -> Iterator[tuple[Workspace, CentralConfig]]:
    ws = _workspace(tmp_path)
    try:
        yield ws, central_db.add_workstation(ws.db.workstation_uid, "A")
    finally:
        ws.close()


def _exams(ws: Workspace, *names: str, seed: int = 7) -> None:
    take = make_taker(ws)
    for name in names:
        take(ws.trainees.create(name, Institution.POLICE), seed=seed)


def test_a_refused_record_is_held_back_and_the_rest_arrives(
    station: tuple[Workspace, CentralConfig], central_db: CentralServer
) -> None:
    ws, config = station
    # the server refuses one profile, one attempt (with its answers) and one session
    central_db.query("ALTER TABLE trainees ADD CONSTRAINT no_bad CHECK (name <> 'Bad Profile')")
    central_db.query("ALTER TABLE attempts ADD CONSTRAINT no_13 CHECK (seed <> 13)")
    central_db.query(
        "ALTER TABLE training_sessions ADD CONSTRAINT no_refused CHECK (title <> 'Refused')"
    )
    _exams(ws, "Alice", "Bad Profile", "Bruno")
    _exams(ws, "Chantal", seed=13)
    service.create_session(ws, draft(title="Refused"))
    service.create_session(ws, draft(title="Accepted"))

    report = sync_now(ws.db, config)
    assert report.held == {"trainee": 1, "attempt": 1, "session": 1}
    assert not report.ok and any("held back" in line for line in report.lines())
    assert report.pushed["trainees"] == 3 and report.pushed["attempts"] == 3
    assert central_db.query("SELECT name FROM trainees ORDER BY name") == [
        ("Alice",), ("Bruno",), ("Chantal",)
    ]  # fmt: skip
    assert central_db.query("SELECT count(*) FROM attempts WHERE seed = 13") == [(0,)]
    answered = central_db.query("SELECT count(DISTINCT attempt_uid) FROM attempt_questions")
    assert answered == [(3,)]  # the refused attempt's answers were not left behind
    assert central_db.query("SELECT title FROM training_sessions") == [("Accepted",)]

    status = sync_status(ws.db, config)
    assert status.held == 3 and status.waiting == 0
    assert status.last_success_at is not None  # the sync itself went through
    held = {h.kind: h for h in held_records(ws.db)}
    assert set(held) == {"trainee", "attempt", "session"}
    assert held["trainee"].label == "Bad Profile" and "no_bad" in held["trainee"].reason
    assert "Chantal" in held["attempt"].label and "no_13" in held["attempt"].reason
    assert held["session"].label.startswith("Refused") and held["session"].held_at

    # the next sync goes on: new work arrives, the held records are not tried again
    _exams(ws, "Didier")
    later = sync_now(ws.db, config)
    assert later.ok and later.pushed["attempts"] == 1 and later.held == {}
    assert sync_status(ws.db, config).held == 3

    # the cause fixed on the server, the records sent again arrive
    central_db.query("ALTER TABLE trainees DROP CONSTRAINT no_bad")
    central_db.query("ALTER TABLE attempts DROP CONSTRAINT no_13")
    assert send_again(ws.db, "Coordinator") == 3
    status = sync_status(ws.db, config)
    assert status.held == 0 and status.attempts_waiting == 1 and status.sessions_waiting == 1
    again = sync_now(ws.db, config)
    assert again.held == {"session": 1}  # still refused: held back again
    assert central_db.query("SELECT count(*) FROM attempts") == [(5,)]
    assert central_db.query("SELECT count(*) FROM trainees WHERE name = 'Bad Profile'") == [(1,)]
    assert central_db.query("SELECT count(*) FROM attempt_questions") == central_db.query(
        "SELECT sum(4) FROM attempts"
    )
    assert [h.kind for h in held_records(ws.db)] == ["session"]
    logged = ws.db.query_one("SELECT detail FROM audit_log WHERE action = 'central.send_again'")
    assert logged is not None and logged[0] == "3 records"


def test_a_refused_audit_entry_and_certificate_are_held_back(
    station: tuple[Workspace, CentralConfig], central_db: CentralServer
) -> None:
    from trainer.certificates import issuing
    from trainer.storage import audit

    ws, config = station
    trainee = ws.trainees.create("Alice", Institution.POLICE)
    attempt = make_taker(ws)(trainee)
    record = issuing.issue_for_attempt(ws, attempt.attempt_id)
    assert record is not None
    audit.record(ws.db, "results.export", "after the certificate", actor="Coordinator")
    central_db.query(
        "ALTER TABLE certificates ADD CONSTRAINT no_cert CHECK (trainee_name <> 'Alice')"
    )
    central_db.query(
        "ALTER TABLE audit_log ADD CONSTRAINT no_issue CHECK (action <> 'certificate.issue')"
    )
    report = sync_now(ws.db, config)
    assert report.held.get("certificate") == 1 and report.held.get("audit", 0) >= 1
    assert central_db.query("SELECT count(*) FROM certificates") == [(0,)]
    # the entries after the refused one went on
    assert central_db.query("SELECT detail FROM audit_log WHERE action = 'results.export'") == [
        ("after the certificate",)
    ]
    assert central_db.query(
        "SELECT count(*) FROM audit_log WHERE action = 'certificate.issue'"
    ) == [(0,)]
    central_db.query("ALTER TABLE certificates DROP CONSTRAINT no_cert")
    central_db.query("ALTER TABLE audit_log DROP CONSTRAINT no_issue")
    send_again(ws.db, None)
    assert sync_now(ws.db, config).held == {}
    assert central_db.query("SELECT number FROM certificates") == [(record.number,)]
    local = ws.db.query_one("SELECT count(*) FROM audit_log")
    assert local is not None
    assert central_db.query("SELECT count(*) FROM audit_log") == [(local[0],)]


def test_a_cut_connection_keeps_everything_queued(
    station: tuple[Workspace, CentralConfig],
    central_db: CentralServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A lost connection is not a refusal: nothing is held back, nothing leaves the outbox."""
    ws, config = station
    _exams(ws, "Alice", "Bruno")

    def cut(*_: Any, **__: Any) -> None:
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(push, "push_attempts", cut)
    with pytest.raises(CentralError) as info:
        sync_now(ws.db, config)
    assert info.value.code is ErrorCode.CENTRAL_CONNECTION_LOST
    status = sync_status(ws.db, config)
    assert status.held == 0 and status.attempts_waiting == 2
    assert held_records(ws.db) == []
    monkeypatch.undo()
    assert sync_now(ws.db, config).pushed["attempts"] == 2


def test_a_server_killed_mid_retry_keeps_the_rest_queued(
    station: tuple[Workspace, CentralConfig],
    central_db: CentralServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Refused as a batch, then the connection lost while each record is tried alone: the
    records not yet tried stay queued, none is held back for a connection's fault."""
    ws, config = station
    _exams(ws, "Alice", "Bruno", "Chantal")
    calls = {"n": 0}
    real = push.push_attempts

    def flaky(conn: psycopg.Connection[Any], *rest: Any) -> tuple[int, int, int]:
        calls["n"] += 1
        if calls["n"] == 1:
            raise psycopg.errors.CheckViolation("new row violates check constraint")
        if calls["n"] == 3:
            raise psycopg.OperationalError("terminating connection")
        return real(conn, *rest)

    monkeypatch.setattr(push, "push_attempts", flaky)
    with pytest.raises(CentralError):
        sync_now(ws.db, config)
    status = sync_status(ws.db, config)
    assert status.held == 0 and status.attempts_waiting == 2
    assert central_db.query("SELECT count(*) FROM attempts") == [(1,)]


def test_refusals_are_told_from_faults() -> None:
    assert central.refusal(psycopg.errors.CheckViolation("check")) == "check"
    assert central.refusal(psycopg.errors.InsufficientPrivilege("row-level security"))
    assert central.refusal(psycopg.errors.StringDataRightTruncation("too long"))
    assert central.refusal(psycopg.errors.NotNullViolation("null"))
    assert central.refusal(psycopg.OperationalError("cut")) is None
    assert central.refusal(psycopg.errors.AdminShutdown("shutdown")) is None
    assert central.refusal(psycopg.errors.UndefinedTable("no table")) is None
    assert central.refusal(ValueError("not psycopg")) is None
    assert len(central.refusal(psycopg.errors.CheckViolation("x" * 2000)) or "") == 500


def test_the_command_line_lists_and_sends_again(
    station: tuple[Workspace, CentralConfig],
    central_db: CentralServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ws, config = station
    central_db.query("ALTER TABLE trainees ADD CONSTRAINT no_bad CHECK (name <> 'Bad Profile')")
    ws.trainees.create("Bad Profile", Institution.POLICE)
    assert sync.sync_now(ws.db, config).held == {"trainee": 1}

    @contextlib.contextmanager
    def opened(_args: argparse.Namespace) -> Iterator[Workspace]:
        yield ws

    def run(*flags: str) -> str:
        args = argparse.Namespace(
            held="--held" in flags,
            send_again="--send-again" in flags,
            status="--status" in flags,
            central=None,
            central_func=central_cli._sync,
        )
        assert central_cli.run(args, opened) == 0
        return capsys.readouterr().out

    assert "1 records held back by the central database" in run("--status")
    listed = run("--held")
    assert "trainee  Bad Profile  refused:" in listed and "no_bad" in listed
    assert "1 records put back in the queue" in run("--send-again")
    assert "0 records held back" in run("--held")
    assert sync_status(ws.db, config).trainees_waiting == 1


def test_a_refused_batch_is_searched_by_halves(
    station: tuple[Workspace, CentralConfig],
    central_db: CentralServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One bad attempt among eight costs a few transactions (the batch, then halves down
    to the record), not one per attempt; the seven others arrive."""
    ws, config = station
    _exams(ws, *(f"Trainee {n}" for n in range(7)))
    _exams(ws, "Refused", seed=13)
    central_db.query("ALTER TABLE attempts ADD CONSTRAINT no_13 CHECK (seed <> 13)")
    calls: list[int] = []
    real = push.push_attempts

    def counted(conn: psycopg.Connection[Any], attempts: Any, *rest: Any) -> tuple[int, int, int]:
        calls.append(len(attempts))
        return real(conn, attempts, *rest)

    monkeypatch.setattr(push, "push_attempts", counted)
    report = sync_now(ws.db, config)
    assert report.held == {"attempt": 1} and report.pushed["attempts"] == 7
    assert calls[0] == 8 and len(calls) <= 1 + 2 * 3  # log2(8) levels, two halves each
    assert central_db.query("SELECT count(*) FROM attempts") == [(7,)]
