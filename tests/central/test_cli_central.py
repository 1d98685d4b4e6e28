"""The central database from the command line: prepare, register, connect, sync, publish."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import SAMPLE_BANK
from tests.postgres import CentralServer
from trainer import admin
from trainer.central import config as central_config
from trainer.cli import main
from trainer.workspace import Workspace


def _admin_url(server: CentralServer) -> str:
    a = server.admin
    return f"postgresql://{a.user}:{quote(a.password or '')}@{a.host}:{a.port}/{a.dbname}?sslmode=disable"


def _uid(data: Path) -> str:
    ws = Workspace(data)
    try:
        return ws.db.workstation_uid
    finally:
        ws.close()


def test_register_connect_sync_and_publish(
    tmp_path: Path,
    central_db: CentralServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lab, office = tmp_path / "lab", tmp_path / "office"
    assert main(["central", "init-server", _admin_url(central_db)]) == 0
    assert "up to date" in capsys.readouterr().out
    # the coordinator's office workstation: staff accounts and a bank to publish
    ws = Workspace(office)
    admin.first_setup(ws, "Centre", "Coordinator Ana", "a long coordinator password")
    office_uid = ws.db.workstation_uid
    ws.close()
    assert main(["central", "add-workstation", _admin_url(central_db), office_uid,
                 "--name", "Office", "--coordinator"]) == 0  # fmt: skip
    office_url = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["central", "connect", office_url, "--data-dir", str(office)]) == 0
    out = capsys.readouterr().out
    assert "station 1" in out and "password" not in out.lower()
    secret = central_config.password_path(office)
    if os.name == "posix":
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert office_url.split(":")[2].split("@")[0] not in (office / "central.json").read_text()
    assert main(["central", "publish-accounts", "--data-dir", str(office)]) == 0
    assert main(["central", "publish-bank", str(SAMPLE_BANK), "--data-dir", str(office)]) == 0
    capsys.readouterr()

    # a lab workstation connected by the environment variable takes them
    lab_uid = _uid(lab)
    assert main(["central", "add-workstation", _admin_url(central_db), lab_uid]) == 0
    lab_url = capsys.readouterr().out.strip().splitlines()[-1]
    monkeypatch.setenv(central_config.ENV_VAR, lab_url)
    assert main(["sync", "--data-dir", str(lab)]) == 0
    monkeypatch.delenv(central_config.ENV_VAR)
    out = capsys.readouterr().out
    assert "received staff accounts: 1" in out and "received banks: 1" in out
    ws = Workspace(lab)
    try:
        assert [a.name for a in ws.accounts.list()] == ["Coordinator Ana"]
        assert admin.sign_in(ws, "Coordinator Ana", "a long coordinator password")
        assert "sample" in {b.id for b in ws.catalog.summaries}
    finally:
        ws.close()
    assert main(["sync", "--status", "--data-dir", str(lab)]) == 0
    out = capsys.readouterr().out
    assert lab_uid in out and "not connected" in out  # the variable was for that run only


def test_a_lab_workstation_cannot_publish(
    tmp_path: Path, central_db: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    lab = tmp_path / "lab"
    assert main(["central", "add-workstation", _admin_url(central_db), _uid(lab)]) == 0
    url = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["central", "connect", url, "--data-dir", str(lab)]) == 0
    assert main(["central", "publish-bank", str(SAMPLE_BANK), "--data-dir", str(lab)]) == 2
    assert "not registered as a coordinator" in capsys.readouterr().err
    assert central_db.query("SELECT count(*) FROM banks") == [(0,)]


def test_connect_with_a_wrong_password_saves_nothing(
    tmp_path: Path, central_db: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    lab = tmp_path / "lab"
    assert main(["central", "add-workstation", _admin_url(central_db), _uid(lab)]) == 0
    url = capsys.readouterr().out.strip().splitlines()[-1]
    user_part, rest = url.split("@", 1)
    wrong = user_part.rsplit(":", 1)[0] + ":wrong-password@" + rest
    assert main(["central", "connect", wrong, "--data-dir", str(lab)]) == 2
    err = capsys.readouterr().err
    assert "refused the user" in err and "wrong-password" not in err
    assert central_config.load(lab) is None


def test_sync_without_a_central_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(central_config.ENV_VAR, raising=False)
    assert main(["sync", "--data-dir", str(tmp_path / "lab")]) == 2
    assert "not connected to a central database" in capsys.readouterr().err
    assert main(["sync", "--status", "--data-dir", str(tmp_path / "lab")]) == 0
    out = capsys.readouterr().out
    assert "central database: not connected" in out and "last successful sync: never" in out
