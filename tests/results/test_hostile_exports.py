"""Every export writes what it stores as data: no cell a spreadsheet runs as a formula, no
crash on control characters already in the database (names stored before they were refused,
or by an older version)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.results.conftest import Taker
from trainer import admin
from trainer.certificates import register
from trainer.certificates.batch import batch_generate
from trainer.results import export
from trainer.results import service as results
from trainer.results.export import TableFormat
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _decode(text: str) -> str:
    return text.encode("ascii").decode("unicode_escape")


def _hostile() -> list[tuple[str, str]]:
    out = []
    for line in (HOSTILE / "10-formula-names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, number = line.split("\t")
            out.append((_decode(name), _decode(number)))
    return out


NAMES = _hostile()


@pytest.fixture
def hostile(workspace: Workspace, take: Taker) -> Workspace:
    """Trainees whose stored names and service numbers are hostile, each with an exam."""
    for name, number in NAMES:
        trainee = workspace.trainees.create("Placeholder", Institution.POLICE)
        # As an older version or an old bundle stored them: the rule now refuses them.
        workspace.db.conn.execute(
            "UPDATE trainees SET name = ?, service_number = ? WHERE id = ?",
            (name, number, trainee.id),
        )
        take(workspace.trainees.get(trainee.id), right=True)
    workspace.audit("test.hostile", '=HYPERLINK("http://x","audit")\x1b[2J')
    return workspace


def _cells_csv(path: Path, delimiter: str = ",") -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [cell for row in csv.reader(fh, delimiter=delimiter) for cell in row]


def _assert_data_only(cells: list[str]) -> None:
    assert cells
    for cell in cells:
        assert not cell.startswith(FORMULA_START), cell
        assert "\x00" not in cell and "\x1b" not in cell, cell


@pytest.mark.parametrize("fmt", [TableFormat.CSV, TableFormat.CSV_EXCEL])
@pytest.mark.parametrize("what", ["attempts", "responses"])
def test_csv_exports_write_formulas_and_control_characters_as_data(
    hostile: Workspace, tmp_path: Path, fmt: TableFormat, what: str
) -> None:
    out = tmp_path / f"{what}.csv"
    run = export.write_attempts if what == "attempts" else export.write_responses
    assert run(hostile.db, out, fmt) > 0
    cells = _cells_csv(out, ";" if fmt is TableFormat.CSV_EXCEL else ",")
    _assert_data_only(cells)
    if what == "attempts":
        assert '\'=HYPERLINK("http://x","y")' in cells
        assert "Aline\\x00Niyonzima" in cells and "PNB\\x1b-7" in cells


@pytest.mark.parametrize("what", ["attempts", "responses"])
def test_xlsx_exports_hold_text_never_formulas_and_never_crash(
    hostile: Workspace, tmp_path: Path, what: str
) -> None:
    out = tmp_path / f"{what}.xlsx"
    run = export.write_attempts if what == "attempts" else export.write_responses
    assert run(hostile.db, out, TableFormat.XLSX) > 0
    book = load_workbook(out)
    values = []
    for row in book.worksheets[0].iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
            values.append(cell.value)
    if what == "attempts":
        # a text cell keeps the text as typed: it is typed as text, not quoted
        assert '=HYPERLINK("http://x","y")' in values
        assert "Aline\\x00Niyonzima" in values and "+257" in values


def test_json_export_keeps_the_values_exactly(hostile: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "attempts.json"
    export.write_attempts(hostile.db, out, TableFormat.JSON)
    names = {r["trainee_name"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
    assert {n for n, _ in NAMES} <= names


def test_certificate_audit_summary_and_item_exports_write_data(
    hostile: Workspace, tmp_path: Path
) -> None:
    batch_generate(hostile, tmp_path / "pdfs")  # issues one per trainee
    records = register.list_certificates(hostile)
    assert len(records) == len(NAMES)
    register.export_csv(hostile, tmp_path / "certificates.csv", records)
    _assert_data_only(_cells_csv(tmp_path / "certificates.csv"))

    admin.export_audit(hostile, tmp_path / "audit.csv")
    audit_cells = _cells_csv(tmp_path / "audit.csv")
    _assert_data_only(audit_cells)
    assert '\'=HYPERLINK("http://x","audit")\\x1b[2J' in audit_cells

    summary = results.programme_summary(hostile)
    results.export_summary(hostile, tmp_path / "summary.csv", summary)
    export.write_table(
        tmp_path / "summary.xlsx", TableFormat.XLSX, summary.csv_columns(), summary.csv_rows(), 0
    )
    _assert_data_only(_cells_csv(tmp_path / "summary.csv"))

    module = hostile.catalog.bank("sample").modules[0].id
    results.export_item_analysis(
        hostile, tmp_path / "items.csv", results.analyse_module(hostile, module)
    )
    _assert_data_only(_cells_csv(tmp_path / "items.csv"))
