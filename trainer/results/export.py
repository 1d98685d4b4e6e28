"""Attempts and per-question responses to CSV, Excel-friendly CSV, XLSX and JSON (no Qt).

Every column is documented in docs/exports.md. Files are written to a temporary
name beside the target and renamed when complete, so a cancelled or failed
export never leaves a half-written file under the requested name.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import IO, Any

from trainer.banks.model import Question
from trainer.banks.serialize import question_from_data
from trainer.errors import CancelledError, ExportError
from trainer.files import replace_atomically
from trainer.quiz.questions import correct_response, describe, response_from_json
from trainer.results.source import ResultsSource, Source, reads
from trainer.storage.results import ResultFilter
from trainer.text import cell_value, printable, spreadsheet_text

# Called now and then with (rows written, rows in all); returns False to cancel.
Progress = Callable[[int, int], bool]

BATCH = 5000
XLSX_MAX_ROWS = 1_048_575  # Excel's limit, less the header row


class OperationCancelledError(CancelledError):
    """The user cancelled; nothing was written."""


class TableFormat(StrEnum):
    CSV = "csv"
    CSV_EXCEL = "csv-excel"
    XLSX = "xlsx"
    JSON = "json"

    @property
    def suffix(self) -> str:
        return {"csv": ".csv", "csv-excel": ".csv", "xlsx": ".xlsx", "json": ".json"}[self.value]


ATTEMPT_COLUMNS: tuple[str, ...] = (
    "attempt_uid",
    "trainee_uid",
    "trainee_name",
    "institution",
    "service_number",
    "gender",
    "province",
    "module_id",
    "module_title",
    "bank_id",
    "bank_version",
    "behaviour",
    "language",
    "state",
    "started_at",
    "finished_at",
    "score",
    "max_score",
    "percent",
    "pass_mark",
    "passed",
    "questions",
    "seconds_spent",
    "workstation_uid",
    "session_test",
)

RESPONSE_COLUMNS: tuple[str, ...] = (
    "attempt_uid",
    "trainee_uid",
    "module_id",
    "behaviour",
    "bank_id",
    "bank_version",
    "position",
    "question_id",
    "kind",
    "topic",
    "answer_given",
    "correct_answer",
    "fraction",
    "mark",
    "max_mark",
    "seconds_spent",
)


def _attempt_rows(
    repo: ResultsSource, flt: ResultFilter, language: str | None = None
) -> tuple[int, Iterator[Sequence[Any]]]:
    """The attempt rows; module titles in ``language`` (with a fallback) when one is given,
    else every language in one cell."""
    total, stored = repo.export_attempts(flt)

    def rows() -> Iterator[Sequence[Any]]:
        titles: dict[str, str] = {}
        for r in stored:
            row = list(r)
            raw = row[8]
            title = titles.get(raw)
            if title is None:
                title = titles[raw] = _title_text(raw, language)
            row[8] = title
            if row[11] != "exam":  # a practice is neither passed nor failed
                row[20] = None
            elif row[20] is not None:
                row[20] = bool(row[20])
            row[24] = row[24] or ""
            if language is not None:  # a workbook: the mode in words
                row[11] = mode_text(row[11], row[24], language)
                row[24] = MODES.get(language, MODES["en"]).get(row[24], "")
            yield row

    return total, rows()


def _title_text(raw: str, language: str | None = None) -> str:
    """A module title as one cell: in ``language`` (else English, else any) when one is
    given; otherwise 'en: … | fr: …' in a stable order."""
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(value, dict):
        return raw
    if language is not None and value:
        chosen = value.get(language) or value.get("en") or next(iter(value.values()))
        return str(chosen)
    return " | ".join(f"{k}: {v}" for k, v in sorted(value.items()))


class _Describer:
    """Answer given and correct answer as words, cached per question version and response."""

    def __init__(self, repo: ResultsSource) -> None:
        self.repo = repo
        self.questions: dict[tuple[str, str], Question | None] = {}
        self.correct: dict[tuple[str, str, str], str] = {}
        self.given: dict[tuple[str, str, str, str], str] = {}

    def question(self, bank_hash: str, question_id: str) -> Question | None:
        """The question as shown in that bank version (one snapshot read per version)."""
        key = (bank_hash, question_id)
        if key not in self.questions:
            snapshot = self.repo.snapshot_in(bank_hash, question_id)
            try:
                self.questions[key] = question_from_data(json.loads(snapshot)["question"])  # type: ignore[arg-type]
            except (TypeError, ValueError, KeyError):
                self.questions[key] = None  # a damaged snapshot: export the raw response
        return self.questions[key]

    def texts(
        self, bank_hash: str, question_id: str, lang: str, response: str | None
    ) -> tuple[str, str]:
        ckey = (bank_hash, question_id, lang)
        correct = self.correct.get(ckey)
        if correct is None:
            q = self.question(bank_hash, question_id)
            correct = describe(q, correct_response(q), lang) if q is not None else ""
            self.correct[ckey] = correct
        if response is None:
            return "", correct
        gkey = (bank_hash, question_id, lang, response)
        given = self.given.get(gkey)
        if given is None:
            q = self.question(bank_hash, question_id)
            try:
                given = (
                    describe(q, response_from_json(q, json.loads(response)), lang)
                    if q is not None
                    else response
                )
            except (ValueError, TypeError, AttributeError):
                given = response
            self.given[gkey] = given
        return given, correct


def _response_rows(repo: ResultsSource, flt: ResultFilter) -> tuple[int, Iterator[Sequence[Any]]]:
    total = repo.count_responses(flt)
    describer = _Describer(repo)

    def rows() -> Iterator[Sequence[Any]]:
        texts = describer.texts
        for r in repo.export_responses(flt):
            given, correct = texts(r[10], r[7], r[11], r[12])
            yield (*r[:10], given, correct, *r[13:])

    return total, rows()


# -- responses as CSV, formatted by SQLite ---------------------------------------------
# Two million rows are too many to handle one by one in Python: storage has SQLite
# write the lines (``ResultsRepository.response_csv_lines``); the cells for the answer
# given, the right answer and the marks are worded here once per distinct answer.


def _csv_field(value: str, delimiter: str) -> str:
    value = spreadsheet_text(value)
    if any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def _csv_number(value: float | None, decimal_comma: bool) -> str:
    if value is None:
        return ""
    text = repr(float(value))
    return text.replace(".", ",") if decimal_comma else text


def _response_csv_lines(
    repo: ResultsSource, flt: ResultFilter, fmt: TableFormat
) -> Iterator[tuple[str, int]]:
    """Each attempt's responses as finished CSV lines, with how many lines that is."""
    excel = fmt is TableFormat.CSV_EXCEL
    d = ";" if excel else ","
    describer = _Describer(repo)

    def cells(
        bank_hash: str,
        lang: str,
        question_id: str,
        response: str | None,
        fraction: float | None,
        mark: float | None,
        max_mark: float,
    ) -> str | None:
        if describer.question(bank_hash, question_id) is None:
            return None  # not a question of that bank version
        given, correct = describer.texts(bank_hash, question_id, lang, response)
        return d.join(
            [
                _csv_field(given, d),
                _csv_field(correct, d),
                _csv_number(fraction, excel),
                _csv_number(mark, excel),
                _csv_number(max_mark, excel),
            ]
        )

    return repo.response_csv_lines(
        flt, delimiter=d, decimal_comma=excel, end="\r\n" if excel else "\n", cells=cells
    )


