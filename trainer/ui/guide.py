"""The user guide, offline, in the interface language (Help → User guide, F1)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from trainer.paths import assets_dir

MAX_GUIDE_BYTES = 512 * 1024


def guide_html(language: str) -> str:
    """The guide shipped in assets/guide/ for ``language`` (English when there is none)."""
    folder = assets_dir() / "guide"
    path = folder / f"guide-{language}.html"
    if not path.is_file():
        path = folder / "guide-en.html"
    with path.open("rb") as fh:
        return fh.read(MAX_GUIDE_BYTES).decode("utf-8", errors="replace")


class GuideDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("TiP Trainer user guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setHtml(guide_html(language))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close the guide"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)


def show_guide(parent: QWidget | None, language: str) -> None:
    GuideDialog(language, parent).exec()
