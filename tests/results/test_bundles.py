"""Workstation bundles: signed, idempotent, refused when altered or untrusted, merged by rule."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.results.conftest import Taker
from trainer.access import Role, StaffSession
from trainer.results import bundles
from trainer.results.bundles import BundleError
from trainer.storage import audit
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace


@pytest.fixture
def stations(tmp_path: Path, banks_dir: Path) -> Iterator[dict[str, Workspace]]:
    """Three workstations and a coordinator that trusts all three."""
    spaces = {
        name: Workspace(tmp_path / name, shipped_banks=banks_dir)
        for name in ("a", "b", "c", "coord")
    }
    for name in ("a", "b", "c"):
        key = spaces[name].keys.export_public(tmp_path / f"{name}.tip-key", f"Workstation {name}")
        spaces["coord"].keys.import_public(key)
    yield spaces
    for ws in spaces.values():
        ws.close()


def counts(ws: Workspace) -> tuple[int, ...]:
    return tuple(
        int(ws.db.query_one(f"SELECT count(*) FROM {table}")[0])  # type: ignore[index]
        for table in ("trainees", "attempts", "attempt_questions", "steps", "bundle_imports")
    )


def test_export_then_import_carries_everything(
    stations: dict[str, Workspace], take: Taker, tmp_path: Path
) -> None:
    a, coord = stations["a"], stations["coord"]
    t = a.trainees.create("Alice Niyonzima", Institution.POLICE, "PN-001", gender="female")
    session = take(t, ws=a)
    a.trainees.create("Nobody Yet", Institution.OTHER)  # a profile without attempts
    path = tmp_path / "a.tipbundle"
    done = bundles.export_bundle(a.db, a.keys, path)
    assert (done.attempts, done.trainees) == (1, 2)
    report = bundles.import_bundle(coord.db, coord.keys, path)
    assert (report.attempts_added, report.trainees_added) == (1, 2)
    assert report.workstation_uid == a.db.workstation_uid
    assert report.key_name == "Workstation a"
    moved = coord.attempts.load_session(coord.db.query_one("SELECT id FROM attempts")[0])  # type: ignore[index]
    assert moved.uid == session.uid
    assert [s.response for s in moved.slots] == [s.response for s in session.slots]
    assert moved.result is not None and session.result is not None
    assert moved.result.score == session.result.score
    assert counts(coord)[2:4] == counts(a)[2:4]
    assert next(e.action for e in audit.entries(coord.db)) == "bundle.import"
    assert next(e.action for e in audit.entries(a.db)) == "bundle.export"


def test_importing_twice_adds_nothing(
    stations: dict[str, Workspace], take: Taker, tmp_path: Path
) -> None:
    a, coord = stations["a"], stations["coord"]
    take(a.trainees.create("Alice", Institution.POLICE), ws=a)
    path = tmp_path / "a.tipbundle"
    bundles.export_bundle(a.db, a.keys, path)
    bundles.import_bundle(coord.db, coord.keys, path)
    before = counts(coord)
    again = bundles.import_bundle(coord.db, coord.keys, path)
    assert again.already_imported
    assert (again.attempts_added, again.trainees_added, again.attempts_known) == (0, 0, 1)
    assert counts(coord) == before


def test_only_new_results_are_exported_next_time(
    stations: dict[str, Workspace], take: Taker, tmp_path: Path
) -> None:
    a = stations["a"]
    alice = a.trainees.create("Alice", Institution.POLICE)
    take(alice, ws=a)
    assert bundles.pending(a.db) == 1
    bundles.export_bundle(a.db, a.keys, tmp_path / "1.tipbundle")
    assert bundles.pending(a.db) == 0
    take(alice, ws=a, seed=9)
    second = bundles.export_bundle(a.db, a.keys, tmp_path / "2.tipbundle")
    assert (second.attempts, second.trainees) == (1, 1)
    third = bundles.export_bundle(a.db, a.keys, tmp_path / "3.tipbundle")
    assert (third.attempts, third.trainees) == (0, 0)
    everything = bundles.export_bundle(a.db, a.keys, tmp_path / "4.tipbundle", everything=True)
    assert everything.attempts == 2


def _rewrite(path: Path, change: object) -> None:
    with zipfile.ZipFile(path) as zf:
        data = zf.read(bundles.DATA_NAME)
        sig = zf.read(bundles.SIGNATURE_NAME)
    assert callable(change)
    data, sig = change(data, sig)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(bundles.DATA_NAME, data)
        zf.writestr(bundles.SIGNATURE_NAME, sig)


@pytest.fixture
def bundle(stations: dict[str, Workspace], take: Taker, tmp_path: Path) -> Path:
    a = stations["a"]
    take(a.trainees.create("Alice", Institution.POLICE), ws=a)
    path = tmp_path / "a.tipbundle"
    bundles.export_bundle(a.db, a.keys, path)
    return path


def test_a_tampered_bundle_is_refused_and_changes_nothing(
    stations: dict[str, Workspace], bundle: Path
) -> None:
    coord = stations["coord"]
    _rewrite(bundle, lambda d, s: (d.replace(b'"Alice"', b'"Alicia"'), s))
    before = counts(coord)
    with pytest.raises(BundleError, match="altered after it was signed"):
        bundles.import_bundle(coord.db, coord.keys, bundle)
    assert counts(coord) == before
    assert audit.entries(coord.db)[0].action == "bundle.import_refused"


def test_a_bundle_signed_by_an_untrusted_key_is_refused(
    tmp_path: Path, banks_dir: Path, bundle: Path
) -> None:
    stranger = Workspace(tmp_path / "stranger", shipped_banks=banks_dir)
    stranger.sign_in(StaffSession("Coordinator B", Role.COORDINATOR, timeout=0))
    try:
        before = counts(stranger)
        with pytest.raises(BundleError, match="does not trust"):
            bundles.import_bundle(stranger.db, stranger.keys, bundle)
        assert counts(stranger) == before
    finally:
        stranger.close()


def test_a_replaced_signature_is_refused(stations: dict[str, Workspace], bundle: Path) -> None:
    b, coord = stations["b"], stations["coord"]

    def resign(data: bytes, sig: bytes) -> tuple[bytes, bytes]:
        # Signed by workstation b, but claiming to be workstation a's key.
        claim = json.loads(sig)
        import base64

        claim["signature"] = base64.b64encode(b.keys.sign(data)).decode()
        return data, json.dumps(claim).encode()

    _rewrite(bundle, resign)
    with pytest.raises(BundleError, match="altered"):
        bundles.import_bundle(coord.db, coord.keys, bundle)


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b"not a zip at all"),
        lambda p: _rewrite(p, lambda d, s: (d, b"{}")),
        lambda p: _rewrite(p, lambda d, s: (d, b"not json")),
    ],
    ids=["not-a-zip", "empty-signature", "garbled-signature"],
)
def test_damaged_files_are_refused(
    stations: dict[str, Workspace], bundle: Path, damage: object
) -> None:
    coord = stations["coord"]
    assert callable(damage)
    damage(bundle)
    with pytest.raises(BundleError):
        bundles.import_bundle(coord.db, coord.keys, bundle)
    assert counts(coord)[1] == 0


def test_a_missing_file_is_refused(stations: dict[str, Workspace], tmp_path: Path) -> None:
    coord = stations["coord"]
    with pytest.raises(BundleError, match="cannot be read"):
        bundles.import_bundle(coord.db, coord.keys, tmp_path / "missing.tipbundle")


def test_a_signed_bundle_with_bad_content_is_refused(
    stations: dict[str, Workspace], tmp_path: Path, take: Taker
) -> None:
    """Even a trusted key's bundle is checked: an id that could break an export is refused."""
    a, coord = stations["a"], stations["coord"]
    take(a.trainees.create("Alice", Institution.POLICE), ws=a)
    a.db.conn.execute("UPDATE attempts SET module_id = 'bad,id'")
    path = tmp_path / "bad.tipbundle"
    bundles.export_bundle(a.db, a.keys, path)
    with pytest.raises(BundleError, match="invalid module_id"):
        bundles.import_bundle(coord.db, coord.keys, path)
    assert counts(coord)[1] == 0


