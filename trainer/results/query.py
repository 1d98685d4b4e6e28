"""Finding attempts: the results browser's pages and a trainee's transcript (no Qt).

The filter shared by the browser, the exports and the summary (``ResultFilter``) and the
rows are declared with their queries in ``trainer.storage.results``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.results.source import Source, reads
from trainer.storage.results import (
    AttemptRow,
    CertificateLine,
    Outcome,
    ResultFilter,
    SortKey,
)
from trainer.storage.trainees import Trainee

__all__ = [
    "AttemptRow",
    "CertificateLine",
    "Outcome",
    "ResultFilter",
    "SortKey",
    "Transcript",
    "count_attempts",
    "modules",
    "page_attempts",
    "transcript",
    "workstations",
]


def count_attempts(source: Source, flt: ResultFilter) -> int:
    return reads(source).count_attempts(flt)


def page_attempts(
    source: Source,
    flt: ResultFilter,
    *,
    sort: SortKey = SortKey.STARTED,
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[AttemptRow]:
    """One page of attempts in a stable order (ties broken by attempt id)."""
    return reads(source).page_attempts(
        flt, sort=sort, descending=descending, offset=offset, limit=limit
    )


def modules(source: Source) -> list[tuple[str, dict[str, str]]]:
    """Every module that has attempts, with its title as last recorded."""
    return reads(source).modules()


def workstations(source: Source) -> list[str]:
    return reads(source).workstations()


@dataclass(frozen=True)
class Transcript:
    """Everything one trainee did: every attempt and every certificate."""

    trainee: Trainee
    attempts: list[AttemptRow]
    certificates: list[CertificateLine] = field(default_factory=list)

    @property
    def modules_passed(self) -> list[str]:
        return sorted(
            {a.module_id for a in self.attempts if a.behaviour == "exam" and a.passed is True}
        )


def transcript(source: Source, trainee: Trainee) -> Transcript:
    repo = reads(source)
    return Transcript(trainee, repo.attempts_of(trainee.id), repo.certificates_of(trainee.id))
