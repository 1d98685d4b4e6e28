"""Waivers in the bank file: checked line by line by the loader, shown in the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.banks.review.factory import bank, bank_data, dump, review, sc
from trainer.banks.loader import load_bank_bytes
from trainer.banks.review.engine import text_lines, to_json
from trainer.banks.review.rules import Rule, Severity
from trainer.errors import BankError

LONG_KEY = ["Any person under eighteen years of age", "A pupil", "A minor"]


def _problems(data: bytes) -> list[str]:
    with pytest.raises(BankError) as info:
        load_bank_bytes(data, "w.yaml")
    return [str(p) for p in info.value.problems]


def test_a_waived_finding_is_shown_with_its_reason() -> None:
    q = sc("q", "Who is a child?", LONG_KEY)
    q["review"] = {"waive": [{"rule": "key-longest", "reason": "the legal  definition is long"}]}
    b = bank(q)
    assert b.questions[0].waivers[0].rule == "key-longest"
    r = review(b)
    [f] = [f for f in r.findings if f.rule is Rule.KEY_LONGEST]
    assert f.waiver == "the legal definition is long"
    assert r.count(Severity.NOTICE) == sum(
        1 for x in r.findings if x.severity is Severity.NOTICE and x.waiver is None
    )
    assert r.waived == 1
    line = next(x for x in text_lines([r], "en") if "key-longest" in x)
    assert line.endswith("(waived: the legal definition is long)")
    fr = next(x for x in text_lines([r], "fr") if "key-longest" in x)
    assert fr.endswith("(dérogation : the legal definition is long)")
    [entry] = [x for x in to_json([r], "en")["banks"][0]["findings"] if x["rule"] == "key-longest"]
    assert entry["waived"] == "the legal definition is long"


def test_a_bank_waives_a_rule_on_its_shares() -> None:
    items = [sc(f"q{i}", "Pick", ["same", "size", "text"]) for i in range(8)]
    waive = {"waive": [{"rule": "key-longest-share", "reason": "options of equal length"}]}
    [f] = [
        f for f in review(bank(*items, review=waive)).findings if f.rule is Rule.KEY_LONGEST_SHARE
    ]
    assert f.waiver == "options of equal length"


def test_questions_waived_for_key_longest_leave_the_share() -> None:
    items = [sc(f"q{i}", "Pick", ["same", "size", "text"]) for i in range(8)]
    for q in items[:1]:
        q["review"] = {"waive": [{"rule": "key-longest", "reason": "a list of steps"}]}
    assert not [f for f in review(bank(*items)).findings if f.rule is Rule.KEY_LONGEST_SHARE]


def test_a_near_duplicate_waived_on_either_question() -> None:
    stem = "Which document proves the age of a child found working in a brick factory?"
    a = sc("a", stem, ["A birth certificate", "A school report"])
    b = sc("b", stem.replace("brick", "tea"), ["A birth certificate", "A school report"])
    a["review"] = {"waive": [{"rule": "near-duplicate", "reason": "two sectors on purpose"}]}
    [f] = [f for f in review(bank(a, b)).findings if f.rule is Rule.NEAR_DUPLICATE]
    assert f.question_id == "b" and f.waiver == "two sectors on purpose"


@pytest.mark.parametrize(
    ("waiver", "message"),
    [
        ({"rule": "no-such-rule", "reason": "x"}, "'no-such-rule' is not a review rule"),
        ({"rule": "invalid", "reason": "x"}, "'invalid' is not a review rule that can be waived"),
        ({"rule": "key-longest-share", "reason": "x"}, "is waived at the top of the bank"),
        ({"rule": "key-longest", "reason": "  "}, "a waiver needs a reason"),
        ({"rule": "key-longest", "reason": "x" * 501}, "at most 500 characters"),
        ({"rule": "key-longest"}, "missing key 'reason'"),
        ({"rule": "key-longest", "reason": "x", "by": "me"}, "unknown key 'by'"),
    ],
)
def test_a_bad_waiver_is_refused_at_its_line(waiver: dict[str, str], message: str) -> None:
    q = sc("q", "Pick", ["a", "b"])
    q["review"] = {"waive": [waiver]}
    data = dump(bank_data(q))
    problems = _problems(data)
    assert len(problems) == 1 and message in problems[0], problems
    line = int(problems[0].split(":")[1])
    lines = data.decode().splitlines()
    waive_line = next(n for n, t in enumerate(lines, start=1) if '"waive"' in t)
    assert waive_line < line <= waive_line + 5  # at the waiver, not at the question


def test_a_rule_waived_twice_and_a_question_rule_at_the_top() -> None:
    q = sc("q", "Pick", ["a", "b"])
    twice = {"rule": "key-longest", "reason": "x"}
    q["review"] = {"waive": [twice, twice]}
    assert any("rule 'key-longest' is waived twice" in p for p in _problems(dump(bank_data(q))))
    top = {"waive": [{"rule": "key-longest", "reason": "x"}]}
    problems = _problems(dump(bank_data(sc("q", "Pick", ["a", "b"]), review=top)))
    assert any("rule 'key-longest' is waived on each question" in p for p in problems)
    assert any(
        "'review' must be a mapping" in p
        for p in _problems(dump(bank_data(sc("q", "Pick", ["a", "b"], review="yes"))))
    )


def test_the_schema_editors_use_knows_waivers() -> None:
    import json

    import jsonschema

    schema = json.loads(
        (Path(__file__).resolve().parents[3] / "trainer" / "banks" / "schema.json").read_text()
    )
    q = sc("q", "Pick", ["a", "b"])
    q["review"] = {"waive": [{"rule": "key-longest", "reason": "a list of steps"}]}
    good = bank_data(q, review={"waive": [{"rule": "mr-pattern", "reason": "few questions"}]})
    jsonschema.validate(good, schema)
    q["review"] = {"waive": [{"rule": "mr-pattern", "reason": "wrong place"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bank_data(q), schema)
