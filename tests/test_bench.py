"""The benchmarks still run (a small size): `make bench` must not break unnoticed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bench import bench_certificates


def test_the_certificate_benchmark_runs_and_reports_a_ratio(tmp_path: Path, qtbot: QtBot) -> None:
    [entry] = bench_certificates.run(count=bench_certificates.CHUNK * 2, where=tmp_path)
    assert entry["unit"] == "s" and entry["target"] == "<= 1.5"
    assert 0 < entry["baseline"] < 1 and 0 < entry["value"] < 1
    assert entry["ratio"] == entry["value"] / entry["baseline"]


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in program is a shell script")
def test_the_startup_benchmark_measures_the_built_program_when_there_is_one(
    tmp_path: Path,
) -> None:
    """A stand-in for the built program (the real one needs make dist): the bench runs it
    with the same arguments as the virtualenv start and reports the ratio of the two."""
    import stat

    from bench import bench_startup

    fake = tmp_path / "tip-trainer"
    calls = tmp_path / "calls"
    fake.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    entries = bench_startup.run(built=fake, repeat=1)
    assert [e["name"] for e in entries] == [
        "startup (window shown, exit)",
        "startup, built program vs virtualenv",
    ]
    built = entries[1]
    assert built["ratio"] == built["value"] / built["baseline"] and built["target"] == "<= 1.3"
    lines = calls.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # the warm-up and one timed run
    assert all(line.startswith("--exit-when-ready --data-dir ") for line in lines)
