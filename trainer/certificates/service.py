"""Certificates end to end: issue, render, revoke, verify, exchange lists (no Qt here).

The GUI and the CLI both call these functions. Rendering is delegated to
``trainer.certificates.pdf`` (imported on use, since it loads Qt).
"""

from __future__ import annotations

import base64
import csv
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.access import Permission, staff_action
from trainer.certificates import document
from trainer.certificates.document import CodeError, Facts, Kind, Problem, SignedCode
from trainer.certificates.numbers import NumberMark
from trainer.errors import CertificateError, TrainerError
from trainer.files import (
    TooLargeError,
    read_bounded,
    replace_atomically,
    size_text,
    write_text_atomically,
)
from trainer.storage.certificates import (
    CertificateRecord,
    CertificateRepository,
    CertifiedModule,
    NewCertificate,
    Programme,
    Revocation,
)
from trainer.storage.database import now
from trainer.text import cell_value, check_name

if TYPE_CHECKING:
    from trainer.certificates.signing import TrustedKey
    from trainer.workspace import Workspace

SETTING_INSTITUTION = "institution_name"
SETTING_LOGO = "certificate_logo"
SETTING_SIGNATORIES = "certificate_signatories"
SETTING_LANGUAGE = "certificate_language"
REVOCATIONS_HEADER = "TiP Trainer revocation list v1"
REVOCATIONS_CONTEXT = b"TiP Trainer revocation list v1\x00"
DEFAULT_INSTITUTION = "TiP Trainer"
MAX_REVOCATIONS_BYTES = 32 * 1024 * 1024
# A certificate PDF is about 50 KB; a file far larger is refused before it is parsed.
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_PRINTED_TEXT = 300  # an institution's name, a signatory's name or title


def repository(ws: Workspace) -> CertificateRepository:
    return CertificateRepository(ws.db)


# -- settings ------------------------------------------------------------------------
@dataclass(frozen=True)
class Signatory:
    name: str
    title: str


@dataclass(frozen=True)
class CertificateSettings:
    institution: str = ""
    logo: Path | None = None  # None: the neutral emblem shipped in assets/
    signatories: tuple[Signatory, ...] = ()
    language: str = "en"

    @property
    def institution_or_default(self) -> str:
        return self.institution or DEFAULT_INSTITUTION


def load_settings(ws: Workspace) -> CertificateSettings:
    db = ws.db
    try:
        raw = json.loads(db.get_setting(SETTING_SIGNATORIES, "[]") or "[]")
        signatories = tuple(Signatory(str(s["name"]), str(s["title"])) for s in raw)
    except (ValueError, KeyError, TypeError):
        signatories = ()
    logo = db.get_setting(SETTING_LOGO, "") or ""
    language = db.get_setting(SETTING_LANGUAGE, "en") or "en"
    return CertificateSettings(
        institution=db.get_setting(SETTING_INSTITUTION, "") or "",
        logo=Path(logo) if logo else None,
        signatories=signatories,
        language=language if language in document.LANGUAGES else "en",
    )


@staff_action(Permission.SETTINGS)
def save_settings(ws: Workspace, settings: CertificateSettings) -> None:
    if settings.logo is not None and not settings.logo.is_file():
        raise CertificateError("the logo file does not exist", where=str(settings.logo))
    signatories = [
        {"name": _printed(s.name, "signatory's name"), "title": _printed(s.title, "title")}
        for s in settings.signatories
        if s.name.strip()
    ]
    institution = _printed(settings.institution, "institution's name")
    if len(signatories) > 3:
        raise CertificateError("a certificate has room for three signatories at most")
    db = ws.db
    db.set_setting(SETTING_INSTITUTION, institution)
    db.set_setting(SETTING_LOGO, str(settings.logo) if settings.logo else "")
    db.set_setting(SETTING_SIGNATORIES, json.dumps(signatories, ensure_ascii=False))
    db.set_setting(SETTING_LANGUAGE, settings.language)
    ws.audit("certificate.settings", settings.institution)


