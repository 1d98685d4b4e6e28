"""Shared checks for the GIFT and Moodle XML tests."""

from __future__ import annotations

from typing import Any

from trainer.banks import serialize
from trainer.banks.formats import gift, moodle_xml
from trainer.banks.formats.records import MQuestion
from trainer.banks.model import Bank


def one_language(value: Any, lang: str) -> Any:
    """Question data with every localized text reduced to ``lang``."""
    if isinstance(value, dict):
        if value and set(value) <= {"en", "fr", "rn"}:
            return value[lang]
        return {k: one_language(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [one_language(v, lang) for v in value]
    return value


def questions_by_id(bank: Bank, lang: str) -> dict[str, Any]:
    return {q.id: one_language(serialize.question_to_data(q), lang) for q in bank.questions}


def gift_records(data: bytes, path: str) -> list[MQuestion]:
    """Every record of a GIFT text, as a list."""
    return list(gift.iter_gift(data, path))


def moodle_xml_records(data: bytes, path: str) -> list[MQuestion]:
    """Every record of a Moodle XML text, as a list."""
    return list(moodle_xml.iter_moodle_xml(data, path))
