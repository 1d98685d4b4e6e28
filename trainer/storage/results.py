"""The coordinator's reads over attempts and trainees: browsing, summaries, item analysis and
exports (no Qt).

The large passes (the responses export, the item analysis) stay single SQL passes:
their rows come out as plain tuples, and the CSV export has SQLite format its lines.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from trainer.errors import TrainerError
from trainer.storage.database import Database, storage_error
from trainer.storage.sessions import NOT_PRE_TEST
from trainer.storage.trainees import Institution


class Scope(StrEnum):
    """Which results a report covers (``trainer.results.source``)."""

    LOCAL = "local"  # this workstation's database
    CENTRAL = "central"  # every workstation, as synchronised to the central database


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"


@dataclass(frozen=True)
class ResultFilter:
    """Which attempts to show or export; every field left empty matches everything.

    Dates are calendar days (UTC) on the attempt's start, both ends included.
    """

    date_from: date | None = None
    date_to: date | None = None
    module_id: str | None = None
    audience: str | None = None
    institution: Institution | None = None
    trainee_id: int | None = None
    trainee_search: str = ""
    outcome: Outcome | None = None
    workstation_uid: str | None = None
    behaviour: str | None = None
    finished_only: bool = False

    def where(self) -> tuple[str, list[object]]:
        """A WHERE clause over ``attempts a JOIN trainees t`` ('' when nothing is filtered)."""
        parts: list[str] = []
        params: list[object] = []
        if self.date_from is not None:
            parts.append("a.started_at >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            parts.append("a.started_at < ?")
            params.append((self.date_to + timedelta(days=1)).isoformat())
        if self.module_id:
            parts.append("a.module_id = ?")
            params.append(self.module_id)
        if self.audience:
            parts.append("(',' || a.audiences || ',') LIKE ?")
            params.append(f"%,{self.audience},%")
        if self.institution is not None:
            parts.append("t.institution = ?")
            params.append(self.institution.value)
        if self.trainee_id is not None:
            parts.append("a.trainee_id = ?")
            params.append(self.trainee_id)
        if self.trainee_search.strip():
            pattern = f"%{self.trainee_search.strip()}%"
            parts.append("(t.name LIKE ? OR ifnull(t.service_number, '') LIKE ?)")
            params.extend([pattern, pattern])
        if self.outcome is Outcome.PASSED:
            parts.append("a.passed = 1")
        elif self.outcome is Outcome.FAILED:
            parts.append("a.passed = 0")
        if self.workstation_uid:
            parts.append("a.workstation_uid = ?")
            params.append(self.workstation_uid)
        if self.behaviour:
            parts.append("a.behaviour = ?")
            params.append(self.behaviour)
        if self.finished_only:
            parts.append("a.state = 'finished'")
        return (" WHERE " + " AND ".join(parts) if parts else ""), params


class SortKey(StrEnum):
    STARTED = "started"
    TRAINEE = "trainee"
    INSTITUTION = "institution"
    MODULE = "module"
    BEHAVIOUR = "behaviour"
    PERCENT = "percent"
    PASSED = "passed"
    WORKSTATION = "workstation"


_SORT_SQL = {
    SortKey.STARTED: "a.started_at",
    SortKey.TRAINEE: "t.name COLLATE NOCASE",
    SortKey.INSTITUTION: "t.institution",
    SortKey.MODULE: "a.module_id",
    SortKey.BEHAVIOUR: "a.behaviour",
    SortKey.PERCENT: "a.percent",
    SortKey.PASSED: "a.passed",
    SortKey.WORKSTATION: "a.workstation_uid",
}


@dataclass(frozen=True)
class AttemptRow:
    """One line of the results browser."""

    id: int
    uid: str
    trainee_id: int
    trainee_name: str
    institution: Institution
    module_id: str
    module_title: dict[str, str]
    behaviour: str
    state: str
    started_at: datetime
    finished_at: datetime | None
    percent: float | None
    passed: bool | None
    workstation_uid: str
    pre_test: bool = False  # a training session's pre-test (its pass or fail counts for nothing)

    def title(self, lang: str) -> str:
        return self.module_title.get(lang) or next(iter(self.module_title.values()), self.module_id)


_ROW_SQL = (
    "SELECT a.id, a.uid, a.trainee_id, t.name AS trainee_name, t.institution, a.module_id,"
    " a.module_title, a.behaviour, a.state, a.started_at, a.finished_at, a.percent, a.passed,"
    " a.workstation_uid, a.uid IN (SELECT attempt_uid FROM session_tests WHERE phase = 'pre')"
    " AS pre_test FROM attempts a JOIN trainees t ON t.id = a.trainee_id"
)


def _attempt_row(r: sqlite3.Row) -> AttemptRow:
    return AttemptRow(
        id=r["id"],
        uid=r["uid"],
        trainee_id=r["trainee_id"],
        trainee_name=r["trainee_name"],
        institution=Institution(r["institution"]),
        module_id=r["module_id"],
        module_title=_title(r["module_title"]),
        behaviour=r["behaviour"],
        state=r["state"],
        started_at=datetime.fromisoformat(r["started_at"]),
        finished_at=datetime.fromisoformat(r["finished_at"]) if r["finished_at"] else None,
        percent=r["percent"],
        passed=None if r["passed"] is None else bool(r["passed"]),
        workstation_uid=r["workstation_uid"],
        pre_test=bool(r["pre_test"]),
    )


def _title(text: str) -> dict[str, str]:
    try:
        value = json.loads(text)
    except ValueError:
        return {"en": text}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


@dataclass(frozen=True)
class CertificateLine:
    """A certificate in the register held by a trainee."""

    number: str
    subject: str  # a module id, or the programme's name
    certified_on: str
    revoked: bool


class Dimension(StrEnum):
    PERIOD = "period"
    INSTITUTION = "institution"
    MODULE = "module"
    GENDER = "gender"
    PROVINCE = "province"
    SESSION = "session"
    AUDIENCE = "audience"
    FUNCTION = "function"


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


_PERIOD_SQL = {
    Period.MONTH: "substr(a.finished_at, 1, 7)",
    Period.QUARTER: "substr(a.finished_at, 1, 4) || '-Q'"
    " || ((CAST(substr(a.finished_at, 6, 2) AS INTEGER) + 2) / 3)",
    Period.YEAR: "substr(a.finished_at, 1, 4)",
}

_DIMENSION_SQL = {
    Dimension.INSTITUTION: "t.institution",
    Dimension.MODULE: "a.module_id",
    Dimension.GENDER: "ifnull(t.gender, '')",
    Dimension.PROVINCE: "ifnull(t.province, '')",
    # The training session whose post-test the attempt was ('' for an exam taken alone).
    Dimension.SESSION: "ifnull((SELECT s.title FROM session_tests st JOIN training_sessions s"
    " ON s.uid = st.session_uid WHERE st.attempt_uid = a.uid), '')",
    Dimension.AUDIENCE: "a.audiences",
    Dimension.FUNCTION: "ifnull(t.function, '')",
}


@dataclass(frozen=True)
class SummaryRow:
    keys: tuple[str, ...]  # one value per dimension, in order ('' = not recorded)
    trained: int
    passed: int
    attempts: int
    training_hours: float

    @property
    def pass_rate(self) -> float | None:
        return 100.0 * self.passed / self.trained if self.trained else None


@dataclass(frozen=True)
class ExamTotal:
    """A finished exam attempt's score, for the item analysis."""

    attempt_id: int
    score: float | None
    max_score: float | None
    percent: float | None
    module_title: str  # as stored: JSON of the title per language


