"""What the item analysis keeps with each finished attempt (migration 0081): its question
set, item-score sum and partial flag, made when the attempt finishes, when it arrives in
a bundle and, for older databases, on upgrade; always equal to what its answers say."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.central_data import fill_workstation
from tests.results.conftest import Taker
from trainer.results import analysis, bundles
from trainer.storage.database import Database
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

KEPT = "SELECT attempt_id, question_key, item_sum, partial FROM attempt_item_sets ORDER BY 1"
MADE = "SELECT attempt_id, question_key, item_sum, partial FROM attempt_item_set_rows ORDER BY 1"


def _rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in db.query(sql)]


def test_an_attempt_gets_its_row_when_it_finishes(workspace: Workspace, take: Taker) -> None:
    alice = workspace.trainees.create("Alice Niyonzima", Institution.POLICE, "PN-001")
    take(alice, right=True)
    take(alice, right=False)
    kept = _rows(workspace.db, KEPT)
    assert len(kept) == 2 and kept == _rows(workspace.db, MADE)
    ids = str(kept[0][1]).split("\x1f")
    assert ids == sorted(ids, key=lambda q: q.encode()) and len(ids) == len(set(ids))
    assert float(str(kept[0][2])) > 0 and float(str(kept[1][2])) == 0
    # an attempt still in progress has none
    started = workspace.db.query_one("SELECT count(*) FROM attempts WHERE state != 'finished'")
    assert started is not None and started[0] == 0


def test_an_attempt_from_a_bundle_gets_its_row(
    tmp_path: Path, banks_dir: Path, take: Taker
) -> None:
    a = Workspace(tmp_path / "a", shipped_banks=banks_dir)
    coord = Workspace(tmp_path / "coord", shipped_banks=banks_dir)
    coord.keys.import_public(a.keys.export_public(tmp_path / "a.tip-key", "Workstation a"))
    take(a.trainees.create("Bruno Hakizimana", Institution.PROSECUTION), ws=a)
    bundles.export_bundle(a.db, a.keys, tmp_path / "a.tipbundle")
    bundles.import_bundle(coord.db, coord.keys, tmp_path / "a.tipbundle")
    kept = _rows(coord.db, KEPT)
    assert len(kept) == 1 and kept == _rows(coord.db, MADE)
    assert kept[0][1:] == _rows(a.db, KEPT)[0][1:]
    a.close()
    coord.close()


def test_an_upgraded_database_gets_rows_for_its_finished_attempts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Database.available_migrations
    monkeypatch.setattr(
        Database, "available_migrations", staticmethod(lambda: [m for m in real() if m[0] < 81])
    )
    path = tmp_path / "old.sqlite3"
    fill_workstation(path, 200, trainees=3)  # written by a program without the rows
    monkeypatch.undo()
    db = Database(path)
    kept = _rows(db, KEPT)
    assert len(kept) == 10 and kept == _rows(db, MADE)
    db.close()


def test_the_analysis_reads_an_attempt_without_its_row_through_the_view(
    workspace: Workspace, take: Taker
) -> None:
    alice = workspace.trainees.create("Alice Niyonzima", Institution.POLICE, "PN-001")
    bruno = workspace.trainees.create("Bruno Hakizimana", Institution.PROSECUTION)
    for who, right in ((alice, True), (bruno, False), (alice, False), (bruno, True)):
        take(who, right=right)
    module = str(workspace.db.query_one("SELECT module_id FROM attempts")[0])  # type: ignore[index]
    whole = analysis.analyse_module(workspace.db, module)
    # rows written by some other program (direct SQL, an older importer): the view answers
    workspace.db.conn.execute(
        "DELETE FROM attempt_item_sets WHERE attempt_id IN (SELECT min(id) FROM attempts)"
    )
    partly = analysis.analyse_module(workspace.db, module)
    assert analysis.item_rows(partly) == analysis.item_rows(whole)
    assert partly.reliability == whole.reliability and partly.attempts == whole.attempts == 4
