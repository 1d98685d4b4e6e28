"""Certificates travel with their workstation's results: the coordinator's register knows
them, verifies them, takes their revocations, and never certifies the same pass twice."""

from __future__ import annotations

import base64
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.results.conftest import Taker
from trainer.access import Role, StaffSession
from trainer.certificates import issuing, register, verification
from trainer.certificates.batch import batch_generate
from trainer.results import bundles
from trainer.storage.certificates import CertificateRecord
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace


@pytest.fixture
def pair(tmp_path: Path, banks_dir: Path) -> Iterator[tuple[Workspace, Workspace]]:
    """A workstation and a coordinator that trusts it, each with a coordinator signed in."""
    station = Workspace(tmp_path / "station", shipped_banks=banks_dir)
    coord = Workspace(tmp_path / "coord", shipped_banks=banks_dir)
    for ws in (station, coord):
        ws.sign_in(StaffSession("Coordinator", Role.COORDINATOR, timeout=0))
    coord.keys.import_public(
        station.keys.export_public(tmp_path / "station.tip-key", "Police academy")
    )
    yield station, coord
    station.close()
    coord.close()


def _passed(station: Workspace, take: Taker, name: str) -> CertificateRecord:
    session = take(station.trainees.create(name, Institution.POLICE), ws=station)
    assert session.attempt_id is not None
    record = issuing.issue_for_attempt(station, session.attempt_id)
    assert record is not None
    return record


def _certified_and_sent(
    pair: tuple[Workspace, Workspace], take: Taker, tmp_path: Path
) -> CertificateRecord:
    """Alice passes at the workstation, which sends its results to the coordinator."""
    station, coord = pair
    record = _passed(station, take, "Alice Niyonzima")
    _send(station, coord, tmp_path / "1.tipbundle")
    return record


def _send(station: Workspace, coord: Workspace, path: Path) -> bundles.MergeReport:
    bundles.export_bundle(station.db, station.keys, path, everything=True)
    return bundles.import_bundle(coord.db, coord.keys, path)


def test_the_register_receives_the_workstations_certificates(
    pair: tuple[Workspace, Workspace], take: Taker, tmp_path: Path
) -> None:
    station, coord = pair
    record = _passed(station, take, "Alice Niyonzima")
    report = _send(station, coord, tmp_path / "1.tipbundle")
    assert (report.certificates_added, report.certificates_left) == (1, [])
    [here] = register.list_certificates(coord)
    assert (here.number, here.code, here.issuer_key_id) == (
        record.number,
        record.code,
        station.keys.key_id,
    )
    assert here.trainee_name == "Alice Niyonzima" and here.attempt_id is not None
    assert verification.verify_code(coord, here.code).valid
    assert "certificates: 1 added, 0 already here" in "\n".join(report.lines())

    again = _send(station, coord, tmp_path / "2.tipbundle")
    assert (again.certificates_added, again.certificates_known) == (0, 1)
    assert len(register.list_certificates(coord)) == 1


def test_the_coordinator_does_not_certify_a_pass_twice(
    pair: tuple[Workspace, Workspace], take: Taker, tmp_path: Path
) -> None:
    coord = pair[1]
    record = _certified_and_sent(pair, take, tmp_path)
    attempt_id = int(coord.db.query_one("SELECT id FROM attempts")[0])  # type: ignore[index]
    assert issuing.issue_for_attempt(coord, attempt_id) == register.list_certificates(coord)[0]
    result = batch_generate(coord, tmp_path / "out")
    assert result.written == [] and result.errors == []
    assert result.elsewhere == [record.number]
    # the coordinator's own numbering is not disturbed by the workstation's
    other = take(coord.trainees.create("Bosco", Institution.POLICE), ws=coord)
    assert other.attempt_id is not None
    own = issuing.issue_for_attempt(coord, other.attempt_id)
    assert own is not None and own.number.startswith(coord.keys.key_id[:4].upper())
    assert own.number.endswith("-00001")


def test_a_revocation_at_the_workstation_reaches_the_register(
    pair: tuple[Workspace, Workspace], take: Taker, tmp_path: Path
) -> None:
    station, coord = pair
    record = _certified_and_sent(pair, take, tmp_path)
    register.revoke(station, record.number, "issued to the wrong person")
    report = _send(station, coord, tmp_path / "2.tipbundle")
    assert report.certificates_revoked == 1
    [here] = register.list_certificates(coord)
    assert here.revoked and here.revoked_reason == "issued to the wrong person"
    verdict = verification.verify_code(coord, record.code)
    assert not verdict.valid and verdict.problem is not None
    assert verdict.problem.value == "revoked"


