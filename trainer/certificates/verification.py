"""Verifying a certificate from its code, its PDF, or a picture of the paper (no Qt here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.certificates import document
from trainer.certificates.document import CodeError, CodeProblem, Facts, SignedCode
from trainer.certificates.issuing import repository, subject_of
from trainer.certificates.settings import load_settings
from trainer.errors import CertificateError, ErrorCode, TrainerError
from trainer.files import (
    TooLargeError,
    read_bounded,
    size_text,
)
from trainer.storage.certificates import (
    CertifiedModule,
    Revocation,
)

if TYPE_CHECKING:
    from trainer.workspace import Workspace


# A certificate PDF is about 50 KB; a file far larger is refused before it is parsed.
MAX_PDF_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Verdict:
    valid: bool
    problem: CodeProblem | None = None
    detail: str = ""  # the reason in plain English (the GUI words it from ``problem``)
    facts: Facts | None = None
    issuer_name: str | None = None
    module_titles: tuple[str, ...] = ()
    revocation: Revocation | None = None


def verify_code(ws: Workspace, text: str, *, language: str = "en") -> Verdict:
    """Check a typed, scanned or extracted code against the trusted keys and revocations."""
    return verify_read_code(ws, read_code(text), language=language)


def read_code(text: str) -> SignedCode | Verdict:
    """The code decoded (no database needed: a worker thread may do it), or the verdict
    that it cannot be read."""
    try:
        return document.decode_code(text)
    except CodeError as exc:
        return Verdict(False, exc.problem, exc.message)


def verify_read_code(ws: Workspace, read: SignedCode | Verdict, *, language: str = "en") -> Verdict:
    """The second half of ``verify_code``: the signature, issuer and revocations."""
    if isinstance(read, Verdict):
        return read
    return _verify_signed(ws, read, language)


def _verify_signed(ws: Workspace, signed: SignedCode, language: str) -> Verdict:
    facts = signed.facts
    trusted = ws.keys.lookup(facts.issuer_key_id)
    titles = _module_titles(ws, facts, language)
    if trusted is None:
        return Verdict(
            False,
            CodeProblem.UNKNOWN_ISSUER,
            f"issued by an unknown key ({facts.issuer_key_id}) that is not trusted here",
            facts,
            module_titles=titles,
        )
    try:
        ws.keys.verify(facts.issuer_key_id, signed.signature, signed.message)
    except CertificateError:
        return Verdict(
            False, CodeProblem.ALTERED, "the signature does not match: the certificate was altered"
        )
    revocation = repository(ws).revocation(facts.issuer_key_id, facts.number)
    if revocation is not None:
        return Verdict(
            False,
            CodeProblem.REVOKED,
            f"revoked on {revocation.revoked_at[:10]}: {revocation.reason}",
            facts,
            load_settings(ws).institution_or_default if trusted.own else trusted.name,
            titles,
            revocation,
        )
    issuer = load_settings(ws).institution_or_default if trusted.own else trusted.name
    return Verdict(True, None, "", facts, issuer, titles)


def catalog_titles(ws: Workspace) -> dict[str, dict[str, str]]:
    """Module titles by id from the bank library (to show what a code's module ids mean)."""
    try:
        catalog = ws.catalog
    except TrainerError:
        return {}
    return {m.id: dict(m.title.values) for b in catalog.summaries for m in b.modules}


def _module_titles(ws: Workspace, facts: Facts, language: str) -> tuple[str, ...]:
    """The titles of the certified modules in ``language``; () when this installation
    cannot tell them. A format-2 certificate signs a digest of its modules' banks and
    titles: a title is shown only when a bank here gives the same digest, never the
    title of another bank's module that happens to share the id."""
    if facts.version < 2:
        known = catalog_titles(ws)
        return tuple(
            known.get(m, {}).get(language) or known.get(m, {}).get("en") or m for m in facts.modules
        )
    try:
        catalog = ws.catalog
    except TrainerError:
        return ()
    found: dict[str, list[CertifiedModule]] = {}
    for bank in catalog.summaries:
        for module in bank.modules:
            found.setdefault(module.id, []).append(
                CertifiedModule(module.id, dict(module.title.values), bank.id)
            )
    choices: list[tuple[CertifiedModule, ...]] = [()]
    for module_id in facts.modules:
        choices = [(*c, m) for c in choices for m in found.get(module_id, [])][:64]
    for modules in choices:
        for lang in document.LANGUAGES:
            if subject_of(modules, lang) == facts.subject:
                return tuple(m.title_in(language) for m in modules)
    return ()


# Bounded: a code is never longer than MAX_CODE_CHARS; a longer run is refused, not read.
_CODE_IN_TEXT = re.compile(rf"TIP1:([0-9A-Z]{{1,{document.MAX_CODE_CHARS + 1}}})")


# What is searched for a code in each metadata field (a code is a few hundred characters).
_MAX_METADATA_CHARS = 64 * 1024


def read_pdf(path: Path) -> tuple[str | None, str]:
    """The code kept in a certificate PDF's metadata (None if absent), and its page text.

    The file is read only up to ``MAX_PDF_BYTES`` (a certificate is about 50 KB), and any
    failure of the PDF library on a damaged or hostile file is a CertificateError.
    """
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise CertificateError("reading PDF files needs the pypdf package") from exc
    import io

    try:
        data = read_bounded(path, MAX_PDF_BYTES)
    except TooLargeError:
        raise CertificateError(
            f"this file is too large to be a certificate (more than {size_text(MAX_PDF_BYTES)})",
            where=str(path),
            code=ErrorCode.CERTIFICATE_FILE_TOO_LARGE,
            params={"limit": size_text(MAX_PDF_BYTES)},
        ) from None
    except OSError as exc:
        raise CertificateError(
            f"the file cannot be read ({exc.strerror or exc})",
            where=str(path),
            code=ErrorCode.CERTIFICATE_FILE_UNREADABLE,
            params={"reason": exc.strerror or str(exc)},
        ) from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > 4:  # a certificate is one page
            raise CertificateError(
                "this PDF has too many pages to be a certificate",
                code=ErrorCode.CERTIFICATE_TOO_MANY_PAGES,
            )
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        meta: Any = reader.metadata or {}
        candidates = [str(meta.get("/Subject", "") or ""), str(meta.get("/Keywords", "") or "")]
        xmp: Any = reader.trailer["/Root"].get("/Metadata")  # type: ignore[attr-defined]
        if xmp is not None:
            candidates.append(
                xmp.get_object().get_data()[:_MAX_METADATA_CHARS].decode("utf-8", "replace")
            )
    except CertificateError as exc:
        raise CertificateError(
            exc.message, where=str(path), code=exc.code, params=exc.params
        ) from None
    except Exception as exc:
        # pypdf raises many kinds of error on a damaged or hostile file (its own, and
        # ValueError, KeyError, TypeError, AttributeError, IndexError, zlib.error,
        # RecursionError …): every one means the same to the user.
        raise CertificateError(
            "this file cannot be read as a PDF",
            where=str(path),
            code=ErrorCode.CERTIFICATE_NOT_A_PDF,
        ) from exc
    for candidate in candidates:
        found = _CODE_IN_TEXT.search(candidate[:_MAX_METADATA_CHARS])
        if found:
            return found.group(1), text
    return None, text


def verify_pdf(ws: Workspace, path: Path, *, language: str = "en") -> Verdict:
    """Verify the code kept in a certificate PDF, and that the page states the same facts."""
    code, text = read_pdf(path)
    return verify_read_pdf(ws, code, text, language=language)


def verify_read_pdf(ws: Workspace, code: str | None, text: str, *, language: str = "en") -> Verdict:
    """The second half of ``verify_pdf``, on what ``read_pdf`` found (the reading, the slow
    part, needs no database and may run on a worker thread)."""
    if code is None:
        return Verdict(
            False, CodeProblem.NO_CODE, "this PDF carries no TiP Trainer certificate code"
        )
    verdict = verify_code(ws, code, language=language)
    if (
        verdict.problem in (None, CodeProblem.REVOKED)
        and verdict.facts is not None
        and not document.page_matches(text, verdict.facts)
    ):
        return Verdict(
            False,
            CodeProblem.PAGE_MISMATCH,
            "the text printed on the page differs from the signed facts",
            verdict.facts,
            verdict.issuer_name,
            verdict.module_titles,
        )
    return verdict


def verify_picture(ws: Workspace, path: Path, *, language: str = "en") -> Verdict:
    """Verify the QR code in a scan or photo of a printed certificate.

    Only the signed code is checked: what the verdict shows is what was certified, to
    compare with the paper (the page's text is not read from a picture).
    """
    from trainer.certificates import scan

    return verify_scanned(ws, scan.read_qr_codes(path), language=language)


def verify_scanned(ws: Workspace, codes: list[str], *, language: str = "en") -> Verdict:
    """Verify the TiP Trainer code among the QR codes read from a picture."""
    if not codes:
        return Verdict(False, CodeProblem.NO_CODE, "no QR code was found in this picture")
    ours = [c for c in codes if c.upper().startswith(document.QR_PREFIX)]
    if not ours:
        return Verdict(
            False,
            CodeProblem.MALFORMED,
            "the QR code in this picture is not a TiP Trainer certificate code",
        )
    return verify_code(ws, ours[0], language=language)


def verify_file(ws: Workspace, path: Path, *, language: str = "en") -> Verdict:
    """A certificate PDF, or a scan or photo of the paper (by the file's extension)."""
    from trainer.certificates import scan

    if not path.exists():
        raise CertificateError(
            "the file does not exist", where=str(path), code=ErrorCode.CERTIFICATE_FILE_MISSING
        )
    if path.is_dir():
        raise CertificateError(
            "this is a folder, not a file",
            where=str(path),
            code=ErrorCode.CERTIFICATE_FILE_IS_FOLDER,
        )
    if scan.is_picture(path):
        return verify_picture(ws, path, language=language)
    return verify_pdf(ws, path, language=language)
