"""Certificates over the central database: numbers unique across workstations, a
revocation reaching every verifier, keys trusted by pulling."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import SAMPLE_BANK
from tests.postgres import CentralServer
from tests.results.conftest import make_taker
from trainer.access import Role, StaffSession
from trainer.central.sync import sync_now, sync_status
from trainer.certificates import issuing, register
from trainer.certificates.verification import verify_code
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace


def _workspace(root: Path) -> Workspace:
    shipped = root / "shipped"
    shipped.mkdir(parents=True)
    (shipped / "sample.yaml").write_bytes(SAMPLE_BANK.read_bytes())
    ws = Workspace(root / "data", shipped_banks=shipped)
    ws.sign_in(StaffSession("Coordinator", Role.COORDINATOR, timeout=0))
    return ws


def _certified(ws: Workspace, name: str) -> str:
    trainee = ws.trainees.create(name, Institution.POLICE, f"PN-{name}")
    session = make_taker(ws)(trainee)
    record = issuing.issue_for_attempt(ws, session.attempt_id)
    assert record is not None
    return record.number


def test_numbers_carry_the_station_and_a_revocation_reaches_every_verifier(
    tmp_path: Path, central_db: CentralServer
) -> None:
    a, b = _workspace(tmp_path / "a"), _workspace(tmp_path / "b")
    try:
        config_a = central_db.add_workstation(a.db.workstation_uid, "A")
        config_b = central_db.add_workstation(b.db.workstation_uid, "B")
        before = _certified(a, "Alice")  # issued before the first sync: the old form
        assert re.fullmatch(r"[0-9A-F]{4}-\d{4}-\d{5}", before)
        assert sync_status(a.db, config_a).attempts_waiting == 1  # the exam, as the quiz saved it
        assert sync_now(a.db, config_a).ok
        assert central_db.query(
            "SELECT count(*), sum(score) > 0 FROM attempts WHERE workstation_uid = %s",
            (a.db.workstation_uid,),
        ) == [(1, True)]
        answered = central_db.query("SELECT count(*) > 0 FROM steps WHERE action = 'answer'")
        assert answered == [(True,)]
        first = sync_now(b.db, config_b)
        assert first.ok and first.pulled["keys"] == 1  # A's key, trusted at B from now on
        after_a, after_b = _certified(a, "Bruno"), _certified(b, "Chantal")
        assert re.fullmatch(r"[0-9A-F]{4}-W001-\d{4}-00002", after_a)
        assert re.fullmatch(r"[0-9A-F]{4}-W002-\d{4}-00001", after_b)
        # even when both stations sign with one key, their numbers differ: the station
        assert after_a.split("-", 2)[2] != after_b.split("-", 2)[2]

        code = next(  # the signed code, as printed on the certificate
            c.code for c in register.list_certificates(a) if c.number == after_a
        )
        register.revoke(a, after_a, "issued by mistake")
        assert sync_status(a.db, config_a).certificates_waiting >= 1
        assert sync_now(a.db, config_a).ok
        rows = central_db.query("SELECT number, status FROM certificates ORDER BY number")
        assert (after_a, "revoked") in rows and (before, "valid") in rows
        assert central_db.query("SELECT number, reason FROM revocations") == [
            (after_a, "issued by mistake")
        ]

        report = sync_now(b.db, config_b)  # B takes A's revocation
        assert report.ok and report.pulled["revocations"] == 1 and report.pulled["keys"] == 0
        verdict = verify_code(b, code)
        assert not verdict.valid and verdict.revocation is not None
        assert verdict.revocation.reason == "issued by mistake"
        still = next(c.code for c in register.list_certificates(a) if c.number == before)
        assert verify_code(b, still).valid  # A's other certificate verifies at B
    finally:
        a.close()
        b.close()
