"""The certificate screens, driven through their widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.certificates.factory import passed
from tests.ui.helpers import settle
from trainer.access import Role, StaffSession
from trainer.banks.model import Bank
from trainer.certificates import document, issuing, register, verification
from trainer.certificates.batch import BatchResult
from trainer.certificates.settings import Signatory, load_settings
from trainer.errors import TrainerError
from trainer.storage.certificates import CertificateRecord
from trainer.ui import staff
from trainer.ui.screens import certificates as screen_module
from trainer.ui.screens import verify as verify_module
from trainer.ui.screens.certificates import CertificatesScreen
from trainer.ui.screens.verify import VerifyScreen
from trainer.workspace import Workspace


@pytest.fixture(autouse=True)
def _coordinator_signed_in(workspace: Workspace) -> None:
    """These screens are a coordinator's: a coordinator is signed in on the workspace."""
    workspace.sign_in(StaffSession("Test coordinator", Role.COORDINATOR, timeout=0))


@pytest.fixture
def issued(workspace: Workspace, sample_bank: Bank) -> list[CertificateRecord]:
    out = []
    for name in ("Aline Niyonzima", "Jean-Claude Hakizimana"):
        _, attempt = passed(workspace, sample_bank, name)
        record = issuing.issue_for_attempt(workspace, attempt)
        assert record is not None
        out.append(record)
    return out


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr("trainer.ui.dialogs.show_error", lambda _p, e: seen.append(str(e)))
    monkeypatch.setattr("trainer.ui.dialogs.show_info", lambda _p, _t, text: seen.append(text))
    return seen


def _cell(screen: CertificatesScreen, row: int, col: int) -> str:
    item = screen.table.item(row, col)
    assert item is not None
    return item.text()


def test_staff_menu_lists_the_certificate_screens() -> None:
    found = {e.key: e.role for e in staff.entries()}
    assert found["certificates"] == "coordinator"
    assert found["verify-certificate"] == "trainer"


