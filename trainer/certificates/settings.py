"""What this installation prints on its certificates: institution, logo, signatories, language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.certificates import document
from trainer.errors import CertificateError, ErrorCode, TrainerError
from trainer.paths import assets_dir
from trainer.storage import settings as stored
from trainer.text import check_name

if TYPE_CHECKING:
    from trainer.workspace import Workspace


DEFAULT_INSTITUTION = "TiP Trainer"

MAX_PRINTED_TEXT = 300  # an institution's name, a signatory's name or title
MAX_LOGO_BYTES = 2 * 1024 * 1024  # an emblem, not a photograph
MAX_SIGNATURE_BYTES = 1024 * 1024  # a scanned signature
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


def default_logo() -> Path:
    """The neutral emblem shipped in assets/, printed when no logo was chosen."""
    return assets_dir() / "certificates" / "default-logo.svg"


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str
    signature: Path | None = None  # a scanned signature printed above the line


@dataclass(frozen=True)
class CertificateSettings:
    institution: str = ""
    logo: Path | None = None  # None: the neutral emblem shipped in assets/
    signatories: tuple[Signatory, ...] = ()
    language: str = "en"
    language_saved: str = ""  # the coordinator's own choice; "" until one is saved

    @property
    def institution_or_default(self) -> str:
        return self.institution or DEFAULT_INSTITUTION


def load_settings(ws: Workspace) -> CertificateSettings:
    db = ws.db
    try:
        raw = json.loads(stored.read(db, stored.CERTIFICATE_SIGNATORIES) or "[]")
        signatories = tuple(
            Signatory(
                str(s["name"]),
                str(s["title"]),
                Path(str(s["signature"])) if s.get("signature") else None,
            )
            for s in raw
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        signatories = ()
    logo = stored.read(db, stored.CERTIFICATE_LOGO)
    language = stored.read(db, stored.CERTIFICATE_LANGUAGE)
    return CertificateSettings(
        institution=stored.read(db, stored.INSTITUTION_NAME),
        logo=Path(logo) if logo else None,
        signatories=signatories,
        language=language if language in document.LANGUAGES else "en",
        language_saved=language if language in document.LANGUAGES else "",
    )


@staff_action(Permission.SETTINGS)
def save_settings(ws: Workspace, settings: CertificateSettings) -> None:
    if settings.logo is not None and not settings.logo.is_file():
        raise CertificateError(
            "the logo file does not exist",
            where=str(settings.logo),
            code=ErrorCode.CERTIFICATE_LOGO_MISSING,
        )
    if settings.logo is not None:
        _check_picture(settings.logo, MAX_LOGO_BYTES)
    signatories: list[dict[str, str]] = []
    for s in settings.signatories:
        if not s.name.strip():
            continue
        entry = {"name": _printed(s.name, "signatory's name"), "title": _printed(s.title, "title")}
        if s.signature is not None:
            _check_picture(s.signature, MAX_SIGNATURE_BYTES)
            entry["signature"] = str(s.signature)
        signatories.append(entry)
    institution = _printed(settings.institution, "institution's name")
    if len(signatories) > 3:
        raise CertificateError(
            "a certificate has room for three signatories at most",
            code=ErrorCode.CERTIFICATE_TOO_MANY_SIGNATORIES,
        )
    stored.write_all(
        ws.db,
        [
            (stored.INSTITUTION_NAME, institution),
            (stored.CERTIFICATE_LOGO, str(settings.logo) if settings.logo else ""),
            (stored.CERTIFICATE_SIGNATORIES, json.dumps(signatories, ensure_ascii=False)),
            (stored.CERTIFICATE_LANGUAGE, settings.language),
        ],
        audit_action="certificate.settings",
        audit_detail=settings.institution,
        actor=ws.actor,
    )


def _check_picture(path: Path, limit: int) -> None:
    """A logo or a scanned signature: a picture file that exists and is not too large
    (the page reads it again, bounded, each time it is drawn)."""
    if path.suffix.lower() not in PICTURE_SUFFIXES:
        raise CertificateError(
            "only PNG, JPEG or SVG pictures can be printed on a certificate",
            where=str(path),
            code=ErrorCode.CERTIFICATE_PICTURE_KIND,
        )
    try:
        size = path.stat().st_size
    except OSError:
        size = -1
    if size < 0 or not path.is_file():
        raise CertificateError(
            "the picture file does not exist",
            where=str(path),
            code=ErrorCode.CERTIFICATE_PICTURE_MISSING,
        )
    if size > limit:
        raise CertificateError(
            f"the picture is larger than {limit // 1024} KB",
            where=str(path),
            code=ErrorCode.CERTIFICATE_PICTURE_TOO_LARGE,
            params={"limit": str(limit // 1024)},
        )


def _printed(text: str, what: str) -> str:
    """A text the certificate prints (may be empty): normalised, or refused when the page
    could not print it (``trainer.text.check_name``)."""
    if not text.strip():
        return ""
    try:
        return check_name(text, what=what, limit=MAX_PRINTED_TEXT)
    except TrainerError as exc:
        raise CertificateError(exc.message, code=exc.code, params=exc.params) from None
