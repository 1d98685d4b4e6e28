"""Training sessions, session tests and the trainee's function over the central database:
sent once, edits and deletions reaching the centre, the same rows when sent twice."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from tests.central.test_certificates_sync import _workspace
from tests.postgres import CentralServer
from tests.sessions.conftest import answer, draft
from trainer.central.sync import sync_now, sync_status
from trainer.sessions import service
from trainer.storage import central
from trainer.storage.central import push
from trainer.storage.central.local import SyncLedger
from trainer.storage.sessions import Phase
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace


def _session_with_tests(ws: Workspace) -> int:
    trainee = ws.trainees.create("Jean Ndayishimiye", Institution.POLICE, "PN-1", function="OPJ")
    training = service.create_session(ws, draft())
    service.enrol(ws, training.id, [trainee.id])
    for phase in (Phase.PRE, Phase.POST):
        service.open_test(ws, training.id, phase)
        quiz = service.start_test(ws, training, trainee, phase, "en")
        answer(quiz, 4)
        quiz.finish()
    return training.id


def test_sessions_their_tests_and_functions_reach_the_centre(
    tmp_path: Path, central_db: CentralServer
) -> None:
    ws = _workspace(tmp_path)
    try:
        config = central_db.add_workstation(ws.db.workstation_uid, "A")
        session_id = _session_with_tests(ws)
        status = sync_status(ws.db, config)
        assert status.sessions_waiting == 3  # the session and its two tests
        report = sync_now(ws.db, config)
        assert report.ok, report.lines()
        assert report.pushed["training sessions"] == 1 and report.pushed["session tests"] == 2
        assert sync_status(ws.db, config).waiting == 0
        uid = ws.db.workstation_uid
        training = service.repository(ws).get(session_id)
        assert central_db.query(
            "SELECT uid, workstation_uid, title, start_date::text, end_date::text,"
            " same_questions, open_test, deleted_at FROM training_sessions"
        ) == [(training.uid, uid, "Gitega police training", "2026-03-02", "2026-03-04", True,
               "post", None)]  # fmt: skip
        phases = central_db.query(
            "SELECT st.phase, st.session_uid, a.behaviour FROM session_tests st"
            " JOIN attempts a ON a.uid = st.attempt_uid ORDER BY a.started_at, st.phase DESC"
        )
        assert sorted(phases) == [("post", training.uid, "exam"), ("pre", training.uid, "exam")]
        assert central_db.query("SELECT function FROM trainees") == [("OPJ",)]

        # an edit, then a deletion, reach the centre; the tests stay
        service.update_session(ws, session_id, draft(title="Gitega, second week"))
        assert sync_now(ws.db, config).pushed["training sessions"] == 1
        assert central_db.query("SELECT title FROM training_sessions") == [("Gitega, second week",)]
        service.delete_session(ws, session_id)
        assert sync_now(ws.db, config).ok
        deleted = central_db.query(
            "SELECT deleted_at IS NOT NULL, open_test FROM training_sessions"
        )
        assert deleted == [(True, None)]
        assert central_db.query("SELECT count(*) FROM session_tests") == [(2,)]

        # a function changed reaches the centre too
        trainee = ws.trainees.list()[0]
        ws.trainees.update(replace(trainee, function="Commissaire"))
        assert sync_now(ws.db, config).ok
        assert central_db.query("SELECT function FROM trainees") == [("Commissaire",)]
    finally:
        ws.close()


def test_a_batch_sent_twice_leaves_the_same_rows(tmp_path: Path, central_db: CentralServer) -> None:
    """A sync cut after the central commit sends the batch again: nothing doubles, and an
    older edit sent late never replaces a newer one."""
    ws = _workspace(tmp_path)
    try:
        config = central_db.add_workstation(ws.db.workstation_uid, "A")
        _session_with_tests(ws)
        uid = ws.db.workstation_uid
        ledger = SyncLedger(ws.db)
        sessions = ledger.sessions_to_send(100)
        tests = ledger.session_tests_to_send(100)
        rows = [
            tuple({**s, "workstation_uid": uid, "same_questions": bool(s["same_questions"])}[c]
                  for c in push.SESSION_COLUMNS)
            for s in sessions
        ]  # fmt: skip
        marks = [(t["attempt_uid"], uid, t["session_uid"], t["phase"]) for t in tests]
        with contextlib.closing(central.connect(config)) as conn:
            push.push_sessions(conn, rows)
            assert push.push_session_tests(conn, marks) == 2
            push.push_sessions(conn, rows)
            assert push.push_session_tests(conn, marks) == 0
            newer = [tuple(r) for r in rows]
            title = push.SESSION_COLUMNS.index("title")
            stamp = push.SESSION_COLUMNS.index("updated_at")
            newer = [(*r[:title], "Newer title", *r[title + 1 : stamp], "2099-01-01T00:00:00+00:00",
                      *r[stamp + 1 :]) for r in rows]  # fmt: skip
            push.push_sessions(conn, newer)
            push.push_sessions(conn, rows)  # the older edit, late
        assert central_db.query("SELECT count(*), min(title) FROM training_sessions") == [
            (1, "Newer title")
        ]
        assert central_db.query("SELECT count(*) FROM session_tests") == [(2,)]
        # and the sync itself, after that, sends the outbox without error
        report = sync_now(ws.db, config)
        assert report.ok, report.lines()
        assert central_db.query("SELECT count(*) FROM session_tests") == [(2,)]
    finally:
        ws.close()


def test_a_workstation_writes_only_its_own_sessions(
    tmp_path: Path, central_db: CentralServer
) -> None:
    """A session another workstation made, even one that came here in a bundle, is never
    sent by this one: the trigger leaves it out and the server would refuse it."""
    ws = _workspace(tmp_path)
    try:
        central_db.add_workstation(ws.db.workstation_uid, "A")
        with ws.db.transaction() as conn:
            conn.execute(
                "INSERT INTO training_sessions (uid, title, institution, start_date, end_date,"
                " workstation_uid, created_at, updated_at) VALUES (?, 'Elsewhere', 'police',"
                " '2026-01-01', '2026-01-02', ?, '2026-01-01', '2026-01-01')",
                ("9" * 32, "b" * 32),
            )
        assert SyncLedger(ws.db).sessions_to_send(10) == []
    finally:
        ws.close()


def test_sessions_recorded_before_the_upgrade_are_queued(tmp_path: Path) -> None:
    """A workstation that had sessions, session tests and functions before this version
    sends them with its first sync after the upgrade (the migration queues them)."""
    ws = _workspace(tmp_path)
    try:
        _session_with_tests(ws)
        elsewhere = "8" * 32  # a session test of another workstation's attempt: not ours
        with ws.db.transaction() as conn:
            conn.execute(
                "INSERT INTO session_tests (attempt_uid, session_uid, phase) VALUES (?, ?, 'pre')",
                (elsewhere, "9" * 32),
            )
            # as the database was before migration 91
            for trigger in (
                "central_session_added",
                "central_session_changed",
                "central_session_test_added",
            ):
                conn.execute(f"DROP TRIGGER {trigger}")
            for table in (
                "central_outbox_sessions",
                "central_outbox_session_tests",
                "central_held",
            ):
                conn.execute(f"DROP TABLE {table}")
            conn.execute("DELETE FROM central_outbox_trainees")
            conn.execute("DELETE FROM schema_migrations WHERE version = 91")
        assert ws.db.migrate() == [91]
        ledger = SyncLedger(ws.db)
        assert len(ledger.sessions_to_send(10)) == 1
        tests = {t["attempt_uid"] for t in ledger.session_tests_to_send(10)}
        assert len(tests) == 2 and elsewhere not in tests
        assert [t["function"] for t in ledger.trainees_to_send(10)] == ["OPJ"]
    finally:
        ws.close()
