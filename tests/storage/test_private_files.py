"""The data folder is private to its owner: database, backups and keys (POSIX modes)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from trainer import admin
from trainer.storage import backups
from trainer.workspace import Workspace

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows keeps the user profile private; modes do not apply"
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_backups_and_keys_are_readable_by_the_owner_only(
    tmp_path: Path, banks_dir: Path
) -> None:
    old = os.umask(0o022)  # the usual default that made everything world-readable
    try:
        ws = Workspace(tmp_path / "data", shipped_banks=banks_dir)
        try:
            admin.first_setup(ws, "Centre", "Coord", "coordinator password")
            made = admin.automatic_backup(ws)
            ws.keys.sign(b"make the key")
            data = ws.data
            for folder in (data.root, data.backups, data.keys, data.logs, data.banks):
                assert _mode(folder) == 0o700, folder
            for file in (data.database, made.path, *data.keys.iterdir()):
                assert _mode(file) == 0o600, file
            for side in data.root.glob("tip-trainer.sqlite3-*"):
                assert _mode(side) == 0o600, side
        finally:
            ws.close()
    finally:
        os.umask(old)


def test_an_existing_world_readable_data_folder_is_made_private(
    tmp_path: Path, banks_dir: Path
) -> None:
    old = os.umask(0o022)
    try:
        ws = Workspace(tmp_path / "data", shipped_banks=banks_dir)
        made = backups.create_backup(ws.db, ws.data.backups)
        ws.close()
        # as an earlier version left them
        for path in (ws.data.root, ws.data.backups, ws.data.keys):
            path.chmod(0o755)
        for path in (ws.data.database, made.path):
            path.chmod(0o644)
        again = Workspace(tmp_path / "data", shipped_banks=banks_dir)
        again.close()
        assert _mode(ws.data.root) == 0o700 and _mode(ws.data.backups) == 0o700
        assert _mode(ws.data.keys) == 0o700
        assert _mode(ws.data.database) == 0o600 and _mode(made.path) == 0o600
    finally:
        os.umask(old)
