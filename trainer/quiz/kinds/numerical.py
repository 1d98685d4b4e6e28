"""Numerical: the trainee types a number (and, if the question has units, a unit).

Answer: ``{"text": "1,5"}`` (as typed, trimmed). The number may use a decimal comma
or point ("1,5", "1.5"), spaces, non-breaking or thin spaces between groups of three
digits ("1 500"), a sign and an exponent. A unit the question lists may follow the
number (or come before it); the number is then divided by the unit's multiplier.

Grading follows Moodle's numerical question with absolute tolerance: the first answer
whose interval value ± tolerance holds the number gives its share of the marks and
its feedback; an answer of ``*`` holds any number. When the question has units and a
unit penalty, an answer typed without a unit loses that share of its credit. Text
that is not a number, or a unit the question does not list, is not an answer at all
(``reading`` says why, and the input says it to the trainee).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from trainer.banks.formats.messages import (
    M_FULL_MARKS_CAUGHT,
    M_GIFT_UNITS,
    M_NUMBER_BAD,
    M_UNIT_BAD,
    M_UNIT_GRADING,
    M_UNITS_CHOSEN,
)
from trainer.banks.formats.records import PLAIN, FText, MAnswer, MUnit
from trainer.banks.model import Kind, Numerical, NumericAnswer, Question, Unit
from trainer.quiz.kinds.base import (
    BankChecker,
    Grade,
    Layout,
    RecordReader,
    RecordWriter,
    text_data,
    to_opt_text,
)
from trainer.quiz.kinds.typed import (
    PROBE,
    TypedAnswer,
    TypedHandler,
    answer_fraction,
    check_answers,
    check_fraction,
    feedback_of,
    has_full_marks,
    normal,
    stored_text,
)

if TYPE_CHECKING:
    from trainer.banks.formats.records import MQuestion
    from trainer.banks.yamlsafe import Mark, YMap

__all__ = [
    "HANDLER",
    "NumberProblem",
    "Numerical",
    "NumericalAnswer",
    "NumericalHandler",
    "Reading",
    "credit",
    "matching_answer",
    "number_text",
    "read",
]

ANSWER_KEYS = {"value": True, "tolerance": False, "fraction": False, "feedback": False}
UNIT_KEYS = {"name": True, "multiplier": False}
MAX_UNIT = 30
_GROUP_SPACES = " \u00a0\u202f\u2009"
_NUMBER = re.compile(
    r"(?P<sign>[+\-\u2212])?\s*"
    r"(?P<int>[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+|[0-9]*)"
    r"(?:[.,](?P<frac>[0-9]+))?"
    r"(?:[eE](?P<exp>[+\-\u2212]?[0-9]+))?"
)
_DIGIT = re.compile(r"[+\-\u2212]?[.,]?[0-9]")
_UNIT_NAME = re.compile(r"[^\s0-9+\-\u2212.,]([^0-9]*[^\s0-9])?")


class NumericalAnswer(TypedAnswer):
    """The text the trainee typed: a number, maybe with a unit."""

    __slots__ = ()


class NumberProblem(StrEnum):
    """Why a typed text is not an answer."""

    NOT_A_NUMBER = "not_a_number"
    NO_UNITS = "no_units"  # a unit (or other words) after the number; the question has none
    UNKNOWN_UNIT = "unknown_unit"


@dataclass(frozen=True)
class Reading:
    """How a typed text reads: the number in the question's first unit, or the problem."""

    value: float | None = None
    unit: Unit | None = None  # the unit typed (None: none typed)
    problem: NumberProblem | None = None


def _number(text: str) -> tuple[float, str] | None:
    """The number at the start of the text and what follows it (None: no number there)."""
    m = _NUMBER.match(text)
    if m is None or not (m.group("int") or m.group("frac")):
        return None
    digits = m.group("int")
    for space in _GROUP_SPACES:
        digits = digits.replace(space, "")
    sign = "-" if m.group("sign") in ("-", "\u2212") else ""
    exp = (m.group("exp") or "0").replace("\u2212", "-")
    try:
        value = float(f"{sign}{digits or '0'}.{m.group('frac') or '0'}e{exp}")
    except ValueError:  # pragma: no cover - the pattern only lets digits through
        return None
    if not math.isfinite(value):
        return None
    return value, text[m.end() :].strip()


def _unit(q: Numerical, typed: str) -> Unit | None:
    name = " ".join(typed.split())
    found = next((u for u in q.units if u.name == name), None)
    if found is None:  # "Ans" for "ans": the same unit, unless the case tells units apart
        folded = [u for u in q.units if u.name.casefold() == name.casefold()]
        found = folded[0] if len(folded) == 1 else None
    return found


