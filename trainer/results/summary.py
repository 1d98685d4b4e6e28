"""The programme summary: officials trained and passed, by institution, period, module,
gender, province, training session, audience track and function (no Qt).

An official counts as *trained* in a group when they finished at least one
exam attempt in it, and as *passed* when at least one of those attempts
passed. Each official counts once per group, however many attempts they made. A
training session's pre-test is not an exam here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from trainer.results.query import ResultFilter
from trainer.storage.database import Database
from trainer.storage.sessions import NOT_PRE_TEST


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

DEFAULT_DIMENSIONS = (Dimension.PERIOD, Dimension.INSTITUTION, Dimension.MODULE)


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
class Summary:
    dimensions: tuple[Dimension, ...]
    period: Period
    rows: list[SummaryRow]
    total: SummaryRow
    module_titles: dict[str, dict[str, str]]

    def csv_columns(self) -> list[str]:
        return [
            *(d.value for d in self.dimensions),
            "trained",
            "passed",
            "pass_rate",
            "exam_attempts",
            "training_hours",
        ]

    def csv_rows(self) -> list[list[object]]:
        out: list[list[object]] = []
        for r in [*self.rows, self.total]:
            rate = r.pass_rate
            keys = list(r.keys) if r is not self.total else ["total", *r.keys[1:]]
            out.append(
                [
                    *keys,
                    r.trained,
                    r.passed,
                    None if rate is None else round(rate, 1),
                    r.attempts,
                    round(r.training_hours, 2),
                ]
            )
        return out


def programme_summary(
    db: Database,
    dimensions: Sequence[Dimension] = DEFAULT_DIMENSIONS,
    period: Period = Period.YEAR,
    flt: ResultFilter | None = None,
) -> Summary:
    """Officials trained and passed per group; the total counts each official once."""
    dims = tuple(dict.fromkeys(dimensions))  # keep order, drop repeats
    flt = flt or ResultFilter()
    where, params = flt.where()
    base = " FROM attempts a JOIN trainees t ON t.id = a.trainee_id" + (
        where + " AND" if where else " WHERE"
    )
    base += " a.behaviour = 'exam' AND a.state = 'finished' AND " + NOT_PRE_TEST
    figures = (
        "count(DISTINCT a.trainee_id), count(DISTINCT CASE WHEN a.passed = 1 THEN a.trainee_id END),"
        " count(*)"
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
        for r in db.query(hours.format(keys=keys, keys_as=keys_as, groups=groups), params):
            hours_by[tuple(str(v) for v in tuple(r)[: len(dims)])] = float(r[len(dims)] or 0)
        for r in db.query(
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
    t = db.query_one(f"SELECT {figures}{base}", params)
    h = db.query_one(
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
    titles = {
        str(r[0]): json.loads(r[1])
        for r in db.query(
            "SELECT module_id, module_title FROM attempts WHERE id IN"
            " (SELECT max(id) FROM attempts GROUP BY module_id)"
        )
    }
    return Summary(dims, period, rows, total, titles)
