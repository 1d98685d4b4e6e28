"""A session's pre-test is called a pre-test, not an exam, in results and exports."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from tests.sessions.conftest import answer, draft
from trainer.access import Role, StaffSession
from trainer.results import export
from trainer.results.export import TableFormat
from trainer.sessions import service
from trainer.storage.sessions import Phase
from trainer.storage.trainees import Institution
from trainer.ui.screens.results import ResultsScreen, mode_text
from trainer.workspace import Workspace


def _pre_and_post(ws: Workspace) -> None:
    ws.sign_in(StaffSession("Trainer One", Role.TRAINER))
    session = service.create_session(ws, draft())
    trainee = ws.trainees.create("Jean Ndayishimiye", Institution.POLICE, "PN-1")
    service.enrol(ws, session.id, [trainee.id])
    for phase in (Phase.PRE, Phase.POST):
        service.open_test(ws, session.id, phase)
        quiz = service.start_test(ws, session, trainee, phase, "en")
        answer(quiz, 4)  # all right: a pass, that the pre-test does not count
        quiz.finish()
    ws.sign_in(StaffSession("Coordinator One", Role.COORDINATOR))


def test_the_results_screen_says_pre_test_and_does_not_count_its_pass(
    qtbot: QtBot, workspace: Workspace
) -> None:
    _pre_and_post(workspace)
    screen = ResultsScreen(workspace, "en")
    qtbot.addWidget(screen)
    rows = sorted(screen.model.rows, key=lambda r: r.id)
    assert [r.pre_test for r in rows] == [True, False]
    assert [mode_text(r) for r in rows] == ["Pre-test", "Exam"]
    assert [screen.result_text(r) for r in rows] == ["Not counted", "Passed"]


def test_exports_name_the_session_test(workspace: Workspace, tmp_path: Path) -> None:
    _pre_and_post(workspace)
    out = tmp_path / "attempts.csv"
    export.write_attempts(workspace.db, out, TableFormat.CSV)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["behaviour"], r["session_test"]) for r in rows] == [("exam", "pre"), ("exam", "post")]
    book = tmp_path / "attempts.xlsx"
    export.write_attempts(workspace.db, book, TableFormat.XLSX, language="fr")
    sheet = load_workbook(book)["attempts"]
    mode = export.ATTEMPT_COLUMNS.index("behaviour") + 1
    assert [sheet.cell(row=r, column=mode).value for r in (2, 3)] == ["Test initial", "Test final"]
