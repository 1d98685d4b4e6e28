"""Small banks for review tests, written as JSON (which is YAML) so lines are predictable."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from trainer.banks.loader import load_bank_bytes
from trainer.banks.model import Bank
from trainer.banks.review.engine import BankReview, Finding, review_banks
from trainer.banks.review.rules import Rule


def text(en: str, fr: str | None = None) -> dict[str, str]:
    return {"en": en, "fr": en if fr is None else fr}


def sc(
    qid: str,
    stem: str | dict[str, str],
    options: Sequence[str | tuple[str, str]],
    key: int = 0,
    **extra: Any,
) -> dict[str, Any]:
    """A single-choice question; ``key`` is the index of the right option."""
    opts = [
        {"id": "abcdefgh"[i], "text": text(*o) if isinstance(o, tuple) else text(o)}
        for i, o in enumerate(options)
    ]
    return {
        "id": qid,
        "kind": "single_choice",
        "topic": "indicators",
        "difficulty": 1,
        "text": stem if isinstance(stem, dict) else text(stem),
        "options": opts,
        "key": opts[key]["id"],
        "explanation": text("Because the Protocol says so."),
        "source": {"id": "s", "locator": "p. 1"},
    } | extra


def mr(qid: str, options: int = 4, right: int = 2, **extra: Any) -> dict[str, Any]:
    q = sc(qid, f"Which apply in case {qid}?", [f"Answer {qid} {c}" for c in "abcdefgh"[:options]])
    q["kind"] = "multiple_response"
    q["key"] = list("abcdefgh"[:right])
    return q | extra


def tf(qid: str, stem: str | dict[str, str], **extra: Any) -> dict[str, Any]:
    return {
        "id": qid,
        "kind": "true_false",
        "topic": "indicators",
        "difficulty": 1,
        "text": stem if isinstance(stem, dict) else text(stem),
        "key": True,
        "explanation": text("Because the Protocol says so."),
        "source": {"id": "s", "locator": "p. 1"},
    } | extra


def bank_data(*questions: dict[str, Any], bank_id: str = "t", **top: Any) -> dict[str, Any]:
    return {
        "format": 1,
        "id": bank_id,
        "version": "1",
        "languages": ["en", "fr"],
        "title": text("Test bank", "Banque de test"),
        "audiences": ["police"],
        "topics": ["indicators"],
        "sources": [{"id": "s", "title": text("Source")}],
        "modules": [{"id": f"{bank_id}-m", "title": text("Module")}],
        "questions": list(questions),
    } | top


def dump(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def bank(*questions: dict[str, Any], bank_id: str = "t", **top: Any) -> Bank:
    return load_bank_bytes(dump(bank_data(*questions, bank_id=bank_id, **top)), f"{bank_id}.yaml")


def write(path: Path, *questions: dict[str, Any], **top: Any) -> Path:
    path.write_bytes(dump(bank_data(*questions, **top)))
    return path


def review(b: Bank, library: list[Bank] | None = None) -> BankReview:
    return review_banks([b], library=library or [])[0]


def found(b: Bank, rule: Rule) -> list[Finding]:
    return [f for f in review(b).findings if f.rule is rule]