def _printed(text: str, what: str) -> str:
    """A text the certificate prints (may be empty): normalised, or refused when the page
    could not print it (``trainer.text.check_name``)."""
    if not text.strip():
        return ""
    try:
        return check_name(text, what=what, limit=MAX_PRINTED_TEXT)
    except TrainerError as exc:
        raise CertificateError(exc.message) from None


# -- issuing -------------------------------------------------------------------------
def numbering(ws: Workspace) -> str:
    """Numbers look like ``3F9A-2026-00017``: issuer key prefix, year, sequence."""
    return ws.keys.key_id[:4].upper() + "-{year}-{seq:05d}"


def facts_of(record: CertificateRecord) -> Facts:
    """What the record's certificate signed (read from its code: a record issued before
    certificates named banks and titles keeps its format-1 facts)."""
    return document.decode_code(record.code).facts


def module_titles_as_issued(modules: tuple[CertifiedModule, ...], language: str) -> str:
    return " · ".join(m.title_in(language) for m in modules)


def subject_of(modules: tuple[CertifiedModule, ...], language: str) -> str:
    """The digest a format-2 certificate signs: each module's bank and id, and the
    titles in the certificate language when it was issued."""
    return document.subject_digest(
        [(m.bank, m.id) for m in modules], module_titles_as_issued(modules, language)
    )


def sign(ws: Workspace, facts: Facts) -> str:
    payload = document.encode_facts(facts)
    return document.encode_code(payload, ws.keys.sign(document.SIGNING_CONTEXT + payload))


def _local_date(stamp: str) -> date:
    return datetime.fromisoformat(stamp).astimezone().date()


def _issue(ws: Workspace, new: NewCertificate) -> CertificateRecord:
    repo = repository(ws)
    before = repo.find_valid(new.trainee_id, new.subject)
    if before is not None:
        return before
    subject = subject_of(new.modules, load_settings(ws).language)

    def signer(number: str) -> str:
        return sign(
            ws,
            Facts(
                number=number,
                name=new.trainee_name,
                modules=tuple(m.id for m in new.modules),
                score=round(new.score, 1),
                date=new.certified_on,
                issuer_key_id=new.issuer_key_id,
                kind=Kind(new.kind),
                subject=subject,
            ),
        )

    mark = NumberMark(ws.data.keys, new.issuer_key_id)
    record = repo.insert(new, numbering(ws), signer, reserve=mark.reserve)
    ws.audit("certificate.issue", f"{record.number} {record.trainee_name} {record.subject}")
    return record


def issue_for_attempt(ws: Workspace, attempt_id: int) -> CertificateRecord | None:
    """The certificate for a passed exam attempt, recorded on first call (idempotent).

    None when the attempt is practice, unfinished or failed. A trainee who passes the
    same module again keeps the certificate they already have.
    """
    row = ws.db.query_one(
        "SELECT * FROM attempts WHERE id = ? AND state = 'finished' AND behaviour = 'exam'"
        " AND passed = 1",
        (attempt_id,),
    )
    if row is None:
        return None
    trainee = ws.trainees.get(row["trainee_id"])
    keys = ws.keys
    settings = load_settings(ws)
    new = NewCertificate(
        kind=Kind.MODULE.value,
        trainee_id=trainee.id,
        trainee_name=trainee.name,
        institution=trainee.institution.value,
        attempt_id=attempt_id,
        programme_id=None,
        programme_name=None,
        subject=row["module_id"],
        modules=(
            CertifiedModule(row["module_id"], json.loads(row["module_title"]), row["bank_id"]),
        ),
        audiences=tuple(a for a in row["audiences"].split(",") if a),
        score=round(float(row["percent"] or 0.0), 1),
        training_hours=float(row["training_hours"]),
        certified_on=_local_date(row["finished_at"]),
        issuer_key_id=keys.key_id,
        issuer_name=settings.institution_or_default,
    )
    return _issue(ws, new)


