"""Loading and validating banks, against the bare C YAML parse of the same file; big banks,
a file of junk and big GIFT / Moodle XML imports, each in a fresh child process.

The large inputs are made by ``bench/inputs.py`` into a temporary folder. Their size:
``BENCH_BANK_QUESTIONS`` (default 80,000 questions, 14.4 MB), ``BENCH_GIFT_QUESTIONS``
(default 150,000; half as many are imported too, to show the slope),
``BENCH_XML_QUESTIONS`` (default 40,000).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from bench import inputs
from bench.child import compare, entry, measure
from bench.timing import interleaved
from trainer.banks.catalog import bank_files
from trainer.banks.loader import load_bank
from trainer.paths import shipped_banks_dir


def generated_bank(path: Path, n: int = 10_000) -> Path:
    """A valid bank of ``n`` questions of every kind, about what trainers write."""
    lines = [
        "format: 1",
        "id: generated",
        'version: "1.0"',
        "languages: [en, fr]",
        "title: {en: Generated bank, fr: Banque générée}",
        "audiences: [police]",
        "topics: [indicators, referral, legal_standards]",
        "tags: [children]",
        "sources:",
        "  - id: palermo",
        "    title: {en: Palermo Protocol, fr: Protocole de Palerme}",
        "    year: 2000",
        "modules:",
        "  - id: m",
        "    title: {en: Module, fr: Module}",
        "    draw: [{topic: indicators, count: 20}]",
        "questions:",
    ]
    topics = ["indicators", "referral", "legal_standards"]
    for i in range(n):
        topic = topics[i % 3]
        common = [
            f"  - id: q{i}",
            f"    topic: {topic}",
            "    tags: [children]",
            f"    text: {{en: 'Question number {i}: which statement is right about the case?', "
            f"fr: 'Question numéro {i} : quelle affirmation est exacte au sujet du cas ?'}}",
            "    explanation: {en: 'Because the Protocol says so in its definition.', "
            "fr: 'Parce que le Protocole le prévoit dans sa définition.'}",
            "    source: {id: palermo, locator: 'Art. 3(a)'}",
        ]
        kind = i % 4
        if kind == 0:
            lines += [*common, "    kind: single_choice", "    options:"]
            lines += [
                f"      - {{id: {c}, text: {{en: 'Option {c} text', fr: 'Texte de l’option {c}'}}}}"
                for c in "abcd"
            ]
            lines.append("    key: b")
        elif kind == 1:
            lines += [*common, "    kind: multiple_response", "    options:"]
            lines += [
                f"      - {{id: {c}, text: {{en: 'Option {c} text', fr: 'Texte de l’option {c}'}}}}"
                for c in "abcde"
            ]
            lines.append("    key: [a, c]")
        elif kind == 2:
            lines += [*common, "    kind: true_false", "    key: false"]
        else:
            lines += [*common, "    kind: ordering", "    items:"]
            lines += [
                f"      - {{id: s{c}, text: {{en: 'Step {c}', fr: 'Étape {c}'}}}}" for c in "1234"
            ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _entry(name: str, path: Path, repeat: int) -> dict[str, Any]:
    data = path.read_bytes()

    def ours() -> None:
        load_bank(path)

    def bare() -> None:
        yaml.load(data, Loader=yaml.CSafeLoader)

    mine, base = interleaved([ours, bare], repeat=repeat)
    return {
        "name": name,
        "value": mine,
        "unit": "s",
        "baseline": base,
        "ratio": mine / base,
        "target": "<= 1.5",
    }


def run() -> list[dict[str, Any]]:
    entries = []
    files = bank_files(shipped_banks_dir())
    if files:

        def ours_all() -> None:
            for f in files:
                load_bank(f)

        def bare_all() -> None:
            for f in files:
                yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)

        mine, base = interleaved([ours_all, bare_all], repeat=5)
        entries.append(
            {
                "name": f"load+validate shipped banks ({len(files)} files)",
                "value": mine,
                "unit": "s",
                "baseline": base,
                "ratio": mine / base,
                "target": "<= 1.5",
            }
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = generated_bank(Path(tmp) / "generated.yaml")
        entries.append(_entry("load+validate generated 10,000 questions", path, repeat=3))
        entries.append(_library_start(Path(tmp)))
        entries.extend(big_files(Path(tmp)))
    return entries


_SETUP = "from pathlib import Path\nimport yaml\nfrom trainer.banks.loader import validate_files"
_VALIDATE = "validate_files([Path({path!r})])"
_BARE = "yaml.load(Path({path!r}).read_bytes(), Loader=yaml.CSafeLoader)"
_IMPORT_SETUP = "from trainer.cli import main"
_IMPORT = "main(['import-bank', {path!r}, '--output', {out!r}, '--force'])"


def _size(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def big_files(tmp: Path, repeat: int = 1) -> list[dict[str, Any]]:
    """Validation of a big bank and of a file of junk against the bare C parse (time and
    peak memory), and GIFT / Moodle XML imports at two sizes."""
    out: list[dict[str, Any]] = []
    n = _size("BENCH_BANK_QUESTIONS", 80_000)
    for label, path in (
        (f"{n:,} questions", inputs.big_bank(tmp / "big.yaml", n)),
        ("15 MB of unknown keys", inputs.junk_bank(tmp / "junk.yaml")),
    ):
        ours, bare = compare(
            (_SETUP, _VALIDATE.format(path=str(path))),
            (_SETUP, _BARE.format(path=str(path))),
            repeat=repeat,
        )
        out.append(entry(f"validate {label}: time", ours[0], "s", bare[0], "<= 1.5"))
        out.append(entry(f"validate {label}: peak memory", ours[1], "MB", bare[1], "<= 2"))
    draft = str(tmp / "draft.yaml")
    gift = _size("BENCH_GIFT_QUESTIONS", 150_000)
    for count in (gift // 2, gift):
        path = inputs.big_gift(tmp / f"g{count}.gift", count)
        seconds, peak = measure(_IMPORT_SETUP, _IMPORT.format(path=str(path), out=draft))
        out.append(entry(f"import-bank GIFT {count:,} questions: time", seconds, "s", None, "< 20"))
        out.append(entry(f"import-bank GIFT {count:,} questions: peak", peak, "MB", None, "< 500"))
    xml = _size("BENCH_XML_QUESTIONS", 40_000)
    for count in (xml // 2, xml):
        path = inputs.big_moodle_xml(tmp / f"x{count}.xml", count)
        seconds, peak = measure(_IMPORT_SETUP, _IMPORT.format(path=str(path), out=draft))
        out.append(entry(f"import-bank Moodle XML {count:,}: time", seconds, "s", None, "linear"))
        out.append(entry(f"import-bank Moodle XML {count:,}: peak", peak, "MB", None, "linear"))
    return out


_LIST_SETUP = "from trainer.workspace import Workspace"
_LIST = "ws = Workspace({data!r})\nws.catalog.modules()\nws.close()"


def _library_start(tmp: Path, repeat: int = 3) -> dict[str, Any]:
    """What the first screen after sign-in needs (every module of the library, listed),
    with a big bank in the library (its summary from the compiled catalogue, as on every
    start after the first) against the same with no bank of its own."""
    n = int(os.environ.get("BENCH_BANK_QUESTIONS", 80_000))
    big, empty = tmp / "big-library", tmp / "empty-library"
    for folder in (big, empty):
        (folder / "banks").mkdir(parents=True)
    inputs.big_bank(big / "banks" / "big.yaml", n)
    measure(_LIST_SETUP, _LIST.format(data=str(big)))  # the first start compiles the catalogue
    measure(_LIST_SETUP, _LIST.format(data=str(empty)))
    ours, bare = compare(
        (_LIST_SETUP, _LIST.format(data=str(big))),
        (_LIST_SETUP, _LIST.format(data=str(empty))),
        repeat=repeat,
    )
    return entry(
        f"module list, {n:,}-question bank in the library", ours[0], "s", bare[0], "<= 1.3"
    )
