"""The certificate commands: verify a PDF or a code, the register, keys and revocations."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.certificates.factory import passed
from trainer.banks.model import Bank
from trainer.certificates import issuing
from trainer.cli import main
from trainer.workspace import Workspace


def test_verify_revoke_and_exchange_from_the_command_line(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    sample_bank: Bank,
    banks_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the commands open the data folder with the small sample bank, not the shipped library
    monkeypatch.setattr("trainer.workspace.shipped_banks_dir", lambda: banks_dir)
    _, attempt = passed(workspace, sample_bank)
    record = issuing.issue_for_attempt(workspace, attempt)
    assert record is not None
    here = str(workspace.data.root)
    other = str(tmp_path / "other")
    pdf_path = tmp_path / "c.pdf"

    assert main(["certificates", "pdf", record.number, str(pdf_path), "--data-dir", here]) == 0
    assert main(["verify-certificate", str(pdf_path), "--data-dir", here]) == 0
    out = capsys.readouterr().out
    assert "VALID certificate" in out and "Aline Niyonzima" in out

    # another installation: unknown until it trusts the public key
    assert main(["verify-certificate", str(pdf_path), "--data-dir", other]) == 1
    assert "unknown key" in capsys.readouterr().out
    key = tmp_path / "issuer.tip-key"
    assert main(["keys", "export", str(key), "--data-dir", here]) == 0
    assert main(["keys", "import", str(key), "--data-dir", other]) == 0
    assert main(["verify-certificate", "--code", record.code, "--data-dir", other]) == 0
    capsys.readouterr()

    tampered = record.code[:40] + ("A" if record.code[40] != "A" else "B") + record.code[41:]
    assert main(["verify-certificate", "--code", tampered, "--data-dir", other]) == 1
    assert "NOT VALID" in capsys.readouterr().out

    assert (
        main(["certificates", "revoke", record.number, "--reason", "fraud", "--data-dir", here])
        == 0
    )
    revocations = tmp_path / "rev.txt"
    assert main(["certificates", "export-revocations", str(revocations), "--data-dir", here]) == 0
    assert main(["certificates", "import-revocations", str(revocations), "--data-dir", other]) == 0
    capsys.readouterr()
    assert main(["verify-certificate", "--code", record.code, "--data-dir", other]) == 1
    assert "revoked" in capsys.readouterr().out

    assert main(["certificates", "list", "--data-dir", here]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["keys", "list", "--data-dir", other]) == 0
    assert "this installation" in capsys.readouterr().out
    assert main(["certificates", "export-csv", str(tmp_path / "r.csv"), "--data-dir", here]) == 0


def test_verify_needs_exactly_one_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    assert main(["verify-certificate", "--data-dir", data]) == 2
    assert (
        main(["verify-certificate", str(tmp_path / "x.pdf"), "--code", "A", "--data-dir", data])
        == 2
    )
    assert main(["verify-certificate", str(tmp_path / "missing.pdf"), "--data-dir", data]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["certificates", "revoke", "NOPE", "--reason", "x", "--data-dir", data]) == 2


def test_batch_command(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    sample_bank: Bank,
    capsys: pytest.CaptureFixture[str],
) -> None:
    passed(workspace, sample_bank, "One")
    passed(workspace, sample_bank, "Two")
    folder = tmp_path / "out"
    args = ["certificates", "batch", str(folder), "--since", "2026-05-01", "--lang", "fr"]
    assert main([*args, "--data-dir", str(workspace.data.root)]) == 0
    assert len(list(folder.glob("*.pdf"))) == 2
    assert (
        main(
            [
                "certificates",
                "batch",
                str(folder),
                "--since",
                "2027-01-01",
                "--data-dir",
                str(workspace.data.root),
            ]
        )
        == 0
    )
    assert "0 certificate(s)" in capsys.readouterr().out
