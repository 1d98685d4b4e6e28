"""The coordinator's reports over every workstation: the central PostgreSQL read with the
records this workstation's repository returns (no Qt).

``CentralReports`` answers ``trainer.results.source.ResultsSource`` the way
``trainer.storage.results.ResultsRepository`` does for SQLite, so the results browser, the
exports, the item analysis and the programme summary switch source, not logic. The
differences are the central data's own: an official is a *person* (``trainees.person_uid``,
the profiles the bundles' rule found to be one official), counted once whichever
workstations they trained at. Training sessions, their pre-tests and post-tests and the
trainee's function are sent to the centre: the summary's *session* and *function* groups,
the pre-test left out of the exam figures, the browser's pre-test mark and the export's
session phase are the workstation's own.

What the server sends is checked like any outside input: module titles are parsed as
data, institutions must be known ones, and every read is bounded by the server's own
statement timeout (``trainer.storage.central``'s connection).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import sql

from trainer.errors import CentralError, ErrorCode
from trainer.storage.results import (
    AnswerCells,
    AnswerSet,
    AttemptRow,
    CertificateLine,
    Dimension,
    ExamTotal,
    Outcome,
    Period,
    ResponseSums,
    ResultFilter,
    Scope,
    SortKey,
    SummaryRow,
    fraction_sums,
)
from trainer.storage.trainees import Institution

if TYPE_CHECKING:
    from trainer.central.config import CentralConfig

_NULL = -1.0  # stands for NULL in the answer lookup's key (marks are never negative)
# Rows of the responses CSV come one attempt per COPY row, its lines joined; a value
# holding a line break is quoted by COPY, with this character (never in the data).
_QUOTE = "\x01"
_QUOTE_BYTES = _QUOTE.encode()

_SORT_SQL = {
    SortKey.STARTED: "a.started_at",
    SortKey.TRAINEE: "lower(t.name)",
    SortKey.INSTITUTION: "t.institution",
    SortKey.MODULE: "a.module_id",
    SortKey.BEHAVIOUR: "a.behaviour",
    SortKey.PERCENT: "a.percent",
    SortKey.PASSED: "a.passed",
    SortKey.WORKSTATION: "a.workstation_uid",
}

_UTC = "AT TIME ZONE 'UTC'"
_PERIOD_SQL = {
    Period.MONTH: f"to_char(a.finished_at {_UTC}, 'YYYY-MM')",
    Period.QUARTER: f"to_char(a.finished_at {_UTC}, 'YYYY-\"Q\"Q')",
    Period.YEAR: f"to_char(a.finished_at {_UTC}, 'YYYY')",
}

_DIMENSION_SQL = {
    Dimension.INSTITUTION: "t.institution",
    Dimension.MODULE: "a.module_id",
    Dimension.GENDER: "coalesce(t.gender, '')",
    Dimension.PROVINCE: "coalesce(t.province, '')",
    # The training session whose post-test the attempt was ('' for an exam taken alone).
    Dimension.SESSION: "coalesce((SELECT s.title FROM session_tests st JOIN training_sessions s"
    " ON s.uid = st.session_uid WHERE st.attempt_uid = a.uid), '')",
    Dimension.AUDIENCE: "a.audiences",
    Dimension.FUNCTION: "coalesce(t.function, '')",
}
# A training session's pre-test measures what was known before teaching: it is not an exam
# of the programme's figures (as ``trainer.storage.sessions.NOT_PRE_TEST`` locally).
_PRE_TEST = (
    "EXISTS (SELECT 1 FROM session_tests st WHERE st.attempt_uid = a.uid AND st.phase = 'pre')"
)

_ISO = '\'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"\''  # the local database's text for a time
_FROM = " FROM attempts a JOIN trainees t ON t.uid = a.trainee_uid"
_ROW_SQL = (
    "SELECT a.id, a.uid, t.id, t.name, t.institution, a.module_id, a.module_title,"
    " a.behaviour, a.state, a.started_at, a.finished_at, a.percent, a.passed,"
    " a.workstation_uid, " + _PRE_TEST + _FROM
)


def _bad(what: str) -> CentralError:
    return CentralError(
        f"the central database sent data that was refused: {what}",
        code=ErrorCode.CENTRAL_BAD_DATA,
        params={"what": what},
    )


def _read_error(exc: psycopg.Error) -> CentralError:
    if isinstance(exc, psycopg.OperationalError):
        return CentralError(
            "the connection to the central database was lost",
            code=ErrorCode.CENTRAL_CONNECTION_LOST,
        )
    return CentralError(
        f"the central database refused the report: {exc}",
        code=ErrorCode.CENTRAL_REFUSED,
        params={"reason": str(exc).splitlines()[0] if str(exc) else type(exc).__name__},
    )


def _title(text: object) -> dict[str, str]:
    if not isinstance(text, str):
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"en": text}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _institution(value: object) -> Institution:
    try:
        return Institution(str(value))
    except ValueError:
        raise _bad(f"an unknown institution {str(value)[:40]!r}") from None


def _attempt_row(r: Sequence[Any]) -> AttemptRow:
    return AttemptRow(
        id=int(r[0]),
        uid=str(r[1]),
        trainee_id=int(r[2]),
        trainee_name=str(r[3]),
        institution=_institution(r[4]),
        module_id=str(r[5]),
        module_title=_title(r[6]),
        behaviour=str(r[7]),
        state=str(r[8]),
        started_at=r[9],
        finished_at=r[10],
        percent=r[11],
        passed=r[12],
        workstation_uid=str(r[13]),
        pre_test=bool(r[14]),
    )


def where(flt: ResultFilter) -> tuple[str, list[object]]:
    """``flt`` as a WHERE clause over ``attempts a JOIN trainees t`` ('' for everything)."""
    parts: list[str] = []
    params: list[object] = []
    if flt.date_from is not None:
        parts.append("a.started_at >= %s")
        params.append(datetime.combine(flt.date_from, time(), UTC))
    if flt.date_to is not None:
        parts.append("a.started_at < %s")
        params.append(datetime.combine(flt.date_to + timedelta(days=1), time(), UTC))
    if flt.module_id:
        parts.append("a.module_id = %s")
        params.append(flt.module_id)
    if flt.audience:
        parts.append("strpos(',' || a.audiences || ',', %s) > 0")
        params.append(f",{flt.audience},")
    if flt.institution is not None:
        parts.append("t.institution = %s")
        params.append(flt.institution.value)
    if flt.trainee_id is not None:
        parts.append("t.id = %s")
        params.append(flt.trainee_id)
    if flt.trainee_search.strip():
        pattern = f"%{flt.trainee_search.strip()}%"
        parts.append("(t.name ILIKE %s OR coalesce(t.service_number, '') ILIKE %s)")
        params.extend([pattern, pattern])
    if flt.outcome is Outcome.PASSED:
        parts.append("a.passed")
    elif flt.outcome is Outcome.FAILED:
        parts.append("NOT a.passed")
    if flt.workstation_uid:
        parts.append("a.workstation_uid = %s")
        params.append(flt.workstation_uid)
    if flt.behaviour:
        parts.append("a.behaviour = %s")
        params.append(flt.behaviour)
    if flt.finished_only:
        parts.append("a.state = 'finished'")
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _needs_trainees(flt: ResultFilter) -> bool:
    return bool(
        flt.institution is not None or flt.trainee_id is not None or flt.trainee_search.strip()
    )


def _number(expr: str, decimal_comma: bool) -> str:
    """A float as Python writes it (``repr``): '5.0', not PostgreSQL's '5'."""
    text = (
        f"CASE WHEN {expr} = trunc({expr}) AND abs({expr}) < 1e15"
        f" THEN trunc({expr})::bigint::text || '.0' ELSE {expr}::text END"
    )
    return f"coalesce(replace({text}, '.', ','), '')" if decimal_comma else f"coalesce({text}, '')"