def _write_lines(
    fh: IO[str],
    fmt: TableFormat,
    columns: Sequence[str],
    chunks: Iterator[tuple[str, int]],
    total: int,
    progress: Progress | None,
) -> int:
    """Write blocks of lines SQLite has already formatted as CSV."""
    excel = fmt is TableFormat.CSV_EXCEL
    end = "\r\n" if excel else "\n"
    fh.write((";" if excel else ",").join(columns) + end)
    done = 0
    _tick(progress, 0, total)
    while True:
        batch = list(islice(chunks, 500))
        if not batch:
            break
        fh.write(end.join([text for text, _ in batch]) + end)
        done += sum(n for _, n in batch)
        _tick(progress, done, total)
    return done


def write_attempts(
    source: Source,
    path: Path,
    fmt: TableFormat,
    flt: ResultFilter | None = None,
    *,
    progress: Progress | None = None,
    language: str = "en",
) -> int:
    """Write one row per attempt; returns the number of rows written. A workbook is for
    people: its headings and module titles are in ``language``; the other formats keep
    the column ids and every title."""
    xlsx = fmt is TableFormat.XLSX
    total, rows = _attempt_rows(reads(source), flt or ResultFilter(), language if xlsx else None)
    return write_table(
        path,
        fmt,
        ATTEMPT_COLUMNS,
        rows,
        total,
        progress=progress,
        sheet="attempts",
        language=language,
    )


