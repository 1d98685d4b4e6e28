"""The validated, frozen form of a question bank: what the rest of the program reads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

FORMAT_VERSION = 1
LANGUAGES = ("en", "fr", "rn")
FALLBACK_LANGUAGE = "en"


class Kind(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_RESPONSE = "multiple_response"
    TRUE_FALSE = "true_false"
    ORDERING = "ordering"
    MATCHING = "matching"
    SCENARIO = "scenario"
    SHORT_ANSWER = "short_answer"
    NUMERICAL = "numerical"


class Topic(StrEnum):
    INDICATORS = "indicators"
    REFERRAL = "referral"
    LEGAL_STANDARDS = "legal_standards"


class Audience(StrEnum):
    POLICE = "police"
    PROSECUTORS = "prosecutors"
    JUDGES = "judges"


class Review(StrEnum):
    """What an exam shows once finished."""

    FULL = "full"
    ANSWERS = "answers"
    SCORE = "score"


@dataclass(frozen=True)
class LocalizedText:
    """A text in several languages; ``get`` falls back to English, then to any language."""

    values: Mapping[str, str]

    def get(self, lang: str) -> str:
        if lang in self.values:
            return self.values[lang]
        if FALLBACK_LANGUAGE in self.values:
            return self.values[FALLBACK_LANGUAGE]
        return next(iter(self.values.values()), "")

    def languages(self) -> frozenset[str]:
        return frozenset(self.values)

    @classmethod
    def of(cls, **values: str) -> LocalizedText:
        return cls(dict(values))


@dataclass(frozen=True)
class Source:
    id: str
    title: LocalizedText
    year: int | None = None
    url: str | None = None


@dataclass(frozen=True)
class SourceRef:
    source_id: str
    locator: str


@dataclass(frozen=True)
class Waiver:
    """A review finding the bank's authors accept for one question (or the whole bank)."""

    rule: str
    reason: str
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Picture:
    """A picture shown with a question, a scenario or an option.

    ``file`` is the path written in the bank (relative to its pictures' folder);
    ``alt`` says what the picture shows, in every language of the bank, for whoever
    cannot see it. ``path`` is where the checked file was found (None in a snapshot).
    """

    file: str
    alt: LocalizedText
    type: str = ""  # png, jpeg or svg
    width: int = 0
    height: int = 0
    sha256: str = ""
    path: Path | None = None


@dataclass(frozen=True)
class Option:
    id: str
    text: LocalizedText
    feedback: LocalizedText | None = None
    fixed: bool = False
    image: Picture | None = None


@dataclass(frozen=True)
class OrderItem:
    id: str
    text: LocalizedText


@dataclass(frozen=True)
class MatchChoice:
    id: str
    text: LocalizedText


@dataclass(frozen=True)
class MatchPrompt:
    id: str
    text: LocalizedText
    match: str


