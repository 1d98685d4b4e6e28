"""Results at national scale: responses export, item analysis and the browser's first page.

The database is generated once per run into a temporary folder (one transaction,
executemany): ``BENCH_ANSWERS`` responses (default 2,000,000; 20 per attempt, one
trainee per 10 attempts). ``BENCH_ANSWERS=10000000 python -m bench results`` gives the
10-million figures (about 5 GB of temporary disk and several minutes to generate).
The database size per million answers is reported too.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.results import analysis, export, query
from trainer.storage.database import Database

QUESTIONS_PER_ATTEMPT = 20
ANSWERS = int(os.environ.get("BENCH_ANSWERS", 2_000_000))
ATTEMPTS = ANSWERS // QUESTIONS_PER_ATTEMPT
TRAINEES = max(1, ATTEMPTS // 10)
MODULES = 5
POOL = 40
WORKSTATIONS = [f"ws{i:02d}" + "0" * 28 for i in range(1, 4)]
INSTITUTIONS = ["police", "prosecution", "judiciary", "other"]
PROVINCES = ["Bujumbura Mairie", "Gitega", "Ngozi", "Rumonge", None]


def _question(module: int, n: int) -> tuple[str, str, str, list[str]]:
    """(question id, kind, snapshot JSON, possible responses as JSON)."""
    qid = f"m{module}-q{n:02d}"
    text = {"en": f"Question {n} of module {module}", "fr": f"Question {n} du module {module}"}
    if n % 5 == 4:
        q = {"id": qid, "kind": "true_false", "topic": "indicators", "text": text, "key": True}
        snap = {"question": q, "layout": {}}
        return qid, "true_false", json.dumps(snap), ['{"value": true}', '{"value": false}']
    options = [{"id": c, "text": {"en": f"Option {c}", "fr": f"Choix {c}"}} for c in "abcd"]
    q = {"id": qid, "kind": "single_choice", "topic": "indicators", "text": text}
    q |= {"options": options, "key": "b"}
    snap = {"question": q, "layout": {"options": list("abcd")}}
    return qid, "single_choice", json.dumps(snap), [f'{{"choice": "{c}"}}' for c in "bacd"]


def generate(path: Path) -> None:
    """Build the database in one transaction with executemany (about a minute)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    Database(tmp).close()  # the real schema, migrated
    conn = sqlite3.connect(tmp, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(20261129)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO trainees (id, uid, name, institution, service_number, gender, province,"
        " workstation_uid, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                i,
                f"t{i:031d}",
                f"Trainee {i}",
                INSTITUTIONS[i % 4],
                f"SN-{i}",
                "female" if i % 2 else "male",
                PROVINCES[i % 5],
                WORKSTATIONS[i % 3],
                start.isoformat(),
                start.isoformat(),
            )
            for i in range(1, TRAINEES + 1)
        ],
    )
    ability = [rng.gauss(0, 1) for _ in range(TRAINEES + 1)]
    pools = [[_question(m, n) for n in range(POOL)] for m in range(MODULES)]
    difficulty = {q[0]: rng.gauss(0, 1) for pool in pools for q in pool}
    titles = [json.dumps({"en": f"Module {m}", "fr": f"Module {m}"}) for m in range(MODULES)]
    attempts: list[tuple[object, ...]] = []
    slots: list[tuple[object, ...]] = []
    for a in range(1, ATTEMPTS + 1):
        trainee = rng.randint(1, TRAINEES)
        m = a % MODULES
        picked = rng.sample(pools[m], QUESTIONS_PER_ATTEMPT)
        began = start + timedelta(minutes=a * 5)
        score = 0.0
        for s, (qid, kind, snap, answers) in enumerate(picked):
            odds = ability[trainee] - difficulty[qid]
            if qid.endswith("q07"):
                odds = -odds  # a question that works against the best trainees
            right = rng.random() < 1 / (1 + pow(2.718281828, -odds))
            response = answers[0] if right else rng.choice(answers[1:])
            fraction = 1.0 if right else 0.0
            score += fraction
            slots.append(
                (a, s, qid, kind, "indicators", 1.0, snap, response, fraction, fraction,
                 round(rng.uniform(5, 90), 3))
            )  # fmt: skip
        percent = 100 * score / QUESTIONS_PER_ATTEMPT
        attempts.append(
            (a, f"a{a:031d}", trainee, "bench", "1.0", "hash", f"module-{m}", titles[m],
             "police,prosecutors,judges", "exam" if a % 4 else "practice", "en", a, 70.0, "full",
             1.5, began.isoformat(), (began + timedelta(minutes=20)).isoformat(), "finished",
             score, float(QUESTIONS_PER_ATTEMPT), percent, 1 if percent >= 70 else 0,
             WORKSTATIONS[a % 3])
        )  # fmt: skip
        if len(slots) >= 200_000:
            _flush(conn, attempts, slots)
    _flush(conn, attempts, slots)
    # what the program keeps with each attempt as it finishes (migration 0081)
    conn.execute(
        "INSERT INTO attempt_item_sets (attempt_id, question_key, item_sum, partial)"
        " SELECT attempt_id, question_key, item_sum, partial FROM attempt_item_set_rows"
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    tmp.replace(path)


def _flush(
    conn: sqlite3.Connection, attempts: list[tuple[object, ...]], slots: list[tuple[object, ...]]
) -> None:
    conn.executemany(
        "INSERT INTO attempts (id, uid, trainee_id, bank_id, bank_version, bank_hash, module_id,"
        " module_title, audiences, behaviour, language, seed, pass_mark, review, training_hours,"
        " started_at, finished_at, state, score, max_score, percent, passed, workstation_uid)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        attempts,
    )
    conn.executemany(
        "INSERT INTO attempt_questions (attempt_id, slot, question_id, kind, topic, max_mark,"
        " snapshot, response, fraction, mark, seconds_spent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        slots,
    )
    attempts.clear()
    slots.clear()


def _timed(fn: object) -> float:
    assert callable(fn)
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


BASELINE_SQL = (
    "SELECT a.uid, t.uid, a.module_id, a.behaviour, a.bank_id, a.bank_version, q.slot + 1,"
    " q.question_id, q.kind, q.topic, q.response, q.fraction, q.mark,"
    " q.max_mark, q.seconds_spent FROM attempts a JOIN trainees t ON t.id = a.trainee_id"
    " JOIN attempt_questions q ON q.attempt_id = a.id ORDER BY a.id, q.slot"
)


def run() -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        return _run(Path(tmp))


def _run(work: Path) -> list[dict[str, object]]:
    db_path = work / "results.sqlite3"
    began = time.perf_counter()
    generate(db_path)
    print(f"generated {ANSWERS:,} answers in {time.perf_counter() - began:.1f} s")
    millions = ANSWERS / 1e6
    results: list[dict[str, object]] = [
        {"name": "database size per million answers", "unit": "MB",
         "value": round(db_path.stat().st_size / 1e6 / millions, 1), "baseline": None,
         "ratio": None, "target": None}
    ]  # fmt: skip
    label = f"{millions:g}M rows"
    db = Database(db_path)
    try:
        out = work / "responses.csv"
        ours = _timed(lambda: export.write_responses(db, out, export.TableFormat.CSV))
        sqlite_cli = shutil.which("sqlite3")
        if sqlite_cli is None:
            print("responses export: sqlite3 command-line tool not found; baseline skipped")
            results.append(
                {"name": f"responses export to CSV ({label})", "value": round(ours, 3), "unit": "s",
                 "baseline": None, "ratio": None, "target": 1.5}
            )  # fmt: skip
        else:
            baseline_out = work / "responses-sqlite3.csv"

            def dump() -> None:
                with baseline_out.open("wb") as fh:
                    subprocess.run(
                        [sqlite_cli, "-csv", "-header", str(db_path), BASELINE_SQL],
                        stdout=fh,
                        check=True,
                    )

            base = _timed(dump)
            results.append(
                {"name": f"responses export to CSV ({label})", "value": round(ours, 3), "unit": "s",
                 "baseline": round(base, 3), "ratio": round(ours / base, 3), "target": 1.5}
            )  # fmt: skip
            baseline_out.unlink(missing_ok=True)
        out.unlink(missing_ok=True)

        seconds = _timed(lambda: analysis.analyse_module(db, "module-1"))
        results.append(
            {"name": f"item analysis of one module ({ATTEMPTS * 3 // 20:,} exam attempts)", "value": round(seconds, 3),
             "unit": "s", "baseline": None, "ratio": None, "target": 2.0}
        )  # fmt: skip

        def first_page() -> None:
            flt = query.ResultFilter()
            query.count_attempts(db, flt)
            query.page_attempts(db, flt, limit=100)

        first_page()  # the screen opens on a warm connection too
        seconds = min(_timed(first_page) for _ in range(3))
        results.append(
            {"name": f"results browser first page (count + 100 rows of {ATTEMPTS:,})",
             "value": round(seconds * 1000, 1), "unit": "ms", "baseline": None, "ratio": None,
             "target": 200}
        )  # fmt: skip
    finally:
        db.close()
    for r in results:
        print(
            f"{r['name']}: {r['value']} {r['unit']} (baseline {r['baseline']}, target {r['target']})"
        )
    return results


if __name__ == "__main__":
    run()