def write_responses(
    source: Source,
    path: Path,
    fmt: TableFormat,
    flt: ResultFilter | None = None,
    *,
    progress: Progress | None = None,
    language: str = "en",
) -> int:
    """Write one row per question of each attempt; returns the number of rows written
    (a workbook's headings in ``language``)."""
    repo = reads(source)
    repo.large_reads()
    flt = flt or ResultFilter()
    if fmt in (TableFormat.CSV, TableFormat.CSV_EXCEL):
        total = repo.count_responses(flt) if progress is not None else 0
        return _write_text(
            path,
            fmt,
            lambda fh: _write_lines(
                fh, fmt, RESPONSE_COLUMNS, _response_csv_lines(repo, flt, fmt), total, progress
            ),
        )
    total, rows = _response_rows(repo, flt)
    return write_table(
        path,
        fmt,
        RESPONSE_COLUMNS,
        rows,
        total,
        progress=progress,
        sheet="responses",
        language=language,
    )


# -- writers ----------------------------------------------------------------------------
def write_table(
    path: Path,
    fmt: TableFormat,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    total: int,
    *,
    progress: Progress | None = None,
    sheet: str = "data",
    language: str = "en",
) -> int:
    """Write ``rows`` under ``columns`` to ``path`` atomically; returns rows written.
    A workbook's headings are worded in ``language`` (``heading``)."""
    if fmt is TableFormat.XLSX:
        return _atomic(
            path, lambda tmp: _write_xlsx(tmp, columns, rows, total, progress, sheet, language)
        )
    if fmt is TableFormat.JSON:
        return _write_text(path, fmt, lambda fh: _write_json(fh, columns, rows, total, progress))
    return _write_text(path, fmt, lambda fh: _write_csv(fh, fmt, columns, rows, total, progress))


def _write_text(path: Path, fmt: TableFormat, body: Callable[[IO[str]], int]) -> int:
    encoding = "utf-8-sig" if fmt is TableFormat.CSV_EXCEL else "utf-8"

    def write(tmp: Path) -> int:
        with tmp.open("w", encoding=encoding, newline="") as fh:
            return body(fh)

    return _atomic(path, write)


def _atomic(path: Path, write: Callable[[Path], int]) -> int:
    """Run ``write`` on a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    return replace_atomically(
        path,
        write,
        fail=lambda exc: ExportError(
            f"the export could not be written: {exc.strerror or exc}", where=str(path)
        ),
    )


def _batches(rows: Iterable[Sequence[Any]]) -> Iterator[list[Sequence[Any]]]:
    batch: list[Sequence[Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise OperationCancelledError("export cancelled")


def _excel_value(value: Any) -> Any:
    """French-locale Excel: decimal comma, booleans as 1/0; text as data."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return cell_value(value)