def read(q: Numerical, typed: str) -> Reading:
    """How a trainee's text reads for this question (the rule the input and grading share)."""
    text = normal(typed)
    found = _number(text)
    if found is None:  # a unit before the number ("FBu 5 000")
        m = _DIGIT.search(text)
        after = _number(text[m.start() :]) if m is not None and m.start() > 0 else None
        if m is None or after is None or after[1]:
            return Reading(problem=NumberProblem.NOT_A_NUMBER)
        found = after[0], text[: m.start()].strip()
    value, unit_text = found
    if unit_text and not _UNIT_NAME.fullmatch(unit_text):
        return Reading(problem=NumberProblem.NOT_A_NUMBER)
    if not unit_text:
        return Reading(value)
    if not q.units:
        return Reading(problem=NumberProblem.NO_UNITS)
    unit = _unit(q, unit_text)
    if unit is None:
        return Reading(problem=NumberProblem.UNKNOWN_UNIT)
    return Reading(value / unit.multiplier, unit)


def holds(answer: NumericAnswer, value: float) -> bool:
    """Whether value lies in answer ± tolerance (Moodle's nominal tolerance, with room
    for the last digit of a binary fraction)."""
    if answer.value is None:
        return True
    room = abs(answer.tolerance) + 1e-12 * max(1.0, abs(answer.value))
    return abs(value - answer.value) <= room


def matching_answer(q: Numerical, value: float) -> NumericAnswer | None:
    return next((a for a in q.answers if holds(a, value)), None)