def test_register_search_revoke_and_save(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    issued: list[CertificateRecord],
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    screen = CertificatesScreen(workspace, "en")
    qtbot.add_widget(screen)
    assert screen.table.rowCount() == 2
    screen.search.setText("jean")
    assert screen.table.rowCount() == 1
    assert _cell(screen, 0, 1) == "Jean-Claude Hakizimana"
    assert not screen.pdf_button.isEnabled()
    screen.table.selectRow(0)
    assert screen.pdf_button.isEnabled()

    target = tmp_path / "out" / "saved"
    target.parent.mkdir()
    monkeypatch.setattr(screen_module, "ask_save_file", lambda *_: target)
    with qtbot.waitSignal(screen.saved):
        screen.pdf_button.click()
    assert (tmp_path / "out" / "saved.pdf").is_file()
    assert verification.verify_pdf(workspace, tmp_path / "out" / "saved.pdf").valid

    monkeypatch.setattr(screen_module, "ask_reason", lambda *_: "duplicate record")
    screen.revoke_button.click()
    assert _cell(screen, 0, 5) == "Revoked"
    assert not screen.revoke_button.isEnabled()
    assert (
        verification.verify_code(workspace, issued[1].code).problem is document.CodeProblem.REVOKED
    )

    screen.status.setCurrentIndex(screen.status.findData("valid"))
    screen.search.clear()
    assert screen.table.rowCount() == 1
    assert errors == []


def test_keys_and_revocations_from_the_screen(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    issued: list[CertificateRecord],
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    screen = CertificatesScreen(workspace, "en")
    qtbot.add_widget(screen)
    monkeypatch.setattr(screen_module, "ask_save_file", lambda *_: tmp_path / "k.tip-key")
    screen.export_key_button.click()
    assert (tmp_path / "k.tip-key").is_file()
    monkeypatch.setattr(screen_module, "ask_save_file", lambda *_: tmp_path / "r.txt")
    screen.export_revocations_button.click()
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("TiP Trainer revocation")
    monkeypatch.setattr(screen_module, "ask_open_file", lambda *_: tmp_path / "r.txt")
    screen.import_revocations_button.click()
    assert errors[-1] == "0 new revocations recorded."
    (tmp_path / "bad.tip-key").write_text("nonsense", encoding="utf-8")
    monkeypatch.setattr(screen_module, "ask_open_file", lambda *_: tmp_path / "bad.tip-key")
    screen.import_key_button.click()
    assert "not a TiP Trainer public key file" in errors[-1]
    monkeypatch.setattr(screen_module, "ask_save_file", lambda *_: tmp_path / "reg.csv")
    with qtbot.waitSignal(screen.saved):
        screen.csv_button.click()
    assert (tmp_path / "reg.csv").read_text(encoding="utf-8-sig").count("\n") == 3


def test_settings_dialog_saves(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    screen = CertificatesScreen(workspace, "en")
    qtbot.add_widget(screen)

    def fill(dialog: screen_module.CertificateSettingsDialog) -> bool:
        dialog.institution.setText("Centre de formation judiciaire")
        dialog.signatories[0][0].setText("A. Director")
        dialog.signatories[0][1].setText("Director of Training")
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        return True

    monkeypatch.setattr(screen_module, "run_dialog", fill)
    screen.settings_button.click()
    settings = load_settings(workspace)
    assert settings.institution == "Centre de formation judiciaire"
    assert settings.signatories == (Signatory("A. Director", "Director of Training"),)
    assert screen.language_box.currentData() == "fr"


def test_settings_dialog_takes_a_scanned_signature_and_keeps_a_refused_one(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    screen = CertificatesScreen(workspace, "en")
    qtbot.add_widget(screen)
    good = tmp_path / "signature.png"
    good.write_bytes(b"\x89PNG picture")
    missing = tmp_path / "gone.png"
    shown: list[str] = []

    def fill(dialog: screen_module.CertificateSettingsDialog) -> bool:
        shown.append(dialog.signatures[0].text())
        if len(shown) == 1:
            dialog.signatories[0][0].setText("A. Director")
            monkeypatch.setattr(screen_module, "ask_open_file", lambda *_: missing)
            choose = [b for b in dialog.findChildren(QPushButton) if b.text() == "Signature…"]
            assert len(choose) == 3 and all(b.accessibleName() for b in choose)
            choose[0].click()
            return True
        if len(shown) == 2:  # the refused picture is still there to correct
            dialog.signatures[0].setText(str(good))
            return True
        return False

    monkeypatch.setattr(screen_module, "run_dialog", fill)
    screen.settings_button.click()
    assert shown == ["", str(missing)]
    assert len(errors) == 1 and "does not exist" in errors[0]
    assert load_settings(workspace).signatories == (Signatory("A. Director", "", good),)


def test_batch_runs_off_the_ui_thread_with_progress(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    issued: list[CertificateRecord],
    errors: list[str],
) -> None:
    screen = CertificatesScreen(workspace, "en")
    qtbot.add_widget(screen)
    steps: list[tuple[int, int]] = []
    folder = tmp_path / "batch"
    with qtbot.waitSignal(screen.batch_finished, timeout=20000) as blocker:
        batch = screen.start_batch(folder, None, None, None)
        assert batch.dialog is not None and not screen.batch_button.isEnabled()
        batch._bridge.progressed.connect(lambda done, total: steps.append((done, total)))
    result = blocker.args[0]
    assert isinstance(result, BatchResult) and not result.cancelled
    assert len(result.written) == 2 and all(p.parent == folder for p in result.written)
    assert steps[-1] == (2, 2)
    assert screen.batch_button.isEnabled()
    assert errors and errors[-1].startswith("2 certificates written")


def test_batch_can_be_cancelled(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    issued: list[CertificateRecord],
    errors: list[str],
) -> None:
    screen = CertificatesScreen(workspace, "en")
    qtbot.add_widget(screen)
    with qtbot.waitSignal(screen.batch_finished, timeout=20000) as blocker:
        batch = screen.start_batch(tmp_path / "batch", None, None, None)
        batch.cancel()
    result = blocker.args[0]
    assert result.cancelled and len(result.written) < 2


def test_verify_screen_shows_valid_and_not_valid(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    issued: list[CertificateRecord],
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    screen = VerifyScreen(workspace, "en")
    qtbot.add_widget(screen)
    screen.code_edit.setPlainText(document.printed_code(issued[0].code).lower())
    with qtbot.waitSignal(screen.verified) as blocker:
        screen.verify_button.click()
    assert blocker.args[0].valid
    assert "VALID" in screen.verdict_label.text() and "NOT" not in screen.verdict_label.text()
    assert screen.fact_labels["name"].text() == "Aline Niyonzima"

    screen.code_edit.setPlainText(issued[0].code[:-3])
    with qtbot.waitSignal(screen.verified):
        screen.verify_button.click()
    assert "NOT VALID" in screen.verdict_label.text()
    assert "mistyped" in screen.reason_label.text()
    assert screen.fact_labels["name"].text() == ""

    pdf_path = register.render_pdf(workspace, issued[1], tmp_path / "c.pdf", "fr")
    monkeypatch.setattr(verify_module, "ask_file", lambda _p: pdf_path)
    with qtbot.waitSignal(screen.verified):
        screen.open_button.click()
    assert "VALID" in screen.verdict_label.text() and "NOT" not in screen.verdict_label.text()
    assert screen.fact_labels["name"].text() == "Jean-Claude Hakizimana"

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    monkeypatch.setattr(verify_module, "ask_file", lambda _p: broken)
    screen.open_button.click()
    settle(qtbot)
    assert "cannot be read" in errors[-1]


def test_verify_screen_reads_a_photo_of_the_paper(
    qtbot: QtBot,
    tmp_path: Path,
    workspace: Workspace,
    issued: list[CertificateRecord],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QColor, QImage

    from tests.certificates.test_scan import photo

    screen = VerifyScreen(workspace, "fr")
    qtbot.add_widget(screen)
    picture = photo(tmp_path / "photo.jpg", document.qr_text(issued[0].code))
    monkeypatch.setattr(verify_module, "ask_file", lambda _p: picture)
    with qtbot.waitSignal(screen.verified) as blocker:
        screen.open_button.click()
    assert blocker.args[0].valid
    assert screen.fact_labels["name"].text() == "Aline Niyonzima"
    assert "Only the QR code was read" in screen.reason_label.text()

    blank = QImage(640, 480, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    assert blank.save(str(tmp_path / "blank.png"))
    monkeypatch.setattr(verify_module, "ask_file", lambda _p: tmp_path / "blank.png")
    with qtbot.waitSignal(screen.verified):
        screen.open_button.click()
    assert "NOT VALID" in screen.verdict_label.text()
    assert "No certificate QR code was found in this picture" in screen.reason_label.text()
    assert screen.fact_labels["name"].text() == ""


def test_problem_texts_cover_every_problem() -> None:
    for problem in document.CodeProblem:
        assert verify_module.problem_text(problem, "x: y")
    assert verify_module.problem_text(None, "") == ""
    assert isinstance(TrainerError("x"), Exception)


def test_dialogs_name_their_controls_and_programmes_issue(
    qtbot: QtBot,
    workspace: Workspace,
    issued: list[CertificateRecord],
    errors: list[str],
) -> None:
    from tests.ui.test_accessibility import unnamed_controls

    settings = screen_module.CertificateSettingsDialog(load_settings(workspace))
    batch = screen_module.BatchDialog()
    programmes = screen_module.ProgrammesDialog(workspace, "en")
    for dialog in (settings, batch, programmes):
        qtbot.add_widget(dialog)
        dialog.show()
        assert unnamed_controls(dialog) == [], type(dialog).__name__
    assert not programmes.issue_button.isEnabled()
    programmes.name.setText("Police basic course")
    item = programmes.modules.item(0)
    assert item is not None
    item.setCheckState(item.checkState().Checked)
    programmes.save_button.click()
    assert programmes.existing.currentText() == "Police basic course"
    assert programmes.issue_button.isEnabled()
    programmes.issue_button.click()
    assert errors[-1] == "2 trainees hold a certificate for this programme."
    kinds = [r.kind for r in issuing.repository(workspace).records()]
    assert kinds.count("programme") == 2
    since, until, institution = batch.values()
    assert since <= until and institution is None
