"""The coordinator's results actions, each checking the signed-in role first.

The modules beside this one (query, analysis, summary, export, bundles) work on a
database and are what these actions are built from; the GUI and the command line
call the actions here, so a trainee session (or a trainer's) is refused before
anything is read or written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.access import Permission, staff_action
from trainer.certificates.signing import KeyRing
from trainer.results import analysis, bundles, export, query, summary
from trainer.results.export import ExportFormat
from trainer.results.query import AttemptRow, ResultFilter, SortKey, Transcript
from trainer.storage.database import Database
from trainer.storage.trainees import Trainee

if TYPE_CHECKING:
    from trainer.workspace import Workspace


# -- browsing ------------------------------------------------------------------------
@staff_action(Permission.VIEW_RESULTS)
def count_attempts(ws: Workspace, flt: ResultFilter) -> int:
    return query.count_attempts(ws.db, flt)


@staff_action(Permission.VIEW_RESULTS)
def page_attempts(
    ws: Workspace,
    flt: ResultFilter,
    *,
    sort: SortKey = SortKey.STARTED,
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[AttemptRow]:
    return query.page_attempts(
        ws.db, flt, sort=sort, descending=descending, offset=offset, limit=limit
    )


@staff_action(Permission.VIEW_RESULTS)
def modules(ws: Workspace) -> list[tuple[str, dict[str, str]]]:
    return query.modules(ws.db)


@staff_action(Permission.VIEW_RESULTS)
def workstations(ws: Workspace) -> list[str]:
    return query.workstations(ws.db)


@staff_action(Permission.VIEW_RESULTS)
def transcript(ws: Workspace, trainee: Trainee) -> Transcript:
    return query.transcript(ws.db, trainee)


# -- analysis ------------------------------------------------------------------------
@staff_action(Permission.VIEW_RESULTS)
def analyse_module(ws: Workspace, module_id: str, lang: str = "en") -> analysis.ModuleAnalysis:
    return analysis.analyse_module(ws.db, module_id, lang)


@staff_action(Permission.VIEW_RESULTS)
def programme_summary(
    ws: Workspace,
    dimensions: Sequence[summary.Dimension] = summary.DEFAULT_DIMENSIONS,
    period: summary.Period = summary.Period.YEAR,
    flt: ResultFilter | None = None,
) -> summary.Summary:
    return summary.programme_summary(ws.db, dimensions, period, flt)


# -- exports -------------------------------------------------------------------------
@staff_action(Permission.EXPORT_RESULTS)
def export_attempts(
    ws: Workspace,
    path: Path,
    fmt: ExportFormat,
    flt: ResultFilter | None = None,
    *,
    progress: export.Progress | None = None,
    db: Database | None = None,
) -> int:
    """One row per attempt; ``db`` is a worker thread's own connection, if any."""
    return export.export_attempts(db or ws.db, path, fmt, flt, progress=progress)


@staff_action(Permission.EXPORT_RESULTS)
def export_responses(
    ws: Workspace,
    path: Path,
    fmt: ExportFormat,
    flt: ResultFilter | None = None,
    *,
    progress: export.Progress | None = None,
    db: Database | None = None,
) -> int:
    """One row per question of each attempt; ``db`` as for export_attempts."""
    return export.export_responses(db or ws.db, path, fmt, flt, progress=progress)


@staff_action(Permission.EXPORT_RESULTS)
def export_table(
    ws: Workspace,
    path: Path,
    fmt: ExportFormat,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    total: int,
    *,
    progress: export.Progress | None = None,
    sheet: str = "data",
) -> int:
    """Save a table already on screen (item analysis, programme summary) to a file."""
    return export.write_table(path, fmt, columns, rows, total, progress=progress, sheet=sheet)


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
) -> bundles.ImportReport:
    """Verify and merge a bundle from another workstation; ``db`` as for export_attempts."""
    database, keys = _connection(ws, db)
    return bundles.import_bundle(database, keys, path, actor=ws.actor, progress=progress)


@staff_action(Permission.VIEW_RESULTS)
def bundle_imports(ws: Workspace) -> list[dict[str, Any]]:
    return bundles.imports(ws.db)


@staff_action(Permission.VIEW_RESULTS)
def pending_attempts(ws: Workspace) -> int:
    """Finished attempts on this workstation not yet sent in a bundle."""
    return bundles.pending(ws.db)
