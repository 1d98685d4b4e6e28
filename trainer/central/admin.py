"""Setting up the central database and connecting workstations to it (no Qt).

The same functions serve the command line (``python -m trainer central …``) and the
Network screen: prepare the server, register a workstation (its own role, a password
shown once), connect this workstation (checked before anything is saved), publish staff
accounts and banks for every workstation to take.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from pathlib import Path

from trainer.central import config as central_config
from trainer.central.config import CentralConfig
from trainer.errors import CentralError, ErrorCode, TrainerError
from trainer.storage import audit, central
from trainer.storage.central import push
from trainer.storage.central.local import SyncLedger
from trainer.storage.database import Database


@dataclass(frozen=True)
class Credentials:
    """What ``add-workstation`` gives once: the role and its password."""

    user: str
    password: str
    station: int

    def url(self, server: CentralConfig) -> str:
        """The address to give the workstation (the password included: shown once)."""
        from urllib.parse import quote

        display = server.display_url()
        scheme, rest = display.split("://", 1)
        _, host_part = rest.split("@", 1)
        return f"{scheme}://{quote(self.user, safe='')}:{quote(self.password, safe='')}@{host_part}"


def init_server(admin: CentralConfig) -> list[int]:
    """Create or upgrade the central schema (as the database's owner)."""
    with contextlib.closing(central.connect(admin)) as conn:
        return central.init_server(conn)


def add_workstation(
    admin: CentralConfig, workstation_uid: str, name: str, *, coordinator: bool = False
) -> Credentials:
    """Register a workstation (again: a new password) with its own role."""
    with contextlib.closing(central.connect(admin)) as conn:
        user, password, station = central.add_workstation(
            conn, workstation_uid.strip().lower(), name, coordinator=coordinator
        )
    return Credentials(user, password, station)


def connect_workstation(
    database: Database, data_dir: Path, config: CentralConfig, actor: str | None = None
) -> int:
    """Check that the server takes this workstation with these credentials, then keep
    them (the password in an owner-only file). Returns the station number; nothing is
    saved when the check fails."""
    with contextlib.closing(central.connect(config)) as conn:
        central.check_compatible(conn)
        uid, station, _ = push.own_workstation(conn)
    if uid != database.workstation_uid:
        raise CentralError(
            f"these central database credentials belong to another workstation ({uid})",
            code=ErrorCode.CENTRAL_OTHER_WORKSTATION,
            params={"workstation": uid},
        )
    central_config.save(data_dir, config, config.password)
    audit.record(database, "central.connect", config.display_url(), actor=actor)
    return station


def disconnect_workstation(database: Database, data_dir: Path, actor: str | None = None) -> None:
    """Forget the central database (what waits to be sent stays queued here)."""
    central_config.forget(data_dir)
    audit.record(database, "central.disconnect", "", actor=actor)


def publish_accounts(database: Database, config: CentralConfig, actor: str | None) -> int:
    """This workstation's staff accounts published for every workstation (a coordinator's
    role); a newer copy replaces the central one. Returns how many changed."""
    rows = SyncLedger(database).local_accounts()
    with contextlib.closing(central.connect(config)) as conn:
        central.check_compatible(conn)
        try:
            changed = push.publish_accounts(conn, rows)
        except Exception as exc:
            raise _refused(exc) from None
    audit.record(database, "central.publish_accounts", f"{changed} changed", actor=actor)
    return changed


def publish_bank(
    database: Database, config: CentralConfig, path: Path, actor: str | None
) -> tuple[str, bool]:
    """A valid bank file published for every workstation's library (a coordinator's
    role). Returns (bank id, True if it was new)."""
    from trainer.banks.library import safe_file_stem
    from trainer.banks.loader import load_bank_bytes, read_bank_file

    data = read_bank_file(path)
    bank = load_bank_bytes(data, path.name, path=path)  # BankError: every problem listed
    digest = hashlib.sha256(data).hexdigest()
    with contextlib.closing(central.connect(config)) as conn:
        central.check_compatible(conn)
        try:
            new = push.publish_bank(
                conn,
                digest,
                bank.id,
                bank.version,
                safe_file_stem(bank.id) + ".yaml",
                data,
                actor or config.user,
            )
        except Exception as exc:
            raise _refused(exc) from None
    audit.record(database, "central.publish_bank", f"{bank.id} {bank.version}", actor=actor)
    return bank.id, new


def _refused(exc: Exception) -> TrainerError:
    import psycopg

    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return CentralError(
            "the central database refused: this workstation is not registered as a "
            "coordinator's (central add-workstation --coordinator)",
            code=ErrorCode.CENTRAL_REFUSED,
            params={"reason": "not a coordinator's workstation"},
        )
    if isinstance(exc, psycopg.Error):
        return central.lost(exc)
    raise exc
