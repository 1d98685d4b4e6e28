"""The headless commands and the smoke start of the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA
from trainer.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_validate_reports_every_problem_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    bad = DATA / "banks" / "bad" / "single-choice-two-keys.yaml"
    assert main(["validate", str(DATA / "banks" / "sample.yaml"), str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{bad}:26:10: question 'q1': single_choice has 2") for line in out)


def test_validate_good_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA / "banks" / "sample.yaml")]) == 0
    assert "1 file(s) valid" in capsys.readouterr().err


def test_banks_lists_good_and_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "sample.yaml").write_bytes((DATA / "banks" / "sample.yaml").read_bytes())
    (shipped / "broken.yaml").write_bytes((DATA / "banks" / "bad" / "empty-text.yaml").read_bytes())
    monkeypatch.setattr("trainer.workspace.shipped_banks_dir", lambda: shipped)
    code = main(["banks", "--data-dir", str(tmp_path / "d")])
    out = capsys.readouterr().out
    assert code == 1
    assert "sample 1.0" in out and "FAILED" in out and "broken.yaml:32:32" in out
    assert main(["--data-dir", str(tmp_path / "d"), "banks", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    [bank] = data["banks"]
    assert bank["id"] == "sample" and bank["by_kind"]["scenario"] == 1
    assert bank["modules"][0]["exam_questions"] == 4
    assert bank["by_language"] == {"en": 10, "fr": 10}
    assert data["failures"][0]["problems"][0].startswith("broken.yaml:32:32")


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "validate" in out and "banks" in out


@pytest.mark.slow
def test_exit_when_ready_leaves_the_database(tmp_path: Path) -> None:
    data = tmp_path / "data dir with spaces"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "main.py", "--exit-when-ready", "--data-dir", str(data)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (data / "tip-trainer.sqlite3").is_file()
    assert (data / "logs" / "tip-trainer.log").is_file()
    # backed up at start, once the window was shown
    assert len(list((data / "backups").glob("*.sqlite3"))) == 1


@pytest.mark.slow
def test_data_dir_from_environment(tmp_path: Path) -> None:
    data = tmp_path / "env-data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIP_TRAINER_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-m", "trainer", "--exit-when-ready"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (data / "tip-trainer.sqlite3").is_file()


def test_opening_the_window_does_not_build_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up time: without a command, only the window's options are read."""
    import trainer.cli as cli
    import trainer.ui.app as app

    seen: list[Any] = []

    def run_gui(options: Any) -> int:
        seen.append(options)
        return 0

    monkeypatch.setattr(app, "run_gui", run_gui)

    def no_full_parser() -> None:
        raise AssertionError("the full parser was built to open the window")

    monkeypatch.setattr(cli, "build_parser", no_full_parser)
    assert main(["--data-dir", str(tmp_path), "--lang", "fr", "--exit-when-ready"]) == 0
    [options] = seen
    assert (options.data_dir, options.lang, options.exit_when_ready) == (str(tmp_path), "fr", True)
    assert options.command is None


def test_a_bad_window_option_is_explained_once_with_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "xx"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("usage:") == 1 and "COMMAND" in err and "invalid choice: 'xx'" in err


def test_choices_come_from_the_domain_enums() -> None:
    from trainer import cli
    from trainer.banks.formats.convert import ExportFormat as BankFormat
    from trainer.banks.model import LANGUAGES, Audience
    from trainer.quiz.behaviours import Behaviour
    from trainer.results.export import TableFormat
    from trainer.results.summary import Period
    from trainer.storage.trainees import Institution

    assert list(cli.INSTITUTIONS) == [i.value for i in Institution]
    assert list(cli.AUDIENCES) == [a.value for a in Audience]
    assert list(cli.BEHAVIOURS) == [b.value for b in Behaviour]
    assert list(cli.RESULT_FORMATS) == [f.value for f in TableFormat]
    assert list(cli.BANK_FORMATS) == [f.value for f in BankFormat]
    assert list(cli.PERIODS) == [p.value for p in Period]
    assert list(cli.BANK_LANGUAGES) == list(LANGUAGES)
    assert "judiciary" in cli.INSTITUTIONS and "army" not in cli.INSTITUTIONS
    parser = cli.build_parser()
    args = parser.parse_args(["export", "attempts", "-o", "x.csv", "--institution", "police"])
    assert args.institution == "police"
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "attempts", "-o", "x.csv", "--institution", "army"])


def test_building_the_parser_imports_no_domain_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from trainer import cli; cli.build_parser(); "
        "print(','.join(m for m in ('trainer.results.export', 'trainer.banks.formats.convert',"
        " 'trainer.storage.trainees') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_validate_caps_the_problems_of_a_junk_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from trainer.banks.loader import MAX_PROBLEMS

    junk = tmp_path / "junk.yaml"
    junk.write_text("".join(f"k{i}: 1\n" for i in range(1000)), encoding="utf-8")
    assert main(["validate", str(junk)]) == 1
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert len(out) == MAX_PROBLEMS + 1
    assert out[-1].startswith(f"{junk}: ... and ") and "more problem(s), not listed" in out[-1]
    more = int(out[-1].split("and ")[1].split()[0])
    assert f"{MAX_PROBLEMS + more} problem(s) in 1 file(s)" in captured.err
