"""Workstation databases full of finished exams, for the central sync's benches and fault
tests: trainees, attempts of 20 answered questions, their steps (start, one answer per
question, finish), written the way the quiz writes them (an attempt finished by an
update, so the central outbox takes it as it would take a real one)."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from trainer.storage.database import Database, new_uid

QUESTIONS_PER_ATTEMPT = 20
INSTITUTIONS = ["police", "prosecution", "judiciary", "other"]


def fill_workstation(
    path: Path,
    answers: int,
    *,
    seed: int = 1,
    trainees: int | None = None,
    service_prefix: str = "SN",
    start: datetime | None = None,
) -> str:
    """A migrated workstation database at ``path`` holding ``answers`` answers (rounded up
    to whole attempts); its workstation uid is returned. Trainee ``i`` has service number
    ``{service_prefix}-{i}``: two workstations with the same prefix share people."""
    rng = random.Random(seed)
    Database(path).close()  # the real schema, migrated, with its own workstation uid
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        ws = str(conn.execute("SELECT uid FROM workstation WHERE id = 1").fetchone()[0])
        attempts = -(-answers // QUESTIONS_PER_ATTEMPT)
        people = trainees if trainees is not None else max(1, attempts // 5)
        when = start or datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
        conn.execute("BEGIN")
        trainee_ids = []
        for i in range(people):
            stamp = (when + timedelta(seconds=i)).isoformat()
            cur = conn.execute(
                "INSERT INTO trainees (uid, name, institution, service_number, gender, province,"
                " workstation_uid, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_uid(),
                    f"Trainee {i}",
                    INSTITUTIONS[i % len(INSTITUTIONS)],
                    f"{service_prefix}-{i}",
                    None,
                    "Gitega",
                    ws,
                    stamp,
                    stamp,
                ),
            )
            trainee_ids.append(int(cur.lastrowid or 0))
        for n in range(attempts):
            began = when + timedelta(minutes=n)
            cur = conn.execute(
                "INSERT INTO attempts (uid, trainee_id, bank_id, bank_version, bank_hash,"
                " module_id, module_title, audiences, behaviour, language, seed, pass_mark,"
                " review, training_hours, started_at, state, max_score, workstation_uid)"
                " VALUES (?, ?, 'sample', '1.0.0', ?, 'indicators', ?, 'police', 'exam', 'en',"
                " ?, 70, 'full', 1, ?, 'in_progress', ?, ?)",
                (
                    new_uid(),
                    trainee_ids[n % len(trainee_ids)],
                    "0" * 64,
                    json.dumps({"en": "Indicators", "fr": "Indicateurs"}),
                    rng.randrange(2**31),
                    began.isoformat(),
                    QUESTIONS_PER_ATTEMPT,
                    ws,
                ),
            )
            attempt_id = int(cur.lastrowid or 0)
            questions = []
            steps: list[tuple[Any, ...]] = [
                (attempt_id, 0, None, "start", None, None, began.isoformat())
            ]
            score = 0.0
            for slot in range(QUESTIONS_PER_ATTEMPT):
                right = rng.random() < 0.7
                score += right
                at = (began + timedelta(seconds=20 * (slot + 1))).isoformat()
                response = json.dumps({"choice": "b" if right else "c"})
                snapshot = json.dumps(
                    {"question": {"id": f"q{slot:02d}", "kind": "single_choice"}, "layout": {}}
                )
                questions.append(
                    (
                        attempt_id,
                        slot,
                        f"q{slot:02d}",
                        "single_choice",
                        "indicators",
                        1.0,
                        snapshot,
                        response,
                        float(right),
                        float(right),
                        0,
                        at,
                        at,
                        20.0,
                    )
                )
                steps.append((attempt_id, slot + 1, slot, "answer", response, float(right), at))
            ended = (began + timedelta(seconds=20 * (QUESTIONS_PER_ATTEMPT + 1))).isoformat()
            steps.append((attempt_id, QUESTIONS_PER_ATTEMPT + 1, None, "finish", None, None, ended))
            conn.executemany(
                "INSERT INTO attempt_questions (attempt_id, slot, question_id, kind, topic,"
                " max_mark, snapshot, response, fraction, mark, flagged, first_shown_at,"
                " answered_at, seconds_spent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                questions,
            )
            conn.executemany(
                "INSERT INTO steps (attempt_id, seq, slot, action, response, fraction, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                steps,
            )
            percent = 100 * score / QUESTIONS_PER_ATTEMPT
            conn.execute(
                "UPDATE attempts SET state = 'finished', finished_at = ?, score = ?, percent = ?,"
                " passed = ? WHERE id = ?",
                (ended, score, percent, int(percent >= 70), attempt_id),
            )
        conn.execute("COMMIT")
        return ws
    finally:
        conn.close()
