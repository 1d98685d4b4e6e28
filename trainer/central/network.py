"""Joining this workstation to a central database, testing it and leaving it (no Qt).

The coordinator's actions behind Staff → Network; each checks the role first and is
recorded in the audit log (the address only: a password is never written anywhere but
its owner-only file).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.central import config as central_config
from trainer.central.config import CentralConfig

if TYPE_CHECKING:
    from trainer.workspace import Workspace


@staff_action(Permission.SETTINGS)
def saved(ws: Workspace) -> CentralConfig | None:
    """The central database this workstation is joined to (with its password), if any."""
    return central_config.load(ws.data.root)


@staff_action(Permission.SETTINGS)
def join(ws: Workspace, config: CentralConfig, password: str | None) -> CentralConfig:
    """Keep ``config`` as this workstation's central database; the password goes to its
    owner-only file (None: none is needed)."""
    checked = central_config.check(config.with_password(password))
    central_config.save(ws.data.root, checked, password)
    ws.audit("central.join", checked.display_url())
    return checked


@staff_action(Permission.SETTINGS)
def leave(ws: Workspace) -> None:
    """Stop syncing: the address and the password are removed; local data stays."""
    before = central_config.load(ws.data.root)
    central_config.forget(ws.data.root)
    ws.audit("central.leave", before.display_url() if before is not None else "")


@dataclass(frozen=True)
class ServerInfo:
    version: str  # PostgreSQL's, e.g. '15.8'
    schema: int  # the central schema's version


def describe_server(config: CentralConfig) -> ServerInfo:
    """Connect, check the server is one this program can work with, and say what it is;
    a CentralError says why not. Slow: off the GUI thread."""
    import contextlib

    from trainer.storage import central

    with contextlib.closing(central.connect(config)) as conn:
        central.check_compatible(conn)
        version, _ = central.server_schema(conn)
        info = conn.info.parameter_status("server_version") or "?"
    return ServerInfo(info.split()[0], version)
