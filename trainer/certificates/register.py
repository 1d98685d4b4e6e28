"""The certificate register: listing, revoking, printing, exporting, revocation lists (no Qt here;
rendering is delegated to ``trainer.certificates.pdf``, imported on use since it loads Qt)."""

from __future__ import annotations

import base64
import csv
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.certificates.issuing import repository
from trainer.certificates.settings import CertificateSettings, load_settings
from trainer.errors import CertificateError, ErrorCode, TrainerError
from trainer.files import (
    TooLargeError,
    read_bounded,
    replace_atomically,
    size_text,
    write_text_atomically,
)
from trainer.storage.certificates import (
    CertificateRecord,
    Revocation,
)
from trainer.storage.database import now
from trainer.storage.trainees import TraineeRepository
from trainer.text import cell_value

if TYPE_CHECKING:
    from trainer.workspace import Workspace


REVOCATIONS_HEADER = "TiP Trainer revocation list v1"


REVOCATIONS_CONTEXT = b"TiP Trainer revocation list v1\x00"


MAX_REVOCATIONS_BYTES = 32 * 1024 * 1024


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


def issued_here(ws: Workspace, certificate: CertificateRecord) -> bool:
    """Issued by this installation. A certificate that came with another workstation's
    results is printed and revoked by that workstation only."""
    return certificate.issuer_key_id == ws.keys.key_id


def _require_issued_here(ws: Workspace, certificate: CertificateRecord, action: str) -> None:
    if not issued_here(ws, certificate):
        raise CertificateError(
            f"certificate {certificate.number} was issued by {certificate.issuer_name}"
            f" (key {certificate.issuer_key_id}): only that installation can {action} it",
            code=ErrorCode.CERTIFICATE_OTHER_ISSUER,
            params={
                "number": certificate.number,
                "issuer": certificate.issuer_name,
                "key": certificate.issuer_key_id,
            },
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
    write_pdf_file(ws, certificate, path, language, load_settings(ws))
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
        write_pdf_file(ws, record, path, language, settings)
    repository(ws).pdf_written(
        [r.id for r, _ in jobs], "certificate.pdf", f"{len(jobs)} PDF(s)", ws.actor
    )
    return [path for _, path in jobs]


def write_pdf_file(
    ws: Workspace,
    certificate: CertificateRecord,
    path: Path,
    language: str | None,
    settings: CertificateSettings,
) -> None:
    """Draw one of this installation's certificates to ``path`` (counting it in the
    register is the caller's part: a batch counts all its PDFs in one transaction)."""
    from trainer.certificates import pdf

    _require_issued_here(ws, certificate, "print")
    content = pdf.page_content(
        certificate, settings, language or settings.language, trainee_function(ws, certificate)
    )
    pdf.render(path, content)


def trainee_function(ws: Workspace, certificate: CertificateRecord) -> str:
    """The certified trainee's function or rank from their profile ('' if none is known)."""
    try:
        return TraineeRepository(ws.db).get(certificate.trainee_id).function or ""
    except TrainerError:  # a profile this workstation does not hold
        return ""


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
            code=ErrorCode.REVOCATIONS_TOO_LARGE,
            params={"limit": size_text(MAX_REVOCATIONS_BYTES)},
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CertificateError(
            "cannot read the revocation list",
            where=str(path),
            code=ErrorCode.REVOCATIONS_UNREADABLE,
        ) from exc
    if len(lines) < 3 or lines[0].strip() != REVOCATIONS_HEADER:
        raise CertificateError(
            "this is not a TiP Trainer revocation list",
            where=str(path),
            code=ErrorCode.REVOCATIONS_NOT_A_LIST,
        )
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
        raise CertificateError(
            "the revocation list is damaged", where=str(path), code=ErrorCode.REVOCATIONS_DAMAGED
        ) from exc
    try:
        ws.keys.verify(issuer, signature, REVOCATIONS_CONTEXT + data)
    except CertificateError as exc:
        raise CertificateError(
            f"the revocation list is not valid: {exc}",
            where=str(path),
            code=ErrorCode.REVOCATIONS_NOT_VALID,
        ) from exc
    added = repository(ws).add_revocations(entries)
    ws.audit("certificate.import_revocations", f"{added} new from {issuer} ({path.name})")
    return added
