"""Pictures in Moodle XML: kept on import (written beside the draft, referenced from it),
embedded on export, bounded before decoding; a picture without alt text is flagged."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import yaml

from tests.picture_files import png, svg, write_bank
from trainer.banks.formats import messages
from trainer.banks.formats.convert import (
    ALT_PLACEHOLDER,
    QUESTION_PLACEHOLDER,
    ExportFormat,
    export_bank,
    import_file,
    placeholder_problems,
    save_draft,
)
from trainer.banks.formats.pictures import MAX_BASE64_CHARS, find_images
from trainer.banks.loader import load_bank
from trainer.banks.model import SingleChoice
from trainer.banks.pictures import usable_alt
from trainer.errors import FormatError


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _xml(
    question_html: str, files: str = "", answer_a: str = "Deceptive pay", answer_files: str = ""
) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>Advert</text></name>
    <questiontext format="html"><text><![CDATA[{question_html}]]></text>{files}</questiontext>
    <generalfeedback format="html"><text>Unrealistic pay is an indicator.</text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text><![CDATA[{answer_a}]]></text>{answer_files}</answer>
    <answer fraction="0" format="html"><text>The font</text></answer>
  </question>
</quiz>
"""


def _file(name: str, data: bytes | str) -> str:
    body = data if isinstance(data, str) else _b64(data)
    return f'<file name="{name}" path="/" encoding="base64">{body}</file>'


def _import(tmp_path: Path, xml: str):  # type: ignore[no-untyped-def]
    source = tmp_path / "advert.xml"
    source.write_text(xml, "utf-8")
    return import_file(source)


def test_a_picture_with_alt_text_is_kept_and_written_beside_the_draft(tmp_path: Path) -> None:
    xml = _xml(
        '<p>What is suspicious?</p><p><img src="@@PLUGINFILE@@/job%20advert.png" alt="A job advert"></p>',
        _file("job advert.png", png(30, 20)),
        answer_a='<img src="@@PLUGINFILE@@/pay.svg" alt="The pay line">',
        answer_files=_file("pay.svg", svg()),
    )
    draft = _import(tmp_path, xml)
    q = draft.bank.questions[0]
    assert isinstance(q, SingleChoice)
    assert q.text.get("en") == "What is suspicious?"  # no [image] mark left
    assert q.image is not None and (q.image.file, q.image.alt.get("en")) == (
        "job-advert.png",
        "A job advert",
    )
    assert q.options[0].text.get("en") == "The pay line"  # an option that is only a picture
    assert q.options[0].image is not None and q.options[0].image.file == "pay.svg"
    assert not draft.report.changed  # nothing was lost
    target = save_draft(draft, tmp_path / "draft" / "advert.yaml")
    folder = tmp_path / "draft" / "advert.pictures"
    assert (folder / "job-advert.png").read_bytes() == png(30, 20)
    assert (folder / "pay.svg").read_bytes() == svg()
    text = target.read_text("utf-8")
    assert "[image" not in text and "file: job-advert.png" in text
    # completed, the draft is a bank that shows the pictures
    data = yaml.safe_load(text)
    data["sources"] = [{"id": "ilo", "title": {"en": "ILO indicators"}}]
    data["questions"][0]["topic"] = "indicators"
    data["questions"][0]["source"] = {"id": "ilo", "locator": "Deception"}
    target.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    bank = load_bank(target)
    shown = bank.questions[0]
    assert shown.image is not None and shown.image.path == (folder / "job-advert.png").resolve()


def test_a_picture_only_question_without_alt_is_flagged_never_imported_as_image(
    tmp_path: Path,
) -> None:
    xml = _xml('<img src="@@PLUGINFILE@@/scan.png" alt="scan.png">', _file("scan.png", png()))
    draft = _import(tmp_path, xml)
    q = draft.bank.questions[0]
    assert q.text.get("en") == QUESTION_PLACEHOLDER
    assert q.image is not None and q.image.alt.get("en") == ALT_PLACEHOLDER
    lines = [str(e) for e in draft.report.incomplete]
    assert any("add alternative text" in line and "scan.png" in line for line in lines), lines
    assert any("was only a picture" in line for line in lines), lines
    target = save_draft(draft, tmp_path / "scan.yaml")
    assert "[image" not in target.read_text("utf-8")
    found = placeholder_problems(target)
    assert {p.message for p in found} == {
        "this text still holds the placeholder of an imported draft; write the real text"
    }
    assert len(found) == 2  # the question text and the alt text


