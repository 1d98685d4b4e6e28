"""Short answer and numerical questions in GIFT and Moodle XML, both ways."""

from __future__ import annotations

import dataclasses

import pytest
from defusedxml.ElementTree import fromstring

from tests.banks.formats.helpers import gift_records, moodle_xml_records
from trainer.banks.formats import gift
from trainer.banks.formats.convert import ExportFormat, export_bank, records_to_draft
from trainer.banks.model import (
    AcceptedAnswer,
    Bank,
    LocalizedText,
    Numerical,
    NumericAnswer,
    ShortAnswer,
    Unit,
)
from trainer.quiz.questions import NumericalAnswer, ShortAnswerAnswer, grade


def xml(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n{body}\n</quiz>\n'.encode()


def numerical_xml(answers: str, extra: str = "") -> bytes:
    return xml(
        f"""  <question type="numerical">
    <name><text>Age</text></name>
    <questiontext format="html"><text>Under what age is one a child?</text></questiontext>
    <generalfeedback><text>Art. 3(d).</text></generalfeedback>
    {answers}
    {extra}
  </question>"""
    )


def answer(value: str, fraction: str = "100", tolerance: str = "0", feedback: str = "") -> str:
    return (
        f'<answer fraction="{fraction}"><text>{value}</text>'
        f"<feedback><text>{feedback}</text></feedback><tolerance>{tolerance}</tolerance></answer>"
    )


def import_xml(data: bytes) -> tuple[list[object], list[str], list[str]]:
    draft = records_to_draft(moodle_xml_records(data, "x.xml"), "x.xml")
    return (
        list(draft.bank.questions),
        [e.message for e in draft.report.skipped],
        [e.message for e in draft.report.changed],
    )


def test_moodle_numerical_with_units_is_read_and_graded() -> None:
    data = numerical_xml(
        answer("18", feedback="Right.") + answer("*", "0", "", "No."),
        """<units><unit><multiplier>1</multiplier><unit_name>years</unit_name></unit>
      <unit><multiplier>12</multiplier><unit_name>months</unit_name></unit></units>
    <unitgradingtype>1</unitgradingtype><unitpenalty>0.2</unitpenalty>
    <showunits>0</showunits><unitsleft>0</unitsleft>""",
    )
    [q], skipped, changed = import_xml(data)
    assert skipped == [] and changed == []
    assert isinstance(q, Numerical)
    assert q.answers[0] == NumericAnswer(18.0, 0.0, 1.0, LocalizedText.of(en="Right."))
    assert q.answers[1].value is None and q.answers[1].fraction == 0.0
    assert q.units == (Unit("years"), Unit("months", 12.0)) and q.unit_penalty == 0.2
    assert grade(q, NumericalAnswer("216 months")).fraction == 1.0
    assert grade(q, NumericalAnswer("18")).fraction == 0.8


def test_moodle_units_in_a_list_or_against_the_whole_mark_are_reported() -> None:
    units = """<units><unit><multiplier>2</multiplier><unit_name>m</unit_name></unit>
      <unit><multiplier>1</multiplier><unit_name>m</unit_name></unit>
      <unit><multiplier>2000</multiplier><unit_name>mm</unit_name></unit></units>
    <unitgradingtype>2</unitgradingtype><unitpenalty>0.5</unitpenalty><showunits>2</showunits>"""
    [q], _, changed = import_xml(numerical_xml(answer("18"), units))
    assert isinstance(q, Numerical)
    # the first unit becomes the base; a unit listed twice is kept once
    assert q.units == (Unit("m"), Unit("mm", 1000.0))
    assert q.unit_penalty == 0.5
    assert len(changed) == 2
    assert any("whole mark" in c for c in changed) and any("list" in c for c in changed)


def test_moodle_units_not_used_are_left_out() -> None:
    units = """<units><unit><multiplier>1</multiplier><unit_name>m</unit_name></unit></units>
    <unitgradingtype>1</unitgradingtype><unitpenalty>0.5</unitpenalty><showunits>3</showunits>"""
    [q], _, _ = import_xml(numerical_xml(answer("18"), units))
    assert isinstance(q, Numerical) and q.units == () and q.unit_penalty == 0.0


@pytest.mark.parametrize(
    ("answers", "units", "message"),
    [
        (answer("eighteen"), "", "an answer or tolerance is not a number: eighteen ± 0"),
        (answer("18", tolerance="wide"), "", "an answer or tolerance is not a number"),
        (answer("inf"), "", "an answer or tolerance is not a number"),
        (
            answer("18"),
            "<units><unit><multiplier>0</multiplier><unit_name>m</unit_name></unit></units>",
            "a unit has no name or a multiplier that is not a positive number",
        ),
        (
            answer("18"),
            "<units><unit><multiplier>1</multiplier><unit_name>5 m</unit_name></unit></units>",
            "a unit has no name",
        ),
        (answer("18", "50"), "", "no answer gives full marks"),
        (answer("*", "100"), "", "no answer gives full marks"),
        (answer("*", "0", "") + answer("18"), "", "an earlier answer (such as '*') catches"),
    ],
)
def test_broken_moodle_numericals_are_left_out_with_a_reason(
    answers: str, units: str, message: str
) -> None:
    questions, skipped, _ = import_xml(numerical_xml(answers, units))
    assert questions == []
    # the file then holds no question at all, which is said too
    assert message in skipped[0] and skipped[1:] == ["no question could be converted"]


def shortanswer_xml(answers: str, usecase: str = "0") -> bytes:
    return xml(
        f"""  <question type="shortanswer">
    <name><text>Purpose</text></name>
    <questiontext format="html"><text>The purpose element?</text></questiontext>
    <usecase>{usecase}</usecase>
    {answers}
  </question>"""
    )


def sa(text: str, fraction: str = "100", feedback: str = "") -> str:
    return (
        f'<answer fraction="{fraction}" format="plain_text"><text>{text}</text>'
        f"<feedback><text>{feedback}</text></feedback></answer>"
    )


def test_moodle_short_answer_is_read_and_graded() -> None:
    data = shortanswer_xml(
        sa("Exploitation", feedback="Yes.") + sa("") + sa("exploit*", "-50") + sa("*", "0"), "1"
    )
    [q], skipped, changed = import_xml(data)
    assert skipped == []
    assert changed == [
        "an answer's grade of -50% counts as 0% here (a typed answer never costs marks)"
    ]
    assert isinstance(q, ShortAnswer) and q.case_sensitive
    # the blank answer is left out, as Moodle does
    assert [a.text.get("en") for a in q.answers] == ["Exploitation", "exploit*", "*"]
    assert grade(q, ShortAnswerAnswer("Exploitation")).fraction == 1.0
    assert grade(q, ShortAnswerAnswer("exploitation")).fraction == 0.0


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (sa("labour", "50"), "no answer gives full marks"),
        (sa("*", "0") + sa("labour"), "an earlier answer (such as '*') catches"),
    ],
)
def test_broken_moodle_short_answers_are_left_out(answers: str, message: str) -> None:
    questions, skipped, _ = import_xml(shortanswer_xml(answers))
    assert questions == [] and message in skipped[0]


