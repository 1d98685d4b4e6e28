"""A workstation that installs a newer version keeps everything its old database held.

Each ``tests/data/upgrade/vX.Y.Z/`` is a data folder written by version X.Y.Z
(``make_fixture.py`` beside it). A copy is opened with today's code, which runs every
migration added since; then every row that existed must still be there with the same
values (new columns and tables are fine), and the program must still use the data:
staff sign in, attempts are reviewed as taken, the unfinished exam is offered again,
certificates verify, and the next batch issues the missing certificate.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from trainer import admin
from trainer.certificates import verification
from trainer.certificates.batch import batch_generate
from trainer.certificates.document import CodeProblem
from trainer.storage import database
from trainer.storage.database import Database
from trainer.workspace import Workspace

UPGRADE = Path(__file__).resolve().parent.parent / "data" / "upgrade"
ROOT = UPGRADE.parents[2]
FIXTURES = sorted(p.stem for p in UPGRADE.glob("v*.json"))

Snapshot = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def snapshot(path: Path) -> Snapshot:
    """Every table's columns and rows, read without running any migration."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        out: Snapshot = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            out[table] = (columns, conn.execute(f'SELECT * FROM "{table}"').fetchall())
        return out
    finally:
        conn.close()


def lost_rows(before: Snapshot, after: Snapshot) -> list[str]:
    """What was in ``before`` and is not in ``after``: tables, columns, rows (with values)."""
    lost: list[str] = []
    for table, (columns, rows) in before.items():
        if table not in after:
            lost.append(f"table {table} ({len(rows)} rows) is gone")
            continue
        now_columns, now_rows = after[table]
        missing = [c for c in columns if c not in now_columns]
        if missing:
            lost.append(f"{table}: columns {missing} are gone")
            continue
        index = [now_columns.index(c) for c in columns]
        kept = Counter(tuple(r[i] for i in index) for r in now_rows)
        for row in rows:
            if kept[tuple(row)] > 0:
                kept[tuple(row)] -= 1
            else:
                lost.append(f"{table}: row {dict(zip(columns, row, strict=True))} changed or gone")
    return lost


