"""The choice every coordinator report offers once a central database is joined: this
workstation's results, or every workstation's (the central database)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from trainer.central import config as central_config
from trainer.central.config import CentralConfig
from trainer.errors import TrainerError
from trainer.results.source import ResultsSource, Scope
from trainer.ui import dialogs
from trainer.ui.operations import Operation

if TYPE_CHECKING:
    from trainer.storage.central.reports import CentralReports
    from trainer.workspace import Workspace


class ScopeWidget(QWidget):
    """'Results of: This workstation / All workstations (central database)'; hidden while
    this workstation is not joined to a central database."""

    changed = Signal()  # the source to read changed (``source`` says which)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.config: CentralConfig | None = None
        self.reports: CentralReports | None = None
        self.opening: Operation[CentralReports] | None = None
        with contextlib.suppress(TrainerError):  # damaged settings: this workstation only
            self.config = central_config.load(workspace.data.root)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Results of"))
        self.combo.addItem(self.tr("This workstation"), Scope.LOCAL.value)
        self.combo.addItem(self.tr("All workstations (central database)"), Scope.CENTRAL.value)
        label = QLabel(self.tr("Results o&f:"))
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.setVisible(self.config is not None)
        self.combo.currentIndexChanged.connect(self._on_chosen)

    @property
    def source(self) -> ResultsSource | None:
        """The central reports when chosen and open; None for this workstation."""
        return self.reports

    @property
    def scope(self) -> Scope:
        return Scope.CENTRAL if self.reports is not None else Scope.LOCAL

    def choose(self, scope: Scope) -> Operation[CentralReports] | None:
        """Switch (tests and the combo box): the central database is opened off the GUI
        thread; ``changed`` is emitted once the new source is ready."""
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(0 if scope is Scope.LOCAL else 1)
        self.combo.blockSignals(False)
        return self._open(scope)

    def _on_chosen(self) -> None:
        self._open(Scope(self.combo.currentData()))

    def _open(self, scope: Scope) -> Operation[CentralReports] | None:
        if scope is Scope.LOCAL or self.config is None:
            self._close()
            self.changed.emit()
            return None
        from trainer.storage.central.reports import open_reports

        config = self.config

        def opened(reports: CentralReports) -> None:
            self._close()
            self.reports = reports
            self.changed.emit()

        def failed(error: TrainerError) -> None:
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(0)
            self.combo.blockSignals(False)
            dialogs.show_error(self, error)

        # in the background, the choice held meanwhile (a connection takes up to its timeout)
        self.combo.setEnabled(False)
        self.opening = Operation(
            self,
            lambda _task: open_reports(config),
            label=self.tr("Connecting to the central database…"),
            success=opened,
            failure=failed,
            progress=False,
        )
        self.opening.done.connect(lambda: self.combo.setEnabled(True))
        return self.opening.run()

    @contextlib.contextmanager
    def worker_source(self) -> Iterator[ResultsSource | None]:
        """For a worker thread: its own connection to the central database when that is
        the scope (one connection is never shared between threads), else None."""
        if self.reports is None or self.config is None:
            yield None
            return
        from trainer.storage.central.reports import open_reports

        own = open_reports(self.config)
        try:
            yield own
        finally:
            own.close()

    def _close(self) -> None:
        if self.reports is not None:
            with contextlib.suppress(Exception):
                self.reports.close()
            self.reports = None
