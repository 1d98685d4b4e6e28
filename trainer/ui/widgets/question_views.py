"""Inputs for every kind of question, each usable by keyboard alone and by a screen reader.

Each input shows one question as laid out for the attempt and emits
``response_changed`` with the kind's typed answer (trainer/quiz/kinds/), or None.
``set_response`` never emits. Each input class is registered for its kinds with
``input_for``; ``make_input`` picks the input by the question's kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.model import (
    Kind,
    Matching,
    MultipleResponse,
    Numerical,
    Ordering,
    Question,
    Scenario,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from trainer.quiz.kinds import Layout
from trainer.quiz.kinds.numerical import NumberProblem, read
from trainer.quiz.kinds.typed import MAX_TYPED, TypedAnswer
from trainer.quiz.questions import (
    Answer,
    MatchingAnswer,
    MultipleResponseAnswer,
    NumericalAnswer,
    OrderingAnswer,
    Response,
    ScenarioAnswer,
    ShortAnswerAnswer,
    SingleChoiceAnswer,
    TrueFalseAnswer,
)
from trainer.quiz.session import ordered_options
from trainer.ui import numbers
from trainer.ui import text as rich
from trainer.ui.i18n import fmt
from trainer.ui.widgets.picture import PictureView

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
A = TypeVar("A", bound=Answer)


def _own(response: Response | None, answer_type: type[A]) -> A | None:
    """The response if it is an answer of the input's own kind (else nothing is shown)."""
    return response if isinstance(response, answer_type) else None


def _in_picture(widget: QWidget) -> bool:
    """Whether a control belongs to a picture's view (zooming stays possible when answers
    are locked, and it is not where answering starts)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, PictureView):
            return True
        parent = parent.parentWidget()
    return False


def rich_label(markdown: str, *, selectable: bool = True) -> QLabel:
    """A wrapping label showing bank text safely (no HTML, no links, no images)."""
    label = QLabel(rich.to_html(markdown))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _ClickForwarder(QObject):
    """Clicking an option's text acts on its button (the text label wraps, buttons do not)."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button)
        self.button = button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self.button.isEnabled()
        ):
            self.button.click()
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            return True
        return False


class _WheelGuard(QObject):
    """The mouse wheel passes over an answer control the trainee has not focused.

    Scrolling a long question must never change an answer on the way: an unfocused
    drop-down list, spin box or list lets the wheel go on to the page, which scrolls.
    Once focused (a click or Tab), the control takes the wheel as usual.
    """

    def __init__(self, control: QWidget) -> None:
        super().__init__(control)
        self.control = control

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and not self.control.hasFocus():
            event.ignore()  # not taken here: Qt hands the wheel to the parents
            return True
        return False


def guard_wheel(root: QWidget) -> None:
    """Protect every wheel-sensitive control under ``root`` (see ``_WheelGuard``)."""
    for control in root.findChildren(QWidget):
        if not isinstance(control, (QComboBox, QAbstractSpinBox, QAbstractItemView)):
            continue
        if control.property("wheelGuarded"):
            continue
        control.setProperty("wheelGuarded", True)
        # WheelFocus would give the control the focus on the first turn of the wheel.
        control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        guard = _WheelGuard(control)
        control.installEventFilter(guard)
        if isinstance(control, QAbstractItemView):
            control.viewport().installEventFilter(guard)


