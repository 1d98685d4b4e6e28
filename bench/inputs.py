"""Large inputs for the benches, generated on demand into a folder the caller owns.

Every file is made from a fixed pattern (no randomness), so two runs measure the same
bytes. Sizes follow the figures of the scale note:

- ``big_bank``: a valid bank of 80,000 questions, about 14.4 MB of YAML (one line per
  question in flow style, every kind but matching/scenario, one language);
- ``junk_bank``: about 15 MB of YAML that is one mapping of unknown keys (1.4 million
  problems if every one were listed);
- ``big_gift``: a GIFT file of multiple-choice and true/false questions (150,000 make
  about 6 MB);
- ``big_moodle_xml``: a Moodle XML file of multichoice and truefalse questions (40,000
  make about 10 MB).

Run ``python -m bench.inputs FOLDER`` to write them all to FOLDER and see their sizes.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HEADER = """format: 1
id: big
version: "1.0"
languages: [en]
title: {en: A big bank}
audiences: [police]
topics: [indicators, referral, legal_standards]
sources:
  - {id: p, title: {en: Palermo}}
modules:
  - {id: big-m, title: {en: Module}, draw: [{topic: indicators, count: 20}]}
questions:
"""
_TOPICS = ("indicators", "referral", "legal_standards")


def _bank_question(i: int) -> str:
    head = (
        f"  - {{id: q{i}, topic: {_TOPICS[i % 3]}, text: {{en: Q{i}}},"
        " explanation: {en: E}, source: {id: p, locator: A3}, "
    )
    kind = i % 4
    if kind == 0:
        return head + "kind: true_false, key: true}"
    if kind == 3:
        return head + "kind: ordering, items: [{id: a, text: {en: A}}, {id: b, text: {en: B}}]}"
    options = "options: [{id: a, text: {en: Y}}, {id: b, text: {en: N}}]"
    if kind == 1:
        return head + f"kind: single_choice, {options}, key: a}}"
    return head + f"kind: multiple_response, {options}, key: [b]}}"


def big_bank(path: Path, n: int = 80_000) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(_HEADER)
        for i in range(n):
            fh.write(_bank_question(i) + "\n")
    return path


def junk_bank(path: Path, size: int = 15_000_000) -> Path:
    """One mapping of unknown keys up to ``size`` bytes: every key is a problem."""
    with path.open("w", encoding="utf-8") as fh:
        written = 0
        i = 0
        while written < size:
            line = f"k{i}: 1\n"
            fh.write(line)
            written += len(line)
            i += 1
    return path


def big_gift(path: Path, n: int = 150_000) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if i % 3 == 0:
                fh.write(f"::g{i}:: Is {i} even? {{T}}\n\n")
            else:
                fh.write(f"::g{i}:: Pick {i} {{=yes ~no ~maybe}}\n\n")
    return path


def big_moodle_xml(path: Path, n: int = 40_000) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')
        for i in range(n):
            if i % 2:
                fh.write(
                    f'<question type="truefalse"><name><text>x{i}</text></name>'
                    f'<questiontext format="html"><text>Is {i} odd?</text></questiontext>'
                    '<answer fraction="100"><text>true</text></answer>'
                    '<answer fraction="0"><text>false</text></answer></question>\n'
                )
            else:
                fh.write(
                    f'<question type="multichoice"><name><text>x{i}</text></name>'
                    f'<questiontext format="html"><text>Pick for {i}</text></questiontext>'
                    "<single>true</single>"
                    '<answer fraction="100"><text>Yes</text></answer>'
                    '<answer fraction="0"><text>No</text></answer>'
                    '<answer fraction="0"><text>Maybe</text></answer></question>\n'
                )
        fh.write("</quiz>\n")
    return path


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path()
    folder.mkdir(parents=True, exist_ok=True)
    for made in (
        big_bank(folder / "big.yaml"),
        junk_bank(folder / "junk.yaml"),
        big_gift(folder / "big.gift"),
        big_moodle_xml(folder / "big.xml"),
    ):
        print(f"{made}: {made.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
