"""Every screen of the main window, reached the way a user reaches it, for checks that
must hold on all of them (mnemonics, width at large text)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from trainer.quiz.behaviours import Behaviour
from trainer.storage.trainees import Institution
from trainer.ui import staff
from trainer.ui.main_window import MainWindow

# One practice question of each kind in the sample bank, then the same module as an exam.
KIND_QUESTIONS = ("q-child", "q-means", "q-border", "q-elements", "q-steps", "q-case")


def trainee_screens(window: MainWindow) -> Iterator[str]:
    """Show each trainee screen in turn; yields its name once it is the current screen."""
    yield "home"
    trainee = window.workspace.trainees.create("Ange Ndayishimiye", Institution.POLICE, "P-1")
    window.trainee = trainee
    window.show_modules()
    yield "modules"
    summary, module = window.workspace.catalog.modules(None)[0]
    bank = window.workspace.catalog.bank(summary.id)
    for qid in KIND_QUESTIONS:
        window.start_quiz(bank, module, Behaviour.PRACTICE, [qid])
        yield f"practice {qid}"
        screen = window.current_screen()
        assert screen is not None
        screen.finish()  # type: ignore[attr-defined]
        yield f"practice result {qid}"
    window.start_quiz(bank, module, Behaviour.EXAM)
    yield "exam start"
    window.current_screen().start_button.click()  # type: ignore[union-attr]
    yield "exam"
    screen = window.current_screen()
    assert screen is not None
    screen.finish()  # type: ignore[attr-defined]
    yield "exam result"
    window.show_history()
    yield "history"
    window.show_modules()


def staff_screens(window: MainWindow) -> Iterator[str]:
    for entry in staff.entries():
        window.open_staff(entry)
        yield entry.key


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' (an '&&' is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter the window reacts to: the menu bar's titles and
    the visible buttons, labels with a buddy, check-box group titles and tabs."""
    found: list[tuple[str, str]] = []
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible() and (m := mnemonic(action.text())):
                found.append((m, action.text()))
    for w in window.findChildren(QWidget):
        if w.window() is not window or not w.isVisibleTo(window):
            continue
        texts: list[str] = []
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            texts.append(w.text())
        elif isinstance(w, QGroupBox) and w.isCheckable():
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()))
        for text in texts:
            if m := mnemonic(text):
                found.append((m, text))
    return found


def clashes(window: QWidget) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in mnemonics(window):
        by_letter.setdefault(letter, []).append(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}
