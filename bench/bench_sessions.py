"""Training sessions: the report of a 60-participant session (data, PDF) and the annual
figures over 10,000 officials and 100,000 attempts, each beside a bare SQL count over the
same rows measured in the same run. The database is generated into bench/.work/."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Any

from trainer.storage.database import Database

WORK = Path(__file__).resolve().parent / ".work"
DB_PATH = WORK / "sessions-100k.sqlite3"
TRAINEES = 10_000
ATTEMPTS = 100_000
PARTICIPANTS = 60
QUESTIONS = 20
PROVINCES = ["Bujumbura", "Gitega", "Butanyerera", "Buhumuza", "Burunga", None]


def _build() -> None:
    WORK.mkdir(exist_ok=True)
    if DB_PATH.exists():
        return
    tmp = DB_PATH.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = Database(tmp)
    rng = random.Random(19)
    conn = db.conn
    ws = db.workstation_uid
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO trainees (id, uid, name, institution, service_number, gender, province,"
        " function, workstation_uid, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                i,
                f"t{i:031d}",
                f"Official {i}",
                rng.choice(["police", "prosecution", "judiciary", "other"]),
                f"SN-{i}",
                rng.choice(["female", "male", None]),
                rng.choice(PROVINCES),
                rng.choice(["Agent", "Brigadier", "Substitut", None]),
                ws,
                "2026-01-01T00:00:00+00:00",
                "2026-01-01T00:00:00+00:00",
            )
            for i in range(1, TRAINEES + 1)
        ],
    )
    title = json.dumps({"en": "Module"})
    rows = []
    for i in range(1, ATTEMPTS + 1):
        month = rng.randint(1, 12)
        pct = rng.uniform(20, 100)
        stamp = f"2026-{month:02d}-{rng.randint(1, 28):02d}T10:00:00+00:00"
        rows.append(
            (
                i,
                f"a{i:031d}",
                rng.randint(1, TRAINEES),
                "bank",
                "1",
                "h",
                f"m{i % 5}",
                title,
                "police",
                "exam",
                "en",
                i,
                70.0,
                "full",
                1.5,
                stamp,
                stamp,
                "finished",
                pct,
                100.0,
                pct,
                1 if pct >= 70 else 0,
                ws,
            )
        )
    conn.executemany(
        "INSERT INTO attempts (id, uid, trainee_id, bank_id, bank_version, bank_hash, module_id,"
        " module_title, audiences, behaviour, language, seed, pass_mark, review, training_hours,"
        " started_at, finished_at, state, score, max_score, percent, passed, workstation_uid)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.execute(
        "INSERT INTO training_sessions (id, uid, title, institution, venue, province, start_date,"
        " end_date, planned_hours, modules, workstation_uid, created_at, updated_at)"
        " VALUES (1, 's1', 'Bench session', 'police', 'Gitega', 'Gitega', '2026-03-02',"
        " '2026-03-06', 30, '[]', ?, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
        (ws,),
    )
    next_id = ATTEMPTS + 1
    for tid in range(1, PARTICIPANTS + 1):
        conn.execute(
            "INSERT INTO session_participants VALUES (1, ?, '2026-03-01T00:00:00+00:00')", (tid,)
        )
        for d in range(2, 7):
            conn.execute(
                "INSERT INTO session_attendance VALUES (1, ?, ?, ?, '2026-03-06T00:00:00+00:00')",
                (tid, f"2026-03-{d:02d}", 1 if rng.random() < 0.9 else 0),
            )
        for phase in ("pre", "post"):
            aid, uid = next_id, f"s{next_id:031d}"
            next_id += 1
            pct = rng.uniform(20, 60) if phase == "pre" else rng.uniform(50, 100)
            conn.execute(
                "INSERT INTO attempts (id, uid, trainee_id, bank_id, bank_version, bank_hash,"
                " module_id, module_title, audiences, behaviour, language, seed, pass_mark,"
                " review, training_hours, started_at, finished_at, state, score, max_score,"
                " percent, passed, workstation_uid) VALUES (?,?,?,'bank','1','h','m0',?,"
                " 'police','exam','en',1,70,'full',1.5,'2026-03-02T08:00:00+00:00',"
                " '2026-03-02T09:00:00+00:00','finished',?,100,?,?,?)",
                (aid, uid, tid, title, pct, pct, 1 if pct >= 70 else 0, ws),
            )
            conn.execute("INSERT INTO session_tests VALUES (?, 's1', ?)", (uid, phase))
            conn.executemany(
                "INSERT INTO attempt_questions (attempt_id, slot, question_id, kind, topic,"
                " max_mark, snapshot, fraction, mark) VALUES (?,?,?,?,?,1,?,?,?)",
                [
                    (
                        aid,
                        q,
                        f"q{q}",
                        "true_false",
                        ["indicators", "referral"][q % 2],
                        json.dumps({"question": {"prompt": {"en": f"Question {q}"}}}),
                        f := float(rng.random() < pct / 100),
                        f,
                    )
                    for q in range(QUESTIONS)
                ],
            )
    conn.execute("COMMIT")
    db.close()
    tmp.rename(DB_PATH)


def _best(fn: Any, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def run() -> list[dict[str, Any]]:
    from trainer.sessions.figures import annual_figures
    from trainer.sessions.report import build_report
    from trainer.storage.sessions import count_finished_exams
    from trainer.ui.reports import write_pdf
    from trainer.ui.session_documents import report_html

    _build()
    db = Database(DB_PATH)
    out = WORK / "session-report.pdf"

    def report() -> None:
        from trainer.certificates.pdf import ensure_application

        ensure_application()
        write_pdf(out, report_html(build_report(db, 1)), title="bench")

    def bare_participants() -> None:
        db.query(
            "SELECT count(*) FROM attempt_questions q JOIN attempts a ON a.id = q.attempt_id"
            " JOIN session_tests st ON st.attempt_uid = a.uid WHERE st.session_uid = 's1'"
        )

    report()  # fonts and Qt loaded once, outside the timing
    report_s = _best(report)
    report_base = _best(bare_participants)
    figures_s = _best(lambda: annual_figures(db, 2026))
    figures_base = _best(lambda: count_finished_exams(db, 2026))
    db.close()
    return [
        {
            "name": "sessions: report of 60 participants (PDF)",
            "value": report_s,
            "unit": "s",
            "baseline": report_base,
            "ratio": report_s / report_base if report_base else None,
            "target": "< 1 s",
        },
        {
            "name": "sessions: annual figures, 10k officials 100k attempts",
            "value": figures_s,
            "unit": "s",
            "baseline": figures_base,
            "ratio": figures_s / figures_base if figures_base else None,
            "target": "< 2 s",
        },
    ]
