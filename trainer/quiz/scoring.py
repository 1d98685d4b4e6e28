"""The result of a finished attempt: total, pass or fail, and the breakdown by topic."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TopicScore:
    topic: str
    score: float
    max_score: float

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True)
class SlotScore:
    slot: int
    question_id: str
    topic: str
    fraction: float
    max_mark: float

    @property
    def mark(self) -> float:
        return self.fraction * self.max_mark


@dataclass(frozen=True)
class AttemptResult:
    score: float
    max_score: float
    pass_mark: float
    slots: tuple[SlotScore, ...]

    @property
    def percent(self) -> float:
        return round(100.0 * self.score / self.max_score, 2) if self.max_score else 0.0

    @property
    def passed(self) -> bool:
        return self.percent + 1e-9 >= self.pass_mark

    def by_topic(self) -> list[TopicScore]:
        totals: dict[str, list[float]] = {}
        for s in self.slots:
            acc = totals.setdefault(s.topic, [0.0, 0.0])
            acc[0] += s.mark
            acc[1] += s.max_mark
        return [TopicScore(t, round(v[0], 6), v[1]) for t, v in sorted(totals.items())]


def compute(slots: Iterable[SlotScore], pass_mark: float) -> AttemptResult:
    slots = tuple(slots)
    score = round(sum(s.mark for s in slots), 6)
    return AttemptResult(score, sum(s.max_mark for s in slots), pass_mark, slots)
