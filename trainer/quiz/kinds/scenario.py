"""Scenario: a case followed by two or more questions of the other kinds (its parts).

Answer: ``{"parts": {"<part id>": <answer to that part>}}``; the mark is the sum of
the parts' marks.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from trainer.banks.formats.messages import M_SCENARIO_WRITTEN
from trainer.banks.model import Audience, Kind, Question, Scenario, SourceRef, Topic
from trainer.banks.yamlsafe import YSeq
from trainer.quiz import kinds as registry
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

__all__ = ["HANDLER", "Scenario", "ScenarioAnswer", "ScenarioHandler"]


@dataclass(frozen=True, slots=True, eq=False)
class ScenarioAnswer(Answer):
    """(part id, answer to that part) pairs; equal whatever their order."""

    parts: tuple[tuple[str, Answer], ...]

    @classmethod
    def of(cls, parts: Mapping[str, Answer] | Iterable[tuple[str, Answer]]) -> ScenarioAnswer:
        items = parts.items() if isinstance(parts, Mapping) else parts
        return cls(tuple(items))

    def part(self, part_id: str) -> Answer | None:
        return next((r for pid, r in self.parts if pid == part_id), None)

    def to_json(self) -> dict[str, Any]:
        return {"parts": {pid: r.to_json() for pid, r in self.parts}}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScenarioAnswer) and dict(self.parts) == dict(other.parts)

    def __hash__(self) -> int:
        return hash(frozenset(self.parts))


def check_parts(checker: BankChecker, m: YMap, what: str, ids: dict[str, Mark]) -> list[Question]:
    seq = checker.sequence(m.get("parts"), checker.where(m, "parts"), f"{what}: 'parts'")
    parts: list[Question] = []
    for item, mark in zip(seq or [], (seq.item_marks if seq else []), strict=True):
        part = checker.question(item, mark, ids, parent=m)
        if part is not None:
            parts.append(part)
    if seq is not None and len(seq) < 2:
        checker.error(seq.start, f"{what}: a scenario needs at least 2 parts")
    return parts


class ScenarioHandler(KindHandler[Scenario, ScenarioAnswer]):
    kind = Kind.SCENARIO
    model = Scenario
    response_type = ScenarioAnswer
    yaml_keys: ClassVar[Mapping[str, bool]] = {"title": False, "parts": True}
    # the parts carry the explanations and sources
    optional_common_keys = frozenset({"explanation", "source"})
    may_be_part = False
    # a description record starts a scenario; the records after it are its parts
    moodle_types = ("description",)

    def build(
        self,
        checker: BankChecker,
        m: YMap,
        what: str,
        common: dict[str, Any],
        ids: dict[str, Mark],
    ) -> Scenario | None:
        title = checker.text(m, "title", what, required=False)
        seq = m.get("parts")
        parts = check_parts(checker, m, what, ids)
        if not isinstance(seq, YSeq) or len(parts) != len(seq) or len(parts) < 2:
            return None
        return Scenario(title=title, parts=tuple(parts), **common)

    def salvage(self, checker: BankChecker, m: YMap, what: str, ids: dict[str, Mark]) -> None:
        # a broken scenario's parts are still checked, so their problems are reported too
        if "parts" in m:
            check_parts(checker, m, what, ids)

    def to_data(self, q: Scenario) -> dict[str, Any]:
        from trainer.banks.serialize import question_to_data

        data: dict[str, Any] = {}
        if q.title:
            data["title"] = text_data(q.title)
        data["parts"] = [question_to_data(p) for p in q.parts]
        return data

    def from_data(self, data: Mapping[str, Any], common: dict[str, Any]) -> Scenario:
        from trainer.banks.serialize import question_from_data

        return Scenario(
            title=to_opt_text(data.get("title")),
            parts=tuple(question_from_data(p) for p in data["parts"]),
            **common,
        )

    def layout(self, q: Scenario, rng: random.Random, shuffle: bool) -> Layout:
        return {"parts": {p.id: registry.make_layout(p, rng, shuffle) for p in q.parts}}

    def response_from_json(self, q: Scenario, data: object) -> ScenarioAnswer | None:
        given = data.get("parts") if isinstance(data, dict) else None
        if not isinstance(given, dict):
            return None
        parts = [
            (p.id, r)
            for p in q.parts
            if (r := registry.response_from_json(p, given.get(p.id))) is not None
        ]
        return ScenarioAnswer(tuple(parts)) if parts else None

    def clean(self, q: Scenario, r: ScenarioAnswer) -> ScenarioAnswer | None:
        parts = [
            (p.id, cleaned)
            for p in q.parts
            if (cleaned := registry.clean(p, r.part(p.id))) is not None
        ]
        return ScenarioAnswer(tuple(parts)) if parts else None

    def is_complete(self, q: Scenario, r: ScenarioAnswer) -> bool:
        return all(registry.is_complete(p, r.part(p.id)) for p in q.parts)

    def grade(self, q: Scenario, r: ScenarioAnswer | None) -> Grade:
        earned = sum(
            registry.grade(p, r.part(p.id) if r is not None else None).fraction * p.max_mark
            for p in q.parts
        )
        return Grade.of(earned / q.max_mark)

    def correct_response(self, q: Scenario) -> ScenarioAnswer:
        return ScenarioAnswer(tuple((p.id, registry.correct_response(p)) for p in q.parts))

    def describe(self, q: Scenario, r: ScenarioAnswer, lang: str) -> str:
        return " | ".join(
            f"{i}. {registry.describe(p, r.part(p.id), lang)}" for i, p in enumerate(q.parts, 1)
        )

    def option_feedback(self, q: Scenario, r: ScenarioAnswer, lang: str) -> list[str]:
        out: list[str] = []
        for p in q.parts:
            out.extend(registry.option_feedback(p, r.part(p.id), lang))
        return out

    def distractors(self, q: Scenario, lang: str) -> list[tuple[str, str, bool]]:
        return []

    def chosen_keys(self, data: Mapping[str, Any]) -> list[str] | None:
        return []

    def from_record(self, reader: RecordReader, record: MQuestion) -> Question | None:
        reader.start_scenario(record)
        return None

    def assemble(
        self,
        reader: RecordReader,
        description: MQuestion,
        qid: str,
        text: str,
        topic: Topic,
        parts: list[Question],
    ) -> Scenario:
        """The scenario a description record and the records after it make on import."""
        meta = description.meta
        explanation = reader.text(description.general_feedback, description, "general feedback")
        title = meta.get("title")
        source = meta.get("source")
        return Scenario(
            id=qid,
            kind=Kind.SCENARIO,
            topic=topic,
            tags=tuple(str(t) for t in meta.get("tags", [])),
            audiences=tuple(
                Audience(a) for a in meta.get("audiences", []) if a in {x.value for x in Audience}
            ),
            difficulty=meta.get("difficulty", 1) if meta.get("difficulty") in (1, 2, 3) else 1,
            text=reader.loc(text),
            explanation=reader.loc(explanation) if explanation else None,
            source=SourceRef(str(source["id"]), str(source["locator"]))
            if isinstance(source, dict)
            else None,
            title=reader.loc(str(title)) if title else None,
            parts=tuple(parts),
            line=description.line,
        )

    def to_records(self, writer: RecordWriter, q: Scenario) -> list[MQuestion]:
        parts = [r for p in q.parts for r in registry.to_records(writer, p)]
        # Each part's idnumber names the scenario and its place: Moodle keeps idnumbers
        # when it sorts a category by question type, so the import finds the parts again.
        for position, record in enumerate(parts, start=1):
            record.idnumber = f"{q.id}/{position}"
        desc = writer.base(q, "description")
        if q.title:
            desc.meta["title"] = q.title.get(writer.lang)
        writer.report.note(q.line, q.id, M_SCENARIO_WRITTEN, str(len(parts)))
        return [desc, *parts]


HANDLER = ScenarioHandler()
