"""One program per data folder: a second one is refused and touches nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.instance import InstanceLock, is_running

ROOT = Path(__file__).resolve().parent.parent


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path)
    assert first.acquire()
    assert first.acquire()  # holding it already
    assert first.holder_pid() == os.getpid()
    with InstanceLock(tmp_path) as second:
        assert not second.acquire()
        assert not second.held
    assert is_running(tmp_path)
    first.release()
    assert not is_running(tmp_path)
    with InstanceLock(tmp_path) as third:
        assert third.acquire()


def test_lock_of_a_dead_program_is_free(tmp_path: Path) -> None:
    """The system drops the lock when its holder dies, however it dies."""
    code = (
        "import sys, os; from pathlib import Path; from trainer.instance import InstanceLock;"
        "l = InstanceLock(Path(sys.argv[1])); assert l.acquire(); os._exit(9)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, timeout=60
    )
    assert done.returncode == 9
    assert (tmp_path / "tip-trainer.lock").exists()
    assert not is_running(tmp_path)


@pytest.mark.slow
def test_second_window_is_refused_and_touches_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    lock = InstanceLock(data)
    assert lock.acquire()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "trainer", "--exit-when-ready", "--data-dir", str(data)],
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        lock.release()
    assert done.returncode == 3, done.stderr
    assert "already open" in done.stderr
    assert not (data / "tip-trainer.sqlite3").exists()
    assert not (data / "backups").exists()


@pytest.mark.slow
def test_restore_from_the_command_line_is_refused_while_the_window_is_open(
    tmp_path: Path,
) -> None:
    from trainer.cli import main

    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "backup"]) == 0
    [made] = sorted((data / "backups").glob("*.sqlite3"))
    with InstanceLock(data) as lock:
        assert lock.acquire()
        assert main(["--data-dir", str(data), "restore", str(made)]) == 3
    assert main(["--data-dir", str(data), "restore", str(made)]) == 0
