"""Start-up: process start → main window shown → exit, against a bare PySide6 window; and,
when ``make dist`` has built it, the self-contained program against the same start from
the virtualenv, in the same run."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.timing import interleaved

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "dist" / "tip-trainer" / ("tip-trainer.exe" if os.name == "nt" else "tip-trainer")


# Runs a script as __main__ and, at its exit, reports its own peak resident size (VmHWM:
# ru_maxrss would carry the parent's size across exec).
_PEAK = """
import atexit, json, runpy, sys
def _report():
    with open("/proc/self/status", encoding="ascii") as status:
        peak = [int(r.split()[1]) for r in status if r.startswith("VmHWM:")][0]
    print(json.dumps({"peak_kb": peak}), file=sys.stderr)
atexit.register(_report)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def _runner(command: list[str], env: dict[str, str]) -> Callable[[], None]:
    def run() -> None:
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)

    return run


def _cpu_seconds(command: list[str], env: dict[str, str], repeat: int) -> list[float]:
    """CPU time (user + system) of each run: steadier than wall time on a shared machine."""
    samples = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        samples.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return samples


def _peak_mb(command: list[str], env: dict[str, str]) -> float:
    done = subprocess.run(
        [command[0], "-c", _PEAK, *command[1:]],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    found = [line for line in done.stderr.splitlines() if line.startswith('{"peak_kb"')]
    return float(json.loads(found[-1])["peak_kb"]) / 1024


def run(built: Path | None = None, repeat: int = 7) -> list[dict[str, Any]]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed program starts from compiled bytecode (written on install or first run):
    # let the warm-up run write it even where the environment says not to.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    built = built if built is not None else BUILT
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        app_command = [sys.executable, "main.py", "--exit-when-ready", "--data-dir", data]
        bare_command = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
        app = _runner(app_command, env)
        bare = _runner(bare_command, env)
        app()  # the first run creates the database and the bytecode: measure the everyday start
        ours, base = interleaved([app, bare], repeat=repeat)
        cpu_ours: list[float] = []
        cpu_base: list[float] = []
        for _ in range(repeat):
            cpu_ours += _cpu_seconds(app_command, env, 1)
            cpu_base += _cpu_seconds(bare_command, env, 1)
        peaks = [
            (_peak_mb(app_command, env), _peak_mb(bare_command, env)) for _ in range(min(3, repeat))
        ]
        peak_ours = statistics.median(p[0] for p in peaks)
        peak_base = statistics.median(p[1] for p in peaks)
        entries = [
            {
                "name": "startup (window shown, exit)",
                "value": ours,
                "unit": "s",
                "baseline": base,
                "ratio": ours / base,
                "target": "<= 1.3",
            },
            {
                "name": "startup CPU time (user + system)",
                "value": statistics.median(cpu_ours),
                "unit": "s",
                "baseline": statistics.median(cpu_base),
                "ratio": statistics.median(cpu_ours) / statistics.median(cpu_base),
                "target": "<= 1.3",
            },
            {
                "name": "startup peak memory",
                "value": peak_ours,
                "unit": "MB",
                "baseline": peak_base,
                "ratio": peak_ours / peak_base,
                "target": "<= 1.5",
            },
        ]
        if built.is_file():
            frozen = _runner([str(built), "--exit-when-ready", "--data-dir", data], env)
            frozen_time, venv_time = interleaved([frozen, app], repeat=repeat)
            entries.append(
                {
                    "name": "startup, built program vs virtualenv",
                    "value": frozen_time,
                    "unit": "s",
                    "baseline": venv_time,
                    "ratio": frozen_time / venv_time,
                    "target": "<= 1.3",
                }
            )
        else:
            print(f"  {built} not built (make dist): the built program is not measured")
    return entries