def test_gift_numerical_forms_as_moodle_reads_them() -> None:
    records = gift_records(
        b"::A::Pi? {#3.14:0.01}\n\n::B::From 1 to 5? {#1..5}\n\n"
        b"::C::Grant? {#=1822:0 #Yes =%50%1822:2 #Close ~#No}\n\n"
        b"::D::Bad {#1..x}\n\n::E::Bad {#3:x}\n\n::F::Empty {#}\n\n::G::Word {#abc}\n\n"
        b"::H::Bad weight {#=%--5%3}\n\n::I::Bad weight {=%--5%x}",
        "n.gift",
    )
    a, b, c, d, e, f, g, h, i = records
    assert a.answers[0].numeric == {"answer": 3.14, "tolerance": 0.01}
    assert b.answers[0].numeric == {"answer": 3.0, "tolerance": 2.0, "range": [1.0, 5.0]}
    assert [x.fraction for x in c.answers] == [1.0, 0.5, 0.0]
    assert c.answers[2].numeric == {"answer": "*", "tolerance": ""}
    assert c.answers[2].feedback.text == "No"
    assert (d.type, e.type, f.type) == ("error", "error", "error")
    assert g.answers[0].numeric["answer"] == "*"  # Moodle turns a word into '*'
    assert (h.type, i.type) == ("error", "error")
    draft = records_to_draft(records[:3], "n.gift")
    pi, five, grant = draft.bank.questions
    assert isinstance(pi, Numerical) and pi.answers[0] == NumericAnswer(3.14, 0.01)
    assert isinstance(five, Numerical) and five.answers[0] == NumericAnswer(3.0, 2.0)
    assert isinstance(grant, Numerical)
    assert grade(grant, NumericalAnswer("1823")).fraction == 0.5


