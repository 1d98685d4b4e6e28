"""How each kind of question is answered and graded.

A response is plain JSON-friendly data, one shape per kind:

- single_choice: ``{"choice": "b"}``
- multiple_response: ``{"choices": ["a", "c"]}``
- true_false: ``{"value": true}``
- ordering: ``{"order": ["identify", "protect", "refer"]}``
- matching: ``{"pairs": {"p1": "act", "p2": "means"}}``
- scenario: ``{"parts": {"<part id>": <response of that part>}}``

Partial credit (documented for trainers in docs/bank-format.md):

- multiple_response: +1/R for each right option ticked, -1/W for each wrong
  option ticked (R right options, W wrong ones), never below 0;
- ordering: the share of the n-1 consecutive pairs of the right order that the
  trainee placed in the same relative order;
- matching: the share of prompts matched correctly;
- scenario: the sum of its parts' marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from typing import Any

from trainer.banks.model import (
    Matching,
    MultipleResponse,
    Ordering,
    Question,
    Scenario,
    SingleChoice,
    TrueFalse,
)

Response = dict[str, Any]


class GradeState(StrEnum):
    RIGHT = "right"
    PARTIAL = "partial"
    WRONG = "wrong"


@dataclass(frozen=True)
class Grade:
    """``fraction`` of the question's marks earned, 0.0 to 1.0."""

    fraction: float
    state: GradeState

    @classmethod
    def of(cls, fraction: float) -> Grade:
        fraction = min(1.0, max(0.0, fraction))
        if fraction >= 1.0 - 1e-9:
            return cls(1.0, GradeState.RIGHT)
        if fraction <= 1e-9:
            return cls(0.0, GradeState.WRONG)
        return cls(round(fraction, 6), GradeState.PARTIAL)


def is_complete(question: Question, response: Response | None) -> bool:
    """Whether the response answers the whole question (every part, every prompt)."""
    if not response:
        return False
    if isinstance(question, SingleChoice):
        return response.get("choice") in {o.id for o in question.options}
    if isinstance(question, MultipleResponse):
        return bool(response.get("choices"))
    if isinstance(question, TrueFalse):
        return isinstance(response.get("value"), bool)
    if isinstance(question, Ordering):
        return sorted(response.get("order") or []) == sorted(i.id for i in question.items)
    if isinstance(question, Matching):
        pairs = response.get("pairs") or {}
        return all(pairs.get(p.id) for p in question.prompts)
    if isinstance(question, Scenario):
        parts = response.get("parts") or {}
        return all(is_complete(p, parts.get(p.id)) for p in question.parts)
    raise TypeError(f"unknown question kind {question.kind}")


def grade(question: Question, response: Response | None) -> Grade:
    """Grade a response; an empty or partial response simply earns what it earns."""
    response = response or {}
    if isinstance(question, SingleChoice):
        return Grade.of(1.0 if response.get("choice") == question.key else 0.0)
    if isinstance(question, MultipleResponse):
        chosen = set(response.get("choices") or [])
        right = question.key
        wrong = {o.id for o in question.options} - right
        gained = len(chosen & right) / len(right)
        lost = len(chosen & wrong) / len(wrong) if wrong else 0.0
        return Grade.of(gained - lost)
    if isinstance(question, TrueFalse):
        return Grade.of(1.0 if response.get("value") is question.key else 0.0)
    if isinstance(question, Ordering):
        order = list(response.get("order") or [])
        position = {item_id: i for i, item_id in enumerate(order)}
        ids = [i.id for i in question.items]
        pairs = list(pairwise(ids))
        good = sum(
            1 for a, b in pairs if a in position and b in position and position[a] < position[b]
        )
        return Grade.of(good / len(pairs))
    if isinstance(question, Matching):
        pairs_given = response.get("pairs") or {}
        good = sum(1 for p in question.prompts if pairs_given.get(p.id) == p.match)
        return Grade.of(good / len(question.prompts))
    if isinstance(question, Scenario):
        parts = response.get("parts") or {}
        earned = sum(grade(p, parts.get(p.id)).fraction * p.max_mark for p in question.parts)
        return Grade.of(earned / question.max_mark)
    raise TypeError(f"unknown question kind {question.kind}")


def correct_response(question: Question) -> Response:
    """The response that earns full marks."""
    if isinstance(question, SingleChoice):
        return {"choice": question.key}
    if isinstance(question, MultipleResponse):
        return {"choices": [o.id for o in question.options if o.id in question.key]}
    if isinstance(question, TrueFalse):
        return {"value": question.key}
    if isinstance(question, Ordering):
        return {"order": [i.id for i in question.items]}
    if isinstance(question, Matching):
        return {"pairs": {p.id: p.match for p in question.prompts}}
    if isinstance(question, Scenario):
        return {"parts": {p.id: correct_response(p) for p in question.parts}}
    raise TypeError(f"unknown question kind {question.kind}")


def describe(question: Question, response: Response | None, lang: str) -> str:
    """A response in words, as exports and reviews show it ('' when unanswered)."""
    if not response:
        return ""
    if isinstance(question, (SingleChoice, MultipleResponse)):
        chosen = (
            [response.get("choice")]
            if isinstance(question, SingleChoice)
            else list(response.get("choices") or [])
        )
        texts = {o.id: o.text.get(lang) for o in question.options}
        return "; ".join(texts[c] for c in chosen if c in texts)
    if isinstance(question, TrueFalse):
        value = response.get("value")
        if not isinstance(value, bool):
            return ""
        return {
            ("en", True): "True",
            ("en", False): "False",
            ("fr", True): "Vrai",
            ("fr", False): "Faux",
        }.get((lang, value), "True" if value else "False")
    if isinstance(question, Ordering):
        texts = {i.id: i.text.get(lang) for i in question.items}
        return " → ".join(texts[i] for i in response.get("order") or [] if i in texts)
    if isinstance(question, Matching):
        prompts = {p.id: p.text.get(lang) for p in question.prompts}
        choices = {c.id: c.text.get(lang) for c in question.choices}
        pairs = response.get("pairs") or {}
        return "; ".join(
            f"{prompts[p]} = {choices.get(c, '')}" for p, c in pairs.items() if p in prompts and c
        )
    if isinstance(question, Scenario):
        parts = response.get("parts") or {}
        return " | ".join(
            f"{i}. {describe(p, parts.get(p.id), lang)}" for i, p in enumerate(question.parts, 1)
        )
    raise TypeError(f"unknown question kind {question.kind}")


def option_feedback(question: Question, response: Response | None, lang: str) -> list[str]:
    """The per-option feedback that applies to this response (practice and review)."""
    if not response:
        return []
    if isinstance(question, SingleChoice):
        chosen = {response.get("choice")}
    elif isinstance(question, MultipleResponse):
        chosen = set(response.get("choices") or [])
    elif isinstance(question, TrueFalse):
        value = response.get("value")
        fb = (
            question.feedback_true
            if value is True
            else question.feedback_false
            if value is False
            else None
        )
        return [fb.get(lang)] if fb else []
    elif isinstance(question, Scenario):
        parts = response.get("parts") or {}
        out: list[str] = []
        for p in question.parts:
            out.extend(option_feedback(p, parts.get(p.id), lang))
        return out
    else:
        return []
    return [o.feedback.get(lang) for o in question.options if o.id in chosen and o.feedback]
