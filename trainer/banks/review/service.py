"""Reviewing the banks of a data folder: the library, files, attempts where allowed."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.access import Permission, can, session_role
from trainer.banks.library import LibraryEntry
from trainer.banks.model import Bank
from trainer.banks.review.engine import BankReview, load_for_review, review_banks
from trainer.banks.review.rules import LANGUAGES
from trainer.errors import AccessDeniedError, TrainerError
from trainer.results.analysis import ModuleAnalysis
from trainer.storage import settings

if TYPE_CHECKING:
    from trainer.workspace import Workspace

def interface_language(ws: Workspace, explicit: str | None = None) -> str:
    """``explicit``, else the interface language chosen in the window, else the system's."""
    if explicit in LANGUAGES:
        return explicit
    chosen = settings.read(ws.db, settings.UI_LANGUAGE)
    if chosen in LANGUAGES:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        code = os.environ.get(name, "")[:2]
        if code:
            return code if code in LANGUAGES else "en"
    return "en"


def library_banks(entries: Sequence[LibraryEntry]) -> list[Bank]:
    """The banks of the library that load, without shipped ones an import replaces."""
    return [e.bank for e in entries if e.bank is not None and not e.replaced]


def attempt_analyses(
    ws: Workspace, banks: Sequence[Bank]
) -> dict[str, list[ModuleAnalysis]] | None:
    """Item analyses of each bank's modules; None when the signed-in role may not see results."""
    from trainer.results import service

    try:
        if not can(session_role(ws), Permission.VIEW_RESULTS):
            return None
    except AccessDeniedError:
        return None
    return {b.id: [service.analyse_module(ws, m.id) for m in b.modules] for b in banks}


def review_targets(
    ws: Workspace, names: Sequence[str], *, whole_library: bool = False
) -> list[BankReview]:
    """Files or library bank ids (and, with ``whole_library``, every library bank).

    Near-duplicates are sought across the named banks and the whole library.
    """
    entries = ws.library().entries()
    by_id = {e.bank.id: e for e in entries if e.bank is not None and not e.replaced}
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_file():
            paths.append(path)
        elif name in by_id:
            paths.append(by_id[name].path)
        else:
            raise TrainerError(
                f"'{name}' is neither a bank file nor the id of a bank in the library "
                "(see: python -m trainer banks)"
            )
    if whole_library:
        named = {p.resolve() for p in paths}
        paths += [e.path for e in entries if not e.replaced and e.path.resolve() not in named]
    banks, invalid = load_for_review(paths)
    reviews = review_banks(
        banks, library=library_banks(entries), analyses=attempt_analyses(ws, banks)
    )
    order = {p: i for i, p in enumerate(paths)}
    return sorted([*reviews, *invalid], key=lambda r: order.get(r.path, len(order)))
