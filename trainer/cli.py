"""Headless commands: the same operations the GUI offers, for scripts and servers."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from trainer import __version__
from trainer.errors import TrainerError
from trainer.paths import DATA_DIR_ENV

if TYPE_CHECKING:  # the data folder's modules load only for the commands that use them
    from trainer.workspace import Workspace


def add_data_dir(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--data-dir`` on the program and on every command (either place works)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        # On a command, SUPPRESS keeps a value given before the command name.
        default=None if top else argparse.SUPPRESS,
        help=f"data folder (default: ${DATA_DIR_ENV} or the platform's user data folder)",
    )


def _window_options(parser: argparse.ArgumentParser) -> None:
    """The options of the program itself (the window), before any command."""
    add_data_dir(parser, top=True)
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the window, then exit as soon as it is shown (smoke tests)",
    )
    parser.add_argument("--lang", choices=["en", "fr"], help="interface language")
    parser.add_argument(
        "--central",
        metavar="URL",
        help="sync with this central database (postgresql://…; default: $TIP_TRAINER_CENTRAL"
        " or the one joined in Staff → Network)",
    )


class EnumChoices:
    """argparse choices read from a domain enum (or tuple of values), imported only when a
    command line uses the option or help is printed, so start-up stays light."""

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def values(self) -> list[str]:
        import importlib

        found = getattr(importlib.import_module(self.module), self.name)
        return [str(getattr(v, "value", v)) for v in found]

    def __contains__(self, value: object) -> bool:
        return value in self.values()

    def __iter__(self) -> Iterator[str]:
        return iter(self.values())


INSTITUTIONS = EnumChoices("trainer.storage.trainees", "Institution")
AUDIENCES = EnumChoices("trainer.banks.model", "Audience")
BEHAVIOURS = EnumChoices("trainer.quiz.behaviours", "Behaviour")
BANK_LANGUAGES = EnumChoices("trainer.banks.model", "LANGUAGES")
CERTIFICATE_LANGUAGES = EnumChoices("trainer.certificates.document", "LANGUAGES")
RESULT_FORMATS = EnumChoices("trainer.results.export", "TableFormat")
BANK_FORMATS = EnumChoices("trainer.banks.formats.convert", "ExportFormat")
PERIODS = EnumChoices("trainer.results.summary", "Period")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m trainer",
        description="TiP Trainer: anti-trafficking training for police, prosecutors and judges. "
        "Without a command, the application window opens.",
    )
    parser.add_argument("--version", action="version", version=f"TiP Trainer {__version__}")
    _window_options(parser)
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
        choices=BANK_LANGUAGES,
        metavar="LANG",
        default="en",
        help="GIFT / XML: the language the questions are written in: %(choices)s (default en)",
    )
    p.add_argument(
        "--output",
        type=Path,
        metavar="PATH",
        help="GIFT / XML: where to write the draft (default: next to FILE, as .yaml)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing draft file")
    p.add_argument(
        "--nearest-grade",
        action="store_true",
        help="GIFT / XML: replace answer grades Moodle does not allow (such as 33%%) by the "
        "nearest allowed one, each reported, instead of refusing the file",
    )
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
    p.add_argument(
        "--verify",
        action="store_true",
        help="check that no entry was removed or changed (exit 1 if the chain is broken)",
    )
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

    p = sub.add_parser("export-bank", help="write a bank, in one language, as GIFT or Moodle XML")
    add_data_dir(p)
    p.add_argument("bank", metavar="BANK_ID_OR_FILE", help="a bank id from the library or a file")
    p.add_argument(
        "--format",
        dest="export_format",
        choices=BANK_FORMATS,
        metavar="FORMAT",
        required=True,
        help="%(choices)s",
    )
    p.add_argument(
        "--lang",
        dest="bank_lang",
        choices=BANK_LANGUAGES,
        metavar="LANG",
        default="en",
        help="%(choices)s (default en)",
    )
    p.add_argument("--output", type=Path, metavar="PATH", required=True)
    p.set_defaults(func=cmd_export_bank)

    p = sub.add_parser(
        "review-bank",
        help="review banks for item-writing flaws (a guessable key, negative stems, "
        "near-duplicates, dated wording ...); exit status 1 when a problem is found, "
        "0 when there are only warnings and notices",
        description="Review question banks before trainees meet them: every finding as "
        "file:line:col, severity, rule and explanation (rules: docs/bank-review.md). "
        "Near-duplicates are sought across the banks named and the whole library. "
        "Exit status: 1 when any bank has a problem (including a bank that does not load), "
        "0 otherwise: warnings and notices alone do not fail.",
    )
    add_data_dir(p)
    p.add_argument(
        "banks", nargs="*", metavar="FILE|BANK", help="a bank file, or the id of a library bank"
    )
    p.add_argument(
        "--library", action="store_true", help="review every bank of the library as well"
    )
    p.add_argument("--json", action="store_true", help="print JSON for other tools")
    p.add_argument(
        "--lang",
        choices=["en", "fr"],
        default=argparse.SUPPRESS,
        help="language of the explanations (default: the interface language)",
    )
    p.set_defaults(func=cmd_review_bank)

    p = sub.add_parser("validate", help="check bank files; print every problem as file:line:col")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_validate)

    _add_results_commands(sub)
    add_certificate_commands(sub)
    return parser


def _add_filters(p: argparse.ArgumentParser) -> None:
    """The results browser's filters, for commands that read attempts."""
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="started on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="started on or before")
    p.add_argument("--module", metavar="ID", help="one module")
    p.add_argument("--audience", choices=AUDIENCES, metavar="AUDIENCE", help="%(choices)s")
    p.add_argument("--institution", choices=INSTITUTIONS, metavar="NAME", help="%(choices)s")
    p.add_argument("--trainee", metavar="TEXT", help="name or service number contains TEXT")
    p.add_argument("--workstation", metavar="UID", help="recorded on this workstation")
    p.add_argument("--behaviour", choices=BEHAVIOURS, metavar="MODE", help="%(choices)s")
    outcome = p.add_mutually_exclusive_group()
    outcome.add_argument("--passed", action="store_true", help="passed attempts only")
    outcome.add_argument("--failed", action="store_true", help="failed attempts only")


