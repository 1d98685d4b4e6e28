"""Numerical: a typed number (French or English decimals, units) graded as Moodle does."""

from __future__ import annotations

import dataclasses

import pytest

from trainer.banks.model import Bank, Kind, LocalizedText, Numerical, NumericAnswer, Topic, Unit
from trainer.quiz import kinds
from trainer.quiz.kinds.numerical import HANDLER, NumberProblem, number_text, read
from trainer.quiz.questions import (
    NumericalAnswer,
    clean,
    correct_response,
    describe,
    grade,
    is_complete,
    option_feedback,
    response_from_json,
)


def question(
    *answers: NumericAnswer, units: tuple[Unit, ...] = (), penalty: float = 0.0
) -> Numerical:
    return Numerical(
        id="q",
        kind=Kind.NUMERICAL,
        topic=Topic.LEGAL_STANDARDS,
        text=LocalizedText.of(en="How many?"),
        answers=answers or (NumericAnswer(1.5),),
        units=units,
        unit_penalty=penalty,
    )


def score(q: Numerical, typed: str) -> float:
    return grade(q, NumericalAnswer(typed)).fraction


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1,5", 1.5),
        ("1.5", 1.5),
        ("  1.5 ", 1.5),
        (",5", 0.5),
        ("-2", -2.0),
        ("\u22122,5", -2.5),  # a typographic minus
        ("+3", 3.0),
        ("1 500", 1500.0),
        ("1\u00a0500,25", 1500.25),  # a non-breaking space between thousands
        ("1\u202f500\u202f000", 1500000.0),  # a narrow one, as French typesetting has it
        ("2\u2009000", 2000.0),  # a thin space
        ("1e3", 1000.0),
        ("2,5E-1", 0.25),
        ("007", 7.0),
    ],
)
def test_numbers_read_as_typed(typed: str, value: float) -> None:
    reading = read(question(), typed)
    assert reading.problem is None and reading.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("abc", NumberProblem.NOT_A_NUMBER),
        ("", NumberProblem.NOT_A_NUMBER),
        (",", NumberProblem.NOT_A_NUMBER),
        ("1,5,3", NumberProblem.NOT_A_NUMBER),
        ("1 2", NumberProblem.NOT_A_NUMBER),  # not groups of three
        ("1e999", NumberProblem.NOT_A_NUMBER),  # not finite
        ("5 years", NumberProblem.NO_UNITS),  # the question has no units
        ("about 5", NumberProblem.NO_UNITS),
    ],
)
def test_nonsense_is_not_an_answer(typed: str, problem: NumberProblem) -> None:
    q = question()
    assert read(q, typed).problem is problem
    assert read(q, typed).value is None
    assert clean(q, NumericalAnswer(typed)) is None
    assert not is_complete(q, NumericalAnswer(typed))
    assert score(q, typed) == 0.0


def test_tolerance_is_absolute_and_the_first_holding_answer_counts() -> None:
    q = question(
        NumericAnswer(1822, 0, 1.0, LocalizedText.of(en="Exact.")),
        NumericAnswer(1822, 2, 0.5, LocalizedText.of(en="Close.")),
        NumericAnswer(None, 0, 0.0, LocalizedText.of(en="Far.")),
    )
    assert score(q, "1822") == 1.0
    assert score(q, "1820") == 0.5  # on the edge of 1822 ± 2
    assert score(q, "1824,0") == 0.5
    assert score(q, "1824.01") == 0.0
    assert option_feedback(q, NumericalAnswer("1823"), "en") == ["Close."]
    assert option_feedback(q, NumericalAnswer("5"), "en") == ["Far."]
    assert option_feedback(q, NumericalAnswer("x"), "en") == []
    assert grade(q, None).fraction == 0.0


def test_a_binary_fraction_on_the_edge_still_counts() -> None:
    q = question(NumericAnswer(0.3, 0.1))
    assert score(q, "0,2") == 1.0  # 0.3 - 0.1 is 0.19999999999999998 in binary
    assert score(q, "0.4") == 1.0
    assert score(q, "0.41") == 0.0  # no answer holds it


