"""Signed result bundles: a workstation sends its new results; the coordinator merges them (no Qt).

A bundle is one zip file holding ``bundle.json`` (what the workstation recorded),
``manifest.json`` (a few hundred bytes: the key, and the size and SHA-256 of
``bundle.json``) and ``bundle.sig`` (the installation key's Ed25519 signature over
the manifest). Importing reads the small manifest and its signature first, checks
them against the keys this installation trusts, and only then reads ``bundle.json``,
at most the size the manifest declares, checking its digest: an untrusted or altered
file is refused before its payload is read (a zip bomb costs nothing). Bundles made
before the manifest (``bundle.json`` signed directly) are still read when their key is
trusted, up to ``MAX_LEGACY_BYTES``.

Even a trusted workstation's content is checked field by field (types, ranges, ids,
names, timestamps no later than ``FUTURE_TOLERANCE`` after now), and a workstation
changes only the profiles it created. Everything is added in one transaction: a
refused bundle changes nothing, and a bundle imported twice adds nothing the second
time (attempts and trainees are known by their global uids).

The same person seen on two workstations (two trainee uids) is merged by this
rule, in order (docs/coordinator.md explains it):

1. the same uid, or a uid already merged before, is the same person;
2. the same institution and the same service number (ignoring case, spaces,
   dots, dashes and slashes) is the same person;
3. the same institution and the same name (ignoring case, accents, punctuation
   and extra spaces), when the two do not have different service numbers, is
   the same person, and the report flags it for a check;
4. otherwise, or when rule 2 or 3 finds more than one person, it is a new
   trainee (an ambiguous case is flagged in the report).

When two profiles are merged, the one already here keeps its values; a field
it lacks (service number, gender, province) is filled from the other.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Generic, TypeVar

from trainer.banks.loader import ID_PATTERN, VERSION_PATTERN
from trainer.banks.model import LANGUAGES, Kind
from trainer.certificates import document
from trainer.certificates.document import MAX_CODE_CHARS, CodeError
from trainer.certificates.signing import KeyRing
from trainer.errors import CancelledError, CertificateError, TrainerError
from trainer.files import replace_atomically
from trainer.sessions import bundle as session_records
from trainer.storage import audit
from trainer.storage.bundles import (
    ATTEMPT_FIELDS,
    QUESTION_FIELDS,
    STEP_FIELDS,
    TRAINEE_FIELDS,
    BundleImport,
    BundleMerge,
    BundleRepository,
)
from trainer.storage.certificates import CertifiedModule, Revocation
from trainer.storage.database import Database, new_uid, now
from trainer.text import check_code_text, check_name, name_problem, printable

PersonKey = TypeVar("PersonKey")
FORMAT = "tip-trainer-results-bundle"
VERSION = 1
SUFFIX = ".tipbundle"
DATA_NAME = "bundle.json"
SIGNATURE_NAME = "bundle.sig"
MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "tip-trainer-bundle-manifest"
MANIFEST_CONTEXT = b"TiP Trainer bundle manifest v1\x00"
MAX_MANIFEST_BYTES = 64 * 1024
MAX_SIGNATURE_BYTES = 4 * 1024
MAX_DATA_BYTES = 1024**3
# A bundle without a manifest must be read whole before its signature can be checked.
MAX_LEGACY_BYTES = 256 * 1024**2

Progress = Callable[[int, int], bool]

# The workstation's own certificates travel with its results (optional in a bundle:
# bundles from before certificates travelled have none).
CERTIFICATE_FIELDS = (
    "number",
    "kind",
    "trainee_uid",
    "trainee_name",
    "institution",
    "attempt_uid",
    "programme_name",
    "subject",
    "modules",
    "audiences",
    "score",
    "training_hours",
    "certified_on",
    "issued_at",
    "issuer_name",
    "code",
    "status",
    "revoked_at",
    "revoked_reason",
)
# What a received certificate keeps as its record says (the rest is this register's own).
RECEIVED_FIELDS = tuple(
    k for k in CERTIFICATE_FIELDS if k not in ("trainee_uid", "attempt_uid", "subject")
)
# key prefix, (station of a workstation connected to a central database,) year, sequence
_NUMBER = re.compile(r"^[0-9A-F]{4}-(?:W\d{3}-)?(\d{4})-(\d{5,})$")
INSTITUTIONS = {"police", "prosecution", "judiciary", "other"}
_UID = re.compile(r"^[0-9A-Za-z_][0-9A-Za-z_-]{0,63}$")


class BundleError(TrainerError):
    """A bundle was refused (unreadable, altered, untrusted, damaged); nothing changed."""


class BundleCancelledError(CancelledError):
    """The user cancelled; nothing was written or imported."""


# -- export ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class BundleExport:
    path: Path
    bundle_uid: str
    attempts: int
    trainees: int


def export_bundle(
    db: Database,
    keys: KeyRing,
    path: Path,
    *,
    everything: bool = False,
    actor: str | None = None,
    progress: Progress | None = None,
) -> BundleExport:
    """Write the finished attempts and profiles not yet sent to a signed bundle file.

    ``everything`` sends all of them again (importing twice is harmless).
    Only once the file is complete are its attempts marked as sent.
    """
    repo = BundleRepository(db)
    attempts, trainees = repo.unsent(everything=everything)
    out_attempts: list[dict[str, Any]] = []
    total = len(attempts)
    for done, a in enumerate(attempts, 1):
        record = {k: a[k] for k in ATTEMPT_FIELDS}
        record["trainee_uid"] = a["trainee_uid"]
        record["questions"] = [
            {k: q[k] for k in QUESTION_FIELDS} for q in repo.questions_of(a["id"])
        ]
        record["steps"] = [{k: s[k] for k in STEP_FIELDS} for s in repo.steps_of(a["id"])]
        out_attempts.append(record)
        if progress is not None and done % 200 == 0 and not progress(done, total):
            raise BundleCancelledError("bundle export cancelled")
    issued = repo.issued_by(keys.key_id)
    bundle_uid = new_uid()
    workstation = repo.workstation()
    data = {
        "format": FORMAT,
        "version": VERSION,
        "bundle_uid": bundle_uid,
        "created_at": now(),
        "workstation": {"uid": workstation[0], "name": workstation[1]},
        "key_id": keys.key_id,
        "trainees": [{k: t[k] for k in TRAINEE_FIELDS} for t in trainees],
        "attempts": out_attempts,
        "certificates": [{k: c[k] for k in CERTIFICATE_FIELDS} for c in issued],
        "sessions": repo.sessions(),
    }
    write_bundle_file(path, data, keys)
    repo.mark_sent(
        bundle_uid,
        [a["uid"] for a in attempts],
        [(t["uid"], t["updated_at"]) for t in trainees],
        f"{bundle_uid}: {len(attempts)} attempts, {len(trainees)} trainees to {path.name}",
        actor,
    )
    return BundleExport(path, bundle_uid, len(attempts), len(trainees))


def canonical_json(value: Any) -> bytes:
    """``json.dumps(value, ensure_ascii=False, sort_keys=True)`` in UTF-8, byte for byte,
    encoded record by record: the C encoder holds the interpreter lock for a whole call, so
    one call on a large bundle would stop every other thread (the window) for as long."""
    chunks: list[bytes] = []
    _json_chunks(value, 2, chunks)
    return b"".join(chunks)


def _json_chunks(value: Any, depth: int, out: list[bytes]) -> None:
    if depth > 0 and isinstance(value, dict) and all(isinstance(k, str) for k in value):
        out.append(b"{")
        for n, key in enumerate(sorted(value)):
            out.append(((", " if n else "") + json.dumps(key, ensure_ascii=False) + ": ").encode())
            _json_chunks(value[key], depth - 1, out)
        out.append(b"}")
    elif depth > 0 and isinstance(value, list):
        out.append(b"[")
        for n, item in enumerate(value):
            if n:
                out.append(b", ")
            _json_chunks(item, depth - 1, out)
        out.append(b"]")
    else:
        out.append(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def write_bundle_file(path: Path, data: dict[str, Any], keys: KeyRing) -> None:
    """``data`` as a bundle file: the payload, its manifest, and the key's signature of the
    manifest (written to a temporary name, then renamed)."""
    payload = canonical_json(data)
    manifest = json.dumps(
        {
            "format": MANIFEST_FORMAT,
            "version": 1,
            "key_id": keys.key_id,
            "data": {
                "name": DATA_NAME,
                "size": len(payload),
                "sha256": hashlib.sha256(payload).hexdigest(),
            },
        },
        sort_keys=True,
    ).encode("utf-8")
    signature = {
        "key_id": keys.key_id,
        "algorithm": "Ed25519",
        "signed": MANIFEST_NAME,
        "signature": base64.b64encode(keys.sign(MANIFEST_CONTEXT + manifest)).decode("ascii"),
    }
    _write_zip(path, payload, manifest, json.dumps(signature, indent=2).encode("utf-8"))


def _write_zip(path: Path, payload: bytes, manifest: bytes, signature: bytes) -> None:
    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST_NAME, manifest)
            zf.writestr(SIGNATURE_NAME, signature)
            zf.writestr(DATA_NAME, payload)

    replace_atomically(
        path,
        write,
        fail=lambda exc: BundleError(
            f"the bundle could not be written: {exc.strerror or exc}", where=str(path)
        ),
    )


# -- import ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class MergeNote:
    """A trainee from the bundle recognised as someone already here (or an ambiguous case)."""

    incoming_uid: str
    incoming_name: str
    local_id: int | None
    local_name: str
    reason: str  # "service_number", "name", or "ambiguous"
    flagged: bool


@dataclass(frozen=True)
class CertificateNote:
    """A certificate of the bundle not added to the register, and why (a ``LEFT_*`` code)."""

    number: str
    reason: str
    other: str = ""  # the certificate already held, for LEFT_ALREADY_CERTIFIED


LEFT_NOT_VALID = "not_valid"  # damaged, signed by another key, or facts that differ
LEFT_UNKNOWN_TRAINEE = "unknown_trainee"
LEFT_ALREADY_CERTIFIED = "already_certified"
LEFT_NUMBER_TAKEN = "number_taken"
LEFT_REASONS = {
    LEFT_NOT_VALID: "its code does not verify against the workstation's key",
    LEFT_UNKNOWN_TRAINEE: "its trainee is not in this register",
    LEFT_ALREADY_CERTIFIED: "the trainee already holds a certificate for it here",
    LEFT_NUMBER_TAKEN: "a certificate with the same number is already here",
}


@dataclass
class MergeReport:
    path: Path
    bundle_uid: str = ""
    workstation_uid: str = ""
    workstation_name: str = ""
    key_id: str = ""
    key_name: str = ""
    created_at: str = ""
    already_imported: bool = False
    trainees_added: int = 0
    trainees_known: int = 0
    trainees_updated: int = 0
    attempts_added: int = 0
    attempts_known: int = 0
    merges: list[MergeNote] = field(default_factory=list)
    certificates_added: int = 0
    certificates_known: int = 0
    certificates_revoked: int = 0
    certificates_left: list[CertificateNote] = field(default_factory=list)

    @property
    def flagged(self) -> list[MergeNote]:
        return [m for m in self.merges if m.flagged]

    def lines(self) -> list[str]:
        """The report in plain English (the command line prints it)."""
        out = [
            f"bundle {self.bundle_uid} from {self.workstation_name} ({self.workstation_uid}),"
            f" signed by {self.key_name} [{self.key_id}], made {self.created_at}",
        ]
        if self.already_imported:
            out.append("already imported before: nothing added")
        out.append(f"attempts: {self.attempts_added} added, {self.attempts_known} already here")
        out.append(
            f"trainees: {self.trainees_added} added, {self.trainees_known} already here,"
            f" {len([m for m in self.merges if m.local_id is not None])} merged with someone"
            f" already here, {self.trainees_updated} profiles updated"
        )
        for m in self.merges:
            if m.reason == "ambiguous":
                out.append(
                    f"  CHECK: {m.incoming_name} matches several trainees; added as a new trainee"
                )
            else:
                mark = "  CHECK: " if m.flagged else "  "
                out.append(
                    f"{mark}{m.incoming_name} merged into {m.local_name} (same {m.reason.replace('_', ' ')})"
                )
        out.append(
            f"certificates: {self.certificates_added} added, {self.certificates_known} already"
            f" here, {self.certificates_revoked} newly revoked"
        )
        for c in self.certificates_left:
            other = f" ({c.other})" if c.other else ""
            out.append(
                f"  CHECK: certificate {c.number} not added: {LEFT_REASONS[c.reason]}{other}"
            )
        return out

    def to_json(self) -> str:
        data = {
            k: v
            for k, v in self.__dict__.items()
            if k not in ("path", "merges", "certificates_left")
        }
        data["merges"] = [m.__dict__ for m in self.merges]
        data["certificates_left"] = [c.__dict__ for c in self.certificates_left]
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def normalise_service_number(value: str | None) -> str | None:
    text = re.sub(r"[\s./\\-]+", "", value or "").upper()
    return text or None


def normalise_name(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s]", " ", plain.casefold()).split()
    return " ".join(words)


def _member(zf: zipfile.ZipFile, name: str, limit: int, path: Path) -> bytes:
    """One member's bytes, decompressing at most ``limit + 1`` whatever its header says."""
    with zf.open(name) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise BundleError(
            f"the bundle's {name} is larger than any genuine bundle's", where=str(path)
        )
    return data