def test_a_base64_blob_over_the_limit_is_refused_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[int] = []
    real = base64.b64decode

    def spy(s: str, validate: bool = False) -> bytes:
        decoded.append(len(s))
        return real(s, validate=validate)

    monkeypatch.setattr(base64, "b64decode", spy)
    blob = "A" * (MAX_BASE64_CHARS + 1)
    xml = _xml(
        '<p>Look.</p><img src="@@PLUGINFILE@@/big.png" alt="A big scan">', _file("big.png", blob)
    )
    draft = _import(tmp_path, xml)
    assert decoded == []
    assert draft.bank.questions[0].image is None
    changed = [str(e) for e in draft.report.changed]
    assert any(
        "the picture 'big.png' was left out" in c and "larger than 5 MB" in c for c in changed
    )
    small = _xml('<img src="@@PLUGINFILE@@/s.png" alt="A small scan">', _file("s.png", png()))
    assert _import(tmp_path, small).bank.questions[0].image is not None
    assert decoded == [len(_b64(png()))]  # the spy sees every decoding


def test_a_50_mb_blob_makes_the_file_too_large_to_read(tmp_path: Path) -> None:
    source = tmp_path / "huge.xml"
    with source.open("w") as out:
        out.write(
            _xml(
                '<img src="@@PLUGINFILE@@/x.png" alt="x">', '<file name="x.png" encoding="base64">'
            )
        )
        out.write("A" * (50 * 1024 * 1024))
    with pytest.raises(FormatError, match="larger than 16 MiB"):
        import_file(source)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            _b64(b"PK\x03\x04" + b"\x00" * 40),
            "not a PNG, JPEG or SVG picture (its content is a ZIP",
        ),
        ("!!not base64!!", "not valid base64"),
        (_b64(svg("<script>alert(1)</script>")), "holds a <script> element"),
    ],
)
def test_an_embedded_file_that_is_not_a_good_picture_is_left_out_and_reported(
    tmp_path: Path, data: str, reason: str
) -> None:
    xml = _xml(
        '<p>Look.</p><img src="@@PLUGINFILE@@/x.png" alt="A passport">', _file("x.png", data)
    )
    draft = _import(tmp_path, xml)
    q = draft.bank.questions[0]
    assert q.image is None
    changed = [str(e) for e in draft.report.changed]
    assert any(reason in c for c in changed), changed
    assert any("[image] mark" in c for c in changed)  # the mark stays where it was


def test_export_embeds_each_picture_and_reads_back(tmp_path: Path) -> None:
    bank = load_bank(write_bank(tmp_path / "bank"))
    text, report = export_bank(bank, ExportFormat.MOODLE_XML, "fr")
    assert '<img src="@@PLUGINFILE@@/advert.png" alt="Une annonce' in text
    assert f'<file name="advert.png" path="/" encoding="base64">{_b64(png(40, 30))}</file>' in text
    assert f'<file name="pay.svg" path="/" encoding="base64">{_b64(svg())}</file>' in text
    assert not report.changed
    source = tmp_path / "back.xml"
    source.write_text(text, "utf-8")
    draft = import_file(source, lang="fr")
    q = draft.bank.questions[0]
    original = bank.questions[0]
    assert isinstance(q, SingleChoice) and isinstance(original, SingleChoice)
    assert q.text.get("fr") == original.text.get("fr")
    assert q.image is not None and original.image is not None
    assert q.image.file == "advert.png" and q.image.sha256 == original.image.sha256
    assert q.image.alt.get("fr") == original.image.alt.get("fr")
    assert q.options[0].image is not None and original.options[0].image is not None
    assert q.options[0].image.sha256 == original.options[0].image.sha256
    assert q.options[0].text.get("fr") == original.options[0].text.get("fr")
    assert not draft.report.changed


def test_gift_export_reports_each_picture_left_out(tmp_path: Path) -> None:
    bank = load_bank(write_bank(tmp_path / "bank"))
    text, report = export_bank(bank, ExportFormat.GIFT, "en")
    assert "advert.png" not in text
    changed = [str(e) for e in report.changed]
    assert sum("GIFT holds no pictures" in c for c in changed) == 2


