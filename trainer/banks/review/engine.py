"""Review banks: the static checks, near-duplicates across banks, attempts, waivers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.banks.loader import load_bank
from trainer.banks.model import Bank, Question
from trainer.banks.review import rules
from trainer.banks.review.attempts import attempt_findings
from trainer.banks.review.checks import Raw, check_bank, duplicate_text, review_language
from trainer.banks.review.duplicates import similar_pairs
from trainer.banks.review.rules import RULES, SEVERITIES, Rule, Severity
from trainer.errors import BankError, Problem
from trainer.progress import CancelToken
from trainer.results.analysis import ModuleAnalysis

# Loader messages that are the review's "all or none right" rule (the loader refuses them).
_MR_ALL_OR_NONE = ("every option is correct", "multiple_response needs at least 1 correct")


@dataclass(frozen=True)
class Finding:
    """One flaw: where it is, which rule, how bad, and the values its explanation shows."""

    rule: Rule
    severity: Severity
    path: str
    line: int
    column: int
    question_id: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    waiver: str | None = None  # the reason, when the bank waives this finding

    def message(self, lang: str) -> str:
        return rules.message(self.rule, self.params, lang)

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule.value,
            "severity": self.severity.value,
            "question": self.question_id,
            "message": self.message(lang),
            "params": dict(self.params),
            "waived": self.waiver,
        }


@dataclass(frozen=True)
class BankReview:
    """The review of one file: its bank (None when it does not load) and the findings."""

    path: Path
    bank: Bank | None
    findings: tuple[Finding, ...]
    attempts_checked: bool = False

    @property
    def valid(self) -> bool:
        return self.bank is not None

    def count(self, severity: Severity) -> int:
        """Findings of ``severity`` that are not waived."""
        return sum(1 for f in self.findings if f.severity is severity and f.waiver is None)

    @property
    def waived(self) -> int:
        return sum(1 for f in self.findings if f.waiver is not None)

    @property
    def has_problem(self) -> bool:
        return self.count(Severity.PROBLEM) > 0


def _display(path: Path | None, fallback: str) -> str:
    return str(path) if path is not None else fallback


def invalid_review(path: Path, problems: Sequence[Problem]) -> BankReview:
    """A file that does not load: each validation problem is a finding."""
    findings = []
    for p in problems:
        rule = Rule.MR_ALL_OR_NONE if any(m in p.message for m in _MR_ALL_OR_NONE) else Rule.INVALID
        findings.append(
            Finding(rule, Severity.PROBLEM, p.path, p.line, p.column, None, {"message": p.message})
        )
    return BankReview(path, None, tuple(findings))


def _waiver(question: Question | None, bank: Bank, rule: Rule) -> str | None:
    waivers = question.waivers if question is not None else bank.waivers
    return next((w.reason for w in waivers if w.rule == rule.value), None)


def _place(bank: Bank, raw: Raw) -> Finding:
    q = raw.question
    return Finding(
        raw.rule,
        RULES[raw.rule].severity,
        _display(bank.path, bank.id),
        q.line if q is not None else 1,
        q.column if q is not None else 1,
        q.id if q is not None else None,
        raw.params,
        _waiver(q, bank, raw.rule),
    )


def _duplicates(
    targets: Sequence[Bank], library: Sequence[Bank], token: CancelToken | None = None
) -> dict[int, list[Finding]]:
    """Near-duplicate findings per target bank (by its index in ``targets``)."""
    reviewed = {id(b) for b in targets}
    ids = {b.id for b in targets}
    banks = list(targets) + [b for b in library if b.id not in ids and id(b) not in reviewed]
    owners: list[tuple[int, Bank, Question]] = []
    texts: list[str] = []
    for index, bank in enumerate(banks):
        lang = review_language(bank)
        for q in bank.iter_all_questions():
            owners.append((index, bank, q))
            texts.append(duplicate_text(q, lang))
    out: dict[int, list[Finding]] = {}
    for i, j, ratio in similar_pairs(texts, cancel=token):
        if token is not None:
            token.check()
        # Shown at the later question (the copy), or at the one under review.
        (bi, bank, q), (_, other_bank, other) = owners[j], owners[i]
        if bi >= len(targets):
            (bi, bank, q), (_, other_bank, other) = owners[i], owners[j]
        if bi >= len(targets):
            continue
        place = f"{(other_bank.path.name if other_bank.path else other_bank.id)}:{other.line}"
        reason = _waiver(q, bank, Rule.NEAR_DUPLICATE) or _waiver(
            other, other_bank, Rule.NEAR_DUPLICATE
        )
        out.setdefault(bi, []).append(
            Finding(
                Rule.NEAR_DUPLICATE,
                RULES[Rule.NEAR_DUPLICATE].severity,
                _display(bank.path, bank.id),
                q.line,
                q.column,
                q.id,
                {"similarity": ratio, "other": other.id, "place": place},
                reason,
            )
        )
    return out


def _order(f: Finding) -> tuple[int, int, int, str]:
    return (f.line, f.column, SEVERITIES.index(f.severity), f.rule.value)


def review_banks(
    targets: Sequence[Bank],
    *,
    library: Sequence[Bank] = (),
    analyses: Mapping[str, Sequence[ModuleAnalysis]] | None = None,
    token: CancelToken | None = None,
) -> list[BankReview]:
    """Review ``targets``; near-duplicates are also sought in ``library``.

    ``analyses`` maps a bank id to the item analyses of its modules (absent: no
    attempts were read, e.g. the role may not see results). A cancelled ``token`` stops
    the review (``CancelledError``): a large bank of alike questions takes a while.
    """
    duplicates = _duplicates(targets, library, token)
    out: list[BankReview] = []
    for index, bank in enumerate(targets):
        raw = check_bank(bank)
        bank_analyses = analyses.get(bank.id) if analyses is not None else None
        if bank_analyses is not None:
            raw += attempt_findings(bank, bank_analyses)
        findings = [_place(bank, r) for r in raw] + duplicates.get(index, [])
        out.append(
            BankReview(
                bank.path or Path(bank.id),
                bank,
                tuple(sorted(findings, key=_order)),
                attempts_checked=bank_analyses is not None,
            )
        )
    return out


def load_for_review(paths: Iterable[Path]) -> tuple[list[Bank], list[BankReview]]:
    """Load files: the banks that load, and a review of each file that does not."""
    banks: list[Bank] = []
    invalid: list[BankReview] = []
    for path in paths:
        try:
            banks.append(load_bank(path, display_name=str(path)))
        except BankError as exc:
            problems = exc.problems or (Problem(str(path), 1, 1, exc.message),)
            invalid.append(invalid_review(path, problems))
    return banks, invalid


# -- reports -----------------------------------------------------------------------------------
_SUMMARY = {
    "en": (
        "{banks} bank(s) reviewed: {problem} problem(s), {warning} warning(s), "
        "{notice} notice(s), {waived} waived finding(s)"
    ),
    "fr": (
        "{banks} banque(s) examinée(s) : {problem} problème(s), {warning} avertissement(s), "
        "{notice} remarque(s), {waived} constat(s) faisant l'objet d'une dérogation"
    ),
}
_WAIVED = {"en": "waived: {reason}", "fr": "dérogation : {reason}"}
_INVALID = {"en": "{path}: the bank does not load", "fr": "{path} : la banque ne se charge pas"}


def summary(reviews: Sequence[BankReview], lang: str) -> str:
    counts = {s.value: sum(r.count(s) for r in reviews) for s in SEVERITIES}
    template = _SUMMARY.get(lang, _SUMMARY["en"])
    return template.format(banks=len(reviews), waived=sum(r.waived for r in reviews), **counts)


def waiver_text(finding: Finding, lang: str) -> str:
    return _WAIVED.get(lang, _WAIVED["en"]).format(reason=finding.waiver)


def text_lines(reviews: Sequence[BankReview], lang: str) -> list[str]:
    """One line per finding: ``file:line:col: severity rule [question]: explanation``."""
    lines: list[str] = []
    for review in reviews:
        if not review.valid:
            lines.append(_INVALID.get(lang, _INVALID["en"]).format(path=review.path))
        for f in review.findings:
            where = f" [{f.question_id}]" if f.question_id else ""
            line = (
                f"{f.path}:{f.line}:{f.column}: {rules.severity_name(f.severity, lang)} "
                f"{f.rule.value}{where}: {f.message(lang)}"
            )
            if f.waiver is not None:
                line += f" ({waiver_text(f, lang)})"
            lines.append(line)
    return lines


def to_json(reviews: Sequence[BankReview], lang: str) -> dict[str, Any]:
    return {
        "banks": [
            {
                "path": str(r.path),
                "bank": r.bank.id if r.bank else None,
                "valid": r.valid,
                "attempts_checked": r.attempts_checked,
                "counts": {s.value: r.count(s) for s in SEVERITIES} | {"waived": r.waived},
                "findings": [f.to_dict(lang) for f in r.findings],
            }
            for r in reviews
        ],
        "summary": summary(reviews, lang),
    }