@staff_action(Permission.CERTIFICATES)
def passed_attempts(
    ws: Workspace,
    since: date | None = None,
    until: date | None = None,
    institution: str | None = None,
) -> list[int]:
    """The first passed exam attempt of each trainee and module, finished in the range."""
    rows = ws.db.query(
        "SELECT a.id, a.trainee_id, a.module_id, a.finished_at, t.institution FROM attempts a"
        " JOIN trainees t ON t.id = a.trainee_id WHERE a.state = 'finished'"
        " AND a.behaviour = 'exam' AND a.passed = 1 ORDER BY a.finished_at, a.id"
    )
    seen: set[tuple[int, str]] = set()
    out: list[int] = []
    for r in rows:
        key = (r["trainee_id"], r["module_id"])
        if key in seen:
            continue
        seen.add(key)
        day = _local_date(r["finished_at"])
        if (since and day < since) or (until and day > until):
            continue
        if institution and r["institution"] != institution:
            continue
        out.append(int(r["id"]))
    return out


@staff_action(Permission.CERTIFICATES)
def save_programme(
    ws: Workspace, name: str, modules: list[str], training_hours: float = 0.0
) -> Programme:
    programme = repository(ws).save_programme(name, modules, training_hours)
    ws.audit("certificate.programme", f"{programme.name}: {','.join(programme.modules)}")
    return programme


@staff_action(Permission.CERTIFICATES)
def issue_programme(ws: Workspace, programme_id: int, trainee_id: int) -> CertificateRecord | None:
    """A programme certificate once every module of the programme is passed, else None."""
    programme = repository(ws).programme(programme_id)
    best: list[tuple[float, str, str, str, str, float, str]] = []
    for module_id in programme.modules:
        row = ws.db.query_one(
            "SELECT percent, finished_at, module_title, audiences, training_hours, bank_id"
            " FROM attempts"
            " WHERE trainee_id = ? AND module_id = ? AND state = 'finished' AND behaviour = 'exam'"
            " AND passed = 1 ORDER BY percent DESC, finished_at LIMIT 1",
            (trainee_id, module_id),
        )
        if row is None:
            return None
        best.append(
            (
                float(row["percent"]),
                row["finished_at"],
                row["module_title"],
                row["audiences"],
                module_id,
                float(row["training_hours"]),
                str(row["bank_id"]),
            )
        )
    trainee = ws.trainees.get(trainee_id)
    audiences: list[str] = []
    for b in best:
        audiences.extend(a for a in b[3].split(",") if a and a not in audiences)
    new = NewCertificate(
        kind=Kind.PROGRAMME.value,
        trainee_id=trainee.id,
        trainee_name=trainee.name,
        institution=trainee.institution.value,
        attempt_id=None,
        programme_id=programme.id,
        programme_name=programme.name,
        subject=f"programme:{programme.id}",
        modules=tuple(CertifiedModule(b[4], json.loads(b[2]), b[6]) for b in best),
        audiences=tuple(audiences),
        score=round(sum(b[0] for b in best) / len(best), 1),
        training_hours=programme.training_hours or sum(b[5] for b in best),
        certified_on=max(_local_date(b[1]) for b in best),
        issuer_key_id=ws.keys.key_id,
        issuer_name=load_settings(ws).institution_or_default,
    )
    return _issue(ws, new)


@staff_action(Permission.CERTIFICATES)
def issue_programme_for_all(ws: Workspace, programme_id: int) -> list[CertificateRecord]:
    trainees = [
        int(r[0]) for r in ws.db.query("SELECT DISTINCT trainee_id FROM attempts WHERE passed = 1")
    ]
    out = []
    for trainee_id in trainees:
        record = issue_programme(ws, programme_id, trainee_id)
        if record is not None:
            out.append(record)
    return out


# -- register ------------------------------------------------------------------------
@staff_action(Permission.CERTIFICATES)
def list_certificates(
    ws: Workspace,
    search: str = "",
    *,
    status: str | None = None,
    since: date | None = None,
    until: date | None = None,
    institution: str | None = None,
) -> list[CertificateRecord]:
    """The register, filtered as ``CertificateRepository.records``."""
    return repository(ws).records(
        search, status=status, since=since, until=until, institution=institution
    )


@staff_action(Permission.CERTIFICATES)
def list_programmes(ws: Workspace) -> list[Programme]:
    return repository(ws).programmes()


def issued_here(ws: Workspace, certificate: CertificateRecord) -> bool:
    """Issued by this installation. A certificate that came with another workstation's
    results is printed and revoked by that workstation only."""
    return certificate.issuer_key_id == ws.keys.key_id


