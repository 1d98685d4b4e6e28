"""The trainer's bank library screen: problems with their lines, import, preview, disable."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import DATA
from trainer.ui import dialogs
from trainer.ui.screens import bank_library
from trainer.ui.screens.bank_library import BankLibraryScreen, excerpt
from trainer.workspace import Workspace

BAD = DATA / "banks" / "bad"


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


def test_lists_banks_and_previews_with_the_key(screen: BankLibraryScreen) -> None:
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 0).text() == "In use\n(shipped)"  # type: ignore[union-attr]
    assert screen.questions.count() == 8
    first = screen.questions.item(0)
    assert first is not None and first.text().startswith("q-child")
    english = screen.preview.toPlainText()
    assert "Under 18 ✓ right" in english and "Art. 3(d)" in english
    screen.preview_language.setCurrentIndex(screen.preview_language.findData("fr"))
    assert "Moins de 18 ans ✓" in screen.preview.toPlainText()


def test_a_bad_bank_is_refused_and_its_problems_shown_with_lines(
    qtbot: QtBot, screen: BankLibraryScreen, workspace: Workspace
) -> None:
    with qtbot.waitSignal(screen.imported) as imported:
        screen.import_files([BAD / "single-choice-two-keys.yaml"])
    assert imported.args == [0]
    assert screen.problems.count() == 1
    assert "Line 26, column 10" in screen.problems.item(0).text()
    lines = screen.problem_lines.toPlainText().splitlines()
    assert [line.split() for line in lines if "▶" in line] == [["26", "▶", "key:", "[a,", "b]"]]
    assert not any(workspace.data.banks.glob("*.yaml"))
    assert screen.tabs.currentIndex() == 1


def test_import_then_disable(
    qtbot: QtBot,
    screen: BankLibraryScreen,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        bank_library, "choose_bank_files", lambda _p: [DATA / "banks" / "bom-ok.yaml"]
    )
    with qtbot.waitSignal(screen.imported) as imported:
        screen.import_button.click()
    assert imported.args == [1]
    assert screen.table.rowCount() == 2
    assert {b.id for b in workspace.catalog.banks} == {"sample", "bad-example"}
    screen.table.selectRow(1)
    assert screen.toggle_button.text() == "&Disable"
    screen.toggle_button.click()
    assert {b.id for b in workspace.catalog.banks} == {"sample"}
    screen.table.selectRow(1)
    assert screen.toggle_button.text() == "&Enable"


def test_a_failed_file_in_the_folder_shows_its_problems(qtbot: QtBot, workspace: Workspace) -> None:
    (workspace.data.banks / "broken.yaml").write_bytes((BAD / "empty-text.yaml").read_bytes())
    s = BankLibraryScreen(workspace, "en")
    qtbot.addWidget(s)
    s.table.selectRow(1)
    assert s.table.item(1, 0).text() == "Failed: 1 problem"  # type: ignore[union-attr]
    assert "'text' in 'fr' is empty" in s.problems.item(0).text()


def test_excerpt_marks_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("\n".join(f"line {n}" for n in range(1, 11)), encoding="utf-8")
    text, row = excerpt(path, 5, around=2)
    assert text.splitlines()[row] == "5 ▶ line 5"
    assert excerpt(tmp_path / "missing.yaml", 1) == ("", 0)


def test_the_preview_leaves_room_for_several_banks_and_whole_question_ids(
    qtbot: QtBot, workspace: Workspace, banks_dir: Path
) -> None:
    sample = (banks_dir / "sample.yaml").read_text(encoding="utf-8")
    for n in (2, 3, 4):
        (banks_dir / f"sample{n}.yaml").write_text(
            sample.replace("\nid: sample\n", f"\nid: sample{n}\n").replace(
                "id: sample-module", f"id: sample-module{n}"
            ),
            encoding="utf-8",
        )
    workspace.reload_catalog()
    screen = BankLibraryScreen(workspace, "en")
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.table.rowCount() == 4 and screen.tabs.currentIndex() == 0
    shown = screen.table.viewport().rect()
    for row in range(3):
        top = screen.table.rowViewportPosition(row)
        assert shown.contains(0, top + screen.table.rowHeight(row) - 1), row
    item = screen.questions.item(0)
    assert item is not None
    question_id = item.text().split(" — ")[0]
    rect = screen.questions.visualItemRect(item)
    assert rect.width() >= screen.questions.fontMetrics().horizontalAdvance(question_id)


def test_a_junk_file_shows_the_first_problems_and_how_many_more(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from trainer.banks.loader import MAX_PROBLEMS

    junk = "".join(f"k{i}: 1\n" for i in range(MAX_PROBLEMS * 2))
    (workspace.data.banks / "junk.yaml").write_text(junk, encoding="utf-8")
    s = BankLibraryScreen(workspace, "en")
    qtbot.addWidget(s)
    s.table.selectRow(1)
    entry = s.entries[1]
    total = MAX_PROBLEMS + entry.more_problems
    assert entry.more_problems > 0
    assert s.table.item(1, 0).text() == f"Failed: {total} problems"  # type: ignore[union-attr]
    assert s.problems.count() == MAX_PROBLEMS + 1
    last = s.problems.item(MAX_PROBLEMS).text()
    assert last.startswith(f"... and {entry.more_problems} more problems")
    assert f"junk.yaml: {total} problems; " in s.problems_title.text()
    assert f"the first {MAX_PROBLEMS} are listed" in s.problems_title.text()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_bank_titles_and_ids_show_whole_at_double_text_size_on_a_laptop(
    qtbot: QtBot, workspace: Workspace, language: str
) -> None:
    from PySide6.QtCore import QRect, Qt

    from trainer.ui.main_window import MainWindow

    window = MainWindow(workspace, language=language)
    qtbot.addWidget(window)
    window.set_zoom(200)
    try:
        screen = BankLibraryScreen(workspace, language)
        qtbot.addWidget(screen)
        screen.resize(1280, 760)
        screen.show()
        qtbot.waitExposed(screen)
        table = screen.table
        assert table.horizontalScrollBar().maximum() == 0  # nothing hidden sideways
        item = table.item(0, 1)
        assert item is not None and item.text().endswith("\nsample")
        width = table.columnWidth(1)
        needed = table.fontMetrics().boundingRect(
            QRect(0, 0, width - 8, 10_000), int(Qt.TextFlag.TextWordWrap), item.text()
        )
        assert needed.height() <= table.rowHeight(0)  # the title and the id, whole
        assert table.viewport().height() >= table.rowHeight(0)  # the row shows whole
    finally:
        window.set_zoom(100)
