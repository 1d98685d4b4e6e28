"""This installation's Ed25519 key pair, trusted issuers' public keys, sign and verify (no Qt).

The private key is created on first use in the data folder's ``keys/`` with
owner-only permissions. Other installations trust it by importing the public
key file this module exports.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from trainer.errors import CertificateError
from trainer.files import TooLargeError, read_bounded, write_text_atomically
from trainer.storage.database import Database
from trainer.storage.keys import StoredKey, TrustedKeyRepository
from trainer.text import printable

PRIVATE_KEY_FILE = "installation-ed25519.pem"
PUBLIC_KEY_SUFFIX = ".tip-key"
PUBLIC_KEY_HEADER = "TiP Trainer public key v1"
MAX_KEY_FILE_BYTES = 64 * 1024  # a key file is a few lines


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    """A short, stable name for a public key: 16 hex digits of its SHA-256."""
    return hashlib.sha256(raw_public(key)).hexdigest()[:16]


def _write_private(path: Path, key: Ed25519PrivateKey) -> None:
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    tmp = path.with_suffix(".tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
        fh.flush()
        os.fsync(fh.fileno())
    with contextlib.suppress(OSError):  # Windows: the folder's own ACL protects the file
        tmp.chmod(0o600)
    tmp.replace(path)


def load_or_create_private_key(keys_dir: Path) -> Ed25519PrivateKey:
    keys_dir.mkdir(parents=True, exist_ok=True)
    path = keys_dir / PRIVATE_KEY_FILE
    if path.exists():
        try:
            key = serialization.load_pem_private_key(
                read_bounded(path, MAX_KEY_FILE_BYTES), password=None
            )
        except (ValueError, TypeError, OSError) as exc:
            raise CertificateError(
                "the installation's signing key cannot be read; restore it from a backup",
                where=str(path),
            ) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise CertificateError("the installation key is not an Ed25519 key", where=str(path))
        return key
    key = Ed25519PrivateKey.generate()
    _write_private(path, key)
    return key


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    public_key: Ed25519PublicKey
    name: str
    own: bool


def _trusted(stored: StoredKey) -> TrustedKey:
    return TrustedKey(
        stored.key_id,
        Ed25519PublicKey.from_public_bytes(stored.public_key),
        stored.name,
        stored.own,
    )


class KeyRing:
    """This installation's key and the issuers it trusts."""

    def __init__(
        self, db: Database, keys_dir: Path, *, institution: str = "", read_only: bool = False
    ) -> None:
        self.db = db
        self.repository = TrustedKeyRepository(db)
        self.keys_dir = keys_dir
        self._private: Ed25519PrivateKey | None = None
        self._key_id: str | None = None
        self._institution = institution
        # Verification only: never create a key, never write to the database.
        self.read_only = read_only

    @property
    def private_key(self) -> Ed25519PrivateKey:
        if self._private is None:
            if self.read_only:
                raise CertificateError("this installation's key is not used for verification")
            self._private = load_or_create_private_key(self.keys_dir)
            self._remember_own()
        return self._private

    def _own_if_any(self) -> TrustedKey | None:
        """Read-only: this installation's own key if it has one (never created here)."""
        path = self.keys_dir / PRIVATE_KEY_FILE
        if not path.is_file():
            return None
        try:
            key = serialization.load_pem_private_key(
                read_bounded(path, MAX_KEY_FILE_BYTES), password=None
            )
        except (ValueError, TypeError, OSError):
            return None
        if not isinstance(key, Ed25519PrivateKey):
            return None
        public = key.public_key()
        return TrustedKey(key_id(public), public, self._institution or "this installation", True)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def key_id(self) -> str:
        if self._key_id is None:  # asked for on every page a batch prints
            self._key_id = key_id(self.public_key)
        return self._key_id

    def _remember_own(self) -> None:
        assert self._private is not None
        public = self._private.public_key()
        self.repository.remember_own(
            key_id(public), raw_public(public), self._institution or "this installation"
        )

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)

    def trusted(self) -> list[TrustedKey]:
        if not self.read_only:
            self.private_key  # noqa: B018 - make sure our own key is listed
        return [_trusted(k) for k in self.repository.all()]

    def lookup(self, kid: str) -> TrustedKey | None:
        stored = self.repository.get(kid)
        if stored is None and self.read_only:
            own = self._own_if_any()
            return own if own is not None and own.key_id == kid else None
        if stored is None:
            if kid == self.key_id:
                return self.lookup(kid)
            return None
        return _trusted(stored)

    def verify(self, kid: str, signature: bytes, data: bytes) -> TrustedKey:
        """The trusted key that signed ``data``; CertificateError says why not."""
        trusted = self.lookup(kid)
        if trusted is None:
            raise CertificateError(
                f"signed by an unknown issuer key ({kid}); it is not trusted here"
            )
        try:
            trusted.public_key.verify(signature, data)
        except InvalidSignature:
            raise CertificateError(
                "the signature does not match: the content was altered"
            ) from None
        return trusted

    # -- public key files -------------------------------------------------------
    def export_public(self, path: Path, name: str) -> Path:
        """Write this installation's public key for others to trust."""
        text = (
            f"{PUBLIC_KEY_HEADER}\nname: {name}\nkey-id: {self.key_id}\n"
            f"key: {base64.b64encode(raw_public(self.public_key)).decode('ascii')}\n"
        )
        write_text_atomically(
            path,
            text,
            fail=lambda exc: CertificateError(
                f"cannot write the key file ({exc.strerror})", where=str(path)
            ),
        )
        return path

    def import_public(self, path: Path, name: str | None = None) -> TrustedKey:
        try:
            lines = read_bounded(path, MAX_KEY_FILE_BYTES).decode("utf-8").splitlines()
        except TooLargeError:
            raise CertificateError(
                f"this file is larger than {MAX_KEY_FILE_BYTES // 1024} KiB: it is not a"
                " TiP Trainer public key file",
                where=str(path),
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CertificateError("cannot read the key file", where=str(path)) from exc
        if not lines or lines[0].strip() != PUBLIC_KEY_HEADER:
            raise CertificateError("this is not a TiP Trainer public key file", where=str(path))
        fields = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        try:
            public = Ed25519PublicKey.from_public_bytes(
                base64.b64decode(fields["key"], validate=True)
            )
        except (KeyError, ValueError) as exc:
            raise CertificateError("the key file is damaged", where=str(path)) from exc
        kid = key_id(public)
        if fields.get("key-id") not in (None, kid):
            raise CertificateError("the key file is damaged (key id mismatch)", where=str(path))
        label = " ".join(printable(name or fields.get("name") or kid).split())[:200] or kid
        self.repository.trust(kid, raw_public(public), label)
        return TrustedKey(kid, public, label, False)