def test_three_workstations_merge_by_the_documented_rule(
    stations: dict[str, Workspace], take: Taker, tmp_path: Path
) -> None:
    a, b, c, coord = stations["a"], stations["b"], stations["c"], stations["coord"]
    # The same officer on three workstations: service number on a and b (written
    # differently), none on c; a second officer with the same name elsewhere differs.
    jean_a = a.trainees.create("Jean Ndayishimiye", Institution.POLICE, "PN-123")
    jean_b = b.trainees.create("jean  NDAYISHIMIYE", Institution.POLICE, "pn 123", province="Ngozi")
    jean_c = c.trainees.create("Jéan Ndayishimiye", Institution.POLICE)
    other_jean = c.trainees.create("Jean Ndayishimiye", Institution.JUDICIARY)
    clash = b.trainees.create("Jean Ndayishimiye", Institution.POLICE, "PN-999")
    marie = c.trainees.create("Marie Kaneza", Institution.PROSECUTION)
    for trainee, ws, seed in [
        (jean_a, a, 1),
        (jean_b, b, 2),
        (jean_c, c, 3),
        (other_jean, c, 4),
        (clash, b, 5),
        (marie, c, 6),
    ]:
        take(trainee, ws=ws, seed=seed)
    reports = []
    for name, ws in (("a", a), ("b", b), ("c", c)):
        path = tmp_path / f"{name}.tipbundle"
        bundles.export_bundle(ws.db, ws.keys, path)
        reports.append(bundles.import_bundle(coord.db, coord.keys, path))
    ra, rb, rc = reports
    assert (ra.trainees_added, ra.merges) == (1, [])
    # b: Jean merged by service number; the PN-999 namesake is a different person
    assert rb.trainees_added == 1
    assert [(m.incoming_name, m.reason, m.flagged) for m in rb.merges] == [
        ("jean NDAYISHIMIYE", "service_number", False)
    ]
    # c: the judge and Marie are new; Jean without a service number matches two police
    # officers by name, so he is added as a new trainee and flagged for a check
    assert rc.trainees_added == 3
    assert [(m.incoming_name, m.reason, m.flagged) for m in rc.merges] == [
        ("Jéan Ndayishimiye", "ambiguous", True)
    ]
    jeans = [
        t
        for t in coord.trainees.list()
        if t.institution is Institution.POLICE and "ndayishimiye" in t.name.lower()
    ]
    assert sorted(t.service_number or "" for t in jeans) == ["", "PN-123", "PN-999"]
    merged = next(t for t in jeans if t.service_number == "PN-123")
    assert merged.province == "Ngozi"  # a blank filled from workstation b
    assert len(coord.attempts.for_trainee(merged.id)) == 2
    assert counts(coord)[1] == 6
    assert any("CHECK" in line for line in rc.lines())


