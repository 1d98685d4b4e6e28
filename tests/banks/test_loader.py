"""Loading banks: the valid sample, and one real bad file per rule (message and line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.banks.loader import MAX_FILE_BYTES, load_bank, load_bank_bytes, validate_files
from trainer.banks.model import Kind, MultipleResponse, Scenario, ShortAnswer, SingleChoice
from trainer.errors import BankError

DATA = Path(__file__).resolve().parent.parent / "data" / "banks"
BAD = DATA / "bad"

# file, line, column (None: any), a fragment of the message
CASES: list[tuple[str, int, int | None, str]] = [
    ("syntax-error.yaml", 27, 16, "YAML syntax error"),
    ("tab-indent.yaml", 30, 1, "tab character"),
    ("unknown-key-question.yaml", 27, 5, "question 'q1': unknown key 'explantion'"),
    ("unknown-key-bank.yaml", 9, 1, "bank: unknown key 'author'"),
    ("law-as-of-not-a-day.yaml", 9, 12, "'law_as_of' must be a day written YYYY-MM-DD"),
    ("missing-key-text.yaml", 29, 5, "question 'q2': missing key 'text'"),
    ("missing-bank-id.yaml", 1, 1, "bank: missing key 'id'"),
    ("wrong-type-pass-mark.yaml", 17, 16, "'pass_mark' must be a number, not 'seventy'"),
    ("wrong-type-options.yaml", 23, 14, "question 'q1': 'options' must be a list"),
    ("wrong-type-tf-key.yaml", 33, 10, "'key' must be true or false, not 'maybe'"),
    ("duplicate-key.yaml", 31, 5, "duplicate key 'kind' (first given at line 30)"),
    ("duplicate-question-id.yaml", 29, 9, "question 'q1': id is used twice (first at line 19)"),
    ("duplicate-option-id.yaml", 25, 14, "option id 'a' is used twice"),
    ("key-names-no-option.yaml", 26, 10, "key 'c' names no option"),
    (
        "single-choice-two-keys.yaml",
        26,
        10,
        "question 'q1': single_choice has 2 correct options; exactly 1 is required",
    ),
    ("multiple-response-all-right.yaml", 26, 10, "every option is correct"),
    ("ordering-one-item.yaml", 34, 7, "ordering needs at least 2 items"),
    ("matching-one-prompt.yaml", 34, 7, "matching needs at least 2 prompts"),
    (
        "matching-unknown-choice.yaml",
        35,
        56,
        "prompt 'p2' matches 'purpose', which names no choice",
    ),
    ("missing-translation.yaml", 32, 11, "'text' has no 'fr' translation"),
    (
        "undeclared-language.yaml",
        32,
        46,
        "'text' is given in 'rn', which the bank does not declare",
    ),
    ("undeclared-source.yaml", 35, 18, "cites source 'untoc', which is not declared"),
    ("draw-too-many.yaml", 18, 41, "draws 5 questions with topic 'legal_standards' but only 1"),
    ("pass-mark-out-of-range.yaml", 17, 16, "pass_mark must be between 0 and 100 (got 140)"),
    ("empty-text.yaml", 32, 32, "'text' in 'fr' is empty"),
    ("unknown-kind.yaml", 30, 11, "kind 'essay' is not one of"),
    ("unknown-topic.yaml", 31, 12, "topic 'cooking' is not one of the bank's topics"),
    ("undeclared-tag.yaml", 32, 12, "tag 'labour' is not declared"),
    ("bad-difficulty.yaml", 32, 17, "difficulty must be 1, 2 or 3"),
    ("alias-bomb.yaml", 2, 4, "anchors are not allowed ('&a')"),
    ("alias-bomb.yaml", 3, 8, "aliases are not allowed ('*a')"),
    ("deep-nesting.yaml", 2, None, "nesting is deeper than 40 levels"),
    ("python-tag.yaml", 3, 10, "YAML tags are not allowed"),
    ("scenario-one-part.yaml", 34, 7, "a scenario needs at least 2 parts"),
    ("scenario-part-missing-explanation.yaml", 40, 9, "question 's1-b': missing key 'explanation'"),
    ("two-documents.yaml", 36, 1, "a bank file holds one YAML document"),
    ("empty-file.yaml", 1, 1, "the file is empty"),
    ("not-a-mapping.yaml", 1, 1, "the bank must be a mapping"),
    ("unsupported-format.yaml", 1, 9, "format 2 is not supported"),
    ("latin1.yaml", 22, 47, "not UTF-8"),
    ("utf16.yaml", 1, 1, "the file is UTF-16"),
    ("binary.yaml", 3, 1, "binary file"),
    ("short-answer-no-full-marks.yaml", 34, 7, "question 'q2': no answer earns full marks"),
    (
        "short-answer-fraction-out-of-range.yaml",
        34,
        34,
        "answer 1: 'fraction' must be from 0 to 100 (percent), not 150",
    ),
    ("short-answer-no-answers.yaml", 33, 14, "'answers' lists no accepted answer"),
    (
        "short-answer-caught-first.yaml",
        34,
        7,
        "no typed answer can earn full marks: an answer earning full marks must hold more "
        "than '*', and no earlier answer may catch it first",
    ),
    ("short-answer-empty-text.yaml", 34, 16, "answer 1: 'text' is empty"),
    ("short-answer-text-not-text.yaml", 34, 16, "'text' must be text or a text per language"),
    ("numerical-negative-tolerance.yaml", 34, 32, "'tolerance' must be 0 or more, not -1"),
    (
        "numerical-value-not-a-number.yaml",
        34,
        17,
        "'value' must be a number, or '*' for any other number, not 'eighteen'",
    ),
    ("numerical-bad-unit-name.yaml", 36, 16, "unit 1: '5kg' is not a unit name"),
    (
        "numerical-unit-multiplier-zero.yaml",
        37,
        36,
        "unit 2: 'multiplier' must be a number above 0, not 0",
    ),
    ("numerical-first-unit-multiplier.yaml", 36, 36, "unit 1: the first unit is the one"),
    ("numerical-unit-twice.yaml", 37, 16, "unit 2: unit 'years' is listed twice"),
    ("numerical-penalty-without-units.yaml", 35, 19, "'unit_penalty' needs 'units'"),
    ("numerical-only-star.yaml", 34, 7, "no typed number can earn full marks"),
]


@pytest.mark.parametrize(
    ("name", "line", "column", "fragment"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES]
)
def test_bad_file_is_refused_with_place_and_reason(
    name: str, line: int, column: int | None, fragment: str
) -> None:
    with pytest.raises(BankError) as caught:
        load_bank(BAD / name)
    hits = [p for p in caught.value.problems if fragment in p.message]
    assert hits, f"no problem mentions {fragment!r}: {[str(p) for p in caught.value.problems]}"
    assert any(p.line == line and (column is None or p.column == column) for p in hits), [
        str(p) for p in hits
    ]
    assert all(p.path == name for p in caught.value.problems)


def test_every_bad_file_is_covered() -> None:
    covered = {c[0] for c in CASES}
    on_disk = {p.name for p in BAD.iterdir()}
    assert on_disk == covered
    assert len(on_disk) >= 30


def test_problem_prints_as_file_line_column() -> None:
    with pytest.raises(BankError) as caught:
        load_bank(BAD / "single-choice-two-keys.yaml")
    lines = str(caught.value).splitlines()
    assert (
        "single-choice-two-keys.yaml:26:10: question 'q1': single_choice has 2 correct "
        "options; exactly 1 is required"
    ) in lines


def test_all_problems_of_a_file_are_reported_together(tmp_path: Path) -> None:
    text = (BAD / "key-names-no-option.yaml").read_text(encoding="utf-8")
    text = text.replace("pass_mark: 70", "pass_mark: 140").replace("topic: indicators", "topic: x")
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    messages = " | ".join(p.message for p in caught.value.problems)
    assert "names no option" in messages
    assert "pass_mark must be between" in messages
    assert "topic 'x'" in messages


def test_sample_bank_loads_every_kind() -> None:
    bank = load_bank(DATA / "sample.yaml")
    assert bank.id == "sample"
    assert {q.kind for q in bank.iter_all_questions()} == set(Kind)
    assert len(bank.content_hash) == 64
    q = bank.question("q-child")
    assert isinstance(q, SingleChoice) and q.key == "b"
    assert q.source is not None and q.source.locator == "Art. 3(d)"
    mr = bank.question("q-means")
    assert isinstance(mr, MultipleResponse) and mr.key == frozenset({"a", "b"})
    scenario = bank.question("q-case")
    assert isinstance(scenario, Scenario)
    assert scenario.max_mark == 2.0
    # parts inherit the scenario's topic and tags
    assert all(p.topic == scenario.topic and "children" in p.tags for p in scenario.parts)


def test_a_utf8_bom_is_fine() -> None:
    bank = load_bank(DATA / "bom-ok.yaml")
    assert bank.id == "bad-example"


def test_yes_and_no_stay_words() -> None:
    bank = load_bank(DATA / "bom-ok.yaml")
    q = bank.question("q1")
    assert isinstance(q, SingleChoice)
    assert q.options[0].text.get("en") == "Yes"


def test_content_hash_changes_with_content(tmp_path: Path) -> None:
    data = (DATA / "sample.yaml").read_bytes()
    a = load_bank_bytes(data, "a.yaml")
    b = load_bank_bytes(data.replace(b"Sample bank", b"Sample bank 2"), "b.yaml")
    assert a.content_hash != b.content_hash


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert "at most 16 MiB" in caught.value.problems[0].message


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path / "missing.yaml")
    assert "cannot read" in caught.value.problems[0].message


def test_validate_files_collects_across_files() -> None:
    checks = validate_files([DATA / "sample.yaml", BAD / "empty-text.yaml", BAD / "utf16.yaml"])
    assert [c.total > 0 for c in checks] == [False, True, True]
    paths = {Path(p.path).name for c in checks for p in c.problems}
    assert paths == {"empty-text.yaml", "utf16.yaml"}


def test_law_as_of_is_read_and_written_back(tmp_path: Path) -> None:
    """The day the legal content was checked survives loading and serialising."""
    import datetime

    from trainer.banks.serialize import bank_to_data

    text = (DATA / "sample.yaml").read_text(encoding="utf-8")
    assert load_bank(DATA / "sample.yaml").law_as_of is None
    path = tmp_path / "dated.yaml"
    path.write_text(text.replace('version: "1.0"', 'version: "1.0"\nlaw_as_of: "2026-11-30"'))
    bank = load_bank(path)
    assert bank.law_as_of == datetime.date(2026, 11, 30)
    assert bank_to_data(bank)["law_as_of"] == "2026-11-30"
    path.write_text(text.replace('version: "1.0"', 'version: "1.0"\nlaw_as_of: "2026-02-30"'))
    with pytest.raises(BankError, match="must be a day written YYYY-MM-DD"):
        load_bank(path)


def test_problems_are_capped_first_by_place_then_counted(tmp_path: Path) -> None:
    """A file of junk: the first MAX_PROBLEMS problems by place are listed, the rest counted."""
    from trainer.banks.loader import _BANK_KEYS, MAX_PROBLEMS

    junk = tmp_path / "junk.yaml"
    junk.write_text("".join(f"k{i}: {i}\n" for i in range(1000)), encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(junk)
    exc = caught.value
    required = sum(1 for needed in _BANK_KEYS.values() if needed)
    assert len(exc.problems) == MAX_PROBLEMS
    assert exc.total == 1000 + required
    assert exc.more == exc.total - MAX_PROBLEMS
    places = [(p.line, p.column) for p in exc.problems]
    assert places == sorted(places)
    # the missing keys (at the mapping's start) come first, then unknown keys in file order
    assert exc.problems[required].message.startswith("bank: unknown key 'k0'")
    assert exc.problems[-1].line == MAX_PROBLEMS - required
    assert f"... and {exc.more} more problem(s)" in str(exc).splitlines()[-1]


def test_yaml_issues_are_capped_and_counted() -> None:
    from trainer.banks import yamlsafe

    text = "".join(f"k{i}: &a{i} v\n" for i in range(50))
    root, issues = yamlsafe.parse(text, max_issues=10)
    assert len(issues) == 10 and issues.dropped == 40
    assert [i.mark.line for i in issues] == list(range(1, 11))
    assert root["k49"] == "v"


def test_validate_files_lists_the_cap_per_file(tmp_path: Path) -> None:
    from trainer.banks.loader import MAX_PROBLEMS

    junk = tmp_path / "junk.yaml"
    junk.write_text("".join(f"k{i}: 1\n" for i in range(MAX_PROBLEMS * 3)), encoding="utf-8")
    [check] = validate_files([junk])
    assert len(check.problems) == MAX_PROBLEMS
    assert check.total > MAX_PROBLEMS * 3


TYPED_BANK = (BAD / "ordering-one-item.yaml").read_text(encoding="utf-8").split("  - id: q3")[0]


@pytest.mark.parametrize(
    ("kind", "body", "fragment"),
    [
        ("numerical", "answers: [{value: .inf}]", "'value' must be finite"),
        ("numerical", "answers: [{value: 1, tolerance: wide}]", "'tolerance' must be a number"),
        ("numerical", "answers: [{value: 1, tolerance: .inf}]", "'tolerance' must be 0 or more"),
        ("numerical", "answers: [{value: 1}]\n    units: [years]", "unit 1 must be a mapping"),
        ("numerical", "answers: [{value: 1}]\n    units: [{multiplier: 1}]", "missing key 'name'"),
        (
            "numerical",
            "answers: [{value: 1}]\n    units: [{name: y, multiplier: x}]",
            "'multiplier' must be a number",
        ),
        ("numerical", "answers: [{value: 1}]\n    units: years", "'units' must be a list"),
        (
            "numerical",
            "answers: [{value: 1}]\n    units: [{name: y}]\n    unit_penalty: 150",
            "'unit_penalty' must be from 0 to 100",
        ),
        (
            "numerical",
            "answers: [{value: 1}]\n    units: [{name: y}]\n    unit_penalty: a lot",
            "'unit_penalty' must be a number",
        ),
        ("numerical", "answers: [{tolerance: 1}]", "answer 1: missing key 'value'"),
        ("numerical", "answers: {value: 1}", "'answers' must be a list"),
        ("short_answer", "answers: [labour]", "answer 1 must be a mapping"),
        ("short_answer", "answers: [{text: labour, fraction: most}]", "'fraction' must be a"),
        ("short_answer", "answers: [{text: labour, fraction: true}]", "not True"),
        ("short_answer", f"answers: [{{text: {'x' * 501}}}]", "longer than 500 characters"),
        ("short_answer", "answers: [{text: {en: labour}}]", "'text' has no 'fr' translation"),
        ("short_answer", "answers: [{text: x}]\n    case_sensitive: yes", "must be true or false"),
    ],
)
def test_typed_kinds_refuse_bad_keys(kind: str, body: str, fragment: str) -> None:
    text = (
        TYPED_BANK
        + f"  - id: q2\n    kind: {kind}\n    topic: legal_standards\n"
        + "    text: {en: How many?, fr: Combien ?}\n"
        + f"    {body}\n"
        + "    explanation: {en: Because., fr: Parce que.}\n"
        + '    source: {id: palermo, locator: "Art. 3"}\n'
    )
    with pytest.raises(BankError) as caught:
        load_bank_bytes(text.encode(), "typed.yaml")
    messages = [p.message for p in caught.value.problems]
    assert any(fragment in m and "q2" in m for m in messages), messages


def test_a_plain_accepted_answer_holds_for_every_language() -> None:
    bank = load_bank(DATA / "sample.yaml")
    q = next(q for q in bank.questions if isinstance(q, ShortAnswer))
    assert q.answers[2].text.values == {"en": "*", "fr": "*"}