def _write_csv(
    fh: IO[str],
    fmt: TableFormat,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    total: int,
    progress: Progress | None,
) -> int:
    excel = fmt is TableFormat.CSV_EXCEL
    writer = (
        csv.writer(fh, delimiter=";", lineterminator="\r\n")
        if excel
        else csv.writer(fh, lineterminator="\n")
    )
    writer.writerow(columns)
    done = 0
    _tick(progress, 0, total)
    for batch in _batches(rows):
        if excel:
            writer.writerows([[_excel_value(v) for v in row] for row in batch])
        else:
            writer.writerows([[cell_value(v) for v in row] for row in batch])
        done += len(batch)
        _tick(progress, done, total)
    return done


def _write_json(
    fh: IO[str],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    total: int,
    progress: Progress | None,
) -> int:
    fh.write('{"columns": ')
    fh.write(json.dumps(list(columns)))
    fh.write(', "records": [')
    done = 0
    _tick(progress, 0, total)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for batch in _batches(rows):
        fh.write(
            ("\n" if done == 0 else ",\n")
            + ",\n".join(encode(dict(zip(columns, row, strict=True))) for row in batch)
        )
        done += len(batch)
        _tick(progress, done, total)
    fh.write("\n]}\n")
    return done


_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xlsx_value(sheet: Any, value: Any) -> Any:
    """A cell for the workbook: text is stored as text (typed, so a leading '=' is never a
    formula) and characters XML cannot hold are written as escapes."""
    if not isinstance(value, str):
        return value
    if _XLSX_ILLEGAL.search(value):
        value = "\n".join(printable(line) for line in value.split("\n"))
    if not value.startswith("="):
        return value  # openpyxl takes only a leading '=' for a formula
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"
    return cell


# A workbook is read by people: its headings are words, in the export's language. A
# column with no words here keeps its id.
HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "attempt_uid": "Attempt id",
        "trainee_uid": "Trainee id",
        "trainee_name": "Trainee",
        "institution": "Institution",
        "service_number": "Service number",
        "gender": "Gender",
        "province": "Province",
        "module_id": "Module id",
        "module_title": "Module",
        "bank_id": "Bank",
        "bank_version": "Bank version",
        "behaviour": "Mode",
        "language": "Language",
        "state": "State",
        "started_at": "Started (UTC)",
        "finished_at": "Finished (UTC)",
        "score": "Score",
        "max_score": "Maximum score",
        "percent": "Percent",
        "pass_mark": "Pass mark (%)",
        "passed": "Passed",
        "questions": "Questions",
        "seconds_spent": "Seconds spent",
        "workstation_uid": "Workstation",
        "session_test": "Session test",
        "position": "Position",
        "question_id": "Question id",
        "kind": "Kind",
        "topic": "Topic",
        "answer_given": "Answer given",
        "correct_answer": "Correct answer",
        "fraction": "Fraction",
        "mark": "Mark",
        "max_mark": "Maximum mark",
    },
    "fr": {
        "attempt_uid": "Identifiant de la tentative",
        "trainee_uid": "Identifiant du participant",
        "trainee_name": "Participant",
        "institution": "Institution",
        "service_number": "Matricule",
        "gender": "Genre",
        "province": "Province",
        "module_id": "Identifiant du module",
        "module_title": "Module",
        "bank_id": "Banque",
        "bank_version": "Version de la banque",
        "behaviour": "Mode",
        "language": "Langue",
        "state": "État",
        "started_at": "Début (UTC)",
        "finished_at": "Fin (UTC)",
        "score": "Points",
        "max_score": "Points maximum",
        "percent": "Pourcentage",
        "pass_mark": "Seuil de réussite (%)",
        "passed": "Réussi",
        "questions": "Questions",
        "seconds_spent": "Secondes passées",
        "workstation_uid": "Poste de travail",
        "session_test": "Test de session",
        "position": "Position",
        "question_id": "Identifiant de la question",
        "kind": "Type",
        "topic": "Thème",
        "answer_given": "Réponse donnée",
        "correct_answer": "Bonne réponse",
        "fraction": "Fraction",
        "mark": "Note",
        "max_mark": "Note maximale",
    },
}
MODES: dict[str, dict[str, str]] = {
    "en": {"exam": "Exam", "practice": "Practice", "pre": "Pre-test", "post": "Post-test"},
    "fr": {
        "exam": "Examen",
        "practice": "Entraînement",
        "pre": "Test initial",
        "post": "Test final",
    },
}


