"""The central database address: parsing, saving (password owner-only), loading, resolving."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from trainer.central import config
from trainer.central.config import CentralConfig
from trainer.errors import CentralError, ErrorCode

URL = "postgresql://tip_ws_1:s3cr%40t@db.example.org:6432/tip?sslmode=verify-full&sslrootcert=/etc/ca.pem"


def test_from_url_reads_every_part() -> None:
    found = config.from_url(URL)
    assert (found.host, found.port, found.dbname, found.user) == (
        "db.example.org",
        6432,
        "tip",
        "tip_ws_1",
    )
    assert (found.sslmode, found.sslrootcert, found.password) == (
        "verify-full",
        "/etc/ca.pem",
        "s3cr@t",
    )


def test_the_password_is_never_shown() -> None:
    found = config.from_url(URL)
    for shown in (found.display_url(), repr(found), str(found)):
        assert "s3cr" not in shown
    assert found.display_url().startswith("postgresql://tip_ws_1@db.example.org:6432/tip?")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("mysql://u@h/db", "postgresql://"),
        ("postgresql://u@h/db?sslmode=maybe", "sslmode"),
        ("postgresql://u@h/db?foo=1", "unknown option"),
        ("postgresql://u@h:99999/db", "Port"),
        ("postgresql://u@/db", "server name"),
        ("postgresql://u@h/", "database name"),
        ("postgresql://h/db", "user name"),
        ("postgresql://u@h/db?connect_timeout=x", "connect_timeout"),
        ("postgresql://u@h/d b", "database name"),
        ("postgresql://u@h/db#x", "#"),
        ("postgresql://" + "u" * 5000, "too long"),
    ],
)
def test_bad_addresses_are_refused_with_the_reason(url: str, why: str) -> None:
    with pytest.raises(CentralError) as info:
        config.from_url(url)
    assert info.value.code is ErrorCode.CENTRAL_BAD_ADDRESS
    assert why.lower() in info.value.message.lower()


def test_save_keeps_the_password_owner_only_and_out_of_the_address(tmp_path: Path) -> None:
    found = config.from_url(URL)
    config.save(tmp_path, found, found.password)
    saved = json.loads((tmp_path / config.CONFIG_NAME).read_text())
    assert "password" not in saved and "s3cr" not in json.dumps(saved)
    secret = config.password_path(tmp_path)
    assert secret.read_text() == "s3cr@t"
    if os.name == "posix":
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / config.CONFIG_NAME).stat().st_mode) == 0o600
    loaded = config.load(tmp_path)
    assert loaded == found and loaded is not None and loaded.password == "s3cr@t"


def test_saving_without_a_password_removes_the_old_one(tmp_path: Path) -> None:
    found = config.from_url(URL)
    config.save(tmp_path, found, "old")
    config.save(tmp_path, found, None)
    assert not config.password_path(tmp_path).exists()
    loaded = config.load(tmp_path)
    assert loaded is not None and loaded.password is None


def test_not_connected_is_none_and_forget_disconnects(tmp_path: Path) -> None:
    assert config.load(tmp_path) is None
    config.save(tmp_path, config.from_url(URL), "pw")
    config.forget(tmp_path)
    assert config.load(tmp_path) is None and not config.password_path(tmp_path).exists()


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not text",
        b"[1, 2]",
        b'{"host": "h"}',
        json.dumps(
            {
                "host": "h",
                "dbname": "d",
                "user": "u",
                "port": True,
                "sslmode": "prefer",
                "sslrootcert": None,
                "connect_timeout": 5,
            }
        ).encode(),
        json.dumps(
            {
                "host": "h;rm",
                "dbname": "d",
                "user": "u",
                "port": 5432,
                "sslmode": "prefer",
                "sslrootcert": None,
                "connect_timeout": 5,
            }
        ).encode(),
        b"{" + b" " * (config.MAX_CONFIG_BYTES + 10) + b"}",
    ],
)
def test_a_damaged_settings_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    (tmp_path / config.CONFIG_NAME).write_bytes(content)
    with pytest.raises(CentralError) as info:
        config.load(tmp_path)
    assert info.value.code is ErrorCode.CENTRAL_SETTINGS_UNREADABLE
    assert info.value.where == str(tmp_path / config.CONFIG_NAME)


def test_resolve_prefers_the_option_then_the_environment_then_the_saved_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = CentralConfig(host="saved.example", dbname="tip", user="tip_ws_1")
    config.save(tmp_path, saved, "kept")
    monkeypatch.delenv(config.ENV_VAR, raising=False)
    assert config.resolve(tmp_path) == saved
    monkeypatch.setenv(config.ENV_VAR, "postgresql://other@env.example/tip")
    assert config.resolve(tmp_path).host == "env.example"  # type: ignore[union-attr]
    given = config.resolve(tmp_path, "postgresql://tip_ws_1@saved.example/tip")
    assert given is not None and given.host == "saved.example"
    assert given.password == "kept"  # the same server and user: the saved password
    other = config.resolve(tmp_path, "postgresql://someone@saved.example/tip")
    assert other is not None and other.password is None
