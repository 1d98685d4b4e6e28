"""Running a training session: create, enrol, attendance, pre/post tests, attendance
certificates (no Qt). The GUI and the CLI both call these functions."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.banks.model import Review
from trainer.errors import TrainerError
from trainer.places import check_province
from trainer.sessions.participants import ParticipantList
from trainer.storage.certificates import CertifiedModule
from trainer.storage.sessions import (
    MAX_DAYS,
    MAX_HOURS,
    TEXT_MAX,
    ModuleRef,
    Phase,
    SessionDraft,
    SessionRepository,
    TrainingSession,
)
from trainer.storage.trainees import Trainee
from trainer.text import check_code_text, check_name

if TYPE_CHECKING:
    from trainer.banks.model import Bank, Module
    from trainer.quiz.session import QuizSession
    from trainer.storage.certificates import CertificateRecord
    from trainer.workspace import Workspace

AUDIENCES = ("police", "prosecutors", "judges")
# The share of a session's planned hours a participant attends to earn its certificate.
ATTENDANCE_REQUIRED = 80.0


def repository(ws: Workspace) -> SessionRepository:
    return SessionRepository(ws.db)


def _free_text(value: str, what: str) -> str:
    text = check_code_text(value, what=what, limit=TEXT_MAX)
    return text or ""


def check_draft(draft: SessionDraft) -> SessionDraft:
    """The draft with every field checked and normalised; TrainerError names the first fault."""
    title = check_name(draft.title, what="title", limit=TEXT_MAX)
    if draft.end_date < draft.start_date:
        raise TrainerError("the session ends before it starts")
    days = (draft.end_date - draft.start_date).days + 1
    if days > MAX_DAYS:
        raise TrainerError(f"a session lasts at most {MAX_DAYS} days")
    if not 0 <= draft.planned_hours <= MAX_HOURS:
        raise TrainerError(f"the planned hours must be between 0 and {MAX_HOURS:g}")
    for audience in draft.audiences:
        if audience not in AUDIENCES:
            raise TrainerError(f"'{audience}' is not an audience track")
    trainers = tuple(check_name(t, what="trainer's name") for t in draft.trainers if t.strip())
    if len(trainers) > 20:
        raise TrainerError("a session has at most 20 trainers")
    if len(draft.modules) > 50:
        raise TrainerError("a session teaches at most 50 modules")
    return dataclasses.replace(
        draft,
        title=title,
        venue=_free_text(draft.venue, "venue"),
        province=check_province(draft.province) or "",
        trainers=trainers,
        audiences=tuple(dict.fromkeys(draft.audiences)),
        modules=tuple(dict.fromkeys(draft.modules)),
    )


@staff_action(Permission.MANAGE_SESSIONS)
def create_session(ws: Workspace, draft: SessionDraft) -> TrainingSession:
    session = repository(ws).create(check_draft(draft))
    ws.audit("session.create", f"{session.uid} {session.title}")
    return session


@staff_action(Permission.MANAGE_SESSIONS)
def update_session(ws: Workspace, session_id: int, draft: SessionDraft) -> TrainingSession:
    """Edit a session; participants, attendance and test attempts are kept as they are."""
    session = repository(ws).update(session_id, check_draft(draft))
    ws.audit("session.update", f"{session.uid} {session.title}")
    return session


@staff_action(Permission.MANAGE_SESSIONS)
def delete_session(ws: Workspace, session_id: int) -> None:
    """Hide a session. Its test attempts, attendance and participants are all kept (the
    interface asks first when there are attempts)."""
    repo = repository(ws)
    session = repo.get(session_id)
    repo.delete(session_id)
    ws.audit("session.delete", f"{session.uid} {session.title}")


def list_sessions(ws: Workspace) -> list[TrainingSession]:
    return repository(ws).all()


def find_session(ws: Workspace, key: str) -> TrainingSession:
    """A session by its number (id) or uid, for the command line."""
    repo = repository(ws)
    if key.isdigit():
        return repo.get(int(key))
    found = repo.by_uid(key)
    if found is None:
        raise TrainerError(f"no training session '{key[:40]}'")
    return found


@staff_action(Permission.MANAGE_SESSIONS)
def enrol(ws: Workspace, session_id: int, trainee_ids: list[int]) -> int:
    for tid in trainee_ids:
        ws.trainees.get(tid)
    added = repository(ws).enrol(session_id, trainee_ids)
    ws.audit("session.enrol", f"session {session_id}: {added} participants")
    return added


@staff_action(Permission.MANAGE_SESSIONS)
def unenrol(ws: Workspace, session_id: int, trainee_id: int) -> None:
    repository(ws).unenrol(session_id, trainee_id)
    ws.audit("session.unenrol", f"session {session_id}: trainee {trainee_id}")


@dataclass(frozen=True)
class ImportResult:
    created: int
    matched: int  # already known (same service number): their profile is kept
    enrolled: int
    skipped_rows: int


@staff_action(Permission.MANAGE_SESSIONS)
def import_participants(
    ws: Workspace, session_id: int, found: ParticipantList, *, good_rows_only: bool = False
) -> ImportResult:
    """Enrol the participants of a checked list. A list with errors imports nothing unless
    ``good_rows_only``; a service number already known enrols that trainee (blank
    profile fields are filled in, nothing else is changed)."""
    repository(ws).get(session_id)
    if found.errors and not good_rows_only:
        raise TrainerError(
            f"the list has {len(found.errors)} row(s) with errors; nothing was imported:\n"
            + "\n".join(str(e) for e in found.errors[:20])
        )
    created = matched = 0
    ids: list[int] = []
    for row in found.rows:
        trainee = ws.trainees.by_service_number(row.service_number)
        if trainee is None:
            trainee = ws.trainees.create(
                row.name,
                row.institution,
                row.service_number,
                gender=row.gender,
                province=row.province,
                function=row.function,
            )
            created += 1
        else:
            matched += 1
            filled = dataclasses.replace(
                trainee,
                gender=trainee.gender or row.gender,
                province=trainee.province or row.province,
                function=trainee.function or row.function,
            )
            if filled != trainee:
                trainee = ws.trainees.update(filled)
        ids.append(trainee.id)
    enrolled = repository(ws).enrol(session_id, ids)
    ws.audit(
        "session.import",
        f"session {session_id}: {created} created, {matched} known, {enrolled} enrolled,"
        f" {len(found.errors)} rows left out",
    )
    return ImportResult(created, matched, enrolled, len(found.errors))


@staff_action(Permission.MANAGE_SESSIONS)
def record_attendance(ws: Workspace, session_id: int, day: date, present: dict[int, bool]) -> None:
    repo = repository(ws)
    enrolled = {t.id for t in repo.participants(session_id)}
    strangers = set(present) - enrolled
    if strangers:
        raise TrainerError("attendance can be taken only for the session's participants")
    repo.set_attendance(session_id, day, present)
    ws.audit("session.attendance", f"session {session_id} {day.isoformat()}")


@staff_action(Permission.MANAGE_SESSIONS)
def open_test(ws: Workspace, session_id: int, phase: Phase | None) -> TrainingSession:
    """Let the participants take the pre-test or the post-test now (None closes both)."""
    repo = repository(ws)
    session = repo.get(session_id)
    if phase is Phase.PRE and session.pre_test is None:
        raise TrainerError("the session names no module for its pre-test")
    if phase is Phase.POST and session.post_test is None:
        raise TrainerError("the session names no module for its post-test")
    session = repo.set_open_test(session_id, phase)
    ws.audit("session.open_test", f"{session.uid} {phase.value if phase else 'closed'}")
    return session


def open_tests_for(ws: Workspace, trainee_id: int) -> list[tuple[TrainingSession, Phase]]:
    """The session tests this trainee may take now (shown on their modules screen)."""
    return repository(ws).open_tests_for(trainee_id)


def test_module(ws: Workspace, session: TrainingSession, phase: Phase) -> tuple[Bank, Module]:
    """The bank and module of the session's pre-test or post-test, as a trainee takes it.

    The pre-test shows no feedback: only that it was recorded (its module's review is
    set to the score alone, which the result screen does not show for a pre-test).
    """
    ref = session.pre_test if phase is Phase.PRE else session.post_test
    if ref is None:
        raise TrainerError("the session names no module for this test")
    try:
        bank = ws.catalog.bank(ref.bank)
        module = bank.module(ref.id)
    except KeyError:
        raise TrainerError(
            f"the module '{ref.id}' of this test is not in the bank library"
        ) from None
    if phase is Phase.PRE:
        module = dataclasses.replace(module, review=Review.SCORE)
    return bank, module


def start_test(
    ws: Workspace, session: TrainingSession, trainee: Trainee, phase: Phase, language: str
) -> QuizSession:
    """Start the participant's pre-test or post-test (both are exam attempts, marked as
    the session's test in the same transaction as their start)."""
    from trainer.quiz.behaviours import Behaviour
    from trainer.quiz.session import QuizSession

    repo = repository(ws)
    current = repo.get(session.id)
    if current.open_test is not phase or current.deleted:
        raise TrainerError("this test of the session is not open now")
    if trainee.id not in {t.id for t in repo.participants(session.id)}:
        raise TrainerError("only the session's participants take its tests")
    bank, module = test_module(ws, current, phase)
    question_ids = None
    if phase is Phase.POST and current.same_questions:
        question_ids = repo.pre_test_questions(current.uid, trainee.id) or None
    return QuizSession.start(
        bank,
        module,
        Behaviour.EXAM,
        trainee_id=trainee.id,
        language=language,
        recorder=repo.recorder(current, phase),
        question_ids=question_ids,
    )


