"""The coordinator's results actions, each checking the signed-in role first.

The modules beside this one (query, analysis, summary, export, bundles) work on a
database and are what these actions are built from; the GUI and the command line
call the actions here, so a trainee session (or a trainer's) is refused before
anything is read or written. Each export records itself in the audit log here, so
the screens and the command line do not word the entry twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.certificates.signing import KeyRing
from trainer.results import analysis, bundles, export, query, summary
from trainer.results.export import TableFormat
from trainer.results.query import AttemptRow, ResultFilter, SortKey, Transcript
from trainer.results.source import ResultsSource, Scope, Source
from trainer.storage import audit
from trainer.storage.bundles import BundleImport
from trainer.storage.database import Database
from trainer.storage.trainees import Trainee

if TYPE_CHECKING:
    from trainer.workspace import Workspace


# -- browsing ------------------------------------------------------------------------
# Each read takes the ``source`` to read: None for this workstation's database, or the
# central database's reports (trainer.results.source) for every workstation.
def _source(ws: Workspace, source: ResultsSource | None) -> Source:
    return ws.db if source is None else source


@staff_action(Permission.VIEW_RESULTS)
def count_attempts(ws: Workspace, flt: ResultFilter, *, source: ResultsSource | None = None) -> int:
    return query.count_attempts(_source(ws, source), flt)


@staff_action(Permission.VIEW_RESULTS)
def page_attempts(
    ws: Workspace,
    flt: ResultFilter,
    *,
    sort: SortKey = SortKey.STARTED,
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
    source: ResultsSource | None = None,
) -> list[AttemptRow]:
    return query.page_attempts(
        _source(ws, source), flt, sort=sort, descending=descending, offset=offset, limit=limit
    )


@staff_action(Permission.VIEW_RESULTS)
def modules(
    ws: Workspace, *, source: ResultsSource | None = None
) -> list[tuple[str, dict[str, str]]]:
    return query.modules(_source(ws, source))


@staff_action(Permission.VIEW_RESULTS)
def workstations(ws: Workspace, *, source: ResultsSource | None = None) -> list[str]:
    return query.workstations(_source(ws, source))


@staff_action(Permission.VIEW_RESULTS)
def transcript(ws: Workspace, trainee: Trainee) -> Transcript:
    return query.transcript(ws.db, trainee)


# -- analysis ------------------------------------------------------------------------
@staff_action(Permission.VIEW_RESULTS)
def analyse_module(
    ws: Workspace, module_id: str, lang: str = "en", *, source: ResultsSource | None = None
) -> analysis.ModuleAnalysis:
    return analysis.analyse_module(_source(ws, source), module_id, lang)


@staff_action(Permission.VIEW_RESULTS)
def programme_summary(
    ws: Workspace,
    dimensions: Sequence[summary.Dimension] = summary.DEFAULT_DIMENSIONS,
    period: summary.Period = summary.Period.YEAR,
    flt: ResultFilter | None = None,
    *,
    source: ResultsSource | None = None,
) -> summary.Summary:
    return summary.programme_summary(_source(ws, source), dimensions, period, flt)


# -- exports -------------------------------------------------------------------------
@staff_action(Permission.EXPORT_RESULTS)
def export_attempts(
    ws: Workspace,
    path: Path,
    fmt: TableFormat,
    flt: ResultFilter | None = None,
    *,
    progress: export.Progress | None = None,
    db: Database | None = None,
    language: str = "en",
    source: ResultsSource | None = None,
) -> int:
    """One row per attempt, the export audited; ``db`` is a worker thread's own
    connection, if any; a workbook is worded in ``language``; ``source`` the central
    reports, to export every workstation's."""
    database = db or ws.db
    count = export.write_attempts(
        source or database, path, fmt, flt, progress=progress, language=language
    )
    _audit_export(ws, database, count, "attempts", fmt, path, source)
    return count


