"""A trainer runs a whole session; the coordinator exports its report and the annual figures."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.sessions.conftest import answer, draft
from trainer.access import Role, StaffSession
from trainer.certificates import document, verification
from trainer.certificates import issuing as certificates
from trainer.errors import AccessDeniedError, TrainerError
from trainer.sessions import figures, service
from trainer.sessions.participants import read_participants
from trainer.sessions.report import build_report, normalised_gain
from trainer.storage.sessions import Phase
from trainer.workspace import Workspace

LIST = (
    "name,service number,institution,function,gender,province\n"
    "Jean Ndayishimiye,PN-001,police,Brigadier,M,Gitega\n"
    "Claudine Irakoze,PN-002,Police,Inspectrice,Femme,Bujumbura\n"
    "Eric Hakizimana,PN-003,police,Agent,male,Burunga\n"
)


def test_a_trainer_runs_a_whole_session(trainer_ws: Workspace, tmp_path: Path) -> None:
    ws = trainer_ws
    session = service.create_session(ws, draft())
    # Enrol: a participant list, then one trainee already known.
    listing = tmp_path / "list.csv"
    listing.write_text(LIST, encoding="utf-8")
    found = read_participants(listing)
    assert found.ok and len(found.rows) == 3
    result = service.import_participants(ws, session.id, found)
    assert (result.created, result.enrolled) == (3, 3)
    people = {t.service_number: t for t in service.repository(ws).participants(session.id)}
    assert people["PN-002"].gender == "female" and people["PN-002"].function == "Inspectrice"
    jean, claudine, eric = people["PN-001"], people["PN-002"], people["PN-003"]

    # Attendance: Eric misses two days of three.
    for day in session.days:
        service.record_attendance(
            ws, session.id, day, {jean.id: True, claudine.id: True, eric.id: day == session.days[0]}
        )

    # Pre-test: open, taken with no certificate even when passed.
    service.open_test(ws, session.id, Phase.PRE)
    assert service.open_tests_for(ws, jean.id) == [
        (service.repository(ws).get(session.id), Phase.PRE)
    ]
    pre = {}
    for trainee, right in ((jean, 1), (claudine, 4), (eric, 0)):
        quiz = service.start_test(ws, session, trainee, Phase.PRE, "en")
        answer(quiz, right)
        quiz.finish()
        pre[trainee.id] = quiz
        assert service.phase_of_attempt(ws, quiz.attempt_id) is Phase.PRE
        assert certificates.issue_for_attempt(ws, quiz.attempt_id) is None
    assert ws.attempts.progress(claudine.id) == {}  # a pre-test is not an exam taken
    with pytest.raises(TrainerError, match="not open"):
        service.start_test(ws, session, jean, Phase.POST, "en")

    # Post-test: the same questions as each one's pre-test; a pass is certified.
    service.open_test(ws, session.id, Phase.POST)
    for trainee, right in ((jean, 4), (claudine, 4), (eric, 1)):
        quiz = service.start_test(ws, session, trainee, Phase.POST, "en")
        assert sorted(s.question.id for s in quiz.slots) == sorted(
            s.question.id for s in pre[trainee.id].slots
        )
        answer(quiz, right)
        quiz.finish()
        issued = certificates.issue_for_attempt(ws, quiz.attempt_id)
        assert (issued is not None) == bool(quiz.result and quiz.result.passed)
    service.open_test(ws, session.id, None)

    # Certificates of attendance: Jean and Claudine attended 100 %, Eric 33 %.
    attendance = service.issue_attendance_certificates(ws, session.id)
    assert sorted(c.trainee_name for c in attendance) == ["Claudine Irakoze", "Jean Ndayishimiye"]
    assert service.issue_attendance_certificates(ws, session.id) == attendance  # idempotent
    cert = attendance[0]
    assert cert.kind == "attendance" and cert.score == 100.0 and cert.training_hours == 18.0
    verdict = verification.verify_code(ws, cert.code)
    assert verdict.valid and verdict.facts is not None
    assert verdict.facts.kind is document.CertificateKind.ATTENDANCE

    report = build_report(ws.db, session.id)
    lines = {p.trainee.service_number: p for p in report.participants}
    assert 0 < (lines["PN-001"].pre or 0) < 100 and lines["PN-001"].post == 100.0
    assert lines["PN-001"].normalised_gain == 1.0
    assert lines["PN-002"].pre == 100.0 and lines["PN-002"].normalised_gain is None
    assert lines["PN-003"].days_present == 1 and lines["PN-003"].hours == 6.0
    assert report.passed == 2 and report.pass_rate == pytest.approx(200 / 3)
    assert report.competence_certificates == 2 and report.attendance_certificates == 2
    assert report.present_by_day[session.days[1]] == 2
    assert report.most_missed and report.most_missed[0].facility < 1.0
    pres = [p.pre or 0.0 for p in report.participants]
    posts = [p.post or 0.0 for p in report.participants]
    assert report.class_normalised_gain == pytest.approx(
        normalised_gain(sum(pres) / 3, sum(posts) / 3)
    )

    # The coordinator exports the report and the annual figures.
    ws.sign_in(StaffSession("Coordinator One", Role.COORDINATOR))
    xlsx = service.export_report_xlsx(ws, session.id, tmp_path / "report.xlsx")
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames == ["summary", "participants", "attendance", "topics", "most_missed"]
    rows = list(book["participants"].iter_rows(values_only=True))
    assert rows[0][0] == "name" and len(rows) == 4
    book.close()
    year = figures.export_annual_figures(ws, 2026, tmp_path / "figures.csv", "csv")
    table = list(csv.reader(year.open(encoding="utf-8")))
    assert table[0] == ["dimension", "value", "trained", "certified"]
    by = {(r[0], r[1]): (int(r[2]), int(r[3])) for r in table[1:]}
    assert by[("total", "")][0] == 3
    assert by[("gender", "female")] == (1, 1)
    assert by[("province", "Burunga")][0] == 1


def test_the_rules_hold_for_every_role(workspace: Workspace) -> None:
    with pytest.raises(AccessDeniedError):
        service.create_session(workspace, draft())
    workspace.sign_in(StaffSession("Trainer One", Role.TRAINER))
    session = service.create_session(workspace, draft())
    with pytest.raises(AccessDeniedError):
        figures.export_annual_figures(workspace, 2026, Path("unused.csv"), "csv")
    assert service.list_sessions(workspace) == [session]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "title"),
        ({"end_date": date(2026, 3, 1)}, "ends before"),
        ({"end_date": date(2026, 3, 9)}, "at most 5 days"),
        ({"province": "Ngozi"}, "not a province"),
        ({"planned_hours": -1.0}, "planned hours"),
        ({"audiences": ("soldiers",)}, "audience"),
        ({"venue": "a\x00b"}, "control"),
    ],
)
def test_a_bad_session_is_refused(
    trainer_ws: Workspace, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(TrainerError, match=message):
        service.create_session(trainer_ws, draft(**changes))
    assert service.list_sessions(trainer_ws) == []


def test_editing_or_deleting_a_session_keeps_every_record(trainer_ws: Workspace) -> None:
    ws = trainer_ws
    session = service.create_session(ws, draft())
    trainee = ws.trainees.create("Jean Ndayishimiye", session.institution, "PN-1")
    service.enrol(ws, session.id, [trainee.id])
    service.record_attendance(ws, session.id, session.days[0], {trainee.id: True})
    service.open_test(ws, session.id, Phase.PRE)
    quiz = service.start_test(ws, session, trainee, Phase.PRE, "en")
    answer(quiz, 4)
    quiz.finish()
    with pytest.raises(TrainerError, match="stays on its list"):
        service.unenrol(ws, session.id, trainee.id)
    edited = service.update_session(
        ws, session.id, draft(title="Renamed", end_date=date(2026, 3, 2))
    )
    assert edited.title == "Renamed" and len(edited.days) == 1
    assert service.repository(ws).participants(session.id) == [trainee]
    assert service.repository(ws).test_attempt_count(session.id) == 1
    service.delete_session(ws, session.id)
    assert service.list_sessions(ws) == []
    assert ws.attempts.get(quiz.attempt_id).finished
    assert service.phase_of_attempt(ws, quiz.attempt_id) is Phase.PRE  # still never certified
    assert certificates.issue_for_attempt(ws, quiz.attempt_id) is None
    assert service.repository(ws).attendance(session.id)
