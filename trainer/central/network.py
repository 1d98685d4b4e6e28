"""Staff → Network: joining this workstation to a central database, testing the connection
and leaving it, as a coordinator's actions (no Qt).

Each checks the role first; ``trainer.central.admin`` does the work (the same functions
as ``python -m trainer central connect`` / ``disconnect``) and records it in the audit log.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.central import admin
from trainer.central import config as central_config
from trainer.central.config import CentralConfig

if TYPE_CHECKING:
    from trainer.storage.central.local import HeldRecord
    from trainer.workspace import Workspace


@staff_action(Permission.SETTINGS)
def saved(ws: Workspace) -> CentralConfig | None:
    """The central database this workstation is joined to (with its password), if any."""
    return central_config.load(ws.data.root)


@staff_action(Permission.SETTINGS)
def join(ws: Workspace, config: CentralConfig) -> int:
    """Check the server takes this workstation, then keep the address and the password
    (owner-only file); the station number. Slow (the network): off the GUI thread."""
    return admin.connect_workstation(ws.db, ws.data.root, central_config.check(config), ws.actor)


@staff_action(Permission.SETTINGS)
def leave(ws: Workspace) -> None:
    """Stop syncing: the address and the password are removed; local data stays."""
    admin.disconnect_workstation(ws.db, ws.data.root, ws.actor)


@staff_action(Permission.SETTINGS)
def held_records(ws: Workspace) -> list[HeldRecord]:
    """The records the central database refused, with its reasons."""
    from trainer.central import sync

    return sync.held_records(ws.db)


@staff_action(Permission.SETTINGS)
def send_again(ws: Workspace) -> int:
    """The refused records back in the queue (the cause fixed on the server)."""
    from trainer.central import sync

    return sync.send_again(ws.db, ws.actor)


@dataclass(frozen=True)
class ServerInfo:
    version: str  # PostgreSQL's, e.g. '15.8'
    schema: int  # the central schema's version


def describe_server(config: CentralConfig) -> ServerInfo:
    """Connect, check the server is one this program can work with, and say what it is;
    a CentralError says why not. Slow: off the GUI thread."""
    from trainer.storage import central

    with contextlib.closing(central.connect(config)) as conn:
        central.check_compatible(conn)
        version, _ = central.server_schema(conn)
        info = conn.info.parameter_status("server_version") or "?"
    return ServerInfo(info.split()[0], version)
