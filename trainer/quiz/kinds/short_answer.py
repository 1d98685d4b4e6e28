"""Short answer: the trainee types a word or a phrase, graded against accepted answers.

Answer: ``{"text": "forced labour"}`` (as typed, trimmed). Grading follows Moodle's
short answer: the whole typed text (trimmed, Unicode-normalised) is compared with each
accepted answer in turn, case-insensitively unless the question is case sensitive;
``*`` in an accepted answer matches any run of characters and ``\\*`` a star. The
first accepted answer that matches gives its share of the marks and its feedback; no
match earns nothing. An accepted answer is given per language and any language's
text is accepted.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from trainer.banks.formats.messages import M_FULL_MARKS_CAUGHT, M_GIFT_CASE
from trainer.banks.formats.records import PLAIN, FText, MAnswer
from trainer.banks.model import AcceptedAnswer, Kind, LocalizedText, Question, ShortAnswer
from trainer.quiz.kinds.base import (
    BankChecker,
    Grade,
    Layout,
    RecordReader,
    RecordWriter,
    text_data,
    to_opt_text,
    to_text,
)
from trainer.quiz.kinds.typed import (
    MAX_TYPED,
    PROBE,
    TypedAnswer,
    TypedHandler,
    answer_fraction,
    check_answers,
    check_fraction,
    feedback_of,
    has_full_marks,
    normal,
    php_trim,
    stored_text,
)

if TYPE_CHECKING:
    from trainer.banks.formats.records import MQuestion
    from trainer.banks.yamlsafe import Mark, YMap

__all__ = [
    "HANDLER",
    "ShortAnswer",
    "ShortAnswerAnswer",
    "ShortAnswerHandler",
    "matches",
    "matching_answer",
]

ANSWER_KEYS = {"text": True, "fraction": False, "feedback": False}
_STARS = re.compile(r"(?<!\\)\*+")


class ShortAnswerAnswer(TypedAnswer):
    """The text the trainee typed."""

    __slots__ = ()


def _pattern(accepted: str, case_sensitive: bool) -> re.Pattern[str]:
    bits = _STARS.split(unicodedata.normalize("NFC", accepted))
    body = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.compile(body, 0 if case_sensitive else re.IGNORECASE)


def matches(typed: str, accepted: str, case_sensitive: bool) -> bool:
    """Moodle's compare_string_with_wildcard: the whole trimmed text against the pattern."""
    return _pattern(accepted, case_sensitive).fullmatch(normal(typed)) is not None


def matching_answer(q: ShortAnswer, typed: str) -> AcceptedAnswer | None:
    """The first accepted answer the typed text matches, in any of its languages."""
    for accepted in q.answers:
        variants = dict.fromkeys(accepted.text.values.values())
        if any(matches(typed, v, q.case_sensitive) for v in variants):
            return accepted
    return None


def example(accepted: str) -> str:
    """A text the accepted answer matches: its wildcards left out, its ``\\*`` a star."""
    return php_trim("".join(bit.replace("\\*", "*") for bit in _STARS.split(accepted)))


def full_marks_text(q: ShortAnswer) -> str | None:
    """A text that earns full marks: a full-marks answer without its wildcards, unless an
    earlier answer catches it first (None: no text can earn full marks)."""
    for a in q.answers:
        if a.fraction < 1.0:
            continue
        for text in a.text.values.values():
            candidate = example(text)
            found = matching_answer(q, candidate) if candidate else None
            if found is not None and found.fraction >= 1.0:
                return candidate
    return None


