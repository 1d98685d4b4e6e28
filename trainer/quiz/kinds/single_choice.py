"""Single choice: options shown as radio buttons, exactly one of them right.

Answer: ``{"choice": "b"}``; full marks for the key, none otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from trainer.banks.model import Kind, SingleChoice
from trainer.quiz.kinds.base import Answer, BankChecker, Grade, RecordWriter
from trainer.quiz.kinds.choices import ChoiceHandler, options_and_key

if TYPE_CHECKING:
    from trainer.banks.yamlsafe import Mark, YMap

__all__ = ["HANDLER", "SingleChoice", "SingleChoiceAnswer", "SingleChoiceHandler"]


@dataclass(frozen=True, slots=True)
class SingleChoiceAnswer(Answer):
    choice: str

    def to_json(self) -> dict[str, Any]:
        return {"choice": self.choice}


class SingleChoiceHandler(ChoiceHandler[SingleChoice, SingleChoiceAnswer]):
    kind = Kind.SINGLE_CHOICE
    model = SingleChoice
    response_type = SingleChoiceAnswer
    single = True

    def build(
        self,
        checker: BankChecker,
        m: YMap,
        what: str,
        common: dict[str, Any],
        ids: dict[str, Mark],
    ) -> SingleChoice | None:
        found = options_and_key(checker, m, what)
        if found is None:
            return None
        options, keys = found
        if len(keys) != 1:
            checker.error(
                checker.where(m, "key"),
                f"{what}: single_choice has {len(keys)} correct options; exactly 1 is required",
            )
            return None
        return SingleChoice(options=tuple(options), key=keys[0], **common)

    def keys_of(self, q: SingleChoice) -> frozenset[str]:
        return frozenset({q.key})

    def key_data(self, q: SingleChoice) -> Any:
        return q.key

    def from_data(self, data: Mapping[str, Any], common: dict[str, Any]) -> SingleChoice:
        return SingleChoice(options=self.options_from_data(data), key=data["key"], **common)

    def chosen(self, r: SingleChoiceAnswer) -> list[str]:
        return [r.choice]

    def response_from_json(self, q: SingleChoice, data: object) -> SingleChoiceAnswer | None:
        choice = data.get("choice") if isinstance(data, dict) else None
        return SingleChoiceAnswer(choice) if isinstance(choice, str) and choice else None

    def clean(self, q: SingleChoice, r: SingleChoiceAnswer) -> SingleChoiceAnswer | None:
        return r if r.choice else None

    def is_complete(self, q: SingleChoice, r: SingleChoiceAnswer) -> bool:
        return r.choice in {o.id for o in q.options}

    def grade(self, q: SingleChoice, r: SingleChoiceAnswer | None) -> Grade:
        return Grade.of(1.0 if r is not None and r.choice == q.key else 0.0)

    def correct_response(self, q: SingleChoice) -> SingleChoiceAnswer:
        return SingleChoiceAnswer(q.key)

    def chosen_keys(self, data: Mapping[str, Any]) -> list[str] | None:
        return [str(data["choice"])] if data.get("choice") is not None else None

    def fractions(self, writer: RecordWriter, q: SingleChoice) -> list[float]:
        return [1.0 if o.id == q.key else 0.0 for o in q.options]


HANDLER = SingleChoiceHandler()
