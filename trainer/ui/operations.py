"""Long work off the GUI thread: one operation object for every long job.

An ``Operation`` runs a callable on a worker thread and keeps the window alive:
it shows a progress dialog (after a short delay) whose Cancel button sets the
job's ``CancelToken``, ignores the user's clicks and keys in that window while
the job runs (so nothing starts twice), and calls ``success(result)`` on the GUI
thread when it is done. A ``CancelledError`` job calls ``cancelled()``; a
``TrainerError`` calls ``failure(error)`` (by default one clear message in the
user's language); anything else is a bug and goes to the crash handler.

The job receives a ``Task``: ``task.progress(done, total)`` reports progress and
returns False once the user cancelled (the core's ``Progress`` convention);
``task.token`` is the cancel token for core functions that check it. A job uses
its own database connection or workspace (``worker_database``,
``worker_workspace``), never the GUI's.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from trainer.errors import CancelledError, TrainerError
from trainer.progress import CancelToken
from trainer.storage.database import Database
from trainer.ui import dialogs
from trainer.workspace import Workspace

T = TypeVar("T")
# The progress dialog appears only for work that lasts longer than this.
SHOW_AFTER_MS = 300

_running: set[Operation[object]] = set()


class _Collector:
    """Python's cycle collector stops every thread while it walks the heap: with a large
    bank or export being built, each full pass holds the window still for 100–500 ms.
    While jobs run it is paused (reference counting still frees almost everything; the
    cycles it would find there are few); when the last job ends, what the jobs left alive
    (a catalogue, a report) is frozen into the permanent generation, so later passes do not
    walk it either. Used on the GUI thread only."""

    def __init__(self) -> None:
        self.jobs = 0
        self.paused = False

    def enter(self) -> None:
        if self.jobs == 0 and gc.isenabled():
            gc.disable()
            self.paused = True
        self.jobs += 1

    def leave(self) -> None:
        self.jobs -= 1
        if self.jobs == 0 and self.paused:
            gc.freeze()
            gc.enable()
            self.paused = False


_collector = _Collector()


def running() -> int:
    """How many operations are running now (tests wait for none)."""
    return len(_running)


def wait_all() -> None:
    """Block until every running job has ended (the program is closing)."""
    for operation in list(_running):
        operation.wait()


class Task:
    """What a job sees of its operation: progress reports and the cancel token."""

    def __init__(self, bridge: _Bridge, token: CancelToken) -> None:
        self._bridge = bridge
        self.token = token

    def progress(self, done: int, total: int) -> bool:
        """Report progress; False once the user asked to cancel."""
        self._bridge.progressed.emit(done, total)
        return not self.token.cancelled

    def report(self, done: int, total: int) -> None:
        """Report progress, for core functions that check ``token`` themselves."""
        self.progress(done, total)

    def label(self, text: str) -> None:
        """Say what is being done now (in the progress dialog)."""
        self._bridge.relabelled.emit(text)


class _InputBlocker(QObject):
    """Ignores the user's input to one window while an operation works for it."""

    _BLOCKED = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.Wheel,
            QEvent.Type.Shortcut,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.Drop,
        }
    )

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)  # goes with the window, and out of the application's filters
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in self._BLOCKED or not isinstance(watched, QWidget):
            return False
        return watched is self.window or self.window.isAncestorOf(watched)


