"""Moodle XML: reading as Moodle does, what we write, round trip, and hostile or broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring

from tests.banks.formats.helpers import moodle_xml_records, questions_by_id
from tests.conftest import SAMPLE_BANK
from trainer.banks.formats import moodle_xml
from trainer.banks.formats.convert import (
    ExportFormat,
    export_bank,
    import_file,
    records_to_draft,
    save_draft,
)
from trainer.banks.formats.records import FText, MQuestion
from trainer.banks.loader import load_bank
from trainer.banks.model import Bank, Matching, Ordering, SingleChoice, TrueFalse
from trainer.cli import main
from trainer.errors import FormatError
from trainer.paths import shipped_banks_dir

SAMPLE_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Referral</text></category>
  </question>
  <question type="multichoice">
    <name><text>First step</text></name>
    <questiontext format="html"><text><![CDATA[<p>What comes <b>first</b>?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>Identification opens every referral.</text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>Identify</text>
      <feedback><text>Yes.</text></feedback></answer>
    <answer fraction="0" format="html"><text>Prosecute</text></answer>
    <tags><tag><text>steps</text></tag></tags>
  </question>
  <question type="truefalse">
    <name><text>Consent</text></name>
    <questiontext format="html"><text>A child's consent is irrelevant.</text></questiontext>
    <answer fraction="100"><text>true</text><feedback><text>Right.</text></feedback></answer>
    <answer fraction="0"><text>false</text><feedback><text>See Art. 3(c).</text></feedback></answer>
  </question>
  <question type="matching">
    <name><text>Elements</text></name>
    <questiontext format="html"><text>Match.</text></questiontext>
    <subquestion format="html"><text>Recruitment</text><answer><text>Act</text></answer></subquestion>
    <subquestion format="html"><text>Deception</text><answer><text>Means</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Purpose</text></answer></subquestion>
  </question>
  <question type="ordering">
    <name><text>Steps</text></name>
    <questiontext format="html"><text>Order the steps.</text></questiontext>
    <gradingtype>ABSOLUTE_POSITION</gradingtype>
    <answer fraction="1"><text>Identify</text></answer>
    <answer fraction="2"><text>Protect</text></answer>
    <answer fraction="3"><text>Refer</text></answer>
  </question>
  <question type="essay">
    <name><text>Essay</text></name>
    <questiontext format="html"><text>Describe.</text></questiontext>
  </question>
</quiz>
"""


def write(tmp_path: Path, text: str | bytes, name: str = "bank.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_reads_questions_with_their_lines() -> None:
    records = list(moodle_xml.iter_moodle_xml(SAMPLE_XML.encode(), "b.xml"))
    assert [r.type for r in records] == [
        "category",
        "multichoice",
        "truefalse",
        "match",
        "ordering",
        "essay",
    ]
    assert [r.line for r in records] == [3, 6, 16, 22, 29, 37]
    mc = records[1]
    assert mc.text.text == "<p>What comes <b>first</b>?</p>" and mc.text.format == "html"
    assert [a.fraction for a in mc.answers] == [1.0, 0.0] and mc.tags == ["steps"]
    assert records[2].correct is True and records[2].answers[1].feedback.text == "See Art. 3(c)."


def test_draft_maps_each_kind_and_reports_the_rest(tmp_path: Path) -> None:
    draft = import_file(write(tmp_path, SAMPLE_XML))
    mc, tf, match, order = draft.bank.questions
    assert isinstance(mc, SingleChoice) and mc.key == "a"
    assert mc.text.get("en") == "What comes **first**?"  # HTML becomes our light text
    assert mc.topic.value == "referral" and mc.tags == ("steps",)
    assert isinstance(tf, TrueFalse) and tf.key is True
    assert tf.feedback_false is not None and tf.feedback_false.get("en") == "See Art. 3(c)."
    assert isinstance(match, Matching) and len(match.choices) == 3 and len(match.prompts) == 2
    assert isinstance(order, Ordering)
    assert [i.text.get("en") for i in order.items] == ["Identify", "Protect", "Refer"]
    [skipped] = draft.report.skipped
    assert skipped.where == "bank.xml:37" and skipped.message.startswith("essay questions")
    assert any("ABSOLUTE_POSITION" in e.message for e in draft.report.changed)


def test_export_is_what_moodle_reads(sample_bank: Bank) -> None:
    text, report = export_bank(sample_bank, ExportFormat.MOODLE_XML, "en")
    assert not report.skipped
    root = fromstring(text.encode(), forbid_dtd=True)
    assert root.tag == "quiz"
    types = [q.get("type") for q in root.findall("question")]
    assert types.count("category") == 4
    assert {
        "multichoice",
        "truefalse",
        "matching",
        "ordering",
        "description",
        "shortanswer",
        "numerical",
    } <= set(types)
    mr = next(q for q in root.findall("question") if q.findtext("name/text") == "q-means")
    assert mr.findtext("single") == "false"
    assert [a.get("fraction") for a in mr.findall("answer")] == ["50", "50", "-50", "-50"]
    order = next(q for q in root.findall("question") if q.get("type") == "ordering")
    assert order.findtext("gradingtype") == "RELATIVE_NEXT_EXCLUDE_LAST"
    assert order.findtext("selecttype") == "ALL"
    assert [a.get("fraction") for a in order.findall("answer")] == ["1", "2", "3", "4"]
    tf = next(q for q in root.findall("question") if q.get("type") == "truefalse")
    assert [a.findtext("text") for a in tf.findall("answer")] == ["true", "false"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_round_trip_gives_the_same_questions(sample_bank: Bank, lang: str) -> None:
    text, _ = export_bank(sample_bank, ExportFormat.MOODLE_XML, lang)
    records = moodle_xml_records(text.encode(), "x.xml")
    draft = records_to_draft(records, "x.xml", lang=lang)
    assert questions_by_id(draft.bank, lang) == questions_by_id(sample_bank, lang)
    assert not draft.report.skipped and not draft.report.changed


def test_round_trip_draft_validates(sample_bank: Bank, tmp_path: Path) -> None:
    text, _ = export_bank(sample_bank, ExportFormat.MOODLE_XML, "en")
    draft = records_to_draft(moodle_xml_records(text.encode(), "x.xml"), "x.xml")
    bank = load_bank(save_draft(draft, tmp_path / "back.yaml"))
    assert bank.counts_by_kind() == sample_bank.counts_by_kind()


# -- bad input -------------------------------------------------------------------------
def test_broken_xml_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "<quiz>\n<question type='truefalse'>\n</quiz>")
    with pytest.raises(FormatError, match=r"not well-formed XML \(line 3") as info:
        import_file(path)
    assert info.value.where == "bank.xml"


def test_xml_bomb_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        "<quiz><question type='description'><questiontext><text>&lol3;</text>"
        "</questiontext></question></quiz>"
    )
    with pytest.raises(FormatError, match="refused for safety"):
        import_file(write(tmp_path, bomb))


