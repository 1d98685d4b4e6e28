"""What a certificate says, and the signed code that carries it (no Qt).

The code is one format, used three ways: the QR code holds ``TIP1:<code>``, the
page prints the same code in groups of five characters, and the PDF's metadata
keeps a copy. Layout of the signed bytes (version 2, all integers big-endian)::

    version   1 byte  (= 2; 1 for certificates issued before version 2)
    kind      1 byte  (0 module, 1 programme, 2 attendance of a training session)
    date      2 bytes days since 2000-01-01
    score     2 bytes tenths of a percent (0 … 1000); for attendance, the share of the
                      session's planned hours attended
    issuer    8 bytes the issuer key id (16 hex digits)
    number    2-byte length + UTF-8
    name      2-byte length + UTF-8 (NFC)
    modules   2-byte length + UTF-8, module ids joined by ","
    subject   8 bytes (version 2 only): the first 8 bytes of the SHA-256 of each module's
              bank id and module id and of the module titles as the certificate stated
              them when issued (``subject_digest``). Module ids are unique within a bank
              only: the digest binds the certificate to the very modules it was issued
              for, and a verifier shows a title only when its own bank gives the same
              digest. (A digest rather than the text keeps the QR code small enough to
              print sharply.)

then the Ed25519 signature (64 bytes) of ``SIGNING_CONTEXT + payload``, then a
CRC-16 of everything before it (2 bytes) that tells a typing mistake from a
forgery. The whole is written in Crockford's base32 (digits and capitals, no
I, L, O or U), which QR codes store compactly and people can type; reading
ignores case, spaces and hyphens and takes O for 0 and I or L for 1. The
decoder is strict: only the one canonical encoding of a payload is accepted.
"""

from __future__ import annotations

import binascii
import re
import struct
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from trainer.errors import CertificateError

