"""Every workstation setting, declared once with its key, type and default (no Qt).

A setting is read with ``read(db, SETTING)`` and written with ``write(db, SETTING,
value)``; nothing else in the program spells a setting's key. A stored text that is
not a valid value (an older version's, or edited by hand) reads as the default.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from trainer.access import DEFAULT_TIMEOUT_SECONDS
from trainer.storage import audit, backups
from trainer.storage.database import Database

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    parse: Callable[[str], T]  # raises ValueError on a text that is not a value
    text: Callable[[T], str] = str
    # What a valid value is, in the words of the error a refused change gives.
    expected: str = ""
    # A coordinator changes it among the workstation settings (``admin.change_setting``).
    workstation: bool = False


def _text(value: str) -> str:
    return value


def _flag(value: str) -> bool:
    if value not in ("0", "1"):
        raise ValueError(value)
    return value == "1"


def _flag_text(value: bool) -> str:
    return "1" if value else "0"


def _count(value: str) -> int:
    """A whole number from 1 to 1000 (digits only: no sign, no spaces)."""
    if not (value.isdigit() and 1 <= int(value) <= 1000):
        raise ValueError(value)
    return int(value)


def _number(value: str) -> int:
    return int(value)


def _ids(value: str) -> frozenset[str]:
    return frozenset(b for b in value.split(",") if b)


def _ids_text(value: frozenset[str]) -> str:
    return ",".join(sorted(value))


def _names(value: str) -> frozenset[str]:
    """A JSON list of texts (account names may hold any character but a control one)."""
    data = json.loads(value)
    if not isinstance(data, list) or not all(isinstance(n, str) for n in data):
        raise ValueError(value)
    return frozenset(data)


def _names_text(value: frozenset[str]) -> str:
    return json.dumps(sorted(value), ensure_ascii=False)


# -- the institution and its certificates ------------------------------------------------
INSTITUTION_NAME = Setting("institution_name", "", _text)
CERTIFICATE_LOGO = Setting("certificate_logo", "", _text)  # a file path; "" = the emblem
CERTIFICATE_SIGNATORIES = Setting("certificate_signatories", "[]", _text)  # JSON list
CERTIFICATE_LANGUAGE = Setting("certificate_language", "", _text)  # "" = not chosen yet

# -- the bank library ---------------------------------------------------------------------
DISABLED_BANKS = Setting("disabled_banks", frozenset[str](), _ids, _ids_text)

# -- workstation safety (changed by a coordinator) ------------------------------------------
BACKUPS_KEEP = Setting(
    "backups_keep",
    backups.DEFAULT_KEEP,
    _count,
    str,
    "a whole number from 1 to 1000 is needed",
    True,
)
STAFF_TIMEOUT_MINUTES = Setting(
    "staff_timeout_minutes",
    DEFAULT_TIMEOUT_SECONDS // 60,
    _count,
    str,
    "a whole number from 1 to 1000 is needed",
    True,
)
EXAM_FULLSCREEN = Setting(
    "exam_fullscreen", False, _flag, _flag_text, "exam full-screen is 0 or 1", True
)

# -- the interface ------------------------------------------------------------------------
UI_LANGUAGE = Setting("ui_language", "", _text)  # "" = the system's language
UI_ZOOM = Setting("ui_zoom", 100, _number)  # per cent
UI_HIGH_CONTRAST = Setting("ui_high_contrast", False, _flag, _flag_text)
# The staff accounts that have seen (or skipped) the coordinator's first-run tour.
TOUR_SEEN_BY = Setting("tour_seen_by", frozenset[str](), _names, _names_text)

ALL: tuple[Setting[Any], ...] = (
    INSTITUTION_NAME,
    CERTIFICATE_LOGO,
    CERTIFICATE_SIGNATORIES,
    CERTIFICATE_LANGUAGE,
    DISABLED_BANKS,
    BACKUPS_KEEP,
    STAFF_TIMEOUT_MINUTES,
    EXAM_FULLSCREEN,
    UI_LANGUAGE,
    UI_ZOOM,
    UI_HIGH_CONTRAST,
    TOUR_SEEN_BY,
)
BY_KEY: dict[str, Setting[Any]] = {s.key: s for s in ALL}


def read(db: Database, setting: Setting[T]) -> T:
    """The setting's value, or its default when it is unset or not a valid value."""
    raw = db.get_setting(setting.key)
    if raw is None:
        return setting.default
    try:
        return setting.parse(raw)
    except ValueError:
        return setting.default


def stored_text(db: Database, setting: Setting[Any]) -> str:
    """The setting's value as stored (its default's text when unset)."""
    raw = db.get_setting(setting.key)
    return setting.text(setting.default) if raw is None else raw


def write(
    db: Database,
    setting: Setting[T],
    value: T,
    *,
    audit_action: str | None = None,
    audit_detail: str = "",
    actor: str | None = None,
) -> None:
    """Store a value; with ``audit_action``, log it in the same transaction."""
    write_all(
        db, [(setting, value)], audit_action=audit_action, audit_detail=audit_detail, actor=actor
    )


def write_all(
    db: Database,
    values: Sequence[tuple[Setting[Any], Any]],
    *,
    audit_action: str | None = None,
    audit_detail: str = "",
    actor: str | None = None,
) -> None:
    """Store several values in one transaction (and log it there with ``audit_action``)."""
    with db.transaction() as conn:
        for setting, value in values:
            db.put_setting(conn, setting.key, setting.text(value))
        if audit_action is not None:
            audit.record(db, audit_action, audit_detail, actor=actor, conn=conn)
