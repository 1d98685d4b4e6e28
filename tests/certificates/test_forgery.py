"""Hostile certificates and names: forged pages, borrowed module ids, names the page cannot
print, overlong codes, damaged PDFs, and verification that must never write anything."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.certificates.factory import exam, passed
from trainer.access import Role, StaffSession
from trainer.banks.model import Bank
from trainer.certificates import document, issuing, pdf, register, verification
from trainer.certificates.document import CodeError, CodeProblem
from trainer.certificates.keys import export_public_key, import_public_key
from trainer.certificates.settings import (
    CertificateSettings,
    Signatory,
    load_settings,
    save_settings,
)
from trainer.errors import BankError, CertificateError, TrainerError
from trainer.storage.certificates import CertificateRecord
from trainer.storage.trainees import Institution
from trainer.text import NameProblem, name_problem
from trainer.workspace import Workspace

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"


@pytest.fixture
def record(workspace: Workspace, sample_bank: Bank, qtbot: QtBot) -> CertificateRecord:
    _, attempt = passed(workspace, sample_bank, "Aline Niyonzima")
    issued = issuing.issue_for_attempt(workspace, attempt)
    assert issued is not None
    return issued


def _forged(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord, **changes: str
) -> Path:
    """The genuine page with one printed field changed (its signed code untouched)."""
    content = pdf.page_content(record, load_settings(workspace), "en")
    facts = dict(content.facts)
    labels = [label for label, _ in content.facts]
    if "date" in changes:
        facts[labels[2]] = changes.pop("date")
    if "score" in changes:
        facts[labels[1]] = changes.pop("score")
    content = dataclasses.replace(content, facts=tuple(facts.items()))
    if "name" in changes:
        content = dataclasses.replace(content, name=changes["name"])
    if "number" in changes:
        content = dataclasses.replace(content, number=changes["number"])
    return pdf.render(tmp_path / "forged.pdf", content)


# -- 7: each printed field compared whole ------------------------------------------------
@pytest.mark.parametrize(
    "change",
    [
        {"date": "14 May 2026"},  # signed: 4 May 2026
        {"date": "4 May 20261"},
        {"score": "1100%"},
        {"name": "Aline Niyonzimana"},
        {"name": "Marie Aline Niyonzima"},
        {"number": "X"},  # filled in below: the number with a digit added
    ],
)
def test_a_page_edited_around_a_signed_field_is_refused(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord, change: dict[str, str]
) -> None:
    if "number" in change:
        change = {"number": record.number + "7"}
    genuine = register.render_pdf(workspace, record, tmp_path / "genuine.pdf", "en")
    assert verification.verify_pdf(workspace, genuine).valid
    verdict = verification.verify_pdf(workspace, _forged(tmp_path, workspace, record, **change))
    assert not verdict.valid and verdict.problem is CodeProblem.PAGE_MISMATCH


# -- 8: a module id borrowed by another bank -------------------------------------------------
CLASH = HOSTILE / "8-module-id-clash.yaml"  # bank "elsewhere", module "sample-module"


def test_a_bank_reusing_another_banks_module_id_is_refused_at_import(
    tmp_path: Path, workspace: Workspace, banks_dir: Path
) -> None:
    with pytest.raises(BankError) as caught:
        workspace.library().import_bank(CLASH)
    assert any("already used by bank 'sample'" in p.message for p in caught.value.problems)
    assert not (workspace.data.banks / "elsewhere.yaml").exists()
    # the same bank again (a new version) is not a clash with itself
    assert workspace.library().import_bank(banks_dir / "sample.yaml").bank.id == "sample"


def test_a_verifier_whose_bank_reuses_the_module_id_does_not_show_its_own_title(
    tmp_path: Path, workspace: Workspace, record: CertificateRecord, banks_dir: Path
) -> None:
    facts = document.decode_code(record.code).facts
    assert facts.version == 2 and len(facts.subject) == 16
    assert verification.verify_code(workspace, record.code).module_titles == ("Sample module",)
    # elsewhere, a bank "elsewhere" ships a module with the same id and another title
    shipped = tmp_path / "shipped-elsewhere"
    shipped.mkdir()
    (shipped / "elsewhere.yaml").write_bytes(CLASH.read_bytes())
    key = export_public_key(workspace, tmp_path / "issuer.tip-key")
    other = Workspace(tmp_path / "verifier", shipped_banks=shipped)
    other.sign_in(StaffSession("Coordinator B", Role.COORDINATOR, timeout=0))
    try:
        import_public_key(other, key)
        verdict = verification.verify_code(other, record.code)
        assert verdict.valid
        assert "Forged module title" not in verdict.module_titles
        assert verdict.module_titles == ()  # the interface then shows the module id
    finally:
        other.close()


# -- 9: names the certificate can print, refused otherwise ----------------------------------
PRINTABLE_NAMES = [
    "Aline Niyonzima",
    "Nguyễn Thị Minh Khai",
    "Ἀλέξανδρος Παπαδόπουλος",
    "Иван Петрович Сидоров",
    "Zoë O’Brien-Ndayishimiye",
]


@pytest.mark.parametrize("name", PRINTABLE_NAMES)
def test_every_accepted_name_passes_its_own_page_check(
    tmp_path: Path, workspace: Workspace, sample_bank: Bank, name: str, qtbot: QtBot
) -> None:
    _, attempt = passed(workspace, sample_bank, name)
    record = issuing.issue_for_attempt(workspace, attempt)
    assert record is not None
    for language in ("en", "fr"):
        path = register.render_pdf(workspace, record, tmp_path / f"{language}.pdf", language)
        assert verification.verify_pdf(workspace, path).valid, (name, language)


def test_full_width_letters_are_stored_as_ordinary_ones(
    tmp_path: Path, workspace: Workspace, sample_bank: Bank, qtbot: QtBot
) -> None:
    trainee = workspace.trainees.create(
        "ＡＬＩＮＥ Ｎｉｙｏｎｚｉｍａ", Institution.POLICE, "ＰＮＢ－７"
    )
    assert trainee.name == "ALINE Niyonzima" and trainee.service_number == "PNB-7"
    record = issuing.issue_for_attempt(workspace, exam(workspace, sample_bank, trainee))
    assert record is not None
    path = register.render_pdf(workspace, record, tmp_path / "c.pdf", "en")
    assert verification.verify_pdf(workspace, path).valid


def _names() -> list[tuple[str, NameProblem]]:
    """tests/data/hostile/9-names.txt: one ``problem<TAB>name`` a line, escapes decoded."""
    out = []
    for line in (HOSTILE / "9-names.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            problem, escaped = line.split("\t", 1)
            out.append((escaped.encode("ascii").decode("unicode_escape"), NameProblem(problem)))
    return out


@pytest.mark.parametrize(("name", "problem"), _names())
def test_names_the_page_cannot_print_are_refused_when_entered(
    workspace: Workspace, name: str, problem: NameProblem
) -> None:
    assert name_problem(name).problem is problem
    with pytest.raises(TrainerError):
        workspace.trainees.create(name, Institution.POLICE)
    assert workspace.trainees.list() == []


def test_certificate_settings_refuse_what_the_page_cannot_print(workspace: Workspace) -> None:
    with pytest.raises(CertificateError, match="cannot print"):
        save_settings(workspace, CertificateSettings(institution="布隆迪警察学院"))
    with pytest.raises(CertificateError, match="control or invisible"):
        save_settings(
            workspace,
            CertificateSettings(signatories=(Signatory("A\x1b[2JB", "Dir"),)),
        )
    assert load_settings(workspace).institution == ""


# -- 15: overlong codes and damaged PDFs ----------------------------------------------------
def test_a_million_character_code_is_refused_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused on its length alone: no character of it is cleaned or decoded (before, the
    decoding took a minute)."""
    code = "TIP1:" + "7" * 1_000_000

    def never(*_args: object) -> str:
        raise AssertionError("an overlong code was read character by character")

    monkeypatch.setattr(document, "normalise", never)
    with pytest.raises(CodeError) as caught:
        document.decode_code(code)
    assert caught.value.problem is CodeProblem.MALFORMED


