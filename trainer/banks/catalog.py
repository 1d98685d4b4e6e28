"""The bank library: every bank found in the shipped and library folders, and the failures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trainer.banks.compiled import BankSummary, CompiledCatalog, summarise
from trainer.banks.loader import load_bank
from trainer.banks.model import Audience, Bank, Module
from trainer.errors import BankError, ErrorCode, Problem

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class BankFailure:
    """A file that did not load, with every problem found in it."""

    path: Path
    problems: tuple[Problem, ...]
    more: int = 0  # problems found beyond those listed


@dataclass
class Catalog:
    """The banks trainees can take. ``summaries`` say what each holds; a bank's questions
    are parsed on its first use (``bank``), once."""

    summaries: list[BankSummary] = field(default_factory=list)
    failures: list[BankFailure] = field(default_factory=list)
    _loaded: dict[str, Bank] = field(default_factory=dict, repr=False)
    # The compiled catalogue the summaries came from, corrected when a file changed.
    cache_path: Path | None = None

    @classmethod
    def of_banks(cls, banks: Sequence[Bank], failures: Sequence[BankFailure] = ()) -> Catalog:
        """A catalogue of banks already loaded."""
        return cls([summarise(b) for b in banks], list(failures), {b.id: b for b in banks})

    def summary(self, bank_id: str) -> BankSummary:
        for summary in self.summaries:
            if summary.id == bank_id:
                return summary
        raise KeyError(bank_id)

    def bank(self, bank_id: str) -> Bank:
        """The whole bank, parsed from its file on first use (BankError if the file no
        longer loads; KeyError for an id the catalogue does not hold)."""
        found = self._loaded.get(bank_id)
        if found is None:
            summary = self.summary(bank_id)
            if summary.path is None:
                raise KeyError(bank_id)
            found = load_bank(summary.path)
            if found.content_hash != summary.content_hash:
                self._changed_since_listed(summary, found)
            self._loaded[bank_id] = found
        return found

    def _changed_since_listed(self, summary: BankSummary, found: Bank) -> None:
        """The file is not what the list was made from (changed in place, or damaged):
        nothing of it is used until the list, which now says what the file holds, is
        chosen from again."""
        self.summaries = [summarise(found) if s is summary else s for s in self.summaries]
        if self.cache_path is not None:
            CompiledCatalog(self.cache_path).record(found)
        name = summary.path.name if summary.path else summary.id
        raise BankError(
            f"the bank file {name} changed since the list of modules was made; "
            "the list now shows what the file holds: choose the module again",
            where=str(summary.path),
            code=ErrorCode.BANK_CHANGED,
            params={"name": name},
        )

    @property
    def banks(self) -> list[Bank]:
        """Every bank, whole (each parsed on first use)."""
        return [self.bank(s.id) for s in self.summaries]

    def modules(self, audience: Audience | None = None) -> list[tuple[BankSummary, Module]]:
        """Every module, or those for one audience, in library order."""
        return [
            (summary, module)
            for summary in self.summaries
            for module in summary.modules
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
    kept = [b for b in by_id.values() if b.id not in blocked]
    return Catalog.of_banks(kept, catalog.failures)