def test_helpers() -> None:
    assert find_images('<p>a<img alt="x" src="s"/></p><img src="t">') == [("s", "x"), ("t", "")]
    assert not usable_alt("  Image ", "a.png") and not usable_alt("a", "a.png")
    assert usable_alt("A forged passport", "a.png")


def test_an_export_too_large_to_read_back_says_so(tmp_path: Path) -> None:
    from bench.bench_pictures import make_banks

    with_pictures, without = make_banks(tmp_path, 170, side=(200, 170))  # about 17 MB
    text, report = export_bank(load_bank(with_pictures), ExportFormat.MOODLE_XML, "en")
    notes = [str(e) for e in report.entries if "16 MB" in str(e)]
    assert len(text) > 16 * 1024 * 1024 and len(notes) == 1, notes
    _text, small = export_bank(load_bank(without), ExportFormat.MOODLE_XML, "en")
    assert not any("16 MB" in str(e) for e in small.entries)


_PART = """
  <question type="truefalse">
    <name><text>Part {n}</text></name>
    <questiontext format="html"><text>Statement {n}.</text></questiontext>{idnumber}
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>"""


def _description(html: str, idnumber: str = "") -> str:
    number = f"<idnumber>{idnumber}</idnumber>" if idnumber else ""
    return f"""
  <question type="description">
    <name><text>Case</text></name>
    <questiontext format="html"><text><![CDATA[{html}]]></text>
      {_file("contract.png", png())}</questiontext>{number}
  </question>"""


_CONTRACT = '<img src=" @@PLUGINFILE@@/contract.png " alt="A contract with a blank pay line">'


def test_a_description_picture_goes_to_its_scenario(tmp_path: Path) -> None:
    parts = "".join(_PART.format(n=n, idnumber=f"<idnumber>case/{n}</idnumber>") for n in (1, 2))
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>'
        + _description(f"<p>Read the contract.</p>\n      {_CONTRACT}", "case")
        + parts
        + "\n</quiz>\n"
    )
    draft = _import(tmp_path, xml)
    [scenario] = draft.bank.questions
    assert scenario.kind.value == "scenario"
    assert scenario.text.get("en") == "Read the contract."
    assert scenario.image is not None and scenario.image.file == "contract.png"
    assert not draft.report.changed
    assert set(draft.pictures) == {"contract.png"}


def test_a_case_that_is_only_a_kept_picture_is_a_scenario_to_complete(tmp_path: Path) -> None:
    parts = "".join(_PART.format(n=n, idnumber=f"<idnumber>case/{n}</idnumber>") for n in (1, 2))
    xml = f'<?xml version="1.0"?><quiz>{_description(_CONTRACT, "case")}{parts}</quiz>'
    draft = _import(tmp_path, xml)
    [scenario] = draft.bank.questions
    assert scenario.text.get("en") == QUESTION_PLACEHOLDER
    assert scenario.image is not None and scenario.image.file == "contract.png"
    assert any("was only a picture" in str(e) for e in draft.report.incomplete)
    assert not draft.report.skipped


def test_a_description_no_question_names_leaves_no_picture_behind(tmp_path: Path) -> None:
    parts = "".join(_PART.format(n=n, idnumber="") for n in (1, 2))
    no_alt = '<img src="@@PLUGINFILE@@/contract.png">'  # would need alt text, if it were kept
    xml = f'<?xml version="1.0"?><quiz>{_description(no_alt, "case")}{parts}</quiz>'
    draft = _import(tmp_path, xml)
    assert [q.image for q in draft.bank.questions] == [None, None]
    assert draft.pictures == {}
    assert [e.line for e in draft.report.skipped] == [2]  # the description, left out
    assert [e.line for e in draft.report.incomplete] == [7, 13]  # nothing of it to complete