def _require_issued_here(ws: Workspace, certificate: CertificateRecord, action: str) -> None:
    if not issued_here(ws, certificate):
        raise CertificateError(
            f"certificate {certificate.number} was issued by {certificate.issuer_name}"
            f" (key {certificate.issuer_key_id}): only that installation can {action} it"
        )


@staff_action(Permission.CERTIFICATES)
def revoke(ws: Workspace, number: str, reason: str) -> CertificateRecord:
    """Revoke one of this installation's certificates (see ``issued_here``); other
    installations learn of it through its revocation list or its next bundle."""
    _require_issued_here(ws, repository(ws).by_number(number), "revoke")
    record = repository(ws).revoke(number, reason)
    ws.audit("certificate.revoke", f"{record.number}: {record.revoked_reason}")
    return record


@staff_action(Permission.CERTIFICATES)
def render_pdf(
    ws: Workspace, certificate: CertificateRecord, path: Path, language: str | None = None
) -> Path:
    """Write any certificate's PDF (same number, same signed code) to ``path``."""
    return _render_pdf(ws, certificate, path, language)


def render_own_pdf(
    ws: Workspace, certificate: CertificateRecord, path: Path, language: str | None = None
) -> Path:
    """A trainee saves the certificate ``issue_for_attempt`` gave them in their session.

    Open to trainees: it reprints only a record they were just handed (never one picked
    from the register), which carries the same signed code as any later reprint.
    """
    return _render_pdf(ws, certificate, path, language)


def _render_pdf(
    ws: Workspace, certificate: CertificateRecord, path: Path, language: str | None
) -> Path:
    _write_pdf(ws, certificate, path, language, load_settings(ws))
    repository(ws).pdf_written(
        [certificate.id], "certificate.pdf", f"{certificate.number} -> {path.name}", ws.actor
    )
    return path


@staff_action(Permission.CERTIFICATES)
def write_pdfs(
    ws: Workspace, jobs: list[tuple[CertificateRecord, Path]], language: str | None = None
) -> list[Path]:
    """Write several PDFs, then count them in the register in one transaction."""
    settings = load_settings(ws)
    for record, path in jobs:
        _write_pdf(ws, record, path, language, settings)
    repository(ws).pdf_written(
        [r.id for r, _ in jobs], "certificate.pdf", f"{len(jobs)} PDF(s)", ws.actor
    )
    return [path for _, path in jobs]


def _write_pdf(
    ws: Workspace,
    certificate: CertificateRecord,
    path: Path,
    language: str | None,
    settings: CertificateSettings,
) -> None:
    from trainer.certificates import pdf

    _require_issued_here(ws, certificate, "print")
    pdf.render(path, pdf.page_content(certificate, settings, language or settings.language))


@staff_action(Permission.CERTIFICATES)
def export_csv(ws: Workspace, path: Path, records: list[CertificateRecord]) -> int:
    columns = [
        "number",
        "kind",
        "trainee",
        "institution",
        "modules",
        "programme",
        "score",
        "training_hours",
        "date",
        "issuer",
        "issuer_key_id",
        "status",
        "revoked_at",
        "revoked_reason",
    ]

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for r in records:
                writer.writerow(
                    [
                        cell_value(v)
                        for v in (
                            r.number,
                            r.kind,
                            r.trainee_name,
                            r.institution,
                            " | ".join(m.id for m in r.modules),
                            r.programme_name or "",
                            f"{r.score:.1f}",
                            f"{r.training_hours:g}",
                            r.certified_on.isoformat(),
                            r.issuer_name,
                            r.issuer_key_id,
                            r.status,
                            r.revoked_at.isoformat() if r.revoked_at else "",
                            r.revoked_reason or "",
                        )
                    ]
                )

    replace_atomically(
        path,
        write,
        fail=lambda exc: CertificateError(
            f"cannot write the CSV file ({exc.strerror})", where=str(path)
        ),
    )
    ws.audit("certificate.export_csv", f"{len(records)} -> {path.name}")
    return len(records)


