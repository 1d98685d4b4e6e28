"""Taking a module: one question at a time, navigator, flags, timer, practice feedback."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trainer.banks.model import Bank, Module
from trainer.errors import TrainerError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import Answer, GradeState
from trainer.quiz.session import QuizSession
from trainer.storage import attempts_guard
from trainer.storage.trainees import Trainee
from trainer.ui import dialogs, review
from trainer.ui.exam_guard import apply_exam_guard
from trainer.ui.i18n import fmt
from trainer.ui.widgets.flow import flow_of
from trainer.ui.widgets.navigator import NavigatorWidget
from trainer.ui.widgets.picture import PictureView
from trainer.ui.widgets.question_views import QuestionInput, make_input, rich_label
from trainer.workspace import Workspace

WARNING_AT = timedelta(minutes=5)
# In the last seconds an answer still being typed is saved, not left waiting for its pause.
LAST_CALL = timedelta(seconds=2)


class ResumeChoice(Enum):
    """What to do with an attempt left unfinished."""

    RESUME = "resume"
    LATER = "later"  # leave it as it is (nothing changes)
    SUBMIT = "submit"  # submit it as it stands (confirmed twice)


@dataclass(frozen=True)
class Offered:
    """The outcome of offering an unfinished attempt: the session to resume, or, with
    ``kept_open``, an attempt left waiting (so no other may start)."""

    session: QuizSession | None = None
    kept_open: bool = False


def _clock(left: timedelta) -> str:
    seconds = max(0, int(left.total_seconds()))
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class UnfinishedAttemptBox(QMessageBox):
    """Resume (the default, Enter), continue later (Esc) or submit (asks again)."""

    def __init__(
        self, parent: QWidget | None, session: QuizSession, trainee_name: str, language: str
    ) -> None:
        super().__init__(parent)
        exam = session.behaviour is Behaviour.EXAM
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(
            QCoreApplication.translate("QuizScreen", "Unfinished exam")
            if exam
            else QCoreApplication.translate("QuizScreen", "Unfinished practice")
        )
        answered = len(session.slots) - len(session.unanswered())
        lines = [
            fmt(
                QCoreApplication.translate("QuizScreen", "%1 has an unfinished exam: “%2”.")
                if exam
                else QCoreApplication.translate(
                    "QuizScreen", "%1 has an unfinished practice session: “%2”."
                ),
                trainee_name,
                session.module.title.get(language),
            ),
            fmt(
                QCoreApplication.translate("QuizScreen", "Questions answered: %1 of %2."),
                answered,
                len(session.slots),
            ),
        ]
        left = session.remaining()
        if left is not None:
            lines.append(
                fmt(
                    QCoreApplication.translate(
                        "QuizScreen", "Time left: %1 (the clock runs while the exam is open)."
                    ),
                    _clock(left),
                )
            )
        lines.append(
            fmt(
                QCoreApplication.translate(
                    "QuizScreen",
                    "If you are not %1, choose Continue later: the attempt stays as it is.",
                ),
                trainee_name,
            )
        )
        self.setText("\n\n".join(lines))
        self.setAccessibleName(self.windowTitle())
        self.button_resume = self.addButton(
            QCoreApplication.translate("QuizScreen", "&Resume now"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.button_later = self.addButton(
            QCoreApplication.translate("QuizScreen", "Continue &later"),
            QMessageBox.ButtonRole.RejectRole,
        )
        self.button_submit = self.addButton(
            QCoreApplication.translate("QuizScreen", "&Submit now…"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        self.button_resume.setAccessibleName(
            QCoreApplication.translate("QuizScreen", "Resume the attempt now")
        )
        self.button_later.setAccessibleName(
            QCoreApplication.translate("QuizScreen", "Continue later, leaving the attempt as it is")
        )
        self.button_submit.setAccessibleName(
            QCoreApplication.translate("QuizScreen", "Submit the attempt as it stands (asks again)")
        )
        self.setDefaultButton(self.button_resume)
        self.setEscapeButton(self.button_later)
        dialogs.widen(self)


def unfinished_attempt_box(
    parent: QWidget | None, session: QuizSession, trainee_name: str, language: str
) -> UnfinishedAttemptBox:
    return UnfinishedAttemptBox(parent, session, trainee_name, language)


class SubmitTexts(QObject):
    """The texts of the submit confirmation (a QObject, for Qt's plural forms)."""

    def question(self, exam: bool, trainee_name: str, unanswered: int) -> str:
        if exam:
            text = self.tr(
                "Submit %1's exam now, as it stands? %n question(s) are not answered. "
                "Once submitted, answers can no longer be changed.",
                "",
                unanswered,
            )
        else:
            text = self.tr(
                "Finish %1's practice session now, as it stands? %n question(s) are not answered.",
                "",
                unanswered,
            )
        return fmt(text, trainee_name)


def submit_confirmation_box(
    parent: QWidget | None, session: QuizSession, trainee_name: str
) -> tuple[QMessageBox, QPushButton]:
    """The second, explicit step before submitting: its default is not to submit."""
    exam = session.behaviour is Behaviour.EXAM
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        QCoreApplication.translate("QuizScreen", "Submit the exam")
        if exam
        else QCoreApplication.translate("QuizScreen", "Finish practice")
    )
    box.setText(SubmitTexts().question(exam, trainee_name, len(session.unanswered())))
    box.setAccessibleName(box.windowTitle())
    submit = box.addButton(
        QCoreApplication.translate("QuizScreen", "Submit the exam")
        if exam
        else QCoreApplication.translate("QuizScreen", "Finish practice"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(
        QCoreApplication.translate("QuizScreen", "&Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    dialogs.widen(box)
    return box, submit


def ask_resume(
    parent: QWidget | None, session: QuizSession, trainee_name: str, language: str
) -> ResumeChoice:
    """Offer an unfinished attempt (a function, so tests can answer for the user)."""
    box = unfinished_attempt_box(parent, session, trainee_name, language)
    box.exec()
    clicked = box.clickedButton()
    if clicked is box.button_resume:
        return ResumeChoice.RESUME
    if clicked is not box.button_submit:
        return ResumeChoice.LATER
    confirm_box, submit = submit_confirmation_box(parent, session, trainee_name)
    confirm_box.exec()
    return ResumeChoice.SUBMIT if confirm_box.clickedButton() is submit else ResumeChoice.LATER


def confirm_finish(parent: QWidget | None, title: str, text: str) -> bool:
    return dialogs.confirm(parent, title, text)


def offer_unfinished(
    parent: QWidget, workspace: Workspace, trainee: Trainee, language: str
) -> Offered:
    """The trainee's attempt in progress, if they choose to resume it.

    A trainee has at most one attempt in progress: one they choose to submit is
    submitted as it stands, one they leave for later stays open (and no other
    starts), and one whose time ran out while the program was closed is submitted
    with the answers it had.
    """
    from trainer.certificates import issuing

    for open_attempt in workspace.attempts.unfinished(trainee.id):
        session = workspace.attempts.load_session(open_attempt.id)
        if session.expired():
            issuing.finish_and_certify(workspace, session)
            continue
        choice = ask_resume(parent, session, trainee.name, language)
        if choice is ResumeChoice.RESUME:
            return Offered(session)
        if choice is ResumeChoice.LATER:
            return Offered(kept_open=True)
        issuing.finish_and_certify(workspace, session)
    return Offered()


def start_session(
    parent: QWidget,
    workspace: Workspace,
    trainee: Trainee,
    bank: Bank,
    module: Module,
    behaviour: Behaviour,
    language: str,
    question_ids: list[str] | None = None,
) -> QuizSession | None:
    """Resume the trainee's unfinished attempt if they wish, else start a new one."""
    offered = offer_unfinished(parent, workspace, trainee, language)
    if offered.session is not None:
        return offered.session
    if offered.kept_open:  # one attempt in progress at most: it waits, nothing new starts
        return None
    # the rule itself, below the interface (another window may have started one meanwhile)
    attempts_guard.ensure_no_active_attempt(workspace.attempts, trainee.id)
    return QuizSession.start(
        bank,
        module,
        behaviour,
        trainee_id=trainee.id,
        language=language,
        recorder=workspace.attempts.recorder,
        question_ids=question_ids,
    )


class QuizScreen(QWidget):
    """The attempt in progress. Every change is saved before it is shown as saved."""

    finished = Signal(object)  # QuizSession
    left = Signal()

    def __init__(self, session: QuizSession, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # The questions stay in the language the attempt began in (what the trainee
        # saw); only the interface follows a language switch.
        self.language = session.language or language
        self.exam = session.behaviour is Behaviour.EXAM
        self.input: QuestionInput | None = None
        self.picture: PictureView | None = None  # the question's picture, when it has one
        self._warned = False

        title = QLabel(session.module.title.get(language))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        mode = QLabel(self.tr("Exam") if self.exam else self.tr("Practice"))
        mode.setAccessibleName(self.tr("Mode"))
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer")
        self.timer_label.setAccessibleName(self.tr("Time remaining"))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("timer")
        self.banner.setProperty("warning", True)
        self.banner.hide()
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(mode)
        header.addSpacing(16)
        header.addWidget(self.timer_label)

        self.navigator = NavigatorWidget(session)
        self.navigator.question_chosen.connect(self.go_to)
        nav_box = QVBoxLayout()
        nav_title = QLabel(self.tr("Questions"))
        nav_title.setStyleSheet("font-weight: bold;")
        nav_box.addWidget(nav_title)
        # The navigator scrolls when a long module meets large text.
        nav_scroll = QScrollArea()
        nav_scroll.setWidget(self.navigator)
        nav_scroll.setWidgetResizable(True)
        nav_scroll.setFrameShape(QFrame.Shape.NoFrame)
        nav_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        nav_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        nav_scroll.setMinimumWidth(
            self.navigator.sizeHint().width() + nav_scroll.verticalScrollBar().sizeHint().width()
        )
        nav_box.addWidget(nav_scroll, 1)
        legend = QLabel(self.tr("✓ answered   ⚑ flagged"))
        nav_box.addWidget(legend)

        self.position = QLabel()
        self.position.setStyleSheet("font-weight: bold;")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.body)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("Save status"))

        self.prev_button = QPushButton(self.tr("← &Previous"))
        self.prev_button.setAccessibleName(self.tr("Previous question"))
        self.next_button = QPushButton(self.tr("&Next →"))
        self.next_button.setAccessibleName(self.tr("Next question"))
        self.flag_button = QPushButton(self.tr("Fla&g for review"))
        self.flag_button.setCheckable(True)
        self.flag_button.setAccessibleName(self.tr("Flag this question for review"))
        self.check_button = QPushButton(self.tr("&Check answer"))
        self.check_button.setAccessibleName(self.tr("Check my answer"))
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.setAccessibleName(self.tr("Try this question again"))
        self.finish_button = QPushButton(self.tr("F&inish…"))
        self.finish_button.setAccessibleName(
            self.tr("Submit the exam") if self.exam else self.tr("Finish practice")
        )
        self.leave_button = QPushButton(self.tr("&Leave and continue later"))
        self.leave_button.setAccessibleName(self.tr("Leave and continue later"))
        self.check_button.setVisible(not self.exam)
        self.retry_button.setVisible(not self.exam)
        # Two rows that wrap, so the window still fits the screen when the text is large.
        buttons = QVBoxLayout()
        buttons.addWidget(flow_of([self.prev_button, self.next_button, self.flag_button]))
        end_row = QHBoxLayout()
        end_row.addWidget(flow_of([self.check_button, self.retry_button]))
        end_row.addStretch(1)
        end_row.addWidget(flow_of([self.leave_button, self.finish_button]))
        buttons.addLayout(end_row)

        main = QVBoxLayout()
        main.addWidget(self.position)
        main.addWidget(self.scroll_area, 1)
        main.addWidget(self.saved_label)
        main.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addLayout(nav_box)
        columns.addLayout(main, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)

        self.prev_button.clicked.connect(lambda: self.go_to(self.session.current - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.session.current + 1))
        self.flag_button.toggled.connect(self._on_flag_toggled)
        self.check_button.clicked.connect(self._on_check)
        self.retry_button.clicked.connect(self._on_retry)
        self.finish_button.clicked.connect(self._on_finish_clicked)
        self.leave_button.clicked.connect(self._on_leave)
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.go_to(self.session.current - 1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.go_to(self.session.current + 1))

        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._on_tick)
        if session.deadline is not None:
            self.clock.start()
        self._on_tick()
        first_open = next((s.index for s in session.slots if not s.answered), 0)
        self.go_to(session.current if session.slots[session.current].started else first_open)

    # -- navigation --------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        if not 0 <= index < len(self.session.slots):
            return
        self._flush_typing()
        slot = self.session.visit(index)
        # A fresh page per question; the scroll area destroys the previous one.
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.position.setText(fmt(self.tr("Question %1 of %2"), index + 1, len(self.session.slots)))
        question = slot.question
        scenario_title = getattr(question, "title", None)
        if scenario_title is not None:
            heading = QLabel(scenario_title.get(self.language))
            heading.setStyleSheet("font-weight: bold;")
            heading.setWordWrap(True)
            self.body_layout.addWidget(heading)
        text = rich_label(question.text.get(self.language), selectable=not self.exam)
        text.setAccessibleName(self.tr("Question text"))
        self.body_layout.addWidget(text)
        self.picture = None
        if question.image is not None:
            self.picture = PictureView(question.image, self.language)
            self.body_layout.addWidget(self.picture)
        self.input = make_input(question, slot.layout, self.language)
        self.input.set_response(slot.response)
        self.input.response_changed.connect(self._on_response_changed)
        self.body_layout.addWidget(self.input)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setAccessibleName(self.tr("Feedback"))
        # Reachable by keyboard, so a screen reader reads the feedback after Check.
        self.feedback.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.feedback.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.feedback_frame = QFrame()
        frame_layout = QVBoxLayout(self.feedback_frame)
        frame_layout.addWidget(self.feedback)
        self.body_layout.addWidget(self.feedback_frame)
        self.body_layout.addStretch(1)
        apply_exam_guard(self.body, self.exam)
        self.scroll_area.setWidget(self.body)
        self._set_tab_order()
        self._refresh_slot()
        focus = self.input.first_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def initial_focus(self) -> QWidget | None:
        """Work starts at the answer of the question shown."""
        return self.input.first_focus() if self.input is not None else None

    def _set_tab_order(self) -> None:
        """Tab goes through the answer first, then the buttons, then the navigator."""
        assert self.input is not None
        inputs = [
            w
            for w in self.input.findChildren(QWidget)
            # (a combo box's pop-up list is a window of its own: not in the chain)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is self.input.window()
        ]
        chain = [
            *([self.picture.zoom_button] if self.picture and self.picture.image else []),
            *inputs,
            self.prev_button,
            self.next_button,
            self.flag_button,
            self.check_button,
            self.retry_button,
            self.leave_button,
            self.finish_button,
            *self.navigator.buttons,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _refresh_slot(self) -> None:
        slot = self.session.slots[self.session.current]
        index = slot.index
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.session.slots) - 1)
        self.flag_button.blockSignals(True)
        self.flag_button.setChecked(slot.flagged)
        self.flag_button.blockSignals(False)
        show = self.session.feedback_visible(index)
        if self.input is not None:
            self.input.set_read_only(slot.checked)
        self.check_button.setEnabled(not self.exam and slot.started and not slot.checked)
        self.retry_button.setEnabled(not self.exam and slot.checked)
        if show and slot.grade is not None:
            sources = slot.layout.get("sources") or {}
            self.feedback.setText(
                review.feedback_html(
                    slot.question, slot.response, self.language, sources, layout=slot.layout
                )
            )
            name = {
                GradeState.RIGHT: "feedbackRight",
                GradeState.PARTIAL: "feedbackPartial",
                GradeState.WRONG: "feedbackWrong",
            }[slot.grade.state]
            self.feedback_frame.setObjectName(name)
            style = self.feedback_frame.style()
            style.unpolish(self.feedback_frame)  # apply the rule for the new name
            style.polish(self.feedback_frame)
            self.feedback_frame.show()
        else:
            self.feedback_frame.hide()
        self.navigator.refresh()

    # -- actions -------------------------------------------------------------------------
    def _flush_typing(self) -> None:
        """Save an answer still being typed (it is otherwise saved after a pause)."""
        if self.input is not None and not self.session.finished:
            self.input.flush()

    def _on_leave(self) -> None:
        self._flush_typing()
        self.left.emit()

    def _saved(self) -> None:
        self.saved_label.setText(self.tr("✓ Saved"))

    def _not_saved(self) -> None:
        """A change could not be recorded: show what is saved, and say so."""
        slot = self.session.slots[self.session.current]
        if self.input is not None:
            self.input.set_response(slot.response)  # the answer as saved, not as clicked
        self.saved_label.setText(
            self.tr(
                "✗ Not saved: your last change was not recorded. The answer shown is the saved one."
            )
        )
        self._refresh_slot()

    def _on_response_changed(self, response: object) -> None:
        index = self.session.current
        before = self.session.slots[index].response
        try:
            self.session.answer(index, response if isinstance(response, Answer) else None)
        except TrainerError as exc:
            self._not_saved()
            dialogs.show_error(self, exc)
            if self.session.expired():
                self._time_up()
            return
        if self.session.slots[index].response != before:  # (a radio button's echo is not)
            self._saved()
        self._refresh_slot()

    def _on_flag_toggled(self, on: bool) -> None:
        self._flush_typing()
        try:
            self.session.flag(self.session.current, on)
        except TrainerError as exc:
            self._not_saved()
            dialogs.show_error(self, exc)
            return
        self._saved()
        self._refresh_slot()

    def _on_check(self) -> None:
        self._flush_typing()
        try:
            self.session.check(self.session.current)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self._saved()
        self._refresh_slot()
        self.scroll_area.ensureWidgetVisible(self.feedback_frame)
        self.feedback.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_retry(self) -> None:
        try:
            self.session.retry(self.session.current)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self.go_to(self.session.current)

    def summary_text(self) -> str:
        unanswered = [str(i + 1) for i in self.session.unanswered()]
        flagged = [str(i + 1) for i in self.session.flagged()]
        lines = [
            fmt(
                self.tr("You have answered %1 of %2 questions."),
                len(self.session.slots) - len(unanswered),
                len(self.session.slots),
            )
        ]
        if unanswered:
            lines.append(fmt(self.tr("Not answered: %1"), ", ".join(unanswered)))
        if flagged:
            lines.append(fmt(self.tr("Flagged for review: %1"), ", ".join(flagged)))
        lines.append(
            self.tr("Once submitted, answers can no longer be changed. Submit now?")
            if self.exam
            else self.tr("Finish this practice session now?")
        )
        return "\n".join(lines)

    def _on_finish_clicked(self) -> None:
        self._flush_typing()
        title = self.tr("Submit the exam") if self.exam else self.tr("Finish practice")
        if confirm_finish(self, title, self.summary_text()):
            self.finish()

    def finish(self) -> None:
        self.clock.stop()
        self.session.finish()
        self.finished.emit(self.session)

    def _time_up(self) -> None:
        self.clock.stop()
        self.session.finish()
        dialogs.show_info(
            self,
            self.tr("Time is up"),
            self.tr("The time for this exam is over. Your answers have been submitted."),
        )
        self.finished.emit(self.session)

    def _on_tick(self) -> None:
        left = self.session.remaining()
        if left is None:
            self.timer_label.setText("")
            return
        seconds = int(left.total_seconds())
        self.timer_label.setText(
            fmt(
                self.tr("Time left: %1"),
                f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}",
            )
        )
        warning = left <= WARNING_AT
        if self.timer_label.property("warning") != warning:
            self.timer_label.setProperty("warning", warning)
            self.timer_label.style().unpolish(self.timer_label)
            self.timer_label.style().polish(self.timer_label)
        if warning and not self._warned and seconds > 0:
            self._warned = True
            self.banner.setText(
                self.tr(
                    "Five minutes left. Unanswered questions score nothing; "
                    "your answers are submitted when time runs out."
                )
            )
            self.banner.show()
        if left <= LAST_CALL and not self.session.finished:
            self._flush_typing()
        if seconds <= 0 and not self.session.finished:
            self._time_up()

    def prepare_close(self) -> None:
        """Closing the window: answers are saved; record time on the current question."""
        if not self.session.finished:
            self.session.visit(self.session.current)