class ShortAnswerHandler(TypedHandler[ShortAnswer, ShortAnswerAnswer]):
    kind = Kind.SHORT_ANSWER
    model = ShortAnswer
    response_type = ShortAnswerAnswer
    yaml_keys: ClassVar[Mapping[str, bool]] = {"answers": True, "case_sensitive": False}
    moodle_types = ("shortanswer",)

    # -- the bank file -------------------------------------------------------------------
    def build(
        self,
        checker: BankChecker,
        m: YMap,
        what: str,
        common: dict[str, Any],
        ids: dict[str, Mark],
    ) -> ShortAnswer | None:
        case = checker.scalar(m, "case_sensitive", bool, what, False)

        def read(a: YMap, awhat: str, mark: Mark) -> AcceptedAnswer | None:
            checker.keys(a, ANSWER_KEYS, awhat)
            text = self._accepted_text(checker, a, awhat)
            fraction = check_fraction(checker, a, awhat)
            feedback = checker.text(a, "feedback", awhat, required=False)
            if text is None or fraction is None:
                return None
            return AcceptedAnswer(text, fraction, feedback)

        answers = check_answers(checker, m, what, read, lambda a: a.fraction)
        if answers is None:
            return None
        q = ShortAnswer(answers=tuple(answers), case_sensitive=bool(case), **common)
        if full_marks_text(q) is None:
            checker.error(
                checker.where(m, "answers"),
                f"{what}: no typed answer can earn full marks: an answer earning full marks "
                "must hold more than '*', and no earlier answer may catch it first "
                "(answers are tried in order)",
            )
            return None
        return q

    @staticmethod
    def _accepted_text(checker: BankChecker, a: YMap, what: str) -> LocalizedText | None:
        """'text': one text for every language (a name, a number) or a text per language."""
        value = a.get("text")
        if isinstance(value, str):
            mark = checker.where(a, "text")
            if not php_trim(value):
                checker.error(mark, f"{what}: 'text' is empty")
                return None
            if len(value) > MAX_TYPED:
                checker.error(mark, f"{what}: 'text' is longer than {MAX_TYPED} characters")
                return None
            return LocalizedText(dict.fromkeys(checker.languages, php_trim(value)))
        if value is not None and not isinstance(value, dict):
            checker.error(
                checker.where(a, "text"), f"{what}: 'text' must be text or a text per language"
            )
            return None
        return checker.text(a, "text", what)

    def to_data(self, q: ShortAnswer) -> dict[str, Any]:
        answers = []
        for a in q.answers:
            texts = set(a.text.values.values())
            entry: dict[str, Any] = {
                "text": next(iter(texts)) if len(texts) == 1 else text_data(a.text)
            }
            if a.fraction != 1.0:
                entry["fraction"] = round(a.fraction * 100, 5)
            if a.feedback:
                entry["feedback"] = text_data(a.feedback)
            answers.append(entry)
        data: dict[str, Any] = {"answers": answers}
        if q.case_sensitive:
            data["case_sensitive"] = True
        return data

    def from_data(self, data: Mapping[str, Any], common: dict[str, Any]) -> ShortAnswer:
        languages = common["text"].languages()
        answers = []
        for a in data["answers"]:
            text = a["text"]
            answers.append(
                AcceptedAnswer(
                    LocalizedText(dict.fromkeys(sorted(languages), text))
                    if isinstance(text, str)
                    else to_text(text),
                    float(a.get("fraction", 100)) / 100,
                    to_opt_text(a.get("feedback")),
                )
            )
        return ShortAnswer(
            answers=tuple(answers), case_sensitive=bool(data.get("case_sensitive")), **common
        )

    # -- answering -----------------------------------------------------------------------
    def layout(self, q: ShortAnswer, rng: random.Random, shuffle: bool) -> Layout:
        return {}

    def response_from_json(self, q: ShortAnswer, data: object) -> ShortAnswerAnswer | None:
        text = stored_text(data)
        return ShortAnswerAnswer(text) if text is not None else None

    def clean(self, q: ShortAnswer, r: ShortAnswerAnswer) -> ShortAnswerAnswer | None:
        text = normal(r.text)
        return ShortAnswerAnswer(text) if text else None

    def is_complete(self, q: ShortAnswer, r: ShortAnswerAnswer) -> bool:
        return bool(normal(r.text))

    def grade(self, q: ShortAnswer, r: ShortAnswerAnswer | None) -> Grade:
        found = matching_answer(q, r.text) if r is not None and normal(r.text) else None
        return Grade.of(found.fraction if found is not None else 0.0)

    def correct_response(self, q: ShortAnswer) -> ShortAnswerAnswer:
        right = full_marks_text(q)
        if right is None:  # pragma: no cover - the loader and the import refuse such questions
            raise ValueError(f"question {q.id}: no typed answer earns full marks")
        return ShortAnswerAnswer(right)

    def option_feedback(self, q: ShortAnswer, r: ShortAnswerAnswer, lang: str) -> list[str]:
        found = matching_answer(q, r.text)
        return [found.feedback.get(lang)] if found is not None and found.feedback else []

    # -- item analysis ---------------------------------------------------------------------
    def typed_credit(self, q: ShortAnswer, key: str) -> float | None:
        found = matching_answer(q, key)
        return found.fraction if found is not None else 0.0

    # -- GIFT / Moodle XML -----------------------------------------------------------------
    def from_record(self, reader: RecordReader, record: MQuestion) -> Question | None:
        q = record
        answers: list[AcceptedAnswer] = []
        for a in q.answers:
            text = php_trim(a.text.text)
            if not text:
                continue  # Moodle leaves blank answers out too
            answers.append(
                AcceptedAnswer(
                    reader.loc(text), answer_fraction(reader, q, a), feedback_of(reader, q, a)
                )
            )
        if not has_full_marks(reader, q, [a.fraction for a in answers]):
            return None
        case = q.options.get("usecase", "0").strip() == "1"
        if (
            full_marks_text(ShortAnswer(**PROBE, answers=tuple(answers), case_sensitive=case))
            is None
        ):
            reader.report.skip(q.line, q.name, M_FULL_MARKS_CAUGHT)
            return None
        common = reader.common(q)
        if common is None:
            return None
        return ShortAnswer(
            kind=Kind.SHORT_ANSWER, answers=tuple(answers), case_sensitive=case, **common
        )

    def to_records(self, writer: RecordWriter, q: ShortAnswer) -> list[MQuestion]:
        r = writer.base(q, "shortanswer")
        r.options["usecase"] = "1" if q.case_sensitive else "0"
        if q.case_sensitive and writer.gift:
            writer.report.change(q.line, q.id, M_GIFT_CASE)
        qfmt = r.text.format
        r.answers = [
            MAnswer(
                FText(a.text.get(writer.lang), qfmt if writer.gift else PLAIN),
                writer.grade(q, a.fraction),
                writer.ftext(a.feedback),
            )
            for a in q.answers
        ]
        return [r]


HANDLER = ShortAnswerHandler()
