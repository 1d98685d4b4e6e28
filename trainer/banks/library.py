"""The trainer's bank library: shipped banks, imported banks, their state, and importing."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from trainer.banks.catalog import BankFailure, Catalog, bank_files
from trainer.banks.compiled import BankSummary, CompiledCatalog, FileSummary
from trainer.banks.loader import load_bank, load_bank_bytes, read_bank_file
from trainer.banks.model import Bank
from trainer.banks.pictures import (
    PICTURES_FOLDER_SUFFIX,
    PictureError,
    check_relative_path,
    pictures_root,
    read_picture,
)
from trainer.errors import BankError, ErrorCode, Problem, TrainerError
from trainer.files import replace_atomically
from trainer.storage import audit, settings
from trainer.storage.database import Database


class Origin(StrEnum):
    SHIPPED = "shipped"
    IMPORTED = "imported"


@dataclass(frozen=True)
class LibraryEntry:
    """One file of the library: a loaded bank, or the problems that stopped it."""

    path: Path
    origin: Origin
    bank: Bank | None = None
    problems: tuple[Problem, ...] = ()
    enabled: bool = True
    replaced: bool = False  # a shipped bank overridden by an imported one with the same id
    more_problems: int = 0  # problems found beyond those listed

    @property
    def ok(self) -> bool:
        return self.bank is not None


@dataclass(frozen=True)
class ImportResult:
    bank: Bank
    path: Path
    replaced_version: str | None = None
    archived: Path | None = None


@dataclass
class BankLibrary:
    db: Database
    shipped_dir: Path
    library_dir: Path
    actor: str | None = None
    # The compiled catalogue's file (None: summaries are made from the files every time).
    cache_path: Path | None = None
    _disabled: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._disabled = self.disabled()

    # -- state -----------------------------------------------------------------
    def disabled(self) -> set[str]:
        disabled: frozenset[str] = settings.read(self.db, settings.DISABLED_BANKS)
        return set(disabled)

    def set_enabled(self, bank_id: str, enabled: bool) -> None:
        disabled = self.disabled()
        if enabled:
            disabled.discard(bank_id)
        else:
            disabled.add(bank_id)
        settings.write(
            self.db,
            settings.DISABLED_BANKS,
            frozenset(disabled),
            audit_action="bank.enable" if enabled else "bank.disable",
            audit_detail=bank_id,
            actor=self.actor,
        )
        self._disabled = disabled

    # -- reading -----------------------------------------------------------------
    def entries(self, known: Iterable[Bank] = ()) -> list[LibraryEntry]:
        """Every bank file, shipped first, with its state (failed files included).

        A bank of ``known`` (already parsed, e.g. by the listing before an import) is
        reused for its file when the file's bytes still have its hash; others are parsed."""
        out: list[LibraryEntry] = []
        disabled = self.disabled()
        parsed = {b.path.resolve(): b for b in known if b.path is not None}
        for origin, folder in (
            (Origin.SHIPPED, self.shipped_dir),
            (Origin.IMPORTED, self.library_dir),
        ):
            for path in bank_files(folder):
                try:
                    bank = _load_or_reuse(path, parsed.get(path.resolve()))
                except BankError as exc:
                    problems = exc.problems or (Problem(path.name, 1, 1, exc.message),)
                    out.append(
                        LibraryEntry(path, origin, problems=tuple(problems), more_problems=exc.more)
                    )
                    continue
                out.append(LibraryEntry(path, origin, bank, enabled=bank.id not in disabled))
        imported = {e.bank.id for e in out if e.bank and e.origin is Origin.IMPORTED}
        return [
            LibraryEntry(e.path, e.origin, e.bank, e.problems, e.enabled, replaced=True)
            if e.origin is Origin.SHIPPED and e.bank and e.bank.id in imported
            else e
            for e in out
        ]

    def summaries(self) -> list[tuple[Origin, FileSummary]]:
        """Every bank file, shipped first, summarised (from the compiled catalogue when
        the file has not changed since)."""
        compiled = CompiledCatalog(self.cache_path)
        found = [
            (origin, compiled.file(path))
            for origin, folder in (
                (Origin.SHIPPED, self.shipped_dir),
                (Origin.IMPORTED, self.library_dir),
            )
            for path in bank_files(folder)
        ]
        compiled.save()
        return found

    def catalog(self) -> Catalog:
        """The banks trainees can take: enabled ones, imported ones replacing shipped ones.
        Only summaries are read here; a bank's questions are parsed on its first use."""
        found = self.summaries()
        disabled = self.disabled()
        imported = {f.summary.id for o, f in found if f.summary and o is Origin.IMPORTED}
        by_id: dict[str, BankSummary] = {}
        failures: list[BankFailure] = []
        for origin, f in found:
            if f.summary is None:
                failures.append(BankFailure(f.path, f.problems, f.more))
            elif f.summary.id not in disabled and not (
                origin is Origin.SHIPPED and f.summary.id in imported
            ):
                by_id[f.summary.id] = f.summary
        return Catalog(list(by_id.values()), failures, cache_path=self.cache_path)

    # -- importing ----------------------------------------------------------------
    def import_bank(self, source: Path) -> ImportResult:
        """Check a bank file and, only if it is valid, copy it into the library.

        A bank with the same id is replaced; its previous file is kept in
        ``archive/`` (attempts keep the questions as shown, so old attempts stay
        reviewable whatever happens to the bank).
        """
        data = read_bank_file(source)  # at most the size limit, whatever the file claims
        bank = load_bank_bytes(data, source.name, path=source)  # BankError: every problem
        from trainer.banks.formats.convert import placeholder_problems

        leftovers = placeholder_problems(source, data)
        if leftovers:
            raise BankError(
                "the bank is an imported draft not yet completed",
                leftovers,
                code=ErrorCode.BANK_DRAFT_INCOMPLETE,
            )
        clashes = self.module_clashes(bank)
        if clashes:
            raise BankError(
                "module ids already used by another bank", clashes, code=ErrorCode.BANK_MODULE_CLASH
            )
        self.library_dir.mkdir(parents=True, exist_ok=True)
        target = self.library_dir / f"{bank.id}.yaml"
        pictures_dir = target.with_name(target.stem + PICTURES_FOLDER_SUFFIX)
        staged = _stage_pictures(bank, self.library_dir)
        replaced_version: str | None = None
        archived: Path | None = None
        if target.exists():
            try:
                old = load_bank(target)
                replaced_version = old.version
                stem = f"{old.id}-{old.version}-{old.content_hash[:8]}"
            except BankError:
                stem = f"{bank.id}-damaged"
            archive = self.library_dir / "archive"
            archive.mkdir(exist_ok=True)
            archived = archive / f"{safe_file_stem(stem)}.yaml"
            shutil.copy2(target, archived)
            if pictures_dir.is_dir():  # the old version's pictures go with its archived file
                kept = archived.with_name(archived.stem + PICTURES_FOLDER_SUFFIX)
                shutil.rmtree(kept, ignore_errors=True)
                pictures_dir.rename(kept)
        if pictures_dir.is_dir():
            shutil.rmtree(pictures_dir)
        if staged is not None:
            staged.rename(pictures_dir)
        _atomic_write(data, target)
        # The bytes written are those just parsed: the bank is not parsed again, and the
        # compiled catalogue learns its summary now (the next listing does not parse it).
        # A bank with pictures is read again from the library, so that its pictures are the
        # copies beside it (and checked there), not the files it was imported from.
        loaded = load_bank(target) if staged is not None else replace(bank, path=target)
        if self.cache_path is not None:
            CompiledCatalog(self.cache_path).record(loaded)
        detail = f"{bank.id} {bank.version} from {source.name}"
        if replaced_version is not None:
            detail += f" (replaces {replaced_version})"
        audit.record(self.db, "bank.import", detail, actor=self.actor)
        return ImportResult(loaded, target, replaced_version, archived)

    def module_clashes(self, bank: Bank) -> list[Problem]:
        """A problem for each module of ``bank`` whose id another bank of the library
        already uses (a certificate names a module by its id: two banks must not share
        one). The bank's own earlier version does not count."""
        owners: dict[str, str] = {}
        for _origin, found in self.summaries():
            if found.summary is not None and found.summary.id != bank.id:
                for module in found.summary.modules:
                    owners.setdefault(module.id, found.summary.id)
        name = bank.path.name if bank.path else bank.id
        return [
            Problem(
                name,
                1,
                1,
                f"module '{m.id}': this module id is already used by bank '{owners[m.id]}';"
                " module ids must be unique across the library (rename the module)",
            )
            for m in bank.modules
            if m.id in owners
        ]


