"""The bank review on typed answers: option rules skip them, their feedback is read."""

from __future__ import annotations

import dataclasses

from tests.conftest import SAMPLE_BANK
from trainer.banks.loader import load_bank
from trainer.banks.model import LocalizedText, Numerical, NumericAnswer, ShortAnswer
from trainer.banks.review.engine import review_banks
from trainer.banks.review.rules import Rule

TYPED = {"q-purpose-word", "q-child-age"}


def test_option_rules_skip_typed_answers() -> None:
    [review] = review_banks([load_bank(SAMPLE_BANK)], library=[])
    about_typed = {f.rule for f in review.findings if f.question_id in TYPED}
    assert about_typed <= {Rule.NO_DIFFICULTY}  # the sample leaves the difficulty out


def test_the_feedback_of_a_typed_answer_is_checked_across_languages() -> None:
    bank = load_bank(SAMPLE_BANK)
    number = next(q for q in bank.questions if isinstance(q, Numerical))
    wrong = dataclasses.replace(
        number,
        answers=(
            number.answers[0],
            NumericAnswer(18, 1, 0.5, LocalizedText.of(en="17 is close.", fr="16 est proche.")),
        ),
    )
    word = next(q for q in bank.questions if isinstance(q, ShortAnswer))
    questions = tuple(wrong if q is number else q for q in bank.questions)
    [review] = review_banks([dataclasses.replace(bank, questions=questions)], library=[])
    found = [f for f in review.findings if f.rule is Rule.TRANSLATION_NUMBERS]
    assert [(f.question_id, f.params["field"]) for f in found] == [("q-child-age", "feedback:2")]
    assert word.id not in {f.question_id for f in found}
