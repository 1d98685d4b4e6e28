"""A bank file changed since the module list was made is refused when chosen, and the list
says what the file holds: no question of the stale list is shown or graded."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.banks.test_compiled import _changed_in_place
from trainer.errors import ErrorCode, TrainerError
from trainer.storage.trainees import Institution
from trainer.ui import dialogs
from trainer.ui.main_window import MainWindow
from trainer.ui.screens.modules import ModulesScreen
from trainer.ui.screens.quiz import QuizScreen
from trainer.workspace import Workspace


def test_choosing_a_module_of_a_changed_file_shows_why_and_refreshes_the_list(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _changed_in_place(workspace)
    errors: list[TrainerError] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, exc: errors.append(exc))
    window = MainWindow(workspace, language="en")
    qtbot.addWidget(window)
    window.choose_trainee(workspace.trainees.create("Eric", Institution.POLICE))
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    row = next(i for i, (s, _m) in enumerate(modules.entries) if s.id == "bad-example")
    assert modules.entries[row][1].pass_mark == 70  # as listed, before the change
    modules.cards.setCurrentRow(row)
    modules.practice_button.click()
    assert [e.code for e in errors] == [ErrorCode.BANK_CHANGED]
    assert window.current_screen() is modules and window.session is None
    [(summary, module)] = [e for e in modules.entries if e[0].id == "bad-example"]
    assert summary.version == "9.0" and module.pass_mark == 10  # what the file holds
    row = modules.entries.index((summary, module))
    modules.cards.setCurrentRow(row)
    modules.practice_button.click()  # chosen again: taken from the file, hash checked
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    assert quiz.session.module.pass_mark == 10
    assert quiz.session.bank_hash == summary.content_hash