def _stage_pictures(bank: Bank, library_dir: Path) -> Path | None:
    """Copy the pictures of a checked bank into a new folder of the library (None when it
    shows none). Each file is read again and must be the one that was checked."""
    pictures = {p.file: p for p in bank.pictures() if p.path is not None}
    if not pictures:
        return None
    staged = library_dir / f".{bank.id}{PICTURES_FOLDER_SUFFIX}.new"
    shutil.rmtree(staged, ignore_errors=True)
    source_root = pictures_root(bank.path) if bank.path is not None else None
    try:
        for file, picture in pictures.items():
            if source_root is None:
                raise PictureError(f"'{file}' has no folder to be copied from")
            _path, content, info = read_picture(source_root, file)
            if info.sha256 != picture.sha256:
                raise PictureError(f"the picture '{file}' changed while the bank was imported")
            target = staged.joinpath(*check_relative_path(file).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    except PictureError as exc:
        shutil.rmtree(staged, ignore_errors=True)
        name = bank.path.name if bank.path else bank.id
        raise BankError("a picture could not be copied", [Problem(name, 1, 1, str(exc))]) from None
    except OSError as exc:
        shutil.rmtree(staged, ignore_errors=True)
        raise TrainerError(
            f"cannot write the bank's pictures into the library: {exc.strerror}",
            where=str(staged),
            code=ErrorCode.BANK_NOT_WRITTEN,
            params={"reason": exc.strerror or str(exc)},
        ) from exc
    return staged


_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_stem(text: str) -> str:
    """``text`` as one file name (no folder separators, no leading dot, bounded)."""
    return _UNSAFE_IN_NAME.sub("_", text).lstrip(".")[:120] or "bank"


def _load_or_reuse(path: Path, known: Bank | None) -> Bank:
    """The bank of ``path``: ``known`` when the file still holds the bytes it was parsed
    from (their hash is compared), parsed otherwise."""
    if known is None:
        return load_bank(path)
    data = read_bank_file(path)
    if hashlib.sha256(data).hexdigest() == known.content_hash:
        return replace(known, path=path)
    return load_bank_bytes(data, path.name, path=path)


def _atomic_write(data: bytes, target: Path) -> None:
    """Write beside the target, then rename over it: the library never holds half a bank."""
    replace_atomically(
        target,
        lambda tmp: tmp.write_bytes(data),
        fail=lambda exc: TrainerError(
            f"cannot write the bank into the library: {exc.strerror}",
            where=str(target),
            code=ErrorCode.BANK_NOT_WRITTEN,
            params={"reason": exc.strerror or str(exc)},
        ),
    )
