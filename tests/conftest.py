"""Shared fixtures: every file and database lives under tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Tests never need a display (see Qt's offscreen platform).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from trainer.banks.loader import load_bank
from trainer.banks.model import Bank
from trainer.storage.database import Database
from trainer.workspace import Workspace

# the throwaway PostgreSQL cluster (pg_cluster, central_db) for the central database tests
pytest_plugins = ["tests.postgres"]

DATA = Path(__file__).parent / "data"
SAMPLE_BANK = DATA / "banks" / "sample.yaml"


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp: object) -> object:
    """The QApplication exists before any test: a test that renders a PDF without widgets
    would otherwise make a bare QGuiApplication, and a later widget would abort the run."""
    return qapp


@pytest.fixture(autouse=True)
def _english_interface_after_each_test() -> Iterator[None]:
    """A test that switches the interface to French leaves English behind for the next."""
    from trainer.ui import i18n

    yield
    if i18n.current() != "en":
        i18n.install("en")


@pytest.fixture
def sample_bank() -> Bank:
    return load_bank(SAMPLE_BANK)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "test.sqlite3")
    yield database
    database.close()


@pytest.fixture
def banks_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "shipped"
    folder.mkdir()
    (folder / "sample.yaml").write_bytes(SAMPLE_BANK.read_bytes())
    return folder


@pytest.fixture
def workspace(tmp_path: Path, banks_dir: Path) -> Iterator[Workspace]:
    ws = Workspace(tmp_path / "data", shipped_banks=banks_dir)
    yield ws
    ws.close()


TEST_COORDINATOR = ("Test coordinator", "test coordinator password")


@pytest.fixture
def signed_in_coordinator(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Staff screens ask for a staff sign-in: this answers it as a coordinator."""
    from trainer import admin
    from trainer.ui import dialogs_auth

    name, password = TEST_COORDINATOR
    if admin.needs_setup(workspace):
        admin.first_setup(workspace, "Test centre", name, password)
    monkeypatch.setattr(
        dialogs_auth, "ask_sign_in", lambda _p, ws: bool(admin.sign_in(ws, name, password))
    )
    return workspace
