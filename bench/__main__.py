"""``python -m bench``: run every bench/bench_*.py, print a table, write bench/results.json.

Each module exposes ``run() -> list[dict]`` with entries
``{"name", "value", "unit", "baseline", "ratio", "target"}``; the baseline is
measured in the same run, on the same machine, so the ratio is what matters.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    if argv[:1] == ["import_accuracy"]:  # a measure over files you give, not a timing
        from bench.import_accuracy import main as accuracy

        return accuracy(argv[1:])
    wanted = set(argv)
    entries: list[dict[str, Any]] = []
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem
        if wanted and name not in wanted and name.removeprefix("bench_") not in wanted:
            continue
        print(f"running {name} ...", flush=True)
        module = importlib.import_module(f"bench.{name}")
        entries.extend(module.run())
    (HERE / "results.json").write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    print()
    print(f"{'benchmark':<48} {'value':>12} {'baseline':>12} {'ratio':>7} {'target':>10}")
    for e in entries:
        ratio = "" if e.get("ratio") is None else f"{e['ratio']:.2f}"
        base = "" if e.get("baseline") is None else f"{e['baseline']:.4g}"
        target = e.get("target") or ""
        print(
            f"{e['name']:<48} {e['value']:>10.4g} {e['unit']:<2}{base:>11} {ratio:>7} {target!s:>10}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