def phase_of_attempt(ws: Workspace, attempt_id: int) -> Phase | None:
    return repository(ws).phase_of(attempt_id)


@staff_action(Permission.MANAGE_SESSIONS)
def issue_attendance_certificates(ws: Workspace, session_id: int) -> list[CertificateRecord]:
    """A certificate of attendance for each participant who attended at least
    ATTENDANCE_REQUIRED % of the planned hours (idempotent: issued once per participant)."""
    from trainer.certificates import issuing as certificates
    from trainer.sessions.report import attendance_of

    repo = repository(ws)
    session = repo.get(session_id)
    if not session.modules:
        raise TrainerError("name the modules taught before issuing certificates of attendance")
    modules = tuple(_certified_module(ws, ref) for ref in session.modules)
    marks = repo.attendance(session_id)
    out: list[CertificateRecord] = []
    for trainee in repo.participants(session_id):
        days, hours, percent = attendance_of(session, marks, trainee.id)
        if days == 0 or percent < ATTENDANCE_REQUIRED:
            continue
        out.append(
            certificates.issue_attendance(
                ws,
                trainee_id=trainee.id,
                session_uid=session.uid,
                session_title=session.title,
                modules=modules,
                audiences=session.audiences,
                attended_percent=percent,
                hours=round(hours, 2),
                certified_on=session.end_date,
            )
        )
    return out


