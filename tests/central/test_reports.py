"""The reports over every workstation: the central database answers what this workstation's
database answers, with the same records, for the same attempts.

The local attempts are copied to a real central PostgreSQL as the sync would (one
workstation's rows), then each report is made from both sources and compared.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
import pytest

from tests.postgres import CentralServer
from tests.results.conftest import make_people, make_taker
from tests.results.test_typed_results import take as take_typed
from tests.sessions.conftest import answer, draft
from trainer.access import Role, StaffSession
from trainer.errors import CentralError, ErrorCode
from trainer.quiz.behaviours import Behaviour
from trainer.results import analysis, export, query, service, summary
from trainer.results.export import TableFormat
from trainer.results.query import Outcome, ResultFilter, SortKey
from trainer.sessions import service as sessions_service
from trainer.storage import central
from trainer.storage.central.reports import CentralReports, open_reports
from trainer.storage.results import Dimension, Period, Scope
from trainer.storage.sessions import Phase
from trainer.storage.trainees import Institution, Trainee
from trainer.workspace import Workspace

_TIME = ("created_at", "updated_at", "started_at", "deadline", "finished_at")


def copy_to_central(ws: Workspace, server: CentralServer) -> None:
    """This workstation's trainees, attempts and answers, training sessions and session
    tests, written as the sync writes them."""
    uid = ws.db.workstation_uid
    db = ws.db
    with contextlib.closing(central.connect(server.admin)) as conn, conn.transaction():
        conn.execute(
            "INSERT INTO workstations (uid, role_name, name, station) VALUES (%s, %s, %s, 1)",
            (uid, "tip_ws_" + uid, "Lab 1"),
        )
        for t in db.query("SELECT * FROM trainees ORDER BY id"):
            conn.execute(
                "INSERT INTO trainees (uid, workstation_uid, person_uid, name, institution,"
                " service_number, service_key, name_key, gender, province, created_at,"
                " updated_at, function) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
                " %s, %s)",
                (t["uid"], uid, t["uid"], t["name"], t["institution"], t["service_number"],
                 (t["service_number"] or "").lower() or None, t["name"].lower(), t["gender"],
                 t["province"], t["created_at"], t["updated_at"], t["function"]),
            )  # fmt: skip
        for s in db.query("SELECT * FROM training_sessions ORDER BY id"):
            conn.execute(
                "INSERT INTO training_sessions (uid, workstation_uid, title, institution, venue,"
                " province, start_date, end_date, trainers, audiences, modules, planned_hours,"
                " pre_test, post_test, same_questions, open_test, created_at, updated_at,"
                " deleted_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
                " %s, %s, %s, %s, %s)",
                (s["uid"], uid, s["title"], s["institution"], s["venue"], s["province"],
                 s["start_date"], s["end_date"], s["trainers"], s["audiences"], s["modules"],
                 s["planned_hours"], s["pre_test"], s["post_test"], bool(s["same_questions"]),
                 s["open_test"], s["created_at"], s["updated_at"], s["deleted_at"]),
            )  # fmt: skip
        for st in db.query("SELECT * FROM session_tests ORDER BY attempt_uid"):
            conn.execute(
                "INSERT INTO session_tests (attempt_uid, workstation_uid, session_uid, phase)"
                " VALUES (%s, %s, %s, %s)",
                (st["attempt_uid"], uid, st["session_uid"], st["phase"]),
            )
        for a in db.query(
            "SELECT a.*, t.uid AS trainee_uid FROM attempts a JOIN trainees t"
            " ON t.id = a.trainee_id ORDER BY a.id"
        ):
            conn.execute(
                "INSERT INTO attempts (uid, workstation_uid, trainee_uid, bank_id, bank_version,"
                " bank_hash, module_id, module_title, audiences, behaviour, language, seed,"
                " pass_mark, review, training_hours, started_at, deadline, finished_at, state,"
                " score, max_score, percent, passed) VALUES (%s, %s, %s, %s, %s, %s, %s, %s,"
                " %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (a["uid"], uid, a["trainee_uid"], a["bank_id"], a["bank_version"],
                 a["bank_hash"], a["module_id"], a["module_title"], a["audiences"],
                 a["behaviour"], a["language"], a["seed"], a["pass_mark"], a["review"],
                 a["training_hours"], a["started_at"], a["deadline"], a["finished_at"],
                 a["state"], a["score"], a["max_score"], a["percent"],
                 None if a["passed"] is None else bool(a["passed"])),
            )  # fmt: skip
        for q in db.query(
            "SELECT q.*, a.uid AS attempt_uid FROM attempt_questions q JOIN attempts a"
            " ON a.id = q.attempt_id ORDER BY a.id, q.slot"
        ):
            conn.execute(
                "INSERT INTO attempt_questions (attempt_uid, slot, workstation_uid, question_id,"
                " kind, topic, max_mark, snapshot, response, fraction, mark, flagged,"
                " first_shown_at, answered_at, seconds_spent) VALUES (%s, %s, %s, %s, %s, %s,"
                " %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (q["attempt_uid"], q["slot"], uid, q["question_id"], q["kind"], q["topic"],
                 q["max_mark"], q["snapshot"], q["response"], q["fraction"], q["mark"],
                 bool(q["flagged"]), q["first_shown_at"], q["answered_at"], q["seconds_spent"]),
            )  # fmt: skip


@pytest.fixture
def people(workspace: Workspace) -> dict[str, Trainee]:
    return make_people(workspace)


def with_session_and_functions(ws: Workspace, people: dict[str, Trainee]) -> None:
    """Alice and Bruno carry a function; Didier takes a training session's pre-test and
    passes it (a pass that counts for nothing), then fails its post-test (an exam)."""
    ws.trainees.update(replace(people["alice"], function="Inspecteur"))
    ws.trainees.update(replace(people["bruno"], function="Substitut du procureur"))
    didier = ws.trainees.create(
        "Didier Ndayishimiye", Institution.POLICE, "PN-044", function="Brigadier"
    )
    training = sessions_service.create_session(ws, draft())
    sessions_service.enrol(ws, training.id, [didier.id])
    for phase, right in ((Phase.PRE, 4), (Phase.POST, 0)):
        sessions_service.open_test(ws, training.id, phase)
        quiz = sessions_service.start_test(ws, training, didier, phase, "en")
        answer(quiz, right)
        quiz.finish()


@pytest.fixture
def both(
    signed_in_coordinator: Workspace, people: dict[str, Trainee], central_db: CentralServer
) -> Iterator[tuple[Workspace, CentralReports]]:
    workspace = signed_in_coordinator
    workspace.sign_in(StaffSession("Test coordinator", Role.COORDINATOR, timeout=0))
    take = make_taker(workspace)
    take(people["alice"], right=False, when=datetime(2026, 1, 5, tzinfo=UTC))
    take(people["alice"], right=True, when=datetime(2026, 2, 5, 10, 30, tzinfo=UTC))
    take(people["bruno"], right=True, when=datetime(2026, 2, 20, tzinfo=UTC))
    take(people["chantal"], right=lambda q: q.kind.value == "single_choice",
         when=datetime(2026, 4, 1, tzinfo=UTC))  # fmt: skip
    take(people["chantal"], right=True, behaviour=Behaviour.PRACTICE,
         when=datetime(2026, 4, 2, tzinfo=UTC))  # fmt: skip
    with_session_and_functions(workspace, people)
    copy_to_central(workspace, central_db)
    reports = open_reports(central_db.add_workstation("c" * 32, "Coordinator"))
    try:
        yield workspace, reports
    finally:
        reports.close()


FILTERS = [
    ResultFilter(),
    ResultFilter(outcome=Outcome.PASSED),
    ResultFilter(outcome=Outcome.FAILED),
    ResultFilter(institution=Institution.POLICE),
    ResultFilter(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)),
    ResultFilter(date_to=date(2026, 1, 5)),
    ResultFilter(trainee_search="pn-001"),
    ResultFilter(trainee_search="bruno"),
    ResultFilter(behaviour="practice"),
    ResultFilter(module_id="sample-module", audience="judges"),
    ResultFilter(module_id="other"),
    ResultFilter(finished_only=True),
]


@pytest.mark.parametrize("flt", FILTERS)
def test_browser_pages_are_the_same(
    both: tuple[Workspace, CentralReports], flt: ResultFilter
) -> None:
    ws, reports = both
    assert reports.scope is Scope.CENTRAL
    assert query.count_attempts(reports, flt) == query.count_attempts(ws.db, flt)
    for key in SortKey:
        for descending in (True, False):
            local = query.page_attempts(ws.db, flt, sort=key, descending=descending, limit=3)
            there = query.page_attempts(reports, flt, sort=key, descending=descending, limit=3)
            assert [_row(r) for r in there] == [_row(r) for r in local], (key, descending)


def _row(r: query.AttemptRow) -> tuple[object, ...]:
    """A browser row without the numbers each database gives its rows."""
    return (
        r.uid, r.trainee_name, r.institution, r.module_id, r.module_title, r.behaviour,
        r.state, r.started_at, r.finished_at, r.percent, r.passed, r.workstation_uid,
        r.pre_test,
    )  # fmt: skip


def test_modules_workstations_and_transcripts(
    both: tuple[Workspace, CentralReports], people: dict[str, Trainee]
) -> None:
    ws, reports = both
    assert query.modules(reports) == query.modules(ws.db)
    assert ws.db.workstation_uid in query.workstations(reports)
    alice = query.page_attempts(reports, ResultFilter(trainee_search="Alice"), limit=1)[0]
    there = query.transcript(reports, replace(people["alice"], id=alice.trainee_id))
    local = query.transcript(ws.db, people["alice"])
    assert [_row(a) for a in there.attempts] == [_row(a) for a in local.attempts]
    assert there.modules_passed == local.modules_passed == ["sample-module"]


@pytest.mark.parametrize("fmt", list(TableFormat))
@pytest.mark.parametrize("what", ["attempts", "responses"])
def test_exports_are_the_same_files(
    both: tuple[Workspace, CentralReports], tmp_path: Path, fmt: TableFormat, what: str
) -> None:
    ws, reports = both
    write = export.write_attempts if what == "attempts" else export.write_responses
    for flt in (ResultFilter(), ResultFilter(outcome=Outcome.PASSED)):
        local, there = tmp_path / f"local{fmt.suffix}", tmp_path / f"central{fmt.suffix}"
        n_local = write(ws.db, local, fmt, flt)
        n_there = write(reports, there, fmt, flt)
        assert n_there == n_local > 0
        if fmt is TableFormat.XLSX:
            assert _sheet(there) == _sheet(local)
        else:
            assert there.read_bytes() == local.read_bytes()


def _sheet(path: Path) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return [tuple(r) for s in book.worksheets for r in s.iter_rows(values_only=True)]


def test_item_analysis_is_the_same(both: tuple[Workspace, CentralReports]) -> None:
    ws, reports = both
    local = analysis.analyse_module(ws.db, "sample-module")
    there = analysis.analyse_module(reports, "sample-module")
    assert there.attempts == local.attempts == 6  # a session's tests are exams to analyse
    assert there.items == local.items
    assert (there.reliability, there.histogram, there.mean_percent) == (
        local.reliability,
        local.histogram,
        local.mean_percent,
    )
    assert analysis.item_rows(there) == analysis.item_rows(local)


def test_typed_answers_are_summed_the_same(
    signed_in_coordinator: Workspace, central_db: CentralServer
) -> None:
    """Short answers and numbers typed by trainees: the same counts and the same top
    typed answers from the central sums as from the local ones."""
    ws = signed_in_coordinator
    ws.sign_in(StaffSession("Test coordinator", Role.COORDINATOR, timeout=0))
    typed = [("exploitation", "18"), ("Exploitation", "17"), ("exploits", "18 years"),
             ("slavery", "16"), ("exploitation", "eighteen"), (None, "18")]  # fmt: skip
    for n, (word, number) in enumerate(typed):
        take_typed(ws, f"Trainee {n}", word, number)
    copy_to_central(ws, central_db)
    reports = open_reports(central_db.add_workstation("c" * 32, "Coordinator"))
    try:
        local = analysis.analyse_module(ws.db, "sample-module")
        there = analysis.analyse_module(reports, "sample-module")
    finally:
        reports.close()
    assert there.attempts == local.attempts == len(typed)
    assert there.items == local.items
    assert analysis.item_rows(there) == analysis.item_rows(local)
    items = {i.question_id: i for i in there.items}
    words = {d.key: d.count for d in items["q-purpose-word"].distractors if d.typed}
    assert words["exploitation"] == 2 and words["slavery"] == 1
    assert items["q-purpose-word"].unanswered == 1
    numbers = {d.key: d.count for d in items["q-child-age"].distractors if d.typed}
    assert numbers["18"] == 2 and numbers["17"] == 1


def test_item_sums_need_the_attempts_first(both: tuple[Workspace, CentralReports]) -> None:
    _, reports = both
    with pytest.raises(RuntimeError, match="item_attempts"):
        reports.response_sums()
    with reports.item_attempts([]):
        assert reports.answer_sets() == []
        reports.choose_group([], [])
        assert reports.response_sums() == []
    with pytest.raises(RuntimeError, match="item_attempts"):
        reports.answer_sets()


@pytest.mark.parametrize("period", list(Period))
def test_programme_summary_is_the_same(
    both: tuple[Workspace, CentralReports], period: Period
) -> None:
    ws, reports = both
    dims = [Dimension.PERIOD, Dimension.INSTITUTION, Dimension.MODULE, Dimension.GENDER,
            Dimension.PROVINCE, Dimension.AUDIENCE, Dimension.SESSION,
            Dimension.FUNCTION]  # fmt: skip
    assert set(dims) == set(Dimension)
    singles = [[d] for d in dims]
    for chosen in (dims, dims[:1], dims[1:3], dims[6:], [], *singles):
        local = summary.programme_summary(ws.db, chosen, period)
        there = summary.programme_summary(reports, chosen, period)
        assert there.rows == local.rows
        assert there.total == local.total
        assert there.csv_rows() == local.csv_rows()


def test_sessions_and_functions_group_the_central_summary(
    both: tuple[Workspace, CentralReports],
) -> None:
    """The groups a workstation's summary has, the central one has: by session, whose
    post-test the exam was, and by the trainee's function."""
    ws, reports = both
    there = summary.programme_summary(reports, [Dimension.SESSION], Period.YEAR)
    keys = {r.keys[0]: (r.trained, r.passed, r.attempts) for r in there.rows}
    assert keys["Gitega police training"] == (1, 0, 1)  # the post-test only
    assert set(keys) == {"", "Gitega police training"}
    by_function = summary.programme_summary(reports, [Dimension.FUNCTION], Period.YEAR)
    functions = {r.keys[0] for r in by_function.rows}
    assert functions == {"Inspecteur", "Substitut du procureur", "Brigadier", ""}
    assert (
        by_function.rows == summary.programme_summary(ws.db, [Dimension.FUNCTION], Period.YEAR).rows
    )


