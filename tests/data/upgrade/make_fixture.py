"""Write the data folder of a workstation that has been in use, as version 0.1.0 made it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/data/upgrade/make_fixture.py

Writes tests/data/upgrade/v0.1.0/ (the database and this installation's signing key) and
v0.1.0.json (what a later version must still find in it). Run once, with the version the
fixture is named after, and commit the result: tests/storage/test_upgrade.py opens a copy
with the current code. Never regenerate an existing fixture with newer code; add one for
the new version instead.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from trainer import __version__, admin  # noqa: E402
from trainer.access import Role  # noqa: E402
from trainer.banks.model import (  # noqa: E402
    Bank,
    Matching,
    MultipleResponse,
    Ordering,
    Question,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from trainer.certificates import issuing, register  # noqa: E402
from trainer.certificates.settings import CertificateSettings, Signatory, save_settings  # noqa: E402
from trainer.quiz.behaviours import Behaviour  # noqa: E402
from trainer.quiz.questions import correct_response, response_from_json  # noqa: E402
from trainer.quiz.session import QuizSession  # noqa: E402
from trainer.storage import settings  # noqa: E402
from trainer.storage.audit import AuditEntry  # noqa: E402
from trainer.storage.trainees import Institution, Trainee  # noqa: E402
from trainer.workspace import Workspace  # noqa: E402

T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
PASSWORDS = {
    "Claudine Irakoze": "coordinator-pass-2026",
    "Jean Bosco Ndikumana": "trainer-pass-2026",
}


def take(
    ws: Workspace,
    bank: Bank,
    trainee: Trainee,
    behaviour: Behaviour,
    *,
    module: int,
    right: int,
    answered: int | None = None,
    at: datetime,
    finish: bool = True,
    flag: tuple[int, ...] = (),
) -> QuizSession:
    """Answer ``answered`` questions (all by default), the first ``right`` of them correctly."""
    session = QuizSession.start(
        bank,
        bank.modules[module],
        behaviour,
        trainee_id=trainee.id,
        language="fr" if trainee.institution is Institution.JUDICIARY else "en",
        recorder=ws.attempts.recorder,
        seed=1000 + trainee.id * 10 + module,
        now=at,
    )
    count = len(session.slots) if answered is None else answered
    for n, slot in enumerate(session.slots[:count]):
        when = at + timedelta(minutes=1 + n)
        response = (
            correct_response(slot.question)
            if n < right
            else response_from_json(slot.question, _wrong(session, slot.index))
        )
        session.answer(slot.index, response, now=when)
        if behaviour is Behaviour.PRACTICE:
            session.check(slot.index, now=when)
    for index in flag:
        session.flag(index, True, now=at + timedelta(minutes=count + 1))
    if finish:
        session.finish(now=at + timedelta(minutes=count + 2))
    return session


def _wrong(session: QuizSession, index: int) -> dict[str, object]:
    return _wrong_for(session.slots[index].question)


def _wrong_for(question: Question) -> dict[str, object]:
    """A response of the right shape that does not earn full marks."""
    if isinstance(question, SingleChoice):
        return {"choice": next(o.id for o in question.options if o.id != question.key)}
    if isinstance(question, MultipleResponse):
        return {"choices": [o.id for o in question.options if o.id not in question.key][:1]}
    if isinstance(question, TrueFalse):
        return {"value": not question.key}
    if isinstance(question, Ordering):
        return {"order": [i.id for i in reversed(question.items)]}
    if isinstance(question, Matching):
        matches = [p.match for p in question.prompts]
        return {
            "pairs": {
                p.id: m for p, m in zip(question.prompts, matches[1:] + matches[:1], strict=True)
            }
        }
    if isinstance(question, Scenario):
        return {"parts": {p.id: _wrong_for(p) for p in question.parts}}
    raise TypeError(f"unknown question kind {question.kind}")


def _audit(ws: Workspace) -> list[AuditEntry]:
    admin.sign_in(ws, "Claudine Irakoze", PASSWORDS["Claudine Irakoze"])
    entries = admin.audit_entries(ws)
    admin.sign_out(ws)
    return entries


def build(folder: Path) -> dict[str, object]:
    ws = Workspace(folder, shipped_banks=ROOT / "question_banks")
    admin.first_setup(
        ws,
        "Centre de formation de la Police nationale du Burundi",
        "Claudine Irakoze",
        PASSWORDS["Claudine Irakoze"],
    )
    admin.sign_in(ws, "Claudine Irakoze", PASSWORDS["Claudine Irakoze"])
    admin.create_account(
        ws, "Jean Bosco Ndikumana", PASSWORDS["Jean Bosco Ndikumana"], Role.TRAINER
    )
    admin.create_account(ws, "Former Trainer", "former-trainer-pass", Role.TRAINER)
    admin.set_account_disabled(ws, "Former Trainer", True)
    admin.change_setting(ws, settings.STAFF_TIMEOUT_MINUTES, "20")
    ws.db.set_setting("ui_language", "fr")
    save_settings(
        ws,
        CertificateSettings(
            institution="Centre de formation de la Police nationale du Burundi",
            signatories=(
                Signatory("Claudine Irakoze", "Coordinatrice du programme"),
                Signatory("Pierre Nkurunziza", "Directeur de la formation"),
            ),
            language="fr",
        ),
    )
    police = ws.catalog.bank("police")
    judges = ws.catalog.bank("judges")
    aline = ws.trainees.create(
        "Aline Niyonzima", Institution.POLICE, "PNB-0142", gender="female", province="Gitega"
    )
    eric = ws.trainees.create("Éric Hakizimana", Institution.POLICE, "PNB-0377", gender="male")
    chantal = ws.trainees.create("Chantal Kaneza", Institution.JUDICIARY, province="Bujumbura")
    pascal = ws.trainees.create("Pascal Ntahomvukiye", Institution.POLICE, "PNB-0911")

    day = timedelta(days=1)
    attempts = {
        "aline practice": take(ws, police, aline, Behaviour.PRACTICE, module=0, right=4, at=T0),
        "aline exam passed": take(
            ws, police, aline, Behaviour.EXAM, module=0, right=99, at=T0 + day
        ),
        "eric exam failed": take(ws, police, eric, Behaviour.EXAM, module=0, right=2, at=T0 + day),
        "eric exam passed": take(
            ws, police, eric, Behaviour.EXAM, module=0, right=99, at=T0 + 3 * day
        ),
        "chantal exam passed": take(
            ws, judges, chantal, Behaviour.EXAM, module=0, right=99, at=T0 + 2 * day
        ),
        "pascal exam unfinished": take(
            ws,
            police,
            pascal,
            Behaviour.EXAM,
            module=1,
            right=2,
            answered=3,
            at=T0 + 4 * day,
            finish=False,
            flag=(1, 4),
        ),
    }
    aline_certificate = issuing.issue_for_attempt(ws, attempts["aline exam passed"].attempt_id)
    chantal_certificate = issuing.issue_for_attempt(ws, attempts["chantal exam passed"].attempt_id)
    assert aline_certificate is not None and chantal_certificate is not None
    register.revoke(ws, chantal_certificate.number, "issued to the wrong name; issued again")
    # Eric's passed exam has no certificate yet: the next batch issues it.
    admin.export_audit(ws, folder / "audit.csv")
    (folder / "audit.csv").unlink()
    manifest: dict[str, object] = {
        "version": __version__,
        "made": datetime.now(UTC).isoformat(timespec="seconds"),
        "passwords": PASSWORDS,
        "disabled_accounts": ["Former Trainer"],
        "institution": ws.institution_name,
        "trainees": [t.name for t in ws.trainees.list()],
        "attempts": {
            label: {
                "id": s.attempt_id,
                "uid": s.uid,
                "finished": s.result is not None,
                "percent": None if s.result is None else s.result.percent,
                "passed": None if s.result is None else s.result.passed,
                "answers": {
                    str(slot.index): slot.response.to_json()
                    for slot in s.slots
                    if slot.response is not None
                },
                "flagged": [slot.index for slot in s.slots if slot.flagged],
                "question_ids": [slot.question.id for slot in s.slots],
            }
            for label, s in attempts.items()
        },
        "certificates": {
            "valid": {"number": aline_certificate.number, "code": aline_certificate.code},
            "revoked": {"number": chantal_certificate.number, "code": chantal_certificate.code},
        },
        "key_id": ws.keys.key_id,
        "settings": {r["key"]: r["value"] for r in ws.db.query("SELECT key, value FROM settings")},
    }
    admin.sign_out(ws, reason="end of the session")
    manifest["audit_actions"] = sorted(
        {(e.actor, e.action) for e in _audit(ws)}, key=lambda pair: (pair[1], pair[0])
    )
    ws.close()
    # One self-contained file: no WAL beside it.
    conn = sqlite3.connect(folder / "tip-trainer.sqlite3")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("VACUUM")
    conn.close()
    for extra in ("logs", "banks", "backups"):
        shutil.rmtree(folder / extra, ignore_errors=True)
    return manifest


def main() -> int:
    target = HERE / f"v{__version__}"
    if target.exists():
        print(f"{target} exists: a fixture is made once, by the version it is named after")
        return 1
    manifest = build(target)
    (HERE / f"v{__version__}.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {target} and v{__version__}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
