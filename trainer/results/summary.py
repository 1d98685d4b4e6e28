"""The programme summary: officials trained and passed, by institution, period, module,
gender, province, training session, audience track and function (no Qt).

An official counts as *trained* in a group when they finished at least one
exam attempt in it, and as *passed* when at least one of those attempts
passed. Each official counts once per group, however many attempts they made. A
training session's pre-test is not an exam here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.results.source import Source, reads
from trainer.storage.results import Dimension, Period, ResultFilter, SummaryRow

__all__ = [
    "DEFAULT_DIMENSIONS",
    "Dimension",
    "Period",
    "Summary",
    "SummaryRow",
    "programme_summary",
]


DEFAULT_DIMENSIONS = (Dimension.PERIOD, Dimension.INSTITUTION, Dimension.MODULE)


@dataclass(frozen=True)
class Summary:
    dimensions: tuple[Dimension, ...]
    period: Period
    rows: list[SummaryRow]
    total: SummaryRow
    module_titles: dict[str, dict[str, str]]

    def csv_columns(self) -> list[str]:
        return [
            *(d.value for d in self.dimensions),
            "trained",
            "passed",
            "pass_rate",
            "exam_attempts",
            "training_hours",
        ]

    def csv_rows(self) -> list[list[object]]:
        out: list[list[object]] = []
        for r in [*self.rows, self.total]:
            rate = r.pass_rate
            keys = list(r.keys) if r is not self.total else ["total", *r.keys[1:]]
            out.append(
                [
                    *keys,
                    r.trained,
                    r.passed,
                    None if rate is None else round(rate, 1),
                    r.attempts,
                    round(r.training_hours, 2),
                ]
            )
        return out


def programme_summary(
    source: Source,
    dimensions: Sequence[Dimension] = DEFAULT_DIMENSIONS,
    period: Period = Period.YEAR,
    flt: ResultFilter | None = None,
) -> Summary:
    """Officials trained and passed per group; the total counts each official once."""
    dims = tuple(dict.fromkeys(dimensions))  # keep order, drop repeats
    repo = reads(source)
    rows, total = repo.exam_figures(dims, period, flt or ResultFilter())
    return Summary(dims, period, rows, total, dict(repo.modules()))
