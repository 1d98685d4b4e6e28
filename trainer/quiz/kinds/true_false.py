"""True or false: a statement and its truth.

Answer: ``{"value": true}``; full marks for the key, none otherwise.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from trainer.banks.formats.records import FText, MAnswer
from trainer.banks.model import Kind, Question, TrueFalse
from trainer.quiz.kinds.base import (
    Answer,
    BankChecker,
    Grade,
    KindHandler,
    Layout,
    RecordReader,
    RecordWriter,
    text_data,
    to_opt_text,
)

if TYPE_CHECKING:
    from trainer.banks.formats.records import MQuestion
    from trainer.banks.yamlsafe import Mark, YMap

__all__ = ["HANDLER", "TrueFalse", "TrueFalseAnswer", "TrueFalseHandler"]

# The words of an answer in exports and reviews (bank languages; English otherwise).
_WORDS = {
    ("en", True): "True",
    ("en", False): "False",
    ("fr", True): "Vrai",
    ("fr", False): "Faux",
}


@dataclass(frozen=True, slots=True)
class TrueFalseAnswer(Answer):
    value: bool

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value}


class TrueFalseHandler(KindHandler[TrueFalse, TrueFalseAnswer]):
    kind = Kind.TRUE_FALSE
    model = TrueFalse
    response_type = TrueFalseAnswer
    yaml_keys: ClassVar[Mapping[str, bool]] = {
        "key": True,
        "feedback_true": False,
        "feedback_false": False,
    }
    moodle_types = ("truefalse",)

    def build(
        self,
        checker: BankChecker,
        m: YMap,
        what: str,
        common: dict[str, Any],
        ids: dict[str, Mark],
    ) -> TrueFalse | None:
        key = checker.scalar(m, "key", bool, what)
        ft = checker.text(m, "feedback_true", what, required=False)
        ff = checker.text(m, "feedback_false", what, required=False)
        if key is None:
            return None
        return TrueFalse(key=key, feedback_true=ft, feedback_false=ff, **common)

    def to_data(self, q: TrueFalse) -> dict[str, Any]:
        data: dict[str, Any] = {"key": q.key}
        if q.feedback_true:
            data["feedback_true"] = text_data(q.feedback_true)
        if q.feedback_false:
            data["feedback_false"] = text_data(q.feedback_false)
        return data

    def from_data(self, data: Mapping[str, Any], common: dict[str, Any]) -> TrueFalse:
        return TrueFalse(
            key=bool(data["key"]),
            feedback_true=to_opt_text(data.get("feedback_true")),
            feedback_false=to_opt_text(data.get("feedback_false")),
            **common,
        )

    def layout(self, q: TrueFalse, rng: random.Random, shuffle: bool) -> Layout:
        return {}

    def response_from_json(self, q: TrueFalse, data: object) -> TrueFalseAnswer | None:
        value = data.get("value") if isinstance(data, dict) else None
        return TrueFalseAnswer(value) if isinstance(value, bool) else None

    def clean(self, q: TrueFalse, r: TrueFalseAnswer) -> TrueFalseAnswer | None:
        return r

    def is_complete(self, q: TrueFalse, r: TrueFalseAnswer) -> bool:
        return True

    def grade(self, q: TrueFalse, r: TrueFalseAnswer | None) -> Grade:
        return Grade.of(1.0 if r is not None and r.value is q.key else 0.0)

    def correct_response(self, q: TrueFalse) -> TrueFalseAnswer:
        return TrueFalseAnswer(q.key)

    def describe(self, q: TrueFalse, r: TrueFalseAnswer, lang: str) -> str:
        return _WORDS.get((lang, r.value), "True" if r.value else "False")

    def option_feedback(self, q: TrueFalse, r: TrueFalseAnswer, lang: str) -> list[str]:
        fb = q.feedback_true if r.value else q.feedback_false
        return [fb.get(lang)] if fb else []

    def distractors(self, q: TrueFalse, lang: str) -> list[tuple[str, str, bool]]:
        return [("true", "true", q.key), ("false", "false", not q.key)]

    def chosen_keys(self, data: Mapping[str, Any]) -> list[str] | None:
        value = data.get("value")
        return ["true" if value else "false"] if isinstance(value, bool) else None

    def from_record(self, reader: RecordReader, record: MQuestion) -> Question | None:
        common = reader.common(record)
        if common is None:
            return None
        ft = reader.text(record.answers[0].feedback, record, "feedback") if record.answers else ""
        ff = (
            reader.text(record.answers[1].feedback, record, "feedback")
            if len(record.answers) > 1
            else ""
        )
        return TrueFalse(
            kind=Kind.TRUE_FALSE,
            key=bool(record.correct),
            feedback_true=reader.loc(ft) if ft else None,
            feedback_false=reader.loc(ff) if ff else None,
            **common,
        )

    def to_records(self, writer: RecordWriter, q: TrueFalse) -> list[MQuestion]:
        r = writer.base(q, "truefalse")
        r.correct = q.key
        r.answers = [
            MAnswer(FText("true"), 1.0 if q.key else 0.0, writer.ftext(q.feedback_true)),
            MAnswer(FText("false"), 0.0 if q.key else 1.0, writer.ftext(q.feedback_false)),
        ]
        return [r]


HANDLER = TrueFalseHandler()
