"""The JSON Schema editors use agrees with the program on valid and invalid banks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from trainer.banks import yamlsafe
from trainer.banks.catalog import bank_files
from trainer.paths import shipped_banks_dir

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "trainer" / "banks" / "schema.json").read_text(encoding="utf-8"))
DATA = ROOT / "tests" / "data" / "banks"


def _plain(value: Any) -> Any:
    """YMap/YSeq to plain dicts and lists (the schema library wants plain JSON types)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _data(path: Path) -> Any:
    root, issues = yamlsafe.parse(path.read_text(encoding="utf-8-sig"))
    assert not issues
    return _plain(root)


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    "path",
    [DATA / "sample.yaml", DATA / "bom-ok.yaml", *bank_files(shipped_banks_dir())],
    ids=lambda p: p.name,
)
def test_valid_banks_satisfy_the_schema(path: Path) -> None:
    errors = sorted(
        jsonschema.Draft202012Validator(SCHEMA).iter_errors(_data(path)), key=lambda e: list(e.path)
    )
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.parametrize(
    "name",
    [
        "unknown-key-question.yaml",
        "unknown-key-bank.yaml",
        "missing-key-text.yaml",
        "wrong-type-pass-mark.yaml",
        "pass-mark-out-of-range.yaml",
        "unknown-kind.yaml",
        "bad-difficulty.yaml",
        "ordering-one-item.yaml",
        "unsupported-format.yaml",
        "short-answer-fraction-out-of-range.yaml",
        "short-answer-no-answers.yaml",
        "numerical-negative-tolerance.yaml",
        "numerical-value-not-a-number.yaml",
        "numerical-unit-multiplier-zero.yaml",
    ],
)
def test_invalid_banks_fail_the_schema_too(name: str) -> None:
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(_data(DATA / "bad" / name))
