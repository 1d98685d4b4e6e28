"""Hostile bundles: zip bombs refused before any payload is read, and a trusted workstation's
content checked field by field (types, ranges, timestamps, whose profiles it may change)."""

from __future__ import annotations

import base64
import contextlib
import copy
import json
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.results.conftest import Taker
from trainer.results import bundles
from trainer.results.bundles import BundleError
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
BOMB_BYTES = 300 * 1024 * 1024  # decompressed; about 300 KB in the file


@pytest.fixture
def stations(tmp_path: Path, banks_dir: Path) -> Iterator[dict[str, Workspace]]:
    """Workstations a and b, and a coordinator that trusts both."""
    spaces = {name: Workspace(tmp_path / name, shipped_banks=banks_dir) for name in "ab"}
    spaces["coord"] = Workspace(tmp_path / "coord", shipped_banks=banks_dir)
    for name in "ab":
        key = spaces[name].keys.export_public(tmp_path / f"{name}.tip-key", name)
        spaces["coord"].keys.import_public(key)
    yield spaces
    for ws in spaces.values():
        ws.close()


def _bomb(path: Path, members: dict[str, bytes], bomb_name: str) -> Path:
    """A zip whose ``bomb_name`` inflates to BOMB_BYTES of zeros, written in chunks."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        with zf.open(bomb_name, "w", force_zip64=True) as fh:
            chunk = b"\x00" * (1 << 20)
            for _ in range(BOMB_BYTES // len(chunk)):
                fh.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    return path


def _peak_mib(run: Callable[[], object]) -> float:
    tracemalloc.start()
    with contextlib.suppress(BundleError):
        run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1048576


def test_an_untrusted_zip_bomb_is_refused_before_its_payload_is_read(
    tmp_path: Path, stations: dict[str, Workspace], banks_dir: Path
) -> None:
    stranger = Workspace(tmp_path / "stranger", shipped_banks=banks_dir)
    try:
        manifest = json.dumps({"format": bundles.MANIFEST_FORMAT, "key_id": stranger.keys.key_id})
        signature = {
            "key_id": stranger.keys.key_id,
            "signature": base64.b64encode(stranger.keys.sign(b"x")).decode(),
        }
        path = _bomb(
            tmp_path / "bomb.tipbundle",
            {
                bundles.MANIFEST_NAME: manifest.encode(),
                bundles.SIGNATURE_NAME: json.dumps(signature).encode(),
            },
            bundles.DATA_NAME,
        )
    finally:
        stranger.close()
    coord = stations["coord"]
    with pytest.raises(BundleError, match="does not trust"):
        bundles.import_bundle(coord.db, coord.keys, path)
    peak = _peak_mib(lambda: bundles.import_bundle(coord.db, coord.keys, path))
    assert peak < 20, f"{peak:.0f} MiB"


def test_a_legacy_bundle_bomb_from_an_untrusted_key_is_refused_unread(
    tmp_path: Path, stations: dict[str, Workspace]
) -> None:
    signature = {"key_id": "0123456789abcdef", "signature": base64.b64encode(b"\x00" * 64).decode()}
    path = _bomb(
        tmp_path / "legacy.tipbundle",
        {bundles.SIGNATURE_NAME: json.dumps(signature).encode()},
        bundles.DATA_NAME,
    )
    coord = stations["coord"]
    peak = _peak_mib(lambda: bundles.import_bundle(coord.db, coord.keys, path))
    assert peak < 20, f"{peak:.0f} MiB"
    with pytest.raises(BundleError, match="does not trust"):
        bundles.import_bundle(coord.db, coord.keys, path)


def test_a_signed_manifest_cannot_smuggle_a_larger_payload(
    tmp_path: Path, stations: dict[str, Workspace], take: Taker
) -> None:
    a, coord = stations["a"], stations["coord"]
    take(a.trainees.create("Alice Niyonzima", Institution.POLICE), ws=a)
    good = tmp_path / "good.tipbundle"
    bundles.export_bundle(a.db, a.keys, good)
    with zipfile.ZipFile(good) as zf:
        manifest = zf.read(bundles.MANIFEST_NAME)
        signature = zf.read(bundles.SIGNATURE_NAME)
    path = _bomb(
        tmp_path / "smuggled.tipbundle",
        {bundles.MANIFEST_NAME: manifest, bundles.SIGNATURE_NAME: signature},
        bundles.DATA_NAME,
    )
    peak = _peak_mib(lambda: bundles.import_bundle(coord.db, coord.keys, path))
    assert peak < 20, f"{peak:.0f} MiB"
    with pytest.raises(BundleError, match=r"not the one signed|altered"):
        bundles.import_bundle(coord.db, coord.keys, path)
    assert bundles.import_bundle(coord.db, coord.keys, good).attempts_added == 1


# -- 13: a trusted workstation's content, field by field -------------------------------------
@pytest.fixture
def exported(stations: dict[str, Workspace], take: Taker, tmp_path: Path) -> dict[str, Any]:
    a = stations["a"]
    take(a.trainees.create("Alice Niyonzima", Institution.POLICE, "PN-1"), ws=a)
    path = tmp_path / "a.tipbundle"
    bundles.export_bundle(a.db, a.keys, path)
    with zipfile.ZipFile(path) as zf:
        data: dict[str, Any] = json.loads(zf.read(bundles.DATA_NAME))
    return data


def _corpus() -> list[tuple[str, str, Any]]:
    """tests/data/hostile/13-bundle-fields.json: (record, field, hostile value) triples."""
    entries = json.loads((HOSTILE / "13-bundle-fields.json").read_text(encoding="utf-8"))
    return [(e["record"], e["field"], e["value"]) for e in entries]


def _set(data: dict[str, Any], record: str, field: str, value: Any) -> None:
    attempt = data["attempts"][0]
    target = {
        "trainee": data["trainees"][0],
        "attempt": attempt,
        "question": attempt["questions"][0],
        "step": attempt["steps"][0],
        "bundle": data,
    }[record]
    if value == "<NaN>":
        value = float("nan")
    elif value == "<far future>":
        value = (datetime.now(UTC) + timedelta(days=3650)).isoformat()
    target[field] = value


@pytest.mark.parametrize(("record", "field", "value"), _corpus())
def test_a_trusted_bundle_with_a_bad_field_is_refused_and_changes_nothing(
    tmp_path: Path,
    stations: dict[str, Workspace],
    exported: dict[str, Any],
    record: str,
    field: str,
    value: Any,
) -> None:
    a, coord = stations["a"], stations["coord"]
    data = copy.deepcopy(exported)
    _set(data, record, field, value)
    path = tmp_path / "bad.tipbundle"
    bundles.write_bundle_file(path, data, a.keys)
    with pytest.raises(BundleError, match="damaged"):
        bundles.import_bundle(coord.db, coord.keys, path)
    assert coord.db.query("SELECT * FROM attempts") == []
    assert coord.db.query("SELECT * FROM trainees") == []


def test_a_workstation_cannot_rename_trainees_it_did_not_create(
    tmp_path: Path, stations: dict[str, Workspace], exported: dict[str, Any], take: Taker
) -> None:
    a, b, coord = stations["a"], stations["b"], stations["coord"]
    first = tmp_path / "a.tipbundle"
    bundles.write_bundle_file(first, exported, a.keys)
    bundles.import_bundle(coord.db, coord.keys, first)
    own = coord.trainees.create("Coordinator Own", Institution.JUDICIARY)
    later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    alice = exported["trainees"][0]
    # workstation b claims a's trainee, and the coordinator's own, with newer dates
    forged = copy.deepcopy(exported)
    forged |= {
        "key_id": b.keys.key_id,
        "workstation": {"uid": b.db.workstation_uid, "name": "b"},
        "bundle_uid": "f" * 32,
        "attempts": [],
        "certificates": [],
        "trainees": [
            {**alice, "name": "Renamed By B", "updated_at": later},
            {
                **alice,
                "uid": own.uid,
                "name": "Renamed Too",
                "workstation_uid": b.db.workstation_uid,
                "updated_at": later,
            },
        ],
    }
    path = tmp_path / "b.tipbundle"
    bundles.write_bundle_file(path, forged, b.keys)
    report = bundles.import_bundle(coord.db, coord.keys, path)
    assert report.trainees_updated == 0
    names = {t.name for t in coord.trainees.list()}
    assert names == {"Alice Niyonzima", "Coordinator Own"}
    # the owner itself may still rename its trainee
    renamed = copy.deepcopy(exported)
    renamed |= {"bundle_uid": "e" * 32, "attempts": [], "certificates": []}
    renamed["trainees"][0] |= {"name": "Alice Niyonzima-Kaze", "updated_at": later}
    path = tmp_path / "a2.tipbundle"
    bundles.write_bundle_file(path, renamed, a.keys)
    assert bundles.import_bundle(coord.db, coord.keys, path).trainees_updated == 1
    assert "Alice Niyonzima-Kaze" in {t.name for t in coord.trainees.list()}


def test_a_workstation_uid_belongs_to_the_key_that_first_sent_it(
    tmp_path: Path, stations: dict[str, Workspace], exported: dict[str, Any]
) -> None:
    a, b, coord = stations["a"], stations["b"], stations["coord"]
    path = tmp_path / "a.tipbundle"
    bundles.write_bundle_file(path, exported, a.keys)
    bundles.import_bundle(coord.db, coord.keys, path)
    impostor = copy.deepcopy(exported) | {"key_id": b.keys.key_id, "bundle_uid": "d" * 32}
    path = tmp_path / "impostor.tipbundle"
    bundles.write_bundle_file(path, impostor, b.keys)
    with pytest.raises(BundleError, match="another key"):
        bundles.import_bundle(coord.db, coord.keys, path)