def test_gift_export_of_typed_kinds_reads_back(sample_bank: Bank) -> None:
    text, _ = export_bank(sample_bank, ExportFormat.GIFT, "fr")
    assert "::q-purpose-word::" in text
    assert "\t=%100%exploitation#Exact." in text
    assert "\t=%50%exploit*#Presque le mot." in text
    assert "{#\n\t=%100%18:0#Exact.\n\t=%50%18:1#Presque.\n####" in text
    records = gift_records(text.encode(), "x.gift")
    types = [r.type for r in records]
    assert "shortanswer" in types and "numerical" in types


def test_gift_escapes_special_characters_in_answers(sample_bank: Bank) -> None:
    q = next(q for q in sample_bank.questions if isinstance(q, ShortAnswer))
    tricky = dataclasses.replace(
        q,
        answers=(AcceptedAnswer(LocalizedText.of(en="a=b {c} #d ~e: f"), 1.0),),
        case_sensitive=True,
    )
    bank = dataclasses.replace(sample_bank, questions=(tricky,), languages=("en",))
    text, report = export_bank(bank, ExportFormat.GIFT, "en")
    assert [e.message for e in report.changed if e.question == q.id] == [
        "GIFT cannot say that capital letters count; Moodle will ignore them (export to "
        "Moodle XML to keep it)"
    ]
    [record] = [r for r in gift_records(text.encode(), "x.gift") if r.type != "category"]
    assert record.answers[0].text.text == "a=b {c} #d ~e: f"
    assert gift.escape("a=b") in text
    # GIFT has no case sensitivity: Moodle reads it back case-insensitive
    draft = records_to_draft([record], "x.gift")
    [back] = draft.bank.questions
    assert isinstance(back, ShortAnswer) and not back.case_sensitive


def test_moodle_xml_export_of_typed_kinds(sample_bank: Bank) -> None:
    text, report = export_bank(sample_bank, ExportFormat.MOODLE_XML, "en")
    assert not report.skipped
    root = fromstring(text.encode(), forbid_dtd=True)
    sa_el = next(q for q in root.findall("question") if q.get("type") == "shortanswer")
    assert sa_el.findtext("usecase") == "0"
    assert [a.get("fraction") for a in sa_el.findall("answer")] == ["100", "50", "0"]
    assert sa_el.find("answer").get("format") == "plain_text"  # type: ignore[union-attr]
    num = next(q for q in root.findall("question") if q.get("type") == "numerical")
    assert [a.findtext("tolerance") for a in num.findall("answer")] == ["0", "1"]
    assert [u.findtext("unit_name") for u in num.findall("units/unit")] == ["years", "ans"]
    assert num.findtext("unitgradingtype") == "1" and num.findtext("unitpenalty") == "0.1"
    [again] = [
        q
        for q in records_to_draft(
            moodle_xml_records(text.encode(), "x.xml"), "x.xml"
        ).bank.questions
        if isinstance(q, Numerical)
    ]
    original = next(q for q in sample_bank.questions if isinstance(q, Numerical))
    assert again.units == original.units and again.unit_penalty == original.unit_penalty


def test_typed_questions_without_text_take_their_title() -> None:
    empty = b'<questiontext format="html"><text></text></questiontext>'
    for data in (numerical_xml(answer("18")), shortanswer_xml(sa("x"))):
        broken = data.replace(
            b'<questiontext format="html"><text>Under what age is one a child?</text></questiontext>',
            empty,
        ).replace(
            b'<questiontext format="html"><text>The purpose element?</text></questiontext>', empty
        )
        questions, skipped, changed = import_xml(broken)
        # as for every kind, the title stands in for a missing text, and the report says so
        [q] = questions
        assert isinstance(q, (Numerical, ShortAnswer))
        assert q.text.get("en") in ("Age", "Purpose") and skipped == []
        assert changed == ["the question has no text but its title: the title became its text"]


def test_typed_questions_with_neither_text_nor_title_are_left_out() -> None:
    empty = b'<questiontext format="html"><text></text></questiontext>'
    for data in (numerical_xml(answer("18")), shortanswer_xml(sa("x"))):
        broken = (
            data.replace(
                b'<questiontext format="html"><text>Under what age is one a child?</text>'
                b"</questiontext>",
                empty,
            )
            .replace(
                b'<questiontext format="html"><text>The purpose element?</text></questiontext>',
                empty,
            )
            .replace(b"<name><text>Age</text></name>", b"<name><text></text></name>")
            .replace(b"<name><text>Purpose</text></name>", b"<name><text></text></name>")
        )
        questions, skipped, _ = import_xml(broken)
        assert questions == []
        assert skipped == ["the question has no text", "no question could be converted"]
