"""The GIFT / Moodle XML screen: import with its report, save the draft, export with its report."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.helpers import finish
from trainer.banks.formats.messages import TOKENS, all_templates
from trainer.storage import audit
from trainer.ui import dialogs, staff
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import formats
from trainer.ui.screens.formats import REPORT_TEXTS, FormatsScreen
from trainer.workspace import Workspace

GIFT = "::Q1::Is it true? {T}\n\n::Essay::Describe. {}\n"


@pytest.fixture
def screen(qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> FormatsScreen:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, e: errors.append(str(e)))
    s = FormatsScreen(workspace, "en")
    s.errors = errors  # type: ignore[attr-defined]
    qtbot.addWidget(s)
    return s


def cells(screen: FormatsScreen, row: int) -> list[str]:
    out = []
    for col in range(screen.report_table.columnCount()):
        item = screen.report_table.item(row, col)
        out.append(item.text() if item is not None else "")
    return out


def test_staff_menu_offers_the_screen(qtbot: QtBot, signed_in_coordinator: Workspace) -> None:
    workspace = signed_in_coordinator
    entry = next(e for e in staff.entries() if e.key == "formats")
    assert entry.role == "trainer" and entry.title() == "Import/export GIFT and Moodle XML"
    window = MainWindow(workspace, language="en")
    qtbot.addWidget(window)
    window.open_staff(entry)
    assert isinstance(window.current_screen(), FormatsScreen)


def test_import_shows_the_report_and_saves_the_draft(
    qtbot: QtBot, screen: FormatsScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "moodle.gift"
    source.write_text(GIFT, encoding="utf-8")
    monkeypatch.setattr(formats, "choose_import_file", lambda _p: source)
    assert not screen.save_button.isEnabled()
    with qtbot.waitSignal(screen.imported):
        screen.choose_button.click()
    assert screen.draft is not None and screen.save_button.isEnabled()
    rows = [cells(screen, r) for r in range(screen.report_table.rowCount())]
    assert ["To complete", "moodle.gift:1", "Q1", "to complete: topic, explanation, source"] in rows
    assert [
        "Left out",
        "moodle.gift:3",
        "Essay",
        "essay questions have no equivalent here and were left out",
    ] in rows
    assert "1 question converted, 1 left out" in screen.summary.text()
    target = tmp_path / "draft.yaml"
    monkeypatch.setattr(formats, "choose_save_file", lambda *_a: target)
    screen.save_button.click()
    assert "TO-COMPLETE" in target.read_text(encoding="utf-8")
    assert "Draft saved to" in screen.summary.text()


def test_import_in_french_keeps_the_chosen_language(
    qtbot: QtBot, screen: FormatsScreen, tmp_path: Path
) -> None:
    source = tmp_path / "fr.gift"
    source.write_text("::Q::La traite suppose-t-elle une frontière ? {F}", encoding="utf-8")
    screen.import_language.setCurrentIndex(screen.import_language.findData("fr"))
    draft = finish(qtbot, screen.import_path(source))
    assert draft is not None and draft.bank.languages == ("fr",)


def test_a_refused_file_shows_one_clear_message(
    qtbot: QtBot, screen: FormatsScreen, tmp_path: Path
) -> None:
    source = tmp_path / "bad.xml"
    source.write_text("<quiz><question></quiz>", encoding="utf-8")
    with qtbot.waitSignal(screen.imported) as imported:
        screen.import_path(source)
    assert imported.args == [None] and screen.draft is None
    assert screen.errors and "not well-formed XML" in screen.errors[0]  # type: ignore[attr-defined]
    assert not screen.save_button.isEnabled()


def test_export_writes_the_file_and_lists_what_changed(
    qtbot: QtBot, screen: FormatsScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert screen.bank_combo.count() == 1
    screen.format_combo.setCurrentIndex(screen.format_combo.findData("gift"))
    screen.export_language.setCurrentIndex(screen.export_language.findData("fr"))
    target = tmp_path / "sample-fr.gift"
    monkeypatch.setattr(formats, "choose_save_file", lambda *_a: target)
    with qtbot.waitSignal(screen.exported):
        screen.export_button.click()
    assert "Jusqu'à quel âge" in target.read_text(encoding="utf-8")
    rows = [cells(screen, r) for r in range(screen.report_table.rowCount())]
    assert "{>4 ALL" in target.read_text(encoding="utf-8")  # ordering, as Moodle 4.3+ reads it
    assert "Left out" not in [row[0] for row in rows]
    assert ["Note", "sample.yaml:85", "q-case"] in [row[:3] for row in rows]
    [logged] = audit.entries(screen.workspace.db, action="bank.export")
    assert logged.detail == "sample 1.0 as gift (fr)"


def test_export_in_a_language_the_bank_lacks_is_explained(
    qtbot: QtBot, screen: FormatsScreen, tmp_path: Path
) -> None:
    screen.export_language.setCurrentIndex(screen.export_language.findData("rn"))
    operation = screen.export_to(tmp_path / "x.xml")
    assert operation is not None and finish(qtbot, operation) is None
    assert not (tmp_path / "x.xml").exists()
    assert "no 'rn' text" in screen.errors[0]  # type: ignore[attr-defined]


def test_every_report_text_is_offered_for_translation() -> None:
    assert set(all_templates()) | set(TOKENS) <= set(REPORT_TEXTS)


def test_nearest_grade_check_box_imports_grades_moodle_refuses(
    qtbot: QtBot, screen: FormatsScreen, tmp_path: Path
) -> None:
    source = tmp_path / "thirds.gift"
    source.write_text("::T::Which? {~%33%a ~%67%b ~%-100%c}\n", encoding="utf-8")
    assert screen.nearest_grade.accessibleName() and not screen.nearest_grade.isChecked()
    finish(qtbot, screen.import_path(source))
    assert screen.draft is None and "nearest grade" in screen.errors[0]  # type: ignore[attr-defined]
    screen.nearest_grade.setChecked(True)
    with qtbot.waitSignal(screen.imported):
        screen.import_path(source)
    assert screen.draft is not None and screen.save_button.isEnabled()
    rows = [cells(screen, r) for r in range(screen.report_table.rowCount())]
    assert any("the nearest, 33.33333%, was used" in row[3] for row in rows)


def test_a_file_without_questions_cannot_be_saved_as_a_draft(
    qtbot: QtBot, screen: FormatsScreen, tmp_path: Path
) -> None:
    source = tmp_path / "empty.gift"
    source.write_text("\n", encoding="utf-8")
    with qtbot.waitSignal(screen.imported):
        screen.import_path(source)
    assert not screen.save_button.isEnabled()
    assert cells(screen, 0)[3] == "the file holds no question"