def _certified_module(ws: Workspace, ref: ModuleRef) -> CertifiedModule:
    titles: dict[str, str] = {"en": ref.id}
    with contextlib.suppress(KeyError, TrainerError):
        titles = dict(ws.catalog.bank(ref.bank).module(ref.id).title.values)
    return CertifiedModule(ref.id, titles, ref.bank)


def module_refs(text: str) -> tuple[ModuleRef, ...]:
    """Modules written 'bank/module' separated by commas (command line)."""
    out = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "/" not in part:
            raise TrainerError(f"'{part[:60]}' is not bank/module")
        bank, module = part.split("/", 1)
        out.append(ModuleRef(bank.strip(), module.strip()))
    return tuple(out)


def describe(session: TrainingSession) -> dict[str, object]:
    """A session as plain data (command line listing)."""
    return {
        "id": session.id,
        "uid": session.uid,
        "title": session.title,
        "institution": session.institution.value,
        "venue": session.venue,
        "province": session.province,
        "start_date": session.start_date.isoformat(),
        "end_date": session.end_date.isoformat(),
        "trainers": list(session.trainers),
        "audiences": list(session.audiences),
        "modules": [f"{m.bank}/{m.id}" for m in session.modules],
        "planned_hours": session.planned_hours,
        "pre_test": json.dumps(session.pre_test.to_data()) if session.pre_test else None,
        "post_test": json.dumps(session.post_test.to_data()) if session.post_test else None,
        "same_questions": session.same_questions,
        "open_test": session.open_test.value if session.open_test else None,
    }


@staff_action(Permission.MANAGE_SESSIONS)
def export_report_xlsx(ws: Workspace, session_id: int, path: Path, language: str = "en") -> Path:
    """The session report as a workbook (audited); the PDF is drawn by the interface."""
    from trainer.sessions.report import build_report, write_report_xlsx

    written = write_report_xlsx(build_report(ws.db, session_id, language), path)
    ws.audit("session.report", f"session {session_id} to {Path(path).name}")
    return written
