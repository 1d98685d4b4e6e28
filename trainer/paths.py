"""Where things live: the shipped banks and assets, and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from trainer import APP_NAME

DATA_DIR_ENV = "TIP_TRAINER_DATA_DIR"
DATABASE_NAME = "tip-trainer.sqlite3"


# An installed wheel carries question_banks/ and assets/ inside the package, in this folder.
SHIPPED_IN_PACKAGE = "shipped"


def install_root() -> Path:
    """The folder holding ``question_banks/`` and ``assets/``."""
    return find_install_root(Path(__file__).resolve().parent, getattr(sys, "_MEIPASS", None))


def find_install_root(package: Path, bundle: str | None) -> Path:
    """The self-contained build's folder (PyInstaller's ``sys._MEIPASS``), else the folder
    inside an installed package (``pip install``), else the source tree above the package."""
    if bundle:
        return Path(bundle)
    inside = package / SHIPPED_IN_PACKAGE
    if (inside / "question_banks").is_dir():
        return inside
    return package.parent


def shipped_banks_dir() -> Path:
    return install_root() / "question_banks"


def assets_dir() -> Path:
    return install_root() / "assets"


def translations_dir() -> Path:
    return assets_dir() / "translations"


def default_data_dir() -> Path:
    import platformdirs  # only when no folder was given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir``, else ``$TIP_TRAINER_DATA_DIR``, else the platform's."""
    chosen = explicit or os.environ.get(DATA_DIR_ENV) or default_data_dir()
    return Path(chosen).expanduser().resolve()


class DataDir:
    """The layout of one data folder: database, logs, bank library, backups, keys."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def banks(self) -> Path:
        return self.root / "banks"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    def ensure(self) -> DataDir:
        """Create the folders, owner-only; make files an earlier version left readable to
        everyone (database, its journal, backups, keys) owner-only too."""
        from trainer import privacy

        for folder in (self.root, self.logs, self.banks, self.backups, self.keys):
            privacy.private_folder(folder)
        if privacy.APPLIES:
            privacy.private_files(self.root.glob(DATABASE_NAME + "*"))
            privacy.private_files(self.backups.glob("tip-trainer-*.sqlite3"))
            privacy.private_files(self.keys.iterdir())
        return self
