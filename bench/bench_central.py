"""The central PostgreSQL: pushing 100,000 answers beside a bare COPY of the same rows into
the same server, and the time to save one answer locally with the server down and up.

A throwaway server is started for the run (bench/pg_cluster.py; ``fsync=off``, as in the
tests: both sides of each ratio run on it alike). Without PostgreSQL the bench says so
and reports nothing. ``BENCH_CENTRAL_ANSWERS`` changes the size (default 100,000).

- push: ``sync_now`` of a workstation holding the answers (5,000 exams of 20 questions,
  their 110,000 steps, 1,000 trainees), from its SQLite to the server, every batch in its
  own transaction with the ownership checks; baseline: ``COPY`` of the same attempts,
  answers and steps (already in memory) by the database owner into the same tables of a
  second, identical database on the same server (the server makes each attempt's
  item-analysis row for the COPY as for the push). Best of two each, interleaved.
  Target: at most 2x. Also shown, without a target: the push against the same COPY with
  the server's item rows turned off (what they cost).
- answer save: the median time to record one answer in an exam (the quiz engine's
  recorder, one SQLite transaction) while a sync runs in a background thread over and
  over (every 0.1 s), against a stopped server and against a running one; baseline: the same with no
  sync at all, in the same run. The save path never touches the network, so the ratios
  stay near 1.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.central_data import fill_workstation
from bench.pg_cluster import Cluster, ClusterUnavailableError, remove, start_cluster

ANSWERS = int(os.environ.get("BENCH_CENTRAL_ANSWERS", 100_000))
SAVES = 200
# Between two syncs of the background loop: far more often than the program syncs (a
# workstation syncs every minute or so), to make any interference show.
SYNC_PAUSE = 0.1


def _prepared(cluster: Cluster) -> str:
    from trainer.storage import central

    name = cluster.create_database()
    with contextlib.closing(central.connect(cluster.admin_config(name))) as conn:
        central.init_server(conn)
    return name


def _push(cluster: Cluster, work: Path, answers: int) -> tuple[float, float, float]:
    """Best of two of each, interleaved (COPY, push, COPY, push): a busy machine slows both
    alike. Each push starts from a copy of the same workstation database. Returns the
    push, the COPY into the same tables (the server makes its item-analysis rows for both)
    and the COPY without those rows (the trigger that makes them disabled)."""
    from trainer.central.sync import sync_now
    from trainer.storage import central
    from trainer.storage.central import push
    from trainer.storage.central.local import SyncLedger
    from trainer.storage.database import Database

    source = work / "workstation.sqlite3"
    uid = fill_workstation(source, answers, seed=5)
    # the baseline's rows, read before the clock starts: COPY alone is measured
    db = Database(source)
    ledger = SyncLedger(db)
    attempts = ledger.attempts_to_send(10**9)
    ids = [int(a["id"]) for a in attempts]
    attempt_rows = [(a["uid"], uid, *(a[c] for c in push.ATTEMPT_COLUMNS[2:])) for a in attempts]
    question_rows = ledger.questions_of(ids, uid)
    step_rows = ledger.steps_of(ids, uid)
    db.close()

    def bare_copy(item_rows: bool = True) -> float:
        twin = _prepared(cluster)
        with contextlib.closing(central.connect(cluster.admin_config(twin))) as conn:
            central.add_workstation(conn, uid, "bench")
            if not item_rows:
                conn.execute("ALTER TABLE attempt_questions DISABLE TRIGGER attempt_items_made")
            started = time.perf_counter()
            with conn.transaction(), conn.cursor() as cur:
                for table, columns, rows in (
                    ("attempts", push.ATTEMPT_COLUMNS, attempt_rows),
                    ("attempt_questions", push.QUESTION_COLUMNS, question_rows),
                    ("steps", push.STEP_COLUMNS, step_rows),
                ):
                    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
            return time.perf_counter() - started

    def one_push(n: int) -> float:
        path = work / f"push-{n}.sqlite3"
        shutil.copyfile(source, path)
        name = _prepared(cluster)
        with contextlib.closing(central.connect(cluster.admin_config(name))) as conn:
            user, password, _ = central.add_workstation(conn, uid, "bench")
        db = Database(path)
        started = time.perf_counter()
        report = sync_now(db, cluster.config(name, user, password))
        took = time.perf_counter() - started
        db.close()
        assert report.ok and report.pushed.get("answers") == len(question_rows), report.lines()
        return took

    copies, plain, pushes = [], [], []
    for n in range(2):
        copies.append(bare_copy())
        plain.append(bare_copy(item_rows=False))
        pushes.append(one_push(n))
    return min(pushes), min(copies), min(plain)


def _save_times(work: Path, cluster: Cluster, server_up: bool | None, saves: int) -> float:
    """Median seconds to record one answer; ``server_up`` None: no sync running."""
    from trainer.banks.loader import load_bank
    from trainer.central.config import CentralConfig
    from trainer.central.sync import sync_now
    from trainer.errors import TrainerError
    from trainer.quiz.behaviours import Behaviour
    from trainer.quiz.questions import correct_response
    from trainer.quiz.session import QuizSession
    from trainer.storage import central
    from trainer.storage.database import Database
    from trainer.storage.trainees import Institution
    from trainer.workspace import Workspace

    label = {None: "nosync", True: "up", False: "down"}[server_up]
    ws = Workspace(work / f"saves-{label}", shipped_banks=work / "no-shipped-banks")
    bank = load_bank(Path(__file__).resolve().parent.parent / "tests/data/banks/sample.yaml")
    trainee = ws.trainees.create("Bench Trainee", Institution.POLICE, "B-1")
    stop = threading.Event()
    syncer: threading.Thread | None = None
    if server_up is not None:
        if server_up:
            fill_workstation(work / f"extra-{label}.sqlite3", 20)  # a server with data
            name = _prepared(cluster)
            with contextlib.closing(central.connect(cluster.admin_config(name))) as conn:
                user, password, _ = central.add_workstation(conn, ws.db.workstation_uid, "b")
            config = cluster.config(name, user, password)
        else:
            config = CentralConfig("127.0.0.1", "tip", "nobody", port=1, connect_timeout=1)

        def loop() -> None:
            db = Database(ws.data.database)  # the worker's own connection, as in the app
            while not stop.is_set():
                with contextlib.suppress(TrainerError):
                    sync_now(db, config)
                stop.wait(SYNC_PAUSE)
            db.close()

        syncer = threading.Thread(target=loop, daemon=True)
        syncer.start()
    samples: list[float] = []
    try:
        while len(samples) < saves:
            module = bank.modules[0]
            session = QuizSession.start(
                bank,
                module,
                Behaviour.EXAM,
                trainee_id=trainee.id,
                language="en",
                recorder=ws.attempts.recorder,
                seed=len(samples),
                now=datetime.now(UTC),
            )
            for slot in session.slots:
                response = correct_response(slot.question)
                if response is None:
                    continue
                started = time.perf_counter()
                session.answer(slot.index, response, now=datetime.now(UTC))
                samples.append(time.perf_counter() - started)
            session.finish(now=datetime.now(UTC))  # a finished exam: the sync has work
    finally:
        stop.set()
        if syncer is not None:
            syncer.join(timeout=30)
        ws.close()
    return statistics.median(samples)


def run(answers: int = ANSWERS, saves: int = SAVES) -> list[dict[str, Any]]:
    work = Path(tempfile.mkdtemp(prefix="tip-bench-central-"))
    try:
        cluster = start_cluster(work)
    except ClusterUnavailableError as exc:
        print(f"  bench_central skipped: {exc}")
        shutil.rmtree(work, ignore_errors=True)
        return []
    try:
        push_s, copy_s, plain_s = _push(cluster, work, answers)
        no_sync = _save_times(work, cluster, None, saves)
        down = _save_times(work, cluster, False, saves)
        up = _save_times(work, cluster, True, saves)
    finally:
        remove(cluster)
        shutil.rmtree(work, ignore_errors=True)
    return [
        {
            "name": f"central: push {answers:,} answers (vs bare COPY)",
            "value": push_s,
            "unit": "s",
            "baseline": copy_s,
            "ratio": push_s / copy_s,
            "target": "<= 2x",
        },
        {
            "name": f"central: push {answers:,} answers (vs COPY, no item rows)",
            "value": push_s,
            "unit": "s",
            "baseline": plain_s,
            "ratio": push_s / plain_s,
            "target": None,
        },
        {
            "name": "central: save one answer, server down",
            "value": down * 1000,
            "unit": "ms",
            "baseline": no_sync * 1000,
            "ratio": down / no_sync,
            "target": "~1x",
        },
        {
            "name": "central: save one answer, server up, syncing",
            "value": up * 1000,
            "unit": "ms",
            "baseline": no_sync * 1000,
            "ratio": up / no_sync,
            "target": "~1x",
        },
    ]
