"""Certificate numbers stay unique for the signing key, whatever database is restored."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from trainer import admin
from trainer.banks.model import Bank
from trainer.certificates import issuing, numbers, register, verification
from trainer.errors import CertificateError
from trainer.storage import backups
from trainer.workspace import Workspace

from .factory import passed


def _issue(ws: Workspace, bank: Bank, name: str) -> str:
    _trainee, attempt = passed(ws, bank, name)
    record = issuing.issue_for_attempt(ws, attempt)
    assert record is not None
    return record.number


def test_numbers_are_not_given_again_after_a_restore(
    workspace: Workspace, sample_bank: Bank
) -> None:
    bank = workspace.catalog.bank("sample")
    first = _issue(workspace, bank, "Aline Niyonzima")
    saved = backups.create_backup(workspace.db, workspace.data.backups, keep=None)
    second = _issue(workspace, bank, "Béatrice Hakizimana")
    admin.restore_backup(workspace, saved.path)  # the register forgets the second
    third = _issue(workspace, bank, "Claude Ndikumana")
    assert len({first, second, third}) == 3, (first, second, third)
    assert third.endswith("-00003")
    # revoking the newest revokes nobody else
    register.revoke(workspace, third, "issued in error")
    verdict = verification.verify_code(workspace, workspace_code(workspace, first))
    assert verdict.valid


def workspace_code(ws: Workspace, number: str) -> str:
    return issuing.repository(ws).by_number(number).code


def test_the_mark_is_kept_beside_the_key_and_private(
    workspace: Workspace, sample_bank: Bank
) -> None:
    bank = workspace.catalog.bank("sample")
    number = _issue(workspace, bank, "Aline Niyonzima")
    path = workspace.data.keys / numbers.MARK_FILE
    mark = json.loads(path.read_text(encoding="utf-8"))
    assert mark["key_id"] == workspace.keys.key_id
    assert mark["last"][number.split("-")[1]] == 1
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(workspace.data.keys.glob(".*.part"))


def test_an_installation_without_a_mark_continues_after_its_register(
    workspace: Workspace, sample_bank: Bank
) -> None:
    bank = workspace.catalog.bank("sample")
    _issue(workspace, bank, "Aline Niyonzima")
    _issue(workspace, bank, "Béatrice Hakizimana")
    (workspace.data.keys / numbers.MARK_FILE).unlink()  # as before numbers were marked
    assert _issue(workspace, bank, "Claude Ndikumana").endswith("-00003")


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b'{"key_id": 5, "last": []}', b'{"last": {"2026": -4}}', b"x" * 70_000],
)
def test_a_damaged_mark_stops_issuing_with_a_clear_error(
    workspace: Workspace, sample_bank: Bank, content: bytes
) -> None:
    bank = workspace.catalog.bank("sample")
    _issue(workspace, bank, "Aline Niyonzima")
    (workspace.data.keys / numbers.MARK_FILE).write_bytes(content)
    with pytest.raises(CertificateError, match="certificate numbers"):
        _issue(workspace, bank, "Béatrice Hakizimana")
    assert len(issuing.repository(workspace).records()) == 1


def test_a_mark_that_cannot_be_written_issues_nothing(
    workspace: Workspace, sample_bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = workspace.catalog.bank("sample")
    assert workspace.keys.key_id  # the key exists already

    def full(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full)
    with pytest.raises(CertificateError, match="certificate numbers"):
        _issue(workspace, bank, "Aline Niyonzima")
    assert issuing.repository(workspace).records() == []
