"""Each kind's own rules: the problems its part of a bank file can have, and its Moodle mapping."""

from __future__ import annotations

from dataclasses import replace

import pytest

from trainer.banks import serialize
from trainer.banks.formats.convert import ExportFormat, export_bank, records_to_draft
from trainer.banks.formats.messages import (
    M_ALL_RIGHT,
    M_ANSWER_NO_TEXT,
    M_EMPTY_ITEM_DROPPED,
    M_FIXED_OPTIONS,
    M_GIFT_ORDERING_TEXT,
    M_MATCH_PAIRS,
    M_NO_CREDIT,
    M_NO_FULL_MARKS,
    M_NO_TEXT,
    M_ORDERING_ITEMS,
    M_ORDERING_LAYOUT,
    M_ORDERING_SUBSET,
    M_SEVERAL_FULL_MARKS,
    M_SUBQUESTION_NO_TEXT,
    M_TOO_FEW_ANSWERS,
)
from trainer.banks.formats.records import HTML, FText, MAnswer, MPair, MQuestion
from trainer.banks.loader import load_bank_bytes
from trainer.banks.model import Bank, Kind, LocalizedText, MultipleResponse, Ordering, SingleChoice
from trainer.errors import BankError

HEAD = """\
format: 1
id: rules
version: "1.0"
languages: [en]
title: {en: Rules}
audiences: [police]
topics: [indicators]
sources:
  - {id: palermo, title: {en: Palermo Protocol}}
modules:
  - {id: m1, title: {en: Module}}
questions:
"""
TAIL = """\
    explanation: {en: Because.}
    source: {id: palermo, locator: "Art. 3"}
"""


def problems(body: str, topic: str = "indicators") -> list[tuple[int, str]]:
    """Load a bank whose only question is ``body`` (lines after 'kind'); its problems."""
    text = HEAD + f"  - id: q1\n    topic: {topic}\n    text: {{en: Q?}}\n" + body + TAIL
    with pytest.raises(BankError) as caught:
        load_bank_bytes(text.encode(), "rules.yaml")
    return [(p.line, p.message) for p in caught.value.problems]


FIRST = HEAD.count("\n") + 4  # the line of the first line of ``body``

CASES = [
    (
        "option-not-a-mapping",
        "    kind: single_choice\n    options:\n      - just text\n"
        "      - {id: b, text: {en: B}}\n    key: b\n",
        FIRST + 2,
        "question 'q1': an option must be a mapping",
    ),
    (
        "option-without-text",
        "    kind: single_choice\n    options:\n      - {id: a}\n"
        "      - {id: b, text: {en: B}}\n    key: b\n",
        FIRST + 2,
        "question 'q1': option 'a': missing key 'text'",
    ),
    (
        "one-option",
        "    kind: single_choice\n    options:\n      - {id: a, text: {en: A}}\n    key: a\n",
        FIRST + 2,
        "question 'q1': needs at least 2 options",
    ),
    (
        "key-not-an-id",
        "    kind: single_choice\n    options:\n      - {id: a, text: {en: A}}\n"
        "      - {id: b, text: {en: B}}\n    key: true\n",
        FIRST + 4,
        "question 'q1': 'key' must name an option id or a list of them",
    ),
    (
        "key-twice",
        "    kind: multiple_response\n    options:\n      - {id: a, text: {en: A}}\n"
        "      - {id: b, text: {en: B}}\n      - {id: c, text: {en: C}}\n    key: [a, a]\n",
        FIRST + 5,
        "question 'q1': key 'a' is listed twice",
    ),
    (
        "no-right-option",
        "    kind: multiple_response\n    options:\n      - {id: a, text: {en: A}}\n"
        "      - {id: b, text: {en: B}}\n    key: []\n",
        FIRST + 4,
        "question 'q1': multiple_response needs at least 1 correct option",
    ),
    (
        "multiple-response-without-key",
        "    kind: multiple_response\n    options:\n      - {id: a, text: {en: A}}\n"
        "      - {id: b, text: {en: B}}\n",
        FIRST - 3,
        "question 'q1': missing key 'key'",
    ),
    (
        "ordering-item-without-text",
        "    kind: ordering\n    items:\n      - {id: one, text: {en: One}}\n      - {id: two}\n",
        FIRST + 3,
        "question 'q1': item 'two': missing key 'text'",
    ),
    (
        "matching-one-choice",
        "    kind: matching\n    prompts:\n      - {id: p1, text: {en: P1}, match: c1}\n"
        "      - {id: p2, text: {en: P2}, match: c1}\n    choices:\n"
        "      - {id: c1, text: {en: C1}}\n",
        FIRST + 5,
        "question 'q1': matching needs at least 2 choices",
    ),
    (
        "matching-prompt-without-match",
        "    kind: matching\n    prompts:\n      - {id: p1, text: {en: P1}, match: c1}\n"
        "      - {id: p2, text: {en: P2}}\n    choices:\n"
        "      - {id: c1, text: {en: C1}}\n      - {id: c2, text: {en: C2}}\n",
        FIRST + 3,
        "question 'q1': prompt 'p2': missing key 'match'",
    ),
    (
        "scenario-in-a-scenario",
        "    kind: scenario\n    parts:\n      - id: p1\n        kind: scenario\n"
        "        text: {en: Inner}\n        parts: []\n"
        "      - id: p2\n        kind: true_false\n        text: {en: T?}\n        key: true\n"
        "        explanation: {en: Because.}\n        source: {id: palermo, locator: x}\n",
        FIRST + 3,
        "question 'p1': a scenario part cannot be a scenario",
    ),
]