PAYLOAD_VERSION = 2
KNOWN_VERSIONS = (1, 2)
# Longest code read (characters): a version-2 payload of the largest size this program
# issues is well under this; anything longer is refused before it is decoded.
MAX_CODE_CHARS = 4000
DIGEST_SIZE = 8
CODE_PREFIX = "TIP1"
QR_PREFIX = CODE_PREFIX + ":"
SIGNING_CONTEXT = b"TiP Trainer certificate v1\x00"
SIGNATURE_SIZE = 64
EPOCH = date(2000, 1, 1)
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {c: i for i, c in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
_HEADER = struct.Struct(">BBHH8s")
_MODULE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")
LANGUAGES = ("en", "fr")


class CertificateKind(StrEnum):
    MODULE = "module"
    PROGRAMME = "programme"
    # A certificate of attendance (of a training session), not of competence. Earlier
    # versions of the program refuse this kind as damaged rather than misreport it.
    ATTENDANCE = "attendance"


_KIND_BYTE = {CertificateKind.MODULE: 0, CertificateKind.PROGRAMME: 1, CertificateKind.ATTENDANCE: 2}


class CodeProblem(StrEnum):
    """Why a certificate is not valid (the interface words each one)."""

    NO_CODE = "no_code"
    MISTYPED = "mistyped"
    MALFORMED = "malformed"
    ALTERED = "altered"
    UNKNOWN_ISSUER = "unknown_issuer"
    REVOKED = "revoked"
    PAGE_MISMATCH = "page_mismatch"


class CodeError(CertificateError):
    """A code that cannot be read; ``problem`` says which kind of fault."""

    def __init__(self, problem: CodeProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True)
class Facts:
    """What a certificate certifies: the signed part."""

    number: str
    name: str
    modules: tuple[str, ...]
    score: float  # percent, rounded to one decimal when encoded
    date: date
    issuer_key_id: str
    kind: CertificateKind = CertificateKind.MODULE
    # Version 2: ``subject_digest`` of the modules' banks and titles as issued (hex).
    subject: str = ""
    version: int = PAYLOAD_VERSION


@dataclass(frozen=True)
class SignedCode:
    facts: Facts
    payload: bytes
    signature: bytes

    @property
    def message(self) -> bytes:
        return SIGNING_CONTEXT + self.payload

    @property
    def code(self) -> str:
        return encode_code(self.payload, self.signature)


# -- payload -----------------------------------------------------------------------
def _text(value: str, what: str) -> bytes:
    data = unicodedata.normalize("NFC", value).encode("utf-8")
    if len(data) > 0xFFFF:
        raise CertificateError(f"the {what} is too long for a certificate")
    return struct.pack(">H", len(data)) + data


def encode_facts(facts: Facts) -> bytes:
    """The canonical bytes that are signed."""
    if facts.version not in KNOWN_VERSIONS:
        raise CertificateError(f"certificate format {facts.version} is not known")
    if not facts.number or not facts.name.strip() or not facts.modules:
        raise CertificateError("a certificate needs a number, a name and at least one module")
    for module_id in facts.modules:
        if not _MODULE_ID.match(module_id):
            raise CertificateError(f"'{module_id}' is not a module id")
    subject = b""
    if facts.version >= 2:
        try:
            subject = bytes.fromhex(facts.subject)
        except ValueError:
            subject = b""
        if len(subject) != DIGEST_SIZE:
            raise CertificateError("a certificate needs the digest of the modules it certifies")
    elif facts.subject:
        raise CertificateError("certificate format 1 carries no module digest")
    days = (facts.date - EPOCH).days
    score = round(facts.score * 10)
    if not 0 <= days <= 0xFFFF:
        raise CertificateError("the certificate date is out of range")
    if not 0 <= score <= 1000:
        raise CertificateError("the score must be between 0 and 100")
    try:
        issuer = bytes.fromhex(facts.issuer_key_id)
    except ValueError:
        issuer = b""
    if len(issuer) != 8:
        raise CertificateError("the issuer key id must be 16 hex digits")
    return (
        _HEADER.pack(facts.version, _KIND_BYTE[facts.kind], days, score, issuer)
        + _text(facts.number, "number")
        + _text(facts.name, "name")
        + _text(",".join(facts.modules), "list of modules")
        + subject
    )


def subject_digest(modules: list[tuple[str, str]] | tuple[tuple[str, str], ...], title: str) -> str:
    """The version-2 digest (16 hex digits) of (bank id, module id) pairs and the title."""
    import hashlib

    text = "\n".join([*(f"{bank}:{module}" for bank, module in modules), title])
    data = unicodedata.normalize("NFC", text).encode("utf-8")
    return hashlib.sha256(b"TiP Trainer subject\x00" + data).hexdigest()[: DIGEST_SIZE * 2]


def decode_facts(payload: bytes) -> Facts:
    """Read signed bytes back; anything but a canonical payload of a known version is refused."""
    bad = CodeError(CodeProblem.MALFORMED, "the certificate code is damaged or not a certificate")
    if len(payload) < _HEADER.size:
        raise bad
    version, kind_byte, days, score, issuer = _HEADER.unpack_from(payload)
    if version not in KNOWN_VERSIONS:
        raise CodeError(
            CodeProblem.MALFORMED, f"this certificate uses format {version}, which is not known here"
        )
    kinds = {b: k for k, b in _KIND_BYTE.items()}
    if kind_byte not in kinds or score > 1000:
        raise bad
    offset = _HEADER.size
    texts: list[str] = []
    try:
        for _ in range(3):
            (size,) = struct.unpack_from(">H", payload, offset)
            offset += 2
            chunk = payload[offset : offset + size]
            if len(chunk) != size:
                raise bad
            texts.append(chunk.decode("utf-8"))
            offset += size
    except (struct.error, UnicodeDecodeError):
        raise bad from None
    subject = b""
    if version >= 2:
        subject = payload[offset : offset + DIGEST_SIZE]
        offset += DIGEST_SIZE
    if offset != len(payload):
        raise bad
    number, name, modules = texts
    try:
        facts = Facts(
            number=number,
            name=name,
            modules=tuple(modules.split(",")),
            score=score / 10,
            date=EPOCH + timedelta(days=days),
            issuer_key_id=issuer.hex(),
            kind=kinds[kind_byte],
            subject=subject.hex(),
            version=version,
        )
        canonical = encode_facts(facts)
    except CertificateError:
        raise bad from None
    if canonical != payload:
        raise bad
    return facts


# -- the code ------------------------------------------------------------------------
def _b32encode(data: bytes) -> str:
    bits = int.from_bytes(data, "big") if data else 0
    nbits = len(data) * 8
    chars = -(-nbits // 5)
    bits <<= chars * 5 - nbits
    return "".join(ALPHABET[(bits >> (5 * (chars - 1 - i))) & 31] for i in range(chars))


def _b32decode(text: str) -> bytes:
    value = 0
    for char in text:
        value = (value << 5) | _VALUE[char]
    nbits = len(text) * 5
    nbytes = nbits // 8
    spare = nbits - nbytes * 8
    if spare >= 5 or value & ((1 << spare) - 1):
        raise CodeError(CodeProblem.MISTYPED, "the code is incomplete or mistyped")
    return (value >> spare).to_bytes(nbytes, "big")


def encode_code(payload: bytes, signature: bytes) -> str:
    body = payload + signature
    return _b32encode(body + struct.pack(">H", binascii.crc_hqx(body, 0)))


def normalise(text: str) -> str:
    """The code with case, spaces, hyphens and the prefix taken away."""
    cleaned = re.sub(r"[\s\-_]+", "", text.strip().upper())
    for prefix in (QR_PREFIX, CODE_PREFIX):
        if cleaned.startswith(prefix):
            cleaned = cleaned[len(prefix) :]
            break
    return cleaned


def decode_code(text: str) -> SignedCode:
    """Read a typed, scanned or extracted code; CodeError says what is wrong with it."""
    if len(text) > MAX_CODE_CHARS * 2:  # room for spaces and hyphens, no more
        raise CodeError(CodeProblem.MALFORMED, "this text is far too long to be a certificate code")
    cleaned = normalise(text)
    if not cleaned:
        raise CodeError(CodeProblem.NO_CODE, "no certificate code was given")
    if len(cleaned) > MAX_CODE_CHARS:
        raise CodeError(CodeProblem.MALFORMED, "this text is far too long to be a certificate code")
    wrong = sorted({c for c in cleaned if c not in _VALUE})
    if wrong:
        raise CodeError(
            CodeProblem.MISTYPED,
            f"the code contains characters that never appear in a code: {''.join(wrong)}",
        )
    data = _b32decode(cleaned)
    if len(data) < _HEADER.size + SIGNATURE_SIZE + 2:
        raise CodeError(CodeProblem.MISTYPED, "the code is incomplete or mistyped")
    body, check = data[:-2], data[-2:]
    if struct.pack(">H", binascii.crc_hqx(body, 0)) != check:
        raise CodeError(CodeProblem.MISTYPED, "the code is incomplete or mistyped")
    payload, signature = body[:-SIGNATURE_SIZE], body[-SIGNATURE_SIZE:]
    return SignedCode(decode_facts(payload), payload, signature)


def grouped(code: str, size: int = 5) -> list[str]:
    return [code[i : i + size] for i in range(0, len(code), size)]


def printed_code(code: str) -> str:
    """The code as printed under the QR: ``TIP1-XXXXX-XXXXX-…``."""
    return "-".join([CODE_PREFIX, *grouped(code)])


def qr_text(code: str) -> str:
    return QR_PREFIX + code


# -- wording -------------------------------------------------------------------------
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
}


def format_date(value: date, language: str) -> str:
    month = MONTHS[language if language in MONTHS else "en"].split()[value.month - 1]
    if language == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {month} {value.year}"
    return f"{value.day} {month} {value.year}"


def format_score(score: float, language: str) -> str:
    text = f"{score:.1f}".removesuffix(".0")
    if language == "fr":
        return text.replace(".", ",") + "\u00a0%"
    return text + "%"


def format_hours(hours: float, language: str) -> str:
    text = f"{hours:.1f}".removesuffix(".0")
    return text.replace(".", ",") if language == "fr" else text


# The certificate's own words, per language: a legal document's wording is chosen
# here, independently of the interface language.
WORDING: dict[str, dict[str, str]] = {
    "en": {
        "title_module": "Certificate of Achievement",
        "title_programme": "Certificate of Completion of a Training Programme",
        "certifies": "This is to certify that",
        "passed_module": "has successfully passed the assessment of the training module",
        "passed_modules": "has successfully passed the assessment of the training modules",
        "completed_programme": "has successfully completed the training programme",
        "track": "Audience track",
        "score": "Score",
        "date": "Date",
        "hours": "Training hours",
        "number": "Certificate No.",
        "code": "Verification code",
        "service": "Service",
        "stamp": "Stamp",
        "verify": "To verify: in TiP Trainer, choose Staff › Verify a certificate and open this "
        "PDF file or a scan or photo of this page (the QR code is read from it), or type the "
        "verification code printed above.",
        "subject": "Certificate of achievement — training on trafficking in persons",
        "title_attendance": "Certificate of Attendance",
        "attended_session": "has attended the training session",
        "attendance": "Attendance",
        "subject_attendance": "Certificate of attendance — training on trafficking in persons",
    },
    "fr": {
        "title_module": "Attestation de réussite",
        "title_programme": "Attestation de fin de programme de formation",
        "certifies": "Il est attesté que",
        "passed_module": "a satisfait à l’évaluation du module de formation",
        "passed_modules": "a satisfait à l’évaluation des modules de formation",
        "completed_programme": "a suivi avec succès le programme de formation",
        "track": "Public cible",
        "score": "Note obtenue",
        "date": "Date",
        "hours": "Heures de formation",
        "number": "Attestation n°",
        "code": "Code de vérification",
        "service": "Service",
        "stamp": "Sceau",
        "verify": "Pour vérifier : dans TiP Trainer, choisissez Personnel › Vérifier une "
        "attestation et ouvrez ce fichier PDF ou un scan ou une photo de cette page (le code QR "
        "y est lu), ou saisissez le code de vérification imprimé ci-dessus.",
        "subject": "Attestation de réussite — formation sur la traite des personnes",
        "title_attendance": "Attestation de participation",
        "attended_session": "a participé à la session de formation",
        "attendance": "Assiduité",
        "subject_attendance": "Attestation de participation — formation sur la traite des "
        "personnes",
    },
}


INSTITUTIONS = {
    "en": {
        "police": "of the National Police",
        "prosecution": "of the Prosecution Service",
        "judiciary": "of the Judiciary",
    },
    "fr": {
        "police": "de la Police nationale",
        "prosecution": "du Ministère public (parquet)",
        "judiciary": "de la Magistrature assise",
    },
}
# The trainee's service as the "Service" field of the page states it.
SERVICES = {
    "en": {
        "police": "National Police",
        "prosecution": "Prosecution Service",
        "judiciary": "Judiciary",
    },
    "fr": {
        "police": "Police nationale",
        "prosecution": "Ministère public",
        "judiciary": "Magistrature assise",
    },
}
AUDIENCES = {
    "en": {"police": "Police officers", "prosecutors": "Prosecutors", "judges": "Judges"},
    "fr": {
        "police": "Officiers de police",
        "prosecutors": "Magistrats du parquet",
        "judges": "Juges",
    },
}


def institution_label(value: str, language: str) -> str:
    """The trainee's institution as the certificate states it ('' for other)."""
    return INSTITUTIONS.get(language, INSTITUTIONS["en"]).get(value, "")


def service_label(value: str, language: str) -> str:
    """The trainee's institution as a service name ('' for other)."""
    return SERVICES.get(language, SERVICES["en"]).get(value, "")


def audience_label(values: tuple[str, ...] | list[str], language: str) -> str:
    names = AUDIENCES.get(language, AUDIENCES["en"])
    return ", ".join(names.get(v, v) for v in values)


def wording(language: str) -> dict[str, str]:
    return WORDING[language if language in WORDING else "en"]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def _printed_fields(page: str, language: str) -> dict[str, str] | None:
    """The name, score, date and number as the page prints them, read between the labels
    the certificate prints in ``language`` (None if the page is not laid out so).

    ``page`` is squashed (``_squash``): each field is compared whole, so a date of
    "26 December" never passes for "6 December".
    """
    w = wording(language)

    def alternatives(values: list[str]) -> str:
        return "(?:" + "|".join(re.escape(_squash(v)) for v in values if v) + ")"

    institutions = list(INSTITUTIONS.get(language, INSTITUTIONS["en"]).values())
    passed = [
        w["passed_module"],
        w["passed_modules"],
        w["completed_programme"],
        w["attended_session"],
    ]
    pattern = (
        re.escape(_squash(w["certifies"]))
        + "(?P<name>.+?)"
        + alternatives(institutions)
        + "?"
        + alternatives(passed)
        + ".*?"
        + alternatives([w["score"], w["attendance"]])
        + "(?P<score>.+?)"
        + re.escape(_squash(w["date"]))
        + "(?P<date>.+?)"
        + re.escape(_squash(w["hours"]))
        + ".*?"
        + re.escape(_squash(w["number"]))
        + "(?P<number>.+?)"
        + re.escape(_squash(w["code"]))
    )
    found = re.search(pattern, page, flags=re.DOTALL)
    return found.groupdict() if found else None


def page_matches(page_text: str, facts: Facts) -> bool:
    """Whether text extracted from a certificate page states exactly the signed facts.

    Each printed field (name, score, date, number) must equal the signed one; only
    whitespace is ignored (extraction breaks lines and drops spaces at will).
    """
    page = _squash(page_text)
    for lang in LANGUAGES:
        fields = _printed_fields(page, lang)
        if fields is not None and fields == {
            "name": _squash(facts.name),
            "score": _squash(format_score(facts.score, lang)),
            "date": _squash(format_date(facts.date, lang)),
            "number": _squash(facts.number),
        }:
            return True
    return False
