"""Before an exam: what it is, how it is marked, the rules, and a Start button; the clock
starts only when the trainee presses it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.model import Bank, Module
from trainer.ui.i18n import fmt
from trainer.ui.numbers import number


class ExamStartScreen(QWidget):
    """The exam's instructions; ``start_requested`` when the trainee is ready."""

    start_requested = Signal()
    back_requested = Signal()

    def __init__(
        self, bank: Bank, module: Module, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        questions = sum(r.count for r in module.draw) or len(bank.pool(module))
        title = QLabel(fmt(self.tr("Exam: %1"), module.title.get(language)))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        intro = QLabel(self.tr("Read these instructions, then press Start when you are ready."))
        intro.setWordWrap(True)
        intro.setObjectName("subtitle")

        facts = QFrame()
        facts.setObjectName("card")
        grid = QGridLayout(facts)
        time = (
            self.tr("%n minutes", "", module.time_limit_minutes)
            if module.time_limit_minutes
            else self.tr("No time limit")
        )
        rows = [
            (self.tr("Questions"), str(questions)),
            (self.tr("Time"), time),
            (self.tr("Pass mark"), f"{number(module.pass_mark)} %"),
        ]
        self.facts: dict[str, str] = {}
        for row, (name, value) in enumerate(rows):
            label = QLabel(name)
            label.setObjectName("muted")
            shown = QLabel(value)
            shown.setObjectName("sectionTitle")
            shown.setAccessibleName(f"{name}: {value}")
            grid.addWidget(label, 0, row)
            grid.addWidget(shown, 1, row)
            self.facts[name] = value

        rules_title = QLabel(self.tr("Rules"))
        rules_title.setObjectName("sectionTitle")
        rules = [
            self.tr("Answer on your own, without notes or help."),
            self.tr(
                "You may move between questions, flag them for review and change your "
                "answers until you submit."
            ),
            self.tr("Unanswered questions score nothing. The result shows once you submit."),
        ]
        if module.time_limit_minutes:
            rules.append(
                self.tr(
                    "The clock starts when you press Start and keeps running if you leave. "
                    "When time runs out your answers are submitted as they stand."
                )
            )
        rules.append(
            self.tr(
                "Each answer is saved the moment you give it. After a power cut or a crash, "
                "choose your profile again and resume where you were: nothing is lost."
            )
        )
        self.rules = QLabel("<ul>" + "".join(f"<li>{r}</li>" for r in rules) + "</ul>")
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setWordWrap(True)
        self.rules.setAccessibleName(self.tr("Rules"))

        self.start_button = QPushButton(self.tr("S&tart the exam"))
        self.start_button.setProperty("primary", True)
        self.start_button.setDefault(True)
        self.start_button.setAutoDefault(True)
        self.start_button.setAccessibleName(self.tr("Start the exam now; the clock starts"))
        self.back_button = QPushButton(self.tr("&Back to my modules"))
        self.back_button.setAccessibleName(self.tr("Back to my modules"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(facts)
        layout.addWidget(rules_title)
        layout.addWidget(self.rules)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setTabOrder(self.start_button, self.back_button)
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

        self.start_button.clicked.connect(self.start_requested.emit)
        self.back_button.clicked.connect(self.back_requested.emit)

    def initial_focus(self) -> QWidget:
        return self.start_button
