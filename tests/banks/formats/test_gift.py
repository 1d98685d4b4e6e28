"""GIFT: Moodle's reading rules, the draft it makes, export escaping, round trip, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.banks.formats.helpers import gift_records, questions_by_id
from trainer.banks.formats import gift
from trainer.banks.formats.convert import (
    EXPLANATION_PLACEHOLDER,
    PLACEHOLDER,
    ExportFormat,
    draft_to_data,
    export_bank,
    import_file,
    records_to_draft,
    save_draft,
)
from trainer.banks.formats.messages import M_DESCRIPTION_LEFT_OUT
from trainer.banks.formats.report import Severity
from trainer.banks.loader import load_bank
from trainer.banks.model import (
    Bank,
    Matching,
    MultipleResponse,
    Numerical,
    NumericAnswer,
    Scenario,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from trainer.cli import main
from trainer.errors import BankError, FormatError
from trainer.workspace import Workspace

SAMPLE_GIFT = """\
// A small bank written by hand for these tests.
$CATEGORY: $course$/top/Police/legal_standards

// [id:child-age] [tag:children]
::Child::Up to what age is a person a child? {
  ~Under 16 # Too young.
  =Under 18 # Right.
  ~Under 21
  ####The Protocol says under 18.
}

::Means::Which are means? {
  ~%50%Deception
  ~%50%Abduction
  ~%-100%Harbouring
}

