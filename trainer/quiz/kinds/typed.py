"""What short answer and numerical share: a typed answer and a list of graded answers.

Not a kind of its own. Both kinds store the text exactly as the trainee typed it
(``{"text": "1,5"}``), bounded, and grade it against their answers in order: the
first answer that accepts the text gives the grade and the feedback, as in Moodle.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from trainer.banks.formats.messages import M_NEGATIVE_CREDIT, M_NO_FULL_MARKS
from trainer.banks.model import Kind, LocalizedText, Question, Topic
from trainer.quiz.kinds.base import Answer, BankChecker, KindHandler

if TYPE_CHECKING:
    from trainer.banks.formats.records import MAnswer, MQuestion
    from trainer.banks.yamlsafe import Mark, YMap
    from trainer.quiz.kinds.base import RecordReader

# The longest answer kept (a typed answer is a word, a phrase or a number).
MAX_TYPED = 500
T = TypeVar("T")
# The common fields of a question made only to try its answers on import.
PROBE: dict[str, Any] = {
    "id": "probe",
    "kind": Kind.SHORT_ANSWER,
    "topic": Topic.INDICATORS,
    "text": LocalizedText({"en": "probe"}),
}


def php_trim(text: str) -> str:
    """Moodle trims answers with PHP's trim(): spaces, tabs, line ends, NUL, vertical tab."""
    return text.strip(" \t\n\r\0\x0b")


def normal(text: str) -> str:
    """The typed text as kept: Unicode-normalised (NFC), trimmed, at most MAX_TYPED characters."""
    return php_trim(unicodedata.normalize("NFC", text))[:MAX_TYPED]


@dataclass(frozen=True, slots=True)
class TypedAnswer(Answer):
    """The text a trainee typed, as typed (trimmed)."""

    text: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text}


def stored_text(data: object) -> str | None:
    """The text of a stored typed answer (None: missing, empty or not text)."""
    value = data.get("text") if isinstance(data, dict) else None
    if not isinstance(value, str):
        return None
    return normal(value) or None


def check_fraction(checker: BankChecker, m: YMap, what: str) -> float | None:
    """'fraction': the percentage of the marks an answer earns, 0 to 100 (100 when left out)."""
    if "fraction" not in m:
        return 1.0
    value = m["fraction"]
    mark = checker.where(m, "fraction")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        shown = "nothing" if value is None else repr(value)
        checker.error(mark, f"{what}: 'fraction' must be a percentage from 0 to 100, not {shown}")
        return None
    if not 0 <= value <= 100:
        checker.error(mark, f"{what}: 'fraction' must be from 0 to 100 (percent), not {value:g}")
        return None
    return float(value) / 100


def check_answers(
    checker: BankChecker,
    m: YMap,
    what: str,
    read: Callable[[YMap, str, Mark], T | None],
    fraction: Callable[[T], float],
) -> list[T] | None:
    """Each entry of 'answers' read by ``read``; at least one must earn full marks."""
    seq = checker.sequence(m.get("answers"), checker.where(m, "answers"), f"{what}: 'answers'")
    if seq is None:
        return None
    if not seq:
        checker.error(seq.start, f"{what}: 'answers' lists no accepted answer")
        return None
    out: list[T] = []
    broken = False
    for n, (item, mark) in enumerate(zip(seq, seq.item_marks, strict=True), start=1):
        entry = checker.mapping(item, mark, f"{what}: answer {n}")
        found = read(entry, f"{what}: answer {n}", mark) if entry is not None else None
        if found is None:
            broken = True
        else:
            out.append(found)
    if broken:
        return None
    if not any(fraction(a) >= 1.0 for a in out):
        checker.error(
            seq.start,
            f"{what}: no answer earns full marks (give one answer 'fraction: 100', "
            "or leave 'fraction' out)",
        )
        return None
    return out


def answer_fraction(reader: RecordReader, q: MQuestion, a: MAnswer) -> float:
    """A Moodle answer's grade as ours (0 to 1); a negative grade becomes 0 (reported)."""
    if a.fraction < 0:
        reader.report.change(q.line, q.name, M_NEGATIVE_CREDIT, f"{a.fraction * 100:g}")
        return 0.0
    return min(1.0, a.fraction)


def has_full_marks(reader: RecordReader, q: MQuestion, fractions: list[float]) -> bool:
    if any(f >= 0.99999 for f in fractions):
        return True
    reader.report.skip(q.line, q.name, M_NO_FULL_MARKS)
    return False


def feedback_of(reader: RecordReader, q: MQuestion, a: MAnswer) -> LocalizedText | None:
    text = reader.text(a.feedback, q, "answer feedback")
    return reader.loc(text) if text else None


TQ = TypeVar("TQ", bound=Question)
TA = TypeVar("TA", bound=TypedAnswer)


class TypedHandler(KindHandler[TQ, TA]):
    """What the two typed kinds share: the answer is its text, there are no options to
    count as distractors, and item analysis groups typed answers by their words."""

    def describe(self, q: TQ, r: TA, lang: str) -> str:
        return r.text

    def distractors(self, q: TQ, lang: str) -> list[tuple[str, str, bool]]:
        return []

    def chosen_keys(self, data: Mapping[str, Any]) -> list[str] | None:
        text = stored_text(data)
        return None if text is None else [" ".join(text.split())]