def test_a_pdf_whose_metadata_holds_a_huge_code_is_refused_quickly(
    tmp_path: Path,
    workspace: Workspace,
    record: CertificateRecord,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/Keywords": "TIP1:" + "7" * 1_000_000})
    path = tmp_path / "huge-code.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    decoded: list[int] = []
    real = document._b32decode

    def counting(text: str) -> bytes:
        decoded.append(len(text))
        return real(text)

    monkeypatch.setattr(document, "_b32decode", counting)
    verdict = verification.verify_pdf(workspace, path)
    assert not verdict.valid and verdict.problem is CodeProblem.MALFORMED
    assert all(n <= document.MAX_CODE_CHARS for n in decoded)  # never the million characters


def test_a_100_mb_pdf_is_refused_plainly_and_quickly(
    tmp_path: Path, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the PDF library's own limit error came out as a traceback."""
    path = tmp_path / "huge.pdf"
    stream = b"BT /F1 12 Tf 72 720 Td (TIP1:77777) Tj ET\n" * (100 * 1024 * 1024 // 42)
    path.write_bytes(_pdf(b"<< /Length %d >>" % len(stream), stream))
    import pypdf

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a file larger than any certificate was given to the PDF parser")

    monkeypatch.setattr(pypdf, "PdfReader", never)
    with pytest.raises(CertificateError, match="too large"):
        verification.verify_pdf(workspace, path)


def test_a_pdf_larger_than_any_certificate_is_refused_before_parsing(
    tmp_path: Path, workspace: Workspace
) -> None:
    path = tmp_path / "big.pdf"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(verification.MAX_PDF_BYTES + 1)
    with pytest.raises(CertificateError, match="too large"):
        verification.verify_pdf(workspace, path)


def _pdf(stream_header: bytes, stream: bytes) -> bytes:
    """A one-page PDF whose content stream has the given dictionary and bytes."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        stream_header + b"\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.mark.parametrize(
    "content",
    [
        _pdf(b"<< /Length 5 /Filter /FlateDecode >>", b"BT ET"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R",
        b"%PDF-1.4\n" + b"(" * 200_000,
        b"%PDF-1.4\n1 0 obj << /Length 99999999 >> stream\n\x00\x01endstream endobj",
        b"%PDF-1.4\nxref\n0 1\nabcdefghij 00000 n \ntrailer << /Size 1 /Root 7 0 R >>",
    ],
)
def test_damaged_pdfs_are_a_clear_error_never_a_traceback(
    tmp_path: Path, workspace: Workspace, content: bytes
) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(content)
    try:
        verdict = verification.verify_pdf(workspace, path)
    except CertificateError as exc:
        assert "cannot be read as a PDF" in str(exc)
    else:
        assert not verdict.valid


# -- 17: verifying writes nothing --------------------------------------------------------
def test_verifying_without_a_data_folder_creates_no_key_and_no_data(
    tmp_path: Path, record: CertificateRecord
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    env.pop("TIP_TRAINER_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "verify-certificate", "--code", record.code],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).parents[2],
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "unknown key" in result.stdout
    assert [p for p in home.rglob("*")] == []


def test_verifying_in_a_data_folder_without_a_key_does_not_make_one(
    tmp_path: Path, record: CertificateRecord, banks_dir: Path
) -> None:
    folder = tmp_path / "verifier"
    Workspace(folder, shipped_banks=banks_dir).close()  # an installation that never signed
    before = sorted(p.name for p in folder.rglob("*"))
    ws = Workspace.for_verification(folder, shipped_banks=banks_dir)
    try:
        verdict = verification.verify_code(ws, record.code)
    finally:
        ws.close()
    assert verdict.problem is CodeProblem.UNKNOWN_ISSUER
    assert not (folder / "keys" / "installation-ed25519.pem").exists()
    assert sorted(p.name for p in folder.rglob("*")) == before
