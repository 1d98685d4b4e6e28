"""The shipped curriculum passes the bank review: no problem, no warning left unwaived."""

from __future__ import annotations

from trainer.banks.catalog import bank_files
from trainer.banks.review.engine import load_for_review, review_banks, text_lines
from trainer.banks.review.rules import Severity
from trainer.paths import shipped_banks_dir


def test_the_shipped_banks_have_no_problem_and_no_unwaived_warning() -> None:
    files = bank_files(shipped_banks_dir())
    assert files
    banks, invalid = load_for_review(files)
    assert invalid == [], text_lines(invalid, "en")
    reviews = review_banks(banks)  # near-duplicates across the whole curriculum too
    flagged = [
        review_finding
        for r in reviews
        for review_finding in r.findings
        if review_finding.waiver is None
        and review_finding.severity in (Severity.PROBLEM, Severity.WARNING)
    ]
    shown = [
        f"{f.path}:{f.line}: {f.severity.value} {f.rule.value} [{f.question_id}]: {f.message('en')}"
        for f in flagged
    ]
    assert flagged == [], f"{len(shown)} finding(s):\n" + "\n".join(shown[:40])
