"""Sync runs in child processes (multiprocessing targets must be importable)."""

from __future__ import annotations

from pathlib import Path

from trainer.central.config import CentralConfig


def sync_in_child(db_path: str, config: CentralConfig, password: str) -> None:
    from trainer.central.sync import sync_now
    from trainer.storage.database import Database

    db = Database(Path(db_path))
    try:
        report = sync_now(db, config.with_password(password))
        assert report.ok, report.lines()
    finally:
        db.close()


def slow_sync_in_child(db_path: str, config: CentralConfig, password: str) -> None:
    """A sync of one attempt per central transaction (killed somewhere in the middle)."""
    from trainer.central import sync

    sync.ATTEMPT_BATCH = 1
    sync_in_child(db_path, config, password)
