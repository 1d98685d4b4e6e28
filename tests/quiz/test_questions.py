"""Grading every kind, with the documented partial-credit rules."""

from __future__ import annotations

from typing import Any

import pytest

from trainer.banks.model import (
    Kind,
    LocalizedText,
    MatchChoice,
    Matching,
    MatchPrompt,
    MultipleResponse,
    Option,
    Ordering,
    OrderItem,
    Question,
    Scenario,
    SingleChoice,
    Topic,
    TrueFalse,
)
from trainer.quiz.questions import (
    Grade,
    GradeState,
    Response,
    SingleChoiceAnswer,
    correct_response,
    describe,
    grade,
    is_complete,
    option_feedback,
    response_from_json,
)


def answer(question: Question, stored: object) -> Response | None:
    """An answer as attempts store it (JSON), read back for its question."""
    return response_from_json(question, stored)


def t(en: str, fr: str | None = None) -> LocalizedText:
    return LocalizedText({"en": en, "fr": fr or en + " (fr)"})


COMMON: dict[str, Any] = {"topic": Topic.LEGAL_STANDARDS, "text": t("Q?")}

SC = SingleChoice(
    id="sc",
    kind=Kind.SINGLE_CHOICE,
    **COMMON,
    options=(Option("a", t("A")), Option("b", t("B"), feedback=t("Not B"))),
    key="a",
)
MR = MultipleResponse(
    id="mr",
    kind=Kind.MULTIPLE_RESPONSE,
    **COMMON,
    options=tuple(
        Option(i, t(i.upper()), feedback=t(f"fb {i}") if i == "d" else None) for i in "abcde"
    ),
    key=frozenset({"a", "b"}),
)
TF = TrueFalse(
    id="tf", kind=Kind.TRUE_FALSE, **COMMON, key=False, feedback_true=t("No: it can be internal.")
)
OR = Ordering(
    id="or",
    kind=Kind.ORDERING,
    **COMMON,
    items=tuple(OrderItem(i, t(i)) for i in ("w", "x", "y", "z")),
)
MA = Matching(
    id="ma",
    kind=Kind.MATCHING,
    **COMMON,
    prompts=(
        MatchPrompt("p1", t("Recruitment"), "act"),
        MatchPrompt("p2", t("Fraud"), "means"),
        MatchPrompt("p3", t("Harbouring"), "act"),
        MatchPrompt("p4", t("Labour"), "purpose"),
    ),
    choices=(
        MatchChoice("act", t("Act")),
        MatchChoice("means", t("Means")),
        MatchChoice("purpose", t("Purpose")),
        MatchChoice("none", t("None")),
    ),
)
SCN = Scenario(id="scn", kind=Kind.SCENARIO, **COMMON, parts=(SC, TF, MA))


def test_grade_of_clamps_and_names_the_state() -> None:
    assert Grade.of(1.2) == Grade(1.0, GradeState.RIGHT)
    assert Grade.of(-0.5) == Grade(0.0, GradeState.WRONG)
    assert Grade.of(0.5) == Grade(0.5, GradeState.PARTIAL)


def test_single_choice() -> None:
    assert grade(SC, answer(SC, {"choice": "a"})).state is GradeState.RIGHT
    assert grade(SC, answer(SC, {"choice": "b"})).state is GradeState.WRONG
    assert grade(SC, None).fraction == 0.0
    assert is_complete(SC, answer(SC, {"choice": "a"}))
    assert not is_complete(SC, answer(SC, {"choice": "zz"}))
    assert not is_complete(SC, None)


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (["a", "b"], 1.0),
        (["a"], 0.5),
        (["a", "c"], 0.5 - 1 / 3),
        (["a", "b", "c"], 1 - 1 / 3),
        (["c", "d", "e"], 0.0),  # never below zero
        (["a", "b", "c", "d", "e"], 0.0),  # ticking everything earns nothing
        ([], 0.0),
    ],
)
def test_multiple_response_partial_credit(chosen: list[str], expected: float) -> None:
    assert grade(MR, answer(MR, {"choices": chosen})).fraction == pytest.approx(expected, abs=1e-6)


def test_multiple_response_with_no_wrong_option() -> None:
    only_right = MultipleResponse(
        id="x",
        kind=Kind.MULTIPLE_RESPONSE,
        **COMMON,
        options=(Option("a", t("A")),),
        key=frozenset({"a"}),
    )
    assert grade(only_right, answer(only_right, {"choices": ["a"]})).fraction == 1.0
    assert is_complete(MR, answer(MR, {"choices": ["a"]}))
    assert not is_complete(MR, answer(MR, {"choices": []}))


