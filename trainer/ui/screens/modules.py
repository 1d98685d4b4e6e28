"""The trainee's modules as cards with progress, and the way into practice, exam and history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.model import Module
from trainer.errors import TrainerError
from trainer.quiz.behaviours import Behaviour
from trainer.storage.trainees import Trainee
from trainer.ui import dialogs, labels
from trainer.ui.i18n import fmt
from trainer.ui.numbers import day, number
from trainer.workspace import Workspace

if TYPE_CHECKING:
    from trainer.banks.compiled import BankSummary


def workspace_session_tests(workspace: Workspace, trainee_id: int) -> list[tuple[Any, Any]]:
    from trainer.sessions import service

    return service.open_tests_for(workspace, trainee_id)


@dataclass(frozen=True)
class CardFacts:
    """What one module card says."""

    title: str
    audience: str
    questions: str
    exam: str
    status: str  # the words
    status_key: str  # new, practised, passed, failed (the card's look)
    attempts: int
    best: str
    best_percent: float | None
    pass_mark: str


class ModuleCard(QFrame):
    """One module: title, audience, questions, status, best score and a progress bar."""

    def __init__(self, facts: CardFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setProperty("status", facts.status_key)
        self.facts = facts
        self.title = QLabel(facts.title)
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel(
            " · ".join(p for p in (facts.audience, facts.questions, facts.exam) if p)
        )
        self.details.setObjectName("muted")
        self.details.setWordWrap(True)
        self.status = QLabel(facts.status)
        self.status.setWordWrap(True)
        self.best = QLabel(
            fmt(self.tr("Best score: %1 (pass mark %2 %)"), facts.best, facts.pass_mark)
        )
        self.best.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(round(facts.best_percent or 0))
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(fmt(self.tr("Best score of %1"), facts.title))
        self.progress.setAccessibleDescription(facts.best)
        line = QHBoxLayout()
        line.addWidget(self.status, 1)
        line.addWidget(self.best, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addLayout(line)
        layout.addWidget(self.progress)
        self.setAccessibleName(self.spoken())

    def spoken(self) -> str:
        """The card read aloud: everything it shows, in one sentence."""
        f = self.facts
        return fmt(
            self.tr("%1. %2. %3. Status: %4. Best score: %5."),
            f.title,
            f.audience,
            f.questions,
            f.status,
            f.best,
        )

    def set_selected(self, selected: bool) -> None:
        self.setProperty("selected", selected)
        self.style().unpolish(self)
        self.style().polish(self)


class ModuleCardList(QListWidget):
    """Cards one under the other, as wide as the list and as tall as their text needs
    (titles wrap at large text sizes instead of being cut); arrows and Tab move, Enter opens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(4)
        self.setObjectName("moduleCards")
        self.currentRowChanged.connect(self._on_current_changed)

    def card(self, row: int) -> ModuleCard:
        widget = self.itemWidget(self.item(row))
        assert isinstance(widget, ModuleCard)
        return widget

    def set_cards(self, cards: list[ModuleCard]) -> None:
        self.clear()
        for card in cards:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.AccessibleTextRole, card.spoken())
            item.setData(Qt.ItemDataRole.DisplayRole, "")
            self.addItem(item)
            self.setItemWidget(item, card)
        self.fit()
        self._on_current_changed(self.currentRow())

    def fit(self) -> None:
        """Each card's height for the list's width."""
        width = max(1, self.viewport().width() - 2 * self.spacing())
        for row in range(self.count()):
            card = self.card(row)
            height = card.heightForWidth(width) if card.hasHeightForWidth() else -1
            item = self.item(row)
            item.setSizeHint(QSize(width, max(height, card.minimumSizeHint().height())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def _on_current_changed(self, current: int) -> None:
        for row in range(self.count()):
            widget = self.itemWidget(self.item(row))
            if isinstance(widget, ModuleCard):  # an item gets its card just after it is added
                widget.set_selected(row == current)


class ModulesScreen(QWidget):
    """Lists the modules for the trainee's audience with best score and status."""

    start_requested = Signal(object, object, object)  # Bank, Module, Behaviour
    session_test_requested = Signal(object, object)  # TrainingSession, Phase
    history_requested = Signal()
    switch_requested = Signal()

    def __init__(
        self, workspace: Workspace, trainee: Trainee, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.trainee = trainee
        self.language = language
        self.entries: list[tuple[BankSummary, Module]] = []

        title = QLabel(fmt(self.tr("Modules for %1"), trainee.name))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        audience = labels.audience_for(trainee.institution)
        subtitle = QLabel(
            fmt(self.tr("Track: %1"), labels.audience(audience))
            if audience
            else self.tr("Track: all modules")
        )

        self.cards = ModuleCardList()
        self.cards.setAccessibleName(self.tr("Modules"))
        self.cards.setAccessibleDescription(
            self.tr("Arrow keys choose a module; Enter starts a practice")
        )
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)

        self.practice_button = QPushButton(self.tr("&Practice"))
        self.practice_button.setAccessibleName(self.tr("Practise the selected module"))
        self.practice_button.setToolTip(
            self.tr("Answer at your own pace, with feedback after each answer")
        )
        self.exam_button = QPushButton(self.tr("Take the &exam"))
        self.exam_button.setAccessibleName(self.tr("Take the exam of the selected module"))
        self.history_button = QPushButton(self.tr("M&y history"))
        self.history_button.setAccessibleName(self.tr("My attempt history"))
        self.switch_button = QPushButton(self.tr("S&witch trainee"))
        self.switch_button.setAccessibleName(self.tr("Switch to another trainee profile"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.practice_button)
        buttons.addWidget(self.exam_button)
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.switch_button)

        # The pre-test or post-test of a training session the trainee is enrolled in, when
        # the trainer has opened it.
        self.session_test_buttons: list[QPushButton] = []
        session_tests = QHBoxLayout()
        for training, phase in workspace_session_tests(workspace, trainee.id):
            text = fmt(
                self.tr("Take the session pre-&test: %1")
                if phase.value == "pre"
                else self.tr("Take the session post-&test: %1"),
                training.title,
            )
            test_button = QPushButton(text)
            test_button.setAccessibleName(text.replace("&", ""))
            test_button.clicked.connect(
                lambda _c=False, t=training, p=phase: self.session_test_requested.emit(t, p)
            )
            self.session_test_buttons.append(test_button)
            session_tests.addWidget(test_button)
        session_tests.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(session_tests)
        layout.addWidget(self.cards, 1)
        layout.addWidget(self.description)
        layout.addLayout(buttons)

        self.cards.itemSelectionChanged.connect(self._on_selection_changed)
        self.cards.itemActivated.connect(lambda _i: self._start(Behaviour.PRACTICE))
        self.practice_button.clicked.connect(lambda: self._start(Behaviour.PRACTICE))
        self.exam_button.clicked.connect(lambda: self._start(Behaviour.EXAM))
        self.history_button.clicked.connect(self.history_requested.emit)
        self.switch_button.clicked.connect(self.switch_requested.emit)
        self.refresh()

    def refresh(self) -> None:
        audience = labels.audience_for(self.trainee.institution)
        self.entries = self.workspace.catalog.modules(audience)
        progress = self.workspace.attempts.progress(self.trainee.id)
        cards = []
        for bank, module in self.entries:
            pool = bank.pool_size(module)
            exam_n = sum(r.count for r in module.draw) or pool
            p = progress.get(module.id)
            if module.time_limit_minutes:
                exam = fmt(
                    self.tr("exam: %n questions, %1 min", "", exam_n), module.time_limit_minutes
                )
            else:
                exam = self.tr("exam: %n questions", "", exam_n)
            if p and p.passed:
                status, key = self.tr("Passed"), "passed"
            elif p and p.attempts:
                status, key = self.tr("Failed"), "failed"
            elif p and p.practice_attempts:
                status, key = self.tr("Practised"), "started"
            else:
                status, key = self.tr("Not started"), "new"
            best_percent = p.best_percent if p else None
            best = f"{number(round(best_percent))} %" if best_percent is not None else "—"
            facts = CardFacts(
                title=module.title.get(self.language),
                audience=", ".join(labels.audience(a) for a in module.audiences),
                questions=self.tr("%n question(s)", "", pool),
                exam=exam,
                status=status,
                status_key=key,
                attempts=p.attempts if p else 0,
                best=best,
                best_percent=best_percent,
                pass_mark=number(module.pass_mark),
            )
            cards.append(ModuleCard(facts))
        self.cards.set_cards(cards)
        if self.entries:
            self.cards.setCurrentRow(0)
        self._on_selection_changed()

    def status_text(self, row: int) -> str:
        return self.cards.card(row).facts.status

    def selected(self) -> tuple[BankSummary, Module] | None:
        row = self.cards.currentRow()
        if row < 0 or row >= len(self.entries) or not self.cards.item(row).isSelected():
            return None
        return self.entries[row]

    def _on_selection_changed(self) -> None:
        chosen = self.selected()
        self.practice_button.setEnabled(chosen is not None)
        self.exam_button.setEnabled(chosen is not None)
        if chosen is None:
            self.description.setText(
                self.tr(
                    "No module is available for your track yet. Ask your trainer to load "
                    "the question banks."
                )
                if not self.entries
                else ""
            )
            return
        bank, module = chosen
        text = module.description.get(self.language) if module.description else ""
        details = fmt(
            self.tr("Pass mark %1 %. Training hours: %2."),
            number(module.pass_mark),
            number(module.training_hours),
        )
        if bank.law_as_of is not None:
            details += " " + fmt(
                self.tr("Law as of %1 (version %2)."), day(bank.law_as_of), bank.version
            )
        self.description.setText(f"{text}\n{details}".strip())

    def _start(self, behaviour: Behaviour) -> None:
        chosen = self.selected()
        if chosen is not None:
            # The bank's questions are parsed here, on first use, not when listing.
            try:
                bank = self.workspace.catalog.bank(chosen[0].id)
            except TrainerError as exc:
                dialogs.show_error(self, exc)
                self.refresh()  # a file changed since listed: the list says what it holds now
                return
            # The module as the file defines it (its hash checked), not as listed.
            self.start_requested.emit(bank, bank.module(chosen[1].id), behaviour)
