"""The Sessions screen and the participant's session tests, driven through the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.sessions.conftest import draft
from trainer.quiz.questions import correct_response
from trainer.sessions import service
from trainer.sessions.participants import ParticipantList
from trainer.storage.sessions import Phase
from trainer.ui import staff
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import quiz as quiz_screen
from trainer.ui.screens import sessions as sessions_screen
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.modules import ModulesScreen
from trainer.ui.screens.quiz import QuizScreen
from trainer.ui.screens.result import ResultScreen
from trainer.ui.screens.sessions import PreTestDoneScreen, SessionsScreen
from trainer.workspace import Workspace

from .helpers import answer_with_widgets

GOOD_AND_BAD = (
    "nom,matricule,institution,fonction,sexe,province\n"
    "Jean Ndayishimiye,PN-001,police,Brigadier,M,Gitega\n"
    "Claudine Irakoze,PN-002,parquet,Substitut,F,Ngozi\n"
    "Eric Hakizimana,PN-001,police,Agent,M,Burunga\n"
    "Alice Kaneza,PN-004,police,Agent,F,Bujumbura\n"
)


@pytest.fixture
def window(
    qtbot: QtBot, signed_in_coordinator: Workspace, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    monkeypatch.setattr(quiz_screen, "confirm_finish", lambda *a: True)
    w = MainWindow(signed_in_coordinator, language="en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _open_sessions(window: MainWindow) -> SessionsScreen:
    entry = next(e for e in staff.entries() if e.key == "sessions")
    window.open_staff(entry)
    screen = window.current_screen()
    assert isinstance(screen, SessionsScreen)
    return screen


def test_a_trainer_runs_a_session_from_the_screens(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = window.workspace
    screen = _open_sessions(window)
    monkeypatch.setattr(sessions_screen, "edit_session", lambda *a: draft())
    screen.new_button.click()
    assert screen.table.rowCount() == 1 and screen.day.count() == 3

    # A list with two bad rows: nothing is imported unless the good rows are chosen.
    listing = tmp_path / "participants.csv"
    listing.write_text(GOOD_AND_BAD, encoding="utf-8")
    monkeypatch.setattr(sessions_screen, "choose_open_file", lambda *a: listing)
    asked: list[int] = []

    def refuse(_parent: object, found: ParticipantList) -> bool:
        asked.append(len(found.errors))
        return False

    monkeypatch.setattr(sessions_screen, "ask_import_good_rows", refuse)
    screen.import_button.click()
    assert asked == [2] and screen.participants.rowCount() == 0
    assert "Nothing imported" in screen.status.text()
    monkeypatch.setattr(sessions_screen, "ask_import_good_rows", lambda *a: True)
    screen.import_button.click()
    assert screen.participants.rowCount() == 2
    assert "2 enrolled" in screen.status.text()

    # Attendance of the first day, and its sign-in sheet.
    item = screen.participants.item(0, 0)
    assert item is not None
    item.setCheckState(item.checkState().Checked)
    screen.save_button.click()
    assert "1 present" in screen.status.text()
    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(sessions_screen, "choose_save_file", lambda *a: sheet)
    screen.sheet_button.click()
    assert sheet.read_bytes().startswith(b"%PDF")

    # The pre-test opens; a participant finds it on their modules screen and takes it.
    screen.pre_button.click()
    training = service.list_sessions(ws)[0]
    assert training.open_test is Phase.PRE
    jean = ws.trainees.by_service_number("PN-001")
    assert jean is not None
    window.choose_trainee(jean)
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen) and len(modules.session_test_buttons) == 1
    modules.session_test_buttons[0].click()
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    with qtbot.waitSignal(quiz.finished):
        quiz.finish_button.click()
    done = window.current_screen()
    assert isinstance(done, PreTestDoneScreen)  # no score, no answers
    done.back_button.click()

    # The post-test: same questions; all right earns the certificate of competence.
    screen = _open_sessions(window)  # the trainer signs in again to open it
    screen.post_button.click()
    window.choose_trainee(jean)
    modules = window.current_screen()
    assert isinstance(modules, ModulesScreen)
    modules.session_test_buttons[0].click()
    quiz = window.current_screen()
    assert isinstance(quiz, QuizScreen)
    for slot in quiz.session.slots:
        assert quiz.input is not None
        answer_with_widgets(quiz.input, correct_response(slot.question))
        quiz.next_button.click()
    with qtbot.waitSignal(quiz.finished):
        quiz.finish_button.click()
    result = window.current_screen()
    assert isinstance(result, ResultScreen) and window.certificate is not None

    # Back in the staff area: report as PDF and XLSX.
    screen = _open_sessions(window)
    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    monkeypatch.setattr(sessions_screen, "choose_save_file", lambda *a: pdf)
    screen.pdf_button.click()
    monkeypatch.setattr(sessions_screen, "choose_save_file", lambda *a: xlsx)
    screen.xlsx_button.click()
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    screen.certify_button.click()
    assert "0 certificates of attendance" in screen.status.text()  # 1 day of 3 only

    # Deleting asks, names the attempts kept, and keeps them.
    confirmed: list[int] = []

    def confirm(_parent: object, _session: object, attempts: int) -> bool:
        confirmed.append(attempts)
        return True

    monkeypatch.setattr(sessions_screen, "confirm_delete", confirm)
    screen.delete_button.click()
    assert confirmed == [2] and screen.table.rowCount() == 0
    assert len(ws.attempts.for_trainee(jean.id)) == 2


def test_the_profile_form_asks_gender_province_and_function(window: MainWindow) -> None:
    window.show_home()
    home = window.current_screen()
    assert isinstance(home, HomeScreen)
    home.name.setText("Alice Kaneza")
    home.gender.setCurrentIndex(home.gender.findData("female"))
    home.province.setCurrentIndex(home.province.findData("Butanyerera"))
    home.function.setText("Inspectrice")
    home.create_button.click()
    trainee = window.trainee
    assert trainee is not None
    assert (trainee.gender, trainee.province, trainee.function) == (
        "female",
        "Butanyerera",
        "Inspectrice",
    )
    for widget in (home.gender, home.province, home.function):
        assert widget.accessibleName()


def test_report_figures_follow_the_interface_language(qapp: object) -> None:
    """The session report writes 72,5 % in French, as every other screen and report does."""
    from trainer.ui import i18n
    from trainer.ui.session_documents import _number, _section

    try:
        i18n.install("fr")
        assert (_number(72.5), _number(0.456, 2), _number(None)) == ("72,5", "0,46", "—")
        assert "72,5" in _section("Scores", ["Pre %"], [[_number(72.5)]])
    finally:
        i18n.install("en")
    assert _number(72.5) == "72.5"