def _signature(sig_bytes: bytes, path: Path) -> tuple[str, bytes]:
    try:
        sig = json.loads(sig_bytes)
        kid = str(sig["key_id"])
        signature = base64.b64decode(sig["signature"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise BundleError("the bundle's signature is damaged", where=str(path)) from exc
    return kid, signature


def _verify(keys: KeyRing, kid: str, signature: bytes, message: bytes, path: Path) -> None:
    try:
        keys.verify(kid, signature, message)
    except CertificateError as exc:
        if keys.lookup(kid) is None:
            raise _untrusted(kid, path) from exc
        raise BundleError(
            "the bundle was altered after it was signed (the signature does not match)",
            where=str(path),
        ) from exc


def _untrusted(kid: str, path: Path) -> BundleError:
    return BundleError(
        f"the bundle is signed by a key this installation does not trust ({printable(kid)});"
        " import that workstation's public key first",
        where=str(path),
    )


def read_bundle(path: Path, keys: KeyRing) -> tuple[dict[str, Any], str]:
    """The verified content of a bundle file and the id of the trusted key that signed it.

    Nothing but the small manifest and signature is read before the signature is checked;
    every member is decompressed only up to its limit.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if names == {MANIFEST_NAME, SIGNATURE_NAME, DATA_NAME}:
                kid, signature = _signature(
                    _member(zf, SIGNATURE_NAME, MAX_SIGNATURE_BYTES, path), path
                )
                manifest_bytes = _member(zf, MANIFEST_NAME, MAX_MANIFEST_BYTES, path)
                _verify(keys, kid, signature, MANIFEST_CONTEXT + manifest_bytes, path)
                size, digest = _manifest(manifest_bytes, kid, path)
                if zf.getinfo(DATA_NAME).file_size != size:
                    raise BundleError("the bundle's content is not the one signed", where=str(path))
                payload = _member(zf, DATA_NAME, size, path)
                if len(payload) != size or hashlib.sha256(payload).hexdigest() != digest:
                    raise BundleError(
                        "the bundle was altered after it was signed (its content differs from"
                        " the signed manifest)",
                        where=str(path),
                    )
            elif names == {DATA_NAME, SIGNATURE_NAME}:
                # Made before bundles had a manifest: trusted key first, then a bounded read.
                kid, signature = _signature(
                    _member(zf, SIGNATURE_NAME, MAX_SIGNATURE_BYTES, path), path
                )
                if keys.lookup(kid) is None:
                    raise _untrusted(kid, path)
                payload = _member(zf, DATA_NAME, MAX_LEGACY_BYTES, path)
                _verify(keys, kid, signature, payload, path)
            else:
                raise BundleError("this is not a TiP Trainer results bundle", where=str(path))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, zlib.error) as exc:
        raise BundleError(
            "the file is not a results bundle or it is damaged", where=str(path)
        ) from exc
    except NotImplementedError as exc:  # a compression method zipfile does not read
        raise BundleError(
            "the file is not a results bundle or it is damaged", where=str(path)
        ) from exc
    except OSError as exc:
        raise BundleError(
            f"the bundle cannot be read: {exc.strerror or exc}", where=str(path)
        ) from exc
    try:
        data = json.loads(payload, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        raise BundleError("the bundle's content is damaged", where=str(path)) from exc
    problem = _check(data, kid)
    if problem:
        raise BundleError(f"the bundle's content is damaged: {problem}", where=str(path))
    return data, kid


def _manifest(data: bytes, kid: str, path: Path) -> tuple[int, str]:
    """The size and SHA-256 the signed manifest declares for ``bundle.json``."""
    try:
        manifest = json.loads(data)
        declared = manifest["data"]
        size, digest = declared["size"], declared["sha256"]
        ok = (
            manifest["format"] == MANIFEST_FORMAT
            and manifest["key_id"] == kid
            and declared["name"] == DATA_NAME
            and type(size) is int
            and isinstance(digest, str)
            and re.fullmatch(r"[0-9a-f]{64}", digest) is not None
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleError("the bundle's manifest is damaged", where=str(path)) from exc
    if not ok:
        raise BundleError("the bundle's manifest is damaged", where=str(path))
    if not 0 < size <= MAX_DATA_BYTES:
        raise BundleError("the bundle is too large to be genuine", where=str(path))
    return size, digest


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _check(data: Any, kid: str) -> str | None:
    """What is wrong with a bundle's content, or None: its structure, then every field's
    type and range (a trusted workstation's bundle is checked as closely as any input)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return "not a results bundle"
    if data.get("version") != VERSION:
        return f"bundle version {printable(repr(data.get('version')))[:40]} is not supported"
    if data.get("key_id") != kid:
        return "the key named inside differs from the key that signed it"
    ws = data.get("workstation")
    if not isinstance(ws, dict) or not _is_uid(ws.get("uid")):
        return "no workstation"
    if not _is_text(ws.get("name", ""), 200):
        return "the workstation's name is not valid"
    if not _is_uid(data.get("bundle_uid")):
        return "no bundle id"
    if not _is_stamp(data.get("created_at")):
        return "the bundle's date is not valid or lies in the future"
    trainees, attempts = data.get("trainees"), data.get("attempts")
    if not isinstance(trainees, list) or not isinstance(attempts, list):
        return "no trainees or attempts list"
    for t in trainees:
        if not isinstance(t, dict) or set(TRAINEE_FIELDS) - set(t):
            return "a trainee record is incomplete"
        problem = _check_fields(t, _TRAINEE_RULES)
        if problem:
            return f"trainee {_label(t)}: {problem}"
        if not _is_uid(t["uid"]):
            return "a trainee has no valid id"
    for a in attempts:
        if not isinstance(a, dict) or set(ATTEMPT_FIELDS) - set(a) or "trainee_uid" not in a:
            return "an attempt record is incomplete"
        if not _is_uid(a["uid"]):
            return "an attempt has no valid id"
        for key in ("bank_id", "module_id"):
            if not isinstance(a[key], str) or not ID_PATTERN.match(a[key]):
                return f"attempt {a['uid']} has an invalid {key}"
        problem = _check_fields(a, _ATTEMPT_RULES)
        if problem:
            return f"attempt {a['uid']}: {problem}"
        questions = a.get("questions")
        if not isinstance(questions, list) or not isinstance(a.get("steps"), list):
            return f"attempt {a['uid']} has no questions or steps"
        for q in questions:
            if not isinstance(q, dict) or set(QUESTION_FIELDS) - set(q):
                return f"a question of attempt {a['uid']} is incomplete"
            if not isinstance(q["question_id"], str) or not ID_PATTERN.match(q["question_id"]):
                return f"attempt {a['uid']} has an invalid question id"
            problem = _check_fields(q, _QUESTION_RULES)
            if problem:
                return f"attempt {a['uid']}, question {q['question_id']}: {problem}"
        for s in a["steps"]:
            if not isinstance(s, dict) or set(STEP_FIELDS) - set(s):
                return f"a step of attempt {a['uid']} is incomplete"
            problem = _check_fields(s, _STEP_RULES)
            if problem:
                return f"a step of attempt {a['uid']}: {problem}"
    received = data.get("certificates", [])
    if not isinstance(received, list):
        return "the certificates are not a list"
    for c in received:
        if not isinstance(c, dict) or set(CERTIFICATE_FIELDS) - set(c):
            return "a certificate record is incomplete"
        if not isinstance(c["number"], str) or not _NUMBER.match(c["number"]):
            return "a certificate has no valid number"
        if c["status"] not in ("valid", "revoked") or c["kind"] not in (
            "module",
            "programme",
            "attendance",
        ):
            return f"certificate {c['number']} has an unknown status or kind"
        if not isinstance(c["trainee_uid"], str) or not isinstance(c["code"], str):
            return f"certificate {c['number']} has no trainee or no code"
        problem = _check_fields(c, _CERTIFICATE_RULES)
        if problem:
            return f"certificate {c['number']}: {problem}"
    return session_records.check(data.get("sessions"))


# -- field rules ------------------------------------------------------------------------------
# How far in the future a bundle's timestamps may lie (clocks of workstations drift; a
# date beyond this would win every later merge of the same profile).
FUTURE_TOLERANCE = timedelta(days=1)
MAX_SEED = 2**63 - 1
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_KINDS = {k.value for k in Kind}
_AUDIENCES = {"police", "prosecutors", "judges"}
Rule = Callable[[Any], bool]


def _label(record: dict[str, Any]) -> str:
    return printable(str(record.get("uid", "?")))[:64]


def _is_uid(value: Any) -> bool:
    return isinstance(value, str) and _UID.match(value) is not None


def _is_text(value: Any, limit: int) -> bool:
    """Text of at most ``limit`` characters without control or invisible characters
    (line breaks and tabs allowed)."""
    return isinstance(value, str) and len(value) <= limit and printable(value) == value


def _is_stamp(value: Any) -> bool:
    """An ISO 8601 time with its zone, not later than now plus ``FUTURE_TOLERANCE``."""
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return False
    return when.tzinfo is not None and when <= datetime.now(UTC) + FUTURE_TOLERANCE


def _is_number(low: float, high: float) -> Rule:
    def rule(value: Any) -> bool:
        return (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and math.isfinite(value)
            and low <= value <= high
        )

    return rule


def _is_int(low: int, high: int) -> Rule:
    return lambda v: type(v) is int and low <= v <= high


def _optional(rule: Rule) -> Rule:
    return lambda v: v is None or rule(v)


def _one_of(*values: Any) -> Rule:
    return lambda v: isinstance(v, (str, int)) and not isinstance(v, float) and v in values


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and name_problem(value).ok


def _is_service_number(value: Any) -> bool:
    if value is None:
        return True
    try:
        check_code_text(value)
    except TrainerError:
        return False
    return isinstance(value, str)


def _is_title(value: Any) -> bool:
    """A module title as attempts store it: JSON of language → text."""
    if not _is_text(value, 20_000):
        return False
    try:
        title = json.loads(value)
    except ValueError:
        return False
    return isinstance(title, dict) and all(
        isinstance(k, str) and len(k) <= 8 and _is_text(v, 2000) for k, v in title.items()
    )


def _is_audiences(value: Any) -> bool:
    return isinstance(value, str) and all(a in _AUDIENCES for a in value.split(",") if a)


def _is_modules(value: Any) -> bool:
    """A certificate's modules as the register stores them: JSON list of id, title, bank."""
    if not _is_text(value, 100_000):
        return False
    try:
        modules = json.loads(value)
    except ValueError:
        return False
    return (
        isinstance(modules, list)
        and 0 < len(modules) <= 100
        and all(
            isinstance(m, dict)
            and isinstance(m.get("id"), str)
            and ID_PATTERN.match(m["id"]) is not None
            and isinstance(m.get("title"), dict)
            and all(_is_text(t, 2000) for t in m["title"].values())
            and (m.get("bank", "") == "" or ID_PATTERN.match(str(m.get("bank"))) is not None)
            for m in modules
        )
    )


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return day <= (datetime.now(UTC) + FUTURE_TOLERANCE).date()


_TRAINEE_RULES: dict[str, Rule] = {
    "name": _is_name,
    "institution": lambda v: v in INSTITUTIONS,
    "service_number": _is_service_number,
    "gender": _optional(lambda v: _is_text(v, 50)),
    "province": _optional(lambda v: _is_text(v, 100)),
    "workstation_uid": _is_uid,
    "created_at": _is_stamp,
    "updated_at": _is_stamp,
}
_ATTEMPT_RULES: dict[str, Rule] = {
    "trainee_uid": _is_uid,
    "bank_version": lambda v: isinstance(v, str) and VERSION_PATTERN.match(v) is not None,
    "bank_hash": lambda v: isinstance(v, str) and _HEX64.match(v) is not None,
    "module_title": _is_title,
    "audiences": _is_audiences,
    "behaviour": _one_of("practice", "exam"),
    "language": _one_of(*LANGUAGES),
    "seed": _is_int(0, MAX_SEED),
    "pass_mark": _is_number(0, 100),
    "review": _one_of("full", "answers", "score"),
    "training_hours": _is_number(0, 10_000),
    "started_at": _is_stamp,
    "deadline": _optional(lambda v: isinstance(v, str) and len(v) <= 40),
    "finished_at": _is_stamp,
    "state": _one_of("finished"),
    "score": _is_number(0, 1_000_000),
    "max_score": _is_number(0, 1_000_000),
    "percent": _is_number(0, 100),
    "passed": _one_of(0, 1, True, False),
    "workstation_uid": _is_uid,
}
_QUESTION_RULES: dict[str, Rule] = {
    "slot": _is_int(0, 100_000),
    "kind": _one_of(*_KINDS),
    "topic": lambda v: isinstance(v, str) and ID_PATTERN.match(v) is not None,
    "max_mark": _is_number(0, 10_000),
    "snapshot": lambda v: _is_text(v, 1_000_000),
    "response": _optional(lambda v: _is_text(v, 100_000)),
    "fraction": _optional(_is_number(0, 1)),
    "mark": _optional(_is_number(0, 10_000)),
    "flagged": _one_of(0, 1, True, False),
    "first_shown_at": _optional(_is_stamp),
    "answered_at": _optional(_is_stamp),
    "seconds_spent": _is_number(0, 10_000_000),
}
_STEP_RULES: dict[str, Rule] = {
    "seq": _is_int(0, 10_000_000),
    "slot": _optional(_is_int(0, 100_000)),
    "action": lambda v: isinstance(v, str) and ID_PATTERN.match(v) is not None,
    "response": _optional(lambda v: _is_text(v, 100_000)),
    "fraction": _optional(_is_number(0, 1)),
    "created_at": _is_stamp,
}
_CERTIFICATE_RULES: dict[str, Rule] = {
    "trainee_uid": _is_uid,
    "trainee_name": _is_name,
    "institution": lambda v: v in INSTITUTIONS,
    "attempt_uid": _optional(_is_uid),
    "programme_name": _optional(lambda v: _is_text(v, 300)),
    "subject": lambda v: _is_text(v, 300),
    "modules": _is_modules,
    "audiences": _is_audiences,
    "score": _is_number(0, 100),
    "training_hours": _is_number(0, 10_000),
    "certified_on": _is_date,
    "issued_at": _is_stamp,
    "issuer_name": lambda v: _is_text(v, 300),
    "code": lambda v: isinstance(v, str) and 0 < len(v) <= MAX_CODE_CHARS,
    "revoked_at": _optional(lambda v: isinstance(v, str) and len(v) <= 40),
    "revoked_reason": _optional(lambda v: _is_text(v, 2000)),
}


def _check_fields(record: dict[str, Any], rules: dict[str, Rule]) -> str | None:
    for key, rule in rules.items():
        if not rule(record.get(key)):
            return f"'{key}' is not valid ({printable(repr(record.get(key)))[:60]})"
    return None


class People(Generic[PersonKey]):
    """Known trainees indexed by the merge rule's normalised keys: a coordinator's register
    (keys are local trainee ids) or the central database's profiles (keys are person
    uids). ``match`` is the rule both the bundle import and the network sync follow."""

    def __init__(
        self,
        trainees: Iterable[tuple[PersonKey, str, str, str, str | None]],
        aliases: Iterable[tuple[str, PersonKey]] = (),
    ) -> None:
        self.by_uid: dict[str, PersonKey] = {}
        self.by_number: dict[tuple[str, str], list[PersonKey]] = {}
        self.by_name: dict[tuple[str, str], list[PersonKey]] = {}
        self.numbers: dict[PersonKey, str | None] = {}
        self.names: dict[PersonKey, str] = {}
        for key, uid, name, institution, number in trainees:
            self.add(key, uid, name, institution, number)
        for uid, key in aliases:
            self.by_uid[uid] = key

    def add(
        self, key: PersonKey, uid: str, name: str, institution: str, number: str | None
    ) -> None:
        self.by_uid[uid] = key
        if key in self.names:  # a second profile of a person already listed
            return
        self.names[key] = name
        sn = normalise_service_number(number)
        self.numbers[key] = sn
        if sn:
            self.by_number.setdefault((institution, sn), []).append(key)
        self.by_name.setdefault((institution, normalise_name(name)), []).append(key)

    def match(self, t: Mapping[str, Any]) -> tuple[PersonKey | None, str]:
        """(the person's key or None, reason) for an incoming profile with a new uid."""
        sn = normalise_service_number(t["service_number"])
        if sn:
            found = self.by_number.get((t["institution"], sn), [])
            if len(found) == 1:
                return found[0], "service_number"
            if len(found) > 1:
                return None, "ambiguous"
        found = [
            key
            for key in self.by_name.get((t["institution"], normalise_name(t["name"])), [])
            if not (sn and self.numbers[key] and self.numbers[key] != sn)
        ]
        if len(found) == 1:
            return found[0], "name"
        if len(found) > 1:
            return None, "ambiguous"
        return None, ""


def import_bundle(
    db: Database,
    keys: KeyRing,
    path: Path,
    *,
    actor: str | None = None,
    progress: Progress | None = None,
) -> MergeReport:
    """Verify and merge one bundle; BundleError (nothing changed) when it is refused."""
    path = Path(path)
    try:
        data, kid = read_bundle(path, keys)
    except BundleError as exc:
        audit.record(db, "bundle.import_refused", f"{path.name}: {exc.message}", actor=actor)
        raise
    trusted = keys.lookup(kid)
    report = MergeReport(
        path=path,
        bundle_uid=data["bundle_uid"],
        workstation_uid=data["workstation"]["uid"],
        workstation_name=str(data["workstation"].get("name", "")),
        key_id=kid,
        key_name=trusted.name if trusted else kid,
        created_at=str(data.get("created_at", "")),
    )
    try:
        with BundleRepository(db).merging() as merge:
            _merge(merge, data, report, progress, keys)
            merge.record_import(
                report.bundle_uid,
                kid,
                report.workstation_uid,
                report.workstation_name,
                report.to_json(),
                f"{report.bundle_uid} from {report.workstation_name}: "
                f"{report.attempts_added} attempts, {report.trainees_added} trainees and "
                f"{report.certificates_added} certificates added, "
                f"{len(report.merges)} merged or flagged",
                actor,
            )
    except _RefusedError as exc:
        audit.record(db, "bundle.import_refused", f"{path.name}: {exc}", actor=actor)
        raise BundleError(f"the bundle's content is damaged: {exc}", where=str(path)) from None
    return report


class _RefusedError(Exception):
    """Internal: the bundle contradicts itself; the transaction is rolled back."""


def _merge(
    merge: BundleMerge,
    data: dict[str, Any],
    report: MergeReport,
    progress: Progress | None,
    keys: KeyRing,
) -> None:
    report.already_imported = merge.already_imported(report.bundle_uid)
    source = report.workstation_uid
    if merge.this_workstation() == source:
        raise _RefusedError("it claims to come from this workstation")
    other = merge.other_key(source, report.key_id)
    if other is not None:
        raise _RefusedError(
            f"workstation {source} sent its bundles signed by another key ({other}) before"
        )
    people: People[int] = People(merge.trainees(), merge.aliases())
    stamp = now()
    for t in data["trainees"]:
        t = {
            **t,
            "name": check_name(t["name"]),
            "service_number": check_code_text(t["service_number"]),
        }
        tid = people.by_uid.get(t["uid"])
        if tid is not None:
            report.trainees_known += 1
            report.trainees_updated += _refresh(merge, tid, t, source)
            continue
        tid, reason = people.match(t)
        if tid is not None:
            merge.add_alias(t["uid"], tid, reason, stamp)
            people.by_uid[t["uid"]] = tid
            merge.fill_blanks(
                tid, t["service_number"] or None, t["gender"] or None, t["province"] or None
            )
            report.merges.append(
                MergeNote(t["uid"], t["name"], tid, people.names[tid], reason, reason == "name")
            )
            continue
        new_id = merge.add_trainee(t)
        people.add(new_id, t["uid"], t["name"], t["institution"], t["service_number"])
        report.trainees_added += 1
        if reason == "ambiguous":
            report.merges.append(MergeNote(t["uid"], t["name"], None, "", "ambiguous", True))
    total = len(data["attempts"])
    for done, a in enumerate(data["attempts"], 1):
        if progress is not None and done % 200 == 0 and not progress(done, total):
            raise BundleCancelledError("bundle import cancelled")
        if merge.attempt_id(a["uid"]) is not None:
            report.attempts_known += 1
            continue
        tid = people.by_uid.get(a["trainee_uid"])
        if tid is None:
            raise _RefusedError(
                f"attempt {a['uid']} belongs to a trainee the bundle does not contain"
            )
        merge.add_attempt(tid, a)
        report.attempts_added += 1
    for c in data.get("certificates", []):
        _merge_certificate(merge, c, report, people, keys)
    merge.sessions(data.get("sessions") or [], people.by_uid)


def _merge_certificate(
    merge: BundleMerge,
    c: dict[str, Any],
    report: MergeReport,
    people: People[int],
    keys: KeyRing,
) -> None:
    """Add one of the workstation's certificates to the register, or take its revocation.

    Only a certificate whose signed code verifies with the key that signed the bundle,
    and whose facts are those of its record, is added; any other is left out and named
    in the report. Never a second valid certificate for the same trainee and module.
    """
    kid = report.key_id
    revocation = Revocation(kid, c["number"], c["revoked_reason"] or "", c["revoked_at"] or now())
    known = merge.registered(kid, c["number"])
    if known is not None:
        report.certificates_known += 1
        if c["status"] == "revoked" and known[1] == "valid":
            merge.mark_revoked(known[0], revocation)
            report.certificates_revoked += 1
        return
    if not _signed_as_recorded(c, kid, keys):
        report.certificates_left.append(CertificateNote(c["number"], LEFT_NOT_VALID))
        return
    tid = people.by_uid.get(c["trainee_uid"])
    if tid is None:
        report.certificates_left.append(CertificateNote(c["number"], LEFT_UNKNOWN_TRAINEE))
        return
    subject = str(c["subject"])
    if c["kind"] == "programme":  # a programme id is the workstation's own: keep them apart
        subject = f"programme@{kid}:{subject.split(':', 1)[-1]}"
    held = merge.valid_certificate(tid, subject)
    if c["status"] == "valid" and held is not None:
        report.certificates_left.append(
            CertificateNote(c["number"], LEFT_ALREADY_CERTIFIED, held[1])
        )
        return
    if merge.number_taken(c["number"]):
        report.certificates_left.append(CertificateNote(c["number"], LEFT_NUMBER_TAKEN))
        return
    attempt = merge.attempt_id(c["attempt_uid"]) if c["attempt_uid"] else None
    match = _NUMBER.match(c["number"])
    assert match is not None  # checked with the bundle's structure
    received = {k: c[k] for k in RECEIVED_FIELDS}
    received |= {
        "year": int(match.group(1)),
        "seq": int(match.group(2)),
        "trainee_id": tid,
        "attempt_id": attempt,
        "subject": subject,
        "issuer_key_id": kid,
    }
    merge.add_certificate(received)
    if c["status"] == "revoked":
        merge.remember_revocation(revocation)
    report.certificates_added += 1


def _signed_as_recorded(c: dict[str, Any], kid: str, keys: KeyRing) -> bool:
    """The record's code is signed by ``kid`` and states the record's own facts."""
    try:
        signed = document.decode_code(c["code"])
        keys.verify(kid, signed.signature, signed.message)
        listed = tuple(
            CertifiedModule(str(m["id"]), dict(m["title"]), str(m.get("bank", "")))
            for m in json.loads(c["modules"])
        )
        modules = tuple(m.id for m in listed)
        facts = signed.facts
        return (
            facts.issuer_key_id == kid
            and facts.number == c["number"]
            and facts.name == unicodedata.normalize("NFC", str(c["trainee_name"]))
            and facts.modules == modules
            and (
                facts.version == 1
                or any(
                    document.subject_digest(
                        [(m.bank, m.id) for m in listed],
                        " · ".join(m.title_in(lang) for m in listed),
                    )
                    == facts.subject
                    for lang in document.LANGUAGES
                )
            )
            and facts.date.isoformat() == c["certified_on"]
            and facts.kind.value == c["kind"]
            and abs(facts.score - float(c["score"])) < 0.051
        )
    except (CodeError, CertificateError, ValueError, TypeError, KeyError):
        return False


def _refresh(merge: BundleMerge, tid: int, t: dict[str, Any], source: str) -> int:
    """The same uid edited later on its workstation: take the newer profile.

    Only the workstation that created a profile changes it: a bundle from another one
    (or one claiming the profile) never renames a trainee of this register.
    """
    here = merge.profile(tid)
    if here.uid != t["uid"] or str(t["updated_at"]) <= str(here.updated_at):
        return 0
    if here.workstation_uid != source or t["workstation_uid"] != source:
        return 0
    merge.update_trainee(tid, t)
    return 1


def imports(db: Database) -> list[BundleImport]:
    """Bundles imported here, newest first (for the screen's history)."""
    return BundleRepository(db).imports()


def pending(db: Database) -> int:
    """Finished attempts not yet put in a bundle."""
    return BundleRepository(db).pending()
