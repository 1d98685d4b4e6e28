"""Time and peak memory of a piece of work, measured in a fresh child process.

The child runs ``setup`` (imports, not timed), then ``work`` (timed), and reports the
seconds and its own peak resident memory (``VmHWM`` on Linux: ``ru_maxrss`` would carry
the parent's size over the exec; ``ru_maxrss`` elsewhere), so one measurement never
inherits another's memory.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WRAPPER = """
import json, resource, sys, time
exec(compile(sys.argv[1], "<setup>", "exec"))
began = time.perf_counter()
exec(compile(sys.argv[2], "<work>", "exec"))
seconds = time.perf_counter() - began
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:  # Linux keeps ru_maxrss across exec (the parent's size); VmHWM is this program's own
    with open("/proc/self/status", encoding="ascii") as status:
        for row in status:
            if row.startswith("VmHWM:"):
                peak = int(row.split()[1]) / 1024
except OSError:
    pass
print(json.dumps({"seconds": seconds, "peak_mb": peak}))
"""


def measure(setup: str, work: str) -> tuple[float, float]:
    """(seconds, peak MB) of ``work`` run after ``setup`` in a new Python process."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, setup, work],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return float(found["seconds"]), float(found["peak_mb"])


def compare(
    ours: tuple[str, str], base: tuple[str, str], repeat: int = 3
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (seconds, peak MB) of ours and of the baseline, run in alternation."""
    mine: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for _ in range(repeat):
        mine.append(measure(*ours))
        theirs.append(measure(*base))
    return _median(mine), _median(theirs)


def _median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return (
        statistics.median(s[0] for s in samples),
        statistics.median(s[1] for s in samples),
    )


def entry(
    name: str, value: float, unit: str, baseline: float | None, target: object
) -> dict[str, object]:
    return {
        "name": name,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "ratio": None if not baseline else value / baseline,
        "target": target,
    }
