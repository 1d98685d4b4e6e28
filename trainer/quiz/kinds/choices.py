"""What single choice and multiple response share: a list of options and a key."""

from __future__ import annotations

import random
from abc import abstractmethod
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from trainer.banks.formats.messages import (
    M_ALL_RIGHT,
    M_EMPTY_ANSWER_DROPPED,
    M_FIXED_OPTIONS,
    M_NO_CREDIT,
    M_NO_FULL_MARKS,
    M_PARTIAL_DROPPED,
    M_SEVERAL_FULL_MARKS,
    M_TOO_FEW_ANSWERS,
    M_WEIGHTS,
)
from trainer.banks.formats.records import MAnswer
from trainer.banks.model import Kind, MultipleResponse, Option, Question, SingleChoice
from trainer.banks.yamlsafe import YSeq
from trainer.quiz.kinds.base import (
    Answer,
    BankChecker,
    KindHandler,
    Layout,
    RecordReader,
    RecordWriter,
    picture_data,
    picture_from_data,
    text_data,
    to_opt_text,
    to_text,
)

if TYPE_CHECKING:
    from trainer.banks.formats.records import MQuestion
    from trainer.banks.yamlsafe import Mark, YMap

C = TypeVar("C", bound=SingleChoice | MultipleResponse)
A = TypeVar("A", bound=Answer)

OPTION_KEYS = {"id": True, "text": True, "feedback": False, "fixed": False, "image": False}


def shuffled(ids: list[str], rng: random.Random, fixed: list[bool] | None = None) -> list[str]:
    """Shuffle ids, leaving those marked fixed where they stand."""
    fixed = fixed or [False] * len(ids)
    movable = [i for i, f in zip(ids, fixed, strict=True) if not f]
    rng.shuffle(movable)
    it = iter(movable)
    return [i if f else next(it) for i, f in zip(ids, fixed, strict=True)]


def letter(index: int) -> str:
    """The id an imported option gets: a, b, c … then o27, o28 …"""
    return chr(ord("a") + index) if index < 26 else f"o{index + 1}"


def short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def check_options(checker: BankChecker, m: YMap, what: str) -> list[Option]:
    seq = checker.sequence(m.get("options"), checker.where(m, "options"), f"{what}: 'options'")
    out: list[Option] = []
    seen: set[str] = set()
    for item, mark in zip(seq or [], (seq.item_marks if seq else []), strict=True):
        o = checker.mapping(item, mark, f"{what}: an option")
        if o is None:
            continue
        oid = checker.ident(o, "id", f"{what}: option")
        owhat = f"{what}: option '{oid}'"
        checker.keys(o, OPTION_KEYS, owhat)
        text = checker.text(o, "text", owhat)
        feedback = checker.text(o, "feedback", owhat, required=False)
        fixed = checker.scalar(o, "fixed", bool, owhat, False)
        image = checker.picture(o, "image", owhat)
        if oid is None or text is None:
            continue
        if oid in seen:
            checker.error(checker.where(o, "id"), f"{what}: option id '{oid}' is used twice")
            continue
        seen.add(oid)
        out.append(Option(oid, text, feedback, bool(fixed), image))
    if seq is not None and len(seq) < 2:
        checker.error(seq.start, f"{what}: needs at least 2 options")
    return out


def check_key(checker: BankChecker, m: YMap, what: str, options: list[Option]) -> list[str] | None:
    """The option ids named by 'key' (one id or a list of them)."""
    raw = m.get("key")
    mark = checker.where(m, "key")
    keys: list[tuple[Any, Mark]]
    if isinstance(raw, YSeq):
        keys = list(zip(raw, raw.item_marks, strict=True))
    elif isinstance(raw, (str, int)) and not isinstance(raw, bool):
        keys = [(str(raw), mark)]
    else:
        checker.error(mark, f"{what}: 'key' must name an option id or a list of them")
        return None
    out: list[str] = []
    names = {o.id for o in options}
    for k, kmark in keys:
        k = str(k)
        if k not in names:
            checker.error(
                kmark,
                f"{what}: key '{k}' names no option "
                f"(options are {', '.join(sorted(names)) or 'none'})",
            )
            return None
        if k in out:
            checker.error(kmark, f"{what}: key '{k}' is listed twice")
            return None
        out.append(k)
    return out


def options_and_key(
    checker: BankChecker, m: YMap, what: str
) -> tuple[list[Option], list[str]] | None:
    options = check_options(checker, m, what)
    if "key" not in m or not isinstance(m.get("options"), YSeq):
        return None
    keys = check_key(checker, m, what, options)
    return None if keys is None else (options, keys)


