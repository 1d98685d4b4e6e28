"""The question navigator: one button per question, showing answered, flagged and current."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from trainer.quiz.session import QuizSession
from trainer.ui.i18n import fmt

COLUMNS = 5
LARGE_TEXT_COLUMNS = 3  # at large text sizes, fewer columns keep the window on screen


class NavigatorWidget(QWidget):
    """Buttons "1 ✓ ⚑"; their accessible names spell the state out."""

    question_chosen = Signal(int)

    def __init__(self, session: QuizSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(self.tr("Question navigator"))
        grid = QGridLayout(self)
        grid.setSpacing(4)
        self.buttons: list[QPushButton] = []
        columns = COLUMNS if self.fontMetrics().height() < 24 else LARGE_TEXT_COLUMNS
        for slot in session.slots:
            button = QPushButton()
            button.setCheckable(True)
            # wide enough for "20 ✓ ⚑" at any text size
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("888 ✓ ⚑") + 12)
            button.clicked.connect(lambda _c=False, i=slot.index: self.question_chosen.emit(i))
            grid.addWidget(button, slot.index // columns, slot.index % columns)
            self.buttons.append(button)
        grid.setRowStretch(len(session.slots) // columns + 1, 1)  # buttons stay at the top
        self.refresh()

    def refresh(self) -> None:
        for slot, button in zip(self.session.slots, self.buttons, strict=True):
            marks = []
            states = []
            if slot.answered:
                marks.append("✓")
                states.append(self.tr("answered"))
            elif slot.started:
                marks.append("…")
                states.append(self.tr("partly answered"))
            else:
                states.append(self.tr("not answered"))
            if slot.flagged:
                marks.append("⚑")
                states.append(self.tr("flagged for review"))
            current = slot.index == self.session.current
            if current:
                states.append(self.tr("current"))
            button.setText(f"{slot.index + 1} {' '.join(marks)}".strip())
            button.setChecked(current)
            name = fmt(self.tr("Question %1"), slot.index + 1)
            button.setAccessibleName(f"{name}: {', '.join(states)}")
            button.setToolTip(", ".join(states))
