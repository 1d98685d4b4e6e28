"""The server's own item-analysis rows (central migration 0060): one per attempt, made by
the server from the answers it holds, whoever inserts them, never written by a workstation."""

from __future__ import annotations

import contextlib
from pathlib import Path

import psycopg
import pytest

from bench.central_data import QUESTIONS_PER_ATTEMPT, fill_workstation
from bench.reports_data import generate
from tests.postgres import CentralServer
from trainer.central.config import CentralConfig
from trainer.central.sync import sync_now
from trainer.storage import central
from trainer.storage.central.local import SyncLedger
from trainer.storage.database import Database

# What each row must hold, made again from attempt_questions.
EXPECTED = (
    "SELECT a.uid, a.id,"
    ' string_agg(q.question_id, chr(31) ORDER BY q.question_id COLLATE "C"),'
    " sum(coalesce(q.fraction, 0.0)), bool_or(coalesce(q.fraction, 0.0) NOT IN (0.0, 1.0)),"
    " array_agg(q.question_id ORDER BY q.slot), array_agg(q.kind ORDER BY q.slot),"
    " array_agg(q.response ORDER BY q.slot), array_agg(q.fraction ORDER BY q.slot)"
    " FROM attempt_questions q JOIN attempts a ON a.uid = q.attempt_uid"
    " GROUP BY a.uid, a.id ORDER BY a.uid"
)
HELD = (
    "SELECT attempt_uid, attempt_id, question_key, item_sum, partial, questions, kinds,"
    " responses, fractions FROM attempt_items ORDER BY attempt_uid"
)


def _pushed(
    tmp_path: Path, server: CentralServer, name: str, answers: int
) -> tuple[Database, CentralConfig]:
    path = tmp_path / f"{name}.sqlite3"
    uid = fill_workstation(path, answers, seed=len(name))
    db = Database(path)
    config = server.add_workstation(uid, name)
    report = sync_now(db, config)
    assert report.ok, report.lines()
    return db, config


def test_every_pushed_attempt_has_its_row_and_a_resent_batch_changes_nothing(
    tmp_path: Path, central_db: CentralServer
) -> None:
    db, config = _pushed(tmp_path, central_db, "a", 200)
    held = central_db.query(HELD)
    assert len(held) == 200 // QUESTIONS_PER_ATTEMPT
    assert held == central_db.query(EXPECTED)
    assert all(len(r[5]) == QUESTIONS_PER_ATTEMPT for r in held)  # type: ignore[arg-type]
    # the same attempts sent again (as after a cut connection): the rows stay as they were
    db.conn.execute(
        "INSERT INTO central_outbox_attempts (attempt_id, answers)"
        " SELECT id, 0 FROM attempts WHERE state = 'finished'"
    )
    assert SyncLedger(db).status().attempts_waiting == len(held)
    again = sync_now(db, config)
    assert again.ok, again.lines()
    assert central_db.query(HELD) == held
    db.close()
    # a second workstation's attempts get theirs
    other, _ = _pushed(tmp_path, central_db, "bb", 100)
    other.close()
    assert len(central_db.query(HELD)) == (200 + 100) // QUESTIONS_PER_ATTEMPT
    assert central_db.query(HELD) == central_db.query(EXPECTED)


def test_answers_arriving_in_two_statements_make_one_whole_row(
    tmp_path: Path, central_db: CentralServer
) -> None:
    db, _ = _pushed(tmp_path, central_db, "a", 40)
    db.close()
    uid = str(central_db.query("SELECT uid FROM attempts ORDER BY id LIMIT 1")[0][0])
    with contextlib.closing(central.connect(central_db.admin)) as conn:
        # the attempt's answers taken out (items row too), then put back in two halves
        conn.execute(
            "CREATE TEMP TABLE kept AS SELECT * FROM attempt_questions WHERE attempt_uid = %s",
            (uid,),
        )
        conn.execute("DELETE FROM attempt_items WHERE attempt_uid = %s", (uid,))
        conn.execute("DELETE FROM attempt_questions WHERE attempt_uid = %s", (uid,))
        conn.execute("INSERT INTO attempt_questions SELECT * FROM kept WHERE slot % 2 = 0")
        half = conn.execute(
            "SELECT cardinality(questions) FROM attempt_items WHERE attempt_uid = %s", (uid,)
        ).fetchone()
        assert half == (QUESTIONS_PER_ATTEMPT // 2,)
        conn.execute("INSERT INTO attempt_questions SELECT * FROM kept WHERE slot % 2 = 1")
    assert central_db.query(HELD) == central_db.query(EXPECTED)


def test_a_workstation_cannot_write_item_rows(tmp_path: Path, central_db: CentralServer) -> None:
    db, config = _pushed(tmp_path, central_db, "a", 40)
    db.close()
    before = central_db.query(HELD)
    with contextlib.closing(central.connect(config)) as conn:
        for sql in (
            "UPDATE attempt_items SET item_sum = 0",
            "DELETE FROM attempt_items",
            "INSERT INTO attempt_items SELECT attempt_uid || 'x', attempt_id + 1000,"
            " question_key, item_sum, partial, questions, kinds, responses, fractions"
            " FROM attempt_items",
            "SELECT tip_attempt_items()",
        ):
            with pytest.raises(
                (psycopg.errors.InsufficientPrivilege, psycopg.errors.FeatureNotSupported)
            ):
                conn.execute(sql.encode())
    assert central_db.query(HELD) == before


def test_an_upgraded_server_makes_rows_for_the_answers_it_holds(
    central_db: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = [m for m in central.available_migrations() if m[0] < 60]
    name = central_db.cluster.create_database()
    admin = central_db.cluster.admin_config(name)
    with monkeypatch.context() as m:
        m.setattr(central, "available_migrations", lambda: older)
        with contextlib.closing(central.connect(admin)) as conn:
            assert max(central.init_server(conn)) == 50
        with contextlib.closing(central.connect(admin, autocommit=False)) as conn:
            generate(conn, 400)  # answers written before the server kept item rows
    server = CentralServer(central_db.cluster, name)
    assert server.query("SELECT to_regclass('attempt_items')") == [(None,)]
    with contextlib.closing(central.connect(admin)) as conn:
        assert 60 in central.init_server(conn)
    held = server.query(HELD)
    attempts = int(str(server.query("SELECT count(*) FROM attempts")[0][0]))
    assert len(held) == attempts > 0
    assert held == server.query(EXPECTED)
