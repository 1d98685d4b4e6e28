"""Kill the app in the middle of a timed exam; every answer, flag and the clock come back."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_BANK
from trainer.quiz.questions import correct_response
from trainer.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_sigkill_mid_exam_loses_nothing(tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "sample.yaml").write_bytes(SAMPLE_BANK.read_bytes())
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.drive_app", str(data), str(banks), "3"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.strip())
            if line.strip() == "READY":
                break
        else:
            raise AssertionError(
                f"the app stopped early: {proc.stderr.read() if proc.stderr else ''}"
            )
    finally:
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
        proc.wait(timeout=30)
    attempt_id = int(lines[0].split()[1])
    answered = [int(x.split()[1]) for x in lines if x.startswith("ANSWERED")]
    flagged = [int(x.split()[1]) for x in lines if x.startswith("FLAGGED")]
    assert answered == [0, 1, 2] and flagged == [2]

    ws = Workspace(data, shipped_banks=banks)
    try:
        [open_attempt] = ws.attempts.unfinished(ws.trainees.list()[0].id)
        assert open_attempt.id == attempt_id
        session = ws.attempts.load_session(attempt_id)
        for index in answered:
            slot = session.slots[index]
            assert slot.response == correct_response(slot.question), index
        assert session.flagged() == flagged
        assert session.unanswered() == [3]
        # the end time was stored, so the clock kept running while the app was dead
        assert session.deadline is not None
        left = session.remaining(datetime.now(UTC))
        assert left is not None and timedelta(minutes=19) < left <= timedelta(minutes=20)
        result = session.finish()
        assert result.score == sum(session.slots[i].question.max_mark for i in answered)
    finally:
        ws.close()
