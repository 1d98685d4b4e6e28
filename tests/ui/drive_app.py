"""Run the real app in a process, answer part of a timed exam, then wait to be killed.

Used by test_crash_recovery: it prints one line per action only after the
screen has shown it as saved, so whatever it printed must survive a SIGKILL.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from tests.ui.helpers import answer_with_widgets, start_exam
from trainer.quiz.questions import correct_response
from trainer.storage.trainees import Institution
from trainer.ui.app import create_application
from trainer.ui.main_window import MainWindow
from trainer.ui.screens.quiz import QuizScreen
from trainer.workspace import Workspace


def main(data_dir: str, banks: str, answers: int) -> None:
    app = create_application()
    workspace = Workspace(data_dir, shipped_banks=Path(banks))
    window = MainWindow(workspace, language="en")
    window.show()
    trainee = workspace.trainees.create("Crash Test", Institution.POLICE)
    window.choose_trainee(trainee)
    bank = workspace.catalog.bank("sample")
    start_exam(window, bank, bank.modules[0])
    screen = window.current_screen()
    assert isinstance(screen, QuizScreen)
    print(f"ATTEMPT {screen.session.attempt_id}", flush=True)
    for index in range(answers):
        screen.go_to(index)
        assert screen.input is not None
        answer_with_widgets(screen.input, correct_response(screen.session.slots[index].question))
        assert screen.saved_label.text().startswith("✓")
        print(f"ANSWERED {index}", flush=True)
    screen.flag_button.click()
    print(f"FLAGGED {screen.session.current}", flush=True)
    QTimer.singleShot(0, lambda: print("READY", flush=True))
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
