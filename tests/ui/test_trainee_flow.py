"""The trainee's whole path, driven through the widgets, and the same exam by keyboard alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.quiz.session import QuizSession
from trainer.storage.trainees import Institution
from trainer.ui import dialogs
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import quiz as quiz_screen
from trainer.ui.screens.history import HistoryScreen
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.modules import ModulesScreen
from trainer.ui.screens.quiz import QuizScreen
from trainer.ui.screens.result import ResultScreen
from trainer.workspace import Workspace

from .helpers import answer_with_keys, answer_with_widgets, key, press_start, start_exam, tab_to


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(quiz_screen, "confirm_finish", lambda *a: True)
    w = MainWindow(workspace, language="en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def test_create_trainee_take_exam_and_see_it_in_history(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    home = window.current_screen()
    assert isinstance(home, HomeScreen)
    home.name.setText("Claudine Irakoze")
    home.institution.setCurrentIndex(home.institution.findData(Institution.PROSECUTION.value))
    home.service_number.setText("OMP-77")
    home.create_button.click()

    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    assert modules.cards.count() == 1
    modules.exam_button.click()
    press_start(window)

    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    session = quiz.session
    assert session.behaviour is Behaviour.EXAM and len(session.slots) == 4
    assert quiz.timer_label.text().startswith("Time left: 0:19:") or quiz.timer_label.text() == (
        "Time left: 0:20:00"
    )
    # answer everything right but the last question, moving on with Next
    for index, slot in enumerate(session.slots):
        assert quiz.input is not None
        if index < len(session.slots) - 1:
            answer_with_widgets(quiz.input, correct_response(slot.question))
            assert quiz.saved_label.text() == "✓ Saved"
            quiz.next_button.click()
    quiz.flag_button.click()
    assert session.flagged() == [3]
    assert "Not answered: 4" in quiz.summary_text()
    with qtbot.waitSignal(quiz.finished):
        quiz.finish_button.click()

    result = window.current_screen()
    assert isinstance(result, ResultScreen)
    assert session.result is not None
    expected = sum(s.question.max_mark for s in session.slots[:-1])
    assert session.result.score == expected
    assert "Right answer:" in result.details.toPlainText()

    # the attempt and every answer are in the database
    db = workspace.db
    attempt = db.query_one("SELECT * FROM attempts")
    assert attempt is not None and attempt["state"] == "finished"
    assert attempt["score"] == expected
    answered = db.query("SELECT * FROM attempt_questions WHERE response IS NOT NULL")
    assert len(answered) == 3
    trainee = db.query_one("SELECT * FROM trainees")
    assert trainee is not None and trainee["service_number"] == "OMP-77"

    result.back_button.click()
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    assert modules.cards.card(0).facts.attempts == 1
    modules.history_button.click()
    history = window.current_screen()
    assert isinstance(history, HistoryScreen)
    assert history.table.rowCount() == 1
    mode = history.table.item(0, 2)
    assert mode is not None and mode.text() == "Exam"
    with qtbot.waitSignal(history.review_requested):
        history.open_button.click()
    assert isinstance(window.current_screen(), ResultScreen)


def test_practice_gives_feedback_and_retries_wrong_questions(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    trainee = workspace.trainees.create("Eric", Institution.POLICE)
    window.choose_trainee(trainee)
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    modules.practice_button.click()
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    assert quiz.check_button.isVisible() and not quiz.check_button.isEnabled()
    slot = quiz.session.slots[0]
    assert quiz.input is not None
    answer_with_widgets(quiz.input, correct_response(slot.question))
    quiz.check_button.click()
    assert quiz.feedback_frame.isVisible()
    assert "Correct" in quiz.feedback.text()
    assert "Source" in quiz.feedback.text()
    quiz.retry_button.click()
    assert quiz.session.slots[0].response is None
    with qtbot.waitSignal(quiz.finished):
        quiz.finish_button.click()
    result = window.current_screen()
    assert isinstance(result, ResultScreen)
    assert result.retry_button.isVisible()
    result.retry_button.click()
    again = window.current_screen()
    assert isinstance(again, QuizScreen)
    assert len(again.session.slots) == len(quiz.session.slots)


def test_an_unfinished_attempt_is_offered_again(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    trainee = workspace.trainees.create("Grace", Institution.JUDICIARY)
    window.choose_trainee(trainee)
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    modules.exam_button.click()
    press_start(window)
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    assert quiz.input is not None
    answer_with_widgets(quiz.input, correct_response(quiz.session.slots[0].question))
    quiz.flag_button.click()
    first_id = quiz.session.attempt_id
    quiz.leave_button.click()

    monkeypatch.setattr(quiz_screen, "ask_resume", lambda *a: quiz_screen.ResumeChoice.RESUME)
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    modules.exam_button.click()
    press_start(window)
    resumed = window.current_screen()
    assert isinstance(resumed, QuizScreen)
    assert resumed.session.attempt_id == first_id
    assert resumed.session.slots[0].answered and resumed.session.slots[0].flagged

    resumed.leave_button.click()
    monkeypatch.setattr(quiz_screen, "ask_resume", lambda *a: quiz_screen.ResumeChoice.SUBMIT)
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    modules.exam_button.click()
    press_start(window)
    fresh = window.current_screen()
    assert isinstance(fresh, QuizScreen)
    assert fresh.session.attempt_id != first_id
    # declining submitted the old one: one attempt in progress at most
    assert [a.id for a in workspace.attempts.unfinished(trainee.id)] == [fresh.session.attempt_id]


def test_an_exam_by_keyboard_alone(qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    trainee = workspace.trainees.create("Diane", Institution.POLICE)
    window.choose_trainee(trainee)
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    tab_to(modules.exam_button)
    key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Space)  # Start, which has the focus on the instructions
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    for index, slot in enumerate(quiz.session.slots):
        assert quiz.input is not None
        answer_with_keys(quiz.input, correct_response(slot.question))
        assert quiz.session.slots[index].answered, slot.question.kind
        if index < len(quiz.session.slots) - 1:
            key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # next question
            assert quiz.session.current == index + 1
    tab_to(quiz.finish_button)
    with qtbot.waitSignal(quiz.finished):
        key(Qt.Key.Key_Space)
    assert quiz.session.result is not None
    assert quiz.session.result.percent == 100.0
    assert quiz.session.result.passed


def test_timer_warns_at_five_minutes_then_submits_when_time_is_up(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _parent, title, _text: shown.append(title))
    trainee = workspace.trainees.create("Jean", Institution.POLICE)
    window.trainee = trainee
    bank = workspace.catalog.bank("sample")
    # started 16 minutes ago on a 20-minute exam: 4 minutes left
    session = QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.EXAM,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
        now=datetime.now(UTC) - timedelta(minutes=16),
    )
    window.show_quiz(session)
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    assert quiz.timer_label.property("warning") is True
    assert quiz.banner.isVisible() and "Five minutes left" in quiz.banner.text()
    assert quiz.timer_label.text().startswith("Time left: 0:03:") or quiz.timer_label.text() == (
        "Time left: 0:04:00"
    )
    # the stored end time passes (as after a long power cut): the next tick submits
    session.deadline = datetime.now(UTC) - timedelta(seconds=1)
    with qtbot.waitSignal(quiz.finished, timeout=5000):
        pass
    assert session.finished and shown == ["Time is up"]
    assert workspace.attempts.get(session.attempt_id).finished
    assert isinstance(window.current_screen(), ResultScreen)


def test_picking_a_profile_offers_the_unfinished_attempt(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    trainee = workspace.trainees.create("Aline", Institution.POLICE)
    bank = workspace.catalog.bank("sample")
    session = QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.PRACTICE,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
    )
    session.flag(2, True)
    monkeypatch.setattr(quiz_screen, "ask_resume", lambda *a: quiz_screen.ResumeChoice.RESUME)
    window.show_home()
    home = window.current_screen()
    assert isinstance(home, HomeScreen)
    home.search.setText("Aline")
    home.continue_button.click()
    resumed = window.current_screen()
    assert isinstance(resumed, QuizScreen)
    assert resumed.session.attempt_id == session.attempt_id
    assert resumed.session.flagged() == [2]


def test_a_passed_exam_is_certified_and_the_trainee_saves_the_pdf(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from pypdf import PdfReader

    from trainer.ui.screens import result as result_screen

    monkeypatch.setattr(dialogs, "show_info", lambda *a: None)
    target = tmp_path / "my certificate.pdf"
    monkeypatch.setattr(result_screen, "choose_certificate_path", lambda *_a: target)
    trainee = workspace.trainees.create("Claudine Ndayisenga", Institution.PROSECUTION)
    window.choose_trainee(trainee)
    bank = workspace.catalog.bank("sample")
    start_exam(window, bank, bank.modules[0])
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    for slot in quiz.session.slots:
        quiz.session.answer(slot.index, correct_response(slot.question))
    with qtbot.waitSignal(quiz.finished):
        quiz.finish_button.click()
    result = window.current_screen()
    assert isinstance(result, ResultScreen)
    assert result.certificate_button.isVisible()
    assert window.certificate is not None
    row = workspace.db.query_one("SELECT * FROM certificates")
    assert row is not None and row["attempt_id"] == quiz.session.attempt_id
    result.certificate_button.click()
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "Claudine Ndayisenga" in text and window.certificate.number in text


def test_a_failed_exam_has_no_certificate(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    trainee = workspace.trainees.create("Eric", Institution.POLICE)
    window.choose_trainee(trainee)
    bank = workspace.catalog.bank("sample")
    start_exam(window, bank, bank.modules[0])
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    with qtbot.waitSignal(quiz.finished):
        quiz.finish_button.click()
    result = window.current_screen()
    assert isinstance(result, ResultScreen)
    assert not result.certificate_button.isVisible()
    assert workspace.db.query_one("SELECT count(*) FROM certificates")[0] == 0  # type: ignore[index]
