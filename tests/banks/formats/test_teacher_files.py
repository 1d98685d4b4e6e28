"""GIFT and Moodle XML as teachers really write them: one small file per defect found in
real files (empty answers, ordering, descriptions, pictures, drafts that cannot validate,
localised categories, feedback Moodle holds, grades, messages, escaping)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring

from tests.banks.formats.helpers import gift_records, moodle_xml_records, questions_by_id
from trainer.banks.formats import gift, messages
from trainer.banks.formats.convert import (
    ExportFormat,
    export_bank,
    import_file,
    records_to_draft,
    slug,
)
from trainer.banks.formats.records import FText, is_image_only, to_plain
from trainer.banks.formats.report import Severity
from trainer.banks.model import (
    Bank,
    Matching,
    MultipleResponse,
    Ordering,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from trainer.cli import main
from trainer.errors import FormatError


def _gift(text: str, name: str = "t.gift", **kw: str) -> tuple[Bank, list[tuple[str, int, str]]]:
    draft = records_to_draft(gift_records(text.encode(), name), name, **kw)
    return draft.bank, [(e.severity.value, e.line, e.template) for e in draft.report.entries]


def _xml(body: str, name: str = "t.xml") -> tuple[Bank, list[tuple[str, int, str]]]:
    data = f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n{body}</quiz>\n'.encode()
    draft = records_to_draft(moodle_xml_records(data, name), name)
    return draft.bank, [(e.severity.value, e.line, e.template) for e in draft.report.entries]


def _mc(name: str, answers: str, extra: str = "") -> str:
    return (
        f'<question type="multichoice"><name><text>{name}</text></name>'
        f'<questiontext format="html"><text>Which?</text></questiontext>{extra}'
        f"<single>true</single>{answers}</question>\n"
    )


# -- 1. empty answers ------------------------------------------------------------------------
def test_tilde_equals_drops_the_empty_answer_as_moodle_does_and_names_the_cause() -> None:
    bank, lines = _gift("::Gap::The capital of Burundi is {~Bujumbura ~=Gitega ~Ngozi}.\n")
    [q] = bank.questions
    assert isinstance(q, SingleChoice)
    assert [o.text.get("en") for o in q.options] == ["Bujumbura", "Gitega", "Ngozi"]
    assert q.key == q.options[1].id
    assert ("changed", 1, messages.M_TILDE_EQUALS) in lines
    assert messages.M_ANSWER_NO_TEXT not in [t for _, _, t in lines]


def test_an_empty_xml_answer_is_dropped_with_a_report_line() -> None:
    answers = (
        '<answer fraction="100"><text>Gitega</text></answer>'
        '<answer fraction="0"><text></text></answer>'
        '<answer fraction="0"><text>Ngozi</text></answer>'
    )
    bank, lines = _xml(_mc("Capital", answers))
    [q] = bank.questions
    assert isinstance(q, SingleChoice) and len(q.options) == 2
    assert ("changed", 3, messages.M_EMPTY_ANSWER_DROPPED) in lines


def test_fewer_than_two_answers_with_text_is_left_out_with_that_reason() -> None:
    bank, lines = _gift("::Gap::Name it {~= ~Gitega}\n")
    assert bank.questions == ()
    assert ("skipped", 1, messages.M_TOO_FEW_ANSWERS) in lines


def test_a_question_written_only_as_its_title_keeps_the_title_as_text() -> None:
    bank, lines = _gift("::Which language marks up web pages?::\n{=HTML ~Python ~SQL}\n")
    [q] = bank.questions
    assert q.text.get("en") == "Which language marks up web pages?"
    assert ("changed", 1, messages.M_TITLE_AS_TEXT) in lines


def test_several_right_answers_in_gift_become_a_multiple_response() -> None:
    text = "::B::Benefits of VLANs? Select one or more {=Security =Lower cost ~Complexity}\n"
    bank, lines = _gift(text)
    [q] = bank.questions
    assert isinstance(q, MultipleResponse) and len(q.key) == 2
    assert ("changed", 1, messages.M_SEVERAL_FULL_MARKS) in lines


# -- 2. GIFT ordering ------------------------------------------------------------------------
ORDERING_GIFT = """\
::Steps::Put the referral steps in order. {>4 ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW
Identify the victim
Protect
Refer
Assist
}
"""


def test_gift_ordering_is_read_as_moodle_4_3_reads_it() -> None:
    [record] = gift_records(ORDERING_GIFT.encode(), "o.gift")
    assert record.type == "ordering" and record.text.text == "Put the referral steps in order."
    bank, lines = _gift(ORDERING_GIFT)
    [q] = bank.questions
    assert isinstance(q, Ordering)
    assert [i.text.get("en") for i in q.items] == [
        "Identify the victim",
        "Protect",
        "Refer",
        "Assist",
    ]
    assert "short answer" not in str(lines)


def test_gift_ordering_that_shows_some_items_is_reported() -> None:
    text = "::Some::Order them {>3\nA\nB\nC\nD\n}\n"  # RANDOM subset by default
    bank, lines = _gift(text)
    assert isinstance(bank.questions[0], Ordering)
    assert ("changed", 1, messages.M_ORDERING_SUBSET) in lines


def test_ordering_is_written_to_gift_and_read_back(sample_bank: Bank) -> None:
    text, report = export_bank(sample_bank, ExportFormat.GIFT, "en")
    assert not report.skipped
    assert "{>4 ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW\nIdentify\n" in text
    back = records_to_draft(gift_records(text.encode(), "x.gift"), "x.gift")
    assert (
        questions_by_id(back.bank, "en")["q-steps"] == questions_by_id(sample_bank, "en")["q-steps"]
    )


# -- 3 and 4. descriptions and scenarios -----------------------------------------------------
def test_a_description_before_left_out_questions_is_not_put_before_the_next_one() -> None:
    text = (
        "Read the case of Aline.\n\n"
        "::Essay::Describe what happened. {}\n\n"
        "::Other::Trafficking requires crossing a border. {F}\n"
    )
    bank, lines = _gift(text)
    [q] = bank.questions
    assert isinstance(q, TrueFalse)
    assert q.text.get("en") == "Trafficking requires crossing a border."
    assert ("skipped", 1, messages.M_DESCRIPTION_LEFT_OUT) in lines


def test_a_titled_description_split_from_its_question_by_a_blank_line_is_joined() -> None:
    text = (
        "::Benefits::What are the benefits of VLANs?\n\n"
        "Select one or more {=Security =Lower cost ~Complexity}\n\n"
        "::Intro::Read carefully.\n\n"
        "::Titled::Is it titled? {T}\n"
    )
    bank, lines = _gift(text)
    first, second = bank.questions
    assert first.id == "Benefits"
    assert first.text.get("en") == "What are the benefits of VLANs?\n\nSelect one or more"
    assert ("note", 3, messages.M_DESCRIPTION_JOINED) in lines
    assert second.text.get("en") == "Is it titled?"
    assert ("skipped", 5, messages.M_DESCRIPTION_LEFT_OUT) in lines


def test_third_party_descriptions_never_swallow_the_questions_after_them() -> None:
    """Moodle sorts a category by type: all descriptions come first."""
    body = (
        '<question type="description"><name><text>Intro</text></name>'
        '<questiontext format="html"><text>Welcome to the quiz.</text></questiontext>'
        "</question>\n"
        + _mc("A", '<answer fraction="100"><text>x</text></answer><answer><text>y</text></answer>')
        + _mc("B", '<answer fraction="100"><text>x</text></answer><answer><text>y</text></answer>')
    )
    bank, lines = _xml(body)
    assert [q.id for q in bank.questions] == ["A", "B"]
    assert all(isinstance(q, SingleChoice) for q in bank.questions)
    assert ("skipped", 3, messages.M_DESCRIPTION_LEFT_OUT) in lines


def _as_moodle_sorts(xml_text: str) -> bytes:
    """What Moodle exports after importing our file: comments gone, each category's
    questions sorted by type, then by name."""
    root = fromstring(xml_text.encode())
    out = ET.Element("quiz")
    group: list[ET.Element] = []

    def flush() -> None:
        group.sort(key=lambda q: (q.get("type") or "", q.findtext("name/text") or ""))
        out.extend(group)
        group.clear()

    for question in root.findall("question"):
        for child in list(question):
            if not isinstance(child.tag, str):
                question.remove(child)
        if question.get("type") == "category":
            flush()
            out.append(question)
        else:
            group.append(question)
    flush()
    return bytes(ET.tostring(out, encoding="utf-8"))


@pytest.mark.parametrize("fmt", [ExportFormat.MOODLE_XML])
def test_scenarios_keep_their_boundaries_after_moodle_resorts_the_category(
    sample_bank: Bank, fmt: ExportFormat
) -> None:
    text, _ = export_bank(sample_bank, fmt, "en")
    resorted = _as_moodle_sorts(text)
    draft = records_to_draft(moodle_xml_records(resorted, "back.xml"), "back.xml")
    original = next(q for q in sample_bank.questions if isinstance(q, Scenario))
    back = next(q for q in draft.bank.questions if isinstance(q, Scenario))
    assert [p.id for p in back.parts] == [p.id for p in original.parts]
    assert back.text.get("en") == original.text.get("en")
    others = [q.id for q in draft.bank.questions if not isinstance(q, Scenario)]
    assert sorted(others) == sorted(
        q.id for q in sample_bank.questions if not isinstance(q, Scenario)
    )


def test_a_scenario_with_one_question_left_keeps_the_question_and_reports_the_case() -> None:
    text = (
        "// [id:case]\n::Case::Aline, 23, answers an advert.\n\n"
        "// [id:case/1]\n::P1::Is she a victim? {T}\n\n"
        "// [id:case/2]\n::P2::Describe. {}\n"
    )
    bank, lines = _gift(text)
    assert [q.id for q in bank.questions] == ["P1"]
    assert ("skipped", 1, messages.M_SCENARIO_TOO_FEW) in lines


# -- 5. pictures -----------------------------------------------------------------------------
def test_picture_detection_is_one_function() -> None:
    assert is_image_only(FText('<p><img src="a.png" alt="x"></p>', "html"))
    assert not is_image_only(FText('Look: <img src="a.png">', "html"))
    assert not is_image_only(FText("Plain words", "html"))


def test_a_question_whose_text_is_only_a_picture_is_left_out() -> None:
    text = (
        '::Pic::[html]<img src="https://example.org/flag.png"> {T}\n\n'
        '::Opt::Which flag? {=[html]<img src\\="bi.png"> ~Rwanda}\n\n'
        "::Fine::Is Gitega the capital? {T}\n"
    )
    bank, lines = _gift(text)
    assert [q.id for q in bank.questions] == ["Fine"]
    left = [(line, t) for sev, line, t in lines if sev == "skipped"]
    assert left == [(1, messages.M_IMAGE_ONLY), (3, messages.M_IMAGE_ONLY)]


def test_an_xml_question_whose_text_is_only_an_embedded_picture_is_left_out() -> None:
    body = (
        '<question type="truefalse"><name><text>Pic</text></name>'
        '<questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/a.png">]]></text>'
        '<file name="a.png" encoding="base64">iVBORw0KGgo=</file></questiontext>'
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question>\n'
    )
    bank, lines = _xml(body)
    assert bank.questions == ()
    assert ("skipped", 3, messages.M_IMAGE_ONLY) in lines


# -- 6. drafts that could never validate -----------------------------------------------------
def test_a_multiple_response_with_every_option_right_is_reported() -> None:
    bank, lines = _gift("::All::Which are means? {~%50%Deception ~%50%Abduction}\n")
    assert bank.questions == ()
    assert ("skipped", 1, messages.M_ALL_RIGHT) in lines


def test_a_matching_with_one_answer_for_every_prompt_is_reported() -> None:
    bank, lines = _gift("::Same::Match. {=Recruitment -> Act =Transport -> Act}\n")
    assert bank.questions == ()
    assert ("skipped", 1, messages.M_ONE_CHOICE) in lines


def test_every_converted_question_validates_once_completed(tmp_path: Path) -> None:
    """The draft of a mixed teacher file loads once its placeholders are filled."""
    from trainer.banks.formats.convert import save_draft
    from trainer.banks.loader import load_bank

    text = (
        "$CATEGORY: $course$/top/Défaut pour Cours 1/indicators\n\n"
        "::Gap::The capital is {~Bujumbura ~=Gitega}.####Gitega since 2019.\n\n"
        "::MR::Which are means? {~%50%Deception ~%50%Abduction ~%-100%Harbouring}\n\n"
        + ORDERING_GIFT
    )
    source = tmp_path / "mixed.gift"
    source.write_text(text, encoding="utf-8")
    draft = import_file(source)
    assert draft.question_count == 3
    target = tmp_path / "mixed.yaml"
    save_draft(draft, target)
    completed = (
        target.read_text(encoding="utf-8")
        .replace("TO COMPLETE: explain why this is the right answer.", "Because.")
        .replace("id: TO-COMPLETE", "id: law")
        .replace("locator: TO-COMPLETE", "locator: Art. 1")
        .replace("sources: []", "sources:\n- id: law\n  title: {en: The law}")
    )
    target.write_text(completed, encoding="utf-8")
    assert len(load_bank(target).questions) == 3


# -- 7. localised categories and accents -----------------------------------------------------
@pytest.mark.parametrize(
    "category",
    [
        "Default for Course 1",
        "Défaut pour Cours 1",
        "Por defecto en Curso 1",
        "Standard für Kurs 1",
        "По умолчанию для 3 леч Клиническая иммунология",
    ],
)
def test_localised_default_categories_are_not_tags(category: str) -> None:
    bank, _ = _gift(f"$CATEGORY: $course$/top/{category}\n\n::Q::Is it? {{T}}\n")
    assert bank.questions[0].tags == ()


def test_accented_letters_are_transliterated_in_ids_and_tags() -> None:
    bank, _ = _gift("$CATEGORY: $course$/top/Éthique judiciaire\n\n::Qualité::Est-ce vrai ? {T}\n")
    [q] = bank.questions
    assert q.id == "Qualite" and q.tags == ("ethique-judiciaire",)
    assert slug("Défaut pour Système") == "Defaut-pour-Systeme"


# -- 8. what Moodle holds beyond the text ----------------------------------------------------
def test_combined_feedback_and_hints_are_reported() -> None:
    extra = (
        '<correctfeedback format="html"><text>Well done.</text></correctfeedback>'
        '<hint format="html"><text>Think of the Protocol.</text></hint>'
        '<hint format="html"><text>Article 3.</text></hint>'
    )
    answers = '<answer fraction="100"><text>x</text></answer><answer><text>y</text></answer>'
    _, lines = _xml(_mc("Fb", answers, extra))
    assert ("changed", 3, messages.M_COMBINED_FEEDBACK) in lines
    assert ("changed", 3, messages.M_HINTS) in lines


def test_ordering_item_feedback_is_reported() -> None:
    body = (
        '<question type="ordering"><name><text>O</text></name>'
        '<questiontext format="html"><text>Order</text></questiontext>'
        "<selecttype>ALL</selecttype>"
        '<answer fraction="1"><text>A</text><feedback><text>first</text></feedback></answer>'
        '<answer fraction="2"><text>B</text></answer></question>\n'
    )
    bank, lines = _xml(body)
    assert isinstance(bank.questions[0], Ordering)
    assert ("changed", 3, messages.M_ITEM_FEEDBACK) in lines


def test_links_pre_and_markdown_keep_what_they_say() -> None:
    html = '<p>Read <a href="https://example.org/law">the law</a>.</p><pre>line 1\nline 2</pre>'
    assert to_plain(FText(html, "html"))[0] == (
        "Read the law (https://example.org/law).\n\nline 1\nline 2"
    )
    markdown = "## Case\nSee [the Protocol](https://example.org/p) and __this__."
    assert to_plain(FText(markdown, "markdown"))[0] == (
        "**Case**\n\nSee the Protocol (https://example.org/p) and **this**."
    )


# -- 9. nearest grade ------------------------------------------------------------------------
def test_nearest_grade_snaps_each_refused_grade_with_a_report_line(tmp_path: Path) -> None:
    source = tmp_path / "thirds.gift"
    source.write_text("::T::Which? {~%33%a ~%67%b ~%-50%c ~%-50%d}\n", encoding="utf-8")
    with pytest.raises(FormatError, match="nearest grade"):
        import_file(source)
    draft = import_file(source, nearest_grade=True)
    [q] = draft.bank.questions
    assert isinstance(q, MultipleResponse)
    snapped = [e.args for e in draft.report.entries if e.template == messages.M_NEAREST_GRADE]
    assert snapped == [("33", "33.33333"), ("67", "66.66667")]


def test_cli_offers_nearest_grade(tmp_path: Path) -> None:
    source = tmp_path / "thirds.gift"
    source.write_text("::T::Which? {~%33%a ~%67%b ~%-100%c}\n", encoding="utf-8")
    assert main(["import-bank", str(source), "--data-dir", str(tmp_path / "d")]) == 2
    assert not (tmp_path / "thirds.yaml").exists()
    args = ["import-bank", str(source), "--nearest-grade", "--data-dir", str(tmp_path / "d")]
    assert main(args) == 0
    assert "kind: multiple_response" in (tmp_path / "thirds.yaml").read_text(encoding="utf-8")


# -- 10. messages ----------------------------------------------------------------------------
def test_report_lines_are_in_file_order() -> None:
    text = (
        "// [id:case]\n::Case::The case.\n\n"
        "// [id:case/1]\n::P1::One? {T}\n\n"
        "// [id:case/2]\n::P2::Two? {T}\n\n"
        "::Essay::Describe. {}\n"
    )
    _, lines = _gift(text)
    numbers = [line for _, line, _ in lines]
    assert numbers == sorted(numbers) and numbers[0] == 1


def test_xml_errors_give_one_column_counted_from_one(tmp_path: Path) -> None:
    source = tmp_path / "bad.xml"
    source.write_text("<quiz>\n  <question></quiz>\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        import_file(source)
    message = str(caught.value)
    assert "(line 2, column 15): mismatched tag" in message
    assert message.count("column") == 1


@pytest.mark.parametrize(
    ("content", "template"),
    [("", messages.M_NO_QUESTIONS), ("// only a comment\n", messages.M_NO_QUESTIONS)],
)
def test_an_empty_file_exits_non_zero_and_writes_no_draft(
    tmp_path: Path, content: str, template: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "empty.gift"
    source.write_text(content, encoding="utf-8")
    assert main(["import-bank", str(source), "--data-dir", str(tmp_path / "d")]) == 1
    assert not (tmp_path / "empty.yaml").exists()
    captured = capsys.readouterr()
    assert template in captured.out and "no draft was written" in captured.err


def test_a_file_with_no_convertible_question_writes_no_draft(tmp_path: Path) -> None:
    source = tmp_path / "essays.gift"
    source.write_text("::E::Describe. {}\n", encoding="utf-8")
    assert main(["import-bank", str(source), "--data-dir", str(tmp_path / "d")]) == 1
    assert not (tmp_path / "essays.yaml").exists()
    assert import_file(source).report.of(Severity.SKIPPED)[-1].template == messages.M_NOTHING


# -- 11. GIFT escaping at the start of a text ------------------------------------------------
def test_texts_that_start_like_a_weight_or_a_format_survive_gift(sample_bank: Bank) -> None:
    from dataclasses import replace

    from trainer.banks.model import LocalizedText

    q = next(q for q in sample_bank.questions if isinstance(q, SingleChoice))
    wrong = next(o for o in q.options if o.id != q.key)
    tricky = replace(
        q,
        text=LocalizedText({"en": "[html] is a format name", "fr": "[html] est un format"}),
        options=tuple(
            replace(o, text=LocalizedText({"en": "%50% of them", "fr": "%50% d'entre eux"}))
            if o.id == wrong.id
            else o
            for o in q.options
        ),
    )
    bank = replace(sample_bank, questions=(tricky,))
    text, _ = export_bank(bank, ExportFormat.GIFT, "en")
    [record] = [r for r in gift_records(text.encode(), "x.gift") if r.type != "category"]
    assert record.text.text == "[html] is a format name"
    answer = next(a for a in record.answers if a.text.text == "%50% of them")
    assert answer.fraction == 0.0
    back = records_to_draft(gift_records(text.encode(), "x.gift"), "x.gift")
    assert questions_by_id(back.bank, "en")[q.id]["options"] == [
        {k: v for k, v in o.items() if k != "fixed"}
        for o in questions_by_id(bank, "en")[q.id]["options"]
    ]


def test_escape_handles_every_special_start() -> None:
    for start in ("%50%", "%-100%", "[markdown]", "[plain]"):
        head = f"::t::Q{{=ok ~{gift._option('~', FText(start + 'x', 'markdown'), 'markdown')[1:]}}}"
        [record] = gift_records(head.encode(), "e.gift")
        assert [a.text.text for a in record.answers] == ["ok", start + "x"]
        assert record.answers[1].fraction == 0.0


def test_matching_answers_are_unchanged(sample_bank: Bank) -> None:
    text, _ = export_bank(sample_bank, ExportFormat.GIFT, "en")
    back = records_to_draft(gift_records(text.encode(), "x.gift"), "x.gift")
    matching = [q for q in back.bank.questions if isinstance(q, Matching)]
    assert matching and all(len(q.choices) >= 2 for q in matching)


def test_a_category_that_only_starts_like_top_is_a_tag() -> None:
    bank, _ = _gift("$CATEGORY: $course$/top/Top crimes\n\n::Q::Is it? {T}\n")
    assert bank.questions[0].tags == ("top-crimes",)


def test_a_hostile_ordering_like_block_is_read_at_once() -> None:
    """Without its end brace, a block is never tried as ordering (no runaway pattern)."""
    block = "::H::Order {>3 " + " " * 20000 + "A ALL B}" + "x" * 10
    [record] = gift_records(block.encode(), "h.gift")
    assert record.type == "shortanswer"


def test_hostile_texts_are_converted_in_linear_time() -> None:
    """Long runs of spaces or brackets (a quadratic pattern took minutes on these)."""
    assert to_plain(FText("<p>a" + " " * 2_000_000 + "b\n c</p>", "html"))[0] == "a b c"
    assert to_plain(FText("[" * 1_000_000, "markdown"))[0] == "[" * 1_000_000
    assert to_plain(FText("[x](" * 200_000, "markdown"))[0].startswith("[x](")


def test_ordering_items_moodle_would_misread_are_written_safely(sample_bank: Bank) -> None:
    from dataclasses import replace

    from trainer.banks.model import LocalizedText

    steps = next(q for q in sample_bank.questions if isinstance(q, Ordering))
    tricky = (
        replace(steps.items[0], text=LocalizedText({"en": "// a slash pair", "fr": "// x"})),
        replace(steps.items[1], text=LocalizedText({"en": "0", "fr": "0"})),
        *steps.items[2:],
    )
    bank = replace(sample_bank, questions=(replace(steps, items=tricky),))
    text, _ = export_bank(bank, ExportFormat.GIFT, "en")
    back = records_to_draft(gift_records(text.encode(), "x.gift"), "x.gift")
    [q] = back.bank.questions
    assert isinstance(q, Ordering)
    assert [i.text.get("en") for i in q.items][:2] == ["// a slash pair", "0"]


def test_gift_scenarios_keep_their_boundaries_after_moodle_resorts_them(
    sample_bank: Bank,
) -> None:
    """Moodle's GIFT export: our comments gone, each category's questions by type."""
    text, _ = export_bank(sample_bank, ExportFormat.GIFT, "en")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    out: list[str] = []
    group: list[tuple[str, str]] = []

    def flush() -> None:
        out.extend(b for _, b in sorted(group, key=lambda g: g[0]))
        group.clear()

    for block in blocks:
        kept = "\n".join(x for x in block.split("\n") if "tip-trainer:" not in x)
        if kept.startswith("$CATEGORY"):
            flush()
            out.append(kept)
            continue
        [record] = gift_records(kept.encode(), "b.gift")
        group.append((record.type, kept))
    flush()
    resorted = "\n\n".join(out) + "\n"
    original_order = [b for b in blocks if not b.startswith("$")]
    assert [b.split("\n")[0] for b in out if not b.startswith("$")] != [
        b.split("\n")[0] for b in original_order
    ]  # Moodle's sort did move questions
    draft = records_to_draft(gift_records(resorted.encode(), "back.gift"), "back.gift")
    original = next(q for q in sample_bank.questions if isinstance(q, Scenario))
    back = next(q for q in draft.bank.questions if isinstance(q, Scenario))
    assert [p.id for p in back.parts] == [p.id for p in original.parts]


def test_a_scenario_case_that_is_only_a_picture_is_reported_and_its_parts_kept() -> None:
    text = (
        '// [id:pic]\n::Pic::[html]<img src\\="case.png">\n\n'
        "// [id:pic/1]\n::P1::One? {T}\n\n"
        "// [id:pic/2]\n::P2::Two? {F}\n"
    )
    bank, lines = _gift(text)
    assert [q.id for q in bank.questions] == ["P1", "P2"]
    assert ("skipped", 1, messages.M_IMAGE_ONLY) in lines
