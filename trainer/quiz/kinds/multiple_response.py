"""Multiple response: options shown as check boxes, one or more of them right.

Answer: ``{"choices": ["a", "c"]}``. Partial credit (documented for trainers in
docs/bank-format.md): +1/R for each right option ticked, -1/W for each wrong
option ticked (R right options, W wrong ones), never below 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from trainer.banks.model import Kind, MultipleResponse
from trainer.quiz.kinds.base import Answer, BankChecker, Grade, RecordWriter, str_list
from trainer.quiz.kinds.choices import ChoiceHandler, options_and_key

if TYPE_CHECKING:
    from trainer.banks.yamlsafe import Mark, YMap

__all__ = ["HANDLER", "MultipleResponse", "MultipleResponseAnswer", "MultipleResponseHandler"]


@dataclass(frozen=True, slots=True)
class MultipleResponseAnswer(Answer):
    choices: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"choices": list(self.choices)}


class MultipleResponseHandler(ChoiceHandler[MultipleResponse, MultipleResponseAnswer]):
    kind = Kind.MULTIPLE_RESPONSE
    model = MultipleResponse
    response_type = MultipleResponseAnswer
    single = False

    def build(
        self,
        checker: BankChecker,
        m: YMap,
        what: str,
        common: dict[str, Any],
        ids: dict[str, Mark],
    ) -> MultipleResponse | None:
        found = options_and_key(checker, m, what)
        if found is None:
            return None
        options, keys = found
        if not keys:
            checker.error(
                checker.where(m, "key"),
                f"{what}: multiple_response needs at least 1 correct option",
            )
            return None
        if len(keys) == len(options) and len(options) > 1:
            checker.error(
                checker.where(m, "key"),
                f"{what}: every option is correct; add at least one wrong option",
            )
            return None
        return MultipleResponse(options=tuple(options), key=frozenset(keys), **common)

    def keys_of(self, q: MultipleResponse) -> frozenset[str]:
        return q.key

    def key_data(self, q: MultipleResponse) -> Any:
        return [o.id for o in q.options if o.id in q.key]

    def from_data(self, data: Mapping[str, Any], common: dict[str, Any]) -> MultipleResponse:
        return MultipleResponse(
            options=self.options_from_data(data), key=frozenset(data["key"]), **common
        )

    def chosen(self, r: MultipleResponseAnswer) -> list[str]:
        return list(r.choices)

    def response_from_json(
        self, q: MultipleResponse, data: object
    ) -> MultipleResponseAnswer | None:
        choices = str_list(data.get("choices") if isinstance(data, dict) else None)
        return MultipleResponseAnswer(tuple(choices)) if choices else None

    def clean(
        self, q: MultipleResponse, r: MultipleResponseAnswer
    ) -> MultipleResponseAnswer | None:
        given = set(r.choices)
        chosen = tuple(o.id for o in q.options if o.id in given)
        return MultipleResponseAnswer(chosen) if chosen else None

    def is_complete(self, q: MultipleResponse, r: MultipleResponseAnswer) -> bool:
        return bool(r.choices)

    def grade(self, q: MultipleResponse, r: MultipleResponseAnswer | None) -> Grade:
        chosen = set(r.choices) if r is not None else set()
        right = q.key
        wrong = {o.id for o in q.options} - right
        gained = len(chosen & right) / len(right)
        lost = len(chosen & wrong) / len(wrong) if wrong else 0.0
        return Grade.of(gained - lost)

    def correct_response(self, q: MultipleResponse) -> MultipleResponseAnswer:
        return MultipleResponseAnswer(tuple(o.id for o in q.options if o.id in q.key))

    def chosen_keys(self, data: Mapping[str, Any]) -> list[str] | None:
        chosen = [str(c) for c in data.get("choices") or []]
        return chosen or None

    def fractions(self, writer: RecordWriter, q: MultipleResponse) -> list[float]:
        right = len(q.key)
        wrong = len(q.options) - right
        return [
            writer.grade(q, 1 / right) if o.id in q.key else writer.grade(q, -1 / max(wrong, 1))
            for o in q.options
        ]


HANDLER = MultipleResponseHandler()
