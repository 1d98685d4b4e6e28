"""`python -m trainer sessions …`: training sessions from the command line.

Every command calls the same functions as the Sessions screen; only the session report's
PDF is drawn by the interface layer (Qt), loaded when asked for.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.errors import TrainerError

if TYPE_CHECKING:
    from trainer.workspace import Workspace

Opener = Callable[[argparse.Namespace], Any]  # a context manager giving the workspace


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def add_commands(sub: Any, add_data_dir: Callable[[argparse.ArgumentParser], None]) -> None:
    from trainer import cli  # its choices come from the domain enums, read when needed

    p = sub.add_parser("sessions", help="training sessions: participants, attendance, reports")
    ssub = p.add_subparsers(dest="sessions_command", metavar="ACTION", required=True)

    c = ssub.add_parser("create", help="create a training session")
    add_data_dir(c)
    c.add_argument("--title", required=True)
    c.add_argument(
        "--institution",
        required=True,
        choices=cli.INSTITUTIONS,
        metavar="NAME",
        help="%(choices)s",
    )
    c.add_argument("--start", type=_day, required=True, help="first day (YYYY-MM-DD)")
    c.add_argument("--end", type=_day, help="last day (default: the first day)")
    c.add_argument("--venue", default="")
    c.add_argument(
        "--province", default="", help="Bujumbura, Gitega, Butanyerera, Buhumuza, Burunga"
    )
    c.add_argument("--trainer", action="append", default=[], help="a trainer's name (repeatable)")
    c.add_argument(
        "--audience",
        action="append",
        default=[],
        choices=cli.AUDIENCES,
        metavar="AUDIENCE",
        help="%(choices)s (repeatable)",
    )
    c.add_argument("--modules", default="", help="modules taught: bank/module,bank/module")
    c.add_argument("--hours", type=float, default=0.0, help="planned hours")
    c.add_argument("--pre-test", default="", help="bank/module of the pre-test")
    c.add_argument("--post-test", default="", help="bank/module of the post-test (the exam)")
    c.add_argument(
        "--same-questions", action="store_true", help="post-test repeats the pre-test's questions"
    )
    c.set_defaults(sessions_func=cmd_create)

    c = ssub.add_parser("list", help="list training sessions")
    add_data_dir(c)
    c.add_argument("--json", action="store_true")
    c.set_defaults(sessions_func=cmd_list)

    c = ssub.add_parser("enrol", help="enrol trainees by service number")
    add_data_dir(c)
    c.add_argument("session", help="session number or uid")
    c.add_argument("service_numbers", nargs="+")
    c.set_defaults(sessions_func=cmd_enrol)

    c = ssub.add_parser("import-participants", help="enrol the participants of a CSV/XLSX list")
    add_data_dir(c)
    c.add_argument("session")
    c.add_argument("file", type=Path)
    c.add_argument(
        "--good-rows", action="store_true", help="import the good rows of a list with errors"
    )
    c.set_defaults(sessions_func=cmd_import)

    c = ssub.add_parser("attendance", help="mark who was present on a day")
    add_data_dir(c)
    c.add_argument("session")
    c.add_argument("--day", type=_day, required=True)
    c.add_argument("--present", nargs="*", default=[], help="service numbers present")
    c.add_argument("--absent", nargs="*", default=[], help="service numbers absent")
    c.set_defaults(sessions_func=cmd_attendance)

    c = ssub.add_parser("open-test", help="open the pre-test or post-test (or close: none)")
    add_data_dir(c)
    c.add_argument("session")
    c.add_argument("phase", choices=["pre", "post", "none"])
    c.set_defaults(sessions_func=cmd_open_test)

    c = ssub.add_parser("certify-attendance", help="issue the certificates of attendance")
    add_data_dir(c)
    c.add_argument("session")
    c.set_defaults(sessions_func=cmd_certify)

    c = ssub.add_parser("report", help="write the session report (PDF or XLSX)")
    add_data_dir(c)
    c.add_argument("session")
    c.add_argument("--format", dest="fmt", choices=["pdf", "xlsx"], required=True)
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--lang", dest="report_lang", choices=["en", "fr"], default="en")
    c.set_defaults(sessions_func=cmd_report)

    c = ssub.add_parser(
        "annual-figures", help="officials trained in a year, per service, province, gender, month"
    )
    add_data_dir(c)
    c.add_argument("--year", type=int, required=True)
    c.add_argument("--format", dest="fmt", choices=["xlsx", "csv"], required=True)
    c.add_argument("--out", type=Path, required=True)
    c.set_defaults(sessions_func=cmd_figures)


# Draws the session report's PDF (the interface layer, Qt): given by the command line.
ReportPdf = Callable[["Workspace", int, Path, str], Path]


def run(args: argparse.Namespace, opened: Opener, report_pdf: ReportPdf) -> int:
    args.report_pdf = report_pdf
    with opened(args) as ws:
        return int(args.sessions_func(ws, args))


def _trainee_ids(ws: Workspace, numbers: list[str]) -> list[int]:
    out = []
    for number in numbers:
        trainee = ws.trainees.by_service_number(number)
        if trainee is None:
            raise TrainerError(f"no trainee with service number '{number[:40]}'")
        out.append(trainee.id)
    return out


def cmd_create(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.sessions import service
    from trainer.storage.sessions import SessionDraft
    from trainer.storage.trainees import Institution

    pre = service.module_refs(args.pre_test)
    post = service.module_refs(args.post_test)
    session = service.create_session(
        ws,
        SessionDraft(
            title=args.title,
            institution=Institution(args.institution),
            start_date=args.start,
            end_date=args.end or args.start,
            venue=args.venue,
            province=args.province,
            trainers=tuple(args.trainer),
            audiences=tuple(args.audience),
            modules=service.module_refs(args.modules),
            planned_hours=args.hours,
            pre_test=pre[0] if pre else None,
            post_test=post[0] if post else None,
            same_questions=args.same_questions,
        ),
    )
    print(f"created session {session.id} ({session.uid}): {session.title}")
    return 0


def cmd_list(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.sessions import service

    sessions = service.list_sessions(ws)
    if args.json:
        print(json.dumps([service.describe(s) for s in sessions], ensure_ascii=False, indent=1))
        return 0
    for s in sessions:
        people = len(service.repository(ws).participants(s.id))
        print(
            f"{s.id:>4}  {s.start_date.isoformat()}…{s.end_date.isoformat()}  "
            f"{s.province or '-':<11}  {people:>3} participants  {s.title}"
        )
    return 0


def cmd_enrol(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.sessions import service

    session = service.find_session(ws, args.session)
    added = service.enrol(ws, session.id, _trainee_ids(ws, args.service_numbers))
    print(f"enrolled {added} participant(s) in session {session.id}")
    return 0


def cmd_import(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.sessions import service
    from trainer.sessions.participants import read_participants

    session = service.find_session(ws, args.session)
    found = read_participants(args.file)
    for error in found.errors:
        print(f"{args.file.name}: {error}")
    if found.errors and not args.good_rows:
        print(
            f"nothing imported: {len(found.errors)} row(s) with errors"
            " (fix them, or add --good-rows to import the other rows)"
        )
        return 1
    result = service.import_participants(ws, session.id, found, good_rows_only=args.good_rows)
    print(
        f"{result.enrolled} enrolled ({result.created} new profiles, {result.matched} known);"
        f" {result.skipped_rows} row(s) left out"
    )
    return 0


def cmd_attendance(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.sessions import service

    session = service.find_session(ws, args.session)
    marks = {tid: True for tid in _trainee_ids(ws, args.present)}
    marks.update({tid: False for tid in _trainee_ids(ws, args.absent)})
    service.record_attendance(ws, session.id, args.day, marks)
    print(
        f"{args.day.isoformat()}: {sum(marks.values())} present, {len(marks) - sum(marks.values())} absent"
    )
    return 0


def cmd_open_test(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.sessions import service
    from trainer.storage.sessions import Phase

    session = service.find_session(ws, args.session)
    phase = None if args.phase == "none" else Phase(args.phase)
    service.open_test(ws, session.id, phase)
    print(f"session {session.id}: " + (f"{args.phase}-test open" if phase else "tests closed"))
    return 0


def cmd_certify(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.sessions import service

    session = service.find_session(ws, args.session)
    records = service.issue_attendance_certificates(ws, session.id)
    for r in records:
        print(f"{r.number}  {r.trainee_name}  {r.score:g}% of the planned hours")
    print(f"{len(records)} certificate(s) of attendance")
    return 0


def cmd_report(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.sessions import service

    session = service.find_session(ws, args.session)
    if args.fmt == "xlsx":
        service.export_report_xlsx(ws, session.id, args.out, args.report_lang)
    else:
        args.report_pdf(ws, session.id, args.out, args.report_lang)
    print(f"wrote {args.out}")
    return 0


def cmd_figures(ws: Workspace, args: argparse.Namespace) -> int:
    from trainer.sessions import figures

    written = figures.export_annual_figures(ws, args.year, args.out, args.fmt)
    result = figures.annual_figures(ws.db, args.year)
    print(f"{args.year}: {result.trained} officials trained, {result.certified} certified")
    print(f"wrote {written}")
    return 0
