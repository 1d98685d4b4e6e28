"""Start-up: process start → main window shown → exit, against a bare PySide6 window; and,
when ``make dist`` has built it, the self-contained program against the same start from
the virtualenv, in the same run."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.timing import interleaved

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "dist" / "tip-trainer" / ("tip-trainer.exe" if os.name == "nt" else "tip-trainer")


def _runner(command: list[str], env: dict[str, str]) -> Callable[[], None]:
    def run() -> None:
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)

    return run


def run(built: Path | None = None, repeat: int = 7) -> list[dict[str, Any]]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed program starts from compiled bytecode (written on install or first run):
    # let the warm-up run write it even where the environment says not to.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    built = built if built is not None else BUILT
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        app = _runner([sys.executable, "main.py", "--exit-when-ready", "--data-dir", data], env)
        bare = _runner([sys.executable, str(ROOT / "bench" / "bare_window.py")], env)
        app()  # the first run creates the database and the bytecode: measure the everyday start
        ours, base = interleaved([app, bare], repeat=repeat)
        entries = [
            {
                "name": "startup (window shown, exit)",
                "value": ours,
                "unit": "s",
                "baseline": base,
                "ratio": ours / base,
                "target": "<= 1.3",
            }
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
