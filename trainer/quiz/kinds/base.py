"""What every question kind provides (``KindHandler``), and the shapes the kinds share.

A kind is one module of this package holding one ``KindHandler`` subclass: how its
part of a bank file is checked and written, how a trainee's answer to it is typed,
cleaned, graded and put into words, what item analysis counts, and how it maps onto
Moodle's question records. ``trainer.quiz.kinds`` registers one handler per ``Kind``.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from trainer.banks.model import Kind, LocalizedText, Picture, Question

if TYPE_CHECKING:
    from trainer.banks.formats.records import FText, MQuestion
    from trainer.banks.formats.report import ImportReport
    from trainer.banks.yamlsafe import Mark, YMap, YSeq

Layout = dict[str, Any]


class GradeState(StrEnum):
    RIGHT = "right"
    PARTIAL = "partial"
    WRONG = "wrong"


@dataclass(frozen=True)
class Grade:
    """``fraction`` of the question's marks earned, 0.0 to 1.0."""

    fraction: float
    state: GradeState

    @classmethod
    def of(cls, fraction: float) -> Grade:
        fraction = min(1.0, max(0.0, fraction))
        if fraction >= 1.0 - 1e-9:
            return cls(1.0, GradeState.RIGHT)
        if fraction <= 1e-9:
            return cls(0.0, GradeState.WRONG)
        return cls(round(fraction, 6), GradeState.PARTIAL)


class Answer(ABC):
    """A trainee's answer to one question, typed per kind (frozen dataclasses).

    ``to_json`` gives the shape stored in attempts and bundles; each kind's
    ``response_from_json`` reads it back.
    """

    __slots__ = ()

    @abstractmethod
    def to_json(self) -> dict[str, Any]: ...

    def part(self, part_id: str) -> Answer | None:
        """The answer to one of the question's sub-questions (a scenario's parts)."""
        return None


def text_data(text: LocalizedText | None) -> dict[str, str] | None:
    """A localized text in the bank file's shape."""
    return dict(text.values) if text is not None else None


def picture_data(picture: Picture) -> dict[str, Any]:
    """A picture in the bank file's shape: its path and its alt text."""
    return {"file": picture.file, "alt": dict(picture.alt.values)}


def picture_from_data(value: Any) -> Picture | None:
    """A picture from trusted data (a snapshot this program wrote); None when there is none."""
    if not isinstance(value, dict) or not isinstance(value.get("file"), str):
        return None
    return Picture(value["file"], LocalizedText(dict(value.get("alt") or {})))


def to_text(value: Any) -> LocalizedText:
    return LocalizedText(dict(value))


def to_opt_text(value: Any) -> LocalizedText | None:
    return LocalizedText(dict(value)) if value else None


def str_list(value: object) -> list[str]:
    """The text entries of a stored list (anything else in it is dropped)."""
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str)]


