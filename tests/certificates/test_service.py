"""Issuing, the register, revocation, and verification here and on another installation."""

from __future__ import annotations

import csv
import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.certificates.factory import T0, exam, passed
from trainer.access import Role, StaffSession
from trainer.banks.model import Bank
from trainer.certificates import issuing, register, verification
from trainer.certificates.document import CodeProblem
from trainer.certificates.keys import export_public_key, import_public_key
from trainer.certificates.settings import (
    CertificateSettings,
    Signatory,
    load_settings,
    save_settings,
)
from trainer.errors import CertificateError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.quiz.session import QuizSession
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace


def test_a_passed_exam_is_recorded_once(workspace: Workspace, sample_bank: Bank) -> None:
    trainee, attempt = passed(workspace, sample_bank)
    first = issuing.issue_for_attempt(workspace, attempt)
    assert first is not None
    assert issuing.issue_for_attempt(workspace, attempt) == first
    # passing the same module again keeps the same certificate
    again = exam(workspace, sample_bank, trainee, at=T0 + timedelta(days=3))
    assert issuing.issue_for_attempt(workspace, again) == first
    assert first.number == f"{workspace.keys.key_id[:4].upper()}-2026-00001"
    assert first.trainee_name == "Aline Niyonzima" and first.score == 100.0
    assert [m.id for m in first.modules] == ["sample-module"]
    assert first.modules[0].title_in("fr") == "Module d'exemple"
    assert first.training_hours == 1.5 and first.certified_on == date(2026, 5, 4)
    assert len(issuing.repository(workspace).records()) == 1
    actions = [r["action"] for r in workspace.db.query("SELECT action FROM audit_log")]
    assert actions.count("certificate.issue") == 1


def test_no_certificate_for_failed_or_practice_attempts(
    workspace: Workspace, sample_bank: Bank
) -> None:
    trainee = workspace.trainees.create("Jean K.", Institution.JUDICIARY)
    failed = exam(workspace, sample_bank, trainee, right=1)
    practice = exam(workspace, sample_bank, trainee, behaviour=Behaviour.PRACTICE)
    assert issuing.issue_for_attempt(workspace, failed) is None
    assert issuing.issue_for_attempt(workspace, practice) is None
    assert issuing.issue_for_attempt(workspace, 999) is None


def _session(ws: Workspace, bank: Bank, behaviour: Behaviour, *, right: bool) -> QuizSession:
    trainee = ws.trainees.create("Claude N.", Institution.PROSECUTION)
    session = QuizSession.start(
        bank,
        bank.modules[0],
        behaviour,
        trainee_id=trainee.id,
        language="en",
        recorder=ws.attempts.recorder,
        seed=7,
        now=T0,
    )
    if right:
        for slot in session.slots:
            session.answer(slot.index, correct_response(slot.question), now=T0)
    return session


def test_a_pass_issues_a_certificate_once(workspace: Workspace, sample_bank: Bank) -> None:
    session = _session(workspace, sample_bank, Behaviour.EXAM, right=True)
    assert issuing.certificate_for_pass(workspace, session) is None  # not finished yet
    record = issuing.finish_and_certify(workspace, session)
    assert record is not None and record.attempt_id == session.attempt_id
    assert issuing.certificate_for_pass(workspace, session) == record
    assert len(issuing.repository(workspace).records()) == 1


def test_no_certificate_for_practice_a_failure_or_an_unrecorded_attempt(
    workspace: Workspace, sample_bank: Bank
) -> None:
    practice = _session(workspace, sample_bank, Behaviour.PRACTICE, right=True)
    assert issuing.finish_and_certify(workspace, practice) is None
    failed = _session(workspace, sample_bank, Behaviour.EXAM, right=False)
    assert issuing.finish_and_certify(workspace, failed) is None
    unrecorded = QuizSession.start(
        sample_bank, sample_bank.modules[0], Behaviour.EXAM, trainee_id=1, language="en", seed=7
    )
    for slot in unrecorded.slots:
        unrecorded.answer(slot.index, correct_response(slot.question))
    assert unrecorded.finish().passed
    assert issuing.certificate_for_pass(workspace, unrecorded) is None
    assert issuing.repository(workspace).records() == []


def test_the_private_key_is_owner_only(workspace: Workspace) -> None:
    workspace.keys.private_key  # noqa: B018 - created on first use
    path = workspace.data.keys / "installation-ed25519.pem"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_code_verifies_and_alterations_are_caught(workspace: Workspace, sample_bank: Bank) -> None:
    _, attempt = passed(workspace, sample_bank)
    record = issuing.issue_for_attempt(workspace, attempt)
    assert record is not None
    verdict = verification.verify_code(workspace, record.code, language="fr")
    assert verdict.valid and verdict.facts is not None
    assert verdict.facts.name == "Aline Niyonzima" and verdict.facts.score == 100.0
    assert verdict.module_titles == ("Module d'exemple",)
    # Ed25519 is deterministic: the register's facts sign to the very code recorded
    assert issuing.sign(workspace, issuing.facts_of(record)) == record.code
    tampered = record.code[:30] + ("0" if record.code[30] != "0" else "1") + record.code[31:]
    assert not verification.verify_code(workspace, tampered).valid


