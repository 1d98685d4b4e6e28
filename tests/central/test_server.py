"""The central schema on a real PostgreSQL: preparation, versions, roles and ownership."""

from __future__ import annotations

import contextlib

import psycopg
import pytest

from tests.postgres import CentralServer, find_bin_dir, in_ci
from trainer.errors import CentralError, ErrorCode
from trainer.storage import central

UID_A = "a" * 32
UID_B = "b" * 32


def test_postgresql_is_found_under_ci() -> None:
    """Under CI a missing PostgreSQL fails the run instead of skipping the central tests."""
    if not in_ci():
        pytest.skip("only meaningful under CI (CI=true)")
    assert find_bin_dir() is not None


def test_init_server_is_idempotent(central_db: CentralServer) -> None:
    with contextlib.closing(central.connect(central_db.admin)) as conn:
        assert central.init_server(conn) == []
        central.check_compatible(conn)
    rows = central_db.query("SELECT value FROM central_meta WHERE key = 'schema_version'")
    assert rows == [(str(central.schema_version()),)]


def test_add_workstation_gives_stations_in_turn(central_db: CentralServer) -> None:
    central_db.add_workstation(UID_A, "Lab 1")
    central_db.add_workstation(UID_B, "Lab 2")
    rows = central_db.query("SELECT uid, station, name FROM workstations ORDER BY station")
    assert rows == [(UID_A, 1, "Lab 1"), (UID_B, 2, "Lab 2")]


def test_wrong_password_is_a_coded_error(central_db: CentralServer) -> None:
    config = central_db.add_workstation(UID_A)
    with pytest.raises(CentralError) as info:
        central.connect(config.with_password("not the password"))
    assert info.value.code is ErrorCode.CENTRAL_WRONG_PASSWORD
    assert "not the password" not in str(info.value)


def test_unreachable_server_is_a_coded_error(central_db: CentralServer) -> None:
    from dataclasses import replace

    config = replace(central_db.admin, port=1, connect_timeout=2)
    with pytest.raises(CentralError) as info:
        central.connect(config)
    assert info.value.code is ErrorCode.CENTRAL_UNREACHABLE


def test_unprepared_database_is_refused(central_db: CentralServer) -> None:
    name = central_db.cluster.create_database()
    admin = central_db.cluster.admin_config(name)
    with (
        contextlib.closing(central.connect(admin)) as conn,
        pytest.raises(CentralError) as info,
    ):
        central.check_compatible(conn)
    assert info.value.code is ErrorCode.CENTRAL_NOT_PREPARED


def test_newer_schema_is_refused(central_db: CentralServer) -> None:
    central_db.query("UPDATE central_meta SET value = '999' WHERE key = 'schema_version'")
    with contextlib.closing(central.connect(central_db.admin)) as conn:
        with pytest.raises(CentralError) as info:
            central.check_compatible(conn)
        assert info.value.code is ErrorCode.CENTRAL_SCHEMA_NEWER
        with pytest.raises(CentralError):  # nor is it "upgraded" downwards
            central.init_server(conn)


def test_newer_app_version_needed_is_refused(central_db: CentralServer) -> None:
    central_db.query("UPDATE central_meta SET value = '99.0.0' WHERE key = 'min_app_version'")
    with (
        contextlib.closing(central.connect(central_db.admin)) as conn,
        pytest.raises(CentralError) as info,
    ):
        central.check_compatible(conn)
    assert info.value.code is ErrorCode.CENTRAL_APP_TOO_OLD


def _insert_trainee(conn: psycopg.Connection[object], uid: str, owner: str) -> None:
    conn.execute(
        "INSERT INTO trainees (uid, workstation_uid, person_uid, name, institution, name_key,"
        " created_at, updated_at) VALUES (%s, %s, %s, 'Ana', 'police', 'ana', now(), now())",
        (uid, owner, uid),
    )


def test_a_workstation_cannot_write_rows_of_another(central_db: CentralServer) -> None:
    """Ownership is the server's: row-level security refuses, whatever the client sends."""
    a = central_db.add_workstation(UID_A)
    b = central_db.add_workstation(UID_B)
    with contextlib.closing(central.connect(a)) as conn:
        _insert_trainee(conn, "1" * 32, UID_A)
        conn.commit()
    with contextlib.closing(central.connect(b)) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _insert_trainee(conn, "2" * 32, UID_A)  # claiming to be A
        pass
        changed = conn.execute(
            "UPDATE trainees SET name = 'Mallory' WHERE uid = %s", ("1" * 32,)
        ).rowcount
        assert changed == 0  # A's row is invisible to B's updates
        conn.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM trainees WHERE uid = %s", ("1" * 32,))
        pass
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE trainees SET workstation_uid = %s", (UID_B,))
        pass
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE workstations SET station = 5")
        pass
    assert central_db.query("SELECT name, workstation_uid FROM trainees") == [("Ana", UID_A)]