def test_units_convert_and_a_missing_unit_costs_the_penalty() -> None:
    q = question(
        NumericAnswer(10, 0),
        units=(Unit("years"), Unit("months", 12), Unit("Ans")),
        penalty=0.25,
    )
    assert score(q, "10 years") == 1.0
    assert score(q, "120 months") == 1.0
    assert score(q, "10 ans") == 1.0  # one unit differs only by case
    assert score(q, "years 10") == 1.0  # a unit before the number
    assert score(q, "10") == 0.75
    assert read(q, "10 days").problem is NumberProblem.UNKNOWN_UNIT
    assert score(q, "10 days") == 0.0
    assert read(q, "10 months").unit == Unit("months", 12)
    assert correct_response(q) == NumericalAnswer("10 years")
    optional = dataclasses.replace(q, unit_penalty=0.0)
    assert score(optional, "10") == 1.0


def test_units_that_differ_by_case_are_told_apart() -> None:
    q = question(NumericAnswer(1), units=(Unit("m"), Unit("M", 0.000001)))
    assert read(q, "1 m").unit == Unit("m")
    assert read(q, "1 M").unit == Unit("M", 0.000001)


def test_the_right_answer_and_words() -> None:
    q = question(NumericAnswer(None, 0, 1.0), NumericAnswer(2.5, 0.1))
    assert correct_response(q) == NumericalAnswer("2.5")
    assert grade(q, correct_response(q)).fraction == 1.0
    assert describe(q, NumericalAnswer("2,5"), "fr") == "2,5"
    assert number_text(15.0) == "15" and number_text(0.1) == "0.1"
    assert number_text(1e20) == "1e+20"
    assert clean(q, NumericalAnswer(" 2,5 ")) == NumericalAnswer("2,5")


def test_stored_answers_read_back_and_damaged_ones_read_as_none() -> None:
    q = question()
    assert response_from_json(q, {"text": "1,5"}) == NumericalAnswer("1,5")
    for damaged in ({"text": None}, {"value": 1.5}, {"text": "  "}, [1.5]):
        assert response_from_json(q, damaged) is None


def test_item_analysis_counts_typed_numbers() -> None:
    q = question(NumericAnswer(18), NumericAnswer(18, 1, 0.5))
    assert kinds.distractors(q, "en") == []
    assert kinds.chosen_keys("numerical", {"text": "17,5"}) == ["17,5"]
    assert kinds.chosen_keys("numerical", {}) is None
    assert kinds.typed_credit(q, "18") == 1.0
    assert kinds.typed_credit(q, "17,5") == 0.5
    assert kinds.typed_credit(q, "nonsense") == 0.0


def test_the_sample_question_round_trips(sample_bank: Bank) -> None:
    q = next(q for q in sample_bank.questions if isinstance(q, Numerical))
    data = HANDLER.to_data(q)
    assert data["answers"][1] == {
        "value": 18,
        "tolerance": 1,
        "fraction": 50,
        "feedback": {"en": "Close.", "fr": "Presque."},
    }
    assert data["units"] == [{"name": "years"}, {"name": "ans", "multiplier": 1}]
    assert data["unit_penalty"] == 10
    common = {f.name: getattr(q, f.name) for f in dataclasses.fields(q)}
    for key in ("answers", "units", "unit_penalty"):
        del common[key]
    assert HANDLER.from_data(data, common) == q
    star = dataclasses.replace(q, answers=(*q.answers, NumericAnswer(None, 0, 0.0)))
    assert HANDLER.to_data(star)["answers"][-1] == {"value": "*", "fraction": 0}
    assert HANDLER.from_data(HANDLER.to_data(star), common) == star


def test_the_right_answer_is_one_no_earlier_answer_holds() -> None:
    q = question(NumericAnswer(18, 2, 0.5), NumericAnswer(18), NumericAnswer(30))
    assert correct_response(q) == NumericalAnswer("30")
    assert score(q, "18") == 0.5  # 18 ± 2 comes first, as in Moodle
