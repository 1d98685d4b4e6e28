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
        "startup CPU time (user + system)",
        "startup peak memory",
        "startup, built program vs virtualenv",
    ]
    memory = entries[2]
    assert memory["unit"] == "MB" and memory["target"] == "<= 1.5"
    assert 20 < memory["baseline"] < memory["value"] < 1000
    built = entries[3]
    assert built["ratio"] == built["value"] / built["baseline"] and built["target"] == "<= 1.3"
    lines = calls.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # the warm-up and one timed run
    assert all(line.startswith("--exit-when-ready --data-dir ") for line in lines)


def test_the_review_benchmark_runs_next_to_the_plain_load() -> None:
    from bench import bench_review

    entry, alike = bench_review.run(questions=200, alike=100)
    assert alike["name"] == "review 200 alike questions vs 100" and alike["target"] == "<= 2.5"
    assert 0 < alike["baseline"] < alike["value"] < 60
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
        "central: push 2,000 answers (vs COPY, no item rows)",
        "central: save one answer, server down",
        "central: save one answer, server up, syncing",
    ]
    assert all(e["value"] > 0 and e["baseline"] > 0 for e in entries)


def test_the_import_accuracy_measure_counts_right_and_wrong_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.__main__ import main

    (tmp_path / "a.gift").write_text(
        "::One::Is it? {T}\n\n"
        "::Two::Pick {=yes ~no}\n\n"
        "::Same::Match {=a -> x =b -> x}\n\n"
        "::Essay::Say. {}\n\n"
        "::Nothing::Pick {~a ~b}\n",
        encoding="utf-8",
    )
    (tmp_path / "b.xml").write_text(
        '<?xml version="1.0"?><quiz><question type="truefalse"><name><text>T</text></name>'
        '<questiontext format="html"><text>True?</text></questiontext>'
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question></quiz>\n',
        encoding="utf-8",
    )
    (tmp_path / "SOURCES.txt").write_text("notes, not questions\n", encoding="utf-8")
    assert main(["import_accuracy", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 files: 3 of 4 questions of supported kinds imported correctly (75.0 %)" in out
    assert "1 refused by Moodle too, 1 of other kinds" in out
    assert "line 5: not in the draft (every sub-question has the same answer" in out
    assert main(["import_accuracy", str(tmp_path / "missing")]) == 2