def test_true_false() -> None:
    assert grade(TF, answer(TF, {"value": False})).state is GradeState.RIGHT
    assert grade(TF, answer(TF, {"value": True})).state is GradeState.WRONG
    assert grade(TF, answer(TF, {"value": "false"})).state is GradeState.WRONG
    assert is_complete(TF, answer(TF, {"value": True}))
    assert not is_complete(TF, answer(TF, {"value": None}))


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (["w", "x", "y", "z"], 1.0),
        (["z", "y", "x", "w"], 0.0),
        (["x", "w", "y", "z"], 2 / 3),  # w<x broken; x<y and y<z kept
        (["w", "y", "x", "z"], 2 / 3),
        (["w", "x"], 1 / 3),  # incomplete: only the pairs it has
    ],
)
def test_ordering_partial_credit(order: list[str], expected: float) -> None:
    assert grade(OR, answer(OR, {"order": order})).fraction == pytest.approx(expected, abs=1e-6)


def test_ordering_completeness() -> None:
    assert is_complete(OR, answer(OR, {"order": ["z", "y", "x", "w"]}))
    assert not is_complete(OR, answer(OR, {"order": ["w", "x"]}))


def test_matching_per_pair() -> None:
    right = {"p1": "act", "p2": "means", "p3": "act", "p4": "purpose"}
    assert grade(MA, answer(MA, {"pairs": right})).state is GradeState.RIGHT
    assert grade(MA, answer(MA, {"pairs": right | {"p4": "none"}})).fraction == 0.75
    assert grade(MA, answer(MA, {"pairs": {"p1": "act"}})).fraction == 0.25
    assert is_complete(MA, answer(MA, {"pairs": right}))
    assert not is_complete(MA, answer(MA, {"pairs": {"p1": "act"}}))


def test_scenario_is_the_sum_of_its_parts() -> None:
    assert SCN.max_mark == 3.0
    full = correct_response(SCN)
    assert grade(SCN, full).state is GradeState.RIGHT
    half_matching = answer(
        SCN,
        {
            "parts": {
                "sc": {"choice": "a"},
                "tf": {"value": True},
                "ma": {"pairs": {"p1": "act", "p2": "means"}},
            }
        },
    )
    # 1 + 0 + 0.5 out of 3
    assert grade(SCN, half_matching).fraction == pytest.approx(1.5 / 3)
    assert is_complete(SCN, full)
    assert not is_complete(SCN, half_matching)


@pytest.mark.parametrize("question", [SC, MR, TF, OR, MA, SCN], ids=lambda q: q.id)
def test_correct_response_earns_full_marks(question: Question) -> None:
    assert grade(question, correct_response(question)).fraction == 1.0


def test_describe_in_words() -> None:
    assert describe(SC, answer(SC, {"choice": "b"}), "en") == "B"
    assert describe(MR, answer(MR, {"choices": ["a", "c"]}), "fr") == "A (fr); C (fr)"
    assert describe(TF, answer(TF, {"value": False}), "fr") == "Faux"
    assert describe(TF, answer(TF, {"value": True}), "en") == "True"
    assert describe(TF, answer(TF, {"value": "x"}), "en") == ""
    assert describe(OR, answer(OR, {"order": ["x", "w"]}), "en") == "x → w"
    assert describe(MA, answer(MA, {"pairs": {"p1": "act"}}), "en") == "Recruitment = Act"
    assert describe(SCN, answer(SCN, {"parts": {"sc": {"choice": "a"}}}), "en").startswith(
        "1. A | 2.  | 3. "
    )
    assert describe(SC, None, "en") == ""


def test_option_feedback() -> None:
    assert option_feedback(SC, answer(SC, {"choice": "b"}), "en") == ["Not B"]
    assert option_feedback(SC, answer(SC, {"choice": "a"}), "en") == []
    assert option_feedback(MR, answer(MR, {"choices": ["d", "a"]}), "en") == ["fb d"]
    assert option_feedback(TF, answer(TF, {"value": True}), "en") == ["No: it can be internal."]
    assert option_feedback(TF, answer(TF, {"value": False}), "en") == []
    assert option_feedback(SCN, answer(SCN, {"parts": {"sc": {"choice": "b"}}}), "en") == ["Not B"]
    assert option_feedback(OR, answer(OR, {"order": ["w"]}), "en") == []
    assert option_feedback(MA, answer(MA, {"pairs": {"p1": "none"}}), "en") == []
    assert option_feedback(SC, None, "en") == []


class Odd(Question):
    pass


def test_unknown_kinds_are_refused() -> None:
    odd = Odd(id="odd", kind=Kind.SINGLE_CHOICE, **COMMON)
    for fn in (
        lambda: is_complete(odd, SingleChoiceAnswer("a")),
        lambda: grade(odd, None),
        lambda: correct_response(odd),
        lambda: describe(odd, SingleChoiceAnswer("a"), "en"),
    ):
        with pytest.raises(TypeError):
            fn()
