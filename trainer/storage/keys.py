"""The public keys this installation trusts, its own among them (no Qt).

Keys are kept as raw Ed25519 public bytes; ``trainer.certificates.signing`` turns
them into key objects and does the signing and verifying.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from trainer.storage.database import Database, now


@dataclass(frozen=True)
class StoredKey:
    key_id: str
    public_key: bytes  # raw Ed25519 public key
    name: str
    own: bool


def _key(row: sqlite3.Row) -> StoredKey:
    return StoredKey(row["key_id"], bytes(row["public_key"]), row["name"], bool(row["own"]))


class TrustedKeyRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[StoredKey]:
        """Every trusted key, this installation's own first, then by name."""
        return [
            _key(r) for r in self.db.query("SELECT * FROM trusted_keys ORDER BY own DESC, name")
        ]

    def get(self, key_id: str) -> StoredKey | None:
        row = self.db.query_one("SELECT * FROM trusted_keys WHERE key_id = ?", (key_id,))
        return _key(row) if row is not None else None

    def remember_own(self, key_id: str, public_key: bytes, name: str) -> None:
        """List this installation's own key (once: a later call changes nothing)."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO trusted_keys (key_id, public_key, name, added_at, own)"
                " VALUES (?, ?, ?, ?, 1)",
                (key_id, public_key, name, now()),
            )

    def trust(self, key_id: str, public_key: bytes, name: str) -> None:
        """Trust another issuer's key (a key trusted already is renamed)."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO trusted_keys (key_id, public_key, name, added_at, own)"
                " VALUES (?, ?, ?, ?, 0) ON CONFLICT (key_id) DO UPDATE SET name = excluded.name",
                (key_id, public_key, name, now()),
            )