class _Bridge(QObject):
    """Lives on the GUI thread; the worker's signals reach it queued, in order."""

    progressed = Signal(int, int)
    relabelled = Signal(str)
    worked = Signal()  # the job returned or raised (emitted by the worker)
    done = Signal()  # the callbacks have run (emitted on the GUI thread)

    def __init__(self, operation: Operation[T]) -> None:
        super().__init__()
        self.operation = operation
        self.progressed.connect(self.on_progress, Qt.ConnectionType.QueuedConnection)
        self.relabelled.connect(self.on_label, Qt.ConnectionType.QueuedConnection)
        self.worked.connect(self.on_worked, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        self.operation.show_progress(done, total)

    @Slot(str)
    def on_label(self, text: str) -> None:
        self.operation.show_label(text)

    @Slot()
    def on_worked(self) -> None:
        self.operation.finish()


class Operation(Generic[T]):
    """One long job: ``run()`` starts it; ``done`` is emitted once it is over."""

    def __init__(
        self,
        parent: QWidget,
        job: Callable[[Task], T],
        *,
        label: str,
        success: Callable[[T], None] | None = None,
        failure: Callable[[TrainerError], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        progress: bool = True,
    ) -> None:
        self.parent = parent
        self.job = job
        self.label = label
        self._success = success
        self._failure = failure
        self._cancelled = cancelled
        self._with_dialog = progress
        self.token = CancelToken()
        self._bridge = _Bridge(self)
        self.done = self._bridge.done
        self.finished = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self.dialog: QProgressDialog | None = None
        self._blocker: _InputBlocker | None = None
        self._thread: threading.Thread | None = None

    # -- running -------------------------------------------------------------------
    def run(self) -> Operation[T]:
        """Start the job on a worker thread; returns at once."""
        if self._with_dialog:
            self.dialog = self._make_dialog()
            app = QApplication.instance()
            if app is not None:
                self._blocker = _InputBlocker(self.parent.window())
                app.installEventFilter(self._blocker)
        _running.add(self)  # type: ignore[arg-type]
        _collector.enter()
        task = Task(self._bridge, self.token)
        self._thread = threading.Thread(
            target=self._work, args=(task,), name=f"operation: {self.label}", daemon=True
        )
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next check (it then ends as cancelled)."""
        self.token.cancel()

    def wait(self, seconds: float | None = None) -> None:
        """Block until the worker thread ends (closing the window: no half-written file)."""
        if self._thread is not None:
            self._thread.join(seconds)

    def _work(self, task: Task) -> None:
        try:
            self.result = self.job(task)
        except BaseException as exc:  # handed to the GUI thread
            self.error = exc
        self._bridge.worked.emit()

    def _make_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(
            self.label, QCoreApplication.translate("Operation", "Cancel"), 0, 0, self.parent
        )
        dialog.setWindowTitle(QCoreApplication.translate("Operation", "Please wait"))
        dialog.setAccessibleName(self.label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._on_cancel_clicked)
        return dialog

    def _on_cancel_clicked(self) -> None:
        self.token.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("Operation", "Cancelling…"))

    # -- back on the GUI thread ------------------------------------------------------
    def show_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def show_label(self, text: str) -> None:
        if self.dialog is not None and not self.token.cancelled:
            self.dialog.setLabelText(text)

    def finish(self) -> None:
        if self._thread is not None:
            self._thread.join()
        alive = shiboken6.isValid(self.parent)  # the screen may have closed meanwhile
        if self._blocker is not None:
            app = QApplication.instance()
            if app is not None and shiboken6.isValid(self._blocker):
                app.removeEventFilter(self._blocker)
                self._blocker.deleteLater()
            self._blocker = None
        if self.dialog is not None:
            if shiboken6.isValid(self.dialog):
                self.dialog.close()
                self.dialog.deleteLater()
            self.dialog = None
        self.finished = True
        _running.discard(self)
        _collector.leave()
        error = self.error
        try:
            if not alive:  # nobody to tell; a bug is still reported
                if error is not None and not isinstance(error, TrainerError):
                    sys.excepthook(type(error), error, error.__traceback__)
            elif error is None:
                if self._success is not None:
                    self._success(self.result)  # type: ignore[arg-type]
            elif isinstance(error, CancelledError):
                if self._cancelled is not None:
                    self._cancelled()
            elif isinstance(error, TrainerError):
                if self._failure is not None:
                    self._failure(error)
                else:
                    dialogs.show_error(self.parent, error)
            else:  # a bug: logged and reported by the crash handler
                sys.excepthook(type(error), error, error.__traceback__)
        finally:
            self.done.emit()


def worker_database(db: Database) -> Database:
    """A second connection to the same database, for a worker thread."""
    if db.path is None:
        raise TrainerError("an in-memory database cannot be shared with a worker")
    return Database(db.path, migrate=False)


@contextmanager
def worker_workspace(ws: Workspace) -> Iterator[Workspace]:
    """The same data folder opened again for a worker thread, acting as the same staff."""
    other = Workspace(ws.data.root, shipped_banks=ws.shipped_banks)
    try:
        if ws.staff is not None:
            other.sign_in(ws.staff)
        yield other
    finally:
        other.close()
