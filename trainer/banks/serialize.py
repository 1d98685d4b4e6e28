"""Model ⇄ plain data in the bank file's own shape (for YAML export and attempt snapshots)."""

from __future__ import annotations

from typing import Any

from trainer.banks.model import (
    FORMAT_VERSION,
    Audience,
    Bank,
    Kind,
    Module,
    Question,
    SourceRef,
    Topic,
)
from trainer.quiz.kinds import HANDLERS, handler
from trainer.quiz.kinds.base import picture_data, picture_from_data, text_data
from trainer.quiz.kinds.base import to_opt_text as _opt_text
from trainer.quiz.kinds.base import to_text as _text

__all__ = ["bank_to_data", "module_to_data", "question_from_data", "question_to_data", "text_data"]


def _ref(ref: SourceRef) -> dict[str, str]:
    return {"id": ref.source_id, "locator": ref.locator}


def question_to_data(q: Question) -> dict[str, Any]:
    data: dict[str, Any] = {"id": q.id, "kind": q.kind.value, "topic": q.topic.value}
    if q.tags:
        data["tags"] = list(q.tags)
    if q.audiences:
        data["audiences"] = [a.value for a in q.audiences]
    data["difficulty"] = q.difficulty
    data["text"] = text_data(q.text)
    if q.image is not None:
        data["image"] = picture_data(q.image)
    data.update(handler(q).to_data(q))
    if q.explanation:
        data["explanation"] = text_data(q.explanation)
    if q.source:
        data["source"] = _ref(q.source)
    if q.see_also:
        data["see_also"] = [_ref(r) for r in q.see_also]
    return data


def _refd(value: Any) -> SourceRef:
    return SourceRef(value["id"], value["locator"])


def question_from_data(data: dict[str, Any]) -> Question:
    """Rebuild a question from trusted data (a snapshot this program wrote)."""
    kind = Kind(data["kind"])
    common: dict[str, Any] = {
        "id": data["id"],
        "kind": kind,
        "topic": Topic(data["topic"]),
        "tags": tuple(data.get("tags") or ()),
        "audiences": tuple(Audience(a) for a in data.get("audiences") or ()),
        "difficulty": int(data.get("difficulty", 1)),
        "text": _text(data["text"]),
        "explanation": _opt_text(data.get("explanation")),
        "source": _refd(data["source"]) if data.get("source") else None,
        "see_also": tuple(_refd(r) for r in data.get("see_also") or ()),
        "image": picture_from_data(data.get("image")),
    }
    question: Question = HANDLERS[kind].from_data(data, common)
    return question


def module_to_data(m: Module) -> dict[str, Any]:
    data: dict[str, Any] = {"id": m.id, "title": text_data(m.title)}
    if m.description:
        data["description"] = text_data(m.description)
    data["audiences"] = [a.value for a in m.audiences]
    pool: dict[str, Any] = {}
    if m.pool.topics:
        pool["topics"] = sorted(t.value for t in m.pool.topics)
    if m.pool.tags:
        pool["tags"] = sorted(m.pool.tags)
    if m.pool.ids:
        pool["ids"] = sorted(m.pool.ids)
    if pool:
        data["questions"] = pool
    if m.draw:
        data["draw"] = [
            {"topic": r.topic.value, "count": r.count}
            if r.topic
            else {"tag": r.tag, "count": r.count}
            for r in m.draw
        ]
    data["pass_mark"] = int(m.pass_mark) if float(m.pass_mark).is_integer() else m.pass_mark
    data["time_limit"] = m.time_limit_minutes
    data["shuffle"] = m.shuffle
    data["training_hours"] = m.training_hours
    data["review"] = m.review.value
    return data


def bank_to_data(bank: Bank) -> dict[str, Any]:
    """The whole bank in its file shape, ready for ``yaml.safe_dump``."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": bank.id,
        "version": bank.version,
        "languages": list(bank.languages),
        "title": text_data(bank.title),
    }
    if bank.description:
        data["description"] = text_data(bank.description)
    if bank.law_as_of is not None:
        data["law_as_of"] = bank.law_as_of.isoformat()
    data["audiences"] = [a.value for a in bank.audiences]
    data["topics"] = [t.value for t in bank.topics]
    if bank.tags:
        data["tags"] = list(bank.tags)
    sources = []
    for s in bank.sources.values():
        sd: dict[str, Any] = {"id": s.id, "title": text_data(s.title)}
        if s.year is not None:
            sd["year"] = s.year
        if s.url:
            sd["url"] = s.url
        sources.append(sd)
    data["sources"] = sources
    data["modules"] = [module_to_data(m) for m in bank.modules]
    data["questions"] = [question_to_data(q) for q in bank.questions]
    return data
