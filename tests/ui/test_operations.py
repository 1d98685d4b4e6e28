"""Long work runs off the GUI thread; results, cancels and errors come back to it."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from trainer.errors import CancelledError, TrainerError
from trainer.progress import CancelToken
from trainer.results.bundles import BundleCancelledError
from trainer.results.export import OperationCancelledError
from trainer.storage.database import Database
from trainer.ui import dialogs, operations
from trainer.ui.operations import Operation, Task, worker_database, worker_workspace
from trainer.workspace import Workspace


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _run(qtbot: QtBot, operation: Operation[Any]) -> Operation[Any]:
    with qtbot.waitSignal(operation.done, timeout=10000):
        operation.run()
    assert operation.finished and operations.running() == 0
    return operation


def test_the_job_runs_off_the_gui_thread_and_success_runs_on_it(
    qtbot: QtBot, parent: QWidget
) -> None:
    threads: list[bool] = []
    results: list[object] = []
    seen: list[tuple[int, int]] = []

    def job(task: Task) -> str:
        threads.append(threading.current_thread() is threading.main_thread())
        for i in range(5):
            assert task.progress(i, 5)
        task.label("almost done")
        return "done"

    def success(result: str) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        results.append(result)

    operation = Operation(parent, job, label="Working", success=success)
    operation._bridge.progressed.connect(lambda d, t: seen.append((d, t)))
    _run(qtbot, operation)
    assert threads == [False, True]
    assert results == ["done"] and operation.result == "done"
    assert seen == [(i, 5) for i in range(5)]


def test_cancel_is_recognised_by_class_and_reaches_the_job(qtbot: QtBot, parent: QWidget) -> None:
    started = threading.Event()
    outcome: list[str] = []

    def job(task: Task) -> int:
        started.set()
        task.progress(0, 1)
        task.token.wait(10)  # a long step, cut short by the cancel
        task.token.check()
        return 1

    operation = Operation(
        parent,
        job,
        label="Working",
        success=lambda _r: outcome.append("success"),
        failure=lambda _e: outcome.append("failure"),
        cancelled=lambda: outcome.append("cancelled"),
    )
    with qtbot.waitSignal(operation.done, timeout=10000):
        operation.run()
        assert started.wait(5)
        assert operation.dialog is not None
        cancel = operation.dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        cancel.click()
    assert outcome == ["cancelled"]
    assert isinstance(operation.error, CancelledError)
    # the core's own cancel errors are recognised by their class, whatever their name
    assert issubclass(OperationCancelledError, CancelledError)
    assert issubclass(BundleCancelledError, CancelledError)


def test_a_trainer_error_is_one_clear_message(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, e: shown.append(str(e)))

    def job(_task: Task) -> int:
        raise TrainerError("the disk is full")

    _run(qtbot, Operation(parent, job, label="Working"))
    assert shown == ["the disk is full"]


def test_a_bug_goes_to_the_crash_handler(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashes: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _k, value, _tb: crashes.append(value))

    def job(_task: Task) -> int:
        raise ZeroDivisionError("a bug")

    operation = Operation(parent, job, label="Working", failure=lambda _e: None)
    _run(qtbot, operation)
    assert len(crashes) == 1 and isinstance(crashes[0], ZeroDivisionError)


def test_the_window_takes_no_input_while_the_job_runs(qtbot: QtBot, parent: QWidget) -> None:
    button = QPushButton("Again", parent)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    parent.show()
    qtbot.waitExposed(parent)
    release = threading.Event()
    operation = Operation(parent, lambda _t: release.wait(10), label="Working")

    def click() -> None:
        centre = QPointF(button.rect().center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            event = QMouseEvent(
                kind,
                centre,
                button.mapToGlobal(centre),
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(button, event)

    with qtbot.waitSignal(operation.done, timeout=10000):
        operation.run()
        click()
        assert clicks == []  # ignored while the job runs
        release.set()
    click()
    assert clicks == [True]


def test_cancel_token() -> None:
    token = CancelToken()
    token.check()
    assert not token.cancelled
    token.cancel()
    assert token.cancelled
    with pytest.raises(CancelledError, match="stopped"):
        token.check("stopped")


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


def test_worker_workspace_acts_as_the_same_staff(signed_in_coordinator: Workspace) -> None:
    ws = signed_in_coordinator
    with worker_workspace(ws) as other:
        assert other is not ws and other.db is not ws.db
        assert other.data.root == ws.data.root
        assert other.staff is ws.staff and other.actor == ws.actor
    with pytest.raises(sqlite3.ProgrammingError):  # closed when the job is done
        other.db.conn.execute("SELECT 1")


def test_a_screen_closed_meanwhile_is_not_called_back(qtbot: QtBot) -> None:
    screen = QWidget()
    release = threading.Event()
    called: list[object] = []
    operation = Operation(
        screen, lambda _t: release.wait(10), label="Working", success=called.append
    ).run()
    screen.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen))
    with qtbot.waitSignal(operation.done, timeout=10000):
        release.set()
    assert called == [] and operation.finished and operations.running() == 0
