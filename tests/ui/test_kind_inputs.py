"""Every question kind has its input widget and its trainer preview, found by kind."""

from __future__ import annotations

import random

import pytest
from pytestqt.qtbot import QtBot

from trainer.banks.model import Bank, Kind, Question
from trainer.quiz.kinds import make_layout
from trainer.quiz.questions import TrueFalseAnswer, correct_response
from trainer.ui import labels, review
from trainer.ui.widgets import question_views
from trainer.ui.widgets.question_views import INPUTS, QuestionInput, make_input

from .helpers import answer_with_widgets


def _one_of(bank: Bank, kind: Kind) -> Question:
    return next(q for q in bank.iter_all_questions() if q.kind is kind)


def test_every_kind_has_an_input_a_preview_and_a_label() -> None:
    assert set(INPUTS) == set(Kind)
    assert set(review.PREVIEWS) == set(Kind)
    assert all(issubclass(cls, QuestionInput) for cls in INPUTS.values())
    assert all(labels.kind(k) != k.value for k in Kind)


@pytest.mark.parametrize("kind", list(Kind), ids=str)
def test_the_input_of_each_kind_gives_and_shows_its_typed_answer(
    kind: Kind, sample_bank: Bank, qtbot: QtBot
) -> None:
    question = _one_of(sample_bank, kind)
    widget = make_input(question, make_layout(question, random.Random(3), True), "en")
    qtbot.addWidget(widget)
    assert type(widget) is INPUTS[kind]
    assert widget.response() is None
    right = correct_response(question)
    with qtbot.waitSignal(widget.response_changed):
        answer_with_widgets(widget, right)
    assert widget.response() == right
    # shown again from what was saved, without a signal; an answer of another kind shows nothing
    other = make_input(question, make_layout(question, random.Random(3), True), "en")
    qtbot.addWidget(other)
    with qtbot.assertNotEmitted(other.response_changed):
        other.set_response(right)
    assert other.response() == right
    if kind is not Kind.TRUE_FALSE:
        other.set_response(TrueFalseAnswer(True))
        assert other.response() is None


@pytest.mark.parametrize("kind", list(Kind), ids=str)
def test_the_preview_of_each_kind_shows_the_right_answer(kind: Kind, sample_bank: Bank) -> None:
    question = _one_of(sample_bank, kind)
    html = review.preview_html(question, "en", {})
    assert question.id in html
    if question.subquestions():
        assert html.count("<h4>") >= len(question.subquestions())


def test_a_new_input_is_registered_by_its_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(question_views, "INPUTS", dict(INPUTS))

    @question_views.input_for(Kind.TRUE_FALSE)
    class Other(question_views.TrueFalseInput):
        pass

    assert question_views.INPUTS[Kind.TRUE_FALSE] is Other
