"""Long work on a worker thread: results, cancellation and errors come back to the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from trainer.errors import TrainerError
from trainer.results.export import OperationCancelledError
from trainer.storage.database import Database
from trainer.ui.jobs import Progress, run_job, worker_database


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_job_runs_on_another_thread_and_reports_progress(parent: QWidget) -> None:
    seen: list[bool] = []

    def job(progress: Progress) -> str:
        seen.append(threading.current_thread() is threading.main_thread())
        for i in range(5):
            assert progress(i, 5)
        return "done"

    assert run_job(parent, "Working", job) == "done"
    assert seen == [False]


def test_cancelling_returns_none(parent: QWidget) -> None:
    def job(progress: Progress) -> int:
        raise OperationCancelledError("cancelled")

    assert run_job(parent, "Working", job) is None


def test_errors_are_raised_on_the_ui_thread(parent: QWidget) -> None:
    def job(progress: Progress) -> int:
        raise TrainerError("the disk is full")

    with pytest.raises(TrainerError, match="disk is full"):
        run_job(parent, "Working", job)


def test_worker_database_needs_a_file(tmp_path: Path) -> None:
    memory = Database(":memory:")
    try:
        with pytest.raises(TrainerError):
            worker_database(memory)
    finally:
        memory.close()
    on_disk = Database(tmp_path / "d.sqlite3")
    second = worker_database(on_disk)
    assert second.path == on_disk.path
    second.close()
    on_disk.close()
