"""Long work off the UI thread, behind a progress dialog that can be cancelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from trainer.errors import TrainerError
from trainer.storage.database import Database

T = TypeVar("T")
Progress = Callable[[int, int], bool]


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal()

    def __init__(self, job: Callable[[Progress], object]) -> None:
        super().__init__()
        self.job = job
        self.cancelled = False
        self.result: object = None
        self.error: BaseException | None = None

    @Slot()
    def run(self) -> None:
        try:
            self.result = self.job(self._progress)
        except BaseException as exc:  # handed back to the UI thread
            self.error = exc
        self.done.emit()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled


class _Relay(QObject):
    """Lives on the UI thread, so the worker's signals reach the dialog there (queued)."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__()
        self.dialog = dialog

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))


def is_cancel(error: BaseException) -> bool:
    return type(error).__name__ in ("OperationCancelledError", "BundleCancelledError")


def run_job(parent: QWidget, label: str, job: Callable[[Progress], T]) -> T | None:
    """Run ``job(progress)`` on a worker thread; None when the user cancelled.

    TrainerErrors and bugs raised by the job are raised again here, on the UI thread.
    The job must use its own database connection (see ``worker_database``).
    """
    worker = _Worker(job)
    thread = QThread()
    worker.moveToThread(thread)
    dialog = QProgressDialog(label, QCoreApplication.translate("Jobs", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Jobs", "Please wait"))
    dialog.setAccessibleName(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    relay = _Relay(dialog)

    def on_cancel() -> None:
        worker.cancelled = True

    worker.progressed.connect(relay.on_progress, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(on_cancel)
    loop = QEventLoop()
    worker.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        if is_cancel(worker.error):
            return None
        raise worker.error
    return worker.result  # type: ignore[return-value]


def worker_database(db: Database) -> Database:
    """A second connection to the same database, for a worker thread."""
    if db.path is None:
        raise TrainerError("an in-memory database cannot be shared with a worker")
    return Database(db.path, migrate=False)
