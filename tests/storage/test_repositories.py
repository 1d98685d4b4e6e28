"""Repositories turn a database failure into a StorageError, also while rows are streamed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.results.conftest import make_taker
from trainer.errors import StorageError
from trainer.storage.bundles import BundleRepository
from trainer.storage.database import Database
from trainer.storage.keys import TrustedKeyRepository
from trainer.storage.results import ResultFilter, ResultsRepository
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace


def test_a_closed_database_is_a_storage_error(tmp_path: Path) -> None:
    db = Database(tmp_path / "db.sqlite3")
    db.close()
    with pytest.raises(StorageError):
        ResultsRepository(db).count_attempts(ResultFilter())
    with pytest.raises(StorageError):
        BundleRepository(db).unsent()
    with pytest.raises(StorageError):
        TrustedKeyRepository(db).all()


def test_a_failure_while_rows_stream_is_a_storage_error(workspace: Workspace) -> None:
    make_taker(workspace)(workspace.trainees.create("Alice U.", Institution.POLICE))
    rows = ResultsRepository(workspace.db).export_responses(ResultFilter())
    assert next(rows)
    workspace.db.conn.close()  # the connection goes away between two rows
    with pytest.raises(StorageError):
        list(rows)
