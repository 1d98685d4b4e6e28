"""The importers against what Moodle 4.5 itself makes of files written by others.

The corpus lives outside the project (``../shared/conformance``): real GIFT and Moodle
XML files and ``expected.json``, Moodle's reading of every question in them. For each
entry of a kind we support (multiple choice, true/false, matching, short answer,
numerical, description, category) every field we read must agree (numbers within
1e-9: the oracle rounds them to 12 significant digits); an entry of any other kind, or one Moodle
rejects, must be left out of the draft with a reason in the report.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from trainer.banks.formats import gift, moodle_xml
from trainer.banks.formats.convert import records_to_draft
from trainer.banks.formats.records import MQuestion
from trainer.banks.model import Kind
from trainer.errors import FormatError
from trainer.quiz.questions import correct_response, grade

# Next to the project (../shared/conformance); TIP_CONFORMANCE_DIR may point elsewhere.
CORPUS = Path(
    os.environ.get("TIP_CONFORMANCE_DIR")
    or Path(__file__).resolve().parents[3] / ".." / "shared" / "conformance"
)
SUPPORTED = {
    "multichoice",
    "truefalse",
    "match",
    "shortanswer",
    "numerical",
    "description",
    "category",
}
# Fields of the oracle this program does not read (display options, marks, hints).
IGNORED = {
    "defaultmark",
    "penalty",
    "shuffleanswers",
    "answernumbering",
    "correctfeedback",
    "partiallycorrectfeedback",
    "incorrectfeedback",
    "shownumcorrect",
    "hints",
    "info",
    "info_format",
    "general_feedback_files",
}

pytestmark = pytest.mark.skipif(
    not (CORPUS / "expected.json").is_file(),
    reason=f"conformance corpus not found at {CORPUS} (it lives outside the project)",
)


def _expected() -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = json.loads(
        (CORPUS / "expected.json").read_text(encoding="utf-8")
    )
    return data


def _read(rel: str) -> list[MQuestion]:
    data = (CORPUS / rel).read_bytes()
    if rel.startswith("gift/"):
        return list(gift.iter_gift(data, rel))
    return list(moodle_xml.iter_moodle_xml(data, rel))


def _same(want: Any, have: Any) -> bool:
    """Equal, numbers within 1e-9 (a numerical answer's value, tolerance and range)."""
    if isinstance(want, list) and isinstance(have, list):
        return len(want) == len(have) and all(_same(a, b) for a, b in zip(want, have, strict=True))
    numbers = (int, float)
    if isinstance(want, numbers) and isinstance(have, numbers) and not isinstance(want, bool):
        return abs(float(want) - float(have)) <= 1e-9
    return bool(want == have)


def _differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key, want in expected.items():
        if key.startswith("_") or key in IGNORED:
            continue
        have = got.get(key)
        if key == "answers" and isinstance(want, list):
            if not isinstance(have, list) or len(have) != len(want):
                out.append(f"answers: {len(want)} expected")
                continue
            for i, (a, b) in enumerate(zip(want, have, strict=True)):
                for k, v in a.items():
                    if k == "fraction":
                        if abs(float(v) - float(b[k])) > 1e-6:
                            out.append(f"answer {i} fraction {v} != {b[k]}")
                    elif not _same(v, b.get(k)):
                        out.append(f"answer {i} {k}: {v!r} != {b.get(k)!r}")
        elif want != have:
            out.append(f"{key}: {want!r} != {have!r}")
    return out


def agreement(prefix: str) -> tuple[int, int, list[str]]:
    """(agreeing entries, entries, disagreements) over every corpus file under ``prefix``."""
    agree = total = 0
    problems: list[str] = []
    for rel, entries in _expected().items():
        if not rel.startswith(prefix):
            continue
        total += len(entries)
        if any("_import_error" in e for e in entries) or any(
            e.get("error") == "not_utf8" for e in entries
        ):
            try:
                _read(rel)
            except FormatError:
                agree += len(entries)  # refused as a whole, as Moodle does
            else:
                problems.append(f"{rel}: should be refused as a whole")
            continue
        records = _read(rel)
        if len(records) != len(entries):
            problems.append(f"{rel}: {len(records)} entries read, {len(entries)} expected")
            continue
        draft = records_to_draft(records, rel)
        skipped_lines = {e.line for e in draft.report.skipped}
        for want, record in zip(entries, records, strict=True):
            if want["type"] in SUPPORTED:
                diffs = _differences(want, record.to_expected())
            elif record.type in SUPPORTED:
                diffs = [f"type {want['type']} read as {record.type}"]
            elif record.line not in skipped_lines:
                diffs = ["not listed as left out in the report"]
            else:
                diffs = []
            if diffs:
                problems.append(f"{rel}:{record.line}: {'; '.join(diffs)}")
            else:
                agree += 1
    return agree, total, problems


@pytest.mark.parametrize("prefix", ["gift/", "moodle_xml/"])
def test_importer_agrees_with_moodle(prefix: str) -> None:
    agree, total, problems = agreement(prefix)
    rate = 100.0 * agree / total if total else 100.0
    print(f"\n{prefix.rstrip('/')}: {agree}/{total} entries agree with Moodle 4.5 ({rate:.1f}%)")
    assert total > 0
    assert problems == [], "\n".join(problems[:20])


def test_every_corpus_file_is_covered() -> None:
    files = {
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.is_file() and p.suffix in {".gift", ".txt", ".xml"}
    }
    assert files <= set(_expected())


TYPED = {"shortanswer": Kind.SHORT_ANSWER, "numerical": Kind.NUMERICAL}


def test_short_answers_and_numericals_become_questions_of_their_kind() -> None:
    """Every short answer and numerical entry is compared above and imported here,
    and the answer that earns full marks in Moodle earns it here."""
    converted = 0
    for rel, entries in _expected().items():
        if not any(e["type"] in TYPED for e in entries) or any(
            "_import_error" in e for e in entries
        ):
            continue
        records = _read(rel)
        draft = records_to_draft(records, rel)
        skipped = {e.line for e in draft.report.skipped}
        made = {q.line: q for q in draft.bank.iter_all_questions()}
        for want, record in zip(entries, records, strict=True):
            if want["type"] not in TYPED:
                continue
            assert record.line not in skipped, f"{rel}:{record.line}"
            question = made[record.line]
            assert question.kind is TYPED[want["type"]], f"{rel}:{record.line}"
            assert grade(question, correct_response(question)).fraction == 1.0
            converted += 1
    assert converted == sum(
        1 for entries in _expected().values() for e in entries if e["type"] in TYPED
    )
    assert converted >= 130