# The attempts of one item analysis, sent as arrays (``CentralReports.item_attempts``):
# x.t is the attempt's total. Each attempt's answers are read from its one row of
# attempt_items (arrays in slot order, kept by the server: migration 0060), probed by its
# number (OFFSET 0 keeps it a probe per attempt: a hash join would read every module's).
_ITEM_ROWS = " CROSS JOIN LATERAL (SELECT * FROM attempt_items WHERE attempt_id = x.id OFFSET 0) i"
_ANSWER_SETS_SQL = (
    "SELECT x.id, i.question_key, i.item_sum, i.partial FROM unnest(%s::bigint[]) AS x(id)"
    + _ITEM_ROWS
)
# Summed per (question, kind, response, fraction), as on the workstation
# (``trainer.storage.results.fraction_sums`` makes the products with the fraction).
_ITEM_SUMS_SQL = (
    "SELECT q.question_id, q.kind, q.response, q.fraction, count(*), sum(x.t),"
    " sum(x.t * x.t), sum(x.upper), sum(x.lower), sum(x.grp)"
    " FROM unnest(%s::bigint[], %s::float8[], %s::int[], %s::int[], %s::int[])"
    " AS x(id, t, upper, lower, grp)"
    + _ITEM_ROWS
    + " CROSS JOIN LATERAL unnest(i.questions, i.kinds, i.responses, i.fractions)"
    " AS q(question_id, kind, response, fraction)"
    " GROUP BY q.question_id, q.kind, q.response, q.fraction"
)


