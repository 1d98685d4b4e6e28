"""No Alt+letter means two things in one window, in any interface language."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import TEST_COORDINATOR
from trainer.storage.trainees import Institution
from trainer.ui import i18n
from trainer.ui.main_window import MainWindow
from trainer.ui.screens import quiz as quiz_screen
from trainer.workspace import Workspace

from .screens_tour import clashes, mnemonic, staff_screens, trainee_screens


def test_mnemonic_reads_the_letter_after_a_single_ampersand() -> None:
    assert mnemonic("&File") == "f"
    assert mnemonic("Finis&h…") == "h"
    assert mnemonic("Tom && Jerry") is None
    assert mnemonic("R&&D &plan") == "p"


@pytest.mark.parametrize("language", sorted(i18n.INTERFACE_LANGUAGES))
def test_no_mnemonic_clash_on_any_screen(
    qtbot: QtBot,
    signed_in_coordinator: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    monkeypatch.setattr(quiz_screen, "confirm_finish", lambda *a: True)
    window = MainWindow(signed_in_coordinator, language=language)
    qtbot.addWidget(window)
    window.show()
    found: dict[str, dict[str, list[str]]] = {}
    try:
        for name in itertools.chain(trainee_screens(window), staff_screens(window)):
            if clash := clashes(window):
                found[name] = clash
    finally:
        i18n.install("en")
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def _dialogs(workspace: Workspace, language: str) -> Iterator[tuple[str, QWidget]]:
    """Every dialog of the program, built as a user meets it."""
    from trainer.certificates.settings import load_settings
    from trainer.quiz.behaviours import Behaviour
    from trainer.quiz.session import QuizSession
    from trainer.ui import about, dialogs_auth, guide, startup
    from trainer.ui.screens import certificates, results, sessions

    yield "sign-in", dialogs_auth.SignInDialog(workspace)
    yield "setup", dialogs_auth.SetupDialog(workspace)
    yield "new account", dialogs_auth.AccountDialog()
    yield "reset password", dialogs_auth.AccountDialog("Trainer A")
    yield "new session", sessions.SessionDialog(workspace, language)
    yield "export results", results.ExportDialog()
    yield "certificate batch", certificates.BatchDialog()
    yield "certificate settings", certificates.CertificateSettingsDialog(load_settings(workspace))
    yield "programmes", certificates.ProgrammesDialog(workspace, language)
    yield "about", about.AboutDialog(workspace)
    yield "user guide", guide.GuideDialog(language)
    yield "restore a backup", startup.recover_box(None, "Restore", "Restore the backup?")
    summary, module = workspace.catalog.modules(None)[0]
    trainee = workspace.trainees.create("Ange Ndayishimiye", Institution.POLICE, "P-1")
    for behaviour in Behaviour:
        session = QuizSession.start(
            workspace.catalog.bank(summary.id),
            module,
            behaviour,
            trainee_id=trainee.id,
            language=language,
            recorder=workspace.attempts.recorder,
        )
        yield (
            f"unfinished {behaviour.value}",
            quiz_screen.UnfinishedAttemptBox(None, session, trainee.name, language),
        )


@pytest.mark.parametrize("language", sorted(i18n.INTERFACE_LANGUAGES))
def test_no_mnemonic_clash_in_any_dialog(
    qtbot: QtBot, signed_in_coordinator: Workspace, language: str
) -> None:
    from trainer import admin
    from trainer.ui import tour
    from trainer.ui.main_window import MainWindow

    admin.sign_in(signed_in_coordinator, *TEST_COORDINATOR)
    found: dict[str, dict[str, list[str]]] = {}
    seen = 0
    try:
        i18n.install(language)
        for name, dialog in _dialogs(signed_in_coordinator, language):
            qtbot.addWidget(dialog)
            seen += 1
            if clash := clashes(dialog):
                found[name] = clash
        window = MainWindow(signed_in_coordinator, language=language)
        qtbot.addWidget(window)
        admin.sign_in(signed_in_coordinator, *TEST_COORDINATOR)
        dialog = tour.TourDialog(window)
        qtbot.addWidget(dialog)
        for step in range(len(tour.STEPS)):
            dialog.go_to(step)
            if clash := clashes(dialog):
                found[f"tour step {step + 1}"] = clash
        dialog.reject()
    finally:
        i18n.install("en")
    assert seen >= 12
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())
