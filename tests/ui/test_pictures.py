"""Pictures on screen: scaled to the page, larger with the text, zoomed by keyboard in a
dialog, described by their alt text, and shown in the trainer's preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tests.picture_files import png, svg, write_bank
from trainer.banks.loader import load_bank
from trainer.banks.model import Picture, SingleChoice
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.session import QuizSession
from trainer.storage.trainees import Institution
from trainer.ui import theme
from trainer.ui.screens.bank_library import BankLibraryScreen
from trainer.ui.screens.quiz import QuizScreen
from trainer.ui.widgets import picture as picture_module
from trainer.ui.widgets.picture import PictureView, PictureZoomDialog, load_image
from trainer.ui.widgets.question_views import SingleChoiceInput
from trainer.workspace import Workspace

from .helpers import tab_to


@pytest.fixture
def picture(tmp_path: Path) -> Picture:
    bank = load_bank(write_bank(tmp_path, pictures={"advert.png": png(200, 100), "pay.svg": svg()}))
    image = bank.questions[0].image
    assert image is not None
    return image


@pytest.fixture
def zoom_reset() -> object:
    yield None
    theme._zoom = 100


def test_a_picture_fits_the_width_and_says_what_it_shows(qtbot: QtBot, picture: Picture) -> None:
    view = PictureView(picture, "fr")
    qtbot.addWidget(view)
    view.resize(160, 300)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.label.pixmap().width() == 160)
    assert view.label.pixmap().height() == 80  # the proportions kept
    assert view.label.accessibleDescription().startswith("Une annonce promettant")
    assert view.zoom_button.accessibleDescription() == view.label.accessibleDescription()
    view.resize(600, 300)
    qtbot.waitUntil(lambda: view.label.pixmap().width() == 200)  # never wider than its own size


def test_at_200_percent_text_a_picture_is_drawn_twice_as_large(
    qtbot: QtBot, picture: Picture, zoom_reset: object
) -> None:
    theme._zoom = 200
    view = PictureView(picture, "en")
    qtbot.addWidget(view)
    assert view.shown_size(1000).width() == 400
    assert view.shown_size(300).width() == 300


def test_a_picture_on_screen_grows_when_the_text_size_changes(
    qtbot: QtBot, picture: Picture, zoom_reset: object
) -> None:
    view = PictureView(picture, "en")
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.label.pixmap().width() == 200)
    theme._zoom = 200
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)  # what the theme does to every widget
    qtbot.waitUntil(lambda: view.label.pixmap().width() == 400)


def test_the_zoom_dialog_opens_by_keyboard_and_zooms_with_ctrl_equals(
    qtbot: QtBot, picture: Picture, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QDialog] = []
    monkeypatch.setattr(picture_module, "show_zoom", opened.append)
    view = PictureView(picture, "en")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_button.setFocus()
    QTest.keyClick(view.zoom_button, Qt.Key.Key_Space)
    [dialog] = opened
    assert isinstance(dialog, PictureZoomDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.scroll_area)
    assert dialog.view.pixmap().width() == 200
    QTest.keyClick(dialog, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom == 150 and dialog.view.pixmap().width() == 300
    QTest.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom == 75 and dialog.level.text() == "75 %"
    QTest.keyClick(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom == 100
    assert dialog.scroll_area.accessibleDescription().startswith("A job advert")
    for _ in range(10):
        dialog.step(+1)
    assert dialog.zoom == 400 and not dialog.zoom_in.isEnabled()
    dialog.resize(300, 300)
    bar = dialog.scroll_area.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    QTest.keyClick(dialog.scroll_area, Qt.Key.Key_Right)
    assert bar.value() > 0  # arrows scroll the enlarged picture
    QTest.keyClick(dialog.scroll_area, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_svg_is_drawn(qtbot: QtBot, picture: Picture) -> None:
    assert picture.path is not None
    svg_picture = Picture(
        "pay.svg", picture.alt, "svg", 40, 20, "", picture.path.with_name("pay.svg")
    )
    image = load_image(svg_picture)
    assert image is not None and (image.width(), image.height()) == (80, 40)  # drawn at 2×
    assert image.pixelColor(40, 20).name() == "#cc3333"
    assert picture_module.natural_size(svg_picture, image).width() == 40


def test_a_missing_or_changed_picture_shows_its_alt_text_instead(
    qtbot: QtBot, picture: Picture
) -> None:
    assert picture.path is not None
    picture.path.write_bytes(png(200, 101))  # not the file the bank was checked with
    view = PictureView(picture, "en")
    qtbot.addWidget(view)
    assert view.image is None
    assert view.label.text() == "[Picture not available: A job advert promising high pay abroad]"
    assert not view.zoom_button.isEnabled()
    picture.path.write_bytes(b"PK\x03\x04 a zip now")
    assert load_image(picture) is None
    picture.path.unlink()
    assert load_image(picture) is None


def test_the_quiz_shows_question_and_option_pictures_and_keeps_zoom_usable(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    workspace.library().import_bank(write_bank(tmp_path / "incoming"))
    bank = workspace.reload_catalog().bank("pictures")
    trainee = workspace.trainees.create("Pictures", Institution.POLICE)
    session = QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.PRACTICE,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
        seed=3,
    )
    screen = QuizScreen(session, "en")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert screen.picture is not None and screen.picture.image is not None
    assert screen.input is not None
    views = screen.input.findChildren(PictureView)
    assert len(views) == 1 and views[0].image is not None  # the option's picture (an SVG)
    question = bank.questions[0]
    assert isinstance(question, SingleChoice)
    assert isinstance(screen.input, SingleChoiceInput)
    button = screen.input.buttons["a"]
    assert button.accessibleDescription() == "The pay line of the advert"
    # Work starts at the answer, not at a picture's button; the pictures stay reachable.
    assert screen.initial_focus() is not views[0].zoom_button
    tab_to(screen.picture.zoom_button)
    tab_to(views[0].zoom_button)
    screen.input.set_read_only(True)
    assert views[0].zoom_button.isEnabled() and not button.isEnabled()


def test_the_bank_preview_shows_the_picture_and_its_alt_text(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    workspace.library().import_bank(write_bank(tmp_path / "incoming"))
    screen = BankLibraryScreen(workspace, "en")
    qtbot.addWidget(screen)
    row = next(
        r
        for r in range(screen.table.rowCount())
        if "Pictures" in screen.table.item(r, 1).text()  # type: ignore[union-attr]
    )
    screen.table.selectRow(row)
    qtbot.waitUntil(lambda: "Picture: A job advert" in screen.preview.toPlainText())
    text = screen.preview.toPlainText()
    assert "Picture: The pay line of the advert" in text
    html = screen.preview.toHtml()
    assert "picture:" in html
    bank = workspace.reload_catalog().bank("pictures")
    from trainer.ui.review import picture_url

    image = bank.questions[0].image
    assert image is not None
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    resource = screen.preview.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(picture_url(image))
    )
    assert resource is not None and not resource.isNull()


def test_the_result_review_shows_the_picture_and_its_alt_text(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from trainer.ui.screens.result import ResultScreen

    workspace.library().import_bank(write_bank(tmp_path / "incoming"))
    bank = workspace.reload_catalog().bank("pictures")
    trainee = workspace.trainees.create("Pictures", Institution.POLICE)
    session = QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.PRACTICE,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
        seed=3,
    )
    session.finish()
    screen = ResultScreen(session, "en")
    qtbot.addWidget(screen)
    assert "Picture: A job advert promising high pay abroad" in screen.details.toPlainText()
    assert "picture:" in screen.details.toHtml()


def test_the_import_screen_saves_a_draft_with_its_pictures(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import base64

    from trainer.ui.screens import formats

    source = tmp_path / "moodle.xml"
    source.write_text(
        '<?xml version="1.0"?><quiz><question type="truefalse"><name><text>Stamp</text></name>'
        '<questiontext format="html"><text><![CDATA[<p>Is the stamp genuine?</p>'
        '<img src="@@PLUGINFILE@@/stamp.png" alt="An entry stamp with a smudged date">]]></text>'
        f'<file name="stamp.png" encoding="base64">{base64.b64encode(png()).decode()}</file>'
        '</questiontext><answer fraction="0"><text>true</text></answer>'
        '<answer fraction="100"><text>false</text></answer></question></quiz>',
        "utf-8",
    )
    screen = formats.FormatsScreen(workspace, "en")
    qtbot.addWidget(screen)
    monkeypatch.setattr(formats, "choose_import_file", lambda _p: source)
    with qtbot.waitSignal(screen.imported):
        screen.choose_button.click()
    target = tmp_path / "drafts" / "stamp.yaml"
    monkeypatch.setattr(formats, "choose_save_file", lambda *_a: target)
    screen.save_button.click()
    assert (tmp_path / "drafts" / "stamp.pictures" / "stamp.png").read_bytes() == png()
    assert "file: stamp.png" in target.read_text("utf-8")
    assert "Its pictures are in the folder stamp.pictures beside it" in screen.summary.text()


def test_a_picture_decoded_once_is_remembered_until_its_file_changes(
    qtbot: QtBot, picture: Picture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    decoded: list[str] = []
    real = picture_module.load_image

    def spy(p: Picture, longest: int | None = None) -> object:
        decoded.append(p.file)
        return real(p, longest)

    monkeypatch.setattr(picture_module, "load_image", spy)
    for _ in range(3):
        view = PictureView(picture, "en")
        qtbot.addWidget(view)
        assert view.image is not None
    assert decoded == ["advert.png"]
    assert picture.path is not None
    picture.path.write_bytes(png(200, 101))
    os.utime(picture.path, ns=(1, 1))
    view = PictureView(picture, "en")
    qtbot.addWidget(view)
    assert view.image is None and decoded == ["advert.png", "advert.png"]
