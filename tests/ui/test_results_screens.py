"""The coordinator's screens: results browser, item analysis, programme summary, bundles."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from tests.results.conftest import make_people, make_taker
from tests.ui.helpers import finish
from trainer.access import Role, StaffSession
from trainer.results import bundles
from trainer.results.export import TableFormat
from trainer.results.summary import Dimension
from trainer.storage.trainees import Institution
from trainer.ui.screens import results as results_screen
from trainer.ui.screens.bundles import BundlesScreen
from trainer.ui.screens.item_analysis import ItemAnalysisScreen
from trainer.ui.screens.programme_summary import ProgrammeSummaryScreen
from trainer.ui.screens.results import ResultsScreen
from trainer.workspace import Workspace


@pytest.fixture(autouse=True)
def _coordinator_signed_in(workspace: Workspace) -> None:
    """These screens are a coordinator's: a coordinator is signed in on the workspace."""
    workspace.sign_in(StaffSession("Test coordinator", Role.COORDINATOR, timeout=0))


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


@pytest.fixture
def recorded(workspace: Workspace) -> Workspace:
    take, people = make_taker(workspace), make_people(workspace)
    take(people["alice"], right=True)
    take(people["bruno"], right=False)
    take(people["chantal"], right=lambda q: q.kind.value == "single_choice")
    return workspace


def test_results_filter_sort_and_page(
    qtbot: QtBot, recorded: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(results_screen, "PAGE_SIZE", 2)
    screen = ResultsScreen(recorded, "en")
    qtbot.addWidget(screen)
    model = screen.model
    assert (model.total, model.rowCount()) == (3, 2)
    assert screen.page_label.text() == "Attempts 1–2 of 3"
    assert not screen.previous_button.isEnabled() and screen.next_button.isEnabled()
    screen.next_button.click()
    assert model.rowCount() == 1 and screen.page_label.text() == "Attempts 3–3 of 3"
    screen.search.setText("Bruno")
    assert model.total == 1 and model.offset == 0
    assert model.data(model.index(0, 6)) == "Not passed"
    screen.search.setText("")
    screen.outcome.setCurrentIndex(screen.outcome.findData("passed"))
    assert model.total == 1
    assert model.data(model.index(0, 1)) == "Alice Niyonzima"
    screen.outcome.setCurrentIndex(0)
    screen.institution.setCurrentIndex(screen.institution.findData(Institution.JUDICIARY.value))
    assert model.total == 1
    screen.institution.setCurrentIndex(0)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 1)) == "Alice Niyonzima"
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Score"


