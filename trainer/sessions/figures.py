"""The annual figures a government reports: officials trained per service, province, gender
and month, with the number certified (no Qt). One call, written as XLSX or CSV."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.errors import ExportError, TrainerError
from trainer.files import replace_atomically
from trainer.sessions.report import write_workbook
from trainer.storage.database import Database
from trainer.storage.sessions import FIGURE_DIMENSIONS, annual_counts
from trainer.text import cell_value

if TYPE_CHECKING:
    from trainer.workspace import Workspace

COLUMNS = ["dimension", "value", "trained", "certified"]
FORMATS = ("xlsx", "csv")


@dataclass(frozen=True)
class AnnualFigures:
    year: int
    by: dict[str, list[tuple[str, int, int]]]  # dimension -> (value, trained, certified)

    @property
    def trained(self) -> int:
        return sum(n for _, n, _ in self.by.get("service", []))

    @property
    def certified(self) -> int:
        return sum(c for _, _, c in self.by.get("service", []))

    def rows(self) -> list[list[object]]:
        out: list[list[object]] = [["total", "", self.trained, self.certified]]
        for dimension in FIGURE_DIMENSIONS:
            out.extend([dimension, v, n, c] for v, n, c in self.by.get(dimension, []))
        return out


def annual_figures(db: Database, year: int) -> AnnualFigures:
    if not 2000 <= year <= 2100:
        raise TrainerError(f"{year} is not a year the figures can cover")
    return AnnualFigures(year, annual_counts(db, year))


def write_figures(figures: AnnualFigures, path: Path, fmt: str) -> Path:
    """XLSX: a sheet per dimension and one with every row; CSV: every row. Cells as data."""
    if fmt not in FORMATS:
        raise TrainerError(f"'{fmt}' is not a format of the annual figures (xlsx or csv)")
    if fmt == "xlsx":
        sheets = [("all", COLUMNS, figures.rows())]
        for dimension in FIGURE_DIMENSIONS:
            sheets.append(
                (
                    dimension,
                    [dimension, "trained", "certified"],
                    [[v, n, c] for v, n, c in figures.by.get(dimension, [])],
                )
            )
        return write_workbook(path, sheets)

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(COLUMNS)
            writer.writerows([[cell_value(v) for v in row] for row in figures.rows()])

    replace_atomically(
        Path(path),
        write,
        fail=lambda exc: ExportError(
            f"the figures could not be written: {exc.strerror or exc}", where=str(path)
        ),
    )
    return Path(path)


@staff_action(Permission.EXPORT_RESULTS)
def export_annual_figures(ws: Workspace, year: int, path: Path, fmt: str) -> Path:
    """The coordinator's one-click export of a year's figures (audited)."""
    written = write_figures(annual_figures(ws.db, year), path, fmt)
    ws.audit("sessions.annual_figures", f"{year} as {fmt} to {Path(path).name}")
    return written
