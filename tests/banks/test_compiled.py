"""The compiled catalogue: summaries cached per file, rebuilt whenever they cannot be trusted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import DATA
from trainer.banks import compiled
from trainer.banks.compiled import BankSummary
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


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every bank file the compiled catalogue reads (to hash or to parse)."""
    seen: list[str] = []
    from trainer.banks.loader import read_bank_file as real

    def spy(path: Path, **kwargs: object) -> bytes:
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(compiled, "read_bank_file", spy)
    return seen


def test_an_unchanged_file_is_listed_without_being_read(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = workspace.reload_catalog()
    reads = _reads(monkeypatch)
    assert workspace.reload_catalog().summaries == first.summaries
    assert reads == []


def test_a_touched_file_with_the_same_bytes_is_hashed_not_parsed(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = workspace.reload_catalog()
    [summary] = first.summaries
    assert summary.path is not None
    os.utime(summary.path, ns=(1_000_000_000, 1_000_000_000))
    reads, parsed = _reads(monkeypatch), _parses(monkeypatch)
    assert workspace.reload_catalog().summaries == first.summaries
    assert reads == ["sample.yaml"] and parsed == []
    reads.clear()
    workspace.reload_catalog()  # the new status was written: trusted again
    assert reads == []


def _changed_in_place(workspace: Workspace) -> tuple[Path, dict[str, BankSummary]]:
    """A bank listed, then changed with the same size, and its cache entry given the
    changed file's status: what a file system that keeps every status field (or a
    careful forger) leaves behind. Returns the file and the summaries first listed."""
    target = workspace.data.banks / "mine.yaml"
    source = (DATA / "banks" / "bom-ok.yaml").read_text(encoding="utf-8-sig")
    target.write_text(source, encoding="utf-8")
    first = {s.id: s for s in workspace.reload_catalog().summaries}
    changed = source.replace("pass_mark: 70", "pass_mark: 10").replace(
        'version: "1.0"', 'version: "9.0"'
    )
    assert len(changed) == len(source) and changed != source
    target.write_text(changed, encoding="utf-8")
    cache = _cache(workspace)
    data = json.loads(cache.read_text(encoding="utf-8"))
    entry = data["files"][str(target.resolve())]
    stat = target.stat()
    entry.update(mtime_ns=stat.st_mtime_ns, ctime_ns=stat.st_ctime_ns, inode=stat.st_ino)
    cache.write_text(json.dumps(data), encoding="utf-8")
    return target, first


def test_a_file_changed_with_its_status_put_back_is_refused_before_any_question_is_used(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing trusts the file's status; first use checks the bytes' hash and refuses the
    bank, so no question of the changed file is shown or graded from the stale list."""
    from trainer.errors import ErrorCode

    target, first = _changed_in_place(workspace)
    catalog = workspace.reload_catalog()
    listed = {s.id: s for s in catalog.summaries}
    assert listed["bad-example"] == first["bad-example"]  # the stale summary, trusted
    with pytest.raises(BankError) as raised:
        catalog.bank("bad-example")
    assert raised.value.code is ErrorCode.BANK_CHANGED
    assert raised.value.params == {"name": "mine.yaml"}
    # The list now says what the file holds, and so does the cache for the next start.
    now = {s.id: s for s in catalog.summaries}
    assert now["bad-example"].version == "9.0"
    bank = catalog.bank("bad-example")  # chosen again: the file's own content
    assert bank.version == "9.0" and bank.content_hash == now["bad-example"].content_hash
    parsed = _parses(monkeypatch)
    again = {s.id: s for s in workspace.reload_catalog().summaries}
    assert parsed == [] and again["bad-example"] == now["bad-example"]
    assert target.is_file()


def test_a_file_changed_in_place_is_seen_at_listing_when_its_status_changed(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Size and modification time put back by a program: the status-change time (or the
    hash, where the system has none) still tells the start to read the file."""
    target = workspace.data.banks / "mine.yaml"
    source = (DATA / "banks" / "bom-ok.yaml").read_text(encoding="utf-8-sig")
    target.write_text(source, encoding="utf-8")
    before = target.stat()
    workspace.reload_catalog()
    target.write_text(source.replace('version: "1.0"', 'version: "9.0"'), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    if target.stat().st_ctime_ns == before.st_ctime_ns:
        pytest.skip("this file system keeps no status-change time apart from the others")
    reads = _reads(monkeypatch)
    again = {s.id: s for s in workspace.reload_catalog().summaries}
    assert reads == ["mine.yaml"] and again["bad-example"].version == "9.0"
