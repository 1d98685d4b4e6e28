"""Interface tests read English as a user does: with its plural forms installed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from trainer.ui import i18n


@pytest.fixture(scope="session", autouse=True)
def english_interface(qapp: QApplication) -> Iterator[None]:
    assert i18n.install("en")
    yield