def test_a_pre_test_is_not_an_exam_on_central(
    both: tuple[Workspace, CentralReports], central_db: CentralServer
) -> None:
    """Didier passed the pre-test and failed the post-test: he is trained, not passed; the
    browser marks the pre-test and the export names both phases."""
    ws, reports = both
    didier = ResultFilter(trainee_search="Didier")
    total = summary.programme_summary(reports, [], Period.YEAR, didier).total
    assert (total.trained, total.passed, total.attempts) == (1, 0, 1)
    rows = query.page_attempts(reports, didier, sort=SortKey.STARTED, descending=False)
    assert [(r.pre_test, r.passed) for r in rows] == [(True, True), (False, False)]
    # without its session test mark on the server, the pre-test would count as a pass
    central_db.query("DELETE FROM session_tests WHERE phase = 'pre'")
    total = summary.programme_summary(reports, [], Period.YEAR, didier).total
    assert (total.trained, total.passed, total.attempts) == (1, 1, 2)
    local = summary.programme_summary(ws.db, [], Period.YEAR, didier).total
    assert (local.passed, local.attempts) == (0, 1)


def test_the_export_names_the_session_phase(
    both: tuple[Workspace, CentralReports], tmp_path: Path
) -> None:
    _ws, reports = both
    path = tmp_path / "attempts.csv"
    export.write_attempts(reports, path, TableFormat.CSV, ResultFilter(trainee_search="Didier"))
    text = path.read_text("utf-8-sig")
    assert ",pre" in text and ",post" in text


