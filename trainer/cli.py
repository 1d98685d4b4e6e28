"""Headless commands: the same operations the GUI offers, for scripts and servers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from trainer import __version__
from trainer.errors import TrainerError
from trainer.paths import DATA_DIR_ENV


def add_data_dir(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--data-dir`` on the program and on every command (either place works)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        # On a command, SUPPRESS keeps a value given before the command name.
        default=None if top else argparse.SUPPRESS,
        help=f"data folder (default: ${DATA_DIR_ENV} or the platform's user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m trainer",
        description="TiP Trainer: anti-trafficking training for police, prosecutors and judges. "
        "Without a command, the application window opens.",
    )
    parser.add_argument("--version", action="version", version=f"TiP Trainer {__version__}")
    add_data_dir(parser, top=True)
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the window, then exit as soon as it is shown (smoke tests)",
    )
    parser.add_argument("--lang", choices=["en", "fr"], help="interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "banks", help="list the question banks found and the problems of any that failed"
    )
    add_data_dir(p)
    p.add_argument("--json", action="store_true", help="print JSON for other tools")
    p.set_defaults(func=cmd_banks)

    p = sub.add_parser(
        "import-bank", help="check a bank file and add it to the data folder's library"
    )
    add_data_dir(p)
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_import_bank)

    p = sub.add_parser("backup", help="back up the database now (into the data folder's backups/)")
    add_data_dir(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="list the database backups, newest first")
    add_data_dir(p)
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser(
        "restore",
        help="replace the database with a backup (refused while the window is open; "
        "the database as it was is backed up first)",
    )
    add_data_dir(p)
    p.add_argument("file", type=Path, metavar="BACKUP")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("audit", help="show the audit log, or export it as CSV")
    add_data_dir(p)
    p.add_argument("--action", default="", help="only actions starting with this (e.g. account.)")
    p.add_argument(
        "--search", default="", help="only entries whose actor/action/detail contain this"
    )
    p.add_argument("--csv", type=Path, metavar="FILE", help="write CSV to FILE instead of printing")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("accounts", help="list staff accounts")
    add_data_dir(p)
    p.set_defaults(func=cmd_accounts)

    p = sub.add_parser(
        "reset-password",
        help="set a staff account's password (read from standard input); lifts a lockout",
    )
    add_data_dir(p)
    p.add_argument("name", metavar="ACCOUNT")
    p.set_defaults(func=cmd_reset_password)

    p = sub.add_parser("validate", help="check bank files; print every problem as file:line:col")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_validate)
    return parser


def _workspace(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from trainer.workspace import Workspace

    return Workspace(args.data_dir)


def cmd_banks(args: argparse.Namespace) -> int:
    import json

    ws = _workspace(args)
    try:
        catalog = ws.catalog
        if args.json:
            out = {
                "banks": [
                    {
                        "id": b.id,
                        "version": b.version,
                        "title": dict(b.title.values),
                        "path": str(b.path),
                        "content_hash": b.content_hash,
                        "languages": list(b.languages),
                        "audiences": [a.value for a in b.audiences],
                        "questions": len(b.questions),
                        "by_kind": b.counts_by_kind(),
                        "by_topic": b.counts_by_topic(),
                        "by_language": {
                            lang: sum(1 for q in b.iter_all_questions() if lang in q.text.values)
                            for lang in b.languages
                        },
                        "modules": [
                            {
                                "id": m.id,
                                "title": dict(m.title.values),
                                "audiences": [a.value for a in m.audiences],
                                "pool": len(b.pool(m)),
                                "exam_questions": sum(r.count for r in m.draw) or len(b.pool(m)),
                                "by_kind": _kinds(b.pool(m)),
                                "pass_mark": m.pass_mark,
                                "time_limit": m.time_limit_minutes,
                                "training_hours": m.training_hours,
                            }
                            for m in b.modules
                        ],
                    }
                    for b in catalog.banks
                ],
                "failures": [
                    {"path": str(f.path), "problems": [str(p) for p in f.problems]}
                    for f in catalog.failures
                ],
            }
            json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            for b in catalog.banks:
                print(
                    f"{b.id} {b.version}  {b.title.get('en')}  "
                    f"({len(b.questions)} questions, {len(b.modules)} modules, "
                    f"{', '.join(b.languages)})"
                )
            for f in catalog.failures:
                print(f"FAILED {f.path}:")
                for p in f.problems:
                    print(f"  {p}")
        return 1 if catalog.failures else 0
    finally:
        ws.close()


def _kinds(questions: Sequence[object]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for q in questions:
        kind = q.kind.value  # type: ignore[attr-defined]
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def cmd_import_bank(args: argparse.Namespace) -> int:
    from trainer.errors import BankError

    ws = _workspace(args)
    try:
        try:
            result = ws.library().import_bank(args.file)
        except BankError as exc:
            for p in exc.problems:
                print(p)
            print(f"not imported: {len(exc.problems)} problem(s) in {args.file}", file=sys.stderr)
            return 1
        bank = result.bank
        note = f", replacing version {result.replaced_version}" if result.replaced_version else ""
        print(
            f"imported {bank.id} {bank.version} ({len(bank.questions)} questions, "
            f"{len(bank.modules)} modules){note} into {result.path}"
        )
        return 0
    finally:
        ws.close()


def _operator_workspace(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The command line acts as the workstation's administrator: whoever can run it can
    read and copy the database file anyway. The audit log names the system user."""
    import getpass

    from trainer.access import Role, StaffSession

    ws = _workspace(args)
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # pragma: no cover - no user name in the environment
        user = "unknown"
    ws.sign_in(StaffSession(f"cli:{user}", Role.COORDINATOR, timeout=0))
    return ws


