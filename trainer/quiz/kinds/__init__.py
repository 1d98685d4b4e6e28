"""The question kinds: one module per kind, registered here by ``Kind``.

The loader, serializer, converter, session, review, exports and item analysis
look a kind's handler up here and call its hooks (see ``base.KindHandler``);
adding a kind is one module here, one input widget in the interface, and tests
(docs/developing.md).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from trainer.banks.model import Kind, Question
from trainer.quiz.kinds.base import Answer, Grade, GradeState, KindHandler, Layout

if TYPE_CHECKING:
    from trainer.banks.formats.records import MQuestion
    from trainer.quiz.kinds.base import RecordReader, RecordWriter

__all__ = [
    "HANDLERS",
    "Answer",
    "Grade",
    "GradeState",
    "KindHandler",
    "Layout",
    "by_value",
    "chosen_keys",
    "clean",
    "correct_response",
    "describe",
    "distractors",
    "from_record",
    "grade",
    "handler",
    "is_complete",
    "make_layout",
    "option_feedback",
    "record_reader",
    "response_from_json",
    "to_json",
    "to_records",
    "typed_credit",
]


def _registry() -> dict[Kind, KindHandler[Any, Any]]:
    # Imported here: each kind module reaches back to this registry for scenario parts.
    from trainer.quiz.kinds import (
        matching,
        multiple_response,
        numerical,
        ordering,
        scenario,
        short_answer,
        single_choice,
        true_false,
    )

    handlers: list[KindHandler[Any, Any]] = [
        single_choice.HANDLER,
        multiple_response.HANDLER,
        true_false.HANDLER,
        ordering.HANDLER,
        matching.HANDLER,
        scenario.HANDLER,
        short_answer.HANDLER,
        numerical.HANDLER,
    ]
    return {h.kind: h for h in handlers}


HANDLERS: Mapping[Kind, KindHandler[Any, Any]] = _registry()
_BY_VALUE = {k.value: h for k, h in HANDLERS.items()}
_READERS = {t: h for h in HANDLERS.values() for t in h.moodle_types}


def handler(question: Question) -> KindHandler[Any, Any]:
    """The handler of a question's kind (TypeError for a question that is not of its kind)."""
    h = HANDLERS[question.kind]
    if not isinstance(question, h.model):
        raise TypeError(f"unknown question kind {type(question).__name__} for {question.kind}")
    return h


def by_value(kind: str) -> KindHandler[Any, Any] | None:
    """The handler of a kind named as stored (None for a name this version does not know)."""
    return _BY_VALUE.get(kind)


def record_reader(record_type: str) -> KindHandler[Any, Any] | None:
    """The handler that imports Moodle records of this type (None: not importable)."""
    return _READERS.get(record_type)


def _own(question: Question, response: Answer | None) -> tuple[KindHandler[Any, Any], Any]:
    """The question's handler, and the response if it is that kind's answer (else None)."""
    h = handler(question)
    return h, response if isinstance(response, h.response_type) else None


# -- answering: the generic layers call these ------------------------------------------------
def make_layout(question: Question, rng: random.Random, shuffle: bool) -> Layout:
    """The order in which a question's options, items or choices are shown."""
    return handler(question).layout(question, rng, shuffle)


def response_from_json(question: Question, data: object) -> Answer | None:
    """A stored answer (attempts, bundles) typed for its question; None when it answers nothing."""
    if not data:
        return None
    result: Answer | None = handler(question).response_from_json(question, data)
    return result


def to_json(response: Answer | None) -> dict[str, Any] | None:
    """An answer in its stored shape (None stays None)."""
    return None if response is None else response.to_json()


def clean(question: Question, response: Answer | None) -> Answer | None:
    """Normalise an answer; nothing chosen (or an answer of another kind) means no answer."""
    h, own = _own(question, response)
    if own is None:
        return None
    result: Answer | None = h.clean(question, own)
    return result


def is_complete(question: Question, response: Answer | None) -> bool:
    """Whether the answer answers the whole question (every part, every prompt)."""
    h, own = _own(question, response)
    return own is not None and bool(h.is_complete(question, own))


def grade(question: Question, response: Answer | None) -> Grade:
    """Grade an answer; no answer or a partial one simply earns what it earns."""
    h, own = _own(question, response)
    result: Grade = h.grade(question, own)
    return result


def correct_response(question: Question) -> Answer:
    """The answer that earns full marks."""
    result: Answer = handler(question).correct_response(question)
    return result


def describe(question: Question, response: Answer | None, lang: str) -> str:
    """An answer in words, as exports and reviews show it ('' when unanswered)."""
    h, own = _own(question, response)
    return "" if own is None else str(h.describe(question, own, lang))


def option_feedback(question: Question, response: Answer | None, lang: str) -> list[str]:
    """The per-option feedback that applies to this answer (practice and review)."""
    h, own = _own(question, response)
    return [] if own is None else list(h.option_feedback(question, own, lang))


# -- item analysis -------------------------------------------------------------------------
def distractors(question: Question, lang: str) -> list[tuple[str, str, bool]]:
    """(key, label, is right) for each answer key item analysis counts."""
    return list(handler(question).distractors(question, lang))


def chosen_keys(kind: str, data: object) -> list[str] | None:
    """The keys a stored answer chose (None: unanswered; [] for kinds without keys)."""
    h = by_value(kind)
    if h is None or not isinstance(data, dict):
        return []
    result: list[str] | None = h.chosen_keys(data)
    return result


def typed_credit(question: Question, key: str) -> float | None:
    """The credit a typed answer counted by item analysis earns (None: the kind has no
    typed answers)."""
    result: float | None = handler(question).typed_credit(question, key)
    return result


# -- GIFT / Moodle XML -----------------------------------------------------------------------
def from_record(reader: RecordReader, record: MQuestion) -> Question | None:
    """Import a record whose type ``record_reader`` knows."""
    h = _READERS[record.type]
    result: Question | None = h.from_record(reader, record)
    return result


def to_records(writer: RecordWriter, question: Question) -> list[MQuestion]:
    """A question as Moodle records ([] when the format cannot hold it)."""
    result: list[MQuestion] = handler(question).to_records(writer, question)
    return result