def test_external_entity_is_refused(tmp_path: Path) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<quiz>&x;</quiz>"
    )
    with pytest.raises(FormatError, match="refused for safety"):
        import_file(write(tmp_path, xxe))


def test_other_xml_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="not a Moodle XML question file"):
        import_file(write(tmp_path, "<html><body/></html>"))


def test_invalid_grade_refuses_the_file_as_moodle_does() -> None:
    bad = SAMPLE_XML.replace(
        'fraction="0" format="html"><text>Prosecute', 'fraction="33" format="html"><text>Prosecute'
    )
    with pytest.raises(FormatError, match="line 6 \\(First step\\): 33%"):
        moodle_xml_records(bad.encode(), "b.xml")


def test_metadata_comment_survives_a_double_dash() -> None:
    record = MQuestion("description", text=FText("Case", "html"), meta={"locator": "Art. 3--(d)"})
    text = moodle_xml.write_moodle_xml([record])
    [back] = moodle_xml_records(text.encode(), "m.xml")
    assert back.meta == {"locator": "Art. 3--(d)"}


# -- command line ----------------------------------------------------------------------
def test_cli_export_by_file_and_by_library_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "d")]
    out = tmp_path / "out.xml"
    code = main(
        [
            "export-bank",
            str(SAMPLE_BANK),
            *("--format", "moodle-xml", "--lang", "fr", "--output", str(out)),
            *data,
        ]
    )
    assert code == 0 and "Jusqu'à quel âge" in out.read_text(encoding="utf-8")
    gift_out = tmp_path / "out.gift"
    code = main(
        ["export-bank", str(SAMPLE_BANK), "--format", "gift", "--output", str(gift_out), *data]
    )
    assert code == 0  # every kind, ordering included, can be written in GIFT
    assert "skipped" not in capsys.readouterr().out
    code = main(["export-bank", "police", "--format", "moodle-xml", "--output", str(out), *data])
    assert code in (0, 1) and "<quiz>" in out.read_text(encoding="utf-8")
    code = main(["export-bank", "no-such-bank", "--format", "gift", "--output", str(out), *data])
    assert code == 2 and "no bank 'no-such-bank'" in capsys.readouterr().err


def test_shipped_banks_survive_a_round_trip() -> None:
    for path in sorted(shipped_banks_dir().glob("*.yaml")):
        bank = load_bank(path)
        lang = bank.languages[-1]
        text, report = export_bank(bank, ExportFormat.MOODLE_XML, lang)
        records = moodle_xml_records(text.encode(), "x.xml")
        draft = records_to_draft(records, "x.xml", lang=lang)
        assert questions_by_id(draft.bank, lang) == questions_by_id(bank, lang), path.name
        assert not report.skipped
