"""One data folder opened: its database, repositories and bank catalog (GUI and CLI share it)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.access import StaffSession
from trainer.errors import DatabaseMissingError, ErrorCode
from trainer.paths import DataDir, resolve_data_dir, shipped_banks_dir
from trainer.storage import backups
from trainer.storage.database import Database
from trainer.storage.trainees import TraineeRepository

# The compiled bank catalogue's file in the data folder (trainer/banks/compiled.py).
CATALOG_CACHE_NAME = "catalog-cache.json"

# The bank loader, the engine and the crypto library load on first use, not at
# start-up: the first screen needs none of them.
if TYPE_CHECKING:
    from trainer.banks.catalog import Catalog
    from trainer.banks.library import BankLibrary
    from trainer.certificates.signing import KeyRing
    from trainer.storage.accounts import AccountRepository
    from trainer.storage.attempts import AttemptRepository


def refuse_to_start_empty(data: DataDir) -> None:
    """Raise DatabaseMissingError when the database is missing or empty but a backup holds
    data: opening it would start a new installation over the real one, without a word."""
    found = backups.missing_database(data.database, data.backups)
    if found is None:
        return
    taken = found.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    raise DatabaseMissingError(
        f"the database is missing or empty, but the backup {found.path} (taken {taken}) "
        "holds data, so nothing was created. Restore that backup with:\n"
        f'  python -m trainer restore "{found.path}" --data-dir "{data.root}"',
        found,
        where=str(data.database),
        code=ErrorCode.DATABASE_MISSING,
        params={"backup": found.path, "taken": taken, "data_dir": data.root},
    )


class Workspace:
    """Everything the program works on, for one data folder."""

    def __init__(self, data_dir: Path | str | None = None, *, shipped_banks: Path | None = None):
        self.data = DataDir(resolve_data_dir(data_dir)).ensure()
        self.shipped_banks = shipped_banks if shipped_banks is not None else shipped_banks_dir()
        refuse_to_start_empty(self.data)
        self.db = Database(self.data.database)
        self._catalog: Catalog | None = None
        # The compiled bank catalogue is kept in the data folder (not when only verifying).
        self._catalog_cache: Path | None = self.data.root / CATALOG_CACHE_NAME
        # Who is signed in (a staff account name), for the audit log; None for trainees.
        self.actor: str | None = None
        # The signed-in trainer or coordinator; None means a trainee is at the keyboard.
        self.staff: StaffSession | None = None

    @classmethod
    def for_verification(
        cls, data_dir: Path | str | None = None, *, shipped_banks: Path | None = None
    ) -> Workspace:
        """The data folder opened to verify certificates only: nothing is created or written
        (no folder, no database, no signing key). Without a database there, an empty one
        in memory stands in: it trusts no issuer."""
        from trainer.certificates.signing import KeyRing

        ws = cls.__new__(cls)
        ws.data = DataDir(resolve_data_dir(data_dir))
        ws.shipped_banks = shipped_banks if shipped_banks is not None else shipped_banks_dir()
        if ws.data.database.is_file():
            ws.db = Database.open_read_only(ws.data.database)
        else:
            ws.db = Database(":memory:")
        ws._catalog = None
        ws._catalog_cache = None  # nothing is written when only verifying
        ws.actor = None
        ws.staff = None
        ws.__dict__["keys"] = KeyRing(
            ws.db, ws.data.keys, institution=ws.institution_name, read_only=True
        )
        return ws

    def sign_in(self, session: StaffSession) -> None:
        self.staff = session
        self.actor = session.name

    def sign_out(self) -> None:
        self.staff = None
        self.actor = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = self.load_catalog()
        return self._catalog

    def library(self) -> BankLibrary:
        """The bank library, acting as whoever is signed in."""
        from trainer.banks.library import BankLibrary

        return BankLibrary(
            self.db,
            self.shipped_banks,
            self.data.banks,
            actor=self.actor,
            cache_path=self._catalog_cache,
        )

    def load_catalog(self) -> Catalog:
        return self.library().catalog()

    def reload_catalog(self, loaded: Catalog | None = None) -> Catalog:
        """Read the library again, or take ``loaded`` (read by a worker thread)."""
        self._catalog = loaded if loaded is not None else self.load_catalog()
        return self._catalog

    @cached_property
    def trainees(self) -> TraineeRepository:
        return TraineeRepository(self.db)

    @cached_property
    def attempts(self) -> AttemptRepository:
        from trainer.storage.attempts import AttemptRepository

        return AttemptRepository(self.db)

    @cached_property
    def keys(self) -> KeyRing:
        from trainer.certificates.signing import KeyRing

        return KeyRing(self.db, self.data.keys, institution=self.institution_name)

    @cached_property
    def accounts(self) -> AccountRepository:
        from trainer.storage.accounts import AccountRepository

        return AccountRepository(self.db)

    @property
    def institution_name(self) -> str:
        from trainer.storage import settings

        return settings.read(self.db, settings.INSTITUTION_NAME)

    def audit(self, action: str, detail: str = "") -> None:
        """Record a sensitive action in the audit log, by whoever is signed in."""
        from trainer.storage import audit

        audit.record(self.db, action, detail, actor=self.actor)

    def close(self) -> None:
        self.db.close()

    def reopen(self) -> None:
        """Open the database file again (after a restore replaced it); forget what was read."""
        self.db.close()
        self.db = Database(self.data.database)
        for name in ("trainees", "attempts", "keys", "accounts"):
            self.__dict__.pop(name, None)
        self._catalog = None
