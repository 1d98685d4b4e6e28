"""Issuing and printing the certificates of every trainee who passed, in one run."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.certificates.issuing import issue_for_attempt, passed_attempts, repository
from trainer.certificates.register import issued_here, write_pdf_file
from trainer.certificates.settings import load_settings
from trainer.errors import CertificateError, ErrorCode, TrainerError
from trainer.storage.certificates import (
    CertificateRecord,
)

if TYPE_CHECKING:
    from trainer.workspace import Workspace


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
        raise CertificateError(
            "cannot create the folder",
            where=str(folder),
            code=ErrorCode.CERTIFICATE_FOLDER_NOT_CREATED,
        ) from exc
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
                write_pdf_file(ws, record, path, language, settings)
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