class QuestionInput(QWidget):
    """Base of all inputs; each kind's input is registered with ``input_for``."""

    response_changed = Signal(object)

    def __init__(
        self, question: Question, layout: Layout, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.layout_data = layout
        self.language = language
        self._quiet = False

    def response(self) -> Response | None:
        raise NotImplementedError

    def set_response(self, response: Response | None) -> None:
        self._quiet = True
        try:
            self._apply(response)
        finally:
            self._quiet = False

    def _apply(self, response: Response | None) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        for child in self.findChildren(QWidget):
            if isinstance(child, (QAbstractButton, QComboBox, QListWidget)) and not _in_picture(
                child
            ):
                child.setEnabled(not read_only)

    def _emit(self) -> None:
        if not self._quiet:
            self.response_changed.emit(self.response())

    def flush(self) -> None:
        """Send an answer still being typed now (before the page changes or is checked)."""

    def first_focus(self) -> QWidget | None:
        """The first answer control (a picture's zoom button is not an answer)."""
        for child in self.findChildren(QWidget):
            if (
                child.focusPolicy() != Qt.FocusPolicy.NoFocus
                and child.isEnabled()
                and not _in_picture(child)
            ):
                return child
        return None


INPUTS: dict[Kind, type[QuestionInput]] = {}
W = TypeVar("W", bound=QuestionInput)


def input_for(*kinds: Kind) -> Callable[[type[W]], type[W]]:
    """Register an input class as the one that answers questions of these kinds."""

    def register(cls: type[W]) -> type[W]:
        for kind in kinds:
            INPUTS[kind] = cls
        return cls

    return register


class ChoiceInput(QuestionInput):
    """Options with a button each: radio buttons or check boxes (``multiple``)."""

    multiple = False

    def __init__(
        self,
        question: SingleChoice | MultipleResponse,
        layout: Layout,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(question, layout, language, parent)
        self.buttons: dict[str, QAbstractButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multiple)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        hint = QLabel(
            self.tr("Select every right answer.")
            if self.multiple
            else self.tr("Select one answer.")
        )
        hint.setWordWrap(True)
        grid.addWidget(hint, 0, 0, 1, 2)
        row = 0
        for index, option in enumerate(ordered_options(question, layout)):
            row += 1
            text = option.text.get(language)
            letter = LETTERS[index]
            button: QAbstractButton = QCheckBox(letter) if self.multiple else QRadioButton(letter)
            button.setAccessibleName(f"{letter}. {text}")
            label = rich_label(text, selectable=False)
            label.setBuddy(button)
            label.installEventFilter(_ClickForwarder(button))
            if not self.multiple:
                # Radio buttons form one Tab stop (arrows move inside); check boxes
                # stay separate Tab stops, so they are not grouped.
                self.group.addButton(button)
            self.buttons[option.id] = button
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            if option.image is not None:
                row += 1
                grid.addWidget(PictureView(option.image, language), row, 1)
                button.setAccessibleDescription(option.image.alt.get(language))
            button.toggled.connect(lambda _on: self._emit())

    def checked(self) -> list[str]:
        return [oid for oid, b in self.buttons.items() if b.isChecked()]

    def _check(self, chosen: set[str]) -> None:
        self.group.setExclusive(False)
        for oid, button in self.buttons.items():
            button.setChecked(oid in chosen)
        self.group.setExclusive(not self.multiple)


@input_for(Kind.SINGLE_CHOICE)
class SingleChoiceInput(ChoiceInput):
    """Single choice: radio buttons, one Tab stop."""

    def response(self) -> Response | None:
        chosen = self.checked()
        return SingleChoiceAnswer(chosen[0]) if chosen else None

    def _apply(self, response: Response | None) -> None:
        own = _own(response, SingleChoiceAnswer)
        self._check({own.choice} if own is not None else set())


@input_for(Kind.MULTIPLE_RESPONSE)
class MultipleResponseInput(ChoiceInput):
    """Multiple response: check boxes, each its own Tab stop."""

    multiple = True

    def response(self) -> Response | None:
        chosen = self.checked()
        return MultipleResponseAnswer(tuple(chosen)) if chosen else None

    def _apply(self, response: Response | None) -> None:
        own = _own(response, MultipleResponseAnswer)
        self._check(set(own.choices) if own is not None else set())


@input_for(Kind.TRUE_FALSE)
class TrueFalseInput(QuestionInput):
    def __init__(
        self, question: TrueFalse, layout: Layout, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, layout, language, parent)
        self.true_button = QRadioButton(self.tr("T&rue"))
        self.false_button = QRadioButton(self.tr("F&alse"))
        self.true_button.setAccessibleName(self.tr("True"))
        self.false_button.setAccessibleName(self.tr("False"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.true_button)
        self.group.addButton(self.false_button)
        box = QHBoxLayout(self)
        box.addWidget(self.true_button)
        box.addWidget(self.false_button)
        box.addStretch(1)
        self.true_button.toggled.connect(lambda _on: self._emit())
        self.false_button.toggled.connect(lambda _on: self._emit())

    def response(self) -> Response | None:
        if self.true_button.isChecked():
            return TrueFalseAnswer(True)
        if self.false_button.isChecked():
            return TrueFalseAnswer(False)
        return None

    def _apply(self, response: Response | None) -> None:
        own = _own(response, TrueFalseAnswer)
        value = own.value if own is not None else None
        self.group.setExclusive(False)
        self.true_button.setChecked(value is True)
        self.false_button.setChecked(value is False)
        self.group.setExclusive(True)


class StepList(QListWidget):
    """A list as tall as all its steps at its current width, wrapped lines included, so
    every step shows without inner scrolling (the page scrolls instead)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._width = -1

    def content_height(self) -> int:
        self.doItemsLayout()
        rows = sum(self.visualItemRect(self.item(i)).height() for i in range(self.count()))
        return rows + 2 * self.frameWidth() + 4

    def fit(self) -> None:
        height = self.content_height()
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:  # wrapping changes with the width only
            self._width = event.size().width()
            self.fit()


@input_for(Kind.ORDERING)
class OrderingInput(QuestionInput):
    """A list to reorder by dragging, by the Move buttons, or with Alt+Up / Alt+Down."""

    def __init__(
        self, question: Ordering, layout: Layout, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, layout, language, parent)
        self.texts = {i.id: i.text.get(language) for i in question.items}
        hint = QLabel(
            self.tr(
                "Put the steps in the right order, first at the top. Select a step "
                "and use Move up / Move down (Alt+Up / Alt+Down), or drag it."
            )
        )
        hint.setWordWrap(True)
        self.list = StepList()
        self.list.setAccessibleName(self.tr("Steps to put in order"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.up = QPushButton(self.tr("Move &up"))
        self.up.setAccessibleName(self.tr("Move the selected step up"))
        self.down = QPushButton(self.tr("Move &down"))
        self.down.setAccessibleName(self.tr("Move the selected step down"))
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        box = QVBoxLayout(self)
        box.addWidget(hint)
        box.addLayout(row)
        self._order = list(layout.get("items") or self.texts)
        self._touched = False
        self._fill()
        self.up.clicked.connect(lambda: self.move_step(-1))
        self.down.clicked.connect(lambda: self.move_step(+1))
        QShortcut(QKeySequence("Alt+Up"), self.list, lambda: self.move_step(-1))
        QShortcut(QKeySequence("Alt+Down"), self.list, lambda: self.move_step(+1))
        self.list.model().rowsMoved.connect(self._on_dragged)

    def _fill(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for n, item_id in enumerate(self._order, start=1):
            item = QListWidgetItem(f"{n}. {self.texts[item_id]}")
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.fit()
        if select is not None:
            self.list.setCurrentRow(select)

    def _on_dragged(self, *_args: Any) -> None:
        self._order = [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]
        self._touched = True
        self._fill(self.list.currentRow())
        self._emit()

    def move_step(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self._order) or not self.list.isEnabled():
            return
        self._order[row], self._order[target] = self._order[target], self._order[row]
        self._touched = True
        self._fill(target)
        self._emit()

    def order(self) -> list[str]:
        return list(self._order)

    def response(self) -> Response | None:
        # The starting order is not an answer until the trainee moves something.
        return OrderingAnswer(tuple(self._order)) if self._touched else None

    def _apply(self, response: Response | None) -> None:
        own = _own(response, OrderingAnswer)
        order = list(own.order) if own is not None else None
        if order and sorted(order) == sorted(self.texts):
            self._order = list(order)
            self._touched = True
        else:
            self._order = list(self.layout_data.get("items") or self.texts)
            self._touched = False
        self._fill(self.list.currentRow() if self.list.currentRow() >= 0 else None)


@input_for(Kind.MATCHING)
class MatchingInput(QuestionInput):
    """One drop-down list of choices per prompt."""

    def __init__(
        self, question: Matching, layout: Layout, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, layout, language, parent)
        prompts = {p.id: p for p in question.prompts}
        choices = {c.id: c for c in question.choices}
        hint = QLabel(self.tr("For each item, choose the matching answer."))
        hint.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.combos: dict[str, QComboBox] = {}
        for row, pid in enumerate(layout.get("prompts") or list(prompts)):
            prompt_text = prompts[pid].text.get(language)
            label = rich_label(prompt_text, selectable=False)
            combo = QComboBox()
            combo.setAccessibleName(prompt_text)
            combo.addItem(self.tr("— choose —"), "")
            for cid in layout.get("choices") or list(choices):
                combo.addItem(choices[cid].text.get(language), cid)
            # The prompt keeps most of the width; the open list still shows whole choices.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1, Qt.AlignmentFlag.AlignTop)
            self.combos[pid] = combo
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        box = QVBoxLayout(self)
        box.addWidget(hint)
        box.addLayout(grid)

    def response(self) -> Response | None:
        pairs = {pid: str(c.currentData()) for pid, c in self.combos.items() if c.currentData()}
        return MatchingAnswer.of(pairs) if pairs else None

    def _apply(self, response: Response | None) -> None:
        own = _own(response, MatchingAnswer)
        pairs = own.chosen() if own is not None else {}
        for pid, combo in self.combos.items():
            index = combo.findData(pairs.get(pid, ""))
            combo.setCurrentIndex(max(0, index))


@input_for(Kind.SCENARIO)
class ScenarioInput(QuestionInput):
    """The case text, then each part with its own input."""

    def __init__(
        self, question: Scenario, layout: Layout, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, layout, language, parent)
        box = QVBoxLayout(self)
        self.parts: dict[str, QuestionInput] = {}
        self.part_frames: dict[str, QFrame] = {}
        part_layouts = layout.get("parts") or {}
        total = len(question.parts)
        for n, part in enumerate(question.parts, start=1):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(frame)
            heading = QLabel(fmt(self.tr("Part %1 of %2"), n, total))
            heading.setStyleSheet("font-weight: bold;")
            inner.addWidget(heading)
            inner.addWidget(rich_label(part.text.get(language)))
            if part.image is not None:
                inner.addWidget(PictureView(part.image, language))
            widget = make_input(part, part_layouts.get(part.id, {}), language)
            widget.response_changed.connect(lambda _r: self._emit())
            inner.addWidget(widget)
            box.addWidget(frame)
            self.parts[part.id] = widget
            self.part_frames[part.id] = frame

    def response(self) -> Response | None:
        parts = [(pid, r) for pid, w in self.parts.items() if (r := w.response()) is not None]
        return ScenarioAnswer(tuple(parts)) if parts else None

    def _apply(self, response: Response | None) -> None:
        for pid, widget in self.parts.items():
            widget.set_response(response.part(pid) if response is not None else None)

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.parts.values():
            widget.set_read_only(read_only)

    def flush(self) -> None:
        for widget in self.parts.values():
            widget.flush()


class TypedInput(QuestionInput):
    """A line to type the answer in. The answer is sent after a short pause in typing,
    when the line is left (Tab, a click elsewhere) or on Enter: never once per key."""

    # How long typing must pause before the answer is saved.
    PAUSE_MS = 700
    answer_type: type[TypedAnswer] = TypedAnswer

    def __init__(
        self, question: Question, layout: Layout, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, layout, language, parent)
        self.line = QLineEdit()
        self.line.setMaxLength(MAX_TYPED)
        self.line.setAccessibleName(self.tr("Your answer"))
        label = QLabel(self.tr("&Your answer:"))
        label.setBuddy(self.line)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("About your answer"))
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.line, 1)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.hint)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(self.PAUSE_MS)
        self.pause.timeout.connect(self.flush)
        self._sent: Response | None = None
        self.line.textEdited.connect(self._on_edited)  # typing only, not set_response
        self.line.editingFinished.connect(self.flush)
        self._show_hint()

    def _on_edited(self, _text: str) -> None:
        self._show_hint()
        self.pause.start()

    def flush(self) -> None:
        self.pause.stop()
        response = self.response()
        if response != self._sent:
            self._sent = response
            self._emit()

    def typed(self) -> str:
        return self.line.text().strip()

    def response(self) -> Response | None:
        return self.answer_type(self.typed()) if self.typed() else None

    def _apply(self, response: Response | None) -> None:
        self.pause.stop()
        own = _own(response, self.answer_type)
        self.line.setText(own.text if own is not None else "")
        self._sent = self.response()
        self._show_hint()

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)

    def _show_hint(self) -> None:
        text = self.hint_text()
        self.hint.setText(text)
        self.line.setAccessibleDescription(text)

    def hint_text(self) -> str:
        raise NotImplementedError


@input_for(Kind.SHORT_ANSWER)
class ShortAnswerInput(TypedInput):
    """A word or a phrase, typed."""

    answer_type = ShortAnswerAnswer

    def hint_text(self) -> str:
        assert isinstance(self.question, ShortAnswer)
        if self.question.case_sensitive:
            return self.tr("Type a word or a short phrase. Capital letters count.")
        return self.tr("Type a word or a short phrase. Capital letters do not count.")


@input_for(Kind.NUMERICAL)
class NumericalInput(TypedInput):
    """A number, typed with a decimal comma or point; the line below says how it reads."""

    answer_type = NumericalAnswer

    def units(self) -> str:
        assert isinstance(self.question, Numerical)
        return ", ".join(u.name for u in self.question.units)

    def response(self) -> Response | None:
        assert isinstance(self.question, Numerical)
        typed = self.typed()
        if not typed or read(self.question, typed).value is None:
            return None  # not an answer: the hint says why
        return NumericalAnswer(typed)

    def hint_text(self) -> str:
        assert isinstance(self.question, Numerical)
        q = self.question
        typed = self.typed()
        if not typed:
            if q.units:
                return fmt(
                    self.tr(
                        "Type a number, then its unit (%1). Use a comma or a point for decimals."
                    ),
                    self.units(),
                )
            return self.tr("Type a number. Use a comma or a point for decimals (1,5 or 1.5).")
        reading = read(q, typed)
        if reading.problem is NumberProblem.NOT_A_NUMBER:
            return fmt(
                self.tr(
                    "“%1” is not a number: type digits, with a comma or a point before "
                    "the decimals (for example 1,5). It is not saved as an answer."
                ),
                typed,
            )
        if reading.problem is NumberProblem.NO_UNITS:
            return self.tr(
                "Type the number alone, with no unit or words after it. "
                "It is not saved as an answer."
            )
        if reading.problem is NumberProblem.UNKNOWN_UNIT:
            return fmt(
                self.tr("Unknown unit: use one of %1. It is not saved as an answer."),
                self.units(),
            )
        assert reading.value is not None
        shown = numbers.number(reading.value * (reading.unit.multiplier if reading.unit else 1))
        if reading.unit is not None:
            return fmt(self.tr("Read as %1 %2."), shown, reading.unit.name)
        if q.units and q.unit_penalty:
            return fmt(
                self.tr(
                    "Read as %1. Add the unit (%2): without it the answer loses %3 % of its credit."
                ),
                shown,
                self.units(),
                numbers.number(round(q.unit_penalty * 100, 2)),
            )
        return fmt(self.tr("Read as %1."), shown)


def make_input(question: Question, layout: Layout, language: str) -> QuestionInput:
    widget = _make_input(question, layout, language)
    guard_wheel(widget)
    return widget


def _make_input(question: Question, layout: Layout, language: str) -> QuestionInput:
    return INPUTS[question.kind](question, layout, language)