@staff_action(Permission.EXPORT_RESULTS)
def export_responses(
    ws: Workspace,
    path: Path,
    fmt: TableFormat,
    flt: ResultFilter | None = None,
    *,
    progress: export.Progress | None = None,
    db: Database | None = None,
    language: str = "en",
    source: ResultsSource | None = None,
) -> int:
    """One row per question of each attempt, the export audited; ``db``, ``language``
    and ``source`` as for export_attempts."""
    database = db or ws.db
    count = export.write_responses(
        source or database, path, fmt, flt, progress=progress, language=language
    )
    _audit_export(ws, database, count, "responses", fmt, path, source)
    return count


def _audit_export(
    ws: Workspace,
    db: Database,
    count: int,
    what: str,
    fmt: TableFormat,
    path: Path,
    source: ResultsSource | None,
) -> None:
    scope = " (all workstations)" if source is not None and source.scope is Scope.CENTRAL else ""
    audit.record(
        db,
        "results.export",
        f"{count} {what}{scope} as {fmt.value} to {path.name}",
        actor=ws.actor,
    )


@staff_action(Permission.EXPORT_RESULTS)
def export_item_analysis(ws: Workspace, path: Path, result: analysis.ModuleAnalysis) -> int:
    """Save a module's item statistics as CSV (audited); the number of items written."""
    rows = analysis.item_rows(result)
    count = export.write_table(path, TableFormat.CSV, analysis.ITEM_CSV_COLUMNS, rows, len(rows))
    ws.audit("results.item_analysis_export", f"{result.module_id} to {path.name}")
    return count


@staff_action(Permission.EXPORT_RESULTS)
def export_summary(ws: Workspace, path: Path, result: summary.Summary) -> int:
    """Save the programme summary as CSV (audited); the number of rows written."""
    rows = result.csv_rows()
    count = export.write_table(path, TableFormat.CSV, result.csv_columns(), rows, len(rows))
    ws.audit("results.summary_export", f"programme summary CSV to {path.name}")
    return count


# The interface draws these reports as PDF (with Qt); what is recorded is said here.
@staff_action(Permission.EXPORT_RESULTS)
def summary_pdf_saved(ws: Workspace, path: Path) -> None:
    ws.audit("results.summary_export", f"programme summary PDF to {path.name}")


@staff_action(Permission.VIEW_RESULTS)
def transcript_saved(ws: Workspace, trainee: Trainee, path: Path) -> None:
    ws.audit("results.transcript", f"transcript of {trainee.uid} to {path.name}")


# -- workstation bundles ---------------------------------------------------------------
def _connection(ws: Workspace, db: Database | None) -> tuple[Database, KeyRing]:
    if db is None:
        return ws.db, ws.keys
    return db, KeyRing(db, ws.data.keys)


@staff_action(Permission.EXPORT_RESULTS)
def export_bundle(
    ws: Workspace,
    path: Path,
    *,
    everything: bool = False,
    progress: bundles.Progress | None = None,
    db: Database | None = None,
) -> bundles.BundleExport:
    """This workstation's new results as a signed bundle; ``db`` as for export_attempts."""
    database, keys = _connection(ws, db)
    return bundles.export_bundle(
        database, keys, path, everything=everything, actor=ws.actor, progress=progress
    )


@staff_action(Permission.EXPORT_RESULTS)
def import_bundle(
    ws: Workspace,
    path: Path,
    *,
    progress: bundles.Progress | None = None,
    db: Database | None = None,
) -> bundles.MergeReport:
    """Verify and merge a bundle from another workstation; ``db`` as for export_attempts."""
    database, keys = _connection(ws, db)
    return bundles.import_bundle(database, keys, path, actor=ws.actor, progress=progress)


@staff_action(Permission.VIEW_RESULTS)
def bundle_imports(ws: Workspace) -> list[BundleImport]:
    return bundles.imports(ws.db)


@staff_action(Permission.VIEW_RESULTS)
def pending_attempts(ws: Workspace) -> int:
    """Finished attempts on this workstation not yet sent in a bundle."""
    return bundles.pending(ws.db)
