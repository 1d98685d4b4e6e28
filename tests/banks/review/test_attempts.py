"""Item-analysis flags beside the static findings, and who may see them."""

from __future__ import annotations

from tests.banks.review.factory import bank, sc
from trainer.access import Role, StaffSession
from trainer.banks.review.engine import review_banks
from trainer.banks.review.rules import Rule, Severity
from trainer.banks.review.service import attempt_analyses
from trainer.results.analysis import (
    Distractor,
    ItemFlag,
    ItemStats,
    ModuleAnalysis,
    Reliability,
)
from trainer.workspace import Workspace


def _analysis(*items: ItemStats) -> ModuleAnalysis:
    return ModuleAnalysis("t-m", {"en": "M"}, 40, 70.0, list(items), Reliability(None, None, 0, 0))


def _item(qid: str, facility: float, n: int = 40, **extra: object) -> ItemStats:
    return ItemStats(qid, n, facility, 0.3, 0.3, frozenset(), **extra)  # type: ignore[arg-type]


def _rules(analysis: ModuleAnalysis) -> list[tuple[str | None, Rule]]:
    b = bank(*(sc(q, f"Question {q}?", ["a", "b", "c"]) for q in ("easy", "hard", "neg", "ok")))
    [r] = review_banks([b], analyses={"t": [analysis]})
    assert r.attempts_checked
    return [(f.question_id, f.rule) for f in r.findings if f.rule.value.startswith("attempts-")]


def test_flags_from_the_item_analysis() -> None:
    unused = (
        Distractor("a", "a", 30, True),
        Distractor("b", "b", 10, False),
        Distractor("c", "c", 0, False),
    )
    negative = ItemStats("neg", 40, 0.5, -0.2, -0.1, frozenset({ItemFlag.NEGATIVE_DISCRIMINATION}))
    found = _rules(
        _analysis(
            _item("easy", 0.97),
            _item("hard", 0.1),
            negative,
            _item("ok", 0.6, distractors=unused),
            _item("gone", 0.1),  # a question no longer in the bank
        )
    )
    assert found == [
        ("easy", Rule.ATTEMPTS_EASY),
        ("hard", Rule.ATTEMPTS_HARD),
        ("neg", Rule.ATTEMPTS_NEGATIVE),
        ("ok", Rule.ATTEMPTS_UNUSED),
    ]


def test_good_items_and_too_few_answers_raise_no_flag() -> None:
    assert _rules(_analysis(_item("easy", 0.93), _item("hard", 0.25))) == []
    assert _rules(_analysis(_item("easy", 1.0, n=5), _item("hard", 0.0, n=5))) == []


def test_the_flags_explain_themselves() -> None:
    b = bank(sc("easy", "Question?", ["a", "b"]))
    [r] = review_banks([b], analyses={"t": [_analysis(_item("easy", 0.975))]})
    [f] = [f for f in r.findings if f.rule is Rule.ATTEMPTS_EASY]
    assert f.severity is Severity.NOTICE
    assert f.message("en").startswith("in module t-m, 98% of 40 exam answers were right")
    assert "98\u00a0% des 40 réponses" in f.message("fr")


def test_only_a_role_that_sees_results_gets_the_flags(workspace: Workspace) -> None:
    b = bank(sc("q", "Question?", ["a", "b"]))
    assert attempt_analyses(workspace, [b]) is None  # a trainee at the keyboard
    workspace.sign_in(StaffSession("trainer", Role.TRAINER, timeout=0))
    assert attempt_analyses(workspace, [b]) is None
    workspace.sign_in(StaffSession("coordinator", Role.COORDINATOR, timeout=0))
    analyses = attempt_analyses(workspace, [b])
    assert analyses is not None and [a.module_id for a in analyses["t"]] == ["t-m"]
    assert analyses["t"][0].attempts == 0
