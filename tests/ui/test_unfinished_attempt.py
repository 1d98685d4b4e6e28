"""The "unfinished attempt" prompt: Enter and Esc never submit someone's exam."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.quiz.session import QuizSession
from trainer.storage.trainees import Institution, Trainee
from trainer.ui.screens import quiz as quiz_screen
from trainer.workspace import Workspace


def _open_exam(workspace: Workspace, name: str = "Aline") -> tuple[Trainee, QuizSession]:
    trainee = workspace.trainees.create(name, Institution.POLICE)
    bank = workspace.catalog.bank("sample")
    session = QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.EXAM,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
    )
    session.answer(0, correct_response(session.slots[0].question))
    return trainee, session


def _then(*steps: Callable[[QMessageBox], None]) -> None:
    """Answer the modal boxes that open next, one step per box, as a person would."""
    remaining = list(steps)
    tries = [0]

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            assert tries[0] < 500, "the expected message box never opened"
            QTimer.singleShot(10, act)
            return
        step = remaining.pop(0)
        step(box)
        if remaining:
            QTimer.singleShot(10, act)

    QTimer.singleShot(0, act)


def _key(key: Qt.Key) -> Callable[[QMessageBox], None]:
    return lambda box: QTest.keyClick(box, key)


def _press(text: str) -> Callable[[QMessageBox], None]:
    def press(box: QMessageBox) -> None:
        [button] = [b for b in box.buttons() if text in b.text().replace("&", "")]
        button.click()

    return press


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_enter_or_escape_never_submits_the_exam(
    qtbot: QtBot, workspace: Workspace, key: Qt.Key
) -> None:
    trainee, session = _open_exam(workspace)
    parent = QWidget()
    qtbot.addWidget(parent)
    _then(_key(key))
    offered = quiz_screen.offer_unfinished(parent, workspace, trainee, "en")
    assert [a.id for a in workspace.attempts.unfinished(trainee.id)] == [session.attempt_id]
    if key == Qt.Key.Key_Return:  # the default: resume
        assert offered.session is not None
        assert offered.session.attempt_id == session.attempt_id
    else:  # Esc: continue later, the attempt untouched
        assert offered.session is None and offered.kept_open


def test_submitting_needs_a_second_explicit_action(qtbot: QtBot, workspace: Workspace) -> None:
    trainee, session = _open_exam(workspace)
    parent = QWidget()
    qtbot.addWidget(parent)
    # "Submit now…", then Enter on the confirmation: its default is not to submit
    _then(_press("Submit now"), _key(Qt.Key.Key_Return))
    offered = quiz_screen.offer_unfinished(parent, workspace, trainee, "en")
    assert offered.session is None and offered.kept_open
    assert not workspace.attempts.load_session(session.attempt_id).finished
    # and now confirmed with its own button
    _then(_press("Submit now"), _press("Submit the exam"))
    offered = quiz_screen.offer_unfinished(parent, workspace, trainee, "en")
    assert offered.session is None and not offered.kept_open
    assert workspace.attempts.load_session(session.attempt_id).finished


def test_the_prompt_says_whose_exam_it_is_and_the_time_left(
    qtbot: QtBot, workspace: Workspace
) -> None:
    _trainee, session = _open_exam(workspace, "Aline Niyonzima")
    box = quiz_screen.unfinished_attempt_box(None, session, "Aline Niyonzima", "en")
    qtbot.addWidget(box)
    text = box.text()
    assert "exam" in text.lower() and "Aline Niyonzima" in text
    assert "Time left" in text and ("0:19:" in text or "0:20:00" in text)
    assert "Questions answered: 1 of" in text
    assert box.windowTitle() == "Unfinished exam"
    assert box.defaultButton() is box.button_resume
    assert box.escapeButton() is box.button_later
    assert box.accessibleName()


def test_continue_later_when_starting_another_module_starts_nothing(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    trainee, session = _open_exam(workspace)
    monkeypatch.setattr(quiz_screen, "ask_resume", lambda *_a: quiz_screen.ResumeChoice.LATER)
    bank = workspace.catalog.bank("sample")
    started = quiz_screen.start_session(
        None,  # type: ignore[arg-type]
        workspace,
        trainee,
        bank,
        bank.modules[0],
        Behaviour.PRACTICE,
        "en",
    )
    assert started is None
    assert [a.id for a in workspace.attempts.unfinished(trainee.id)] == [session.attempt_id]
