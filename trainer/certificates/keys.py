"""Exchanging public keys with other installations (staff actions, audited)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.certificates.settings import load_settings

if TYPE_CHECKING:
    from trainer.certificates.signing import TrustedKey
    from trainer.workspace import Workspace


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
