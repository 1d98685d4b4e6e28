"""The certificate PDF: real text, metadata, the code inside, a QR that decodes."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.certificates.factory import exam, passed, qr_picture
from trainer.access import Role, StaffSession
from trainer.banks.model import Bank
from trainer.certificates import document, issuing, pdf, register, verification
from trainer.certificates.document import CodeProblem
from trainer.certificates.keys import export_public_key, import_public_key
from trainer.certificates.settings import (
    CertificateSettings,
    Signatory,
    load_settings,
    save_settings,
)
from trainer.errors import CertificateError, ErrorCode
from trainer.storage.certificates import CertificateRecord
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
LONG_NAME = "Marie-Françoise Nshimirimana-Ndikumasabo Uwimana Bigirimana"
LONG_INSTITUTION = (
    "Centre national de formation judiciaire et de perfectionnement des magistrats "
    "et des officiers de police judiciaire de la République du Burundi"
)


@pytest.fixture
def record(workspace: Workspace, sample_bank: Bank, qtbot: QtBot) -> CertificateRecord:
    save_settings(
        workspace,
        CertificateSettings(
            institution=LONG_INSTITUTION,
            signatories=(
                Signatory("Jean-Baptiste Ndayishimiye", "Directeur de la formation"),
                Signatory("Claudine Irakoze", "Coordonnatrice du programme"),
            ),
        ),
    )
    _, attempt = passed(workspace, sample_bank, LONG_NAME, Institution.JUDICIARY)
    issued = issuing.issue_for_attempt(workspace, attempt)
    assert issued is not None
    return issued


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Certificate of Achievement", "Sample module", "100%", "4 May 2026", "1.5"]),
        ("fr", ["Attestation de réussite", "Module d'exemple", "100 %", "4 mai 2026", "1,5"]),
    ],
)
def test_the_page_states_the_certified_facts(
    tmp_path: Path,
    workspace: Workspace,
    record: CertificateRecord,
    language: str,
    words: list[str],
) -> None:
    path = register.render_pdf(workspace, record, tmp_path / f"c-{language}.pdf", language)
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert abs(float(box.width) - 841.9) < 1.5  # A4
    text = _text(path)
    squashed = " ".join(text.split()).replace("\u00a0", " ")
    for word in [*words, record.number, "Jean-Baptiste Ndayishimiye", "Claudine Irakoze"]:
        assert word.replace("\u00a0", " ") in squashed.replace("- ", "-"), word
    assert "".join(LONG_NAME.split()) in "".join(text.split())
    assert "".join(LONG_INSTITUTION.split()) in "".join(text.split())
    assert "\ufb01" not in text  # no "fi" ligature: it extracts as two letters
    assert document.page_matches(text, issuing.facts_of(record))
    meta = reader.metadata
    assert meta is not None
    assert meta.title is not None and record.number in meta.title and LONG_NAME in meta.title
    assert meta.author == LONG_INSTITUTION
    fonts = {
        str(f["/BaseFont"])
        for f in reader.pages[0]["/Resources"]["/Font"].values()  # type: ignore[index]
        for f in [f.get_object()]
    }
    assert len(fonts) == 1 and "DejaVuSerif" in fonts.pop()  # one face, embedded once
    assert verification.verify_pdf(workspace, path).valid


def test_a_second_installation_that_trusts_the_public_key_verifies_the_pdf(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord, banks_dir: Path
) -> None:
    path = register.render_pdf(workspace, record, tmp_path / "c.pdf", "en")
    key_file = export_public_key(workspace, tmp_path / "issuer.tip-key")
    other = Workspace(tmp_path / "elsewhere", shipped_banks=banks_dir)
    other.sign_in(StaffSession("Coordinator B", Role.COORDINATOR, timeout=0))
    try:
        assert verification.verify_pdf(other, path).problem is CodeProblem.UNKNOWN_ISSUER
        import_public_key(other, key_file)
        verdict = verification.verify_pdf(other, path)
        assert verdict.valid and verdict.issuer_name == LONG_INSTITUTION
        assert verdict.facts is not None and verdict.facts.name == LONG_NAME
        assert other.db.query("SELECT * FROM certificates") == []  # nothing from the register
    finally:
        other.close()


def test_a_page_that_says_something_else_is_not_valid(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    content = pdf.page_content(record, load_settings(workspace), "en")
    forged = dataclasses.replace(
        content, facts=((content.facts[0]), ("Score", "99%"), *content.facts[2:])
    )
    forged = dataclasses.replace(forged, name="Someone Else")
    path = pdf.render(tmp_path / "forged.pdf", forged)
    verdict = verification.verify_pdf(workspace, path)
    assert not verdict.valid and verdict.problem is CodeProblem.PAGE_MISMATCH


def test_an_altered_code_in_the_file_is_not_valid(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    path = register.render_pdf(workspace, record, tmp_path / "c.pdf", "en")
    data = path.read_bytes()
    marker = b"TIP1:" + record.code[:20].encode()
    assert marker in data
    swapped = record.code[20]
    replacement = b"0" if swapped != "0" else b"1"
    changed = data.replace(marker + swapped.encode(), marker + replacement)
    path.write_bytes(changed)
    verdict = verification.verify_pdf(workspace, path)
    assert not verdict.valid and verdict.problem in (CodeProblem.MISTYPED, CodeProblem.ALTERED)


def test_files_that_are_no_certificate(tmp_path: Path, workspace: Workspace, qtbot: QtBot) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4 nothing")
    with pytest.raises(CertificateError, match="cannot be read"):
        verification.verify_pdf(workspace, junk)
    from PySide6.QtGui import QPainter, QPdfWriter

    plain = tmp_path / "plain.pdf"
    writer = QPdfWriter(str(plain))
    painter = QPainter(writer)
    painter.drawText(100, 100, "Certificate of Achievement")
    painter.end()
    assert verification.verify_pdf(workspace, plain).problem is CodeProblem.NO_CODE


def test_an_unwritable_place_is_a_clear_error(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    with pytest.raises(
        CertificateError, match="cannot write the PDF file: the folder does not exist"
    ):
        register.render_pdf(workspace, record, tmp_path / "no" / "such" / "dir" / "c.pdf", "en")


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_a_file_that_cannot_be_opened_says_why(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    from trainer.files import temporary_beside

    temporary_beside(tmp_path / "c.pdf").mkdir()  # where the page is written first: no file
    with pytest.raises(CertificateError, match=r"cannot write the PDF file \(.+\)"):
        register.render_pdf(workspace, record, tmp_path / "c.pdf", "en")
    assert not (tmp_path / "c.pdf").exists()


def test_the_qr_carries_the_signed_code(
    workspace: Workspace, record: CertificateRecord, qtbot: QtBot
) -> None:
    text = document.qr_text(record.code)
    data, n = pdf.qr_modules(text)
    assert len(data) == n * n and set(data) <= {0, 255}
    assert n <= 57  # version 10 at most: the printed 40 mm keeps modules above 0.7 mm
    [found] = zxingcpp.read_barcodes(qr_picture(text), formats=QR_ONLY)
    assert found.text == text
    assert found.ec_level == "M"
    assert verification.verify_code(workspace, found.text).valid


def test_qr_codes_of_many_payloads_read_back(qtbot: QtBot) -> None:
    """The fixed mask pattern gives readable codes whatever the data (not only one)."""
    import random

    rng = random.Random(7)
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    for length in (120, 180, 200, 240, 260, 300):
        for _ in range(4):
            text = "TIP1:" + "".join(rng.choice(alphabet) for _ in range(length))
            found = zxingcpp.read_barcodes(qr_picture(text, scale=3))
            assert [b.text for b in found] == [text]


def _page_png(path: Path, tmp_path: Path, dpi: int = 150) -> Path:
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(path), str(tmp_path / "page")],
        check=True,
    )
    return tmp_path / "page.png"


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs pdftoppm (poppler-utils)")
def test_the_printed_qr_reads_back_from_the_rendered_page(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    path = register.render_pdf(workspace, record, tmp_path / "c.pdf", "fr")
    page = QImage(str(_page_png(path, tmp_path, dpi=100)))
    assert not page.isNull()
    [found] = zxingcpp.read_barcodes(page, formats=QR_ONLY)
    assert found.text == document.qr_text(record.code)
    assert verification.verify_code(workspace, found.text).valid


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs pdftoppm and zbarimg (poppler-utils, zbar-tools): a second, independent reader",
)
def test_the_printed_qr_decodes_with_zbar(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    path = register.render_pdf(workspace, record, tmp_path / "c.pdf", "fr")
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(_page_png(path, tmp_path))],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert out == document.qr_text(record.code)
    assert verification.verify_code(workspace, out).valid


def test_drawing_pages_does_not_drain_none(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    """A page makes about a thousand Qt calls: none may lose a reference to None."""
    import sys

    content = pdf.page_content(record, load_settings(workspace), "en")
    pdf.render(tmp_path / "warm.pdf", content)
    before = sys.getrefcount(None)
    for i in range(5):
        pdf.render(tmp_path / f"p{i}.pdf", content)
    assert sys.getrefcount(None) >= before - 50


def test_a_programme_certificate_names_the_programme_and_its_modules(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    programme = issuing.save_programme(workspace, "Basic course on trafficking", ["sample-module"])
    [issued] = issuing.issue_programme_for_all(workspace, programme.id)
    path = register.render_pdf(workspace, issued, tmp_path / "p.pdf", "en")
    text = " ".join(_text(path).split())
    assert "Certificate of Completion of a Training Programme" in text
    assert "Basic course on trafficking" in text and "Sample module" in text
    assert verification.verify_pdf(workspace, path).valid


def test_the_drawn_qr_is_the_signed_code_without_any_tool(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    """Rebuild the QR module grid from the rectangles in the PDF's content stream and
    compare it with the QR code of the code kept in the file (which verifies)."""
    import re

    path = register.render_pdf(workspace, record, tmp_path / "c.pdf", "en")
    code, _ = verification.read_pdf(path)
    assert code is not None and verification.verify_code(workspace, code).valid
    expected = pdf.qr_matrix(document.qr_text(code))
    n = len(expected)
    left, top, unit = pdf.qr_geometry(n)
    stream = PdfReader(str(path)).pages[0].get_contents()
    assert stream is not None
    content = stream.get_data().decode("latin-1")
    grid = [[False] * n for _ in range(n)]
    number = r"(-?[\d.]+)"
    for match in re.finditer(rf"{number} {number} {number} {number} re\b", content):
        x, y, w, h = (float(v) for v in match.groups())
        if not (left <= x and x + w <= left + n * unit and top <= y and y + h <= top + n * unit):
            continue
        col, row = round((x - left) / unit), round((y - top) / unit)
        for r in range(row, row + round(h / unit)):
            for c in range(col, col + round(w / unit)):
                grid[r][c] = True
    assert tuple(tuple(r) for r in grid) == expected


def test_a_truncated_certificate_is_refused_plainly(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    path = register.render_pdf(workspace, record, tmp_path / "c.pdf", "en")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    try:
        verdict = verification.verify_pdf(workspace, cut)
    except CertificateError as exc:
        assert "cannot be read" in str(exc)
    else:
        assert not verdict.valid


def _pictures(path: Path) -> int:
    """How many raster pictures the page draws (the logo and the QR code are vectors)."""
    resources = PdfReader(str(path)).pages[0]["/Resources"]
    objects = resources.get("/XObject", {})  # type: ignore[attr-defined]
    return sum(1 for o in objects.values() if o.get_object().get("/Subtype") == "/Image")


def _signature_picture(path: Path) -> Path:
    image = QImage(300, 100, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    image.save(str(path))
    return path


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Service", "National Police", "Chief inspector", "Stamp", "Verify a certificate"]),
        ("fr", ["Service", "Police nationale", "Chief inspector", "Sceau", "Vérifier une"]),
    ],
)
def test_signatures_stamp_and_the_trainees_own_service_keep_the_page_verifiable(
    tmp_path: Path, workspace: Workspace, sample_bank: Bank, language: str, words: list[str]
) -> None:
    signature = _signature_picture(tmp_path / "signature.png")
    save_settings(
        workspace,
        CertificateSettings(
            institution="École nationale de police",
            signatories=(
                Signatory("A. Director", "Director", signature),
                Signatory("B. Coordinator", "Coordinator"),
                Signatory("C. Commissioner", "Commissioner", signature),
            ),
        ),
    )
    assert load_settings(workspace).signatories[0].signature == signature
    trainee = workspace.trainees.create(
        "Aline Niyonzima", Institution.POLICE, "P-7", function="Chief inspector"
    )
    record = issuing.issue_for_attempt(workspace, exam(workspace, sample_bank, trainee))
    assert record is not None
    path = register.render_pdf(workspace, record, tmp_path / "c.pdf", language)
    text = " ".join(_text(path).split())
    for word in [*words, "A. Director", "B. Coordinator", "C. Commissioner"]:
        assert word in text, word
    assert "python -m" not in text and "Police officers" not in text  # no command, no audiences
    assert _pictures(path) >= 1  # the scanned signatures
    assert verification.verify_pdf(workspace, path).valid


def test_a_signature_picture_is_bounded_and_checked_when_saved(
    tmp_path: Path, workspace: Workspace
) -> None:
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG" + b"\0" * (1024 * 1024 + 1))
    for picture, code in (
        (big, ErrorCode.CERTIFICATE_PICTURE_TOO_LARGE),
        (tmp_path / "missing.png", ErrorCode.CERTIFICATE_PICTURE_MISSING),
        (tmp_path / "notes.txt", ErrorCode.CERTIFICATE_PICTURE_KIND),
    ):
        with pytest.raises(CertificateError) as caught:
            save_settings(
                workspace,
                CertificateSettings(signatories=(Signatory("A. Director", "Director", picture),)),
            )
        assert caught.value.code is code
    assert load_settings(workspace).signatories == ()  # nothing half-saved


def test_a_signature_spoilt_after_it_was_chosen_leaves_the_line_and_the_page_valid(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord
) -> None:
    signature = _signature_picture(tmp_path / "signature.png")
    settings = load_settings(workspace)
    save_settings(
        workspace,
        dataclasses.replace(
            settings, signatories=(Signatory("A. Director", "Director", signature),)
        ),
    )
    signature.write_bytes(b"not a picture at all")
    path = register.render_pdf(workspace, record, tmp_path / "junk.pdf", "en")
    assert _pictures(path) == 0
    assert "A. Director" in " ".join(_text(path).split())
    signature.write_bytes(b"\x89PNG" + b"\0" * (2 * 1024 * 1024))  # grew past the bound
    path = register.render_pdf(workspace, record, tmp_path / "big.pdf", "en")
    assert _pictures(path) == 0
    assert verification.verify_pdf(workspace, path).valid


@pytest.mark.parametrize("stored", ['["a name"]', '[{"name": "A"}]', "not json", '{"x": 1}'])
def test_a_damaged_list_of_signatories_reads_as_none(workspace: Workspace, stored: str) -> None:
    from trainer.storage import settings as stored_settings

    workspace.db.set_setting(stored_settings.CERTIFICATE_SIGNATORIES.key, stored)
    assert load_settings(workspace).signatories == ()
