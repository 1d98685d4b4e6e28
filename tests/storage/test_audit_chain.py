"""The audit log is a hash chain: removing or changing an entry, even with the triggers
dropped, shows as a break in the integrity check (storage, CLI and screen)."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.storage import audit
from trainer.storage.database import Database


def _filled(db: Database, count: int = 6) -> None:
    for n in range(count):
        audit.record(db, "bank.import", f"bank {n}", actor="Coord")


def _tamper(path: Path, *statements: str) -> None:
    """What someone with the file and the sqlite3 tool can do: drop the guards, edit,
    put the guards back."""
    conn = sqlite3.connect(path)
    triggers = [
        str(r[0])
        for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        )
    ]
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    for sql in statements:
        conn.execute(sql)
    for sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_each_entry_carries_the_hash_of_the_one_before(db: Database) -> None:
    _filled(db)
    rows = db.query("SELECT id, prev_hash, hash FROM audit_log ORDER BY id")
    assert rows[0]["prev_hash"] == audit.GENESIS
    for before, after in itertools.pairwise(rows):
        assert after["prev_hash"] == before["hash"] and len(after["hash"]) == 64
    report = audit.verify_chain(db)
    assert report.intact and report.entries == 6 and report.breaks == []


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["DELETE FROM audit_log WHERE id IN (2, 3)"], "entry 4"),
        (["DELETE FROM audit_log WHERE id = 1"], "entry 2"),
        (["UPDATE audit_log SET detail = 'nothing to see' WHERE id = 5"], "entry 5"),
        (["UPDATE audit_log SET actor = 'someone else' WHERE id = 3"], "entry 3"),
        (
            [
                "INSERT INTO audit_log (id, at, actor, action, detail)"
                " VALUES (100, '2026-01-01T00:00:00+00:00', 'x', 'account.create', 'ghost')"
            ],
            "entry 100",
        ),
    ],
)
def test_a_removed_changed_or_slipped_in_entry_is_a_break(
    tmp_path: Path, statements: list[str], expected: str
) -> None:
    path = tmp_path / "a.sqlite3"
    db = Database(path)
    _filled(db)
    db.close()
    _tamper(path, *statements)
    again = Database(path)
    try:
        report = audit.verify_chain(again)
        assert not report.intact
        assert any(expected in b for b in report.breaks), report.breaks
        # and the log goes on (new entries chain on from the last one)
        audit.record(again, "backup.create", "after")
        assert audit.verify_chain(again).breaks == report.breaks
    finally:
        again.close()


def test_the_audit_command_reports_a_break(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "backup"]) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0
    assert main(["--data-dir", str(data), "audit", "--verify"]) == 0
    assert "intact" in capsys.readouterr().out
    _tamper(data / "tip-trainer.sqlite3", "DELETE FROM audit_log WHERE id = 1")
    assert main(["--data-dir", str(data), "audit", "--verify"]) == 1
    out = capsys.readouterr()
    assert "NOT intact" in out.out and "entry 2" in out.out
    assert main(["--data-dir", str(data), "audit"]) == 0
    assert "NOT intact" in capsys.readouterr().err  # the listing warns too


def test_an_existing_log_is_chained_when_the_schema_is_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database made at the previous schema keeps every row and comes out chained."""
    path = tmp_path / "old.sqlite3"
    every = Database.available_migrations()
    old = [m for m in every if m[0] < 50]
    monkeypatch.setattr(Database, "available_migrations", staticmethod(lambda: old))
    db = Database(path)
    with db.transaction() as conn:
        for n in range(5):
            conn.execute(
                "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                (f"2026-01-0{n + 1}T08:00:00+00:00", "Coord", "bank.import", f"bank {n}"),
            )
        conn.execute(
            "INSERT INTO accounts (name, role, password_hash, salt, kdf, failed_count,"
            " locked_until, created_at, updated_at) VALUES ('Ana', 'trainer', x'00', x'00',"
            " 'scrypt:n=1024,r=8,p=1', 2, NULL, '2026-01-01', '2026-01-01')"
        )
    trainees = db.query_one("SELECT count(*) FROM trainees")
    db.close()
    monkeypatch.setattr(Database, "available_migrations", staticmethod(lambda: every))
    upgraded = Database(path)
    try:
        rows = upgraded.query("SELECT detail, hash FROM audit_log ORDER BY id")
        assert [r["detail"] for r in rows] == [f"bank {n}" for n in range(5)]
        assert all(r["hash"] for r in rows)
        assert audit.verify_chain(upgraded).intact
        account = upgraded.query_one("SELECT name, failed_count FROM accounts")
        assert account is not None and tuple(account) == ("Ana", 2)
        assert upgraded.query_one("SELECT count(*) FROM trainees")[0] == trainees[0]  # type: ignore[index]
        assert upgraded.query("SELECT * FROM sign_in_failures") == []
        # the chain's guard is back: a sealed entry cannot be updated
        with pytest.raises(Exception, match="append-only"), upgraded.transaction() as conn:
            conn.execute("UPDATE audit_log SET detail = 'x' WHERE id = 1")
    finally:
        upgraded.close()
