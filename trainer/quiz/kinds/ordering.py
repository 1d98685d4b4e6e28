"""Ordering: steps to put in the right order (a bank lists them in that order).

Answer: ``{"order": ["identify", "protect", "refer"]}``. Partial credit: the share
of the n-1 consecutive pairs of the right order that the trainee placed in the
same relative order.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any, ClassVar

from trainer.banks.formats.messages import (
    M_EMPTY_ITEM_DROPPED,
    M_GIFT_ORDERING_TEXT,
    M_ITEM_FEEDBACK,
    M_ORDERING_GRADING,
    M_ORDERING_ITEMS,
    M_ORDERING_LAYOUT,
    M_ORDERING_SUBSET,
)
from trainer.banks.formats.records import MAnswer
from trainer.banks.model import Kind, Ordering, OrderItem, Question
from trainer.banks.yamlsafe import YSeq
from trainer.quiz.kinds.base import (
    Answer,
    BankChecker,
    Grade,
    KindHandler,
    Layout,
    RecordReader,
    RecordWriter,
    str_list,
    text_data,
    to_text,
)

if TYPE_CHECKING:
    from trainer.banks.formats.records import MQuestion
    from trainer.banks.yamlsafe import Mark, YMap

__all__ = ["HANDLER", "Ordering", "OrderingAnswer", "OrderingHandler"]


@dataclass(frozen=True, slots=True)
class OrderingAnswer(Answer):
    order: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"order": list(self.order)}


class OrderingHandler(KindHandler[Ordering, OrderingAnswer]):
    kind = Kind.ORDERING
    model = Ordering
    response_type = OrderingAnswer
    yaml_keys: ClassVar[Mapping[str, bool]] = {"items": True}
    moodle_types = ("ordering",)

    def build(
        self,
        checker: BankChecker,
        m: YMap,
        what: str,
        common: dict[str, Any],
        ids: dict[str, Mark],
    ) -> Ordering | None:
        items = checker.id_text_list(m, "items", what, {})
        if isinstance(m.get("items"), YSeq) and len(m["items"]) < 2:
            checker.error(checker.where(m, "items"), f"{what}: ordering needs at least 2 items")
            return None
        if len(items) < 2:
            return None
        return Ordering(items=tuple(OrderItem(i, t) for _, i, t in items), **common)

    def to_data(self, q: Ordering) -> dict[str, Any]:
        return {"items": [{"id": i.id, "text": text_data(i.text)} for i in q.items]}

    def from_data(self, data: Mapping[str, Any], common: dict[str, Any]) -> Ordering:
        return Ordering(
            items=tuple(OrderItem(i["id"], to_text(i["text"])) for i in data["items"]), **common
        )

    def layout(self, q: Ordering, rng: random.Random, shuffle: bool) -> Layout:
        ids = [i.id for i in q.items]
        order = list(ids)
        # Items start out of order, always: the right order would give the answer away.
        for _ in range(20):
            rng.shuffle(order)
            if order != ids:
                break
        return {"items": order}

    def response_from_json(self, q: Ordering, data: object) -> OrderingAnswer | None:
        order = str_list(data.get("order") if isinstance(data, dict) else None)
        return OrderingAnswer(tuple(order)) if order else None

    def clean(self, q: Ordering, r: OrderingAnswer) -> OrderingAnswer | None:
        return r if r.order else None

    def is_complete(self, q: Ordering, r: OrderingAnswer) -> bool:
        return sorted(r.order) == sorted(i.id for i in q.items)

    def grade(self, q: Ordering, r: OrderingAnswer | None) -> Grade:
        position = {item_id: i for i, item_id in enumerate(r.order if r is not None else ())}
        pairs = list(pairwise(i.id for i in q.items))
        good = sum(
            1 for a, b in pairs if a in position and b in position and position[a] < position[b]
        )
        return Grade.of(good / len(pairs))

    def correct_response(self, q: Ordering) -> OrderingAnswer:
        return OrderingAnswer(tuple(i.id for i in q.items))

    def describe(self, q: Ordering, r: OrderingAnswer, lang: str) -> str:
        texts = {i.id: i.text.get(lang) for i in q.items}
        return " → ".join(texts[i] for i in r.order if i in texts)

    def option_feedback(self, q: Ordering, r: OrderingAnswer, lang: str) -> list[str]:
        return []

    def distractors(self, q: Ordering, lang: str) -> list[tuple[str, str, bool]]:
        return []

    def chosen_keys(self, data: Mapping[str, Any]) -> list[str] | None:
        return []

    def from_record(self, reader: RecordReader, record: MQuestion) -> Question | None:
        q = record
        texts = [reader.text(a.text, q, "an item") for a in q.answers]
        if any(not t for t in texts):
            # Moodle drops blank items when it saves the question.
            texts = [t for t in texts if t]
            reader.report.change(q.line, q.name, M_EMPTY_ITEM_DROPPED)
        if len(texts) < 2:
            reader.report.skip(q.line, q.name, M_ORDERING_ITEMS)
            return None
        grading = q.options.get("gradingtype", "").upper()
        if grading not in ("", "RELATIVE", "RELATIVE_NEXT_EXCLUDE_LAST"):
            reader.report.change(q.line, q.name, M_ORDERING_GRADING, grading)
        select = q.options.get("selecttype", "").upper()
        count = q.options.get("selectcount", "")
        shown = int(count) if count.isdigit() and int(count) > 0 else len(texts)
        if select and select != "ALL" and shown < len(texts):
            reader.report.change(q.line, q.name, M_ORDERING_SUBSET)
        if q.options.get("layouttype", "").upper() == "HORIZONTAL":
            reader.report.note(q.line, q.name, M_ORDERING_LAYOUT)
        if any(a.feedback.text.strip() for a in q.answers):
            reader.report.change(q.line, q.name, M_ITEM_FEEDBACK)
        common = reader.common(q)
        if common is None:
            return None
        ids = reader.ids_for(q, "item_ids", len(texts), lambda i: f"i{i + 1}")
        return Ordering(
            kind=Kind.ORDERING,
            items=tuple(OrderItem(i, reader.loc(t)) for i, t in zip(ids, texts, strict=True)),
            **common,
        )

    def to_records(self, writer: RecordWriter, q: Ordering) -> list[MQuestion]:
        r = writer.base(q, "ordering")
        if writer.gift and q.explanation:
            # GIFT ordering has no general feedback: the comment Moodle ignores keeps it.
            r.meta["explanation"] = q.explanation.get(writer.lang)
        if writer.gift and any("\n" in i.text.get(writer.lang) for i in q.items):
            writer.report.change(q.line, q.id, M_GIFT_ORDERING_TEXT)
        r.answers = [MAnswer(writer.ftext(i.text), 1.0) for i in q.items]
        r.options = {
            "layouttype": "VERTICAL",
            "selecttype": "ALL",
            "selectcount": str(len(q.items)),
            "gradingtype": "RELATIVE_NEXT_EXCLUDE_LAST",
            "showgrading": "SHOW",
        }
        r.meta["item_ids"] = [i.id for i in q.items]
        return [r]


HANDLER = OrderingHandler()