def str_map(value: object) -> dict[str, str]:
    """The non-empty text pairs of a stored mapping (anything else in it is dropped)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str) and v}


class BankChecker(Protocol):
    """What the bank loader offers a kind checking its part of a question."""

    languages: tuple[str, ...]

    def error(self, mark: Mark, message: str) -> None: ...

    @staticmethod
    def where(container: YMap, key: str) -> Mark: ...

    def mapping(self, value: Any, mark: Mark, what: str) -> YMap | None: ...

    def sequence(self, value: Any, mark: Mark, what: str) -> YSeq | None: ...

    def keys(self, m: YMap, spec: dict[str, bool], what: str) -> None: ...

    def scalar(self, m: YMap, key: str, kind: type[Any], what: str, default: Any = None) -> Any: ...

    def ident(self, m: YMap, key: str, what: str) -> str | None: ...

    def text(
        self, m: YMap, key: str, what: str, *, required: bool = True
    ) -> LocalizedText | None: ...

    def id_text_list(
        self, m: YMap, key: str, what: str, extra: dict[str, bool]
    ) -> list[tuple[YMap, str, LocalizedText]]: ...

    def picture(self, m: YMap, key: str, what: str) -> Picture | None: ...

    def question(
        self, item: Any, mark: Mark, ids: dict[str, Mark], parent: YMap | None
    ) -> Question | None: ...


class RecordReader(Protocol):
    """What the GIFT / Moodle XML import offers a kind reading one record."""

    lang: str
    report: ImportReport

    def text(self, value: FText, q: MQuestion, what: str) -> str: ...

    def loc(self, text: str) -> LocalizedText: ...

    def common(self, q: MQuestion) -> dict[str, Any] | None: ...

    def ids_for(
        self, q: MQuestion, key: str, count: int, make: Callable[[int], str]
    ) -> list[str]: ...

    def start_scenario(self, description: MQuestion) -> None: ...

    def picture_of(self, value: FText) -> Picture | None: ...


class RecordWriter(Protocol):
    """What the GIFT / Moodle XML export offers a kind writing one question."""

    lang: str
    report: ImportReport
    gift: bool  # GIFT rather than Moodle XML

    def ftext(self, text: LocalizedText | None) -> FText: ...

    def base(self, q: Question, qtype: str) -> MQuestion: ...

    def grade(self, q: Question, fraction: float) -> float: ...

    def with_picture(self, text: FText, picture: Picture | None, q: Question) -> FText: ...


Q = TypeVar("Q", bound=Question)
R = TypeVar("R", bound=Answer)


class KindHandler(ABC, Generic[Q, R]):
    """Everything the program knows about one kind of question.

    The generic layers (loader, serializer, converter, session, review, analysis)
    look the handler up by ``Kind`` and call these hooks; none of them switches
    over kinds.
    """

    kind: ClassVar[Kind]
    model: type[Q]
    response_type: type[R]
    # the kind's own keys in a bank file (True: required)
    yaml_keys: ClassVar[Mapping[str, bool]]
    # common question keys this kind does not require
    optional_common_keys: ClassVar[frozenset[str]] = frozenset()
    # whether a question of this kind may be a part of a scenario
    may_be_part: ClassVar[bool] = True
    # the Moodle record types this kind reads on import
    moodle_types: ClassVar[tuple[str, ...]] = ()

    # -- the bank file ---------------------------------------------------------------
    @abstractmethod
    def build(
        self, checker: BankChecker, m: YMap, what: str, common: dict[str, Any], ids: dict[str, Mark]
    ) -> Q | None:
        """Check the kind's keys (reporting each problem) and build the question."""

    def salvage(self, checker: BankChecker, m: YMap, what: str, ids: dict[str, Mark]) -> None:
        """Check what can still be checked when the question's common keys are broken."""

    @abstractmethod
    def to_data(self, q: Q) -> dict[str, Any]:
        """The kind's own keys in the bank file's shape and order."""

    @abstractmethod
    def from_data(self, data: Mapping[str, Any], common: dict[str, Any]) -> Q:
        """Rebuild the question from trusted data (a snapshot this program wrote)."""

    # -- answering ---------------------------------------------------------------------
    @abstractmethod
    def layout(self, q: Q, rng: random.Random, shuffle: bool) -> Layout:
        """The order in which the question's options, items or choices are shown."""

    @abstractmethod
    def response_from_json(self, q: Q, data: object) -> R | None:
        """A stored answer, typed (None when it answers nothing; never raises)."""

    @abstractmethod
    def clean(self, q: Q, r: R) -> R | None:
        """Normalise an answer; nothing chosen means no answer."""

    @abstractmethod
    def is_complete(self, q: Q, r: R) -> bool:
        """Whether the answer answers the whole question."""

    @abstractmethod
    def grade(self, q: Q, r: R | None) -> Grade:
        """Grade an answer; no answer or a partial one earns what it earns."""

    @abstractmethod
    def correct_response(self, q: Q) -> R:
        """The answer that earns full marks."""

    @abstractmethod
    def describe(self, q: Q, r: R, lang: str) -> str:
        """The answer in words, as exports and reviews show it."""

    @abstractmethod
    def option_feedback(self, q: Q, r: R, lang: str) -> list[str]:
        """The per-option feedback that applies to this answer."""

    # -- item analysis -------------------------------------------------------------------
    @abstractmethod
    def distractors(self, q: Q, lang: str) -> list[tuple[str, str, bool]]:
        """The answer keys counted by item analysis: (key, label, is right); [] for none."""

    @abstractmethod
    def chosen_keys(self, data: Mapping[str, Any]) -> list[str] | None:
        """The keys a stored answer chose (None: it chose nothing; [] for kinds without keys)."""

    def typed_credit(self, q: Q, key: str) -> float | None:
        """For a kind answered by typing, whose ``chosen_keys`` are the typed texts: the
        credit one of them earns (item analysis lists the most frequent). None otherwise."""
        return None

    # -- GIFT / Moodle XML ---------------------------------------------------------------
    @abstractmethod
    def from_record(self, reader: RecordReader, record: MQuestion) -> Question | None:
        """Import one record of a type in ``moodle_types`` (None: skipped or not yet whole)."""

    @abstractmethod
    def to_records(self, writer: RecordWriter, q: Q) -> list[MQuestion]:
        """The question as Moodle records ([] when the format cannot hold it)."""
