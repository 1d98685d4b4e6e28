"""The session report: attendance, pre and post scores, gains, pass rate, certificates and
the items most missed — the figures a coordinator sends to the ministry (no Qt).

The normalised gain of a participant is g = (post − pre) / (100 − pre): the share of what
they could still learn that they learned. It is undefined (None) for a pre-test score of
100 %. The session's class gain is Hake's ⟨g⟩ = (mean post − mean pre) / (100 − mean pre)
over the participants who took both tests.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from trainer.storage.database import Database
from trainer.storage.sessions import Phase, SessionRepository, TestAttempt, TrainingSession
from trainer.storage.trainees import Trainee

MOST_MISSED = 10


def normalised_gain(pre: float | None, post: float | None) -> float | None:
    """g = (post − pre) / (100 − pre); None when a score is missing or pre is 100 %."""
    if pre is None or post is None or pre >= 100.0:
        return None
    return (post - pre) / (100.0 - pre)


def attendance_of(
    session: TrainingSession, marks: dict[tuple[int, date], bool], trainee_id: int
) -> tuple[int, float, float]:
    """(days present, hours attended, percent of the planned hours) of one participant.

    Each day counts for an equal share of the planned hours; without planned hours the
    percent is the share of days present."""
    days = session.days
    present = sum(1 for d in days if marks.get((trainee_id, d)) is True)
    hours = present * session.hours_per_day
    percent = 100.0 * present / len(days) if days else 0.0
    return present, hours, percent


@dataclass(frozen=True)
class ParticipantLine:
    trainee: Trainee
    days_present: int
    hours: float
    attendance_percent: float
    pre: float | None
    post: float | None
    passed: bool | None
    competence_certificate: str | None
    attendance_certificate: str | None

    @property
    def gain(self) -> float | None:
        return None if self.pre is None or self.post is None else self.post - self.pre

    @property
    def normalised_gain(self) -> float | None:
        return normalised_gain(self.pre, self.post)


@dataclass(frozen=True)
class TopicLine:
    topic: str
    pre: float | None  # percent of the marks
    post: float | None

    @property
    def gain(self) -> float | None:
        return None if self.pre is None or self.post is None else self.post - self.pre


@dataclass(frozen=True)
class MissedItem:
    question_id: str
    text: str
    answered: int  # post-test attempts that asked it
    facility: float  # mean fraction earned, 0 … 1


@dataclass(frozen=True)
class SessionReport:
    session: TrainingSession
    participants: list[ParticipantLine]
    days: list[date]
    present_by_day: dict[date, int]
    topics: list[TopicLine]
    most_missed: list[MissedItem]

    def _both(self) -> list[ParticipantLine]:
        return [p for p in self.participants if p.pre is not None and p.post is not None]

    @property
    def mean_pre(self) -> float | None:
        values = [p.pre for p in self.participants if p.pre is not None]
        return sum(values) / len(values) if values else None

    @property
    def mean_post(self) -> float | None:
        values = [p.post for p in self.participants if p.post is not None]
        return sum(values) / len(values) if values else None

    @property
    def mean_gain(self) -> float | None:
        both = self._both()
        return sum(p.gain or 0.0 for p in both) / len(both) if both else None

    @property
    def class_normalised_gain(self) -> float | None:
        both = self._both()
        if not both:
            return None
        pre = sum(p.pre or 0.0 for p in both) / len(both)
        post = sum(p.post or 0.0 for p in both) / len(both)
        return normalised_gain(pre, post)

    @property
    def took_post(self) -> int:
        return sum(1 for p in self.participants if p.post is not None)

    @property
    def passed(self) -> int:
        return sum(1 for p in self.participants if p.passed)

    @property
    def pass_rate(self) -> float | None:
        return 100.0 * self.passed / self.took_post if self.took_post else None

    @property
    def competence_certificates(self) -> int:
        return sum(1 for p in self.participants if p.competence_certificate)

    @property
    def attendance_certificates(self) -> int:
        return sum(1 for p in self.participants if p.attendance_certificate)


def _chosen(tests: list[TestAttempt], phase: Phase) -> dict[int, TestAttempt]:
    """Per participant: the first finished pre-test (before teaching), the last post-test."""
    out: dict[int, TestAttempt] = {}
    for t in tests:  # in the order started
        if t.phase is not phase or not t.finished:
            continue
        if phase is Phase.PRE and t.trainee_id in out:
            continue
        out[t.trainee_id] = t
    return out


def build_report(db: Database, session_id: int, language: str = "en") -> SessionReport:
    repo = SessionRepository(db)
    session = repo.get(session_id)
    people = repo.participants(session_id)
    marks = repo.attendance(session_id)
    tests = repo.tests(session.uid)
    pre, post = _chosen(tests, Phase.PRE), _chosen(tests, Phase.POST)
    competence = repo.competence_certificates([t.attempt_id for t in post.values()])
    attendance_certs = repo.attendance_certificates(session.uid)
    lines: list[ParticipantLine] = []
    for trainee in people:
        days, hours, percent = attendance_of(session, marks, trainee.id)
        p, q = pre.get(trainee.id), post.get(trainee.id)
        lines.append(
            ParticipantLine(
                trainee=trainee,
                days_present=days,
                hours=hours,
                attendance_percent=percent,
                pre=p.percent if p else None,
                post=q.percent if q else None,
                passed=q.passed if q else None,
                competence_certificate=competence.get(q.attempt_id) if q else None,
                attendance_certificate=attendance_certs.get(trainee.id),
            )
        )
    present_by_day = {
        d: sum(1 for t in people if marks.get((t.id, d)) is True) for d in session.days
    }
    chosen_phase = {t.attempt_id: Phase.PRE for t in pre.values()} | {
        t.attempt_id: Phase.POST for t in post.values()
    }
    earned: dict[tuple[str, Phase], list[float]] = defaultdict(lambda: [0.0, 0.0])
    items: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    item_phase = Phase.POST if post else Phase.PRE
    for answered in repo.answered_questions(session.uid):
        phase = chosen_phase.get(answered.attempt_id)
        if phase is None:
            continue
        bucket = earned[(answered.topic, phase)]
        bucket[0] += answered.fraction * answered.max_mark
        bucket[1] += answered.max_mark
        if phase is item_phase:
            item = items[answered.question_id]
            item[0] += answered.fraction
            item[1] += 1
    topics = []
    for topic in sorted({t for t, _ in earned}):

        def share(phase: Phase, topic: str = topic) -> float | None:
            got, out_of = earned.get((topic, phase), (0.0, 0.0))
            return 100.0 * got / out_of if out_of else None

        topics.append(TopicLine(topic, share(Phase.PRE), share(Phase.POST)))
    worst = sorted(items.items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0]))[:MOST_MISSED]
    texts = repo.question_texts([qid for qid, _ in worst], language)
    missed = [MissedItem(qid, texts.get(qid, ""), int(n), got / n) for qid, (got, n) in worst if n]
    return SessionReport(session, lines, session.days, present_by_day, topics, missed)


# -- the workbook ---------------------------------------------------------------------------
def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def report_tables(report: SessionReport) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(sheet name, columns, rows) for each part of the report (XLSX, tests)."""
    s = report.session
    summary_rows: list[list[Any]] = [
        ["title", s.title],
        ["institution", s.institution.value],
        ["venue", s.venue],
        ["province", s.province],
        ["start_date", s.start_date.isoformat()],
        ["end_date", s.end_date.isoformat()],
        ["trainers", "; ".join(s.trainers)],
        ["audiences", ", ".join(s.audiences)],
        ["modules", ", ".join(f"{m.bank}/{m.id}" for m in s.modules)],
        ["planned_hours", s.planned_hours],
        ["participants", len(report.participants)],
        ["mean_pre_percent", _round(report.mean_pre)],
        ["mean_post_percent", _round(report.mean_post)],
        ["mean_gain_points", _round(report.mean_gain)],
        ["class_normalised_gain", _round(report.class_normalised_gain, 3)],
        ["post_test_taken", report.took_post],
        ["passed", report.passed],
        ["pass_rate_percent", _round(report.pass_rate)],
        ["competence_certificates", report.competence_certificates],
        ["attendance_certificates", report.attendance_certificates],
    ]
    participants = [
        [
            p.trainee.name,
            p.trainee.service_number or "",
            p.trainee.institution.value,
            p.trainee.function or "",
            p.trainee.gender or "",
            p.trainee.province or "",
            p.days_present,
            round(p.hours, 2),
            round(p.attendance_percent, 1),
            _round(p.pre),
            _round(p.post),
            _round(p.gain),
            _round(p.normalised_gain, 3),
            None if p.passed is None else int(p.passed),
            p.competence_certificate or "",
            p.attendance_certificate or "",
        ]
        for p in report.participants
    ]
    topics = [[t.topic, _round(t.pre), _round(t.post), _round(t.gain)] for t in report.topics]
    attendance = [[d.isoformat(), report.present_by_day[d]] for d in report.days]
    missed = [
        [m.question_id, m.text, m.answered, round(100 * m.facility, 1)] for m in report.most_missed
    ]
    return [
        ("summary", ["field", "value"], summary_rows),
        (
            "participants",
            [
                "name",
                "service_number",
                "institution",
                "function",
                "gender",
                "province",
                "days_present",
                "hours_attended",
                "attendance_percent",
                "pre_percent",
                "post_percent",
                "gain_points",
                "normalised_gain",
                "passed",
                "competence_certificate",
                "attendance_certificate",
            ],
            participants,
        ),
        ("attendance", ["day", "present"], attendance),
        ("topics", ["topic", "pre_percent", "post_percent", "gain_points"], topics),
        ("most_missed", ["question_id", "question", "answered", "facility_percent"], missed),
    ]


def write_workbook(path: Path, sheets: Sequence[tuple[str, list[str], list[list[Any]]]]) -> Path:
    """Several sheets in one XLSX file, each cell written as data (never a formula),
    to a temporary name first and then renamed."""
    from openpyxl import Workbook

    from trainer.errors import ExportError
    from trainer.files import replace_atomically
    from trainer.results.export import _xlsx_value

    def write(tmp: Path) -> None:
        book = Workbook(write_only=True)
        for name, columns, rows in sheets:
            sheet = book.create_sheet(name[:31])
            sheet.append(list(columns))
            for row in rows:
                sheet.append([_xlsx_value(sheet, v) for v in row])
        with tmp.open("wb") as fh:
            book.save(fh)

    replace_atomically(
        Path(path),
        write,
        fail=lambda exc: ExportError(
            f"the workbook could not be written: {exc.strerror or exc}", where=str(path)
        ),
    )
    return Path(path)


def write_report_xlsx(report: SessionReport, path: Path) -> Path:
    return write_workbook(path, report_tables(report))
