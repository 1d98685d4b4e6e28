"""The main window: one screen at a time, menus for language, text size and staff work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from trainer.access import Role
from trainer.errors import TrainerError
from trainer.storage import settings
from trainer.storage.trainees import Trainee
from trainer.ui import dialogs, i18n, staff
from trainer.ui.auth import StaffGate
from trainer.ui.i18n import fmt
from trainer.ui.screens.home import HomeScreen
from trainer.ui.theme import ZOOM_STEPS, Theme
from trainer.workspace import Workspace

# Screens past the first one, and the engine, load when first needed: start-up
# only builds the home screen.
if TYPE_CHECKING:
    from trainer.banks.model import Bank, Module
    from trainer.quiz.behaviours import Behaviour
    from trainer.quiz.session import QuizSession
    from trainer.storage.certificates import CertificateRecord
    from trainer.storage.sessions import Phase, TrainingSession


def focus_first(screen: QWidget) -> None:
    """Give the keyboard focus to the first control a Tab would reach."""
    widget = screen.nextInFocusChain()
    for _ in range(500):
        if widget is None or widget is screen:
            return
        if (
            screen.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isEnabled()
            and widget.isVisibleTo(screen)
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


class MainWindow(QMainWindow):
    """Hosts the screens; rebuilds them when the interface language changes."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        language: str = "en",
        central_url: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language if language in i18n.INTERFACE_LANGUAGES else "en"
        self.trainee: Trainee | None = None
        self.session: QuizSession | None = None
        self.certificate: CertificateRecord | None = None
        self._screen_builder: Callable[[], QWidget] = self._build_home
        self._exam_confirmed = False  # the exam's instructions were read and Start pressed
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.theme = Theme(app)
        self.theme.apply(
            zoom=settings.read(workspace.db, settings.UI_ZOOM),
            high_contrast=settings.read(workspace.db, settings.UI_HIGH_CONTRAST),
        )
        i18n.install(self.language)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        # The central database: "Synced 2 min ago" and Sync now (hidden when not joined).
        from trainer.ui.sync_status import SyncStatusWidget

        self.sync_status = SyncStatusWidget(workspace, url=central_url)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.resize(1100, 760)
        # Staff sign-in, role checks and sign-out (trainer/ui/auth.py).
        self.staff_gate = StaffGate(self)
        self.staff_gate.signed_in.connect(lambda _name: self._update_staff_actions())
        # A coordinator's first sign-in offers the tour, once the screen asked for is shown.
        self.staff_gate.signed_in.connect(lambda _name: QTimer.singleShot(0, self._offer_tour))
        self.staff_gate.signed_out.connect(lambda _reason: self._update_staff_actions())
        self._build_menus()
        self._retranslate_window()
        self._show(self._build_home)

    # -- chrome -------------------------------------------------------------------
    def _retranslate_window(self) -> None:
        self.setWindowTitle(self.tr("TiP Trainer — anti-trafficking training"))
        self._update_status()

    def _update_status(self) -> None:
        if self.trainee is None:
            self.status_label.setText(self.tr("No trainee selected"))
        else:
            self.status_label.setText(fmt(self.tr("Trainee: %1"), self.trainee.name))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        home = QAction(self.tr("&Home"), self)
        home.setShortcut(QKeySequence("Ctrl+Home"))
        home.triggered.connect(self._on_home)
        file_menu.addAction(home)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view = bar.addMenu(self.tr("&View"))
        lang_menu = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in i18n.INTERFACE_LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.language)
            action.setData(code)
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            group.addAction(action)
            lang_menu.addAction(action)
        bigger = QAction(self.tr("&Larger text"), self)
        bigger.setShortcut(QKeySequence.StandardKey.ZoomIn)
        bigger.triggered.connect(lambda: self.set_zoom(self._next_zoom(+1)))
        smaller = QAction(self.tr("&Smaller text"), self)
        smaller.setShortcut(QKeySequence.StandardKey.ZoomOut)
        smaller.triggered.connect(lambda: self.set_zoom(self._next_zoom(-1)))
        reset = QAction(self.tr("&Normal text size"), self)
        reset.setShortcut(QKeySequence("Ctrl+0"))
        reset.triggered.connect(lambda: self.set_zoom(100))
        contrast = QAction(self.tr("&High contrast"), self, checkable=True)
        contrast.setChecked(self.theme.high_contrast)
        contrast.triggered.connect(self.set_high_contrast)
        for action in (bigger, smaller, reset):
            view.addAction(action)
        view.addSeparator()
        view.addAction(contrast)

        entries = staff.entries()
        self.staff_actions: dict[str, QAction] = {}
        if entries:
            staff_menu = bar.addMenu(self.tr("&Staff"))
            for entry in entries:
                action = QAction(entry.title(), self)
                action.setData(entry.role.value)
                action.triggered.connect(lambda _c=False, e=entry: self.open_staff(e))
                staff_menu.addAction(action)
                self.staff_actions[entry.key] = action
            self.staff_gate.add_menu_actions(staff_menu)
        self._update_staff_actions()

        help_menu = bar.addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self._on_guide)
        help_menu.addAction(guide)
        tour_action = QAction(self.tr("Coordinator &tour"), self)
        tour_action.triggered.connect(self._on_tour)
        help_menu.addAction(tour_action)
        about = QAction(self.tr("&About TiP Trainer"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def _update_staff_actions(self) -> None:
        """Entries the signed-in role cannot use are disabled, not refused once chosen."""
        for action in self.staff_actions.values():
            action.setEnabled(self.staff_gate.may_open(Role(str(action.data()))))

    def _next_zoom(self, step: int) -> int:
        steps = list(ZOOM_STEPS)
        current = min(steps, key=lambda z: abs(z - self.theme.zoom))
        index = max(0, min(len(steps) - 1, steps.index(current) + step))
        return steps[index]

    # -- settings ----------------------------------------------------------------
    def set_language(self, language: str) -> None:
        if language not in i18n.INTERFACE_LANGUAGES:
            return
        self.language = language
        i18n.install(language)
        settings.write(self.workspace.db, settings.UI_LANGUAGE, language)
        self._build_menus()
        self._retranslate_window()
        self._show(self._screen_builder)

    def set_zoom(self, zoom: int) -> None:
        self.theme.apply(zoom=zoom)
        settings.write(self.workspace.db, settings.UI_ZOOM, self.theme.zoom)

    def set_high_contrast(self, on: bool) -> None:
        self.theme.apply(high_contrast=on)
        settings.write(self.workspace.db, settings.UI_HIGH_CONTRAST, on)

    # -- screens ------------------------------------------------------------------
    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _show(self, builder: Callable[[], QWidget]) -> QWidget:
        """Build a screen and make it the only one (screens are cheap and rebuilt)."""
        self._screen_builder = builder
        screen = builder()
        while (old := self.stack.widget(0)) is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        self._update_status()
        self.staff_gate.screen_shown(screen)
        # A screen may say where work starts (the first answer, not the navigator).
        initial = getattr(screen, "initial_focus", None)
        target = initial() if callable(initial) else None
        if isinstance(target, QWidget):
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        elif screen.focusWidget() is None or not screen.isAncestorOf(screen.focusWidget()):
            focus_first(screen)
        return screen

    def _build_home(self) -> QWidget:
        from trainer.certificates.settings import default_logo, load_settings

        settings = load_settings(self.workspace)
        screen = HomeScreen(
            self.workspace.trainees,
            institution=settings.institution,
            logo=settings.logo or default_logo(),
        )
        screen.trainee_chosen.connect(self.choose_trainee)
        return screen

    def choose_trainee(self, trainee: Trainee) -> None:
        """Open the trainee's modules, first offering an attempt left unfinished."""
        from trainer.ui.screens.quiz import offer_unfinished

        self.trainee = trainee
        offered = offer_unfinished(self, self.workspace, trainee, self.language)
        if offered.session is not None:
            self.show_quiz(offered.session)
        else:
            self.show_modules()

    def show_home(self) -> None:
        self.trainee = None
        self.session = None
        self._show(self._build_home)

    def show_modules(self) -> None:
        if self.trainee is None:
            self.show_home()
            return
        self.session = None
        self._show(self._build_modules)

    def _build_modules(self) -> QWidget:
        from trainer.ui.screens.modules import ModulesScreen

        assert self.trainee is not None
        screen = ModulesScreen(self.workspace, self.trainee, self.language)
        screen.start_requested.connect(self.start_quiz)
        screen.session_test_requested.connect(self.start_session_test)
        screen.history_requested.connect(self.show_history)
        screen.switch_requested.connect(self.show_home)
        return screen

    def start_quiz(
        self,
        bank: Bank,
        module: Module,
        behaviour: Behaviour,
        question_ids: list[str] | None = None,
    ) -> None:
        from trainer.quiz.behaviours import Behaviour

        if behaviour is Behaviour.EXAM and not self._exam_confirmed:
            self._show(lambda: self._build_exam_start(bank, module))
            return
        self._exam_confirmed = False
        self._begin_quiz(bank, module, behaviour, question_ids)

    def _build_exam_start(self, bank: Bank, module: Module) -> QWidget:
        from trainer.quiz.behaviours import Behaviour
        from trainer.ui.screens.exam_start import ExamStartScreen

        screen = ExamStartScreen(bank, module, self.language)

        def start() -> None:
            self._exam_confirmed = True
            self.start_quiz(bank, module, Behaviour.EXAM)

        screen.start_requested.connect(start)
        screen.back_requested.connect(self.show_modules)
        return screen

    def _begin_quiz(
        self,
        bank: Bank,
        module: Module,
        behaviour: Behaviour,
        question_ids: list[str] | None,
    ) -> None:
        from trainer.ui.screens.quiz import start_session

        assert self.trainee is not None
        try:
            session = start_session(
                self,
                self.workspace,
                self.trainee,
                bank,
                module,
                behaviour,
                self.language,
                question_ids,
            )
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        if session is not None:
            self.show_quiz(session)

    def start_session_test(self, training: TrainingSession, phase: Phase) -> None:
        """A participant takes their training session's pre-test or post-test."""
        from trainer.sessions import service
        from trainer.ui.screens.quiz import offer_unfinished

        assert self.trainee is not None
        offered = offer_unfinished(self, self.workspace, self.trainee, self.language)
        if offered.session is not None:
            self.show_quiz(offered.session)
            return
        if offered.kept_open:
            return
        try:
            session = service.start_test(
                self.workspace, training, self.trainee, phase, self.language
            )
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self.show_quiz(session)

    def show_quiz(self, session: QuizSession) -> None:
        self.session = session
        self._show(self._build_quiz)

    def _build_quiz(self) -> QWidget:
        from trainer.ui.screens.quiz import QuizScreen

        assert self.session is not None
        screen = QuizScreen(self.session, self.language)
        screen.finished.connect(self.show_result)
        screen.left.connect(self.show_modules)
        return screen

    def show_result(self, session: QuizSession) -> None:
        self.session = session
        self.certificate = self._certify(session)
        self._show(self._build_result)

    def _certify(self, session: QuizSession) -> CertificateRecord | None:
        """A passed exam is certified at once (recorded in the register, idempotent)."""
        from trainer.certificates import issuing

        try:
            return issuing.certificate_for_pass(self.workspace, session)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return None

    def save_certificate(self) -> None:
        """The trainee saves their certificate as a PDF, in the interface language."""
        from trainer.certificates import register
        from trainer.ui.screens.result import choose_certificate_path

        if self.certificate is None:
            return
        path = choose_certificate_path(self, self.certificate.number)
        if path is None:
            return
        try:
            register.render_own_pdf(self.workspace, self.certificate, path, self.language)
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        dialogs.show_info(
            self,
            self.tr("Certificate saved"),
            fmt(self.tr("Your certificate %1 was saved to:\n%2"), self.certificate.number, path),
        )

    def _build_result(self) -> QWidget:
        from trainer.sessions.service import phase_of_attempt
        from trainer.storage.sessions import Phase
        from trainer.ui.screens.result import ResultScreen

        assert self.session is not None
        if phase_of_attempt(self.workspace, self.session.attempt_id) is Phase.PRE:
            from trainer.ui.screens.sessions import PreTestDoneScreen

            done = PreTestDoneScreen()
            done.back_requested.connect(self.show_modules)
            return done
        screen = ResultScreen(self.session, self.language, certificate=self.certificate)
        screen.back_requested.connect(self.show_modules)
        screen.certificate_requested.connect(self.save_certificate)
        screen.retry_wrong_requested.connect(self._retry_wrong)
        return screen

    def _retry_wrong(self, session: QuizSession) -> None:
        from trainer.quiz.behaviours import Behaviour

        try:
            bank = self.workspace.catalog.bank(session.bank_id)
            module = bank.module(session.module.id)
        except KeyError:
            dialogs.show_error(self, TrainerError(self.tr("This module is no longer available.")))
            return
        self.start_quiz(bank, module, Behaviour.PRACTICE, session.wrong_question_ids())

    def show_history(self) -> None:
        self.session = None
        self._show(self._build_history)

    def _build_history(self) -> QWidget:
        from trainer.ui.screens.history import HistoryScreen

        assert self.trainee is not None
        screen = HistoryScreen(self.workspace, self.trainee, self.language)
        screen.back_requested.connect(self.show_modules)
        screen.review_requested.connect(self._review_attempt)
        return screen

    def _review_attempt(self, attempt_id: int) -> None:
        session = self.workspace.attempts.load_session(attempt_id)
        if session.finished:
            self.show_result(session)  # a passed exam shows its certificate again
        else:
            self.show_quiz(session)

    # -- staff ---------------------------------------------------------------------
    def _quiz_in_progress(self) -> bool:
        """Staff tools wait until the quiz on screen is finished or left (says so)."""
        if self.session is not None and not self.session.finished:
            dialogs.show_info(
                self,
                self.tr("Quiz in progress"),
                self.tr("Finish or leave the quiz before opening staff tools."),
            )
            return True
        return False

    def open_staff(self, entry: staff.StaffEntry) -> None:
        if self._quiz_in_progress():
            return
        if not self.staff_gate.admit(entry.role):
            return
        self._show(lambda: self.staff_gate.mark(entry.build(self)))

    # -- events -------------------------------------------------------------------
    def _on_home(self) -> None:
        if self.trainee is not None:
            self.show_modules()
        else:
            self.show_home()

    def _on_guide(self) -> None:
        from trainer.ui import guide

        guide.show_guide(self, self.language)

    def _offer_tour(self) -> None:
        from trainer.ui import tour

        tour.offer_on_sign_in(self)

    def _on_tour(self) -> None:
        from trainer.ui import tour

        if self._quiz_in_progress():
            return
        if self.staff_gate.admit(Role.COORDINATOR):
            tour.start(self)

    def _on_about(self) -> None:
        from trainer.ui import about

        about.show_about(self, self.workspace)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every answer is already committed; nothing to save here.
        self.sync_status.stop()
        screen = self.current_screen()
        closer = getattr(screen, "prepare_close", None)
        if callable(closer):
            closer()
        event.accept()