def _array(values: Sequence[int] | Sequence[float]) -> str:
    """An array literal: tens of thousands of numbers go as one text (``repr`` keeps every
    float exactly), where psycopg's adaptation of a list takes ten times longer."""
    return "{" + ",".join(map(repr, values)) + "}"


@dataclass
class _ItemAttempts:
    ids: list[int]
    totals: list[float]
    upper: list[int]
    lower: list[int]
    group: list[int]


class CentralReports:
    """The reports' reads over the central database (one connection, read only)."""

    scope = Scope.CENTRAL

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        self._item: _ItemAttempts | None = None

    def close(self) -> None:
        self.conn.close()

    def _all(self, query: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            with self.conn.cursor() as cur:
                cur.execute(query.encode(), params)
                return list(cur.fetchall())
        except psycopg.Error as exc:
            self._reset()
            raise _read_error(exc) from exc

    def _summed(self, query: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
        """A summing query of the item analysis, without JIT compilation (which costs
        more than the sums: 2 s of 3.6 s measured at ten million answers)."""
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.execute(b"SET LOCAL jit = off")
                cur.execute(query.encode(), params)
                return list(cur.fetchall())
        except psycopg.Error as exc:
            self._reset()
            raise _read_error(exc) from exc

    def _one(self, query: str, params: Sequence[object] = ()) -> tuple[Any, ...] | None:
        rows = self._all(query, params)
        return rows[0] if rows else None

    def _reset(self) -> None:
        """After an error the transaction is over: roll it back so the next read works."""
        with contextlib.suppress(psycopg.Error):
            self.conn.rollback()

    def large_reads(self) -> None:
        """Nothing to tune: the server decides (the local database maps its file)."""

    # -- browsing -----------------------------------------------------------------------
    def count_attempts(self, flt: ResultFilter) -> int:
        clause, params = where(flt)
        source = _FROM if _needs_trainees(flt) else " FROM attempts a"
        row = self._one("SELECT count(*)" + source + clause, params)
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
        """One page of attempts in a stable order (ties broken by the attempt's number)."""
        if limit <= 0 or offset < 0:
            raise CentralError("a page needs a positive size and a non-negative start")
        clause, params = where(flt)
        direction = "DESC" if descending else "ASC"
        # NULL sorts first going up in SQLite: said only where a column may be NULL, so
        # the other orders keep their index (the first page: newest first, by index)
        nulls = ""
        if sort in (SortKey.PERCENT, SortKey.PASSED):
            nulls = "NULLS LAST" if descending else "NULLS FIRST"
        query = (
            f"{_ROW_SQL}{clause} ORDER BY {_SORT_SQL[sort]} {direction} {nulls},"
            f" a.id {direction} LIMIT %s OFFSET %s"
        )
        return [_attempt_row(r) for r in self._all(query, [*params, limit, offset])]

    def modules(self) -> list[tuple[str, dict[str, str]]]:
        """Every module that has attempts, with its title as last recorded (an index skip
        scan: a few probes per module, however many attempts)."""
        rows = self._all(
            "WITH RECURSIVE m AS ("
            " (SELECT module_id FROM attempts ORDER BY module_id LIMIT 1)"
            " UNION ALL SELECT (SELECT a.module_id FROM attempts a WHERE a.module_id > m.module_id"
            " ORDER BY a.module_id LIMIT 1) FROM m WHERE m.module_id IS NOT NULL)"
            " SELECT m.module_id, (SELECT a.module_title FROM attempts a"
            " WHERE a.module_id = m.module_id ORDER BY a.id DESC LIMIT 1)"
            " FROM m WHERE m.module_id IS NOT NULL ORDER BY m.module_id"
        )
        return [(str(r[0]), _title(r[1])) for r in rows]

    def workstations(self) -> list[str]:
        """Every workstation joined to the central database."""
        return [str(r[0]) for r in self._all("SELECT uid FROM workstations ORDER BY uid")]

    def attempts_of(self, trainee_id: int) -> list[AttemptRow]:
        """Every attempt of the official the profile belongs to, at any workstation."""
        rows = self._all(
            _ROW_SQL + " WHERE t.person_uid = (SELECT person_uid FROM trainees WHERE id = %s)"
            " ORDER BY a.started_at",
            (trainee_id,),
        )
        return [_attempt_row(r) for r in rows]

    def certificates_of(self, trainee_id: int) -> list[CertificateLine]:
        rows = self._all(
            "SELECT c.number, CASE WHEN c.kind = 'programme' THEN coalesce(c.programme_name,"
            " c.subject) ELSE c.subject END, c.certified_on::text, c.status FROM certificates c"
            " WHERE c.trainee_uid IN (SELECT uid FROM trainees WHERE person_uid ="
            " (SELECT person_uid FROM trainees WHERE id = %s)) ORDER BY c.certified_on, c.number",
            (trainee_id,),
        )
        return [CertificateLine(str(r[0]), str(r[1]), str(r[2]), r[3] == "revoked") for r in rows]

    # -- the programme summary ----------------------------------------------------------
    def exam_figures(
        self, dims: Sequence[Dimension], period: Period, flt: ResultFilter
    ) -> tuple[list[SummaryRow], SummaryRow]:
        """Officials trained and passed per group of ``dims`` and in all (each official
        counted once, whichever workstations they trained at)."""
        clause, params = where(flt)
        base = _FROM + (clause + " AND" if clause else " WHERE")
        base += " a.behaviour = 'exam' AND a.state = 'finished' AND NOT " + _PRE_TEST
        figures = (
            "count(DISTINCT t.person_uid),"
            " count(DISTINCT CASE WHEN a.passed THEN t.person_uid END), count(*)"
        )
        exprs = [_PERIOD_SQL[period] if d is Dimension.PERIOD else _DIMENSION_SQL[d] for d in dims]
        rows: list[SummaryRow] = []
        if dims:
            select = ", ".join(f"{e} AS k{i}" for i, e in enumerate(exprs))
            keys = ", ".join(f"k{i}" for i in range(len(dims)))
            groups = ", ".join(str(i) for i in range(1, len(dims) + 1))
            hours_by: dict[tuple[str, ...], float] = {}
            for r in self._all(
                f"SELECT {keys}, sum(h) FROM (SELECT DISTINCT {select}, t.person_uid,"
                f" a.module_id, a.training_hours AS h{base} AND a.passed) x GROUP BY {keys}",
                params,
            ):
                hours_by[tuple(str(v) for v in r[: len(dims)])] = float(r[len(dims)] or 0)
            for r in self._all(
                f"SELECT {select}, {figures}{base} GROUP BY {groups} ORDER BY {groups}", params
            ):
                key = tuple(str(v) for v in r[: len(dims)])
                n = len(dims)
                rows.append(
                    SummaryRow(key, int(r[n]), int(r[n + 1]), int(r[n + 2]), hours_by.get(key, 0.0))
                )
        t = self._one(f"SELECT {figures}{base}", params)
        h = self._one(
            "SELECT sum(h) FROM (SELECT DISTINCT t.person_uid, a.module_id,"
            f" a.training_hours AS h{base} AND a.passed) x",
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
        the index alone; each carries the module's title as its latest exam recorded it
        (the one the analysis shows), read once."""
        exams = "module_id = %s AND behaviour = 'exam' AND state = 'finished'"
        return [
            ExamTotal(int(r[0]), r[1], r[2], r[3], str(r[4]))
            for r in self._all(
                "SELECT id, score, max_score, percent, (SELECT module_title FROM attempts"
                f" WHERE {exams} ORDER BY module_id DESC, behaviour DESC, state DESC, id DESC"
                f" LIMIT 1) FROM attempts WHERE {exams} ORDER BY id",
                (module_id, module_id),
            )
        ]

    @contextlib.contextmanager
    def item_attempts(self, attempts: Sequence[tuple[int, float, bool, bool]]) -> Iterator[None]:
        """As ``ResultsRepository.item_attempts``: the attempts of one item analysis,
        (attempt number, total, in the upper group, in the lower group), held for
        ``answer_sets``, ``choose_group`` and ``response_sums``, which send them to the
        server as arrays (no table is written: the reports' connection only reads)."""
        self._item = _ItemAttempts(
            ids=[a for a, _, _, _ in attempts],
            totals=[t for _, t, _, _ in attempts],
            upper=[int(u) for _, _, u, _ in attempts],
            lower=[int(low) for _, _, _, low in attempts],
            group=[0] * len(attempts),
        )
        try:
            yield
        finally:
            self._item = None

    def _item_attempts(self) -> _ItemAttempts:
        if self._item is None:
            raise RuntimeError("item_attempts() must be entered first")
        return self._item

    def answer_sets(self) -> list[AnswerSet]:
        """As ``ResultsRepository.answer_sets``: per attempt, the questions it answered
        (their ids in byte order, joined by U+001F), its item scores' sum and whether
        any was neither 0 nor 1; kept by the server with each attempt."""
        item = self._item_attempts()
        return [
            AnswerSet(int(r[0]), str(r[1] or ""), float(r[2] or 0.0), bool(r[3]))
            for r in self._summed(_ANSWER_SETS_SQL, (_array(item.ids),))
        ]

    def choose_group(self, attempt_ids: Sequence[int], question_ids: Sequence[str]) -> None:
        """The attempts the reliability is computed on (every question is summed here)."""
        item = self._item_attempts()
        chosen = set(attempt_ids)
        item.group = [int(a in chosen) for a in item.ids]

    def response_sums(self) -> list[ResponseSums]:
        """As ``ResultsRepository.response_sums``: the sums of every (question, kind,
        response) over the attempts of ``item_attempts``, made by the server."""
        item = self._item_attempts()
        params = tuple(
            _array(v) for v in (item.ids, item.totals, item.upper, item.lower, item.group)
        )
        return fraction_sums(self._summed(_ITEM_SUMS_SQL, params))

    def latest_snapshot(self, question_id: str) -> str | None:
        """The question as it was most recently shown (its snapshot's JSON): attempts are
        walked newest first, each probed by its key, until one showed the question (a
        few probes, where sorting every answer to the question would read thousands).
        ``|| ''`` keeps the planner off the question index inside each probe: intersecting
        it with the attempt's key read thousands of entries per attempt (65 ms against
        0.6 ms on two million answers)."""
        row = self._one(
            "SELECT s.snapshot FROM (SELECT uid FROM attempts ORDER BY id DESC) a"
            " CROSS JOIN LATERAL (SELECT q.snapshot FROM attempt_questions q"
            " WHERE q.attempt_uid = a.uid AND q.question_id || '' = %s LIMIT 1) s LIMIT 1",
            (question_id,),
        )
        return None if row is None else str(row[0])

    # -- exports ------------------------------------------------------------------------
    def snapshot_in(self, bank_hash: str, question_id: str) -> str | None:
        row = self._one(
            "SELECT q.snapshot FROM attempt_questions q JOIN attempts a ON a.uid = q.attempt_uid"
            " WHERE q.question_id = %s AND a.bank_hash = %s LIMIT 1",
            (question_id, bank_hash),
        )
        return None if row is None else str(row[0])

    def export_attempts(self, flt: ResultFilter) -> tuple[int, Iterator[tuple[Any, ...]]]:
        """As ``ResultsRepository.export_attempts``: times written as the local database
        writes them, ``passed`` as 0/1, and the session test's phase (pre/post) if any."""
        clause, params = where(flt)
        total = self.count_attempts(flt)
        query = (
            "SELECT a.uid, t.uid, t.name, t.institution, t.service_number, t.gender,"
            f" t.province, a.module_id, a.module_title, a.bank_id, a.bank_version, a.behaviour,"
            f" a.language, a.state, to_char(a.started_at {_UTC}, {_ISO}),"
            f" to_char(a.finished_at {_UTC}, {_ISO}), a.score, a.max_score, a.percent,"
            " a.pass_mark, a.passed::int, q.n, round(q.s::numeric, 3)::float8,"
            " a.workstation_uid, (SELECT st.phase FROM session_tests st"
            " WHERE st.attempt_uid = a.uid)" + _FROM + " LEFT JOIN LATERAL (SELECT count(*) AS n,"
            " sum(seconds_spent) AS s FROM attempt_questions WHERE attempt_uid = a.uid) q"
            " ON true" + clause + " ORDER BY a.id"
        )
        return total, self._stream(query, params)

    def _stream(self, query: str, params: Sequence[object]) -> Iterator[tuple[Any, ...]]:
        """Rows read through a server-side cursor, a batch at a time."""
        try:
            with self.conn.transaction(), self.conn.cursor(name="tip_export") as cur:
                cur.itersize = 5000
                cur.execute(query.encode(), params)
                yield from cur
        except psycopg.Error as exc:
            self._reset()
            raise _read_error(exc) from exc

    def count_responses(self, flt: ResultFilter) -> int:
        clause, params = where(flt)
        row = self._one(
            "SELECT count(*) FROM attempt_questions q JOIN attempts a ON a.uid = q.attempt_uid"
            " JOIN trainees t ON t.uid = a.trainee_uid" + clause,
            params,
        )
        return int(row[0]) if row else 0

    def export_responses(self, flt: ResultFilter) -> Iterator[tuple[Any, ...]]:
        clause, params = where(flt)
        return self._stream(
            "SELECT a.uid, t.uid, a.module_id, a.behaviour, a.bank_id, a.bank_version,"
            " q.slot + 1, q.question_id, q.kind, q.topic, a.bank_hash, a.language, q.response,"
            " q.fraction, q.mark, q.max_mark, q.seconds_spent"
            + _FROM
            + " JOIN attempt_questions q ON q.attempt_uid = a.uid"
            + clause
            + " ORDER BY a.id, q.slot",
            params,
        )

    # -- responses as CSV, formatted by the server -----------------------------------------
    # As in the local repository: the words for each distinct answer are worked out once
    # (``cells``) into a temporary table, and the server joins them and writes each line;
    # COPY streams one attempt's lines per row, so Python touches a row per attempt.
    def response_csv_lines(
        self,
        flt: ResultFilter,
        *,
        delimiter: str,
        decimal_comma: bool,
        end: str,
        cells: AnswerCells,
    ) -> Iterator[tuple[str, int]]:
        try:
            yield from self._csv_lines(flt, delimiter, decimal_comma, end, cells)
        except psycopg.Error as exc:
            self._reset()
            raise _read_error(exc) from exc

    def _csv_lines(
        self, flt: ResultFilter, d: str, decimal_comma: bool, end: str, cells: AnswerCells
    ) -> Iterator[tuple[str, int]]:
        clause, params = where(flt)
        conn = self.conn
        with conn.transaction():
            # The lines are put in attempt order by one large sort: with the default 4 MB
            # per sort it goes to disk in many runs (18.7 s against 15.5 s with 64 MB, ten
            # million answers); JIT compilation costs more than it saves on these queries.
            conn.execute("SET LOCAL work_mem = '64MB'")
            conn.execute("SET LOCAL jit = off")
            conn.execute(
                "CREATE TEMP TABLE export_texts (bank_hash text NOT NULL, language text NOT NULL,"
                " question_id text NOT NULL, response text NOT NULL, fraction float8 NOT NULL,"
                " mark float8 NOT NULL, max_mark float8 NOT NULL, cells text NOT NULL,"
                " PRIMARY KEY (bank_hash, language, question_id, response, fraction, mark,"
                " max_mark)) ON COMMIT DROP"
            )
            versions = conn.execute(
                ("SELECT DISTINCT a.bank_hash, a.language" + _FROM + clause).encode(),
                params,
            ).fetchall()
            # The answer's words and its marks depend only on these, and repeat endlessly.
            answers = conn.execute(
                "SELECT DISTINCT q.question_id, q.response, q.fraction, q.mark, q.max_mark"
                " FROM attempt_questions q"
            ).fetchall()
            # worded first: wording reads question snapshots over this same connection
            texts = []
            for bank_hash, lang in sorted((str(v), str(lg)) for v, lg in versions):
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
            with conn.cursor().copy("COPY export_texts FROM STDIN") as copy:
                for text_row in texts:
                    copy.write_row(text_row)
            conn.execute("ANALYZE export_texts")
            literal = sql.Literal(d).as_string(conn)
            safe_version = (
                "CASE WHEN left(a.bank_version, 1) IN ('=', '+', '-', '@', chr(9), chr(13))"
                " THEN '''' || a.bank_version ELSE a.bank_version END"
            )
            version = (
                f"CASE WHEN strpos(a.bank_version, {literal}) > 0"
                " OR strpos(a.bank_version, '\"') > 0 OR strpos(a.bank_version, chr(10)) > 0"
                " OR strpos(a.bank_version, chr(13)) > 0"
                f" THEN '\"' || replace({safe_version}, '\"', '\"\"') || '\"'"
                f" ELSE {safe_version} END"
            )
            # Each line is made by the parallel workers that join and sort the rows, in two
            # parts around the answer's words: only the words (from the temporary table,
            # which workers cannot read) are joined in afterwards (24 s against 31 s for the
            # server's part at ten million answers, where the whole line was made last).
            before = f" || {literal} || ".join(
                [
                    "a.uid",
                    "t.uid",
                    "a.module_id",
                    "a.behaviour",
                    "a.bank_id",
                    version,
                    "(q.slot + 1)::text",
                    "q.question_id",
                    "q.kind",
                    "q.topic",
                ]
            )
            after = f"{literal} || {_number('q.seconds_spent', decimal_comma)}"
            query = (
                f"COPY (SELECT string_agg(s.before || coalesce(x.cells,"
                f" {sql.Literal(d * 4).as_string(conn)}) || s.after,"
                f" {sql.Literal(end).as_string(conn)} ORDER BY s.slot)"
                " FROM (SELECT a.id, q.slot, a.bank_hash, a.language, q.question_id,"
                " coalesce(q.response, '') AS response,"
                f" coalesce(q.fraction, {_NULL}) AS fraction, coalesce(q.mark, {_NULL}) AS mark,"
                f" q.max_mark, {before} || {literal} AS before, {after} AS after"
                + _FROM
                + " JOIN attempt_questions q ON q.attempt_uid = a.uid"
                + clause
                # sorted here, so the lines are made below the sort, by the workers
                + " ORDER BY a.id) s LEFT JOIN export_texts x ON x.bank_hash = s.bank_hash"
                " AND x.language = s.language AND x.question_id = s.question_id"
                " AND x.response = s.response AND x.fraction = s.fraction AND x.mark = s.mark"
                " AND x.max_mark = s.max_mark"
                " GROUP BY s.id ORDER BY s.id)"
                " TO STDOUT (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')"
            )
            with conn.cursor() as cur, cur.copy(query.encode(), params) as copy:
                for chunk in copy:
                    row = bytes(chunk)
                    if row.startswith(_QUOTE_BYTES):  # quoted: it holds line breaks
                        row = row[1:].rstrip(b"\n")[:-1].replace(_QUOTE_BYTES * 2, _QUOTE_BYTES)
                    else:
                        row = row.rstrip(b"\n")
                    text = row.decode("utf-8")
                    yield text, text.count(end) + 1


def open_reports(config: CentralConfig) -> CentralReports:
    """The central database's reports, once it is reachable and of a schema this program
    knows (else a CentralError that says why; nothing local is touched)."""
    from trainer.storage.central import check_compatible, connect

    conn = connect(config)
    try:
        check_compatible(conn)
    except BaseException:
        conn.close()
        raise
    return CentralReports(conn)
