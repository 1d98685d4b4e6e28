"""Short answer: typed text graded as Moodle's short answer grades it."""

from __future__ import annotations

import dataclasses

import pytest

from trainer.banks.model import AcceptedAnswer, Bank, Kind, LocalizedText, ShortAnswer, Topic
from trainer.quiz import kinds
from trainer.quiz.kinds.short_answer import HANDLER, matches
from trainer.quiz.questions import (
    GradeState,
    ShortAnswerAnswer,
    clean,
    correct_response,
    describe,
    grade,
    is_complete,
    option_feedback,
    response_from_json,
)


def question(*answers: tuple[str | dict[str, str], float], case: bool = False) -> ShortAnswer:
    return ShortAnswer(
        id="q",
        kind=Kind.SHORT_ANSWER,
        topic=Topic.INDICATORS,
        text=LocalizedText.of(en="Which?"),
        answers=tuple(
            AcceptedAnswer(
                LocalizedText(text if isinstance(text, dict) else {"en": text}),
                fraction,
                LocalizedText.of(en=f"fb {n}", fr=f"rt {n}"),
            )
            for n, (text, fraction) in enumerate(answers)
        ),
        case_sensitive=case,
    )


def score(q: ShortAnswer, typed: str) -> float:
    return grade(q, ShortAnswerAnswer(typed)).fraction


@pytest.mark.parametrize(
    ("typed", "pattern", "case", "expected"),
    [
        ("Forced labour", "forced labour", False, True),
        ("Forced labour", "forced labour", True, False),
        ("  forced labour \n", "forced labour", False, True),  # trimmed, as Moodle does
        ("forced  labour", "forced labour", False, False),  # whole string, spaces count
        ("forced labour and more", "forced labour", False, False),
        ("exploitation", "exploit*", False, True),
        ("exploit", "exploit*", False, True),  # '*' matches nothing too
        ("sexual exploitation", "*exploitation", False, True),
        ("anything at all", "*", False, True),
        ("a*b", "a\\*b", False, True),  # '\*' is a star
        ("axb", "a\\*b", False, False),
        ("a.b", "a.b", False, True),  # regular expression characters are text
        ("axb", "a.b", False, False),
        ("abc", "a**c", False, True),  # a run of stars is one wildcard
        ("ÉTAT", "état", False, True),  # Unicode case
        ("e\u0301tat", "état", False, True),  # normalised (NFC) before comparing
    ],
)
def test_matching_follows_moodle(typed: str, pattern: str, case: bool, expected: bool) -> None:
    assert matches(typed, pattern, case) is expected


def test_the_first_matching_answer_gives_the_grade_and_feedback() -> None:
    q = question(("traite*", 0.5), ("traite des personnes", 1.0), ("*", 0.0))
    # Moodle uses the first answer that matches, even when a later one gives more.
    assert score(q, "traite des personnes") == 0.5
    assert option_feedback(q, ShortAnswerAnswer("traite des personnes"), "fr") == ["rt 0"]
    assert score(q, "smuggling") == 0.0
    assert option_feedback(q, ShortAnswerAnswer("smuggling"), "en") == ["fb 2"]
    assert grade(q, ShortAnswerAnswer("traite")).state is GradeState.PARTIAL


def test_answers_in_any_language_are_accepted() -> None:
    q = question(({"en": "forced labour", "fr": "travail forcé"}, 1.0))
    assert score(q, "travail forcé") == 1.0
    assert score(q, "Forced Labour") == 1.0
    assert score(q, "labour") == 0.0


def test_case_sensitive_questions() -> None:
    q = question(("OPJ", 1.0), ("opj", 0.5), case=True)
    assert score(q, "OPJ") == 1.0
    assert score(q, "opj") == 0.5
    assert score(q, "Opj") == 0.0


def test_no_answer_and_blank_answers_earn_nothing() -> None:
    q = question(("*", 0.0), ("x", 1.0))
    assert grade(q, None).fraction == 0.0
    assert HANDLER.grade(q, ShortAnswerAnswer("   ")).fraction == 0.0
    assert clean(q, ShortAnswerAnswer("  \t")) is None
    assert clean(q, ShortAnswerAnswer("  x ")) == ShortAnswerAnswer("x")
    assert is_complete(q, ShortAnswerAnswer("x"))
    assert not is_complete(q, ShortAnswerAnswer(" "))
    assert option_feedback(q, None, "en") == []


def test_the_right_answer_is_one_that_matches_without_wildcards() -> None:
    q = question(("any*thing \\* else", 1.0), ("*", 0.0))
    right = correct_response(q)
    assert right == ShortAnswerAnswer("anything * else")
    assert grade(q, right).fraction == 1.0
    # the first full-marks text an earlier answer does not catch
    caught = question(("ab*", 0.5), ("abc", 1.0), ("x*", 1.0))
    assert correct_response(caught) == ShortAnswerAnswer("x")
    assert describe(q, ShortAnswerAnswer("my words"), "en") == "my words"


def test_stored_answers_are_bounded_and_damaged_ones_read_as_none() -> None:
    q = question(("x", 1.0))
    assert response_from_json(q, {"text": " x "}) == ShortAnswerAnswer("x")
    assert response_from_json(q, {"text": "y" * 5000}) == ShortAnswerAnswer("y" * 500)
    for damaged in ({"text": ""}, {"text": 5}, {"choice": "a"}, ["x"], "x"):
        assert response_from_json(q, damaged) is None


def test_item_analysis_counts_typed_answers() -> None:
    q = question(("exploitation", 1.0), ("exploit*", 0.5))
    assert kinds.distractors(q, "en") == []
    assert kinds.chosen_keys("short_answer", {"text": " forced   labour "}) == ["forced labour"]
    assert kinds.chosen_keys("short_answer", {"text": ""}) is None
    assert kinds.typed_credit(q, "Exploitation") == 1.0
    assert kinds.typed_credit(q, "exploiting") == 0.5
    assert kinds.typed_credit(q, "labour") == 0.0


def test_other_kinds_have_no_typed_answers(sample_bank: Bank) -> None:
    choice = next(q for q in sample_bank.questions if q.kind is Kind.SINGLE_CHOICE)
    assert kinds.typed_credit(choice, "b") is None


def test_the_sample_question_round_trips(sample_bank: Bank) -> None:
    q = next(q for q in sample_bank.questions if isinstance(q, ShortAnswer))
    data = HANDLER.to_data(q)
    assert data["answers"][0]["text"] == "exploitation"  # the same in both languages
    assert data["answers"][1]["fraction"] == 50
    assert "case_sensitive" not in data
    common = {f.name: getattr(q, f.name) for f in dataclasses.fields(q)}
    del common["answers"], common["case_sensitive"]
    assert HANDLER.from_data(data | {"case_sensitive": True}, common) == dataclasses.replace(
        q, case_sensitive=True
    )
    assert HANDLER.to_data(dataclasses.replace(q, case_sensitive=True))["case_sensitive"]
    both = dataclasses.replace(
        q,
        answers=(AcceptedAnswer(LocalizedText.of(en="labour", fr="travail")),),
    )
    assert HANDLER.to_data(both)["answers"] == [{"text": {"en": "labour", "fr": "travail"}}]