::Border::Trafficking requires crossing a border.{FALSE#It can be internal.#Right: it need not.}

::Elements::Match each fact to its element. {
  =Recruitment -> Act
  =Deception -> Means
  = -> Purpose
}

::Essay::Describe the referral steps. {}

::Number::How many elements? {#3}

A short answer: {=victim =survivor}
"""


def write(tmp_path: Path, text: str | bytes, name: str = "bank.gift") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_reads_each_kind_as_moodle_does() -> None:
    records = gift_records(SAMPLE_GIFT.encode(), "t.gift")
    types = [r.type for r in records]
    assert types == [
        "category",
        "multichoice",
        "multichoice",
        "truefalse",
        "match",
        "essay",
        "numerical",
        "shortanswer",
    ]
    child = records[1]
    assert child.title == "Child" and child.idnumber == "child-age" and child.tags == ["children"]
    assert [a.fraction for a in child.answers] == [0.0, 1.0, 0.0]
    assert child.answers[0].feedback.text == "Too young."
    assert child.general_feedback.text == "The Protocol says under 18."
    assert records[2].single is False  # no '=' at all: several right answers
    border = records[3]
    # Moodle: the first feedback is for the wrong choice (True), the second for the right one.
    assert border.correct is False
    assert border.answers[0].feedback.text == "It can be internal."
    assert border.answers[1].feedback.text == "Right: it need not."
    assert [(p.question.text, p.answer) for p in records[4].pairs][-1] == ("", "Purpose")
    assert records[1].line == 4 and records[4].line == 20


def test_quirks_lowercase_t_is_short_answer_and_missing_word() -> None:
    records = gift_records(b"Is it {t#yes}\n\nGrant is {=buried ~living} in the tomb.", "q")
    assert records[0].type == "shortanswer"
    assert records[1].text.text == "Grant is _____ in the tomb." and records[1].missing_word


def test_escapes_and_formats() -> None:
    text = r"::A\: title::[html]Use \{ and \} \= \~ \# \\ here{=yes\:1 ~no}"
    q = gift_records(text.encode(), "q")[0]
    assert q.title == "A: title"
    assert q.text.text == "Use { and } = ~ # \\ here" and q.text.format == "html"
    assert q.answers[0].text.text == "yes:1" and q.answers[0].text.format == "html"


def test_import_report_lists_what_cannot_be_represented(tmp_path: Path) -> None:
    draft = import_file(write(tmp_path, SAMPLE_GIFT))
    skipped = {(e.line, e.message) for e in draft.report.skipped}
    assert skipped == {(26, "essay questions have no equivalent here and were left out")}
    assert all(e.where.startswith("bank.gift:") for e in draft.report.entries)
    bank = draft.bank
    assert [q.id for q in bank.questions] == [
        "child-age",
        "Means",
        "Border",
        "Elements",
        "Number",
        "bank-1",
    ]
    child, means, border, elements, number, short = bank.questions
    assert isinstance(number, Numerical) and number.answers == (NumericAnswer(3.0),)
    assert isinstance(short, ShortAnswer) and not short.case_sensitive
    assert [a.text.get("en") for a in short.answers] == ["victim", "survivor"]
    assert isinstance(child, SingleChoice) and child.key == "b"
    assert child.topic.value == "legal_standards" and child.tags == ("police", "children")
    assert child.explanation is not None and "under 18" in child.explanation.get("en")
    assert isinstance(means, MultipleResponse) and means.key == {"a", "b"}
    assert isinstance(border, TrueFalse) and border.key is False
    assert border.feedback_true is not None
    assert border.feedback_true.get("en") == "It can be internal."
    assert isinstance(elements, Matching)
    assert [c.text.get("en") for c in elements.choices] == ["Act", "Means", "Purpose"]
    assert [p.match for p in elements.prompts] == ["c1", "c2"]
    # Moodle's weights for 'Means' (+50, +50, -100) are exactly our rule: nothing changed.
    assert not [e for e in draft.report.changed if e.question == "Means"]


def test_weights_we_cannot_represent_are_reported() -> None:
    text = "Pick {~%50%a ~%25%b ~%25%c ~%0%d}\n\nOne {=a ~%50%b ~c}"
    draft = records_to_draft(gift_records(text.encode(), "w.gift"), "w.gift")
    changed = [e.message for e in draft.report.changed]
    assert any(m.startswith("answer weights (50%, 25%, 25%, 0%)") for m in changed)
    assert any("50% credit for 'b' is not kept" in m for m in changed)
    mr = draft.bank.questions[0]
    assert isinstance(mr, MultipleResponse) and mr.key == {"a", "b", "c"}


def test_draft_has_placeholders_and_fails_validation_until_completed(tmp_path: Path) -> None:
    draft = import_file(write(tmp_path, "::Q::Is it true? {T}"))
    entry = draft.report.incomplete[0]
    assert entry.severity is Severity.TO_COMPLETE
    assert entry.message == "to complete: topic, explanation, source"
    data = draft_to_data(draft)
    q = data["questions"][0]
    assert q["topic"] == PLACEHOLDER and q["source"]["id"] == PLACEHOLDER
    assert q["explanation"] == {"en": EXPLANATION_PLACEHOLDER}
    assert data["languages"] == ["en"]
    target = save_draft(draft, tmp_path / "draft.yaml")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Draft bank imported from bank.gift (en).")
    with pytest.raises(BankError):
        load_bank(target)


def test_a_description_becomes_a_scenario_only_when_its_questions_name_it() -> None:
    """Parts say "<scenario id>/<position>" in their idnumber, in any order and place."""
    text = (
        "// [id:case]\n::Case::Aline, 23, answers an advert.\n\n"
        "::Unrelated::Is the sky blue? {T}\n\n"
        "// [id:case/2]\n::P2::Was she deceived? {T}\n\n"
        "// [id:case/1]\n::P1::Is she a victim? {T}\n\n"
        "$CATEGORY: other\n\n::Alone::Just a description."
    )
    draft = records_to_draft(gift_records(text.encode(), "s.gift"), "s.gift")
    scenario, unrelated = draft.bank.questions
    assert isinstance(scenario, Scenario) and [p.id for p in scenario.parts] == ["P1", "P2"]
    assert scenario.text.get("en") == "Aline, 23, answers an advert."
    assert unrelated.id == "Unrelated" and unrelated.text.get("en") == "Is the sky blue?"
    assert [e.question for e in draft.report.skipped] == ["Alone"]
    assert draft.report.skipped[0].template == M_DESCRIPTION_LEFT_OUT


def test_export_escapes_special_characters(sample_bank: Bank) -> None:
    q = sample_bank.questions[0]
    assert isinstance(q, SingleChoice)
    tricky = "a~b=c#d{e}f:g\\h\nline"
    assert gift.escape(tricky) == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nline"
    back = gift_records(f"::t::{gift.escape(tricky)}{{=x ~y}}".encode(), "e")[0]
    assert back.text.text == tricky


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_round_trip_gives_the_same_questions(sample_bank: Bank, lang: str) -> None:
    text, report = export_bank(sample_bank, ExportFormat.GIFT, lang)
    assert not report.skipped  # ordering too, as Moodle 4.3+ reads it
    assert [e.question for e in report.changed if "units" in e.message] == ["q-child-age"]
    draft = records_to_draft(gift_records(text.encode(), "x.gift"), "x.gift", lang=lang)
    original = questions_by_id(sample_bank, lang)
    del original["q-child-age"]["units"], original["q-child-age"]["unit_penalty"]
    assert questions_by_id(draft.bank, lang) == original
    assert not draft.report.skipped and not draft.report.incomplete


def test_round_trip_draft_validates(sample_bank: Bank, tmp_path: Path) -> None:
    text, _ = export_bank(sample_bank, ExportFormat.GIFT, "fr")
    draft = records_to_draft(gift_records(text.encode(), "x.gift"), "x.gift", lang="fr")
    bank = load_bank(save_draft(draft, tmp_path / "back.yaml"))
    assert bank.languages == ("fr",) and len(bank.questions) == 8
    assert set(bank.sources) == {"palermo"}


def test_export_refuses_a_language_the_bank_lacks(sample_bank: Bank) -> None:
    with pytest.raises(FormatError, match="no 'rn' text"):
        export_bank(sample_bank, ExportFormat.GIFT, "rn")


# -- bad input -------------------------------------------------------------------------
def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "::Q::Caf\xe9 ? {T}".encode("cp1252"))
    with pytest.raises(FormatError, match="not UTF-8") as info:
        import_file(path)
    assert "bank.gift" in str(info.value) and "line 1" in str(info.value)


def test_unbalanced_braces_are_reported_with_their_line(tmp_path: Path) -> None:
    draft = import_file(write(tmp_path, "::Good::Fine? {T}\n\n::Bad::Missing brace {=a ~b\n"))
    [entry] = draft.report.skipped
    assert entry.where == "bank.gift:3" and "unbalanced braces" in entry.message
    assert [q.id for q in draft.bank.questions] == ["Good"]


def test_grade_moodle_refuses_stops_the_import() -> None:
    with pytest.raises(FormatError, match=r"grades Moodle does not allow.*33%"):
        gift_records(b"::Q::Pick {~%33%a ~%67%b}", "g.gift")


def test_too_big_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gift, "MAX_BYTES", 10)
    with pytest.raises(FormatError, match="larger than"):
        import_file(write(tmp_path, SAMPLE_GIFT))


def test_unknown_extension_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="only GIFT"):
        import_file(write(tmp_path, "x", name="bank.doc"))


# -- command line ----------------------------------------------------------------------
def test_cli_converts_to_a_draft_and_exits_1_when_something_was_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, SAMPLE_GIFT)
    code = main(["import-bank", str(source), "--data-dir", str(tmp_path / "data")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "bank.gift:26: skipped [Essay]: essay questions" in out
    assert "draft saved to" in err and (tmp_path / "bank.yaml").is_file()
    # An existing draft is never overwritten by accident.
    assert main(["import-bank", str(source), "--data-dir", str(tmp_path / "data")]) == 2
    assert "already exists" in capsys.readouterr().err
    out_path = tmp_path / "other.yaml"
    code = main(
        [
            "import-bank",
            str(source),
            "--output",
            str(out_path),
            "--lang",
            "fr",
            "--data-dir",
            str(tmp_path / "data"),
        ]
    )
    assert code == 1 and "languages:\n- fr" in out_path.read_text(encoding="utf-8")


def test_cli_import_of_a_clean_file_exits_0(tmp_path: Path) -> None:
    source = write(tmp_path, "::Q::Is it true? {T}")
    assert main(["import-bank", str(source), "--data-dir", str(tmp_path / "data")]) == 0


def test_cli_reports_a_refused_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, b"\xff\xfe bad")
    assert main(["import-bank", str(source), "--data-dir", str(tmp_path / "d")]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_library_refuses_a_draft_whose_explanation_is_still_a_placeholder(
    tmp_path: Path, workspace: Workspace
) -> None:
    draft = import_file(write(tmp_path, "::Q::Is it true? {T}"))
    path = save_draft(draft, tmp_path / "draft.yaml")
    # The trainer completes topic and source but forgets the explanation.
    text = path.read_text(encoding="utf-8").replace("topic: TO-COMPLETE", "topic: referral")
    text = text.replace("sources: []", "sources:\n- id: pal\n  title:\n    en: Palermo")
    text = text.replace("id: TO-COMPLETE\n    locator: TO-COMPLETE", "id: pal\n    locator: Art. 3")
    path.write_text(text, encoding="utf-8")
    load_bank(path)  # valid as a bank ...
    with pytest.raises(BankError) as info:  # ... but not accepted into the library
        workspace.library().import_bank(path)
    [problem] = info.value.problems
    assert problem.line > 0 and "placeholder" in problem.message