def mode_text(behaviour: str, session_test: str, language: str) -> str:
    """An attempt's mode in words: a session's pre-test or post-test, an exam, a practice."""
    words = MODES.get(language, MODES["en"])
    return words.get(session_test) or words.get(behaviour, behaviour)


# Columns holding a moment (stored as ISO 8601 text, UTC): real dates in a workbook.
DATE_COLUMNS = frozenset({"started_at", "finished_at"})
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
WIDTH_SAMPLE = 500  # rows read to fit the column widths
MAX_WIDTH = 60  # characters


def heading(column: str, language: str) -> str:
    """A column's heading in a workbook (the id when it has no words)."""
    return HEADINGS.get(language, HEADINGS["en"]).get(column, column)


def _xlsx_date(value: Any) -> Any:
    """An ISO timestamp as a date-time Excel understands (naive, in UTC), else the value."""
    if not isinstance(value, str) or not value:
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(DATE_FORMAT)
    text = value if isinstance(value, str) else str(value)
    return max((len(line) for line in text.split("\n")), default=0)


def _write_xlsx(
    path: Path,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    total: int,
    progress: Progress | None,
    sheet: str,
    language: str = "en",
) -> int:
    """A workbook ready to read: worded headings in bold, the heading row frozen, dates
    as dates, columns as wide as their contents (from the first rows), text as text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    dates = [i for i, c in enumerate(columns) if c in DATE_COLUMNS]
    headings = [heading(c, language) for c in columns]
    batches = _batches(
        [_xlsx_date(v) if i in dates else v for i, v in enumerate(row)] for row in rows
    )
    first = next(batches, [])
    widths = [len(h) for h in headings]
    for row in first[:WIDTH_SAMPLE]:
        for i, value in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], _width(value))
    bold = Font(bold=True)
    book = Workbook(write_only=True)

    def new_sheet(title: str) -> Any:
        made = book.create_sheet(title)
        made.freeze_panes = "A2"
        for i, width in enumerate(widths):
            made.column_dimensions[get_column_letter(i + 1)].width = min(MAX_WIDTH, width + 2)
        cells = []
        for text in headings:
            value = _xlsx_value(made, text)
            cell = WriteOnlyCell(made, value) if isinstance(value, str) else value
            cell.font = bold
            cells.append(cell)
        made.append(cells)
        return made

    def cell(target: Any, value: Any) -> Any:
        if isinstance(value, datetime):
            dated = WriteOnlyCell(target, value)
            dated.number_format = DATE_FORMAT
            return dated
        return _xlsx_value(target, value)

    number = 1
    current = new_sheet(sheet)
    in_sheet = 0
    done = 0
    _tick(progress, 0, total)
    for batch in itertools.chain([first] if first else [], batches):
        for row in batch:
            if in_sheet >= XLSX_MAX_ROWS:  # more rows than a sheet holds: continue on another
                number += 1
                current = new_sheet(f"{sheet} {number}")
                in_sheet = 0
            current.append([cell(current, v) for v in row])
            in_sheet += 1
        done += len(batch)
        _tick(progress, done, total)
    with path.open("wb") as fh:
        book.save(fh)
    return done