def test_merge_by_name_when_unambiguous(
    stations: dict[str, Workspace], take: Taker, tmp_path: Path
) -> None:
    a, c, coord = stations["a"], stations["c"], stations["coord"]
    take(a.trainees.create("Jean Ndayishimiye", Institution.POLICE, "PN-123"), ws=a)
    take(c.trainees.create("Jéan Ndayishimiye", Institution.POLICE), ws=c)
    for name, ws in (("a", a), ("c", c)):
        bundles.export_bundle(ws.db, ws.keys, tmp_path / f"{name}.tipbundle")
    bundles.import_bundle(coord.db, coord.keys, tmp_path / "a.tipbundle")
    report = bundles.import_bundle(coord.db, coord.keys, tmp_path / "c.tipbundle")
    assert [(m.reason, m.flagged) for m in report.merges] == [("name", True)]
    assert len(coord.trainees.list()) == 1
    # later bundles from c find the same person through the remembered alias
    take(c.trainees.list()[0], ws=c, seed=11)
    bundles.export_bundle(c.db, c.keys, tmp_path / "c2.tipbundle")
    again = bundles.import_bundle(coord.db, coord.keys, tmp_path / "c2.tipbundle")
    assert (again.trainees_known, again.attempts_added, again.merges) == (1, 1, [])
    assert len(coord.trainees.list()) == 1


def test_normalisation() -> None:
    assert bundles.normalise_service_number(" pn-12.3/4 ") == "PN1234"
    assert bundles.normalise_service_number("  ") is None
    assert bundles.normalise_name("  Ndayishimiye,  JÉAN ") == "ndayishimiye jean"


def test_a_full_disk_while_exporting_marks_nothing(
    stations: dict[str, Workspace], take: Taker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = stations["a"]
    take(a.trainees.create("Alice", Institution.POLICE), ws=a)

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("trainer.files.os.fsync", full)
    with pytest.raises(BundleError, match="No space left"):
        bundles.export_bundle(a.db, a.keys, tmp_path / "x.tipbundle")
    assert bundles.pending(a.db) == 1
    assert list(tmp_path.glob("*x.tipbundle*")) == []


def test_canonical_json_is_json_dumps_byte_for_byte() -> None:
    from trainer.results.bundles import canonical_json

    data: dict[str, object] = {
        "zeta": [{"b": 1, "a": "é"}, [], {}, None, 1.5, True],
        "alpha": {"y": [1, 2], "x": {"deep": {"deeper": "ü"}}},
        "empty": {},
        "list": [],
    }
    expected = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    assert canonical_json(data) == expected
    assert canonical_json([]) == b"[]" and canonical_json("s") == b'"s"'