def _add_results_commands(sub: Any) -> None:
    p = sub.add_parser(
        "export", help="export attempts or per-question responses (columns: docs/exports.md)"
    )
    add_data_dir(p)
    p.add_argument("what", choices=["attempts", "responses"])
    p.add_argument(
        "--format",
        default="csv",
        choices=RESULT_FORMATS,
        metavar="FORMAT",
        dest="fmt",
        help="%(choices)s (default csv)",
    )
    p.add_argument("--output", "-o", type=Path, required=True, metavar="FILE")
    p.add_argument(
        "--lang",
        default="en",
        choices=["en", "fr"],
        help="language of an xlsx workbook's headings and module titles (default en)",
    )
    _add_filters(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("analyse", help="item analysis of a module's exam questions")
    add_data_dir(p)
    p.add_argument("module_id", metavar="MODULE_ID")
    p.add_argument("--csv", type=Path, metavar="FILE", help="also write the items to a CSV file")
    p.add_argument("--lang", default="en", choices=["en", "fr"], help="language of question text")
    p.set_defaults(func=cmd_analyse)

    p = sub.add_parser("summary", help="officials trained and passed (programme summary)")
    add_data_dir(p)
    p.add_argument(
        "--by",
        default="period,institution,module",
        help="comma-separated: period, institution, module, gender, province, session,"
        " audience, function",
    )
    p.add_argument(
        "--period", default="year", choices=PERIODS, metavar="PERIOD", help="%(choices)s"
    )
    p.add_argument("--csv", type=Path, metavar="FILE", help="write the table to a CSV file")
    _add_filters(p)
    p.set_defaults(func=cmd_summary)

    from trainer.sessions import cli as sessions_cli

    sessions_cli.add_commands(sub, add_data_dir)

    from trainer.central import cli as central_cli

    central_cli.add_commands(sub, add_data_dir)

    p = sub.add_parser("bundle", help="move results between workstations as signed bundles")
    bsub = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    b = bsub.add_parser("export", help="write the results not yet sent to a signed bundle")
    add_data_dir(b)
    b.add_argument("file", type=Path, metavar="FILE")
    b.add_argument("--all", action="store_true", help="send everything again, not only new results")
    b.set_defaults(func=cmd_bundle_export)
    b = bsub.add_parser("import", help="verify and merge bundles; prints a report for each")
    add_data_dir(b)
    b.add_argument("files", nargs="+", type=Path, metavar="FILE")
    b.set_defaults(func=cmd_bundle_import)


def _filter(args: argparse.Namespace) -> Any:
    from datetime import date

    from trainer.results.query import Outcome, ResultFilter
    from trainer.storage.trainees import Institution

    def day(value: str | None, flag: str) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise TrainerError(f"{flag} needs a date such as 2026-03-31, not {value!r}") from None

    return ResultFilter(
        date_from=day(args.date_from, "--from"),
        date_to=day(args.date_to, "--to"),
        module_id=args.module,
        audience=args.audience,
        institution=Institution(args.institution) if args.institution else None,
        trainee_search=args.trainee or "",
        outcome=Outcome.PASSED if args.passed else Outcome.FAILED if args.failed else None,
        workstation_uid=args.workstation,
        behaviour=args.behaviour,
    )


def cmd_export(args: argparse.Namespace) -> int:
    from trainer.results import export, service

    with _opened(args, operator=True) as ws:
        fmt = export.TableFormat(args.fmt)
        func = service.export_attempts if args.what == "attempts" else service.export_responses
        count = func(ws, args.output, fmt, _filter(args), language=args.lang)
        print(f"{count} {args.what} written to {args.output}", file=sys.stderr)
        return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from trainer.results import analysis, service

    with _opened(args, operator=True) as ws:
        result = service.analyse_module(ws, args.module_id, args.lang)
        if not result.attempts:
            raise TrainerError(f"no finished exam attempts of module {args.module_id}")
        r = result.reliability
        print(f"module {result.module_id}: {result.attempts} finished exam attempts")
        if result.too_few_attempts:
            print(
                f"warning: fewer than {analysis.MIN_ATTEMPTS} attempts; "
                "the figures are not yet reliable"
            )
        if r.alpha is not None:
            label = "KR-20" if r.kr20 is not None else "Cronbach's alpha"
            print(
                f"reliability ({label}): {r.alpha:.3f} over {r.items} questions, {r.attempts} attempts"
            )
        else:
            print("reliability: not computable (too few attempts share the same questions)")
        print("histogram (0-10 ... 90-100%): " + " ".join(str(n) for n in result.histogram))
        print(f"{'question':<24} {'n':>6} {'facility':>8} {'D(27%)':>7} {'r_pb':>6}  flags")
        for i in result.items:
            d = "-" if i.discrimination is None else f"{i.discrimination:.2f}"
            rpb = "-" if i.point_biserial is None else f"{i.point_biserial:.2f}"
            flags = ", ".join(sorted(f.value for f in i.flags))
            print(f"{i.question_id:<24} {i.n:>6} {i.facility:>8.2f} {d:>7} {rpb:>6}  {flags}")
        if args.csv:
            service.export_item_analysis(ws, args.csv, result)
            print(f"items written to {args.csv}", file=sys.stderr)
        return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from trainer.results import service
    from trainer.results.summary import Dimension, Period

    try:
        dims = [Dimension(d.strip()) for d in args.by.split(",") if d.strip()]
    except ValueError:
        raise TrainerError(
            "--by takes period, institution, module, gender, province, session, audience"
            " and function"
        ) from None
    with _opened(args, operator=True) as ws:
        result = service.programme_summary(ws, dims, Period(args.period), _filter(args))
        columns = result.csv_columns()
        rows = result.csv_rows()
        print("\t".join(columns))
        for row in rows:
            print("\t".join("" if v is None else str(v) for v in row))
        if args.csv:
            service.export_summary(ws, args.csv, result)
        return 0


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from trainer.results import service

    with _opened(args, operator=True) as ws:
        done = service.export_bundle(ws, args.file, everything=args.all)
        print(
            f"{done.attempts} attempts and {done.trainees} trainee profiles written to {done.path}"
        )
        return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from trainer.results import bundles, service

    refused = 0
    with _opened(args, operator=True) as ws:
        for path in args.files:
            try:
                report = service.import_bundle(ws, path)
            except bundles.BundleError as exc:
                refused += 1
                print(f"REFUSED {exc}")
                continue
            print(f"{path}:")
            for line in report.lines():
                print(f"  {line}")
    return 1 if refused else 0


def add_certificate_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "verify-certificate",
        help="check a certificate PDF, a scan or photo of one, or a typed code; "
        "exit 0 if valid, 1 if not",
    )
    add_data_dir(p)
    p.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help="the certificate PDF, or a picture of the paper (.png, .jpg, .jpeg, .bmp, .tif, …)",
    )
    p.add_argument("--code", metavar="TEXT", help="the verification code printed on the page")
    p.add_argument(
        "--lang",
        choices=CERTIFICATE_LANGUAGES,
        metavar="LANG",
        default="en",
        help="language of module titles: %(choices)s",
    )
    p.set_defaults(func=cmd_verify_certificate)

    certs = sub.add_parser("certificates", help="the certificate register")
    add_data_dir(certs)
    csub = certs.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = csub.add_parser("list", help="list certificates")
    add_data_dir(p)
    p.add_argument("--search", default="", help="part of a name or number")
    p.add_argument("--status", choices=["valid", "revoked"])
    p.set_defaults(func=cmd_certificates_list)
    p = csub.add_parser("revoke", help="revoke a certificate, with a reason")
    add_data_dir(p)
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_certificates_revoke)
    p = csub.add_parser("pdf", help="write a certificate's PDF again (same number)")
    add_data_dir(p)
    p.add_argument("number")
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.add_argument("--lang", choices=CERTIFICATE_LANGUAGES, metavar="LANG", help="%(choices)s")
    p.set_defaults(func=cmd_certificates_pdf)
    p = csub.add_parser("batch", help="issue and write certificates for every passed exam")
    add_data_dir(p)
    p.add_argument("folder", type=Path)
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--until", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--institution", choices=INSTITUTIONS, metavar="NAME", help="%(choices)s")
    p.add_argument("--lang", choices=CERTIFICATE_LANGUAGES, metavar="LANG", help="%(choices)s")
    p.set_defaults(func=cmd_certificates_batch)
    p = csub.add_parser("export-csv", help="write the register to a CSV file")
    add_data_dir(p)
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_certificates_export_csv)
    p = csub.add_parser(
        "export-revocations", help="write this installation's signed revocation list"
    )
    add_data_dir(p)
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_certificates_export_revocations)
    p = csub.add_parser("import-revocations", help="read a trusted issuer's revocation list")
    add_data_dir(p)
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_certificates_import_revocations)

    keys = sub.add_parser("keys", help="this installation's public key and trusted issuers")
    add_data_dir(keys)
    ksub = keys.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = ksub.add_parser("list", help="list trusted issuer keys")
    add_data_dir(p)
    p.set_defaults(func=cmd_keys_list)
    p = ksub.add_parser("export", help="write this installation's public key for others to trust")
    add_data_dir(p)
    p.add_argument("file", type=Path)
    p.add_argument("--name", help="issuer name written in the file (default: the institution)")
    p.set_defaults(func=cmd_keys_export)
    p = ksub.add_parser("import", help="trust an issuer's public key file")
    add_data_dir(p)
    p.add_argument("file", type=Path)
    p.add_argument("--name", help="name to show for this issuer")
    p.set_defaults(func=cmd_keys_import)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _workspace(args: argparse.Namespace) -> Workspace:
    from trainer.workspace import Workspace

    return Workspace(args.data_dir)


