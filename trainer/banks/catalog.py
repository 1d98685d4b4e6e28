"""The bank library: every bank found in the shipped and library folders, and the failures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trainer.banks.loader import load_bank
from trainer.banks.model import Audience, Bank, Module
from trainer.errors import BankError, Problem

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class BankFailure:
    """A file that did not load, with every problem found in it."""

    path: Path
    problems: tuple[Problem, ...]
    more: int = 0  # problems found beyond those listed


@dataclass
class Catalog:
    banks: list[Bank] = field(default_factory=list)
    failures: list[BankFailure] = field(default_factory=list)

    def bank(self, bank_id: str) -> Bank:
        for bank in self.banks:
            if bank.id == bank_id:
                return bank
        raise KeyError(bank_id)

    def modules(self, audience: Audience | None = None) -> list[tuple[Bank, Module]]:
        """Every module, or those for one audience, in library order."""
        return [
            (bank, module)
            for bank in self.banks
            for module in bank.modules
            if audience is None or audience in module.audiences
        ]


def bank_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in BANK_SUFFIXES and p.is_file())


def load_catalog(folders: Sequence[Path], *, disabled: Iterable[str] = ()) -> Catalog:
    """Load every bank; a bank in a later folder replaces one with the same id.

    A file that fails never stops the others from loading.
    """
    by_id: dict[str, Bank] = {}
    catalog = Catalog()
    for folder in folders:
        for path in bank_files(folder):
            try:
                bank = load_bank(path)
            except BankError as exc:
                problems = exc.problems or (Problem(path.name, 1, 1, exc.message),)
                catalog.failures.append(BankFailure(path, tuple(problems), exc.more))
                continue
            by_id[bank.id] = bank
    blocked = set(disabled)
    catalog.banks = [b for b in by_id.values() if b.id not in blocked]
    return catalog
