"""Hostile input at the screens: names refused as they are typed, verification off the UI
thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.certificates.factory import passed
from trainer.access import Role, StaffSession
from trainer.banks.model import Bank
from trainer.certificates import issuing, register, verification
from trainer.ui.screens import verify as verify_module
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.verify import VerifyScreen
from trainer.workspace import Workspace


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("张伟", "cannot print these characters: 张伟"),
        ("محمد", "right-to-left"),
        ("\u200b\u200b", "control or invisible characters: \\u200b"),
        ("Aline\x1bNiyonzima", "\\x1b"),
        ("12345", "no letter"),
    ],
)
def test_the_profile_form_says_at_once_why_a_name_cannot_be_used(
    qtbot: QtBot, workspace: Workspace, typed: str, words: str
) -> None:
    screen = HomeScreen(workspace.trainees)
    qtbot.add_widget(screen)
    screen.show()
    screen.name.setText(typed)
    assert screen.name_problem.isVisible()
    assert words in screen.name_problem.text()
    assert not screen.create_button.isEnabled()
    screen.name.setText("Aline Niyonzima")
    assert not screen.name_problem.isVisible() and screen.create_button.isEnabled()
    screen.service_number.setText("PNB\x00-7")
    assert screen.name_problem.isVisible() and not screen.create_button.isEnabled()
    screen.service_number.setText("PNB-7")
    with qtbot.waitSignal(screen.trainee_chosen) as chosen:
        screen.create_button.click()
    assert chosen.args[0].name == "Aline Niyonzima"


def test_the_verify_screen_reads_pdfs_and_codes_off_the_ui_thread(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    sample_bank: Bank,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace.sign_in(StaffSession("Coordinator", Role.COORDINATOR, timeout=0))
    _, attempt = passed(workspace, sample_bank)
    record = issuing.issue_for_attempt(workspace, attempt)
    assert record is not None
    pdf_path = register.render_pdf(workspace, record, tmp_path / "c.pdf", "en")
    threads: dict[str, threading.Thread] = {}
    read_pdf, read_code = verification.read_pdf, verification.read_code

    def spy_pdf(path: Path) -> tuple[str | None, str]:
        threads["pdf"] = threading.current_thread()
        return read_pdf(path)

    def spy_code(text: str) -> object:
        if len(text) > 1000:  # the code pasted in the box (a PDF's code is checked after)
            threads["typed"] = threading.current_thread()
        return read_code(text)

    monkeypatch.setattr(verification, "read_pdf", spy_pdf)
    monkeypatch.setattr(verification, "read_code", spy_code)
    screen = VerifyScreen(workspace, "en")
    qtbot.add_widget(screen)
    monkeypatch.setattr(verify_module, "ask_file", lambda _p: pdf_path)
    with qtbot.waitSignal(screen.verified) as blocker:
        screen.open_button.click()
    assert blocker.args[0].valid
    screen.code_edit.setPlainText("TIP1:" + "7" * 1_000_000)
    with qtbot.waitSignal(screen.verified) as blocker:
        screen.verify_button.click()
    assert not blocker.args[0].valid
    assert "NOT VALID" in screen.verdict_label.text()
    assert set(threads) == {"pdf", "typed"}
    assert all(t is not threading.main_thread() for t in threads.values())
