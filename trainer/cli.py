"""Headless commands: the same operations the GUI offers, for scripts and servers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from trainer import __version__
from trainer.banks.loader import validate_files
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

    p = sub.add_parser("validate", help="check bank files; print every problem as file:line:col")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_validate)
    return parser


def _workspace(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from trainer.workspace import Workspace

    return Workspace(args.data_dir)


def cmd_banks(args: argparse.Namespace) -> int:
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


def cmd_validate(args: argparse.Namespace) -> int:
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
