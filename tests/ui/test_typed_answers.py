"""Typing an answer: saved after a pause or when leaving the line, never per key;
a number read as the trainee meant it; the feedback marks the trainee's own answer."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.helpers import press_start
from trainer.banks.model import Bank, Numerical, PoolSelector, ShortAnswer
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import NumericalAnswer, Response, ShortAnswerAnswer
from trainer.storage.trainees import Institution
from trainer.ui import dialogs, review
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import quiz as quiz_screen
from trainer.ui.screens.quiz import QuizScreen
from trainer.ui.widgets.question_views import NumericalInput, ShortAnswerInput, make_input
from trainer.workspace import Workspace


def short(bank: Bank) -> ShortAnswer:
    return next(q for q in bank.questions if isinstance(q, ShortAnswer))


def numerical(bank: Bank) -> Numerical:
    return next(q for q in bank.questions if isinstance(q, Numerical))


def test_typing_sends_one_answer_after_a_pause_not_one_per_key(
    sample_bank: Bank, qtbot: QtBot
) -> None:
    widget = make_input(short(sample_bank), {}, "en")
    qtbot.addWidget(widget)
    assert isinstance(widget, ShortAnswerInput)
    sent: list[Response | None] = []
    widget.response_changed.connect(sent.append)
    QTest.keyClicks(widget.line, "exploitation")
    assert sent == []  # nothing yet: the trainee is still typing
    assert widget.pause.isActive()
    with qtbot.waitSignal(widget.response_changed, timeout=5000):
        pass
    assert sent == [ShortAnswerAnswer("exploitation")]
    widget.flush()  # nothing new to send
    assert sent == [ShortAnswerAnswer("exploitation")]


def test_enter_or_leaving_the_line_sends_at_once(sample_bank: Bank, qtbot: QtBot) -> None:
    widget = make_input(short(sample_bank), {}, "en")
    qtbot.addWidget(widget)
    assert isinstance(widget, ShortAnswerInput)
    QTest.keyClicks(widget.line, "labour ")
    with qtbot.waitSignal(widget.response_changed, timeout=100) as blocker:
        QTest.keyClick(widget.line, Qt.Key.Key_Return)
    assert blocker.args == [ShortAnswerAnswer("labour")]
    assert not widget.pause.isActive()
    widget.line.clear()
    QTest.keyClicks(widget.line, "x")
    QTest.keyClick(widget.line, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(widget.response_changed, timeout=100) as blocker:
        widget.flush()
    assert blocker.args == [None]  # an emptied line takes the answer back


def test_a_saved_answer_is_shown_without_a_signal_and_can_be_locked(
    sample_bank: Bank, qtbot: QtBot
) -> None:
    widget = make_input(short(sample_bank), {}, "en")
    qtbot.addWidget(widget)
    assert isinstance(widget, ShortAnswerInput)
    with qtbot.assertNotEmitted(widget.response_changed):
        widget.set_response(ShortAnswerAnswer("forced labour"))
        widget.flush()
    assert widget.line.text() == "forced labour"
    assert "Capital letters do not count" in widget.hint.text()
    assert widget.line.accessibleName() == "Your answer"
    assert widget.line.accessibleDescription() == widget.hint.text()
    widget.set_read_only(True)
    assert widget.line.isReadOnly()
    assert widget.first_focus() is widget.line
    widget.set_response(NumericalAnswer("3"))  # another kind's answer shows nothing
    assert widget.line.text() == ""


@pytest.mark.parametrize(
    ("typed", "answer", "hint"),
    [
        ("", None, "Type a number, then its unit (years, ans)"),
        ("18 years", NumericalAnswer("18 years"), "Read as 18 years."),
        ("1,5 ans", NumericalAnswer("1,5 ans"), "Read as 1.5 ans."),
        ("18", NumericalAnswer("18"), "without it the answer loses 10 % of its credit"),
        ("eighteen", None, "“eighteen” is not a number"),
        ("18 days", None, "Unknown unit: use one of years, ans."),
    ],
)
def test_a_number_is_read_back_to_the_trainee(
    sample_bank: Bank, qtbot: QtBot, typed: str, answer: Response | None, hint: str
) -> None:
    widget = make_input(numerical(sample_bank), {}, "en")
    qtbot.addWidget(widget)
    assert isinstance(widget, NumericalInput)
    QTest.keyClicks(widget.line, typed)
    assert widget.response() == answer
    assert hint in widget.hint.text()
    assert "not saved" in widget.hint.text() or answer is not None or not typed


def test_a_number_without_units_is_asked_for_alone(sample_bank: Bank, qtbot: QtBot) -> None:
    q = dataclasses.replace(numerical(sample_bank), units=(), unit_penalty=0.0)
    widget = make_input(q, {}, "en")
    qtbot.addWidget(widget)
    assert isinstance(widget, NumericalInput)
    assert "Type a number. Use a comma or a point" in widget.hint.text()
    QTest.keyClicks(widget.line, "2,5")
    assert widget.hint.text() == "Read as 2.5."
    widget.line.clear()
    QTest.keyClicks(widget.line, "18 years")
    assert widget.response() is None and "Type the number alone" in widget.hint.text()


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(quiz_screen, "confirm_finish", lambda *a: True)

    def no_error(_parent: object, exc: BaseException) -> None:
        raise AssertionError(f"unexpected error shown: {exc}")

    monkeypatch.setattr(dialogs, "show_error", no_error)
    w = MainWindow(workspace, language="en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def start_typed_practice(window: MainWindow, workspace: Workspace) -> QuizScreen:
    trainee = workspace.trainees.create("Aline Ndayishimiye", Institution.POLICE)
    window.choose_trainee(trainee)
    bank = workspace.catalog.bank("sample")
    ids = frozenset({"q-purpose-word", "q-child-age"})
    module = dataclasses.replace(bank.modules[0], pool=PoolSelector(ids=ids), draw=())
    window.start_quiz(bank, module, Behaviour.PRACTICE, sorted(ids))
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    return quiz


def test_an_answer_still_being_typed_is_saved_before_moving_on(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    quiz = start_typed_practice(window, workspace)
    first = quiz.session.current
    assert isinstance(quiz.input, (ShortAnswerInput, NumericalInput))
    typed = "exploitation" if isinstance(quiz.input, ShortAnswerInput) else "18 years"
    QTest.keyClicks(quiz.input.line, typed)
    assert quiz.session.slots[first].response is None  # not yet: still typing
    QTest.keyClick(quiz, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # no focus change
    assert quiz.session.current != first
    saved = quiz.session.slots[first].response
    assert saved is not None and saved.to_json() == {"text": typed}
    # saved in the database as given: a crash now loses nothing
    stored = workspace.attempts.load_session(quiz.session.attempt_id)
    assert stored.slots[first].response == quiz.session.slots[first].response


def test_a_pause_in_typing_saves_and_check_marks_the_trainees_answer(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    quiz = start_typed_practice(window, workspace)
    index = quiz.session.current
    if not isinstance(quiz.input, ShortAnswerInput):
        quiz.go_to(1 - index)
        index = quiz.session.current
    assert isinstance(quiz.input, ShortAnswerInput)
    QTest.keyClicks(quiz.input.line, "Exploiting")
    qtbot.waitUntil(lambda: quiz.session.slots[index].response is not None, timeout=5000)
    assert quiz.saved_label.text() == "✓ Saved"
    quiz.check_button.click()
    html = quiz.feedback.text()
    assert "Partly correct (50 %)" in html
    assert "your answer: Exploiting" in html
    assert "Nearly the word." in html  # the feedback of the answer it matched
    assert "Right answer:</b> exploitation" in html
    assert quiz.input.line.isReadOnly()


def test_feedback_and_preview_list_the_accepted_answers(sample_bank: Bank) -> None:
    q = short(sample_bank)
    html = review.feedback_html(q, ShortAnswerAnswer("smuggling"), "fr", {}, layout={})
    assert "exploitation" in html and "exploit*" in html
    assert "* (any other answer)" in html
    assert "your answer: smuggling" in html  # it matched the catch-all '*'
    unmatched = review.feedback_html(
        numerical(sample_bank), NumericalAnswer("30 years"), "en", {}, layout={}
    )
    assert "30 years" in unmatched and "matches no accepted answer" in unmatched
    assert "18 ± 1 years" in unmatched
    assert "Units: years, ans. Without a unit, an answer loses 10 %." in unmatched
    hidden = review.feedback_html(
        q, ShortAnswerAnswer("x"), "en", {}, layout={}, show_correct=False
    )
    assert "exploit*" not in hidden  # an exam that shows no answers shows none here either
    preview = review.preview_html(q, "en", {})
    assert "exploitation — 100 % <b>✓ right</b>" in preview
    assert "Nearly the word." in preview and "Capital letters do not count." in preview
    star = review.preview_html(numerical(sample_bank), "en", {})
    assert "18 years — 100 %" in star


def test_item_analysis_shows_what_trainees_typed(qtbot: QtBot, workspace: Workspace) -> None:
    from tests.results.test_typed_results import take
    from trainer.access import Role, StaffSession
    from trainer.ui.screens.item_analysis import ItemAnalysisScreen

    workspace.sign_in(StaffSession("Test coordinator", Role.COORDINATOR, timeout=0))
    take(workspace, "Alice Niyonzima", "exploitation", "18 years")
    take(workspace, "Bruno Hakizimana", "labour", None)
    screen = ItemAnalysisScreen(workspace, "en")
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.analysed):
        pass  # the analysis runs off the GUI thread
    assert screen.result is not None
    row = next(
        r
        for r in range(screen.table.rowCount())
        if (item := screen.table.item(r, 0)) is not None and item.text() == "q-purpose-word"
    )
    screen.table.selectRow(row)
    text = screen.distractors.toPlainText()
    assert "Typed “exploitation”: 1 (50 %) (right answer)" in text
    assert "Typed “labour”: 1 (50 %)" in text


def test_an_answer_being_typed_when_the_clock_runs_out_is_saved(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: said.append(text))
    trainee = workspace.trainees.create("Aline Ndayishimiye", Institution.POLICE)
    window.choose_trainee(trainee)
    bank = workspace.catalog.bank("sample")
    ids = frozenset({"q-purpose-word"})
    module = dataclasses.replace(
        bank.modules[0], pool=PoolSelector(ids=ids), draw=(), time_limit_minutes=10
    )
    window.start_quiz(bank, module, Behaviour.EXAM, sorted(ids))
    press_start(window)
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen) and isinstance(quiz.input, ShortAnswerInput)
    QTest.keyClicks(quiz.input.line, "exploitation")
    assert quiz.session.slots[0].response is None  # still waiting for the pause
    # under two seconds left (a whole second on the clock): the next tick saves what is
    # typed, before the clock stops
    quiz.session.deadline = datetime.now(UTC) + timedelta(seconds=1.9)
    quiz._on_tick()
    assert quiz.session.slots[0].response == ShortAnswerAnswer("exploitation")
    quiz.session.deadline = datetime.now(UTC) - timedelta(seconds=1)
    with qtbot.waitSignal(quiz.finished, timeout=5000):
        pass
    stored = workspace.attempts.load_session(quiz.session.attempt_id)
    assert stored.finished and stored.slots[0].response == ShortAnswerAnswer("exploitation")
    assert said == ["The time for this exam is over. Your answers have been submitted."]