def cmd_banks(args: argparse.Namespace) -> int:
    import json

    from trainer.errors import more_problems_text

    with _opened(args, operator=False) as ws:
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
                        "questions": b.question_count,
                        "by_kind": b.by_kind,
                        "by_topic": b.by_topic,
                        "by_language": b.by_language,
                        "modules": [
                            {
                                "id": m.id,
                                "title": dict(m.title.values),
                                "audiences": [a.value for a in m.audiences],
                                "pool": b.pool_size(m),
                                "exam_questions": sum(r.count for r in m.draw) or b.pool_size(m),
                                "by_kind": b.pool_kinds.get(m.id, {}),
                                "pass_mark": m.pass_mark,
                                "time_limit": m.time_limit_minutes,
                                "training_hours": m.training_hours,
                            }
                            for m in b.modules
                        ],
                    }
                    for b in catalog.summaries
                ],
                "failures": [
                    {
                        "path": str(f.path),
                        "problems": [str(p) for p in f.problems],
                        "more_problems": f.more,
                    }
                    for f in catalog.failures
                ],
            }
            json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            for b in catalog.summaries:
                print(
                    f"{b.id} {b.version}  {b.title.get('en')}  "
                    f"({b.question_count} questions, {len(b.modules)} modules, "
                    f"{', '.join(b.languages)})"
                )
            for f in catalog.failures:
                print(f"FAILED {f.path}:")
                for p in f.problems:
                    print(f"  {p}")
                if f.more:
                    print(f"  {more_problems_text(f.more)}")
        return 1 if catalog.failures else 0


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
    draft = import_file(args.file, lang=args.bank_lang, nearest_grade=args.nearest_grade)
    for line in draft.report.lines():
        print(line)
    if not draft.question_count:
        print(f"{draft.report.summary()}; no draft was written", file=sys.stderr)
        return 1
    save_draft(draft, target)
    print(draft.report.summary(), file=sys.stderr)
    if draft.pictures:
        print(
            f"its {len(draft.pictures)} picture(s) saved in {target.stem}.pictures/ beside it;"
            " keep them together",
            file=sys.stderr,
        )
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
    with _opened(args, operator=False) as ws:
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
    for line in report.lines():
        print(line)
    print(f"{report.summary()}; written to {args.output}", file=sys.stderr)
    return 1 if report.skipped else 0


