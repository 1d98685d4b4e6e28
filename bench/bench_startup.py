"""Start-up: process start → main window shown → exit, against a bare PySide6 window."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.timing import interleaved

ROOT = Path(__file__).resolve().parent.parent


def run() -> list[dict[str, Any]]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed program starts from compiled bytecode (written on install or first run):
    # let the warm-up run write it even where the environment says not to.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"

        def app() -> None:
            subprocess.run(
                [sys.executable, "main.py", "--exit-when-ready", "--data-dir", str(data)],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )

        def bare() -> None:
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "bare_window.py")],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )

        app()  # the first run creates the database and the bytecode: measure the everyday start
        ours, base = interleaved([app, bare], repeat=7)
    return [
        {
            "name": "startup (window shown, exit)",
            "value": ours,
            "unit": "s",
            "baseline": base,
            "ratio": ours / base,
            "target": "<= 1.3",
        }
    ]