def test_a_question_left_out_leaves_no_picture_and_nothing_to_complete(tmp_path: Path) -> None:
    """Its first answer is only a kept picture (without alt text), its second only a picture
    that cannot be kept (not in the file): the question is left out, and with it the picture
    and the line asking for its alt text."""
    xml = _xml(
        "<p>Which line is the pay?</p>",
        answer_a='<img src="@@PLUGINFILE@@/pay.svg">',
        answer_files=_file("pay.svg", svg()),
    ).replace(
        "<text>The font</text>",
        '<text><![CDATA[<img src="https://example.org/font.png" alt="The font">]]></text>',
    )
    draft = _import(tmp_path, xml)
    assert draft.bank.questions == () and draft.pictures == {}
    left = [(e.line, e.template, e.args) for e in draft.report.skipped if e.line]
    assert left == [(3, messages.M_IMAGE_ONLY, ("an answer",))]
    assert not draft.report.incomplete


def test_a_question_skipped_after_its_answers_keeps_no_picture(tmp_path: Path) -> None:
    xml = _xml(
        "<p>Which line is the pay?</p>",
        answer_a='<img src="@@PLUGINFILE@@/pay.svg" alt="The pay line">',
        answer_files=_file("pay.svg", svg()),
    ).replace('fraction="100"', 'fraction="50"')  # no answer at 100 %
    draft = _import(tmp_path, xml)
    assert draft.bank.questions == () and draft.pictures == {}
    assert [e.template for e in draft.report.skipped if e.line] == [messages.M_NO_FULL_MARKS]


def test_two_pictures_of_one_question_with_the_same_name_keep_both(tmp_path: Path) -> None:
    """Moodle gives each text its own files: two texts may each hold an 'image.png'."""
    xml = _xml(
        '<p>Which is forged?</p><img src="@@PLUGINFILE@@/image.png" alt="Two passports">',
        _file("image.png", png(30, 20)),
        answer_a='<img src="@@PLUGINFILE@@/image.png" alt="The left passport">',
        answer_files=_file("image.png", png(12, 12)),
    )
    draft = _import(tmp_path, xml)
    [q] = draft.bank.questions
    assert isinstance(q, SingleChoice) and q.image is not None
    option = q.options[0].image
    assert option is not None and option.file != q.image.file
    assert draft.pictures[q.image.file] == png(30, 20)
    assert draft.pictures[option.file] == png(12, 12)


def _joined(question_html: str, files: str = "") -> str:
    """A titled description and, right after it, an untitled question (GIFT typed by hand
    then moved to Moodle XML): one question a stray blank line split."""
    return f"""<?xml version="1.0"?><quiz>{_description(f"<p>Read the contract.</p>{_CONTRACT}")}
  <question type="truefalse">
    <questiontext format="html"><text><![CDATA[{question_html}]]></text>{files}</questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question></quiz>"""


def test_a_joined_description_gives_its_picture_to_the_question(tmp_path: Path) -> None:
    draft = _import(tmp_path, _joined("<p>Is the pay line a warning sign?</p>"))
    [q] = draft.bank.questions
    assert q.text.get("en") == "Read the contract.\n\nIs the pay line a warning sign?"
    assert q.image is not None and q.image.file == "contract.png"
    assert set(draft.pictures) == {"contract.png"}
    assert not draft.report.changed and not draft.report.skipped


def test_a_joined_description_never_replaces_the_questions_own_picture(tmp_path: Path) -> None:
    own = '<p>Is the stamp genuine?</p><img src="@@PLUGINFILE@@/stamp.png" alt="A stamp">'
    draft = _import(tmp_path, _joined(own, _file("stamp.png", png(12, 12))))
    [q] = draft.bank.questions
    assert q.image is not None and q.image.file == "stamp.png"
    assert q.text.get("en") == (
        "Read the contract.\n\n[image: A contract with a blank pay line]\n\nIs the stamp genuine?"
    )
    assert set(draft.pictures) == {"stamp.png"}
    changed = [str(e) for e in draft.report.changed]
    assert any("[image] mark" in c and "description" in c for c in changed), changed


def test_the_command_line_saves_the_pictures_beside_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from trainer.cli import main

    source = tmp_path / "advert.xml"
    source.write_text(
        _xml('<img src="@@PLUGINFILE@@/a.png" alt="A job advert">', _file("a.png", png())),
        "utf-8",
    )
    assert main(["import-bank", str(source), "--data-dir", str(tmp_path / "data")]) == 0
    assert (tmp_path / "advert.pictures" / "a.png").read_bytes() == png()
    assert "its 1 picture(s) saved in advert.pictures/ beside it" in capsys.readouterr().err
