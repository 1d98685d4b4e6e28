"""The status bar's word on the central database: "Synced 2 min ago", "14 answers waiting",
and *Sync now*; the background sync that runs every few minutes.

Nothing here touches the network on the GUI thread: a sync runs as an ``Operation`` on a
worker with its own database connection, and the label reads one local query. When no
central database is configured the widget stays hidden.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from trainer.central import config as central_config
from trainer.central.config import CentralConfig
from trainer.errors import CentralError, TrainerError
from trainer.ui import dialogs
from trainer.ui.errors_text import error_text
from trainer.ui.held_records import HeldRecordsDialog
from trainer.ui.i18n import fmt
from trainer.ui.operations import Operation, Task
from trainer.workspace import Workspace

# A sync is attempted this often (and this long after the last one ended).
SYNC_EVERY_MS = 2 * 60 * 1000
# The label is read again this often ("2 min ago" moves on; answers are added).
REFRESH_EVERY_MS = 15 * 1000


class SyncStatusWidget(QWidget):
    """A permanent status bar widget: the sync state in words and a *Sync now* button."""

    synced = Signal(object)  # a sync ended: its report, or the TrainerError it met

    def __init__(
        self,
        workspace: Workspace,
        *,
        url: str | None = None,
        sync_every_ms: int = SYNC_EVERY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.url = url
        self.config: CentralConfig | None = None
        self.problem: TrainerError | None = None  # the last attempt's, until one works
        self.running: Operation[object] | None = None
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Central database"))
        self.button = QPushButton(self.tr("Sync now"))
        self.button.setAccessibleName(self.tr("Send results to the central database now"))
        self.button.setFlat(True)
        # records the central database refused: which and why, and Send again
        self.held_button = QPushButton(self.tr("Held back…"))
        self.held_button.setAccessibleName(self.tr("Show the records the central database refused"))
        self.held_button.setFlat(True)
        self.held_button.setVisible(False)
        self.held_dialog: HeldRecordsDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.held_button)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._on_sync_now)
        self.held_button.clicked.connect(self._on_show_held)
        self.sync_timer = QTimer(self)
        self.sync_timer.setSingleShot(True)
        self.sync_timer.setInterval(sync_every_ms)
        self.sync_timer.timeout.connect(lambda: self.sync(manual=False))
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_EVERY_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.reconfigure()

    # -- configuration ---------------------------------------------------------------
    def reconfigure(self) -> None:
        """Read the central address again (joined, left, password changed)."""
        try:
            self.config = central_config.resolve(self.workspace.data.root, self.url)
            self.problem = None
        except TrainerError as exc:
            self.config = None
            self.problem = exc
        joined = self.config is not None
        self.setVisible(joined or self.problem is not None)
        self.button.setEnabled(joined)
        if joined:
            self.refresh_timer.start()
            if self.running is None:
                self.sync_timer.start(min(self.sync_timer.interval(), 2000))  # soon after start
        else:
            self.refresh_timer.stop()
            self.sync_timer.stop()
        self.refresh()

    # -- the words ------------------------------------------------------------------
    def refresh(self) -> None:
        """Say where syncing stands (one local query)."""
        from trainer.central.sync import sync_status

        if self.config is None:
            text = self.tr("Not connected to a central database")
            self.label.setText(text)
            self.label.setToolTip(error_text(self.problem) if self.problem else "")
            self.held_button.setVisible(False)
            return
        status = sync_status(self.workspace.db, self.config)
        self.held_button.setVisible(status.held > 0)
        # the last attempt's problem: this run's, else the one the last sync left recorded
        problem = self.problem
        if (
            problem is None
            and status.last_error_code is not None
            and (status.last_attempt_at or "") > (status.last_success_at or "")
        ):
            problem = CentralError(status.last_error or "", code=status.last_error_code)
        parts: list[str] = []
        if self.running is not None:
            parts.append(self.tr("Syncing…"))
        elif problem is not None:
            parts.append(self.tr("Central database not reached"))
        if status.answers_waiting:
            parts.append(self.tr("%n answer(s) waiting", "", status.answers_waiting))
        if self.running is None and (problem is None or not status.answers_waiting):
            last = (
                datetime.fromisoformat(status.last_success_at) if status.last_success_at else None
            )
            parts.append(self.synced_text(last, datetime.now(UTC)))
        if status.held:
            parts.append(self.tr("%n record(s) held back by the central database", "", status.held))
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(
            error_text(problem)
            if problem is not None
            else fmt(self.tr("Central database: %1"), self.config.display_url())
        )

    # -- syncing -----------------------------------------------------------------------
    def sync(self, *, manual: bool) -> Operation[object] | None:
        """Start a sync on a worker (none when one runs or no central database is set)."""
        from trainer.central.sync import sync_data_folder

        if self.config is None or self.running is not None:
            return None
        self.sync_timer.stop()
        root, banks, url = self.workspace.data.root, self.workspace.shipped_banks, self.url

        def job(task: Task) -> object:
            # its own connection to this folder's database: the quiz's is never shared
            return sync_data_folder(root, banks, url=url, cancel=task.token)

        def worked(report: object) -> None:
            self.problem = None
            self.synced.emit(report)

        def failed(error: TrainerError) -> None:
            self.problem = error
            self.synced.emit(error)
            if manual:
                dialogs.show_error(self.window(), error)

        operation: Operation[object] = Operation(
            self,
            job,
            label=self.tr("Syncing with the central database…"),
            success=worked,
            failure=failed,
            progress=False,  # in the background: the window stays in the user's hands
        )
        self.running = operation
        operation.done.connect(self._on_done)
        operation.run()
        self.refresh()
        return operation

    def _on_done(self) -> None:
        self.running = None
        if self.config is not None:
            self.sync_timer.start(self.sync_timer.interval())
        self.refresh()

    def _on_sync_now(self) -> None:
        self.sync(manual=True)

    def _on_show_held(self) -> None:
        self.show_held()

    def _on_sent_again(self, _count: int) -> None:
        if self.config is not None and self.running is None:
            self.sync_timer.start(min(self.sync_timer.interval(), 2000))  # send them soon
        self.refresh()

    def show_held(self) -> HeldRecordsDialog:
        """The list of refused records (window-modal: the quiz behind it is not blocked)."""
        if self.held_dialog is not None:
            self.held_dialog.close()
            self.held_dialog.deleteLater()
        dialog = HeldRecordsDialog(self.workspace, self.window())
        dialog.sent_again.connect(self._on_sent_again)
        self.held_dialog = dialog
        dialog.open()
        return dialog

    def stop(self) -> None:
        """No more syncs (the window is closing); one running is left to end."""
        self.sync_timer.stop()
        self.refresh_timer.stop()

    def synced_text(self, when: datetime | None, now: datetime) -> str:
        """'Synced just now', 'Synced 2 min ago', 'Synced 3 h ago', 'Synced on 2026-05-04'."""
        if when is None:
            return self.tr("Never synced")
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = max(0, int((now - when).total_seconds()))
        if seconds < 60:
            return self.tr("Synced just now")
        if seconds < 3600:
            return self.tr("Synced %n min ago", "", seconds // 60)
        if seconds < 24 * 3600:
            return self.tr("Synced %n h ago", "", seconds // 3600)
        return fmt(self.tr("Synced on %1"), when.astimezone().strftime("%Y-%m-%d"))
