"""Finding attempts: the results browser's pages and a trainee's transcript (no Qt).

The filter shared by the browser, the exports and the summary (``ResultFilter``) and the
rows are declared with their queries in ``trainer.storage.results``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.storage.database import Database
from trainer.storage.results import (
    AttemptRow,
    CertificateLine,
    Outcome,
    ResultFilter,
    ResultsRepository,
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


def count_attempts(db: Database, flt: ResultFilter) -> int:
    return ResultsRepository(db).count_attempts(flt)


def page_attempts(
    db: Database,
    flt: ResultFilter,
    *,
    sort: SortKey = SortKey.STARTED,
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[AttemptRow]:
    """One page of attempts in a stable order (ties broken by attempt id)."""
    return ResultsRepository(db).page_attempts(
        flt, sort=sort, descending=descending, offset=offset, limit=limit
    )


def modules(db: Database) -> list[tuple[str, dict[str, str]]]:
    """Every module that has attempts, with its title as last recorded."""
    return ResultsRepository(db).modules()


def workstations(db: Database) -> list[str]:
    return ResultsRepository(db).workstations()


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


def transcript(db: Database, trainee: Trainee) -> Transcript:
    repo = ResultsRepository(db)
    return Transcript(trainee, repo.attempts_of(trainee.id), repo.certificates_of(trainee.id))
