"""The trainer's library: import only valid banks, replace with an archive, enable and disable."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, SAMPLE_BANK
from trainer.banks.library import Origin
from trainer.cli import main
from trainer.errors import BankError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.session import QuizSession
from trainer.storage import audit
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace


def test_a_valid_bank_is_copied_in_and_audited(workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "incoming.yaml"
    source.write_bytes((DATA / "banks" / "bom-ok.yaml").read_bytes())
    result = workspace.library().import_bank(source)
    assert result.path == workspace.data.banks / "bad-example.yaml"
    assert result.path.read_bytes() == source.read_bytes()
    assert {b.id for b in workspace.reload_catalog().banks} == {"sample", "bad-example"}
    [entry] = audit.entries(workspace.db, action="bank.import")
    assert "bad-example 1.0" in entry.detail


def test_an_invalid_bank_is_not_copied(workspace: Workspace) -> None:
    with pytest.raises(BankError) as caught:
        workspace.library().import_bank(DATA / "banks" / "bad" / "key-names-no-option.yaml")
    assert caught.value.problems[0].line == 26
    assert not any(workspace.data.banks.glob("*.yaml"))
    assert audit.entries(workspace.db, action="bank.import") == []


def test_replacing_keeps_the_old_version_and_old_attempts(
    workspace: Workspace, tmp_path: Path
) -> None:
    trainee = workspace.trainees.create("A", Institution.POLICE)
    bank = workspace.catalog.bank("sample")
    old = QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.PRACTICE,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
    )
    old.finish()
    new_text = SAMPLE_BANK.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "2.0"')
    new_text = new_text.replace("Up to what age", "Until what age")
    source = tmp_path / "sample-v2.yaml"
    source.write_text(new_text, encoding="utf-8")
    library = workspace.library()
    first = library.import_bank(source)
    assert first.replaced_version is None  # the shipped one stays in place, overridden
    second = library.import_bank(source)
    assert second.replaced_version == "2.0" and second.archived is not None
    catalog = workspace.reload_catalog()
    assert catalog.bank("sample").version == "2.0"
    entries = library.entries()
    shipped = next(e for e in entries if e.origin is Origin.SHIPPED)
    assert shipped.replaced
    # the old attempt still shows the question as it was asked
    review = workspace.attempts.load_session(old.attempt_id)
    texts = [s.question.text.get("en") for s in review.slots]
    assert any(t.startswith("Up to what age") for t in texts)


def test_disable_and_enable(workspace: Workspace) -> None:
    library = workspace.library()
    library.set_enabled("sample", False)
    assert workspace.reload_catalog().banks == []
    assert [e.enabled for e in library.entries()] == [False]
    library.set_enabled("sample", True)
    assert [b.id for b in workspace.reload_catalog().banks] == ["sample"]
    actions = [e.action for e in audit.entries(workspace.db)]
    assert actions[:2] == ["bank.enable", "bank.disable"]


def test_a_broken_file_in_the_library_does_not_stop_the_others(workspace: Workspace) -> None:
    (workspace.data.banks / "broken.yaml").write_text("format: [", encoding="utf-8")
    catalog = workspace.reload_catalog()
    assert [b.id for b in catalog.banks] == ["sample"]
    assert catalog.failures[0].path.name == "broken.yaml"
    assert "YAML syntax error" in catalog.failures[0].problems[0].message


def test_cli_import_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["import-bank", str(SAMPLE_BANK), "--data-dir", str(data)]) == 0
    assert "imported sample 1.0" in capsys.readouterr().out
    assert (data / "banks" / "sample.yaml").is_file()
    bad = DATA / "banks" / "bad" / "empty-text.yaml"
    assert main(["import-bank", str(bad), "--data-dir", str(data)]) == 1
    assert "empty-text.yaml:32:32" in capsys.readouterr().out


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every bank file parsed, by the library or by the compiled catalogue."""
    from trainer.banks import compiled, library, loader

    seen: list[str] = []

    def spy(data: bytes, name: str, *, path: Path | None = None) -> object:
        seen.append(name)
        return loader.load_bank_bytes(data, name, path=path)

    monkeypatch.setattr(library, "load_bank_bytes", spy)
    monkeypatch.setattr(compiled, "load_bank_bytes", spy)
    monkeypatch.setattr(library, "load_bank", lambda path: spy(path.read_bytes(), path.name))
    return seen


def test_an_import_parses_the_bank_once_and_the_listing_after_it_reuses_parsed_banks(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "incoming.yaml"
    source.write_bytes((DATA / "banks" / "bom-ok.yaml").read_bytes())
    library = workspace.library()
    listed = [e.bank for e in library.entries() if e.bank is not None]
    workspace.reload_catalog()
    parsed = _count_parses(monkeypatch)
    result = library.import_bank(source)
    assert parsed == ["incoming.yaml"]  # checked once; what was written is those bytes
    assert result.bank.path == result.path and result.path.read_bytes() == source.read_bytes()
    entries = library.entries([*listed, result.bank])
    catalog = workspace.reload_catalog()
    assert parsed == ["incoming.yaml"]  # the listing and the catalogue parse nothing again
    assert {e.bank.id for e in entries if e.bank} == {"sample", "bad-example"}
    assert catalog.summary("bad-example").content_hash == result.bank.content_hash
    # A known bank whose file no longer holds its bytes is parsed again.
    result.path.write_text(
        source.read_text(encoding="utf-8-sig").replace('version: "1.0"', 'version: "2.0"'),
        encoding="utf-8",
    )
    again = {e.bank.id: e.bank for e in library.entries([*listed, result.bank]) if e.bank}
    assert parsed == ["incoming.yaml", "bad-example.yaml"]
    assert again["bad-example"].version == "2.0"
