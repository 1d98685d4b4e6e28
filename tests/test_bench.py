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
