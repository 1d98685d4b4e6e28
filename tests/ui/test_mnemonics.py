"""No Alt+letter means two things in one window, in any interface language."""

from __future__ import annotations

import itertools

import pytest
from pytestqt.qtbot import QtBot

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