def test_a_certificate_whose_record_differs_from_its_code_is_left_out(
    pair: tuple[Workspace, Workspace], take: Taker, tmp_path: Path, qtbot: QtBot
) -> None:
    """A workstation that sends a record saying something its signed code does not (or a
    code signed by another key) gets nothing added for it, and the report says so."""
    station, coord = pair
    record = _passed(station, take, "Alice Niyonzima")
    _passed(station, take, "Bosco Hakizimana")
    path = tmp_path / "1.tipbundle"
    bundles.export_bundle(station.db, station.keys, path)
    with zipfile.ZipFile(path) as zf:
        data = json.loads(zf.read(bundles.DATA_NAME))
    for c in data["certificates"]:
        if c["number"] == record.number:
            c["score"] = 99.0  # the record now claims another score than the code
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    signature = {
        "key_id": station.keys.key_id,
        "algorithm": "Ed25519",
        "signature": base64.b64encode(station.keys.sign(payload)).decode("ascii"),
    }
    with zipfile.ZipFile(path, "w") as zf:  # signed again by the station: the bundle is trusted
        zf.writestr(bundles.DATA_NAME, payload)
        zf.writestr(bundles.SIGNATURE_NAME, json.dumps(signature))
    report = bundles.import_bundle(coord.db, coord.keys, path)
    assert report.certificates_added == 1
    assert report.certificates_left == [
        bundles.CertificateNote(record.number, bundles.LEFT_NOT_VALID)
    ]
    assert "CHECK: certificate" in "\n".join(report.lines())
    from trainer.ui.screens.bundles import BundlesScreen

    screen = BundlesScreen(coord, "en")
    qtbot.addWidget(screen)
    text = screen.report_text(report)
    assert "Certificates: 1 added, 0 already here, 0 newly revoked." in text
    assert f"certificate {record.number} was not added: its signed code does not verify" in text
    assert [r.trainee_name for r in register.list_certificates(coord)] == ["Bosco Hakizimana"]


def test_a_trainee_certified_at_the_coordinator_first_keeps_that_certificate(
    pair: tuple[Workspace, Workspace], take: Taker, tmp_path: Path
) -> None:
    """Results that reached the coordinator before certificates travelled may have been
    certified there: the workstation's certificate for the same pass is then left out."""
    station, coord = pair
    session = take(station.trainees.create("Alice", Institution.POLICE), ws=station)
    path = tmp_path / "1.tipbundle"
    bundles.export_bundle(station.db, station.keys, path)  # before any certificate
    bundles.import_bundle(coord.db, coord.keys, path)
    attempt_id = int(coord.db.query_one("SELECT id FROM attempts")[0])  # type: ignore[index]
    mine = issuing.issue_for_attempt(coord, attempt_id)
    assert mine is not None and session.attempt_id is not None
    theirs = issuing.issue_for_attempt(station, session.attempt_id)
    assert theirs is not None
    report = _send(station, coord, tmp_path / "2.tipbundle")
    assert report.certificates_left == [
        bundles.CertificateNote(theirs.number, bundles.LEFT_ALREADY_CERTIFIED, mine.number)
    ]
    assert [r.number for r in register.list_certificates(coord)] == [mine.number]


def test_only_the_issuer_prints_or_revokes_and_the_register_says_who(
    pair: tuple[Workspace, Workspace], take: Taker, tmp_path: Path, qtbot: QtBot
) -> None:
    from trainer.errors import CertificateError
    from trainer.ui.screens.certificates import CertificatesScreen

    coord = pair[1]
    record = _certified_and_sent(pair, take, tmp_path)
    with pytest.raises(CertificateError, match="only that installation can revoke it"):
        register.revoke(coord, record.number, "wrong person")
    [here] = register.list_certificates(coord)
    with pytest.raises(CertificateError, match="only that installation can print it"):
        register.render_pdf(coord, here, tmp_path / "c.pdf", "en")

    screen = CertificatesScreen(coord, "en")
    qtbot.addWidget(screen)
    screen.table.selectRow(0)
    assert screen.selected() == here
    assert not screen.pdf_button.isEnabled() and not screen.revoke_button.isEnabled()
    header = screen.table.horizontalHeaderItem(6)
    assert header is not None and header.text() == "Issued by"
    cell = screen.table.item(0, 6)
    assert cell is not None and cell.text() == here.issuer_name
