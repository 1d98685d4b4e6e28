"""Printable documents of a training session: the sign-in sheet of a day and the session
report, as PDF (HTML drawn with QTextDocument through ui/reports.py)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from trainer.sessions.report import SessionReport, build_report
from trainer.storage.sessions import TrainingSession
from trainer.storage.trainees import Institution, Trainee
from trainer.ui import labels
from trainer.ui.i18n import fmt
from trainer.ui.numbers import fixed, number
from trainer.ui.reports import table_html, write_pdf
from trainer.workspace import Workspace


def _number(value: float | None, digits: int = 1) -> str:
    """A figure as the interface language writes it (72,5 in French); — when unknown."""
    return "—" if value is None else fixed(value, digits)


def _section(title: str, headers: list[str], rows: Sequence[Sequence[object]]) -> str:
    """One titled table of the report."""
    return f"<h2>{html.escape(title)}</h2>" + table_html(headers, rows)


def _heading(session: TrainingSession) -> str:
    facts = [
        (
            QCoreApplication.translate("SessionDocuments", "Institution"),
            labels.institution(session.institution),
        ),
        (QCoreApplication.translate("SessionDocuments", "Venue"), session.venue or "—"),
        (QCoreApplication.translate("SessionDocuments", "Province"), session.province or "—"),
        (
            QCoreApplication.translate("SessionDocuments", "Dates"),
            f"{session.start_date.isoformat()} – {session.end_date.isoformat()}",
        ),
        (
            QCoreApplication.translate("SessionDocuments", "Trainers"),
            ", ".join(session.trainers) or "—",
        ),
        (
            QCoreApplication.translate("SessionDocuments", "Planned hours"),
            number(session.planned_hours),
        ),
    ]
    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in facts
    )
    return (
        f"<h1>{html.escape(session.title)}</h1>"
        f"<table cellspacing='0' cellpadding='2'>{rows}</table>"
    )


def sign_in_sheet_html(session: TrainingSession, day: date, people: list[Trainee]) -> str:
    rows = [
        [
            str(i),
            t.name,
            t.service_number or "",
            labels.institution(Institution(t.institution)),
            t.function or "",
            "",
        ]
        for i, t in enumerate(people, 1)
    ]
    body = table_html(
        [
            QCoreApplication.translate("SessionDocuments", "No."),
            QCoreApplication.translate("SessionDocuments", "Name"),
            QCoreApplication.translate("SessionDocuments", "Service number"),
            QCoreApplication.translate("SessionDocuments", "Institution"),
            QCoreApplication.translate("SessionDocuments", "Function or rank"),
            QCoreApplication.translate("SessionDocuments", "Signature"),
        ],
        rows,
    ).replace("<td></td></tr>", "<td width='30%'>&nbsp;<br>&nbsp;</td></tr>")
    title = fmt(
        QCoreApplication.translate("SessionDocuments", "Sign-in sheet — %1"), day.isoformat()
    )
    return _heading(session) + f"<h2>{html.escape(title)}</h2>" + body


def write_sign_in_sheet(ws: Workspace, session_id: int, day: date, path: Path) -> Path:
    from trainer.certificates.pdf import ensure_application
    from trainer.sessions import service

    ensure_application()
    repo = service.repository(ws)
    session = repo.get(session_id)
    if day not in session.days:
        from trainer.errors import TrainerError

        raise TrainerError(f"{day.isoformat()} is not a day of this session")
    people = repo.participants(session_id)
    title = fmt(
        QCoreApplication.translate("SessionDocuments", "Sign-in sheet — %1"), day.isoformat()
    )
    return write_pdf(path, sign_in_sheet_html(session, day, people), title=title)


def report_html(report: SessionReport) -> str:
    s = report.session
    summary = [
        (
            QCoreApplication.translate("SessionDocuments", "Participants"),
            str(len(report.participants)),
        ),
        (
            QCoreApplication.translate("SessionDocuments", "Mean pre-test score"),
            _number(report.mean_pre) + " %",
        ),
        (
            QCoreApplication.translate("SessionDocuments", "Mean post-test score"),
            _number(report.mean_post) + " %",
        ),
        (
            QCoreApplication.translate("SessionDocuments", "Mean gain (points)"),
            _number(report.mean_gain),
        ),
        (
            QCoreApplication.translate("SessionDocuments", "Normalised gain of the group ⟨g⟩"),
            _number(report.class_normalised_gain, 2),
        ),
        (
            QCoreApplication.translate("SessionDocuments", "Pass rate"),
            _number(report.pass_rate) + " % (" + f"{report.passed}/{report.took_post})",
        ),
        (
            QCoreApplication.translate("SessionDocuments", "Certificates of competence"),
            str(report.competence_certificates),
        ),
        (
            QCoreApplication.translate("SessionDocuments", "Certificates of attendance"),
            str(report.attendance_certificates),
        ),
    ]
    parts = [_heading(s)]
    parts.append(
        _section(
            QCoreApplication.translate("SessionDocuments", "Summary"),
            [
                QCoreApplication.translate("SessionDocuments", "Figure"),
                QCoreApplication.translate("SessionDocuments", "Value"),
            ],
            summary,
        )
    )
    parts.append(
        _section(
            QCoreApplication.translate("SessionDocuments", "Participants"),
            [
                QCoreApplication.translate("SessionDocuments", "Name"),
                QCoreApplication.translate("SessionDocuments", "Service number"),
                QCoreApplication.translate("SessionDocuments", "Days present"),
                QCoreApplication.translate("SessionDocuments", "Hours"),
                QCoreApplication.translate("SessionDocuments", "Pre %"),
                QCoreApplication.translate("SessionDocuments", "Post %"),
                QCoreApplication.translate("SessionDocuments", "Gain"),
                QCoreApplication.translate("SessionDocuments", "g"),
                QCoreApplication.translate("SessionDocuments", "Passed"),
            ],
            [
                [
                    p.trainee.name,
                    p.trainee.service_number or "",
                    f"{p.days_present}/{len(report.days)}",
                    number(p.hours),
                    _number(p.pre),
                    _number(p.post),
                    _number(p.gain),
                    _number(p.normalised_gain, 2),
                    "—"
                    if p.passed is None
                    else (
                        QCoreApplication.translate("SessionDocuments", "yes")
                        if p.passed
                        else QCoreApplication.translate("SessionDocuments", "no")
                    ),
                ]
                for p in report.participants
            ],
        )
    )
    parts.append(
        _section(
            QCoreApplication.translate("SessionDocuments", "Attendance by day"),
            [
                QCoreApplication.translate("SessionDocuments", "Day"),
                QCoreApplication.translate("SessionDocuments", "Present"),
            ],
            [[d.isoformat(), str(report.present_by_day[d])] for d in report.days],
        )
    )
    parts.append(
        _section(
            QCoreApplication.translate("SessionDocuments", "Scores by topic"),
            [
                QCoreApplication.translate("SessionDocuments", "Topic"),
                QCoreApplication.translate("SessionDocuments", "Pre %"),
                QCoreApplication.translate("SessionDocuments", "Post %"),
                QCoreApplication.translate("SessionDocuments", "Gain"),
            ],
            [
                [labels.topic(t.topic), _number(t.pre), _number(t.post), _number(t.gain)]
                for t in report.topics
            ],
        )
    )
    parts.append(
        _section(
            QCoreApplication.translate("SessionDocuments", "Items most missed"),
            [
                QCoreApplication.translate("SessionDocuments", "Question"),
                QCoreApplication.translate("SessionDocuments", "Text"),
                QCoreApplication.translate("SessionDocuments", "Answered"),
                QCoreApplication.translate("SessionDocuments", "Facility %"),
            ],
            [
                [m.question_id, m.text, str(m.answered), _number(100 * m.facility, 0)]
                for m in report.most_missed
            ],
        )
    )
    note = QCoreApplication.translate(
        "SessionDocuments",
        "g = (post − pre) / (100 − pre): the share of what a participant could still learn "
        "that they learned; not defined for a pre-test score of 100 %.",
    )
    parts.append(f"<p><small>{html.escape(note)}</small></p>")
    return "".join(parts)


def export_report_pdf(
    ws: Workspace, session_id: int, path: Path, language: str = "en", *, translate: bool = False
) -> Path:
    """The session report as PDF (audited like the workbook); ``translate`` installs the
    report's language first (the command line, which has no interface language)."""
    from trainer.access import Permission, require, session_role
    from trainer.certificates.pdf import ensure_application

    require(session_role(ws), Permission.MANAGE_SESSIONS)
    ensure_application()
    from trainer.ui import i18n

    previous = i18n.current()
    if translate:
        i18n.install(language)
    try:
        report = build_report(ws.db, session_id, language)
        written = write_pdf(path, report_html(report), title=report.session.title)
    finally:
        if translate:
            i18n.install(previous)
    ws.audit("session.report", f"session {session_id} to {Path(path).name}")
    return written