@pytest.fixture(params=FIXTURES)
def old(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A copy of an old data folder, and what its version recorded about it."""
    name = str(request.param)
    folder = tmp_path / "data"
    shutil.copytree(UPGRADE / name, folder)
    manifest = json.loads((UPGRADE / f"{name}.json").read_text(encoding="utf-8"))
    return folder, manifest


def test_there_is_a_fixture_of_the_first_release() -> None:
    assert "v0.1.0" in FIXTURES
    assert (UPGRADE / "v0.1.0" / "tip-trainer.sqlite3").is_file()


def test_every_row_survives_the_migrations(old: tuple[Path, dict[str, Any]]) -> None:
    folder, _ = old
    db_path = folder / "tip-trainer.sqlite3"
    before = snapshot(db_path)
    assert before["attempts"][1] and before["certificates"][1] and before["audit_log"][1]
    old_version = max(r[0] for r in before["schema_migrations"][1])

    db = Database(db_path)  # runs every migration newer than the fixture
    try:
        assert db.schema_version == max(v for v, _, _ in Database.available_migrations())
        assert db.schema_version >= old_version
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    after = snapshot(db_path)
    assert lost_rows(before, after) == []
    # the check is not vacuous: it sees each table the old version wrote
    assert {"trainees", "attempts", "steps", "certificates", "accounts", "settings"} <= set(before)


def test_the_program_still_uses_the_old_data(
    old: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    folder, manifest = old
    ws = Workspace(folder, shipped_banks=ROOT / "question_banks")
    try:
        # the institution, its settings, its staff (the disabled account stays disabled)
        assert ws.institution_name == manifest["institution"]
        for key, value in manifest["settings"].items():
            assert ws.db.get_setting(key) == value
        for name, password in manifest["passwords"].items():
            admin.sign_in(ws, name, password)
            admin.sign_out(ws)
        coordinator = next(iter(manifest["passwords"].items()))
        admin.sign_in(ws, *coordinator)
        accounts = {a.name: a for a in admin.list_accounts(ws)}
        for name in manifest["disabled_accounts"]:
            assert accounts[name].disabled
        actions = {(e.actor, e.action) for e in admin.audit_entries(ws)}
        assert {tuple(pair) for pair in manifest["audit_actions"]} <= actions

        assert sorted(t.name for t in ws.trainees.list()) == sorted(manifest["trainees"])

        # every attempt is reviewed as it was taken: questions, answers, flags, score
        for label, expected in manifest["attempts"].items():
            session = ws.attempts.load_session(expected["id"])
            assert session.uid == expected["uid"], label
            assert [s.question.id for s in session.slots] == expected["question_ids"], label
            # the typed answers read back give exactly the JSON the old version stored
            answers = {
                str(s.index): s.response.to_json() for s in session.slots if s.response is not None
            }
            assert answers == expected["answers"], label
            assert [s.index for s in session.slots if s.flagged] == expected["flagged"], label
            if expected["finished"]:
                assert session.result is not None, label
                assert session.result.percent == expected["percent"], label
                assert session.result.passed == expected["passed"], label
            else:
                assert session.result is None, label
                summary = ws.attempts.get(expected["id"])
                offered = ws.attempts.unfinished(summary.trainee_id)
                assert [a.id for a in offered] == [expected["id"]], label

        # certificates issued before the upgrade: still valid, still revoked
        valid = verification.verify_code(ws, manifest["certificates"]["valid"]["code"])
        assert valid.valid and valid.facts is not None
        assert valid.facts.number == manifest["certificates"]["valid"]["number"]
        revoked = verification.verify_code(ws, manifest["certificates"]["revoked"]["code"])
        assert not revoked.valid and revoked.problem is CodeProblem.REVOKED
        # the same signing key: the next batch prints the valid certificate again and issues
        # the missing ones (Éric's, and Chantal's in place of the revoked one), here
        assert ws.keys.key_id == manifest["key_id"]
        result = batch_generate(ws, tmp_path / "certificates")
        assert result.errors == [] and result.elsewhere == []
        old_numbers = {c["number"] for c in manifest["certificates"].values()}
        reprinted = [p for p in result.written if p.name.split("_")[0] in old_numbers]
        assert [p.name.split("_")[0] for p in reprinted] == [
            manifest["certificates"]["valid"]["number"]
        ]
        names = set()
        for path in result.written:
            verdict = verification.verify_file(ws, path)
            assert verdict.valid and verdict.facts is not None, path.name
            names.add(verdict.facts.name)
        assert names == {"Aline Niyonzima", "Chantal Kaneza", "Éric Hakizimana"}
    finally:
        ws.close()


def test_a_migration_that_loses_data_is_caught(
    old: tuple[Path, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A later migration that adds a column and a table passes; one that rewrites a value
    or drops rows fails, naming the table and the row."""
    folder, _ = old
    migrations = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS_DIR, migrations)
    monkeypatch.setattr(database, "MIGRATIONS_DIR", migrations)
    db_path = folder / "tip-trainer.sqlite3"
    before = snapshot(db_path)

    (migrations / "9990_additive.sql").write_text(
        "ALTER TABLE trainees ADD COLUMN nickname TEXT;\n"
        "CREATE TABLE later_things (id INTEGER PRIMARY KEY, what TEXT);\n",
        encoding="utf-8",
    )
    Database(db_path).close()
    assert lost_rows(before, snapshot(db_path)) == []

    (migrations / "9991_lossy.sql").write_text(
        "UPDATE settings SET value = 'x' WHERE key = 'institution_name';\n"
        "DELETE FROM steps WHERE seq = 1;\n",
        encoding="utf-8",
    )
    Database(db_path).close()
    lost = lost_rows(before, snapshot(db_path))
    assert any(line.startswith("settings: row") and "institution_name" in line for line in lost)
    assert any(line.startswith("steps: row") for line in lost)
