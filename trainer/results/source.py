"""Where the coordinator's reports read from: this workstation or every workstation (no Qt).

The results browser, the exports, the item analysis and the programme summary are written
once, against ``ResultsSource``: the reads they need, answered with the same typed records
by this workstation's SQLite (``trainer.storage.results.ResultsRepository``) and by the
central PostgreSQL (``trainer.storage.central.reports.CentralReports``). Switching scope
switches the source, never the rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from trainer.storage.database import Database
from trainer.storage.results import (
    AnswerCells,
    AnswerSet,
    AttemptRow,
    CertificateLine,
    Dimension,
    ExamTotal,
    Period,
    ResponseSums,
    ResultFilter,
    ResultsRepository,
    Scope,
    SortKey,
    SummaryRow,
)

__all__ = ["ResultsSource", "Scope", "Source", "reads"]


class ResultsSource(Protocol):
    """The reads behind every report, each answered with the records of storage.results."""

    scope: Scope

    def large_reads(self) -> None: ...

    # browsing
    def count_attempts(self, flt: ResultFilter) -> int: ...

    def page_attempts(
        self,
        flt: ResultFilter,
        *,
        sort: SortKey = SortKey.STARTED,
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> list[AttemptRow]: ...

    def modules(self) -> list[tuple[str, dict[str, str]]]: ...

    def workstations(self) -> list[str]: ...

    def attempts_of(self, trainee_id: int) -> list[AttemptRow]: ...

    def certificates_of(self, trainee_id: int) -> list[CertificateLine]: ...

    # the programme summary
    def exam_figures(
        self, dims: Sequence[Dimension], period: Period, flt: ResultFilter
    ) -> tuple[list[SummaryRow], SummaryRow]: ...

    # item analysis
    def exam_totals(self, module_id: str) -> list[ExamTotal]: ...

    def item_attempts(
        self, attempts: Sequence[tuple[int, float, bool, bool]]
    ) -> AbstractContextManager[None]: ...

    def answer_sets(self) -> list[AnswerSet]: ...

    def choose_group(self, attempt_ids: Sequence[int], question_ids: Sequence[str]) -> None: ...

    def response_sums(self) -> list[ResponseSums]: ...

    def latest_snapshot(self, question_id: str) -> str | None: ...

    # exports
    def snapshot_in(self, bank_hash: str, question_id: str) -> str | None: ...

    def export_attempts(self, flt: ResultFilter) -> tuple[int, Iterator[tuple[Any, ...]]]: ...

    def count_responses(self, flt: ResultFilter) -> int: ...

    def export_responses(self, flt: ResultFilter) -> Iterator[tuple[Any, ...]]: ...

    def response_csv_lines(
        self,
        flt: ResultFilter,
        *,
        delimiter: str,
        decimal_comma: bool,
        end: str,
        cells: AnswerCells,
    ) -> Iterator[tuple[str, int]]: ...


# A report reads either a source or, the everyday case, this workstation's database.
Source = Database | ResultsSource


def reads(source: Source) -> ResultsSource:
    """The reads of ``source``: a database is read through its results repository."""
    if isinstance(source, Database):
        return ResultsRepository(source)
    return source
