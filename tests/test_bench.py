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


def test_the_review_benchmark_runs_next_to_the_plain_load() -> None:
    from bench import bench_review

    [entry] = bench_review.run(questions=200)
    assert entry["name"].startswith("review library of 200 questions (4 banks)")
    assert entry["target"] == "< 2 s" and entry["unit"] == "s"
    assert 0 < entry["value"] < 5 and 0 < entry["baseline"] < 5
    assert entry["ratio"] == entry["value"] / entry["baseline"]


def test_the_generated_library_has_near_duplicates_to_find(tmp_path: Path) -> None:
    from bench import bench_review
    from trainer.banks.loader import load_bank
    from trainer.banks.review.engine import review_banks

    paths = bench_review.generated_library(tmp_path, questions=800)
    banks = [load_bank(p) for p in paths]
    assert sum(1 for b in banks for _ in b.iter_all_questions()) == 800
    findings = [f for r in review_banks(banks) for f in r.findings]
    assert any(f.rule.value == "near-duplicate" for f in findings)


def test_the_central_benchmark_runs_next_to_a_bare_copy() -> None:
    """A small push beside the bare COPY, and answer saves with the server down and up
    (skipped where PostgreSQL is absent, as the bench itself is)."""
    from bench import bench_central
    from bench.pg_cluster import find_bin_dir

    if find_bin_dir() is None:
        pytest.skip("PostgreSQL is not installed")
    entries = bench_central.run(answers=2000, saves=20)
    assert [e["name"] for e in entries] == [
        "central: push 2,000 answers (vs bare COPY)",
        "central: save one answer, server down",
        "central: save one answer, server up, syncing",
    ]
    assert all(e["value"] > 0 and e["baseline"] > 0 for e in entries)
