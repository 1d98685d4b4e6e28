"""Matching: each prompt is matched with one of the choices.

Answer: ``{"pairs": {"p1": "act", "p2": "means"}}``; partial credit: the share of
prompts matched correctly.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from trainer.banks.formats.messages import (
    M_ANSWER_NO_TEXT,
    M_MATCH_PAIRS,
    M_ONE_CHOICE,
    M_SUBQUESTION_NO_TEXT,
)
from trainer.banks.formats.records import FText, MPair
from trainer.banks.model import Kind, MatchChoice, Matching, MatchPrompt, Question
from trainer.banks.yamlsafe import YSeq
from trainer.quiz.kinds.base import (
    Answer,
    BankChecker,
    Grade,
    KindHandler,
    Layout,
    RecordReader,
    RecordWriter,
    str_map,
    text_data,
    to_text,
)

if TYPE_CHECKING:
    from trainer.banks.formats.records import MQuestion
    from trainer.banks.yamlsafe import Mark, YMap

__all__ = ["HANDLER", "Matching", "MatchingAnswer", "MatchingHandler"]


@dataclass(frozen=True, slots=True, eq=False)
class MatchingAnswer(Answer):
    """(prompt id, choice id) pairs in the order given; equal whatever that order."""

    pairs: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, pairs: Mapping[str, str] | Iterable[tuple[str, str]]) -> MatchingAnswer:
        items = pairs.items() if isinstance(pairs, Mapping) else pairs
        return cls(tuple(items))

    def chosen(self) -> dict[str, str]:
        return dict(self.pairs)

    def to_json(self) -> dict[str, Any]:
        return {"pairs": self.chosen()}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MatchingAnswer) and self.chosen() == other.chosen()

    def __hash__(self) -> int:
        return hash(frozenset(self.pairs))


class MatchingHandler(KindHandler[Matching, MatchingAnswer]):
    kind = Kind.MATCHING
    model = Matching
    response_type = MatchingAnswer
    yaml_keys: ClassVar[Mapping[str, bool]] = {"prompts": True, "choices": True}
    moodle_types = ("match",)

    def build(
        self,
        checker: BankChecker,
        m: YMap,
        what: str,
        common: dict[str, Any],
        ids: dict[str, Mark],
    ) -> Matching | None:
        choices = checker.id_text_list(m, "choices", what, {})
        prompts = checker.id_text_list(m, "prompts", what, {"match": True})
        if isinstance(m.get("prompts"), YSeq) and len(m["prompts"]) < 2:
            checker.error(checker.where(m, "prompts"), f"{what}: matching needs at least 2 prompts")
            return None
        if isinstance(m.get("choices"), YSeq) and len(m["choices"]) < 2:
            checker.error(checker.where(m, "choices"), f"{what}: matching needs at least 2 choices")
            return None
        choice_ids = {c for _, c, _ in choices}
        built: list[MatchPrompt] = []
        for entry, pid, text in prompts:
            match = checker.scalar(entry, "match", str, f"{what}: prompt '{pid}'")
            if match is None:
                continue
            if match not in choice_ids:
                checker.error(
                    checker.where(entry, "match"),
                    f"{what}: prompt '{pid}' matches '{match}', which names no choice",
                )
                continue
            built.append(MatchPrompt(pid, text, match))
        if len(built) != len(prompts) or len(built) < 2 or len(choices) < 2:
            return None
        return Matching(
            prompts=tuple(built), choices=tuple(MatchChoice(c, t) for _, c, t in choices), **common
        )

    def to_data(self, q: Matching) -> dict[str, Any]:
        return {
            "prompts": [
                {"id": p.id, "text": text_data(p.text), "match": p.match} for p in q.prompts
            ],
            "choices": [{"id": c.id, "text": text_data(c.text)} for c in q.choices],
        }

    def from_data(self, data: Mapping[str, Any], common: dict[str, Any]) -> Matching:
        return Matching(
            prompts=tuple(
                MatchPrompt(p["id"], to_text(p["text"]), p["match"]) for p in data["prompts"]
            ),
            choices=tuple(MatchChoice(c["id"], to_text(c["text"])) for c in data["choices"]),
            **common,
        )

    def layout(self, q: Matching, rng: random.Random, shuffle: bool) -> Layout:
        prompts = [p.id for p in q.prompts]
        choices = [c.id for c in q.choices]
        if shuffle:
            rng.shuffle(prompts)
            rng.shuffle(choices)
        return {"prompts": prompts, "choices": choices}

    def response_from_json(self, q: Matching, data: object) -> MatchingAnswer | None:
        pairs = str_map(data.get("pairs") if isinstance(data, dict) else None)
        return MatchingAnswer.of(pairs) if pairs else None

    def clean(self, q: Matching, r: MatchingAnswer) -> MatchingAnswer | None:
        pairs = tuple((p, c) for p, c in r.pairs if c)
        return MatchingAnswer(pairs) if pairs else None

    def is_complete(self, q: Matching, r: MatchingAnswer) -> bool:
        pairs = r.chosen()
        return all(pairs.get(p.id) for p in q.prompts)

    def grade(self, q: Matching, r: MatchingAnswer | None) -> Grade:
        pairs = r.chosen() if r is not None else {}
        good = sum(1 for p in q.prompts if pairs.get(p.id) == p.match)
        return Grade.of(good / len(q.prompts))

    def correct_response(self, q: Matching) -> MatchingAnswer:
        return MatchingAnswer(tuple((p.id, p.match) for p in q.prompts))

    def describe(self, q: Matching, r: MatchingAnswer, lang: str) -> str:
        prompts = {p.id: p.text.get(lang) for p in q.prompts}
        choices = {c.id: c.text.get(lang) for c in q.choices}
        return "; ".join(
            f"{prompts[p]} = {choices.get(c, '')}"
            for p, c in r.chosen().items()
            if p in prompts and c
        )

    def option_feedback(self, q: Matching, r: MatchingAnswer, lang: str) -> list[str]:
        return []

    def distractors(self, q: Matching, lang: str) -> list[tuple[str, str, bool]]:
        return []

    def chosen_keys(self, data: Mapping[str, Any]) -> list[str] | None:
        return []

    def from_record(self, reader: RecordReader, record: MQuestion) -> Question | None:
        q = record
        # Moodle drops a pair with neither a sub-question nor an answer.
        pairs = [p for p in q.pairs if p.question.text.strip() or p.answer.strip()]
        prompts = [p for p in pairs if p.question.text]
        if len(prompts) < 2:
            reader.report.skip(q.line, q.name, M_MATCH_PAIRS)
            return None
        answers = list(dict.fromkeys(p.answer for p in pairs))
        if any(not a for a in answers):
            reader.report.skip(q.line, q.name, M_ANSWER_NO_TEXT)
            return None
        if len(answers) < 2:
            reader.report.skip(q.line, q.name, M_ONE_CHOICE, answers[0])
            return None
        prompt_texts = [reader.text(p.question, q, "a sub-question") for p in prompts]
        if any(not t for t in prompt_texts):
            reader.report.skip(q.line, q.name, M_SUBQUESTION_NO_TEXT)
            return None
        common = reader.common(q)
        if common is None:
            return None
        choice_ids = reader.ids_for(q, "choice_ids", len(answers), lambda i: f"c{i + 1}")
        prompt_ids = reader.ids_for(q, "prompt_ids", len(prompts), lambda i: f"p{i + 1}")
        by_text = dict(zip(answers, choice_ids, strict=True))
        choices = [
            MatchChoice(cid, reader.loc(a)) for cid, a in zip(choice_ids, answers, strict=True)
        ]
        order = q.meta.get("choice_order")
        if isinstance(order, list) and sorted(map(str, order)) == sorted(choice_ids):
            choices.sort(key=lambda c: order.index(c.id))
        return Matching(
            kind=Kind.MATCHING,
            prompts=tuple(
                MatchPrompt(pid, reader.loc(text), by_text[p.answer])
                for pid, text, p in zip(prompt_ids, prompt_texts, prompts, strict=True)
            ),
            choices=tuple(choices),
            **common,
        )

    def to_records(self, writer: RecordWriter, q: Matching) -> list[MQuestion]:
        r = writer.base(q, "match")
        choices = {c.id: c for c in q.choices}
        r.pairs = [
            MPair(writer.ftext(p.text), choices[p.match].text.get(writer.lang)) for p in q.prompts
        ]
        used = {p.match for p in q.prompts}
        r.pairs += [
            MPair(FText("", r.text.format), c.text.get(writer.lang))
            for c in q.choices
            if c.id not in used
        ]
        r.meta["prompt_ids"] = [p.id for p in q.prompts]
        r.meta["choice_ids"] = list(
            dict.fromkeys([*(p.match for p in q.prompts), *(c.id for c in q.choices)])
        )
        r.meta["choice_order"] = [c.id for c in q.choices]
        return [r]


HANDLER = MatchingHandler()
