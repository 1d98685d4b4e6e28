"""The compiled catalogue: summaries cached per file, rebuilt whenever they cannot be trusted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import DATA
from trainer.banks import compiled
from trainer.banks.loader import load_bank, load_bank_bytes
from trainer.errors import BankError
from trainer.workspace import CATALOG_CACHE_NAME, Workspace


def _cache(ws: Workspace) -> Path:
    return ws.data.root / CATALOG_CACHE_NAME


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every bank file the compiled catalogue parses."""
    seen: list[str] = []
    real = load_bank_bytes

    def spy(data: bytes, name: str, *, path: Path | None = None) -> object:
        seen.append(name)
        return real(data, name, path=path)

    monkeypatch.setattr(compiled, "load_bank_bytes", spy)
    return seen


def test_a_second_start_takes_the_summaries_from_the_cache(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = workspace.reload_catalog()
    assert _cache(workspace).is_file()
    parsed = _parses(monkeypatch)
    again = workspace.reload_catalog()
    assert parsed == []
    assert again.summaries == first.summaries
    [summary] = again.summaries
    bank = load_bank(summary.path)  # type: ignore[arg-type]
    assert summary == compiled.summarise(bank)
    assert summary.question_count == len(bank.questions)


def test_questions_are_parsed_on_first_use_of_a_bank(workspace: Workspace) -> None:
    workspace.reload_catalog()
    catalog = workspace.reload_catalog()
    assert catalog._loaded == {}
    summary, module = catalog.modules()[0]
    bank = catalog.bank(summary.id)
    assert bank.content_hash == summary.content_hash
    assert summary.pool_size(module) == len(bank.pool(module))
    assert catalog.bank(summary.id) is bank  # once


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: text.replace('"program":"', '"program":"0.0.0-other'),  # another version
        lambda text: text.replace('"format":"tip-trainer-catalog"', '"format":"other"'),
        lambda text: "\x00\xff not json",
        lambda text: text.replace('"pass_mark":', '"pass_mark":"high","x":'),  # wrong field
        lambda text: text.replace('"question_count":', '"question_count":-'),  # bad count
    ],
    ids=["truncated", "other-version", "foreign", "garbage", "wrong-type", "negative"],
)
def test_a_damaged_or_foreign_cache_is_rebuilt_never_trusted(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    good = workspace.reload_catalog().summaries
    path = _cache(workspace)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    parsed = _parses(monkeypatch)
    assert workspace.reload_catalog().summaries == good
    assert parsed == ["sample.yaml"]
    saved = json.loads(path.read_text(encoding="utf-8"))  # written again, whole
    assert saved["format"] == "tip-trainer-catalog" and len(saved["files"]) == 1


def test_a_cache_entry_for_a_changed_file_is_not_used(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same size and modification time, other content: the hash tells them apart."""
    target = workspace.data.banks / "mine.yaml"
    source = (DATA / "banks" / "bom-ok.yaml").read_text(encoding="utf-8-sig")
    target.write_text(source, encoding="utf-8")
    before = target.stat()
    first = {s.id: s for s in workspace.reload_catalog().summaries}
    assert "bad-example" in first
    changed = source.replace('version: "1.0"', 'version: "9.0"')
    assert len(changed) == len(source)
    target.write_text(changed, encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    parsed = _parses(monkeypatch)
    again = {s.id: s for s in workspace.reload_catalog().summaries}
    assert parsed == ["mine.yaml"]
    assert again["bad-example"].version == "9.0"
    assert again["bad-example"].content_hash != first["bad-example"].content_hash


def test_a_forged_entry_with_the_right_stamp_is_checked_against_the_file_hash(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace.reload_catalog()
    path = _cache(workspace)
    data = json.loads(path.read_text(encoding="utf-8"))
    [entry] = data["files"].values()
    entry["bank"]["content_hash"] = "0" * 64  # describes some other file
    path.write_text(json.dumps(data), encoding="utf-8")
    parsed = _parses(monkeypatch)
    [summary] = workspace.reload_catalog().summaries
    assert parsed == ["sample.yaml"] and summary.content_hash == entry["sha256"]


def test_a_failed_file_is_cached_with_its_problems(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = DATA / "banks" / "bad" / "empty-text.yaml"
    (workspace.data.banks / "broken.yaml").write_bytes(bad.read_bytes())
    first = workspace.reload_catalog().failures
    parsed = _parses(monkeypatch)
    again = workspace.reload_catalog().failures
    assert parsed == []
    assert again == first and again[0].problems[0].message.endswith("'fr' is empty")


def test_a_bank_that_broke_after_listing_is_refused_on_first_use(workspace: Workspace) -> None:
    target = workspace.data.banks / "mine.yaml"
    target.write_bytes((DATA / "banks" / "bom-ok.yaml").read_bytes())
    catalog = workspace.reload_catalog()
    target.write_text("id: [broken", encoding="utf-8")
    with pytest.raises(BankError):
        catalog.bank("bad-example")


def test_verifying_only_writes_no_cache(tmp_path: Path, banks_dir: Path) -> None:
    ws = Workspace.for_verification(tmp_path / "data", shipped_banks=banks_dir)
    try:
        assert ws.catalog.summaries
        assert not (tmp_path / "data").exists()
    finally:
        ws.close()