@pytest.mark.parametrize(
    ("body", "line", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_kind_reports_its_own_problems_with_their_line(
    body: str, line: int, message: str
) -> None:
    found = problems(body)
    assert any(ln == line and message in m for ln, m in found), found


def test_a_broken_scenario_still_has_its_parts_checked() -> None:
    body = (
        "    kind: scenario\n    parts:\n"
        "      - id: p1\n        kind: true_false\n        text: {en: T?}\n        key: maybe\n"
        "      - id: p2\n        kind: true_false\n        text: {en: T?}\n        key: true\n"
    )
    found = problems(body, topic="cooking")
    assert any("topic 'cooking' is not one of" in m for _, m in found), found
    assert (FIRST + 6, "question 'p2': missing key 'explanation'") in found, found


# -- GIFT / Moodle XML ------------------------------------------------------------------------
def _q(qtype: str, **kw: object) -> MQuestion:
    return MQuestion(qtype, line=3, title="x", text=FText("Text?"), **kw)  # type: ignore[arg-type]


def _skipped(record: MQuestion) -> list[str]:
    draft = records_to_draft([record], "in.xml")
    assert draft.bank.questions == ()
    return [e.template for e in draft.report.skipped]


@pytest.mark.parametrize(
    ("record", "template"),
    [
        (
            _q("multichoice", answers=[MAnswer(FText("A"), 1.0), MAnswer(FText(""))]),
            M_TOO_FEW_ANSWERS,
        ),
        (
            _q("multichoice", answers=[MAnswer(FText("A"), 0.5), MAnswer(FText("B"))]),
            M_NO_FULL_MARKS,
        ),
        (
            _q("multichoice", answers=[MAnswer(FText("A"), 1.0), MAnswer(FText("B"), 1.0)]),
            M_ALL_RIGHT,
        ),
        (
            _q("multichoice", single=False, answers=[MAnswer(FText("A")), MAnswer(FText("B"))]),
            M_NO_CREDIT,
        ),
        (_q("match", pairs=[MPair(FText("P"), "a")]), M_MATCH_PAIRS),
        (_q("match", pairs=[MPair(FText("P"), "a"), MPair(FText("Q"), "")]), M_ANSWER_NO_TEXT),
        (
            _q("match", pairs=[MPair(FText("P"), "a"), MPair(FText("<p> </p>", HTML), "b")]),
            M_SUBQUESTION_NO_TEXT,
        ),
        (_q("ordering", answers=[MAnswer(FText("One"))]), M_ORDERING_ITEMS),
    ],
    ids=[
        "too-few-answers",
        "no-full-marks",
        "every-answer-full-marks",
        "no-credit",
        "one-pair",
        "empty-answer",
        "empty-sub-question",
        "one-item",
    ],
)
def test_records_a_kind_cannot_take_are_skipped_with_the_reason(
    record: MQuestion, template: str
) -> None:
    assert template in _skipped(record)


@pytest.mark.parametrize(
    "record",
    [
        _q("multichoice", answers=[MAnswer(FText("A"), 1.0), MAnswer(FText("B"))]),
        _q("truefalse", correct=True),
        _q("match", pairs=[MPair(FText("P"), "a"), MPair(FText("Q"), "b")]),
        _q("ordering", answers=[MAnswer(FText("One")), MAnswer(FText("Two"))]),
    ],
    ids=lambda r: r.type,
)
def test_every_kind_skips_a_record_without_text(record: MQuestion) -> None:
    assert M_NO_TEXT in _skipped(replace(record, text=FText(""), title=None))


def test_several_full_marks_become_a_multiple_response_with_a_report_line() -> None:
    record = _q(
        "multichoice",
        answers=[MAnswer(FText("A"), 1.0), MAnswer(FText("B"), 1.0), MAnswer(FText("C"))],
    )
    draft = records_to_draft([record], "in.xml")
    [q] = draft.bank.questions
    assert isinstance(q, MultipleResponse) and q.key == frozenset({"a", "b"})
    assert [e.template for e in draft.report.changed] == [M_SEVERAL_FULL_MARKS]


def test_ordering_that_moodle_showed_in_part_is_reported() -> None:
    record = _q(
        "ordering",
        answers=[MAnswer(FText("One")), MAnswer(FText("Two")), MAnswer(FText("Three"))],
        options={"selecttype": "RANDOM", "selectcount": "2"},
    )
    draft = records_to_draft([record], "in.xml")
    assert draft.bank.questions[0].kind is Kind.ORDERING
    assert M_ORDERING_SUBSET in [e.template for e in draft.report.changed]


def test_fixed_options_are_written_and_reported_on_export(sample_bank: Bank) -> None:
    sc = next(q for q in sample_bank.questions if isinstance(q, SingleChoice))
    pinned = replace(sc, options=(*sc.options[:-1], replace(sc.options[-1], fixed=True)))
    data = serialize.question_to_data(pinned)
    assert data["options"][-1]["fixed"] is True
    assert "fixed" not in data["options"][0]
    assert serialize.question_from_data(data) == replace(
        pinned, line=0, column=0, difficulty_given=True
    )
    bank = replace(sample_bank, questions=(pinned,))
    _text, report = export_bank(bank, ExportFormat.MOODLE_XML, "en")
    assert M_FIXED_OPTIONS in [e.template for e in report.changed]


def test_ordering_drops_an_empty_item_and_notes_a_horizontal_layout() -> None:
    record = _q(
        "ordering",
        answers=[MAnswer(FText("One")), MAnswer(FText(" ")), MAnswer(FText("Two"))],
        options={"layouttype": "HORIZONTAL"},
    )
    draft = records_to_draft([record], "in.xml")
    [q] = draft.bank.questions
    assert isinstance(q, Ordering) and [i.text.get("en") for i in q.items] == ["One", "Two"]
    assert [(e.severity.value, e.template) for e in draft.report.entries][:2] == [
        ("changed", M_EMPTY_ITEM_DROPPED),
        ("note", M_ORDERING_LAYOUT),
    ]


def test_an_ordering_item_on_several_lines_is_written_to_gift_on_one(sample_bank: Bank) -> None:
    steps = next(q for q in sample_bank.questions if isinstance(q, Ordering))
    first = replace(steps.items[0], text=LocalizedText({"en": "Identify\nthe victim"}))
    bank = replace(sample_bank, questions=(replace(steps, items=(first, *steps.items[1:])),))
    text, report = export_bank(bank, ExportFormat.GIFT, "en")
    assert "\nIdentify the victim\n" in text
    assert [e.template for e in report.changed] == [M_GIFT_ORDERING_TEXT]
