"""``review-bank``: findings as file:line:col, JSON, the language, and the exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.banks.review.factory import sc, write
from tests.conftest import DATA
from trainer.cli import main
from trainer.storage.database import Database

BAD = DATA / "banks" / "bad"


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "shipped"
    folder.mkdir()
    (folder / "sample.yaml").write_bytes((DATA / "banks" / "sample.yaml").read_bytes())
    monkeypatch.setattr("trainer.workspace.shipped_banks_dir", lambda: folder)
    monkeypatch.setenv("LANG", "C")
    return folder


def _run(tmp_path: Path, *args: str) -> int:
    return main(["review-bank", "--data-dir", str(tmp_path / "data"), *args])


def _flawed(tmp_path: Path) -> Path:
    q = sc("q1", "Which is not an indicator?", ["Any person under eighteen", "A pupil"])
    return write(tmp_path / "flawed.yaml", q)


def test_warnings_alone_exit_0_and_each_finding_has_its_place(
    tmp_path: Path, shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _flawed(tmp_path)
    assert _run(tmp_path, str(path)) == 0
    out, err = capsys.readouterr()
    line = next(x for x in out.splitlines() if "negative-stem" in x)
    assert line.startswith(f"{path}:38:3: warning negative-stem [q1]: the question is negative")
    assert "1 bank(s) reviewed: 0 problem(s), 1 warning(s)" in err


def test_an_invalid_bank_is_a_problem_not_a_traceback(
    tmp_path: Path, shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = BAD / "single-choice-two-keys.yaml"
    assert _run(tmp_path, str(bad), str(_flawed(tmp_path))) == 1
    out, err = capsys.readouterr()
    assert f"{bad}: the bank does not load" in out
    assert f"{bad}:26:10: problem invalid: the bank does not load: question 'q1'" in out
    assert "Traceback" not in out + err
    for name in ("binary.yaml", "empty-file.yaml", "alias-bomb.yaml", "latin1.yaml"):
        assert _run(tmp_path, str(BAD / name)) == 1


def test_json_and_french(tmp_path: Path, shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _flawed(tmp_path)
    assert _run(tmp_path, str(path), "--json", "--lang", "fr") == 0
    data = json.loads(capsys.readouterr().out)
    [entry] = data["banks"]
    assert entry["valid"] and entry["bank"] == "t" and entry["counts"]["warning"] == 1
    finding = next(f for f in entry["findings"] if f["rule"] == "negative-stem")
    assert finding["line"] == 38 and finding["column"] == 3 and finding["severity"] == "warning"
    assert finding["message"].startswith("la question est négative")
    assert data["summary"].startswith("1 banque(s) examinée(s)")


def test_the_interface_language_setting_is_used(
    tmp_path: Path, shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").mkdir()
    db = Database(tmp_path / "data" / "tip-trainer.sqlite3")
    db.set_setting("ui_language", "fr")
    db.close()
    assert _run(tmp_path, str(_flawed(tmp_path))) == 0
    out = capsys.readouterr().out
    assert "avertissement negative-stem [q1]: la question est négative" in out


def test_library_banks_by_id_and_the_whole_library(
    tmp_path: Path, shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(tmp_path, "sample") == 0
    assert str(shipped / "sample.yaml") in capsys.readouterr().out
    (tmp_path / "data" / "banks").mkdir(parents=True, exist_ok=True)
    broken = tmp_path / "data" / "banks" / "broken.yaml"
    broken.write_bytes((BAD / "empty-text.yaml").read_bytes())
    assert _run(tmp_path, "--library", "--json") == 1
    banks = json.loads(capsys.readouterr().out)["banks"]
    assert [(Path(b["path"]).name, b["valid"]) for b in banks] == [
        ("sample.yaml", True),
        ("broken.yaml", False),
    ]


def test_nothing_to_review_or_an_unknown_name(
    tmp_path: Path, shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(tmp_path) == 2
    assert "--library" in capsys.readouterr().err
    assert _run(tmp_path, "no-such-bank") == 2
    assert "'no-such-bank' is neither a bank file nor the id" in capsys.readouterr().err


def test_help_says_warnings_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["review-bank", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Exit status: 1 when any bank has a problem" in text
    assert "warnings and notices alone do not fail" in text
