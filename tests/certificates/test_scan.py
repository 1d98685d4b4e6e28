"""Verifying the paper: a scan or photo of a printed certificate, read offline."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from pytestqt.qtbot import QtBot

from tests.certificates.factory import passed, qr_picture
from trainer.banks.model import Bank
from trainer.certificates import document, issuing, register, scan, verification
from trainer.certificates.document import CodeProblem
from trainer.cli import main
from trainer.errors import CertificateError
from trainer.storage.certificates import CertificateRecord
from trainer.workspace import Workspace


@pytest.fixture
def record(workspace: Workspace, sample_bank: Bank, qtbot: QtBot) -> CertificateRecord:
    _, attempt = passed(workspace, sample_bank, "Aline Niyonzima")
    issued = issuing.issue_for_attempt(workspace, attempt)
    assert issued is not None
    return issued


def photo(path: Path, qr_text: str, *, angle: float = 7.0, quality: int = 70) -> Path:
    """A phone photo of the paper: a grey table, the page turned a little, some print, the
    QR code at about 5 pixels a module, saved as a lossy JPEG."""
    code = qr_picture(qr_text, scale=5, quiet=0)
    image = QImage(1800, 1300, QImage.Format.Format_RGB32)
    image.fill(QColor("#8a8f94"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.translate(900, 650)
    painter.rotate(angle)
    painter.fillRect(QRectF(-800, -560, 1600, 1120), QColor("#fbfaf6"))
    painter.setFont(QFont("DejaVu Serif", 40))
    painter.setPen(QColor("#1f3a5f"))
    painter.drawText(QRectF(-760, -520, 1200, 120), int(Qt.AlignmentFlag.AlignLeft), "Certificate")
    painter.drawImage(QPointF(380, 120), code)
    painter.end()
    assert image.save(str(path), quality=quality)  # the format follows the suffix
    return path


def test_a_photo_of_the_paper_verifies(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    picture = photo(tmp_path / "photo.jpg", document.qr_text(record.code))
    assert scan.read_qr_codes(picture) == [document.qr_text(record.code)]
    verdict = verification.verify_file(workspace, picture)
    assert verdict.valid
    assert verdict.facts is not None and verdict.facts.name == "Aline Niyonzima"
    assert verdict.facts.number == record.number


def test_a_photo_taken_sideways_is_read(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    picture = photo(tmp_path / "sideways.png", document.qr_text(record.code), angle=90)
    assert verification.verify_file(workspace, picture).valid


def test_a_picture_of_an_altered_code_is_not_valid(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    i = 60
    changed = record.code[:i] + ("A" if record.code[i] != "A" else "B") + record.code[i + 1 :]
    picture = photo(tmp_path / "forged.jpg", document.qr_text(changed))
    verdict = verification.verify_file(workspace, picture)
    assert not verdict.valid and verdict.problem in (CodeProblem.MISTYPED, CodeProblem.ALTERED)


def test_a_picture_without_a_qr_code(tmp_path: Path, workspace: Workspace, qtbot: QtBot) -> None:
    blank = QImage(800, 600, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    assert blank.save(str(tmp_path / "blank.png"))
    verdict = verification.verify_file(workspace, tmp_path / "blank.png")
    assert not verdict.valid and verdict.problem is CodeProblem.NO_CODE
    assert "no QR code" in verdict.detail


def test_a_qr_code_that_is_no_certificate(
    tmp_path: Path, workspace: Workspace, qtbot: QtBot
) -> None:
    other = zxingcpp.create_barcode("https://example.org/", zxingcpp.BarcodeFormat.QRCode)
    svg = tmp_path / "other.svg"
    svg.write_text(other.to_svg(scale=8), encoding="utf-8")
    image = QImage(str(svg))
    assert not image.isNull() and image.save(str(tmp_path / "other.png"))
    verdict = verification.verify_file(workspace, tmp_path / "other.png")
    assert not verdict.valid and verdict.problem is CodeProblem.MALFORMED
    assert "not a TiP Trainer certificate code" in verdict.detail


def test_a_file_that_is_not_a_picture(tmp_path: Path, workspace: Workspace, qtbot: QtBot) -> None:
    junk = tmp_path / "scan.png"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + b"broken" * 100)
    with pytest.raises(CertificateError, match="cannot be read as a picture") as caught:
        verification.verify_file(workspace, junk)
    assert caught.value.where == str(junk)
    with pytest.raises(CertificateError, match="does not exist"):
        verification.verify_file(workspace, tmp_path / "missing.jpg")


def test_a_picture_over_the_size_limit_is_refused(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = photo(tmp_path / "photo.png", document.qr_text(record.code))
    assert picture.stat().st_size > 20 * 1024
    monkeypatch.setattr(scan, "MAX_FILE_BYTES", 20 * 1024)
    with pytest.raises(CertificateError, match=r"too large \(more than 20 KB\)"):
        verification.verify_file(workspace, picture)


def test_a_very_large_photo_is_scaled_down_and_still_read(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = photo(tmp_path / "photo.png", document.qr_text(record.code))
    monkeypatch.setattr(scan, "MAX_SIDE", 1500)
    image = scan.read_picture(picture)
    assert max(image.width(), image.height()) == 1500
    assert image.format() == QImage.Format.Format_Grayscale8
    assert verification.verify_file(workspace, picture).valid


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs pdftoppm (poppler-utils)")
def test_a_scan_of_the_printed_pdf_verifies(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    path = register.render_pdf(workspace, record, tmp_path / "c.pdf", "fr")
    subprocess.run(
        ["pdftoppm", "-r", "150", "-jpeg", "-singlefile", str(path), str(tmp_path / "scan")],
        check=True,
    )
    verdict = verification.verify_file(workspace, tmp_path / "scan.jpg")
    assert verdict.valid and verdict.facts is not None
    assert verdict.facts.number == record.number


def test_verify_a_picture_from_the_command_line(
    tmp_path: Path,
    workspace: Workspace,
    record: CertificateRecord,
    capsys: pytest.CaptureFixture[str],
) -> None:
    picture = photo(tmp_path / "photo.jpg", document.qr_text(record.code))
    here = str(workspace.data.root)
    assert main(["verify-certificate", str(picture), "--data-dir", here]) == 0
    out = capsys.readouterr().out
    assert "VALID certificate" in out and "Aline Niyonzima" in out and record.number in out

    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"not a picture")
    assert main(["verify-certificate", str(junk), "--data-dir", here]) == 2
    assert "cannot be read as a picture" in capsys.readouterr().err
