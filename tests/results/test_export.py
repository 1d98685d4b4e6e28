"""Exports: columns, one row per attempt or per question, every format, written atomically."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.results.conftest import FIXED, Taker
from trainer.errors import ExportError
from trainer.results import export
from trainer.results.export import ATTEMPT_COLUMNS, RESPONSE_COLUMNS, TableFormat
from trainer.results.query import Outcome, ResultFilter
from trainer.storage.trainees import Trainee
from trainer.workspace import Workspace


@pytest.fixture
def recorded(workspace: Workspace, take: Taker, people: dict[str, Trainee]) -> Workspace:
    take(people["alice"], right=True)
    take(people["bruno"], right=False)
    take(people["chantal"], right=lambda q: q.kind.value == "single_choice")
    return workspace


def _csv(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def test_attempts_csv_has_every_column_and_a_row_per_attempt(
    recorded: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "attempts.csv"
    assert export.write_attempts(recorded.db, out, TableFormat.CSV) == 3
    rows = _csv(out)
    assert list(rows[0]) == list(ATTEMPT_COLUMNS)
    alice = next(r for r in rows if r["trainee_name"] == "Alice Niyonzima")
    assert alice["passed"] == "True" and alice["percent"] == "100.0"
    assert alice["service_number"] == "PN-001" and alice["gender"] == "female"
    assert alice["questions"] == "4"
    assert "en: Sample module" in alice["module_title"]


def test_responses_csv_row_per_question_with_words(recorded: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "responses.csv"
    assert export.write_responses(recorded.db, out, TableFormat.CSV) == 12
    rows = _csv(out)
    assert list(rows[0]) == list(RESPONSE_COLUMNS)
    assert {r["question_id"] for r in rows} == set(FIXED)
    child = [r for r in rows if r["question_id"] == "q-child"]
    assert {r["correct_answer"] for r in child} == {"Under 18"}
    assert sorted(r["answer_given"] for r in child) == ["Under 16", "Under 18", "Under 18"]
    assert {r["bank_id"] for r in rows} == {"sample"}
    assert {r["bank_version"] for r in rows} == {"1.0"}
    for attempt in {r["attempt_uid"] for r in rows}:  # slot order within each attempt
        positions = [int(r["position"]) for r in rows if r["attempt_uid"] == attempt]
        assert positions == [1, 2, 3, 4]
    unanswered = [r for r in rows if r["question_id"] == "q-steps" and r["fraction"] == "0.0"]
    assert unanswered and all(r["answer_given"] == "" for r in unanswered)
    means = next(r for r in rows if r["question_id"] == "q-means" and r["fraction"] == "1.0")
    assert means["answer_given"] == "Deception; Abduction"
    assert float(means["mark"]) == float(means["max_mark"])


def test_csv_and_json_agree(recorded: Workspace, tmp_path: Path) -> None:
    export.write_responses(recorded.db, tmp_path / "r.csv", TableFormat.CSV)
    export.write_responses(recorded.db, tmp_path / "r.json", TableFormat.JSON)
    from_csv = _csv(tmp_path / "r.csv")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["columns"] == list(RESPONSE_COLUMNS)
    assert len(data["records"]) == len(from_csv) == 12
    for c, j in zip(from_csv, data["records"], strict=True):
        for column in RESPONSE_COLUMNS:
            value = j[column]
            if isinstance(value, float):
                assert float(c[column]) == pytest.approx(value)
            else:
                assert c[column] == ("" if value is None else str(value))


def test_excel_csv_has_bom_semicolons_crlf_and_decimal_commas(
    recorded: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "excel.csv"
    export.write_responses(recorded.db, out, TableFormat.CSV_EXCEL)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")
    rows = _csv(out, ";", "utf-8-sig")
    assert len(rows) == 12
    assert {r["max_mark"] for r in rows} <= {"1,0", "2,0", "3,0"}
    attempts = tmp_path / "attempts-excel.csv"
    export.write_attempts(recorded.db, attempts, TableFormat.CSV_EXCEL)
    arows = _csv(attempts, ";", "utf-8-sig")
    assert {r["passed"] for r in arows} == {"1", "0"}


def test_xlsx_has_header_and_rows(recorded: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert export.write_responses(recorded.db, out, TableFormat.XLSX) == 12
    sheet = load_workbook(out, read_only=True)["responses"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [export.heading(c, "en") for c in RESPONSE_COLUMNS]
    assert rows[0][:3] == ("Attempt id", "Trainee id", "Module id")
    assert len(rows) == 13


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ("Trainee", "Module", "Started (UTC)", "Passed")),
        ("fr", ("Participant", "Module", "Début (UTC)", "Réussi")),
    ],
)
def test_xlsx_is_ready_to_read_in_the_export_language(
    recorded: Workspace, tmp_path: Path, language: str, headings: tuple[str, ...]
) -> None:
    out = tmp_path / f"attempts-{language}.xlsx"
    assert export.write_attempts(recorded.db, out, TableFormat.XLSX, language=language) > 0
    sheet = load_workbook(out)["attempts"]
    assert sheet.freeze_panes == "A2"  # the heading row stays in view
    top = [c.value for c in sheet[1]]
    assert all(h in top for h in headings), top
    assert all(c.font.b for c in sheet[1])
    column = {name: i + 1 for i, name in enumerate(export.ATTEMPT_COLUMNS)}
    started = sheet.cell(row=2, column=column["started_at"])
    assert isinstance(started.value, datetime) and started.is_date
    assert started.number_format == export.DATE_FORMAT
    title = sheet.cell(row=2, column=column["module_title"]).value
    assert isinstance(title, str) and "en:" not in title and "|" not in title
    assert title == {"en": "Sample module", "fr": "Module d'exemple"}[language]
    letter = sheet.cell(row=1, column=column["trainee_name"]).column_letter
    width = sheet.column_dimensions[letter].width
    names = [sheet.cell(row=r, column=column["trainee_name"]).value for r in range(2, 4)]
    assert width >= max(len(str(n)) for n in names) and width <= export.MAX_WIDTH + 2
    # the formats for programs keep the column ids and every title
    csv_out = tmp_path / "attempts.csv"
    export.write_attempts(recorded.db, csv_out, TableFormat.CSV, language=language)
    assert csv_out.read_text(encoding="utf-8").startswith("attempt_uid,trainee_uid")


def test_xlsx_continues_on_a_new_sheet_past_the_row_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "XLSX_MAX_ROWS", 2)
    out = tmp_path / "t.xlsx"
    rows = [[i] for i in range(5)]
    export.write_table(out, TableFormat.XLSX, ["n"], rows, 5, sheet="data")
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["data", "data 2", "data 3"]


def test_filters_apply_to_exports(recorded: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "passed.csv"
    flt = ResultFilter(outcome=Outcome.PASSED)
    assert export.write_attempts(recorded.db, out, TableFormat.CSV, flt) == 1
    assert export.write_responses(recorded.db, out, TableFormat.CSV, flt) == 4
    alice = recorded.trainees.list("Alice")[0]
    assert {r["trainee_uid"] for r in _csv(out)} == {alice.uid}


def test_a_failed_write_leaves_no_file(
    recorded: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "full.csv"

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("trainer.files.os.fsync", disk_full)
    with pytest.raises(ExportError, match="No space left"):
        export.write_responses(recorded.db, out, TableFormat.CSV)
    assert list(tmp_path.glob("*full.csv*")) == []


def test_cancel_leaves_no_file(recorded: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.json"
    with pytest.raises(export.OperationCancelledError):
        export.write_responses(
            recorded.db, out, TableFormat.JSON, progress=lambda done, total: False
        )
    assert list(tmp_path.glob("*cancelled*")) == []


def test_progress_reports_the_total(recorded: Workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export.write_responses(
        recorded.db,
        tmp_path / "p.csv",
        TableFormat.CSV,
        progress=lambda d, t: not seen.append((d, t)),  # type: ignore[func-returns-value]
    )
    assert seen[0] == (0, 12) and seen[-1] == (12, 12)


def test_text_with_delimiters_is_quoted(recorded: Workspace, tmp_path: Path) -> None:
    recorded.db.conn.execute("UPDATE attempts SET bank_version = 'v1, \"draft\"'")
    out = tmp_path / "q.csv"
    export.write_responses(recorded.db, out, TableFormat.CSV)
    assert {r["bank_version"] for r in _csv(out)} == {'v1, "draft"'}


def test_every_results_export_is_audited_once(recorded: Workspace, tmp_path: Path) -> None:
    from trainer.access import Role, StaffSession
    from trainer.results import service
    from trainer.storage import audit

    recorded.sign_in(StaffSession("Coordinator C", Role.COORDINATOR))
    assert service.export_attempts(recorded, tmp_path / "a.csv", TableFormat.CSV) == 3
    assert service.export_responses(recorded, tmp_path / "r.json", TableFormat.JSON) == 12
    module = recorded.catalog.bank("sample").modules[0].id
    service.export_item_analysis(
        recorded, tmp_path / "items.csv", service.analyse_module(recorded, module)
    )
    service.export_summary(recorded, tmp_path / "summary.csv", service.programme_summary(recorded))
    logged = [
        (e.action, e.detail, e.actor)
        for e in reversed(audit.entries(recorded.db))
        if e.action.startswith("results.")
    ]
    assert logged == [
        ("results.export", "3 attempts as csv to a.csv", "Coordinator C"),
        ("results.export", "12 responses as json to r.json", "Coordinator C"),
        ("results.item_analysis_export", f"{module} to items.csv", "Coordinator C"),
        ("results.summary_export", "programme summary CSV to summary.csv", "Coordinator C"),
    ]