def test_an_official_trained_at_two_workstations_counts_once(
    both: tuple[Workspace, CentralReports], central_db: CentralServer
) -> None:
    """The central summary counts people: two profiles of one official are one."""
    ws, reports = both
    before = summary.programme_summary(reports, [], Period.YEAR).total
    other = "d" * 32
    alice = ws.db.query_one("SELECT uid FROM trainees WHERE name LIKE 'Alice%'")
    assert alice is not None
    central_db.query(
        "INSERT INTO workstations (uid, role_name, name, station) VALUES (%s, 'tip_ws_d', 'Lab 2', 9)",
        (other,),
    )
    central_db.query(
        "INSERT INTO trainees (uid, workstation_uid, person_uid, name, institution, name_key,"
        " created_at, updated_at) VALUES (%s, %s, %s, 'Alice N.', 'police', 'alice n.', now(), now())",
        ("e" * 32, other, alice[0]),
    )
    central_db.query(
        "INSERT INTO attempts (uid, workstation_uid, trainee_uid, bank_id, bank_version,"
        " bank_hash, module_id, module_title, audiences, behaviour, language, seed, pass_mark,"
        " review, training_hours, started_at, finished_at, state, score, max_score, percent,"
        " passed) SELECT %s, %s, %s, bank_id, bank_version, bank_hash, module_id, module_title,"
        " audiences, behaviour, language, seed, pass_mark, review, training_hours, started_at,"
        " finished_at, state, score, max_score, percent, passed FROM attempts"
        " WHERE behaviour = 'exam' AND passed LIMIT 1",
        ("f" * 32, other, "e" * 32),
    )
    after = summary.programme_summary(reports, [], Period.YEAR).total
    assert (after.trained, after.passed, after.attempts) == (
        before.trained,
        before.passed,
        before.attempts + 1,
    )


