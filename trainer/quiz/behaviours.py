"""When grading happens and what a trainee may see: practice versus exam."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from trainer.banks.model import Review


class Behaviour(StrEnum):
    PRACTICE = "practice"  # immediate feedback after each answer, with a retry
    EXAM = "exam"  # deferred feedback: nothing is revealed until the attempt is finished


@dataclass(frozen=True)
class ReviewOptions:
    """What a screen may show about the questions of an attempt."""

    marks: bool
    correct_answer: bool
    explanation: bool

    @classmethod
    def nothing(cls) -> ReviewOptions:
        return cls(marks=False, correct_answer=False, explanation=False)


def can_check(behaviour: Behaviour) -> bool:
    """Whether a single answer may be graded (and its feedback shown) before the end."""
    return behaviour is Behaviour.PRACTICE


def can_retry(behaviour: Behaviour) -> bool:
    return behaviour is Behaviour.PRACTICE


def is_timed(behaviour: Behaviour, time_limit_minutes: int) -> bool:
    return behaviour is Behaviour.EXAM and time_limit_minutes > 0


def review_after_finish(behaviour: Behaviour, review: Review) -> ReviewOptions:
    """Practice always shows everything; an exam shows what its module allows."""
    if behaviour is Behaviour.PRACTICE or review is Review.FULL:
        return ReviewOptions(marks=True, correct_answer=True, explanation=True)
    if review is Review.ANSWERS:
        return ReviewOptions(marks=True, correct_answer=False, explanation=False)
    return ReviewOptions.nothing()