# -- verification --------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    valid: bool
    problem: Problem | None = None
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
            Problem.UNKNOWN_ISSUER,
            f"issued by an unknown key ({facts.issuer_key_id}) that is not trusted here",
            facts,
            module_titles=titles,
        )
    try:
        ws.keys.verify(facts.issuer_key_id, signed.signature, signed.message)
    except CertificateError:
        return Verdict(
            False, Problem.ALTERED, "the signature does not match: the certificate was altered"
        )
    revocation = repository(ws).revocation(facts.issuer_key_id, facts.number)
    if revocation is not None:
        return Verdict(
            False,
            Problem.REVOKED,
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
        ) from None
    except OSError as exc:
        raise CertificateError(
            f"the file cannot be read ({exc.strerror or exc})", where=str(path)
        ) from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > 4:  # a certificate is one page
            raise CertificateError("this PDF has too many pages to be a certificate")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        meta: Any = reader.metadata or {}
        candidates = [str(meta.get("/Subject", "") or ""), str(meta.get("/Keywords", "") or "")]
        xmp: Any = reader.trailer["/Root"].get("/Metadata")  # type: ignore[attr-defined]
        if xmp is not None:
            candidates.append(
                xmp.get_object().get_data()[:_MAX_METADATA_CHARS].decode("utf-8", "replace")
            )
    except CertificateError as exc:
        raise CertificateError(exc.message, where=str(path)) from None
    except Exception as exc:
        # pypdf raises many kinds of error on a damaged or hostile file (its own, and
        # ValueError, KeyError, TypeError, AttributeError, IndexError, zlib.error,
        # RecursionError …): every one means the same to the user.
        raise CertificateError("this file cannot be read as a PDF", where=str(path)) from exc
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
        return Verdict(False, Problem.NO_CODE, "this PDF carries no TiP Trainer certificate code")
    verdict = verify_code(ws, code, language=language)
    if (
        verdict.problem in (None, Problem.REVOKED)
        and verdict.facts is not None
        and not document.page_matches(text, verdict.facts)
    ):
        return Verdict(
            False,
            Problem.PAGE_MISMATCH,
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
        return Verdict(False, Problem.NO_CODE, "no QR code was found in this picture")
    ours = [c for c in codes if c.upper().startswith(document.QR_PREFIX)]
    if not ours:
        return Verdict(
            False,
            Problem.MALFORMED,
            "the QR code in this picture is not a TiP Trainer certificate code",
        )
    return verify_code(ws, ours[0], language=language)


def verify_file(ws: Workspace, path: Path, *, language: str = "en") -> Verdict:
    """A certificate PDF, or a scan or photo of the paper (by the file's extension)."""
    from trainer.certificates import scan

    if not path.exists():
        raise CertificateError("the file does not exist", where=str(path))
    if path.is_dir():
        raise CertificateError("this is a folder, not a file", where=str(path))
    if scan.is_picture(path):
        return verify_picture(ws, path, language=language)
    return verify_pdf(ws, path, language=language)


# -- keys ------------------------------------------------------------------------------
@staff_action(Permission.KEYS)
def export_public_key(ws: Workspace, path: Path, name: str | None = None) -> Path:
    label = name or load_settings(ws).institution_or_default
    ws.keys.export_public(path, label)
    ws.audit("keys.export", f"{ws.keys.key_id} -> {path.name}")
    return path


@staff_action(Permission.KEYS)
def import_public_key(ws: Workspace, path: Path, name: str | None = None) -> TrustedKey:
    key = ws.keys.import_public(path, name)
    ws.audit("keys.import", f"{key.key_id} {key.name}")
    return key


@staff_action(Permission.KEYS)
def remove_trusted_key(ws: Workspace, key_id: str) -> None:
    ws.keys.remove(key_id)
    ws.audit("keys.remove", key_id)


# -- revocation lists ----------------------------------------------------------------
def _canonical(body: dict[str, object]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


@staff_action(Permission.CERTIFICATES)
def export_revocations(ws: Workspace, path: Path) -> int:
    """Write this installation's revocations as a list signed with its key."""
    keys = ws.keys
    entries = repository(ws).revocations_by(keys.key_id)
    body: dict[str, object] = {
        "issuer": keys.key_id,
        "issued_at": now(),
        "revocations": [
            {"number": e.number, "reason": e.reason, "revoked_at": e.revoked_at} for e in entries
        ],
    }
    data = _canonical(body)
    signature = keys.sign(REVOCATIONS_CONTEXT + data)
    text = (
        f"{REVOCATIONS_HEADER}\n"
        f"signature: {base64.b64encode(signature).decode('ascii')}\n"
        f"{data.decode('utf-8')}\n"
    )
    write_text_atomically(
        path,
        text,
        fail=lambda exc: CertificateError(
            f"cannot write the revocation list ({exc.strerror})", where=str(path)
        ),
    )
    ws.audit("certificate.export_revocations", f"{len(entries)} -> {path.name}")
    return len(entries)


@staff_action(Permission.CERTIFICATES)
def import_revocations(ws: Workspace, path: Path) -> int:
    """Read a revocation list signed by a trusted issuer; returns how many were new."""
    try:
        lines = read_bounded(path, MAX_REVOCATIONS_BYTES).decode("utf-8").splitlines()
    except TooLargeError:
        raise CertificateError(
            f"the revocation list is larger than {MAX_REVOCATIONS_BYTES // 1048576} MiB",
            where=str(path),
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CertificateError("cannot read the revocation list", where=str(path)) from exc
    if len(lines) < 3 or lines[0].strip() != REVOCATIONS_HEADER:
        raise CertificateError("this is not a TiP Trainer revocation list", where=str(path))
    try:
        signature = base64.b64decode(lines[1].removeprefix("signature: "), validate=True)
        data = lines[2].encode("utf-8")
        body = json.loads(data)
        issuer = str(body["issuer"])
        raw_entries = body["revocations"]
        entries = [
            Revocation(issuer, str(e["number"]), str(e["reason"]), str(e["revoked_at"]))
            for e in raw_entries
        ]
    except (ValueError, KeyError, TypeError) as exc:
        raise CertificateError("the revocation list is damaged", where=str(path)) from exc
    try:
        ws.keys.verify(issuer, signature, REVOCATIONS_CONTEXT + data)
    except CertificateError as exc:
        raise CertificateError(f"the revocation list is not valid: {exc}", where=str(path)) from exc
    added = repository(ws).add_revocations(entries)
    ws.audit("certificate.import_revocations", f"{added} new from {issuer} ({path.name})")
    return added


# -- batch -----------------------------------------------------------------------------
@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    cancelled: bool = False
    errors: list[str] = field(default_factory=list)
    # Numbers of certificates issued at another workstation (they came with its results):
    # only their issuer prints them.
    elsewhere: list[str] = field(default_factory=list)


def safe_file_name(record: CertificateRecord) -> str:
    name = re.sub(r"[^\w\-]+", "_", record.trainee_name, flags=re.UNICODE).strip("_")[:60]
    return f"{record.number}_{name or 'trainee'}.pdf"


@staff_action(Permission.CERTIFICATES)
def batch_generate(
    ws: Workspace,
    folder: Path,
    *,
    since: date | None = None,
    until: date | None = None,
    institution: str | None = None,
    language: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchResult:
    """Record and write a certificate for every passed trainee in the range (or cohort)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CertificateError("cannot create the folder", where=str(folder)) from exc
    attempts = passed_attempts(ws, since, until, institution)
    result = BatchResult()
    total = len(attempts)
    settings = load_settings(ws)
    written_ids: list[int] = []
    for done, attempt_id in enumerate(attempts):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        try:
            record = issue_for_attempt(ws, attempt_id)
            if record is not None and not issued_here(ws, record):
                result.elsewhere.append(record.number)
            elif record is not None and not record.revoked:
                path = folder / safe_file_name(record)
                _write_pdf(ws, record, path, language, settings)
                result.written.append(path)
                written_ids.append(record.id)
        except TrainerError as exc:
            result.errors.append(str(exc))
        if progress is not None:
            progress(done + 1, total)
    # One transaction for the whole batch: the register's PDF counts and the audit entry.
    repository(ws).pdf_written(
        written_ids,
        "certificate.batch",
        f"{len(result.written)} written to {folder}" + (" (cancelled)" if result.cancelled else ""),
        ws.actor,
    )
    return result