def test_results_export_runs_off_the_ui_thread(
    qtbot: QtBot, recorded: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = ResultsScreen(recorded, "en")
    qtbot.addWidget(screen)
    out = tmp_path / "responses.csv"
    monkeypatch.setattr(
        results_screen, "ask_export_options", lambda _p: ("responses", TableFormat.CSV)
    )
    monkeypatch.setattr(results_screen, "choose_save_file", lambda *_a: out)
    shown: list[str] = []
    monkeypatch.setattr("trainer.ui.dialogs.show_info", lambda _p, _t, text: shown.append(text))
    with qtbot.waitSignal(screen.exported) as exported:
        screen.export_button.click()
    assert exported.args == [12]
    with out.open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 12
    assert shown and shown[0].startswith("12 rows written")


def test_transcript_pdf(qtbot: QtBot, recorded: Workspace, tmp_path: Path) -> None:
    screen = ResultsScreen(recorded, "en")
    qtbot.addWidget(screen)
    alice = recorded.trainees.list("Alice")[0]
    recorded.db.conn.execute(
        "INSERT INTO certificates (number, year, seq, kind, trainee_id, trainee_name,"
        " institution, subject, modules, audiences, score, training_hours, certified_on,"
        " issued_at, issuer_key_id, issuer_name, code) VALUES ('TIP-2026-0007', 2026,"
        " 7, 'module', ?, 'Alice', 'police', 'sample-module', '[]', 'police', 100, 1.5,"
        " '2026-03-10', '2026-03-10', 'k', 'School', 'c')",
        (alice.id,),
    )
    path = screen.save_transcript(alice.id, tmp_path / "t.pdf")
    text = " ".join(PdfReader(str(path)).pages[0].extract_text().split())
    assert "Alice Niyonzima" in text and "Training transcript" in text and "Passed" in text
    assert "TIP-2026-0007" in text


def test_item_analysis_screen(
    qtbot: QtBot, recorded: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = ItemAnalysisScreen(recorded, "en")
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.analysed):
        pass  # the analysis runs off the GUI thread
    assert screen.result is not None and screen.result.attempts == 3
    assert screen.table.rowCount() == 4
    assert "Finished exam attempts: 3;" in screen.summary.text()
    assert not screen.warning.isHidden()
    child = next(r for r in range(screen.table.rowCount()) if cell(screen.table, r, 0) == "q-child")
    screen.table.selectRow(child)
    assert "b. Under 18: 2 (67 %) (right answer)" in screen.distractors.toPlainText()
    out = tmp_path / "items.csv"
    monkeypatch.setattr("trainer.ui.screens.item_analysis.choose_save_file", lambda *_a: out)
    screen.csv_button.click()
    assert out.read_text(encoding="utf-8").startswith("question_id,kind,text")


def test_programme_summary_screen(qtbot: QtBot, recorded: Workspace, tmp_path: Path) -> None:
    screen = ProgrammeSummaryScreen(recorded, "en")
    qtbot.addWidget(screen)
    rows = screen.table.rowCount()
    assert rows == 4  # three institutions and the total
    assert cell(screen.table, rows - 1, 0) == "Total"
    screen.checks[Dimension.MODULE].setChecked(False)
    screen.checks[Dimension.INSTITUTION].setChecked(False)
    assert screen.table.rowCount() == 2  # one year and the total
    screen.checks[Dimension.PERIOD].setChecked(False)
    assert screen.table.rowCount() == 1
    pdf = screen.save_pdf(tmp_path / "s.pdf")
    assert "Programme summary" in " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
    assert screen.save_csv(tmp_path / "s.csv").read_text(encoding="utf-8").startswith("trained,")
    assert not screen.chart.render_image(400, 200).isNull()


def test_bundles_screen_exports_and_reports_imports(
    qtbot: QtBot,
    recorded: Workspace,
    tmp_path: Path,
    banks_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("trainer.ui.dialogs.show_info", lambda _p, _t, text: shown.append(text))
    screen = BundlesScreen(recorded, "en")
    qtbot.addWidget(screen)
    assert screen.pending_label.text().startswith("3 finished attempts")
    path = tmp_path / "out.tipbundle"
    done = finish(qtbot, screen.export_to(path))
    assert done is not None and done.attempts == 3
    assert shown == [f"3 attempts and 3 trainee profiles written to {path}."]
    assert screen.pending_label.text().startswith("0 finished attempts")
    other = Workspace(tmp_path / "other", shipped_banks=banks_dir)
    other.sign_in(StaffSession("Coordinator B", Role.COORDINATOR, timeout=0))
    try:
        other_screen = BundlesScreen(other, "en")
        qtbot.addWidget(other_screen)
        refused = finish(qtbot, other_screen.import_files([path]))
        refused = other_screen.report.toPlainText().split("\n\n")
        assert "REFUSED" in refused[0] and "does not trust" in refused[0]
        key = recorded.keys.export_public(tmp_path / "k.tip-key", "Station")
        other.keys.import_public(key)
        with qtbot.waitSignal(other_screen.imported) as imported:
            other_screen.import_files([path, path])
        accepted = imported.args[0]
        assert "Attempts: 3 added" in accepted[0]
        assert "Already imported before" in accepted[1]
        assert other_screen.history.rowCount() == 1
        assert len(bundles.imports(other.db)) == 1
    finally:
        other.close()