def read_multichoice(reader: RecordReader, q: MQuestion) -> Question | None:
    """A Moodle multichoice record: one right answer, or several with partial credit."""
    options_text: list[tuple[str, str]] = []
    answers: list[MAnswer] = []
    for a in q.answers:
        text = reader.text(a.text, q, "an answer")
        if not text:
            # Moodle drops an answer with no text when it saves the question.
            reader.report.change(q.line, q.name, a.empty_cause or M_EMPTY_ANSWER_DROPPED)
            continue
        answers.append(a)
        options_text.append((text, reader.text(a.feedback, q, "answer feedback")))
    if len(answers) < 2:
        reader.report.skip(q.line, q.name, M_TOO_FEW_ANSWERS)
        return None
    single = q.single and q.meta.get("kind") != Kind.MULTIPLE_RESPONSE.value
    promoted = False  # a single-choice record with several right answers
    if single:
        right = [i for i, a in enumerate(answers) if a.fraction >= 0.99999]
        if not right:
            reader.report.skip(q.line, q.name, M_NO_FULL_MARKS)
            return None
        if len(right) == len(answers):
            reader.report.skip(q.line, q.name, M_ALL_RIGHT, str(len(right)))
            return None
        if len(right) > 1:
            # Teachers write "=a =b ~c" for "tick every right one": kept that way, and said.
            reader.report.change(q.line, q.name, M_SEVERAL_FULL_MARKS, str(len(right)))
            single, promoted = False, True
        for a, (text, _) in zip(answers, options_text, strict=True):
            if 0 < a.fraction < 0.99999 or a.fraction < 0:
                reader.report.change(
                    q.line, q.name, M_PARTIAL_DROPPED, f"{a.fraction * 100:g}", short(text)
                )
    if not single and not promoted:
        right = [i for i, a in enumerate(answers) if a.fraction > 0]
        if not right:
            reader.report.skip(q.line, q.name, M_NO_CREDIT)
            return None
        wrong = len(answers) - len(right)
        if not wrong:
            reader.report.skip(q.line, q.name, M_ALL_RIGHT, str(len(right)))
            return None
        exact = all(
            abs(a.fraction - (1 / len(right) if i in right else -1 / wrong)) < 1e-4
            for i, a in enumerate(answers)
        )
        if not exact:
            weights = ", ".join(f"{a.fraction * 100:g}%" for a in answers)
            reader.report.change(q.line, q.name, M_WEIGHTS, weights, str(len(right)))
    common = reader.common(q)
    if common is None:
        return None
    ids = reader.ids_for(q, "option_ids", len(answers), letter)
    # The answers' pictures are taken only now that the question is made.
    options = tuple(
        Option(
            oid,
            reader.loc(text),
            reader.loc(feedback) if feedback else None,
            image=reader.picture_of(a.text),
        )
        for oid, (text, feedback), a in zip(ids, options_text, answers, strict=True)
    )
    if single:
        return SingleChoice(kind=Kind.SINGLE_CHOICE, options=options, key=ids[right[0]], **common)
    return MultipleResponse(
        kind=Kind.MULTIPLE_RESPONSE,
        options=options,
        key=frozenset(ids[i] for i in right),
        **common,
    )


class ChoiceHandler(KindHandler[C, A]):
    """The hooks both option kinds share; each kind adds its key and its answer."""

    yaml_keys: ClassVar[Mapping[str, bool]] = {"options": True, "key": True}
    moodle_types = ("multichoice",)
    single: bool

    @abstractmethod
    def keys_of(self, q: C) -> frozenset[str]:
        """The right options."""

    @abstractmethod
    def chosen(self, r: A) -> list[str]:
        """The options an answer ticks."""

    @abstractmethod
    def key_data(self, q: C) -> Any:
        """'key' in the bank file's shape."""

    @abstractmethod
    def fractions(self, writer: RecordWriter, q: C) -> list[float]:
        """Each option's Moodle grade."""

    def to_data(self, q: C) -> dict[str, Any]:
        options = []
        for o in q.options:
            od: dict[str, Any] = {"id": o.id, "text": text_data(o.text)}
            if o.feedback:
                od["feedback"] = text_data(o.feedback)
            if o.fixed:
                od["fixed"] = True
            if o.image is not None:
                od["image"] = picture_data(o.image)
            options.append(od)
        return {"options": options, "key": self.key_data(q)}

    @staticmethod
    def options_from_data(data: Mapping[str, Any]) -> tuple[Option, ...]:
        return tuple(
            Option(
                o["id"],
                to_text(o["text"]),
                to_opt_text(o.get("feedback")),
                bool(o.get("fixed")),
                picture_from_data(o.get("image")),
            )
            for o in data["options"]
        )

    def layout(self, q: C, rng: random.Random, shuffle: bool) -> Layout:
        ids = [o.id for o in q.options]
        fixed = [o.fixed for o in q.options]
        return {"options": shuffled(ids, rng, fixed) if shuffle else ids}

    def describe(self, q: C, r: A, lang: str) -> str:
        texts = {o.id: o.text.get(lang) for o in q.options}
        return "; ".join(texts[c] for c in self.chosen(r) if c in texts)

    def option_feedback(self, q: C, r: A, lang: str) -> list[str]:
        chosen = set(self.chosen(r))
        return [o.feedback.get(lang) for o in q.options if o.id in chosen and o.feedback]

    def distractors(self, q: C, lang: str) -> list[tuple[str, str, bool]]:
        keys = self.keys_of(q)
        return [(o.id, o.text.get(lang), o.id in keys) for o in q.options]

    def from_record(self, reader: RecordReader, record: MQuestion) -> Question | None:
        return read_multichoice(reader, record)

    def to_records(self, writer: RecordWriter, q: C) -> list[MQuestion]:
        r = writer.base(q, "multichoice")
        r.single = self.single
        r.answers = [
            MAnswer(writer.with_picture(writer.ftext(o.text), o.image, q), f, writer.ftext(o.feedback))
            for o, f in zip(q.options, self.fractions(writer, q), strict=True)
        ]
        r.meta["option_ids"] = [o.id for o in q.options]
        if any(o.fixed for o in q.options):
            writer.report.change(q.line, q.id, M_FIXED_OPTIONS)
        return [r]
