"""Loading and validating banks, against the bare C YAML parse of the same file."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml

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
    return entries
