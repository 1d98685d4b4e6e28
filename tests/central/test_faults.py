"""Faults during a sync: the server stopped, the connection cut mid-transaction, the
workstation killed, a crash between the central commit and the local mark; two
workstations with the same trainees; skewed clocks; twenty workstations at once.
Each ends with the central rows compared to what the workstations hold."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.central_data import QUESTIONS_PER_ATTEMPT, fill_workstation
from tests.central import workers
from tests.postgres import CentralServer
from trainer.central import sync
from trainer.central.config import CentralConfig
from trainer.errors import CentralError, ErrorCode
from trainer.storage.central import push
from trainer.storage.central.local import SyncLedger
from trainer.storage.database import Database


def _local(path: Path) -> dict[str, set[tuple[Any, ...]]]:
    """What a workstation holds, as the centre should hold it."""
    conn = sqlite3.connect(path)
    try:
        return {
            "attempts": set(conn.execute("SELECT uid, round(score, 3) FROM attempts")),
            "answers": set(
                conn.execute(
                    "SELECT a.uid, q.slot, q.response FROM attempt_questions q"
                    " JOIN attempts a ON a.id = q.attempt_id"
                )
            ),
            "steps": set(
                conn.execute(
                    "SELECT a.uid, s.seq, s.action, s.response FROM steps s"
                    " JOIN attempts a ON a.id = s.attempt_id"
                )
            ),
            "trainees": set(conn.execute("SELECT uid, name FROM trainees")),
        }
    finally:
        conn.close()


def _central(server: CentralServer) -> dict[str, set[tuple[Any, ...]]]:
    return {
        "attempts": set(server.query("SELECT uid, round(score::numeric, 3)::float FROM attempts")),
        "answers": set(server.query("SELECT attempt_uid, slot, response FROM attempt_questions")),
        "steps": set(server.query("SELECT attempt_uid, seq, action, response FROM steps")),
        "trainees": set(server.query("SELECT uid, name FROM trainees")),
    }


def _counts(server: CentralServer) -> tuple[Any, ...]:
    return server.query(
        "SELECT (SELECT count(*) FROM attempts), (SELECT count(*) FROM attempt_questions),"
        " (SELECT count(*) FROM steps), (SELECT count(*) FROM trainees)"
    )[0]


def _workstation(
    tmp_path: Path, server: CentralServer, name: str, answers: int, **kw: Any
) -> tuple[Path, CentralConfig]:
    path = tmp_path / f"{name}.sqlite3"
    uid = fill_workstation(path, answers, **kw)
    return path, server.add_workstation(uid, name)


def _expect_same(server: CentralServer, *paths: Path) -> None:
    expected: dict[str, set[tuple[Any, ...]]] = {}
    for path in paths:
        for kind, rows in _local(path).items():
            expected.setdefault(kind, set()).update(rows)
    assert _central(server) == expected
    attempts = len(expected["attempts"])
    assert _counts(server) == (
        attempts,
        attempts * QUESTIONS_PER_ATTEMPT,
        attempts * (QUESTIONS_PER_ATTEMPT + 2),
        len(expected["trainees"]),
    )


def test_server_stopped_mid_sync_then_restarted(
    tmp_path: Path, central_db: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, config = _workstation(tmp_path, central_db, "a", 2000)
    monkeypatch.setattr(sync, "ATTEMPT_BATCH", 10)
    db = Database(path)
    batches: list[int] = []

    def crash_after_two(_kind: str, _done: int) -> None:
        batches.append(_done)
        if len(batches) == 2:
            central_db.cluster.stop("immediate")  # a crash: no shutdown checkpoint

    with pytest.raises(CentralError) as info:
        sync.sync_now(db, config, progress=crash_after_two)
    assert info.value.code in (ErrorCode.CENTRAL_CONNECTION_LOST, ErrorCode.CENTRAL_UNREACHABLE)
    status = sync.sync_status(db, config)
    assert status.attempts_waiting == 80 and status.last_error_code is info.value.code
    central_db.cluster.start()
    assert _counts(central_db)[0] == 20  # what was committed survived the crash
    assert sync.sync_now(db, config).ok
    _expect_same(central_db, path)
    db.close()


def test_connection_cut_mid_transaction(
    tmp_path: Path, central_db: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, config = _workstation(tmp_path, central_db, "a", 1000)
    monkeypatch.setattr(sync, "ATTEMPT_BATCH", 10)
    merges = {"n": 0}
    real = push._merge_staged

    def cut_in_third_batch(cur: Any, table: str, columns: Any) -> int:
        added = real(cur, table, columns)
        if table == "attempt_questions":
            merges["n"] += 1
            if merges["n"] == 3:  # attempts and answers in, steps not yet: cut now
                central_db.query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                    (config.user,),
                )
        return added

    monkeypatch.setattr(push, "_merge_staged", cut_in_third_batch)
    db = Database(path)
    with pytest.raises(CentralError) as info:
        sync.sync_now(db, config)
    assert info.value.code is ErrorCode.CENTRAL_CONNECTION_LOST
    assert _counts(central_db)[:2] == (20, 400)  # the cut transaction left nothing
    monkeypatch.setattr(push, "_merge_staged", real)
    assert sync.sync_now(db, config).ok
    _expect_same(central_db, path)
    db.close()


def test_crash_between_central_commit_and_local_mark(
    tmp_path: Path, central_db: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server committed a batch the workstation never marked: sent again, taken once."""
    path, config = _workstation(tmp_path, central_db, "a", 600)
    monkeypatch.setattr(sync, "ATTEMPT_BATCH", 10)

    def crash(self: SyncLedger, ids: Any) -> None:
        raise KeyboardInterrupt  # the process dies right after the central commit

    monkeypatch.setattr(SyncLedger, "attempts_sent", crash)
    db = Database(path)
    with pytest.raises(KeyboardInterrupt):
        sync.sync_now(db, config)
    assert _counts(central_db)[0] == 10
    monkeypatch.undo()
    assert sync.sync_status(db, config).attempts_waiting == 30
    report = sync.sync_now(db, config)
    assert report.ok and report.pushed["attempts"] == 30
    _expect_same(central_db, path)
    db.close()


