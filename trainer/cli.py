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
        "import-bank",
        help="add a YAML bank to the library, or convert a GIFT / Moodle XML file into a "
        "draft YAML bank to complete",
    )
    add_data_dir(p)
    p.add_argument("file", type=Path, metavar="FILE", help="a .yaml, .gift, .txt or .xml file")
    p.add_argument(
        "--lang",
        dest="bank_lang",
        choices=["en", "fr", "rn"],
        default="en",
        help="GIFT / XML: the language the questions are written in (default en)",
    )
    p.add_argument(
        "--output",
        type=Path,
        metavar="PATH",
        help="GIFT / XML: where to write the draft (default: next to FILE, as .yaml)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing draft file")
    p.set_defaults(func=cmd_import_bank)

    p = sub.add_parser("export-bank", help="write a bank, in one language, as GIFT or Moodle XML")
    add_data_dir(p)
    p.add_argument("bank", metavar="BANK_ID_OR_FILE", help="a bank id from the library or a file")
    p.add_argument("--format", dest="export_format", choices=["gift", "moodle-xml"], required=True)
    p.add_argument("--lang", dest="bank_lang", choices=["en", "fr", "rn"], default="en")
    p.add_argument("--output", type=Path, metavar="PATH", required=True)
    p.set_defaults(func=cmd_export_bank)

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
    from trainer.banks.formats.convert import is_importable

    if is_importable(args.file):
        return _convert_to_draft(args)
    return _import_yaml(args)


def _convert_to_draft(args: argparse.Namespace) -> int:
    from trainer.banks.formats.convert import import_file, save_draft

    target: Path = args.output or args.file.with_suffix(".yaml")
    if target.exists() and not args.force:
        print(
            f"error: {target} already exists (a draft you may have started completing); "
            "choose another --output or add --force",
            file=sys.stderr,
        )
        return 2
    draft = import_file(args.file, lang=args.bank_lang)
    for line in draft.report.lines():
        print(line)
    save_draft(draft, target)
    print(draft.report.summary(), file=sys.stderr)
    print(
        f"draft saved to {target}: replace every TO-COMPLETE placeholder, declare the sources, "
        f"then run: python -m trainer validate {target}",
        file=sys.stderr,
    )
    return 1 if draft.report.skipped else 0


def cmd_export_bank(args: argparse.Namespace) -> int:
    from trainer.banks.formats.convert import ExportFormat, export_to_file
    from trainer.banks.loader import load_bank
    from trainer.errors import TrainerError

    candidate = Path(args.bank)
    ws = _workspace(args)
    try:
        if candidate.suffix.lower() in (".yaml", ".yml") and candidate.is_file():
            bank = load_bank(candidate)
        else:
            try:
                bank = ws.catalog.bank(args.bank)
            except KeyError:
                raise TrainerError(
                    f"no bank '{args.bank}' in the library (see: python -m trainer banks)"
                ) from None
        fmt = ExportFormat(args.export_format)
        report = export_to_file(bank, fmt, args.bank_lang, args.output)
        ws.audit("bank.export", f"{bank.id} {bank.version} as {fmt.value} ({args.bank_lang})")
    finally:
        ws.close()
    for line in report.lines():
        print(line)
    print(f"{report.summary()}; written to {args.output}", file=sys.stderr)
    return 1 if report.skipped else 0


def _import_yaml(args: argparse.Namespace) -> int:
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
