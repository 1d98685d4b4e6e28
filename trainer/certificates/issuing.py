"""Issuing certificates: for a passed exam, for a completed programme (no Qt).

A pass issues a certificate: ``certificate_for_pass`` is that rule, called by the
quiz screen and by anything else that finishes an attempt.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from trainer.access import Permission, staff_action
from trainer.certificates import document
from trainer.certificates.document import CertificateKind, Facts
from trainer.certificates.numbers import NumberMark
from trainer.certificates.settings import load_settings
from trainer.quiz.behaviours import Behaviour
from trainer.storage.certificates import (
    CertificateRecord,
    CertificateRepository,
    CertifiedModule,
    NewCertificate,
    PassedExam,
    Programme,
)

if TYPE_CHECKING:
    from trainer.quiz.session import QuizSession
    from trainer.workspace import Workspace


def repository(ws: Workspace) -> CertificateRepository:
    return CertificateRepository(ws.db)


def numbering(ws: Workspace) -> str:
    """Numbers look like ``3F9A-2026-00017``: issuer key prefix, year, sequence. A
    workstation connected to a central database adds the station number the centre gave
    it (``3F9A-W007-2026-00017``): stations are unique there, so two workstations never
    give one number, even when they share a signing key. Numbers already given keep
    their form, and their signed codes verify as before."""
    from trainer.central.sync import station_of

    station = station_of(ws.db)
    prefix = ws.keys.key_id[:4].upper()
    if station is not None:
        prefix += f"-W{station:03d}"
    return prefix + "-{year}-{seq:05d}"


def facts_of(record: CertificateRecord) -> Facts:
    """What the record's certificate signed (read from its code: a record issued before
    certificates named banks and titles keeps its format-1 facts)."""
    return document.decode_code(record.code).facts


def module_titles_as_issued(modules: tuple[CertifiedModule, ...], language: str) -> str:
    return " · ".join(m.title_in(language) for m in modules)


def subject_of(modules: tuple[CertifiedModule, ...], language: str) -> str:
    """The digest a format-2 certificate signs: each module's bank and id, and the
    titles in the certificate language when it was issued."""
    return document.subject_digest(
        [(m.bank, m.id) for m in modules], module_titles_as_issued(modules, language)
    )


def sign(ws: Workspace, facts: Facts) -> str:
    payload = document.encode_facts(facts)
    return document.encode_code(payload, ws.keys.sign(document.SIGNING_CONTEXT + payload))


def _local_date(stamp: str) -> date:
    return datetime.fromisoformat(stamp).astimezone().date()


def _issue(ws: Workspace, new: NewCertificate) -> CertificateRecord:
    repo = repository(ws)
    before = repo.find_valid(new.trainee_id, new.subject)
    if before is not None:
        return before
    subject = subject_of(new.modules, load_settings(ws).language)

    def signer(number: str) -> str:
        return sign(
            ws,
            Facts(
                number=number,
                name=new.trainee_name,
                modules=tuple(m.id for m in new.modules),
                score=round(new.score, 1),
                date=new.certified_on,
                issuer_key_id=new.issuer_key_id,
                kind=CertificateKind(new.kind),
                subject=subject,
            ),
        )

    mark = NumberMark(ws.data.keys, new.issuer_key_id)
    record = repo.insert(new, numbering(ws), signer, reserve=mark.reserve)
    ws.audit("certificate.issue", f"{record.number} {record.trainee_name} {record.subject}")
    return record


def issue_for_attempt(ws: Workspace, attempt_id: int) -> CertificateRecord | None:
    """The certificate for a passed exam attempt, recorded on first call (idempotent).

    None when the attempt is practice, unfinished, failed or a training session's
    pre-test (taken before teaching, never certified). A trainee who passes the same
    module again keeps the certificate they already have.
    """
    passed = repository(ws).passed_exam(attempt_id)
    if passed is None:
        return None
    trainee = ws.trainees.get(passed.trainee_id)
    keys = ws.keys
    settings = load_settings(ws)
    new = NewCertificate(
        kind=CertificateKind.MODULE.value,
        trainee_id=trainee.id,
        trainee_name=trainee.name,
        institution=trainee.institution.value,
        attempt_id=attempt_id,
        programme_id=None,
        programme_name=None,
        subject=passed.module_id,
        modules=(CertifiedModule(passed.module_id, passed.module_title, passed.bank_id),),
        audiences=passed.audiences,
        score=round(passed.percent, 1),
        training_hours=passed.training_hours,
        certified_on=_local_date(passed.finished_at),
        issuer_key_id=keys.key_id,
        issuer_name=settings.institution_or_default,
    )
    return _issue(ws, new)


def certificate_for_pass(ws: Workspace, session: QuizSession) -> CertificateRecord | None:
    """A pass issues a certificate: the certificate a finished attempt earned (recorded in
    the register on first call), or None when it was not a passed exam."""
    result = session.result
    if result is None or not result.passed or session.behaviour is not Behaviour.EXAM:
        return None
    if session.attempt_id <= 0:  # not recorded: there is nothing to certify
        return None
    return issue_for_attempt(ws, session.attempt_id)


def finish_and_certify(ws: Workspace, session: QuizSession) -> CertificateRecord | None:
    """Submit an attempt as it stands (an exam whose time ran out, one the trainee gave
    up); a pass earns its certificate as any other."""
    session.finish()
    return certificate_for_pass(ws, session)


@staff_action(Permission.CERTIFICATES)
def passed_attempts(
    ws: Workspace,
    since: date | None = None,
    until: date | None = None,
    institution: str | None = None,
) -> list[int]:
    """The first passed exam attempt of each trainee and module, finished in the range."""
    seen: set[tuple[int, str]] = set()
    out: list[int] = []
    for p in repository(ws).passed_exams():
        key = (p.trainee_id, p.module_id)
        if key in seen:
            continue
        seen.add(key)
        day = _local_date(p.finished_at)
        if (since and day < since) or (until and day > until):
            continue
        if institution and p.institution != institution:
            continue
        out.append(p.attempt_id)
    return out


@staff_action(Permission.CERTIFICATES)
def save_programme(
    ws: Workspace, name: str, modules: list[str], training_hours: float = 0.0
) -> Programme:
    programme = repository(ws).save_programme(name, modules, training_hours)
    ws.audit("certificate.programme", f"{programme.name}: {','.join(programme.modules)}")
    return programme


@staff_action(Permission.CERTIFICATES)
def issue_programme(ws: Workspace, programme_id: int, trainee_id: int) -> CertificateRecord | None:
    """A programme certificate once every module of the programme is passed, else None."""
    repo = repository(ws)
    programme = repo.programme(programme_id)
    best: list[PassedExam] = []
    for module_id in programme.modules:
        passed = repo.best_passed_exam(trainee_id, module_id)
        if passed is None:
            return None
        best.append(passed)
    trainee = ws.trainees.get(trainee_id)
    audiences: list[str] = []
    for b in best:
        audiences.extend(a for a in b.audiences if a not in audiences)
    new = NewCertificate(
        kind=CertificateKind.PROGRAMME.value,
        trainee_id=trainee.id,
        trainee_name=trainee.name,
        institution=trainee.institution.value,
        attempt_id=None,
        programme_id=programme.id,
        programme_name=programme.name,
        subject=f"programme:{programme.id}",
        modules=tuple(CertifiedModule(b.module_id, b.module_title, b.bank_id) for b in best),
        audiences=tuple(audiences),
        score=round(sum(b.percent for b in best) / len(best), 1),
        training_hours=programme.training_hours or sum(b.training_hours for b in best),
        certified_on=max(_local_date(b.finished_at) for b in best),
        issuer_key_id=ws.keys.key_id,
        issuer_name=load_settings(ws).institution_or_default,
    )
    return _issue(ws, new)


def issue_attendance(
    ws: Workspace,
    *,
    trainee_id: int,
    session_uid: str,
    session_title: str,
    modules: tuple[CertifiedModule, ...],
    audiences: tuple[str, ...],
    attended_percent: float,
    hours: float,
    certified_on: date,
) -> CertificateRecord:
    """The certificate of attendance of a training session (idempotent per participant).

    The rule of who earns one lives in trainer/sessions/; this records and signs it.
    """
    trainee = ws.trainees.get(trainee_id)
    new = NewCertificate(
        kind=CertificateKind.ATTENDANCE.value,
        trainee_id=trainee.id,
        trainee_name=trainee.name,
        institution=trainee.institution.value,
        attempt_id=None,
        programme_id=None,
        programme_name=session_title,
        subject=f"session:{session_uid}",
        modules=modules,
        audiences=audiences,
        score=round(max(0.0, min(100.0, attended_percent)), 1),
        training_hours=hours,
        certified_on=certified_on,
        issuer_key_id=ws.keys.key_id,
        issuer_name=load_settings(ws).institution_or_default,
    )
    return _issue(ws, new)


@staff_action(Permission.CERTIFICATES)
def issue_programme_for_all(ws: Workspace, programme_id: int) -> list[CertificateRecord]:
    out = []
    for trainee_id in repository(ws).trainees_with_a_pass():
        record = issue_programme(ws, programme_id, trainee_id)
        if record is not None:
            out.append(record)
    return out


@staff_action(Permission.CERTIFICATES)
def list_programmes(ws: Workspace) -> list[Programme]:
    return repository(ws).programmes()