@pytest.mark.slow
def test_workstation_killed_mid_sync(tmp_path: Path, central_db: CentralServer) -> None:
    path, config = _workstation(tmp_path, central_db, "a", 4000)
    context = multiprocessing.get_context("spawn")
    child = context.Process(
        target=workers.slow_sync_in_child,
        args=(str(path), config.with_password(None), config.password),
    )
    child.start()
    deadline = datetime.now(UTC) + timedelta(seconds=60)
    while _counts(central_db)[0] < 20 and datetime.now(UTC) < deadline and child.is_alive():
        threading.Event().wait(0.02)
    child.kill()  # SIGKILL: no cleanup, no rollback by the program
    child.join()
    sent = _counts(central_db)[0]
    assert 0 < sent < 200, sent
    db = Database(path)
    assert sync.sync_now(db, config).ok
    _expect_same(central_db, path)
    db.close()


def test_two_workstations_with_the_same_trainees(tmp_path: Path, central_db: CentralServer) -> None:
    """The same people registered on two workstations (same service numbers): the centre
    keeps both profiles, linked to one person by the bundles' rule, even when both sync
    at the same moment."""
    a, config_a = _workstation(tmp_path, central_db, "a", 400, trainees=8, seed=1)
    b, config_b = _workstation(tmp_path, central_db, "b", 400, trainees=8, seed=2)
    errors: list[BaseException] = []

    def run(path: Path, config: CentralConfig) -> None:
        db = Database(path)
        try:
            sync.sync_now(db, config)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=run, args=args) for args in ((a, config_a), (b, config_b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    _expect_same(central_db, a, b)
    people = central_db.query(
        "SELECT person_uid, count(*), count(DISTINCT workstation_uid), min(service_number),"
        " max(service_number), max(person_reason) FROM trainees GROUP BY person_uid"
    )
    assert len(people) == 8
    assert all(
        n == 2 and w == 2 and lo == hi and why == "service_number"
        for _, n, w, lo, hi, why in people
    )


def test_two_syncs_of_one_workstation_at_once(
    tmp_path: Path, central_db: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's sync and a command-line sync at the same moment send the same batches:
    the server keeps one copy of each row."""
    path, config = _workstation(tmp_path, central_db, "a", 1000)
    monkeypatch.setattr(sync, "ATTEMPT_BATCH", 5)
    errors: list[BaseException] = []

    def run() -> None:
        db = Database(path)
        try:
            sync.sync_now(db, config)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    _expect_same(central_db, path)


def test_clock_skew_between_workstations(tmp_path: Path, central_db: CentralServer) -> None:
    """Nothing a sync decides hangs on the clocks: a workstation a year behind and one a
    day ahead both send everything, and a later sync sends only what is new."""
    behind, config_b = _workstation(
        tmp_path, central_db, "behind", 200, start=datetime.now(UTC) - timedelta(days=365)
    )
    ahead, config_a = _workstation(
        tmp_path, central_db, "ahead", 200, start=datetime.now(UTC) + timedelta(days=1)
    )
    for path, config in ((ahead, config_a), (behind, config_b)):
        db = Database(path)
        assert sync.sync_now(db, config).ok
        db.close()
    _expect_same(central_db, behind, ahead)
    # the workstation behind edits a profile: its uid decides, not the clocks of others
    conn = sqlite3.connect(behind)
    stamp = (datetime.now(UTC) - timedelta(days=300)).isoformat()
    conn.execute("UPDATE trainees SET name = 'Renamed', updated_at = ? WHERE id = 1", (stamp,))
    conn.commit()
    conn.close()
    db = Database(behind)
    report = sync.sync_now(db, config_b)
    assert report.pushed.get("trainees") == 1 and "attempts" not in report.pushed
    db.close()
    _expect_same(central_db, behind, ahead)  # the new name is there
    assert sum(1 for _, name in _central(central_db)["trainees"] if name == "Renamed") == 1


@pytest.mark.slow
def test_twenty_workstations_sync_fifty_thousand_answers_at_once(
    tmp_path: Path, central_db: CentralServer
) -> None:
    workstations = [
        _workstation(tmp_path, central_db, f"ws{i:02d}", 2500, seed=i, service_prefix=f"P{i}")
        for i in range(20)
    ]
    context = multiprocessing.get_context("spawn")
    children = [
        context.Process(
            target=workers.sync_in_child,
            args=(str(path), config.with_password(None), config.password),
        )
        for path, config in workstations
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=300)
    assert [c.exitcode for c in children] == [0] * 20
    assert _counts(central_db)[1] == 50_000
    _expect_same(central_db, *(path for path, _ in workstations))