def test_service_reads_the_source_given(both: tuple[Workspace, CentralReports]) -> None:
    ws, reports = both
    flt = ResultFilter(institution=Institution.JUDICIARY)
    assert service.count_attempts(ws, flt, source=reports) == 2
    assert len(service.page_attempts(ws, flt, source=reports)) == 2
    assert service.modules(ws, source=reports) == service.modules(ws)


def test_a_central_export_is_audited_as_such(
    both: tuple[Workspace, CentralReports], tmp_path: Path
) -> None:
    ws, reports = both
    service.export_attempts(ws, tmp_path / "a.csv", TableFormat.CSV, source=reports)
    row = ws.db.query_one(
        "SELECT detail FROM audit_log WHERE action = 'results.export' ORDER BY id DESC"
    )
    assert row is not None and "(all workstations)" in row[0]


def test_an_unknown_institution_from_the_server_is_refused(
    both: tuple[Workspace, CentralReports], central_db: CentralServer
) -> None:
    _ws, reports = both
    central_db.query("ALTER TABLE trainees DROP CONSTRAINT trainees_institution_check")
    central_db.query("UPDATE trainees SET institution = '=cmd|calc' WHERE name LIKE 'Bruno%%'")
    with pytest.raises(CentralError) as info:
        query.page_attempts(reports, ResultFilter(trainee_search="Bruno"))
    assert info.value.code is ErrorCode.CENTRAL_BAD_DATA
    # the connection still serves the next report
    assert query.count_attempts(reports, ResultFilter()) == 7


