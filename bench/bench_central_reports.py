"""The coordinator's reports on the central PostgreSQL at national scale.

A throwaway cluster (bench/pg_cluster.py; skipped with a message where PostgreSQL is
absent) is prepared with the real central schema, then filled by the server itself
(bench/reports_data.py: ``INSERT … SELECT generate_series``) with
``BENCH_CENTRAL_ANSWERS`` answers (default 1,000,000: a few minutes in all;
``BENCH_CENTRAL_ANSWERS=10000000 python -m bench central_reports`` gives the
10-million figures). Measured, each next to its baseline in the same run:

- the results browser's first page (the count and the first hundred rows, as the screen
  reads them) against the bare page query, target < 200 ms;
- the item analysis of one module against the bare read of its answer rows, target < 2 s;
- the responses export to CSV against ``psql \\copy`` of the same rows, target ≤ 1.5×;
- the central database's size per answer (tables and indexes), for docs/central.md.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.pg_cluster import Cluster, ClusterUnavailableError, remove, start_cluster
from bench.reports_data import generate

ANSWERS = int(os.environ.get("BENCH_CENTRAL_ANSWERS", 1_000_000))
MODULE = "module-3"

# The rows of the responses export, as a coordinator would dump them by hand.
BASELINE_SQL = (
    "SELECT a.uid, t.uid, a.module_id, a.behaviour, a.bank_id, a.bank_version, q.slot + 1,"
    " q.question_id, q.kind, q.topic, q.response, q.fraction, q.mark, q.max_mark,"
    " q.seconds_spent FROM attempts a JOIN trainees t ON t.uid = a.trainee_uid"
    " JOIN attempt_questions q ON q.attempt_uid = a.uid ORDER BY a.id, q.slot"
)
PAGE_SQL = (
    "SELECT a.id, a.uid, t.id, t.name, t.institution, a.module_id, a.module_title,"
    " a.behaviour, a.state, a.started_at, a.finished_at, a.percent, a.passed,"
    " a.workstation_uid FROM attempts a JOIN trainees t ON t.uid = a.trainee_uid"
    " ORDER BY a.started_at DESC, a.id DESC LIMIT 100"
)
ANSWERS_SQL = (
    "SELECT q.question_id, q.kind, q.response, q.fraction, a.id FROM attempts a"
    " JOIN attempt_questions q ON q.attempt_uid = a.uid WHERE a.module_id = %s"
    " AND a.behaviour = 'exam' AND a.state = 'finished'"
)


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _entry(name: str, value: float, unit: str, base: float | None, target: object) -> dict[str, Any]:
    return {
        "name": name,
        "value": round(value, 4),
        "unit": unit,
        "baseline": None if base is None else round(base, 4),
        "ratio": None if not base else round(value / base, 3),
        "target": target,
    }


def run(answers: int = ANSWERS) -> list[dict[str, Any]]:
    work = Path(tempfile.mkdtemp(prefix="tip-bench-reports-"))
    try:
        cluster = start_cluster(work)
    except ClusterUnavailableError as exc:
        print(f"  bench_central_reports skipped: {exc}")
        shutil.rmtree(work, ignore_errors=True)
        return []
    try:
        return _run(cluster, work, answers)
    finally:
        remove(cluster)
        shutil.rmtree(work, ignore_errors=True)


def _run(cluster: Cluster, work: Path, answers: int) -> list[dict[str, Any]]:
    from trainer.results import analysis, export, query
    from trainer.results.query import ResultFilter
    from trainer.storage import central
    from trainer.storage.central.reports import CentralReports, open_reports

    name = cluster.create_database()
    admin = cluster.admin_config(name)
    with contextlib.closing(central.connect(admin)) as conn:
        central.init_server(conn)
    began = time.perf_counter()
    with contextlib.closing(central.connect(admin, autocommit=False)) as conn:
        generate(conn, answers)
    print(f"  generated {answers:,} central answers in {time.perf_counter() - began:.0f} s")
    label = f"{answers / 1e6:g}M answers"
    results: list[dict[str, Any]] = []
    with contextlib.closing(central.connect(admin)) as conn:
        row = conn.execute(
            "SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY['attempts', 'attempt_items',"
            " 'attempt_questions', 'trainees', 'workstations']::regclass[]) c"
        ).fetchone()
        size = int(row[0]) if row else 0
    results.append(_entry("central: bytes per answer (tables and indexes)",
                          size / answers, "B", None, None))  # fmt: skip

    reports: CentralReports = open_reports(admin)
    try:
        flt = ResultFilter()

        def first_page() -> None:
            query.count_attempts(reports, flt)
            query.page_attempts(reports, flt, limit=100)

        def bare_page() -> None:
            reports.conn.execute(PAGE_SQL).fetchall()

        first_page()  # the server's caches, as after the screen opened once
        page = _median(first_page, 7)
        bare = _median(bare_page, 7)
        results.append(_entry(f"central: results first page ({label})", page, "s", bare, 0.2))

        def analyse() -> None:
            analysis.analyse_module(reports, MODULE)

        def bare_answers() -> None:
            reports.conn.execute(ANSWERS_SQL, (MODULE,)).fetchall()

        items = _median(analyse, 3)
        base = _median(bare_answers, 3)
        results.append(_entry(f"central: item analysis of one module ({label})",
                              items, "s", base, 2.0))  # fmt: skip

        out = work / "responses.csv"
        began = time.perf_counter()
        written = export.write_responses(reports, out, export.TableFormat.CSV)
        ours = time.perf_counter() - began
        assert written == answers, (written, answers)
    finally:
        reports.close()
    base_export = _psql_copy(cluster, name, work / "responses-psql.csv")
    results.append(_entry(f"central: responses export to CSV ({label})", ours, "s",
                          base_export, 1.5))  # fmt: skip
    return results


def _psql_copy(cluster: Cluster, dbname: str, out: Path) -> float | None:
    """``psql \\copy`` of the export's rows to a CSV file (None when psql is absent)."""
    psql = shutil.which("psql") or str(cluster.bin_dir / "psql")
    if not Path(psql).exists():
        print("  psql not found: the export's baseline is left out")
        return None
    env = {**os.environ, "PGPASSWORD": cluster.admin_password}
    command = [
        psql, "-h", "127.0.0.1", "-p", str(cluster.port), "-U", cluster.admin_config().user,
        "-d", dbname, "-q", "-c", f"\\copy ({BASELINE_SQL}) TO '{out}' WITH (FORMAT csv, HEADER)",
    ]  # fmt: skip
    began = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True)
    return time.perf_counter() - began