def test_revocation_is_honoured_and_travels_as_a_signed_list(
    tmp_path: Path, workspace: Workspace, sample_bank: Bank, banks_dir: Path
) -> None:
    _, attempt = passed(workspace, sample_bank)
    record = issuing.issue_for_attempt(workspace, attempt)
    assert record is not None
    with pytest.raises(CertificateError, match="reason"):
        register.revoke(workspace, record.number, "   ")
    revoked = register.revoke(workspace, record.number, "issued to the wrong person")
    assert revoked.revoked
    with pytest.raises(CertificateError, match="already"):
        register.revoke(workspace, record.number, "again")
    verdict = verification.verify_code(workspace, record.code)
    assert not verdict.valid and verdict.problem is CodeProblem.REVOKED
    assert "wrong person" in verdict.detail

    key_file = tmp_path / "issuer.tip-key"
    export_public_key(workspace, key_file, "Police training centre")
    revocations = tmp_path / "revoked.tip-revocations"
    assert register.export_revocations(workspace, revocations) == 1

    other = Workspace(tmp_path / "other", shipped_banks=banks_dir)
    other.sign_in(StaffSession("Coordinator B", Role.COORDINATOR, timeout=0))
    try:
        # unknown issuer, until its key is imported
        first = verification.verify_code(other, record.code)
        assert first.problem is CodeProblem.UNKNOWN_ISSUER
        with pytest.raises(CertificateError, match="not valid"):
            register.import_revocations(other, revocations)
        import_public_key(other, key_file)
        assert verification.verify_code(other, record.code).valid  # not yet told of the revocation
        assert register.import_revocations(other, revocations) == 1
        assert register.import_revocations(other, revocations) == 0
        late = verification.verify_code(other, record.code)
        assert late.problem is CodeProblem.REVOKED and late.issuer_name == "Police training centre"
    finally:
        other.close()


def test_a_tampered_revocation_list_is_refused(
    tmp_path: Path, workspace: Workspace, sample_bank: Bank
) -> None:
    _, attempt = passed(workspace, sample_bank)
    record = issuing.issue_for_attempt(workspace, attempt)
    assert record is not None
    register.revoke(workspace, record.number, "error")
    path = tmp_path / "list.txt"
    register.export_revocations(workspace, path)
    path.write_text(path.read_text(encoding="utf-8").replace("error", "errors"), encoding="utf-8")
    with pytest.raises(CertificateError, match="altered"):
        register.import_revocations(workspace, path)
    path.write_text("hello\n", encoding="utf-8")
    with pytest.raises(CertificateError, match="not a TiP Trainer revocation list"):
        register.import_revocations(workspace, path)
    with pytest.raises(CertificateError, match="cannot read"):
        register.import_revocations(workspace, tmp_path / "missing.txt")


def test_register_search_and_csv(tmp_path: Path, workspace: Workspace, sample_bank: Bank) -> None:
    for name in ("Aline N.", "=cmd|' /C calc'!A0", "Pierre B."):
        _, attempt = passed(workspace, sample_bank, name)
        issuing.issue_for_attempt(workspace, attempt)
    repo = issuing.repository(workspace)
    assert [r.trainee_name for r in repo.records("pierre")] == ["Pierre B."]
    out = tmp_path / "register.csv"
    assert register.export_csv(workspace, out, repo.records()) == 3
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["trainee"] for r in rows} == {"Aline N.", "'=cmd|' /C calc'!A0", "Pierre B."}
    assert rows[0]["status"] == "valid"


def test_csv_on_a_full_disk_leaves_nothing_behind(
    tmp_path: Path, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full)
    with pytest.raises(CertificateError, match="No space left"):
        register.export_csv(workspace, tmp_path / "r.csv", [])
    assert list(tmp_path.glob("r.csv*")) == []


def test_programme_certificate_needs_every_module(workspace: Workspace, sample_bank: Bank) -> None:
    programme = issuing.save_programme(workspace, "Police basic course", ["sample-module"], 12)
    trainee, _ = passed(workspace, sample_bank)
    loser = workspace.trainees.create("Not Yet", Institution.POLICE)
    exam(workspace, sample_bank, loser, right=0)
    issued = issuing.issue_programme_for_all(workspace, programme.id)
    assert [r.trainee_id for r in issued] == [trainee.id]
    [record] = issued
    assert record.kind == "programme" and record.programme_name == "Police basic course"
    assert record.training_hours == 12
    assert verification.verify_code(workspace, record.code).valid
    two = issuing.save_programme(workspace, "Two modules", ["sample-module", "other-module"])
    assert issuing.issue_programme(workspace, two.id, trainee.id) is None
    with pytest.raises(CertificateError):
        issuing.save_programme(workspace, "Empty", [])


def test_settings_round_trip(tmp_path: Path, workspace: Workspace) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not really a png")
    settings = CertificateSettings(
        institution="  Centre de formation  ",
        logo=logo,
        signatories=(Signatory("A. B.", "Director"), Signatory("", "")),
        language="fr",
    )
    save_settings(workspace, settings)
    back = load_settings(workspace)
    assert back.institution == "Centre de formation" and back.logo == logo
    assert back.signatories == (Signatory("A. B.", "Director"),) and back.language == "fr"
    with pytest.raises(CertificateError, match="does not exist"):
        save_settings(workspace, CertificateSettings(logo=tmp_path / "no.png"))


def test_after_a_revocation_passing_again_gives_a_new_number(
    workspace: Workspace, sample_bank: Bank
) -> None:
    trainee, attempt = passed(workspace, sample_bank)
    first = issuing.issue_for_attempt(workspace, attempt)
    assert first is not None
    register.revoke(workspace, first.number, "wrong score recorded")
    again = exam(workspace, sample_bank, trainee, at=T0 + timedelta(days=7))
    second = issuing.issue_for_attempt(workspace, again)
    assert second is not None and second.number != first.number
    assert verification.verify_code(workspace, second.code).valid
    assert verification.verify_code(workspace, first.code).problem is CodeProblem.REVOKED