def _import_yaml(args: argparse.Namespace) -> int:
    from trainer.errors import BankError

    with _opened(args, operator=False) as ws:
        try:
            result = ws.library().import_bank(args.file)
        except BankError as exc:
            print(exc)
            print(f"not imported: {exc.total} problem(s) in {args.file}", file=sys.stderr)
            return 1
        bank = result.bank
        note = f", replacing version {result.replaced_version}" if result.replaced_version else ""
        print(
            f"imported {bank.id} {bank.version} ({len(bank.questions)} questions, "
            f"{len(bank.modules)} modules){note} into {result.path}"
        )
        return 0


def _operator_workspace(args: argparse.Namespace) -> Workspace:
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


@contextlib.contextmanager
def _opened(args: argparse.Namespace, *, operator: bool) -> Iterator[Workspace]:
    """The data folder for one command, closed after it; ``operator``: acting as the
    workstation's administrator (staff commands), else as anyone (verification)."""
    ws = _operator_workspace(args) if operator else _workspace(args)
    try:
        yield ws
    finally:
        ws.close()


def cmd_backup(args: argparse.Namespace) -> int:
    from trainer import admin

    with _opened(args, operator=True) as ws:
        made = admin.backup_now(ws)
        print(f"backed up to {made.path} ({made.size} bytes)")
        return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from trainer import admin

    with _opened(args, operator=True) as ws:
        for b in admin.list_backups(ws):
            label = f"  [{b.label}]" if b.label else ""
            print(f"{b.taken_at:%Y-%m-%d %H:%M:%S} UTC  {b.size:>10}  {b.path}{label}")
        return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from trainer import admin
    from trainer.instance import InstanceLock
    from trainer.paths import DataDir, resolve_data_dir
    from trainer.storage import backups

    data = DataDir(resolve_data_dir(args.data_dir))
    lock = InstanceLock(data.root)
    if not lock.acquire():
        print("error: TiP Trainer is open on this data folder; close it first", file=sys.stderr)
        return 3
    try:
        if backups.missing_database(data.database, data.backups) is not None:
            # Nothing to open: the backup takes the place of the missing or empty file.
            note = admin.recover_missing(data.database, args.file.resolve())
            with _opened(args, operator=True) as ws:
                admin.record_recovery(ws, note)
            print(f"restored {args.file.name} in place of the missing or empty database")
            return 0
        with _opened(args, operator=True) as ws:
            before = admin.restore_backup(ws, args.file.resolve())
        print(f"restored {args.file.name}; the database as it was is kept as {before.path}")
        return 0
    finally:
        lock.release()


