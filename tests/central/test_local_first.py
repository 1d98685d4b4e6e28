"""Local first: an exam never waits for the network. Saving an answer does not load the
central database's client, and a sync stuck on a server that does not answer holds no
lock the quiz needs."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from trainer.central.config import CentralConfig
from trainer.central.sync import sync_now
from trainer.errors import CentralError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.quiz.session import QuizSession
from trainer.storage.database import Database
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def test_saving_answers_never_loads_the_network_client(tmp_path: Path) -> None:
    script = f"""
import sys
from datetime import UTC, datetime
from pathlib import Path
from trainer.banks.loader import load_bank
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.quiz.session import QuizSession
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace
ws = Workspace(Path({str(tmp_path / "data")!r}), shipped_banks=Path({str(tmp_path)!r}))
bank = load_bank(Path({str(ROOT / "tests/data/banks/sample.yaml")!r}))
trainee = ws.trainees.create("Ana", Institution.POLICE, "PN-1")
session = QuizSession.start(bank, bank.modules[0], Behaviour.EXAM, trainee_id=trainee.id,
    language="en", recorder=ws.attempts.recorder, seed=1, now=datetime.now(UTC))
for slot in session.slots:
    response = correct_response(slot.question)
    if response is not None:
        session.answer(slot.index, response, now=datetime.now(UTC))
session.finish(now=datetime.now(UTC))
print(",".join(sorted(m for m in sys.modules if m.startswith(("psycopg", "trainer.central")))))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_answers_are_saved_while_a_sync_waits_on_a_silent_server(
    workspace: Workspace, sample_bank: object
) -> None:
    silent = socket.socket()  # accepts connections and never answers: a hung server
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    config = CentralConfig(
        "127.0.0.1", "tip", "ws", port=silent.getsockname()[1], connect_timeout=4
    )
    failures: list[BaseException] = []

    def worker() -> None:
        db = Database(workspace.data.database)  # the worker's own connection, as in the app
        try:
            sync_now(db, config)
        except CentralError as exc:
            failures.append(exc)
        finally:
            db.close()

    trainee = workspace.trainees.create("Ana", Institution.POLICE, "PN-1")
    bank = workspace.catalog.bank("sample")
    session = QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.EXAM,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
        seed=1,
        now=datetime.now(UTC),
    )
    thread = threading.Thread(target=worker)
    started = time.monotonic()
    thread.start()
    slowest = 0.0
    try:
        for slot in session.slots:
            response = correct_response(slot.question)
            if response is None:
                continue
            before = time.monotonic()
            session.answer(slot.index, response, now=datetime.now(UTC))
            slowest = max(slowest, time.monotonic() - before)
        session.finish(now=datetime.now(UTC))
        answered_in = time.monotonic() - started
    finally:
        thread.join(timeout=30)
        silent.close()
    assert thread.is_alive() is False and len(failures) == 1  # the sync gave up, later
    assert answered_in < 3.0  # every answer saved while the sync was still waiting
    assert slowest < 1.0