@dataclass(frozen=True)
class AnswerSet:
    """The questions one exam attempt answered (ids joined by U+001F, in id order),
    its item scores' sum, and whether any item score was neither 0 nor 1."""

    attempt_id: int
    question_ids: str
    score_sum: float
    partial: bool


@dataclass(frozen=True)
class ResponseSums:
    """Sums over the answers that gave one response to one question (x: the item score,
    0 to 1, unanswered as 0; t: the attempt's total, 0 to 1), for the item statistics;
    the "group" sums cover the attempts chosen for the reliability only."""

    question_id: str
    kind: str
    response: str | None
    n: int
    sx: float
    st: float
    sxx: float
    stt: float
    sxt: float
    upper_sx: float
    upper_n: int
    lower_sx: float
    lower_n: int
    group_n: int
    group_sx: float
    group_sxx: float


# The module's attempts are a temporary table (attempt id, total, upper/lower group,
# reliability group), so each answer is read from a covering index and summed by SQLite:
# nothing is sorted and no row of a million reaches Python. Summed per (question, kind,
# response, fraction), the index's order: see ``fraction_sums``.
_ITEM_SUMS_SQL = (
    "SELECT q.question_id, q.kind, q.response, q.fraction, count(*), sum(x.t),"
    " sum(x.t * x.t), sum(x.upper), sum(x.lower), sum(x.grp)"
    " FROM attempt_questions q INDEXED BY attempt_questions_by_response"
    " CROSS JOIN temp.item_attempts x ON x.attempt_id = q.attempt_id"
    " WHERE q.question_id IN (SELECT question_id FROM temp.item_questions)"
    " GROUP BY q.question_id, q.kind, q.response, q.fraction"
)