def cmd_audit(args: argparse.Namespace) -> int:
    from trainer import admin

    with _opened(args, operator=True) as ws:
        report = admin.audit_integrity(ws)
        verdict = (
            f"audit log intact: {report.entries} entries, each following the one before"
            if report.intact
            else f"audit log NOT intact: {len(report.breaks)} break(s) in {report.entries} entries"
        )
        if args.verify:
            print(verdict)
            for problem in report.breaks:
                print(f"  {problem}")
            return 0 if report.intact else 1
        if not report.intact:
            print(f"warning: {verdict} (see: audit --verify)", file=sys.stderr)
        if args.csv:
            count = admin.export_audit(ws, args.csv, text=args.search, action=args.action)
            print(f"{count} entries written to {args.csv}")
            return 0
        for e in admin.audit_entries(ws, text=args.search, action=args.action):
            print(f"{e.at:%Y-%m-%d %H:%M:%S} UTC  {e.actor:<20} {e.action:<24} {e.detail}")
        return 0


def cmd_accounts(args: argparse.Namespace) -> int:
    from trainer import admin

    with _opened(args, operator=True) as ws:
        for a in admin.list_accounts(ws):
            state = "disabled" if a.disabled else ("locked" if a.locked_until else "active")
            print(f"{a.name:<30} {a.role.value:<12} {state}")
        return 0


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
    with _opened(args, operator=True) as ws:
        admin.reset_password(ws, args.name, password)
        print(f"password of {args.name} changed")
        return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from trainer.banks.loader import validate_files
    from trainer.errors import more_problems_text

    checks = validate_files(args.files)
    for check in checks:
        for p in check.problems:
            print(p)
        if check.more:
            print(f"{check.path}: {more_problems_text(check.more)}")
    failed = [c for c in checks if c.total]
    if failed:
        print(
            f"{sum(c.total for c in failed)} problem(s) in {len(failed)} file(s)",
            file=sys.stderr,
        )
        return 1
    print(f"{len(args.files)} file(s) valid", file=sys.stderr)
    return 0


