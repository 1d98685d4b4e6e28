"""`python -m trainer sync` and `python -m trainer central …`: the central database headless.

    python -m trainer central init-server ADMIN_URL
    python -m trainer central add-workstation ADMIN_URL UID [--name N] [--coordinator]
    python -m trainer central connect URL          (this workstation; checked, then kept)
    python -m trainer central disconnect
    python -m trainer central publish-accounts | publish-bank FILE
    python -m trainer sync [--status | --held | --send-again] [--central URL]

The password never appears in what is printed (except the one ``add-workstation``
makes, printed once for the administrator to hand over).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trainer.workspace import Workspace

Opener = Callable[[argparse.Namespace], Any]  # a context manager giving the workspace
COMMANDS = ("sync", "central")


def add_commands(sub: Any, add_data_dir: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "sync", help="send new results to the central database and take what it publishes"
    )
    add_data_dir(p)
    what = p.add_mutually_exclusive_group()
    what.add_argument("--status", action="store_true", help="show the sync state only")
    what.add_argument(
        "--held",
        action="store_true",
        help="list the records the central database refused, and why",
    )
    what.add_argument(
        "--send-again",
        action="store_true",
        help="put the refused records back in the queue (once the cause is fixed on the "
        "server); the next sync sends them",
    )
    p.add_argument(
        "--central",
        metavar="URL",
        help="the central database for this run (default: $TIP_TRAINER_CENTRAL or the "
        "address kept by 'central connect')",
    )
    p.set_defaults(central_func=_sync)

    p = sub.add_parser("central", help="set up the central database and connect to it")
    csub = p.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    c = csub.add_parser("init-server", help="create or upgrade the central schema (owner)")
    add_data_dir(c)
    c.add_argument("url", metavar="ADMIN_URL", help="postgresql://owner[:password]@host/db")
    c.set_defaults(central_func=_init_server, needs_workspace=False)
    c = csub.add_parser("add-workstation", help="register a workstation; prints its password once")
    add_data_dir(c)
    c.add_argument("url", metavar="ADMIN_URL")
    c.add_argument("uid", metavar="UID", help="the workstation id (sync --status shows it)")
    c.add_argument("--name", default="", help="a name for people (e.g. 'Lab 1, PC 7')")
    c.add_argument(
        "--coordinator",
        action="store_true",
        help="the workstation may also publish staff accounts and banks",
    )
    c.set_defaults(central_func=_add_workstation, needs_workspace=False)
    c = csub.add_parser("connect", help="connect this workstation (checked, then kept)")
    add_data_dir(c)
    c.add_argument("url", metavar="URL", help="postgresql://user:password@host/db?sslmode=…")
    c.set_defaults(central_func=_connect)
    c = csub.add_parser("disconnect", help="forget the central database here")
    add_data_dir(c)
    c.set_defaults(central_func=_disconnect)
    c = csub.add_parser("publish-accounts", help="publish this workstation's staff accounts")
    add_data_dir(c)
    c.set_defaults(central_func=_publish_accounts)
    c = csub.add_parser("publish-bank", help="publish a bank file for every workstation")
    add_data_dir(c)
    c.add_argument("file", metavar="FILE")
    c.set_defaults(central_func=_publish_bank)


def run(args: argparse.Namespace, opened: Opener) -> int:
    if not getattr(args, "needs_workspace", True):
        return int(args.central_func(None, args))
    with opened(args) as ws:
        return int(args.central_func(ws, args))


def _config(ws: Workspace) -> Any:
    from trainer.central import config
    from trainer.errors import CentralError, ErrorCode

    found = config.resolve(ws.data.root)
    if found is None:
        raise CentralError(
            "this workstation is not connected to a central database "
            "(python -m trainer central connect URL, --central URL or $TIP_TRAINER_CENTRAL)",
            code=ErrorCode.CENTRAL_NOT_CONNECTED,
        )
    return found


def _sync(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.central import config as central_config
    from trainer.central.sync import held_records, send_again, sync_data_folder, sync_status
    from trainer.text import printable

    if args.held:
        held = held_records(ws.db)
        for h in held:
            print(
                f"{h.held_at}  {h.kind.replace('_', ' ')}  {printable(h.label)}"
                f"  refused: {printable(h.reason)}"
            )
        print(f"{len(held)} records held back by the central database")
        return 0
    if args.send_again:
        count = send_again(ws.db, ws.actor)
        print(f"{count} records put back in the queue; the next sync sends them")
        return 0
    if args.status:
        found = central_config.resolve(ws.data.root, args.central)
        s = sync_status(ws.db, found)
        print(f"workstation: {ws.db.workstation_uid}")
        print(f"central database: {found.display_url() if found else 'not connected'}")
        print(f"station: {s.station if s.station is not None else '-'}")
        print(f"last successful sync: {s.last_success_at or 'never'}")
        print(
            f"waiting: {s.attempts_waiting} attempts ({s.answers_waiting} answers), "
            f"{s.trainees_waiting} trainees, {s.certificates_waiting} certificates, "
            f"{s.sessions_waiting} training sessions and session tests"
        )
        if s.held:
            print(
                f"{s.held} records held back by the central database "
                "(sync --held says which and why; sync --send-again once the cause is fixed)"
            )
        if s.last_error:
            print(f"last problem: {s.last_error}")
        return 0
    report = sync_data_folder(ws.data.root, ws.shipped_banks, url=args.central)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def _init_server(_ws: None, args: argparse.Namespace) -> int:
    from trainer.central import admin, config

    newly = admin.init_server(config.from_url(args.url))
    print(f"central schema {'upgraded: ' + ', '.join(map(str, newly)) if newly else 'up to date'}")
    return 0


def _add_workstation(_ws: None, args: argparse.Namespace) -> int:
    from trainer.central import admin, config

    server = config.from_url(args.url)
    made = admin.add_workstation(server, args.uid, args.name, coordinator=args.coordinator)
    print(f"workstation {args.uid.strip().lower()} is station {made.station}")
    print(f"user: {made.user}")
    print(f"password: {made.password}")
    print("give the workstation this address (it is shown only now):", file=sys.stderr)
    print(made.url(server))
    return 0


def _connect(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.central import admin, config

    found = config.from_url(args.url)
    station = admin.connect_workstation(ws.db, ws.data.root, found, actor=ws.actor)
    print(f"connected to {found.display_url()} as station {station}")
    return 0


def _disconnect(ws: Workspace, _args: argparse.Namespace) -> int:
    from trainer.central import admin

    admin.disconnect_workstation(ws.db, ws.data.root, actor=ws.actor)
    print("disconnected from the central database")
    return 0


def _publish_accounts(ws: Workspace, _args: argparse.Namespace) -> int:
    from trainer.central import admin

    changed = admin.publish_accounts(ws.db, _config(ws), ws.actor)
    print(f"staff accounts published: {changed} changed")
    return 0


def _publish_bank(ws: Workspace, args: argparse.Namespace) -> int:
    from pathlib import Path

    from trainer.central import admin

    bank_id, new = admin.publish_bank(ws.db, _config(ws), Path(args.file), ws.actor)
    print(f"bank {bank_id} {'published' if new else 'was already published'}")
    return 0