def _insert_certificate(
    conn: psycopg.Connection[object], number: str, owner: str, key: str = "k"
) -> None:
    conn.execute(
        "INSERT INTO certificates (issuer_key_id, number, workstation_uid, year, seq, kind,"
        " trainee_uid, trainee_name, institution, subject, modules, audiences, score,"
        " training_hours, certified_on, issued_at, issuer_name, code, status) VALUES"
        " (%s, %s, %s, 2026, 1, 'module', %s, 'Ana', 'police', 'm', '[]', 'police', 90, 1,"
        " '2026-03-10', now(), 'Centre', 'code', 'valid')",
        (key, number, owner, "1" * 32),
    )


def test_a_workstation_gives_only_numbers_of_its_own_station(central_db: CentralServer) -> None:
    central_db.add_workstation(UID_A)  # station 1
    b = central_db.add_workstation(UID_B)  # station 2
    with contextlib.closing(central.connect(b)) as conn:
        _insert_certificate(conn, "3F9A-W002-2026-00001", UID_B)
        _insert_certificate(conn, "3F9A-2026-00001", UID_B)  # the form before stations
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _insert_certificate(conn, "3F9A-W001-2026-00001", UID_B)  # station 1's number
    with (
        contextlib.closing(central.connect(central_db.admin)) as conn,
        pytest.raises(psycopg.errors.UniqueViolation),
    ):
        # even the owner cannot record one station number twice, under another key
        _insert_certificate(conn, "3F9A-W002-2026-00001", UID_A, key="other key")
    numbers = central_db.query("SELECT number FROM certificates ORDER BY number")
    assert numbers == [("3F9A-2026-00001",), ("3F9A-W002-2026-00001",)]


def _insert_session(conn: psycopg.Connection[object], uid: str, owner: str) -> None:
    conn.execute(
        "INSERT INTO training_sessions (uid, workstation_uid, title, institution, venue,"
        " province, start_date, end_date, trainers, audiences, modules, planned_hours,"
        " same_questions, created_at, updated_at) VALUES (%s, %s, 'Gitega', 'police', '', '',"
        " '2026-03-02', '2026-03-04', '', '', '[]', 18, false, now(), now())",
        (uid, owner),
    )


def test_sessions_and_their_tests_belong_to_their_workstation(central_db: CentralServer) -> None:
    """A workstation adds and edits only its own sessions and session tests; none deletes."""
    a = central_db.add_workstation(UID_A)
    b = central_db.add_workstation(UID_B)
    with contextlib.closing(central.connect(a)) as conn:
        _insert_session(conn, "1" * 32, UID_A)
        conn.execute(
            "INSERT INTO session_tests (attempt_uid, workstation_uid, session_uid, phase)"
            " VALUES (%s, %s, %s, 'pre')",
            ("3" * 32, UID_A, "1" * 32),
        )
        conn.execute("UPDATE training_sessions SET title = 'Gitega 2' WHERE uid = %s", ("1" * 32,))
    with contextlib.closing(central.connect(b)) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _insert_session(conn, "2" * 32, UID_A)  # claiming to be A
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO session_tests (attempt_uid, workstation_uid, session_uid, phase)"
                " VALUES (%s, %s, %s, 'post')",
                ("4" * 32, UID_A, "1" * 32),
            )
        changed = conn.execute(
            "UPDATE training_sessions SET title = 'Mallory' WHERE uid = %s", ("1" * 32,)
        ).rowcount
        assert changed == 0  # A's session is invisible to B's updates
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE session_tests SET phase = 'post'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM training_sessions")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM session_tests")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE training_sessions SET workstation_uid = %s", (UID_B,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE trainees SET workstation_uid = %s", (UID_B,))
    with (
        contextlib.closing(central.connect(a)) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("DELETE FROM training_sessions WHERE uid = %s", ("1" * 32,))
    assert central_db.query("SELECT title, workstation_uid FROM training_sessions") == [
        ("Gitega 2", UID_A)
    ]
    assert central_db.query("SELECT phase FROM session_tests") == [("pre",)]
