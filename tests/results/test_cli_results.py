"""The results commands: export, analyse, summary, bundle export and import."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.results.conftest import Taker
from trainer.cli import main
from trainer.storage.trainees import Trainee
from trainer.workspace import Workspace


@pytest.fixture
def data_dir(workspace: Workspace, take: Taker, people: dict[str, Trainee]) -> str:
    take(people["alice"], right=True)
    take(people["bruno"], right=False)
    return str(workspace.data.root)


def test_export_commands(data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.xlsx"
    code = main(["export", "responses", "--format", "xlsx", "-o", str(out), "--data-dir", data_dir])
    assert code == 0 and out.exists()
    assert "8 responses written" in capsys.readouterr().err
    code = main(
        ["export", "attempts", "-o", str(tmp_path / "a.csv"), "--passed", "--data-dir", data_dir]
    )
    assert code == 0
    assert len((tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()) == 2
    assert (
        main(["export", "attempts", "-o", "x.csv", "--from", "soon", "--data-dir", data_dir]) == 2
    )


def test_analyse_and_summary(
    data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "items.csv"
    assert main(["analyse", "sample-module", "--csv", str(csv_path), "--data-dir", data_dir]) == 0
    out = capsys.readouterr().out
    assert "2 finished exam attempts" in out and "warning: fewer than 30" in out
    assert "q-child" in out and csv_path.read_text(encoding="utf-8").startswith("question_id,")
    assert main(["analyse", "missing", "--data-dir", data_dir]) == 2
    capsys.readouterr()
    assert (
        main(
            [
                "summary",
                "--by",
                "institution",
                "--csv",
                str(tmp_path / "s.csv"),
                "--data-dir",
                data_dir,
            ]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:3] == ["institution", "trained", "passed"]
    assert lines[-1].startswith("total\t2\t1")
    assert main(["summary", "--by", "colour", "--data-dir", data_dir]) == 2


def test_bundle_commands(
    data_dir: str, tmp_path: Path, banks_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "ws.tipbundle"
    assert main(["bundle", "export", str(bundle), "--data-dir", data_dir]) == 0
    assert "2 attempts" in capsys.readouterr().out
    coordinator = tmp_path / "coord"
    # untrusted: refused with the reason, exit 1
    assert main(["bundle", "import", str(bundle), "--data-dir", str(coordinator)]) == 1
    assert "REFUSED" in capsys.readouterr().out
    ws = Workspace(data_dir)
    key = ws.keys.export_public(tmp_path / "ws.tip-key", "Police school")
    ws.close()
    coord = Workspace(coordinator)
    coord.keys.import_public(key)
    coord.close()
    assert main(["bundle", "import", str(bundle), "--data-dir", str(coordinator)]) == 0
    out = capsys.readouterr().out
    assert "attempts: 2 added" in out and "Police school" in out
