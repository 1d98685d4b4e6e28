"""The Review tab of the bank library, and the review shown when a bank is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.banks.review.factory import sc, write
from tests.conftest import DATA
from trainer.access import Role, StaffSession
from trainer.ui import dialogs
from trainer.ui.screens.bank_library import BankLibraryScreen
from trainer.workspace import Workspace


@pytest.fixture
def screen(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> BankLibraryScreen:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, e: shown.append(str(e)))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: shown.append(text))
    s = BankLibraryScreen(workspace, "en")
    s.messages = shown  # type: ignore[attr-defined]
    qtbot.addWidget(s)
    return s


def _rows(screen: BankLibraryScreen) -> list[list[str]]:
    proxy = screen.review.proxy
    return [
        [str(proxy.index(r, c).data()) for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def _flawed(tmp_path: Path) -> Path:
    stem = "Which document proves the age of a child found working in a brick factory?"
    a = sc("a", stem, ["A birth certificate", "A school report"])
    b = sc("b", stem.replace("brick", "tea"), ["A birth certificate", "A school report"])
    c = sc("c", "Which is not an indicator?", ["Debt bondage owed to the recruiter", "A job"])
    c["review"] = {"waive": [{"rule": "key-longest", "reason": "the legal wording"}]}
    return write(tmp_path / "flawed.yaml", a, b, c, id="flawed")


def test_the_review_tab_lists_findings_with_words_not_only_colour(
    screen: BankLibraryScreen, qtbot: QtBot
) -> None:
    assert screen.tabs.tabText(2) == "Revie&w"
    with qtbot.waitSignal(screen.reviewed) as reviewed:
        screen.tabs.setCurrentWidget(screen.review)  # the review runs off the GUI thread
    assert screen.review.review is not None and screen.review.review is reviewed.args[0]
    assert screen.review.summary.text().startswith("sample.yaml: 0 problems,")
    rows = _rows(screen)
    assert rows and all(r[0] in ("✖ Problem", "▲ Warning", "● Notice") for r in rows)
    assert screen.review.table.accessibleName() == "Review findings"
    assert screen.review.filter.accessibleName() and screen.review.summary.accessibleName()
    # A trainee (nobody signed in) does not see results of attempts.
    assert "a coordinator account sees them" in screen.review.summary.text()


def test_filter_sort_and_keyboard(
    screen: BankLibraryScreen, workspace: Workspace, tmp_path: Path, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(screen.imported):
        screen.import_files([_flawed(tmp_path)])
    review = screen.review
    everything = _rows(screen)
    assert {r[0] for r in everything} == {"▲ Warning", "● Notice"}
    review.filter.setCurrentIndex(review.filter.findData("warning"))
    warnings = _rows(screen)
    assert warnings and {r[0] for r in warnings} == {"▲ Warning"}
    assert len(warnings) < len(everything)
    review.filter.setCurrentIndex(0)
    review.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    questions = [r[2] for r in _rows(screen)]
    assert questions == sorted(questions, reverse=True)
    review.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    lines = [int(r[1]) for r in _rows(screen)]
    assert lines == sorted(lines)  # numerically, not as text
    review.table.setFocus()
    review.table.selectRow(0)
    first = review.selected()
    QTest.keyClick(review.table, Qt.Key.Key_Down)
    second = review.selected()
    assert second is not None and second is not first
    assert review.detail.text().startswith(review.severity_label(second.severity))


def test_an_import_shows_its_review_at_once(
    screen: BankLibraryScreen, workspace: Workspace, tmp_path: Path, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(screen.imported) as imported:
        screen.import_files([_flawed(tmp_path)])
    assert imported.args == [1]
    [message] = screen.messages  # type: ignore[attr-defined]
    assert "Imported “Test bank”" in message
    assert "Review: 0 problems, 2 warnings, 5 notices; see the Review tab." in message
    assert screen.tabs.currentWidget() is screen.review
    assert screen.review.summary.text().startswith("flawed.yaml:")
    rows = _rows(screen)
    duplicate = next(r for r in rows if r[3] == "Near-duplicate question")
    assert duplicate[2] == "b" and "the same as question a (flawed.yaml:" in duplicate[4]
    waived = next(r for r in rows if r[3] == "Right option is the longest" and r[2] == "c")
    assert waived[5] == "the legal wording"
    assert "1 waived" in screen.review.summary.text()
    assert {b.id for b in workspace.catalog.banks} == {"sample", "flawed"}  # still imported


def test_a_bank_that_does_not_load_is_reviewed_as_invalid(
    qtbot: QtBot, workspace: Workspace
) -> None:
    bad = DATA / "banks" / "bad" / "single-choice-two-keys.yaml"
    (workspace.data.banks / "broken.yaml").write_bytes(bad.read_bytes())
    s = BankLibraryScreen(workspace, "en")
    qtbot.addWidget(s)
    with qtbot.waitSignal(s.reviewed):
        s.tabs.setCurrentWidget(s.review)
    with qtbot.waitSignal(s.reviewed):  # a file that does not load is reviewed at once
        s.table.selectRow(1)
    assert s.tabs.currentWidget() is s.review
    assert s.review.summary.text().startswith("broken.yaml does not load")
    [row] = _rows(s)
    assert row[0] == "✖ Problem" and row[1] == "26" and "exactly 1 is required" in row[4]


def test_a_coordinator_sees_the_attempts_are_included(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.sign_in(StaffSession("coordinator", Role.COORDINATOR, timeout=0))
    s = BankLibraryScreen(workspace, "fr")
    qtbot.addWidget(s)
    with qtbot.waitSignal(s.reviewed):
        s.tabs.setCurrentWidget(s.review)
    assert s.review.review is not None and s.review.review.attempts_checked
    assert "coordinator" not in s.review.summary.text()