@dataclass(frozen=True, kw_only=True)
class Question:
    """What every kind shares. ``line`` is where the question starts in its file."""

    id: str
    kind: Kind
    topic: Topic
    tags: tuple[str, ...] = ()
    audiences: tuple[Audience, ...] = ()
    difficulty: int = 1
    # False when the bank leaves the difficulty out (the review asks for one).
    difficulty_given: bool = True
    text: LocalizedText
    explanation: LocalizedText | None = None
    source: SourceRef | None = None
    see_also: tuple[SourceRef, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    image: Picture | None = None
    line: int = 0
    column: int = 0

    @property
    def max_mark(self) -> float:
        return 1.0

    def sources(self) -> tuple[SourceRef, ...]:
        return ((self.source,) if self.source else ()) + self.see_also

    def pictures(self) -> tuple[Picture, ...]:
        """The pictures the question shows itself: its own, then its options' (a scenario's
        parts show theirs)."""
        found = [self.image] if self.image is not None else []
        for option in getattr(self, "options", ()):
            if isinstance(option, Option) and option.image is not None:
                found.append(option.image)
        return tuple(found)

    def subquestions(self) -> tuple[Question, ...]:
        """The questions this one is made of (a scenario's parts; none for the others)."""
        return ()


@dataclass(frozen=True, kw_only=True)
class SingleChoice(Question):
    options: tuple[Option, ...]
    key: str

    def option(self, option_id: str) -> Option:
        return next(o for o in self.options if o.id == option_id)


@dataclass(frozen=True, kw_only=True)
class MultipleResponse(Question):
    options: tuple[Option, ...]
    key: frozenset[str]

    def option(self, option_id: str) -> Option:
        return next(o for o in self.options if o.id == option_id)


@dataclass(frozen=True, kw_only=True)
class TrueFalse(Question):
    key: bool
    feedback_true: LocalizedText | None = None
    feedback_false: LocalizedText | None = None


@dataclass(frozen=True, kw_only=True)
class Ordering(Question):
    """``items`` are stored in the right order."""

    items: tuple[OrderItem, ...]


@dataclass(frozen=True, kw_only=True)
class Matching(Question):
    prompts: tuple[MatchPrompt, ...]
    choices: tuple[MatchChoice, ...]


@dataclass(frozen=True)
class AcceptedAnswer:
    """A short answer's accepted text per language (``*`` matches any run of characters,
    ``\\*`` a star), the share of the marks it earns (0 to 1) and its feedback."""

    text: LocalizedText
    fraction: float = 1.0
    feedback: LocalizedText | None = None


@dataclass(frozen=True, kw_only=True)
class ShortAnswer(Question):
    """The first accepted answer the typed text matches gives the grade (as in Moodle)."""

    answers: tuple[AcceptedAnswer, ...]
    case_sensitive: bool = False


@dataclass(frozen=True)
class NumericAnswer:
    """A right (or partly right) number: ``value`` ± ``tolerance``; None is any number."""

    value: float | None
    tolerance: float = 0.0
    fraction: float = 1.0
    feedback: LocalizedText | None = None


@dataclass(frozen=True)
class Unit:
    """A unit the answer may be typed in; the value is multiplied by ``multiplier``
    to go from the first unit (multiplier 1) to this one."""

    name: str
    multiplier: float = 1.0


@dataclass(frozen=True, kw_only=True)
class Numerical(Question):
    """The first answer whose interval holds the typed number gives the grade."""

    answers: tuple[NumericAnswer, ...]
    units: tuple[Unit, ...] = ()
    # share of the credit lost when the unit is missing or unknown (0: units optional)
    unit_penalty: float = 0.0


@dataclass(frozen=True, kw_only=True)
class Scenario(Question):
    title: LocalizedText | None = None
    parts: tuple[Question, ...]

    @property
    def max_mark(self) -> float:
        return float(sum(p.max_mark for p in self.parts))

    def subquestions(self) -> tuple[Question, ...]:
        return self.parts


@dataclass(frozen=True)
class DrawRule:
    """Draw ``count`` questions having ``topic`` (or ``tag``) from the module's pool."""

    count: int
    topic: Topic | None = None
    tag: str | None = None

    def matches(self, question: Question) -> bool:
        if self.topic is not None:
            return question.topic == self.topic
        return self.tag is not None and self.tag in question.tags


@dataclass(frozen=True)
class PoolSelector:
    topics: frozenset[Topic] = frozenset()
    tags: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()

    @property
    def selects_all(self) -> bool:
        return not (self.topics or self.tags or self.ids)

    def matches(self, question: Question) -> bool:
        return (
            self.selects_all
            or question.topic in self.topics
            or bool(self.tags.intersection(question.tags))
            or question.id in self.ids
        )


@dataclass(frozen=True, kw_only=True)
class Module:
    id: str
    title: LocalizedText
    description: LocalizedText | None = None
    audiences: tuple[Audience, ...]
    pool: PoolSelector = field(default_factory=PoolSelector)
    draw: tuple[DrawRule, ...] = ()
    pass_mark: float = 70.0
    time_limit_minutes: int = 0
    shuffle: bool = True
    training_hours: float = 0.0
    review: Review = Review.FULL


@dataclass(frozen=True, kw_only=True)
class Bank:
    id: str
    version: str
    languages: tuple[str, ...]
    title: LocalizedText
    description: LocalizedText | None = None
    audiences: tuple[Audience, ...]
    topics: tuple[Topic, ...]
    tags: tuple[str, ...] = ()
    sources: Mapping[str, Source]
    modules: tuple[Module, ...]
    questions: tuple[Question, ...]
    # the day the bank's legal content was last checked against the law in force
    law_as_of: date | None = None
    waivers: tuple[Waiver, ...] = ()
    content_hash: str = ""
    path: Path | None = None

    def question(self, question_id: str) -> Question:
        for q in self.iter_all_questions():
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def module(self, module_id: str) -> Module:
        for m in self.modules:
            if m.id == module_id:
                return m
        raise KeyError(module_id)

    def pool(self, module: Module) -> tuple[Question, ...]:
        """The top-level questions a module offers (a scenario counts as one)."""
        return tuple(q for q in self.questions if module.pool.matches(q))

    def iter_all_questions(self) -> Iterator[Question]:
        """Every question, scenario parts included (after their scenario)."""
        for q in self.questions:
            yield q
            yield from q.subquestions()

    def pictures(self) -> Iterator[Picture]:
        """Every picture the bank shows (questions, scenarios, their parts and options)."""
        for q in self.iter_all_questions():
            yield from q.pictures()

    def counts_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for q in self.iter_all_questions():
            counts[q.kind.value] = counts.get(q.kind.value, 0) + 1
        return counts

    def counts_by_topic(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for q in self.questions:
            counts[q.topic.value] = counts.get(q.topic.value, 0) + 1
        return counts
