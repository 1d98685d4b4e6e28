"""Participant lists (CSV or XLSX) read and checked row by row (no Qt).

A list is read whole and checked before anything is imported: each bad row is named
with its row number and what is wrong. The caller imports nothing from a list with
errors unless the user chooses to import the good rows.
"""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from trainer.errors import TrainerError
from trainer.files import TooLargeError, read_bounded
from trainer.places import check_gender, check_province
from trainer.storage.trainees import FUNCTION_MAX, Institution
from trainer.text import check_code_text, check_name

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
MAX_XLSX_UNPACKED = 50 * 1024 * 1024
MAX_CELL = 300

# Column headings understood, in English and French (compared without case or accents).
HEADINGS = {
    "name": ("name", "full name", "nom", "nom complet", "nom et prenom", "nom et prenoms"),
    "service_number": (
        "service number",
        "service no",
        "service_number",
        "matricule",
        "numero de matricule",
        "n° matricule",
    ),
    "institution": ("institution", "service", "corps"),
    "function": ("function", "rank", "function or rank", "fonction", "grade", "fonction ou grade"),
    "gender": ("gender", "sex", "genre", "sexe"),
    "province": ("province",),
}
REQUIRED = ("name", "service_number", "institution")

_INSTITUTIONS = {
    "police": Institution.POLICE,
    "police nationale": Institution.POLICE,
    "pnb": Institution.POLICE,
    "prosecution": Institution.PROSECUTION,
    "prosecution service": Institution.PROSECUTION,
    "prosecutor": Institution.PROSECUTION,
    "parquet": Institution.PROSECUTION,
    "ministere public": Institution.PROSECUTION,
    "judiciary": Institution.JUDICIARY,
    "judge": Institution.JUDICIARY,
    "magistrature": Institution.JUDICIARY,
    "magistrature assise": Institution.JUDICIARY,
    "juge": Institution.JUDICIARY,
    "other": Institution.OTHER,
    "autre": Institution.OTHER,
}


@dataclass(frozen=True)
class ParticipantRow:
    row: int  # the row number in the file (the heading is row 1)
    name: str
    service_number: str
    institution: Institution
    function: str | None
    gender: str | None
    province: str | None


@dataclass(frozen=True)
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass
class ParticipantList:
    rows: list[ParticipantRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def institution_of(value: str) -> Institution:
    found = _INSTITUTIONS.get(_plain(value))
    if found is None:
        raise TrainerError(
            f"'{value[:40]}' is not an institution (police, prosecution, judiciary or other)"
        )
    return found


def read_participants(path: Path) -> ParticipantList:
    """Read a CSV or XLSX participant list; TrainerError when the file cannot be read at all."""
    path = Path(path)
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
    except TooLargeError:
        raise TrainerError(
            f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", where=str(path)
        ) from None
    except OSError as exc:
        raise TrainerError(f"the file cannot be read ({exc.strerror})", where=str(path)) from None
    table = _xlsx_rows(data, path) if data[:4] == b"PK\x03\x04" else _csv_rows(data, path)
    return check_rows(table, where=str(path))


def _csv_rows(data: bytes, path: Path) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise TrainerError("the file is not a text (CSV) file", where=str(path)) from None
    if "\x00" in text:
        raise TrainerError("the file is not a text (CSV) file", where=str(path))
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    out: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text), delimiter=delimiter):
            out.append(record)
            if len(out) > MAX_ROWS + 1:
                break
    except csv.Error as exc:
        raise TrainerError(f"the CSV file is damaged ({exc})", where=str(path)) from None
    return out


def _xlsx_rows(data: bytes, path: Path) -> list[list[str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile:
        raise TrainerError("the file is not a readable XLSX workbook", where=str(path)) from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise TrainerError("the workbook unpacks to too much data", where=str(path))
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged file
        raise TrainerError("the file is not a readable XLSX workbook", where=str(path)) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise TrainerError("the workbook has no sheet", where=str(path))
        out: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True, max_col=30):
            out.append(["" if v is None else _cell_text(v) for v in values])
            if len(out) > MAX_ROWS + 1:
                break
        return out
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a service number typed as a number
    return str(value)


def check_rows(table: list[list[str]], *, where: str = "") -> ParticipantList:
    """Check every row of a table whose first non-empty row holds the headings."""
    while table and not any(c.strip() for c in table[0]):
        table = table[1:]
    if not table:
        raise TrainerError("the list is empty", where=where or None)
    columns: dict[str, int] = {}
    for index, heading in enumerate(table[0]):
        key = _plain(heading).replace("_", " ")
        for name, names in HEADINGS.items():
            if key in (n.replace("_", " ") for n in names) and name not in columns:
                columns[name] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise TrainerError(
            "the list has no column for "
            + ", ".join(n.replace("_", " ") for n in missing)
            + " (the first row must name the columns: name, service number, institution,"
            " function, gender, province)",
            where=where or None,
        )
    body = table[1:]
    if len(body) > MAX_ROWS:
        raise TrainerError(f"the list has more than {MAX_ROWS} rows", where=where or None)
    result = ParticipantList()
    seen: dict[str, int] = {}
    for offset, cells in enumerate(body):
        number = offset + 2
        if not any(c.strip() for c in cells):
            continue

        def cell(name: str, cells: list[str] = cells) -> str:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        try:
            raw = {name: cell(name) for name in HEADINGS}
            for name, value in raw.items():
                if len(value) > MAX_CELL:
                    raise TrainerError(f"the {name.replace('_', ' ')} is too long")
            name = check_name(raw["name"])
            service = check_code_text(raw["service_number"])
            if not service:
                raise TrainerError("the service number is missing")
            key = "".join(service.split()).casefold()
            if key in seen:
                raise TrainerError(f"the service number {service} is already on row {seen[key]}")
            row = ParticipantRow(
                row=number,
                name=name,
                service_number=service,
                institution=institution_of(raw["institution"]),
                function=check_code_text(raw["function"], what="function", limit=FUNCTION_MAX),
                gender=check_gender(raw["gender"]),
                province=check_province(raw["province"]),
            )
        except TrainerError as exc:
            result.errors.append(RowError(number, exc.message))
            continue
        seen[key] = number
        result.rows.append(row)
    return result