def fraction_sums(rows: Iterable[Sequence[Any]]) -> list[ResponseSums]:
    """The sums of each (question, kind, response) from rows summed per (question, kind,
    response, fraction): (question, kind, response, fraction, count, Σt, Σt², Σupper,
    Σlower, Σgroup) over the attempts' totals t and group marks. The fraction f (a missing
    one counts 0) is one value in each row, so its products are made here, f·Σt for Σf·t:
    the database makes six sums per answer instead of thirteen, with the same figures."""
    sums: dict[tuple[str, str, str | None], list[float]] = {}
    for r in rows:
        f = float(r[3] or 0.0)
        n, st, stt, upper, lower, grp = (float(v or 0.0) for v in r[4:10])
        key = (str(r[0]), str(r[1]), None if r[2] is None else str(r[2]))
        x = sums.setdefault(key, [0.0] * 13)
        for i, v in enumerate(
            (n, f * n, st, f * f * n, stt, f * st, f * upper, upper, f * lower, lower,
             grp, f * grp, f * f * grp)
        ):  # fmt: skip
            x[i] += v
    return [
        ResponseSums(
            question_id=qid,
            kind=kind,
            response=response,
            n=int(x[0]),
            sx=x[1],
            st=x[2],
            sxx=x[3],
            stt=x[4],
            sxt=x[5],
            upper_sx=x[6],
            upper_n=int(x[7]),
            lower_sx=x[8],
            lower_n=int(x[9]),
            group_n=int(x[10]),
            group_sx=x[11],
            group_sxx=x[12],
        )
        for (qid, kind, response), x in sums.items()
    ]


# (bank hash, language, question id, response or None, fraction, mark, max mark) -> the CSV
# cells for the answer given, the right answer and the three marks; None leaves the
# response out of the lookup (not a question of that bank version).
AnswerCells = Callable[[str, str, str, str | None, float | None, float | None, float], str | None]

_FROM = " FROM attempts a JOIN trainees t ON t.id = a.trainee_id"
_NULL = -1.0  # stands for NULL in the lookup's key (marks are never negative)


def _number(expr: str, decimal_comma: bool) -> str:
    text = f"CAST({expr} AS TEXT)"
    return f"ifnull(replace({text}, '.', ','), '')" if decimal_comma else f"ifnull({text}, '')"


