"""The sessions command line, and sessions carried by workstation bundles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sessions.conftest import answer, draft
from trainer import cli
from trainer.results import bundles
from trainer.sessions import bundle as session_records
from trainer.sessions import service
from trainer.storage.sessions import Phase, bundle_records
from trainer.workspace import Workspace


def test_the_command_line_runs_a_session(
    tmp_path: Path, banks_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    base = ["--data-dir", str(data)]
    Workspace(data, shipped_banks=banks_dir).close()
    assert (
        cli.main(
            [
                "sessions",
                "create",
                *base,
                "--title",
                "Butanyerera judges",
                "--institution",
                "judiciary",
                "--start",
                "2026-05-04",
                "--end",
                "2026-05-05",
                "--province",
                "Butanyerera",
                "--hours",
                "12",
            ]
        )
        == 0
    )
    listing = tmp_path / "list.csv"
    listing.write_text(
        "name,service number,institution\nJudge One,J-1,judiciary\nBad,J-1,judiciary\n",
        encoding="utf-8",
    )
    assert cli.main(["sessions", "import-participants", *base, "1", str(listing)]) == 1
    assert "row 3" in capsys.readouterr().out
    assert (
        cli.main(["sessions", "import-participants", *base, "1", str(listing), "--good-rows"]) == 0
    )
    assert (
        cli.main(["sessions", "attendance", *base, "1", "--day", "2026-05-04", "--present", "J-1"])
        == 0
    )
    assert (
        cli.main(
            [
                "sessions",
                "report",
                *base,
                "1",
                "--format",
                "xlsx",
                "--out",
                str(tmp_path / "r.xlsx"),
            ]
        )
        == 0
    )
    assert (
        cli.main(
            [
                "sessions",
                "report",
                *base,
                "1",
                "--format",
                "pdf",
                "--out",
                str(tmp_path / "r.pdf"),
                "--lang",
                "fr",
            ]
        )
        == 0
    )
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert (
        cli.main(
            [
                "sessions",
                "annual-figures",
                *base,
                "--year",
                "2026",
                "--format",
                "xlsx",
                "--out",
                str(tmp_path / "f.xlsx"),
            ]
        )
        == 0
    )
    assert "1 officials trained" in capsys.readouterr().out
    assert cli.main(["sessions", "list", *base, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["province"] == "Butanyerera"
    assert (
        cli.main(["sessions", "attendance", *base, "1", "--day", "2027-01-01", "--present", "J-1"])
        == 2
    )


def test_sessions_travel_in_bundles(trainer_ws: Workspace, tmp_path: Path, banks_dir: Path) -> None:
    ws = trainer_ws
    session = service.create_session(ws, draft())
    trainee = ws.trainees.create("Jean Ndayishimiye", session.institution, "PN-1")
    service.enrol(ws, session.id, [trainee.id])
    service.record_attendance(ws, session.id, session.days[0], {trainee.id: True})
    service.open_test(ws, session.id, Phase.PRE)
    quiz = service.start_test(ws, session, trainee, Phase.PRE, "en")
    answer(quiz, 4)
    quiz.finish()
    path = tmp_path / "out.tipbundle"
    bundles.export_bundle(ws.db, ws.keys, path)

    central = Workspace(tmp_path / "central", shipped_banks=banks_dir)
    try:
        from trainer.access import Role, StaffSession
        from trainer.certificates import keys as certificates

        ws.sign_in(StaffSession("Coordinator", Role.COORDINATOR))
        central.sign_in(StaffSession("Coordinator", Role.COORDINATOR))
        certificates.import_public_key(
            central, certificates.export_public_key(ws, tmp_path / "k.pub")
        )
        bundles.import_bundle(central.db, central.keys, path)
        bundles.import_bundle(central.db, central.keys, path)  # twice: harmless
        there = service.repository(central).by_uid(session.uid)
        assert there is not None and there.title == session.title
        assert [t.name for t in service.repository(central).participants(there.id)] == [
            "Jean Ndayishimiye"
        ]
        assert service.repository(central).attendance(there.id)
        attempt = central.db.query_one("SELECT id FROM attempts WHERE uid = ?", (quiz.uid,))
        assert attempt is not None
        assert service.phase_of_attempt(central, int(attempt[0])) is Phase.PRE
    finally:
        central.close()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("province", "Ngozi"),
        ("start_date", "2026-13-01"),
        ("title", "\x00"),
        ("planned_hours", 1e9),
        ("open_test", "both"),
        ("modules", '[{"bank": "a b", "id": "x"}]'),
    ],
)
def test_a_bad_session_field_refuses_the_bundle(
    trainer_ws: Workspace, field: str, value: object
) -> None:
    service.create_session(trainer_ws, draft())
    records = bundle_records(trainer_ws.db.conn)
    assert session_records.check(records) is None
    records[0][field] = value
    problem = session_records.check(records)
    assert problem is not None and field in problem
