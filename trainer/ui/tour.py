"""The coordinator's first-run tour: a few steps that open the real staff screens and ring
the control each step is about (Help → Coordinator tour shows it again).

Shown once per account, on a coordinator's first sign-in; skipping it counts as seeing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.access import Role
from trainer.storage import settings as stored
from trainer.ui import staff
from trainer.ui.i18n import fmt

if TYPE_CHECKING:
    from trainer.ui.main_window import MainWindow
    from trainer.workspace import Workspace


@dataclass(frozen=True)
class TourStep:
    entry: str  # the staff screen (its key in staff.entries())
    control: str  # the attribute of that screen the step rings
    title: object  # QT_TRANSLATE_NOOP's result, worded by _tr when shown
    text: object


STEPS = (
    TourStep(
        "bank_library",
        "import_button",
        QT_TRANSLATE_NOOP("Tour", "Question banks"),
        QT_TRANSLATE_NOOP(
            "Tour",
            "Staff › Question bank library. Import a bank here; every problem of a bad file is "
            "shown with its line, and a bank can be disabled without deleting it.",
        ),
    ),
    TourStep(
        "sessions",
        "new_button",
        QT_TRANSLATE_NOOP("Tour", "Training sessions"),
        QT_TRANSLATE_NOOP(
            "Tour",
            "Staff › Training sessions. Create a session, enrol participants, take attendance "
            "and open its pre-test and post-test.",
        ),
    ),
    TourStep(
        "results",
        "export_button",
        QT_TRANSLATE_NOOP("Tour", "Results"),
        QT_TRANSLATE_NOOP(
            "Tour",
            "Staff › Results. Filter every attempt, then export them for a spreadsheet; item "
            "analysis and the programme summary are next to it in the Staff menu.",
        ),
    ),
    TourStep(
        "certificates",
        "settings_button",
        QT_TRANSLATE_NOOP("Tour", "Certificates"),
        QT_TRANSLATE_NOOP(
            "Tour",
            "Staff › Certificates. Set the institution, its logo and the signatories first; "
            "then issue, reprint, revoke and verify certificates.",
        ),
    ),
    TourStep(
        "backups",
        "backup_button",
        QT_TRANSLATE_NOOP("Tour", "Backups"),
        QT_TRANSLATE_NOOP(
            "Tour",
            "Staff › Backups and safety settings. Back up now before any large change, and "
            "restore a backup from here if the worst happens.",
        ),
    ),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate("Tour", str(text))


# -- remembered per account ------------------------------------------------------------------
def seen(ws: Workspace, account: str) -> bool:
    return account in stored.read(ws.db, stored.TOUR_SEEN_BY)


def mark_seen(ws: Workspace, account: str) -> None:
    before = stored.read(ws.db, stored.TOUR_SEEN_BY)
    if account not in before:
        stored.write(ws.db, stored.TOUR_SEEN_BY, before | {account})


def offer_on_sign_in(window: MainWindow) -> TourDialog | None:
    """After a sign-in: the tour, if a coordinator signed in who has not seen it yet."""
    session = window.workspace.staff
    if session is None or session.role is not Role.COORDINATOR:
        return None
    if seen(window.workspace, session.name):
        return None
    return start(window)


def start(window: MainWindow) -> TourDialog:
    dialog = TourDialog(window)
    dialog.show()
    dialog.go_to(0)
    return dialog


class Spotlight(QFrame):
    """A ring drawn over the control a step is about; clicks pass through it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tourSpot")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def ring(self, target: QWidget | None) -> None:
        if self.target is not None:
            self.target.removeEventFilter(self)
        self.target = target
        if target is None or not target.isVisible():
            self.hide()
            return
        target.installEventFilter(self)
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        if self.target is None:
            return
        parent = self.parentWidget()
        assert parent is not None
        corner = self.target.mapTo(parent, QPoint(0, 0))
        margin = 6
        self.setGeometry(
            corner.x() - margin,
            corner.y() - margin,
            self.target.width() + 2 * margin,
            self.target.height() + 2 * margin,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self.place()
        return False


class TourDialog(QDialog):
    """One step at a time: Back, Next (Finish on the last), Skip the tour (Escape)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Coordinator tour"))
        self.setModal(False)
        self.index = 0
        self.step_label = QLabel()
        self.step_label.setObjectName("muted")
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Previous step of the tour"))
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setAccessibleName(self.tr("Next step of the tour"))
        self.next_button.setDefault(True)
        self.skip_button = QPushButton(self.tr("S&kip the tour"))
        self.skip_button.setAccessibleName(self.tr("Skip the tour; Help shows it again"))
        self.back_button.clicked.connect(lambda: self.go_to(self.index - 1))
        self.next_button.clicked.connect(self._on_next)
        self.skip_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.spotlight = Spotlight(window)
        self.setMinimumWidth(420)
        self.finished.connect(self._on_finished)

    def go_to(self, index: int) -> None:
        """Open the step's screen, ring its control and say what it is for."""
        self.index = max(0, min(index, len(STEPS) - 1))
        step = STEPS[self.index]
        entry = next((e for e in staff.entries() if e.key == step.entry), None)
        target: QWidget | None = None
        if entry is not None:
            self.window_.open_staff(entry)
            screen = self.window_.current_screen()
            found = getattr(screen, step.control, None)
            target = found if isinstance(found, QWidget) else None
        self.step_label.setText(fmt(self.tr("Step %1 of %2"), self.index + 1, len(STEPS)))
        self.title.setText(_tr(step.title))
        self.text.setText(_tr(step.text))
        self.setAccessibleDescription(f"{self.title.text()}. {self.text.text()}")
        last = self.index == len(STEPS) - 1
        self.next_button.setText(self.tr("&Finish") if last else self.tr("&Next"))
        self.back_button.setEnabled(self.index > 0)
        self.spotlight.ring(target)
        self._place()
        self.next_button.setFocus()

    def target(self) -> QWidget | None:
        return self.spotlight.target

    def _place(self) -> None:
        """Bottom right of the window, clear of the ringed control where possible."""
        self.adjustSize()
        frame = self.window_.frameGeometry()
        x = frame.right() - self.width() - 24
        y = frame.bottom() - self.height() - 48
        target = self.spotlight.target
        if target is not None:
            top = target.mapToGlobal(QPoint(0, 0)).y()
            if top > frame.center().y():  # the control is low: the tour goes high
                y = frame.top() + 96
        self.move(max(frame.left(), x), max(frame.top(), y))

    def _on_next(self) -> None:
        if self.index >= len(STEPS) - 1:
            self.accept()
        else:
            self.go_to(self.index + 1)

    def _on_finished(self, _result: int) -> None:
        self.spotlight.ring(None)
        self.spotlight.deleteLater()
        session = self.window_.workspace.staff
        if session is not None:
            mark_seen(self.window_.workspace, session.name)