def number_text(value: float) -> str:
    """A number as short as it stays exact (15, 1.5, 1e-07), with a decimal point."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def credit(q: Numerical, typed: str) -> tuple[float, NumericAnswer | None]:
    """The credit a typed text earns, and the answer that gave it (None: no answer did)."""
    reading = read(q, typed)
    if reading.value is None:
        return 0.0, None
    found = matching_answer(q, reading.value)
    if found is None:
        return 0.0, None
    credit = found.fraction
    if q.units and reading.unit is None:
        credit *= 1.0 - q.unit_penalty
    return credit, found


def full_marks_text(q: Numerical) -> str | None:
    """A text that earns full marks: a full-marks answer's value in the first unit, unless
    an earlier answer holds it first (None: no number can earn full marks)."""
    unit = f" {q.units[0].name}" if q.units else ""
    for a in q.answers:
        if a.fraction >= 1.0 and a.value is not None:
            text = number_text(a.value) + unit
            if credit(q, text)[0] >= 1.0:
                return text
    return None


class NumericalHandler(TypedHandler[Numerical, NumericalAnswer]):
    kind = Kind.NUMERICAL
    model = Numerical
    response_type = NumericalAnswer
    yaml_keys: ClassVar[Mapping[str, bool]] = {
        "answers": True,
        "units": False,
        "unit_penalty": False,
    }
    moodle_types = ("numerical",)

    # -- the bank file -------------------------------------------------------------------
    def build(
        self,
        checker: BankChecker,
        m: YMap,
        what: str,
        common: dict[str, Any],
        ids: dict[str, Mark],
    ) -> Numerical | None:
        def one(a: YMap, awhat: str, mark: Mark) -> NumericAnswer | None:
            checker.keys(a, ANSWER_KEYS, awhat)
            ok = True
            value: float | None = None
            raw = a.get("value")
            if raw == "*":
                value = None
            elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
                value = float(raw)
                if not math.isfinite(value):
                    checker.error(checker.where(a, "value"), f"{awhat}: 'value' must be finite")
                    ok = False
            elif "value" in a:
                shown = "nothing" if raw is None else repr(raw)
                checker.error(
                    checker.where(a, "value"),
                    f"{awhat}: 'value' must be a number, or '*' for any other number, not {shown}",
                )
                ok = False
            # (a tolerance that is not a number is reported by scalar, which gives 0)
            tolerance = checker.scalar(a, "tolerance", float, awhat, 0.0) or 0.0
            if not math.isfinite(tolerance) or tolerance < 0:
                checker.error(
                    checker.where(a, "tolerance"),
                    f"{awhat}: 'tolerance' must be 0 or more, not {tolerance:g}",
                )
                ok = False
            fraction = check_fraction(checker, a, awhat)
            feedback = checker.text(a, "feedback", awhat, required=False)
            if not ok or fraction is None or "value" not in a:
                return None
            return NumericAnswer(value, tolerance, fraction, feedback)

        units = self._units(checker, m, what)
        penalty = self._penalty(checker, m, what, units)
        answers = check_answers(checker, m, what, one, lambda a: a.fraction)
        if answers is None or units is None or penalty is None:
            return None
        q = Numerical(answers=tuple(answers), units=units, unit_penalty=penalty, **common)
        if full_marks_text(q) is None:
            checker.error(
                checker.where(m, "answers"),
                f"{what}: no typed number can earn full marks: an answer earning full marks "
                "must have a value other than '*', and no earlier answer may hold it first "
                "(answers are tried in order)",
            )
            return None
        return q

    @staticmethod
    def _units(checker: BankChecker, m: YMap, what: str) -> tuple[Unit, ...] | None:
        if "units" not in m:
            return ()
        seq = checker.sequence(m["units"], checker.where(m, "units"), f"{what}: 'units'")
        if seq is None:
            return None
        out: list[Unit] = []
        ok = True
        for n, (item, mark) in enumerate(zip(seq, seq.item_marks, strict=True), start=1):
            u = checker.mapping(item, mark, f"{what}: unit {n}")
            if u is None:
                ok = False
                continue
            uwhat = f"{what}: unit {n}"
            checker.keys(u, UNIT_KEYS, uwhat)
            name = checker.scalar(u, "name", str, uwhat)
            multiplier = checker.scalar(u, "multiplier", float, uwhat, 1.0)
            if name is None or multiplier is None:
                ok = False
                continue
            name = " ".join(name.split())
            if len(name) > MAX_UNIT or not _UNIT_NAME.fullmatch(name):
                checker.error(
                    checker.where(u, "name"),
                    f"{uwhat}: '{name}' is not a unit name (a word or symbol of at most "
                    f"{MAX_UNIT} characters, with no digits, not starting with a sign)",
                )
                ok = False
            elif any(x.name == name for x in out):
                checker.error(checker.where(u, "name"), f"{uwhat}: unit '{name}' is listed twice")
                ok = False
            if not math.isfinite(multiplier) or multiplier <= 0:
                checker.error(
                    checker.where(u, "multiplier"),
                    f"{uwhat}: 'multiplier' must be a number above 0, not {multiplier:g}",
                )
                ok = False
            elif n == 1 and multiplier != 1.0:
                checker.error(
                    checker.where(u, "multiplier"),
                    f"{uwhat}: the first unit is the one the answers are in: its multiplier "
                    "must be 1",
                )
                ok = False
            out.append(Unit(name, multiplier))
        return tuple(out) if ok else None

    @staticmethod
    def _penalty(
        checker: BankChecker, m: YMap, what: str, units: tuple[Unit, ...] | None
    ) -> float | None:
        if "unit_penalty" not in m:
            return 0.0
        found = checker.scalar(m, "unit_penalty", float, what)
        if found is None:
            return None
        value = float(found)
        mark = checker.where(m, "unit_penalty")
        if not 0 <= value <= 100:
            checker.error(mark, f"{what}: 'unit_penalty' must be from 0 to 100 (percent)")
            return None
        if units == ():
            checker.error(mark, f"{what}: 'unit_penalty' needs 'units' to be listed")
            return None
        return value / 100

    def to_data(self, q: Numerical) -> dict[str, Any]:
        answers = []
        for a in q.answers:
            entry: dict[str, Any] = {"value": "*" if a.value is None else _plain(a.value)}
            if a.tolerance:
                entry["tolerance"] = _plain(a.tolerance)
            if a.fraction != 1.0:
                entry["fraction"] = round(a.fraction * 100, 5)
            if a.feedback:
                entry["feedback"] = text_data(a.feedback)
            answers.append(entry)
        data: dict[str, Any] = {"answers": answers}
        if q.units:
            data["units"] = [
                {"name": u.name, **({"multiplier": _plain(u.multiplier)} if n else {})}
                for n, u in enumerate(q.units)
            ]
        if q.unit_penalty:
            data["unit_penalty"] = round(q.unit_penalty * 100, 5)
        return data

    def from_data(self, data: Mapping[str, Any], common: dict[str, Any]) -> Numerical:
        return Numerical(
            answers=tuple(
                NumericAnswer(
                    None if a["value"] == "*" else float(a["value"]),
                    float(a.get("tolerance", 0)),
                    float(a.get("fraction", 100)) / 100,
                    to_opt_text(a.get("feedback")),
                )
                for a in data["answers"]
            ),
            units=tuple(
                Unit(u["name"], float(u.get("multiplier", 1))) for u in data.get("units", [])
            ),
            unit_penalty=float(data.get("unit_penalty", 0)) / 100,
            **common,
        )

    # -- answering -----------------------------------------------------------------------
    def layout(self, q: Numerical, rng: random.Random, shuffle: bool) -> Layout:
        return {}

    def response_from_json(self, q: Numerical, data: object) -> NumericalAnswer | None:
        text = stored_text(data)
        return NumericalAnswer(text) if text is not None else None

    def clean(self, q: Numerical, r: NumericalAnswer) -> NumericalAnswer | None:
        text = normal(r.text)
        return NumericalAnswer(text) if read(q, text).value is not None else None

    def is_complete(self, q: Numerical, r: NumericalAnswer) -> bool:
        return read(q, r.text).value is not None

    def grade(self, q: Numerical, r: NumericalAnswer | None) -> Grade:
        return Grade.of(credit(q, r.text)[0] if r is not None else 0.0)

    def correct_response(self, q: Numerical) -> NumericalAnswer:
        right = full_marks_text(q)
        if right is None:  # pragma: no cover - the loader and the import refuse such questions
            raise ValueError(f"question {q.id}: no typed number earns full marks")
        return NumericalAnswer(right)

    def option_feedback(self, q: Numerical, r: NumericalAnswer, lang: str) -> list[str]:
        found = credit(q, r.text)[1]
        return [found.feedback.get(lang)] if found is not None and found.feedback else []

    # -- item analysis ---------------------------------------------------------------------
    def typed_credit(self, q: Numerical, key: str) -> float | None:
        return credit(q, key)[0]

    # -- GIFT / Moodle XML -----------------------------------------------------------------
    def from_record(self, reader: RecordReader, record: MQuestion) -> Question | None:
        q = record
        answers: list[NumericAnswer] = []
        for a in q.answers:
            raw_value = a.numeric.get("answer", a.text.text)
            raw_tolerance = a.numeric.get("tolerance", "")
            value = _finite(raw_value)
            tolerance = _finite(raw_tolerance) if raw_tolerance != "" else 0.0
            if (value is None and str(raw_value).strip() != "*") or tolerance is None:
                reader.report.skip(q.line, q.name, M_NUMBER_BAD, f"{raw_value} ± {raw_tolerance}")
                return None
            answers.append(
                NumericAnswer(
                    value,
                    abs(tolerance),
                    answer_fraction(reader, q, a),
                    feedback_of(reader, q, a),
                )
            )
        if not has_full_marks(reader, q, [a.fraction for a in answers if a.value is not None]):
            return None
        units: list[Unit] = []
        showunits = q.options.get("showunits", "0").strip()
        for u in q.units if showunits != "3" else []:  # 3: units not used
            multiplier = _finite(u.multiplier)
            name = " ".join(u.name.split())
            if (
                multiplier is None
                or multiplier <= 0
                or not _UNIT_NAME.fullmatch(name)
                or len(name) > MAX_UNIT
            ):
                reader.report.skip(q.line, q.name, M_UNIT_BAD, f"{u.name!r} × {u.multiplier}")
                return None
            if all(x.name != name for x in units):
                units.append(Unit(name, multiplier))
        if units and units[0].multiplier != 1.0:
            base = units[0].multiplier
            units = [Unit(u.name, u.multiplier / base) for u in units]
        grading = q.options.get("unitgradingtype", "0").strip()
        penalty = 0.0
        if units and grading in ("1", "2"):
            penalty = min(1.0, max(0.0, _finite(q.options.get("unitpenalty", "0")) or 0.0))
            if grading == "2" and penalty:
                reader.report.change(q.line, q.name, M_UNIT_GRADING)
        if units and showunits in ("1", "2"):
            reader.report.change(q.line, q.name, M_UNITS_CHOSEN)
        made: dict[str, Any] = {
            "answers": tuple(answers),
            "units": tuple(units),
            "unit_penalty": penalty,
        }
        if full_marks_text(Numerical(**PROBE, **made)) is None:
            reader.report.skip(q.line, q.name, M_FULL_MARKS_CAUGHT)
            return None
        common = reader.common(q)
        if common is None:
            return None
        return Numerical(kind=Kind.NUMERICAL, **made, **common)

    def to_records(self, writer: RecordWriter, q: Numerical) -> list[MQuestion]:
        r = writer.base(q, "numerical")
        qfmt = r.text.format
        for a in q.answers:
            text = "*" if a.value is None else number_text(a.value)
            r.answers.append(
                MAnswer(
                    FText(text, qfmt if writer.gift else PLAIN),
                    writer.grade(q, a.fraction),
                    writer.ftext(a.feedback),
                    {"answer": text, "tolerance": number_text(a.tolerance)},
                )
            )
        if q.units:
            if writer.gift:
                writer.report.change(q.line, q.id, M_GIFT_UNITS)
            else:
                r.units = [MUnit(u.name, number_text(u.multiplier)) for u in q.units]
                r.options = {
                    "unitgradingtype": "1" if q.unit_penalty else "0",
                    "unitpenalty": number_text(q.unit_penalty),
                    "showunits": "0",
                    "unitsleft": "0",
                }
        return [r]


def _plain(value: float) -> int | float:
    """A number for the bank file: 15 rather than 15.0."""
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def _finite(value: object) -> float | None:
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


HANDLER = NumericalHandler()
