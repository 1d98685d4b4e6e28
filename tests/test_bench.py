"""The benchmarks still run (a small size): `make bench` must not break unnoticed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from bench import bench_certificates


def test_the_certificate_benchmark_runs_and_reports_a_ratio(tmp_path: Path, qtbot: QtBot) -> None:
    [entry] = bench_certificates.run(count=bench_certificates.CHUNK * 2, where=tmp_path)
    assert entry["unit"] == "s" and entry["target"] == "<= 1.5"
    assert 0 < entry["baseline"] < 1 and 0 < entry["value"] < 1
    assert entry["ratio"] == entry["value"] / entry["baseline"]