def test_a_damaged_title_from_the_server_is_read_as_text(
    both: tuple[Workspace, CentralReports], central_db: CentralServer
) -> None:
    _ws, reports = both
    central_db.query("UPDATE attempts SET module_title = '{not json'")
    row = query.page_attempts(reports, ResultFilter(), limit=1)[0]
    assert row.module_title == {"en": "{not json"}


def test_a_lost_connection_is_a_coded_error(
    both: tuple[Workspace, CentralReports], central_db: CentralServer
) -> None:
    _ws, reports = both
    pid = reports.conn.info.backend_pid
    central_db.query("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(CentralError) as info:
        query.count_attempts(reports, ResultFilter())
    assert info.value.code is ErrorCode.CENTRAL_CONNECTION_LOST


def test_a_server_of_a_newer_schema_is_refused(central_db: CentralServer) -> None:
    config = central_db.add_workstation("c" * 32)
    central_db.query(
        "UPDATE central_meta SET value = %s WHERE key = 'schema_version'",
        (str(central.schema_version() + 1),),
    )
    with pytest.raises(CentralError) as info:
        open_reports(config)
    assert info.value.code is ErrorCode.CENTRAL_SCHEMA_NEWER


def test_an_unreachable_server_is_a_coded_error(central_db: CentralServer) -> None:
    config = central_db.add_workstation("c" * 32)
    with pytest.raises(CentralError) as info:
        open_reports(replace(config, port=1, connect_timeout=1))
    assert info.value.code is ErrorCode.CENTRAL_UNREACHABLE


def test_psycopg_errors_never_escape(both: tuple[Workspace, CentralReports]) -> None:
    _ws, reports = both
    with pytest.raises(CentralError):
        reports._all("SELECT * FROM no_such_table")
    assert not isinstance(CentralError("x"), psycopg.Error)
    assert query.count_attempts(reports, ResultFilter()) == 7