class ResultsRepository:
    """The reports' reads over this workstation's database (``trainer.results.source``)."""

    scope = Scope.LOCAL

    def __init__(self, db: Database) -> None:
        self.db = db

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows as plain tuples, read lazily (the fastest way out of SQLite)."""
        cursor: sqlite3.Cursor | None = None
        try:
            cursor = self.db.conn.cursor()
            cursor.row_factory = None
            yield from cursor.execute(sql, params)
        except sqlite3.Error as exc:
            raise storage_error(exc, str(self.db.path)) from exc
        finally:
            if cursor is not None:
                with contextlib.suppress(sqlite3.Error):
                    cursor.close()

    def large_reads(self) -> None:
        """Read the database through a memory map: much faster for scans of millions of rows."""
        self.db.query("PRAGMA mmap_size = 1073741824")

    # -- browsing -----------------------------------------------------------------------
    def count_attempts(self, flt: ResultFilter) -> int:
        where, params = flt.where()
        row = self.db.query_one("SELECT count(*)" + _FROM + where, params)
        return int(row[0]) if row else 0

    def page_attempts(
        self,
        flt: ResultFilter,
        *,
        sort: SortKey = SortKey.STARTED,
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> list[AttemptRow]:
        """One page of attempts in a stable order (ties broken by attempt id)."""
        if limit <= 0 or offset < 0:
            raise TrainerError("a page needs a positive size and a non-negative start")
        where, params = flt.where()
        direction = "DESC" if descending else "ASC"
        sql = (
            f"{_ROW_SQL}{where} ORDER BY {_SORT_SQL[sort]} {direction}, a.id {direction}"
            " LIMIT ? OFFSET ?"
        )
        return [_attempt_row(r) for r in self.db.query(sql, [*params, limit, offset])]

    def modules(self) -> list[tuple[str, dict[str, str]]]:
        """Every module that has attempts, with its title as last recorded."""
        rows = self.db.query(
            "SELECT module_id, module_title FROM attempts WHERE id IN"
            " (SELECT max(id) FROM attempts GROUP BY module_id) ORDER BY module_id"
        )
        return [(r["module_id"], _title(r["module_title"])) for r in rows]

    def workstations(self) -> list[str]:
        rows = self.db.query(
            "SELECT DISTINCT workstation_uid FROM attempts ORDER BY workstation_uid"
        )
        return [str(r[0]) for r in rows]

    def attempts_of(self, trainee_id: int) -> list[AttemptRow]:
        rows = self.db.query(
            _ROW_SQL + " WHERE a.trainee_id = ? ORDER BY a.started_at", (trainee_id,)
        )
        return [_attempt_row(r) for r in rows]

    def certificates_of(self, trainee_id: int) -> list[CertificateLine]:
        rows = self.db.query(
            "SELECT number, CASE WHEN kind = 'programme' THEN ifnull(programme_name, subject)"
            " ELSE subject END AS subject, certified_on, status FROM certificates"
            " WHERE trainee_id = ? ORDER BY certified_on, number",
            (trainee_id,),
        )
        return [
            CertificateLine(r["number"], r["subject"], r["certified_on"], r["status"] == "revoked")
            for r in rows
        ]

    # -- the programme summary ----------------------------------------------------------
    def exam_figures(
        self, dims: Sequence[Dimension], period: Period, flt: ResultFilter
    ) -> tuple[list[SummaryRow], SummaryRow]:
        """Officials trained and passed per group of ``dims`` and in all (each official
        counted once), over the finished exam attempts that ``flt`` matches."""
        where, params = flt.where()
        base = _FROM + (where + " AND" if where else " WHERE")
        # a training session's pre-test measures what was known before teaching: not counted
        base += " a.behaviour = 'exam' AND a.state = 'finished' AND " + NOT_PRE_TEST
        figures = (
            "count(DISTINCT a.trainee_id),"
            " count(DISTINCT CASE WHEN a.passed = 1 THEN a.trainee_id END), count(*)"
        )
        exprs = [_PERIOD_SQL[period] if d is Dimension.PERIOD else _DIMENSION_SQL[d] for d in dims]
        # Training hours: each official's hours for each module they passed, counted once.
        hours = (
            "SELECT {keys}, sum(h) FROM (SELECT DISTINCT {keys_as}, a.trainee_id, a.module_id,"
            " a.training_hours AS h" + base + " AND a.passed = 1) GROUP BY {groups}"
        )
        rows: list[SummaryRow] = []
        hours_by: dict[tuple[str, ...], float] = {}
        if dims:
            select = ", ".join(exprs)
            groups = ", ".join(str(i) for i in range(1, len(dims) + 1))
            keys_as = ", ".join(f"{e} AS k{i}" for i, e in enumerate(exprs))
            keys = ", ".join(f"k{i}" for i in range(len(dims)))
            for r in self.db.query(hours.format(keys=keys, keys_as=keys_as, groups=groups), params):
                hours_by[tuple(str(v) for v in tuple(r)[: len(dims)])] = float(r[len(dims)] or 0)
            for r in self.db.query(
                f"SELECT {select}, {figures}{base} GROUP BY {groups} ORDER BY {groups}", params
            ):
                values = tuple(r)
                key = tuple(str(v) for v in values[: len(dims)])
                rows.append(
                    SummaryRow(
                        key,
                        int(values[len(dims)]),
                        int(values[len(dims) + 1]),
                        int(values[len(dims) + 2]),
                        hours_by.get(key, 0.0),
                    )
                )
        t = self.db.query_one(f"SELECT {figures}{base}", params)
        h = self.db.query_one(
            "SELECT sum(h) FROM (SELECT DISTINCT a.trainee_id, a.module_id, a.training_hours AS h"
            + base
            + " AND a.passed = 1)",
            params,
        )
        total = SummaryRow(
            tuple("" for _ in dims),
            int(t[0]) if t else 0,
            int(t[1]) if t else 0,
            int(t[2]) if t else 0,
            float(h[0] or 0) if h else 0.0,
        )
        return rows, total

    # -- item analysis ------------------------------------------------------------------
    def exam_totals(self, module_id: str) -> list[ExamTotal]:
        """The module's finished exam attempts, in the order they were recorded, read from
        an index alone; each carries the module's title as its latest exam recorded it
        (the one the analysis shows), read once."""
        exams = "module_id = ? AND behaviour = 'exam' AND state = 'finished'"
        return [
            ExamTotal(r[0], r[1], r[2], r[3], r[4])
            for r in self.db.conn.execute(
                "SELECT id, score, max_score, percent, (SELECT module_title FROM attempts"
                f" WHERE {exams} ORDER BY id DESC LIMIT 1) FROM attempts"
                f" INDEXED BY attempts_exam_totals WHERE {exams} ORDER BY id",
                (module_id, module_id),
            )
        ]

    @contextlib.contextmanager
    def item_attempts(self, attempts: Sequence[tuple[int, float, bool, bool]]) -> Iterator[None]:
        """The attempts of one item analysis, (attempt id, total, in the upper group, in the
        lower group), held for the queries below (``answer_sets``, ``choose_group``,
        ``response_sums``) and dropped after."""
        conn = self.db.conn
        try:
            conn.execute("DROP TABLE IF EXISTS temp.item_attempts")
            conn.execute("DROP TABLE IF EXISTS temp.item_questions")
            conn.execute(
                "CREATE TEMP TABLE item_attempts (attempt_id INTEGER PRIMARY KEY, t REAL NOT NULL,"
                " upper INTEGER NOT NULL, lower INTEGER NOT NULL, grp INTEGER NOT NULL DEFAULT 0)"
            )
            conn.execute("CREATE TEMP TABLE item_questions (question_id TEXT PRIMARY KEY)")
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO temp.item_attempts (attempt_id, t, upper, lower) VALUES (?, ?, ?, ?)",
                attempts,
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise storage_error(exc, str(self.db.path)) from exc
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("DROP TABLE IF EXISTS temp.item_attempts")
                conn.execute("DROP TABLE IF EXISTS temp.item_questions")

    def answer_sets(self) -> list[AnswerSet]:
        """Per attempt of ``item_attempts``: the questions it answered (in id order), its
        item scores' sum and whether any was neither 0 nor 1, as kept with each finished
        attempt (``attempt_item_sets``, migration 0081); an attempt without its row is
        read through the view that makes them. CROSS JOIN keeps the module's attempts
        outermost: the planner otherwise walked every attempt of every module (0.87 s
        against 0.15 s at ten million answers)."""
        return [
            AnswerSet(a, ids or "", float(total or 0.0), bool(partial))
            for a, ids, total, partial in self._rows(
                "SELECT x.attempt_id, s.question_key, s.item_sum, s.partial"
                " FROM temp.item_attempts x CROSS JOIN attempt_item_sets s"
                " ON s.attempt_id = x.attempt_id"
                " UNION ALL SELECT x.attempt_id, v.question_key, v.item_sum, v.partial"
                " FROM temp.item_attempts x CROSS JOIN attempt_item_set_rows v"
                " ON v.attempt_id = x.attempt_id WHERE NOT EXISTS"
                " (SELECT 1 FROM attempt_item_sets s WHERE s.attempt_id = x.attempt_id)"
            )
        ]

    def choose_group(self, attempt_ids: Sequence[int], question_ids: Sequence[str]) -> None:
        """The attempts the reliability is computed on, and every question of the module."""
        conn = self.db.conn
        try:
            conn.execute("BEGIN")
            conn.executemany(
                "UPDATE temp.item_attempts SET grp = 1 WHERE attempt_id = ?",
                ((a,) for a in attempt_ids),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO temp.item_questions (question_id) VALUES (?)",
                ((q,) for q in question_ids),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise storage_error(exc, str(self.db.path)) from exc

    def response_sums(self) -> list[ResponseSums]:
        """The sums of every (question, kind, response) over the attempts of
        ``item_attempts``, in one pass over an index ordered that way."""
        return fraction_sums(self._rows(_ITEM_SUMS_SQL))

    def latest_snapshot(self, question_id: str) -> str | None:
        """The question as it was most recently shown (its snapshot's JSON)."""
        row = self.db.query_one(
            "SELECT snapshot FROM attempt_questions INDEXED BY attempt_questions_question"
            " WHERE question_id = ?"
            " ORDER BY rowid DESC LIMIT 1",
            (question_id,),
        )
        return None if row is None else str(row["snapshot"])

    # -- exports ------------------------------------------------------------------------
    def snapshot_in(self, bank_hash: str, question_id: str) -> str | None:
        """The question as shown in one bank version (its snapshot's JSON)."""
        row = self.db.query_one(
            "SELECT q.snapshot FROM attempt_questions q JOIN attempts a ON a.id = q.attempt_id"
            " WHERE q.question_id = ? AND a.bank_hash = ? LIMIT 1",
            (question_id, bank_hash),
        )
        return None if row is None else row[0]

    def export_attempts(self, flt: ResultFilter) -> tuple[int, Iterator[tuple[Any, ...]]]:
        """How many attempts match, and their rows in attempt order: the attempt export's
        columns, with the module title as stored and ``passed`` as 0/1."""
        where, params = flt.where()
        total = self.count_attempts(flt)
        sql = (
            "SELECT a.uid, t.uid, t.name, t.institution, t.service_number, t.gender, t.province,"
            " a.module_id, a.module_title, a.bank_id, a.bank_version, a.behaviour, a.language,"
            " a.state, a.started_at, a.finished_at, a.score, a.max_score, a.percent, a.pass_mark,"
            " a.passed, (SELECT count(*) FROM attempt_questions q WHERE q.attempt_id = a.id),"
            " (SELECT round(sum(q.seconds_spent), 3) FROM attempt_questions q"
            "  WHERE q.attempt_id = a.id), a.workstation_uid,"
            " (SELECT st.phase FROM session_tests st WHERE st.attempt_uid = a.uid)"
            + _FROM
            + where
            + " ORDER BY a.id"
        )
        return total, self._rows(sql, params)

    def count_responses(self, flt: ResultFilter) -> int:
        where, params = flt.where()
        row = self.db.query_one(
            "SELECT count(*) FROM attempt_questions q JOIN attempts a ON a.id = q.attempt_id"
            " JOIN trainees t ON t.id = a.trainee_id" + where,
            params,
        )
        return int(row[0]) if row else 0

    def export_responses(self, flt: ResultFilter) -> Iterator[tuple[Any, ...]]:
        """Every answer of the matching attempts, in attempt and slot order: attempt uid,
        trainee uid, module, behaviour, bank id, bank version, position, question id, kind,
        topic, bank hash, language, response, fraction, mark, max mark, seconds spent."""
        where, params = flt.where()
        return self._rows(
            "SELECT a.uid, t.uid, a.module_id, a.behaviour, a.bank_id, a.bank_version, q.slot + 1,"
            " q.question_id, q.kind, q.topic, a.bank_hash, a.language, q.response, q.fraction,"
            " q.mark, q.max_mark, q.seconds_spent"
            " FROM attempts a JOIN trainees t ON t.id = a.trainee_id"
            " JOIN attempt_questions q ON q.attempt_id = a.id" + where + " ORDER BY a.id, q.slot",
            params,
        )

    # -- responses as CSV, formatted by SQLite --------------------------------------------
    # Two million rows are too many to handle one by one in Python. The words for the
    # answer given and the right answer are worked out once for each distinct
    # (bank version, language, question, response) into a temporary table (``cells``
    # words them), each attempt's own columns once per attempt into another, and SQLite
    # joins them and writes every line itself. Ids need no quoting: banks restrict them
    # to letters, digits, '_', '.' and '-' (bundles are checked on import).
    def response_csv_lines(
        self,
        flt: ResultFilter,
        *,
        delimiter: str,
        decimal_comma: bool,
        end: str,
        cells: AnswerCells,
    ) -> Iterator[tuple[str, int]]:
        """Each matching attempt's responses as finished CSV lines (joined by ``end``), with
        how many lines that is."""
        try:
            self._prepare_lookups(flt, delimiter, decimal_comma, cells)
        except sqlite3.Error as exc:
            self._drop_lookups()
            raise storage_error(exc, str(self.db.path)) from exc
        d = delimiter
        line = f" || '{d}' || ".join(
            [
                "(q.slot + 1)",
                "q.question_id",
                "q.kind",
                "q.topic",
                f"ifnull(x.cells, '{d * 4}')",
                _number("q.seconds_spent", decimal_comma),
            ]
        )
        # One row per attempt, its lines joined: crossing from SQLite into Python costs
        # more per row than anything SQLite does. The plan reads h by id and q by its
        # (attempt_id, slot) key, named so that no other index on attempt_id is taken
        # instead, so each group's lines come in slot order (tested).
        sql = (
            f"SELECT group_concat(h.head || {line}, ?) FROM temp.export_heads h"
            " JOIN attempt_questions q INDEXED BY sqlite_autoindex_attempt_questions_1"
            " ON q.attempt_id = h.id"
            " LEFT JOIN temp.export_texts x ON x.bank_hash = h.bank_hash"
            " AND x.language = h.language AND x.question_id = q.question_id"
            " AND x.response = ifnull(q.response, '') AND x.fraction = ifnull(q.fraction, -1.0)"
            " AND x.mark = ifnull(q.mark, -1.0) AND x.max_mark = q.max_mark"
            " GROUP BY h.id ORDER BY h.id"
        )
        try:
            for (text,) in self._rows(sql, (end,)):
                yield text, text.count(end) + 1
        finally:
            self._drop_lookups()

    def _prepare_lookups(
        self, flt: ResultFilter, delimiter: str, decimal_comma: bool, cells: AnswerCells
    ) -> None:
        conn = self.db.conn
        self._drop_lookups()
        conn.execute(
            "CREATE TEMP TABLE export_heads (id INTEGER PRIMARY KEY, head TEXT NOT NULL,"
            " bank_hash TEXT NOT NULL, language TEXT NOT NULL)"
        )
        conn.execute(
            "CREATE TEMP TABLE export_texts (bank_hash TEXT NOT NULL, language TEXT NOT NULL,"
            " question_id TEXT NOT NULL, response TEXT NOT NULL, fraction REAL NOT NULL,"
            " mark REAL NOT NULL, max_mark REAL NOT NULL, cells TEXT NOT NULL,"
            " PRIMARY KEY (bank_hash, language, question_id, response, fraction, mark, max_mark))"
            " WITHOUT ROWID"
        )
        where, params = flt.where()
        # Bank versions are checked on loading; one stored by an older version is still
        # written as data (behind an apostrophe if it would start a formula).
        safe_version = (
            "CASE WHEN substr(a.bank_version, 1, 1) IN ('=', '+', '-', '@', char(9), char(13))"
            " THEN '''' || a.bank_version ELSE a.bank_version END"
        )
        version = (
            f"CASE WHEN instr(a.bank_version, '{delimiter}') OR instr(a.bank_version, '\"')"
            " OR instr(a.bank_version, char(10)) OR instr(a.bank_version, char(13))"
            f" THEN '\"' || replace({safe_version}, '\"', '\"\"') || '\"' ELSE {safe_version} END"
        )
        head = f" || '{delimiter}' || ".join(
            ["a.uid", "t.uid", "a.module_id", "a.behaviour", "a.bank_id", version, "''"]
        )
        conn.execute(
            f"INSERT INTO temp.export_heads SELECT a.id, {head}, a.bank_hash, a.language"
            " FROM attempts a JOIN trainees t ON t.id = a.trainee_id" + where,
            params,
        )
        versions = sorted(
            (str(r[0]), str(r[1]))
            for r in conn.execute("SELECT DISTINCT bank_hash, language FROM temp.export_heads")
        )
        texts = []
        # The answer's words and its marks depend only on these, and repeat endlessly.
        answers = conn.execute(
            "SELECT DISTINCT question_id, response, fraction, mark, max_mark FROM attempt_questions"
        ).fetchall()
        for bank_hash, lang in versions:
            for question_id, response, fraction, mark, max_mark in answers:
                worded = cells(bank_hash, lang, question_id, response, fraction, mark, max_mark)
                if worded is None:
                    continue  # not a question of that bank version
                texts.append(
                    (
                        bank_hash,
                        lang,
                        question_id,
                        response or "",
                        _NULL if fraction is None else fraction,
                        _NULL if mark is None else mark,
                        max_mark,
                        worded,
                    )
                )
        conn.execute("BEGIN")
        try:
            conn.executemany("INSERT INTO temp.export_texts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", texts)
        finally:
            conn.execute("COMMIT")

    def _drop_lookups(self) -> None:
        self.db.query("DROP TABLE IF EXISTS temp.export_heads")
        self.db.query("DROP TABLE IF EXISTS temp.export_texts")