def cmd_backup(args: argparse.Namespace) -> int:
    from trainer import admin

    ws = _operator_workspace(args)
    try:
        made = admin.backup_now(ws)
        print(f"backed up to {made.path} ({made.size} bytes)")
        return 0
    finally:
        ws.close()


def cmd_backups(args: argparse.Namespace) -> int:
    from trainer import admin

    ws = _operator_workspace(args)
    try:
        for b in admin.list_backups(ws):
            label = f"  [{b.label}]" if b.label else ""
            print(f"{b.taken_at:%Y-%m-%d %H:%M:%S} UTC  {b.size:>10}  {b.path}{label}")
        return 0
    finally:
        ws.close()


def cmd_restore(args: argparse.Namespace) -> int:
    from trainer import admin
    from trainer.instance import InstanceLock
    from trainer.paths import DataDir, resolve_data_dir

    lock = InstanceLock(DataDir(resolve_data_dir(args.data_dir)).root)
    if not lock.acquire():
        print("error: TiP Trainer is open on this data folder; close it first", file=sys.stderr)
        return 3
    try:
        ws = _operator_workspace(args)
        try:
            before = admin.restore_backup(ws, args.file.resolve())
            print(f"restored {args.file.name}; the database as it was is kept as {before.path}")
            return 0
        finally:
            ws.close()
    finally:
        lock.release()


def cmd_audit(args: argparse.Namespace) -> int:
    from trainer import admin

    ws = _operator_workspace(args)
    try:
        if args.csv:
            count = admin.export_audit(ws, args.csv, text=args.search, action=args.action)
            print(f"{count} entries written to {args.csv}")
            return 0
        for e in admin.audit_entries(ws, text=args.search, action=args.action):
            print(f"{e.at:%Y-%m-%d %H:%M:%S} UTC  {e.actor:<20} {e.action:<24} {e.detail}")
        return 0
    finally:
        ws.close()


def cmd_accounts(args: argparse.Namespace) -> int:
    from trainer import admin

    ws = _operator_workspace(args)
    try:
        for a in admin.list_accounts(ws):
            state = "disabled" if a.disabled else ("locked" if a.locked_until else "active")
            print(f"{a.name:<30} {a.role.value:<12} {state}")
        return 0
    finally:
        ws.close()


def cmd_reset_password(args: argparse.Namespace) -> int:
    import getpass

    from trainer import admin

    if sys.stdin.isatty():  # pragma: no cover - interactive
        password = getpass.getpass("New password: ")
        if getpass.getpass("Again: ") != password:
            print("error: the two passwords differ", file=sys.stderr)
            return 2
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    ws = _operator_workspace(args)
    try:
        admin.reset_password(ws, args.name, password)
        print(f"password of {args.name} changed")
        return 0
    finally:
        ws.close()


def cmd_validate(args: argparse.Namespace) -> int:
    from trainer.banks.loader import validate_files

    problems = validate_files(args.files)
    for p in problems:
        print(p)
    if problems:
        print(
            f"{len(problems)} problem(s) in {len({p.path for p in problems})} file(s)",
            file=sys.stderr,
        )
        return 1
    print(f"{len(args.files)} file(s) valid", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from trainer.ui.app import run_gui

        return run_gui(args)
    try:
        return int(args.func(args))
    except TrainerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