def cmd_review_bank(args: argparse.Namespace) -> int:
    import json

    from trainer.banks.review import engine, service

    if not args.banks and not args.library:
        print("error: name at least one bank file or bank id, or give --library", file=sys.stderr)
        return 2
    with _opened(args, operator=True) as ws:
        lang = service.interface_language(ws, getattr(args, "lang", None))
        reviews = service.review_targets(ws, args.banks, whole_library=args.library)
    if args.json:
        json.dump(engine.to_json(reviews, lang), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for line in engine.text_lines(reviews, lang):
            print(line)
        print(engine.summary(reviews, lang), file=sys.stderr)
    return 1 if any(r.has_problem for r in reviews) else 0


def cmd_verify_certificate(args: argparse.Namespace) -> int:
    from trainer.certificates import verification
    from trainer.certificates.document import CodeProblem

    if (args.file is None) == (args.code is None):
        print("error: give either a file (PDF or picture) or --code TEXT", file=sys.stderr)
        return 2
    from trainer.workspace import Workspace

    ws = Workspace.for_verification(args.data_dir)  # verifying creates and writes nothing
    try:
        if args.file is not None:
            verdict = verification.verify_file(ws, args.file, language=args.lang)
        else:
            verdict = verification.verify_code(ws, args.code, language=args.lang)
    finally:
        ws.close()
    facts = verdict.facts
    if verdict.valid and facts is not None:
        print("VALID certificate")
    else:
        print(f"NOT VALID: {verdict.detail}")
    if facts is not None and verdict.problem not in (CodeProblem.ALTERED, CodeProblem.MALFORMED):
        label = "" if verdict.valid else " (as claimed)"
        print(f"  number{label}:   {facts.number}")
        print(f"  kind:     {_KIND_WORDS[facts.kind.value]}")
        print(f"  name:     {facts.name}")
        print(f"  modules:  {'; '.join(verdict.module_titles or facts.modules)}")
        print(f"  score:    {facts.score:g}%")
        print(f"  date:     {facts.date.isoformat()}")
        print(f"  issuer:   {verdict.issuer_name or '?'} (key {facts.issuer_key_id})")
    return 0 if verdict.valid else 1


def _session_report_pdf(ws: Workspace, session_id: int, out: Path, language: str) -> Path:
    from trainer.ui.session_documents import export_report_pdf

    return export_report_pdf(ws, session_id, out, language, translate=True)


_KIND_WORDS = {
    "module": "certificate of competence (module)",
    "programme": "certificate of competence (programme)",
    "attendance": "certificate of attendance",
}


def cmd_certificates_list(args: argparse.Namespace) -> int:
    from trainer.certificates import register

    with _opened(args, operator=True) as ws:
        for r in register.list_certificates(ws, args.search, status=args.status):
            modules = ", ".join(m.id for m in r.modules)
            print(
                f"{r.number}  {r.certified_on.isoformat()}  {r.status:<7}  {r.score:5.1f}%  "
                f"{r.trainee_name}  [{modules}]"
            )
    return 0


def cmd_certificates_revoke(args: argparse.Namespace) -> int:
    from trainer.certificates import register

    with _opened(args, operator=True) as ws:
        record = register.revoke(ws, args.number, args.reason)
    print(f"revoked {record.number}: {record.revoked_reason}")
    return 0


def cmd_certificates_pdf(args: argparse.Namespace) -> int:
    from trainer.certificates import issuing, register

    with _opened(args, operator=True) as ws:
        record = issuing.repository(ws).by_number(args.number)
        register.render_pdf(ws, record, args.file, args.lang)
    print(f"wrote {args.file}")
    return 0


def cmd_certificates_batch(args: argparse.Namespace) -> int:
    from trainer.certificates.batch import batch_generate

    with _opened(args, operator=True) as ws:
        result = batch_generate(
            ws,
            args.folder,
            since=args.since,
            until=args.until,
            institution=args.institution,
            language=args.lang,
        )
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    if result.elsewhere:
        print(
            f"{len(result.elsewhere)} certificate(s) issued at another workstation, printed"
            f" there: {', '.join(result.elsewhere)}"
        )
    print(f"{len(result.written)} certificate(s) written to {args.folder}")
    return 1 if result.errors else 0


def cmd_certificates_export_csv(args: argparse.Namespace) -> int:
    from trainer.certificates import register

    with _opened(args, operator=True) as ws:
        count = register.export_csv(ws, args.file, register.list_certificates(ws))
    print(f"{count} certificate(s) written to {args.file}")
    return 0


def cmd_certificates_export_revocations(args: argparse.Namespace) -> int:
    from trainer.certificates import register

    with _opened(args, operator=True) as ws:
        count = register.export_revocations(ws, args.file)
    print(f"{count} revocation(s) written to {args.file}")
    return 0


def cmd_certificates_import_revocations(args: argparse.Namespace) -> int:
    from trainer.certificates import register

    with _opened(args, operator=True) as ws:
        count = register.import_revocations(ws, args.file)
    print(f"{count} new revocation(s) recorded")
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    with _opened(args, operator=True) as ws:
        for key in ws.keys.trusted():
            print(f"{key.key_id}  {'(this installation) ' if key.own else ''}{key.name}")
    return 0


def cmd_keys_export(args: argparse.Namespace) -> int:
    from trainer.certificates.keys import export_public_key

    with _opened(args, operator=True) as ws:
        export_public_key(ws, args.file, args.name)
    print(f"public key written to {args.file}")
    return 0


def cmd_keys_import(args: argparse.Namespace) -> int:
    from trainer.certificates.keys import import_public_key

    with _opened(args, operator=True) as ws:
        key = import_public_key(ws, args.file, args.name)
    print(f"now trusting {key.name} (key {key.key_id})")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Opening the window (no command) needs only the window's options: the full parser,
    # with every command, is built when a command, --help or --version is given.
    window = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    _window_options(window)
    try:
        options, rest = window.parse_known_args(arguments)
    except argparse.ArgumentError:  # a bad value (e.g. --lang xx): the full parser says so
        rest = arguments
    if not rest:
        from trainer.ui.app import run_gui

        options.command = None
        return run_gui(options)
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command is None:
        from trainer.ui.app import run_gui

        return run_gui(args)
    # What a command prints comes partly from outside (names, file names, bundles): no
    # control character reaches the terminal raw.
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = cast(TextIO, _Escaping(out)), cast(TextIO, _Escaping(err))
    if args.command == "sessions":
        from trainer.sessions import cli as sessions_cli

        args.func = lambda a: sessions_cli.run(
            a, lambda b: _opened(b, operator=True), _session_report_pdf
        )
    if args.command in ("sync", "central"):
        from trainer.central import cli as central_cli

        args.func = lambda a: central_cli.run(a, lambda b: _opened(b, operator=True))
    try:
        return int(args.func(args))
    except TrainerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        sys.stdout, sys.stderr = out, err


class _Escaping:
    """A text stream that writes control characters as escapes (``terminal_text``)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from trainer.text import terminal_text

        return int(self._stream.write(terminal_text(text)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
