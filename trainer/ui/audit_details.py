"""An audit entry's detail in the interface language.

The log stores each detail as the English sentence the action wrote (it is hash-chained
and exported as it is, so it never changes). Each action writes its detail to one
pattern: read back into its parts here, the detail is worded again in the interface
language. A detail that follows no known pattern (an older or newer version's) is shown
as stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from trainer.storage import settings as stored
from trainer.ui.i18n import fmt


def _tr(text: object) -> str:
    return QCoreApplication.translate("AuditDetails", str(text))


def _role(value: str) -> str:
    words = {
        "trainer": QT_TRANSLATE_NOOP("AuditDetails", "trainer"),
        "coordinator": QT_TRANSLATE_NOOP("AuditDetails", "coordinator"),
    }
    return _tr(words[value]) if value in words else value


def _reason(value: str) -> str:
    words = {
        "signed out": QT_TRANSLATE_NOOP("AuditDetails", "signed out"),
        "inactivity": QT_TRANSLATE_NOOP("AuditDetails", "after a period of inactivity"),
        "left the staff area": QT_TRANSLATE_NOOP("AuditDetails", "left the staff area"),
        "database restored": QT_TRANSLATE_NOOP("AuditDetails", "the database was restored"),
    }
    return _tr(words[value]) if value in words else value


def _what(value: str) -> str:
    words = {
        "attempts": QT_TRANSLATE_NOOP("AuditDetails", "attempts"),
        "responses": QT_TRANSLATE_NOOP("AuditDetails", "responses"),
    }
    return _tr(words[value]) if value in words else value


def _setting(value: str) -> str:
    words = {
        stored.BACKUPS_KEEP.key: QT_TRANSLATE_NOOP("AuditDetails", "backups kept"),
        stored.STAFF_TIMEOUT_MINUTES.key: QT_TRANSLATE_NOOP(
            "AuditDetails", "staff signed out after (minutes)"
        ),
        stored.EXAM_FULLSCREEN.key: QT_TRANSLATE_NOOP("AuditDetails", "exams fill the screen"),
    }
    return _tr(words[value]) if value in words else value


def _cancelled(value: str) -> str:
    return _tr(QT_TRANSLATE_NOOP("AuditDetails", " (cancelled)")) if value else ""


def _replaces(value: str) -> str:
    if not value:
        return ""
    return fmt(_tr(QT_TRANSLATE_NOOP("AuditDetails", " (replaces version %1)")), value)


def _kept(value: str) -> str:
    if not value:
        return ""
    return fmt(_tr(QT_TRANSLATE_NOOP("AuditDetails", "; the empty file was kept as %1")), value)


@dataclass(frozen=True)
class DetailPattern:
    action: str
    pattern: re.Pattern[str]
    template: str  # QT_TRANSLATE_NOOP("AuditDetails", …) with %1 … in the pattern's group order
    words: tuple[Callable[[str], str] | None, ...] = ()  # per group: how to word it


def _p(
    action: str,
    pattern: str,
    template: object,  # QT_TRANSLATE_NOOP's result
    *words: Callable[[str], str] | None,
) -> DetailPattern:
    return DetailPattern(action, re.compile(pattern, re.DOTALL), str(template), words)


PATTERNS = (
    _p(
        "results.export",
        r"(\d+) (attempts|responses) as ([\w-]+) to (.+)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 %2 as %3 to %4"),
        None,
        _what,
    ),
    _p(
        "results.item_analysis_export",
        r"(.+) to (.+)",
        QT_TRANSLATE_NOOP("AuditDetails", "module %1 to %2"),
    ),
    _p(
        "results.summary_export",
        r"programme summary (CSV|PDF) to (.+)",
        QT_TRANSLATE_NOOP("AuditDetails", "programme summary (%1) to %2"),
    ),
    _p(
        "results.transcript",
        r"transcript of (\S+) to (.+)",
        QT_TRANSLATE_NOOP("AuditDetails", "transcript of trainee %1 to %2"),
    ),
    _p(
        "audit.export",
        r"(\d+) entries to (.+)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 entries to %2"),
    ),
    _p(
        "account.create",
        r"(.+) \((trainer|coordinator)\)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 (%2)"),
        None,
        _role,
    ),
    _p("account.sign_out", r"(.+)", QT_TRANSLATE_NOOP("AuditDetails", "%1"), _reason),
    _p(
        "account.locked",
        r"(.+) until (\S+) after (\d+) failures",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 until %2 after %3 failed sign-ins"),
    ),
    _p(
        "account.sign_in_refused",
        r"(.+): locked until (\S+)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1: locked until %2"),
    ),
    _p(
        "settings.change",
        r"(\w+) = (.*)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 = %2"),
        _setting,
    ),
    _p(
        "setup",
        r"institution: (.*)",
        QT_TRANSLATE_NOOP("AuditDetails", "institution: %1"),
    ),
    _p(
        "certificate.pdf",
        r"(\d+) PDF\(s\)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 PDF files"),
    ),
    _p(
        "certificate.batch",
        r"(\d+) written to (.+?)( \(cancelled\))?",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 written to %2%3"),
        None,
        None,
        _cancelled,
    ),
    _p(
        "certificate.export_csv",
        r"(\d+) -> (.+)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 certificates to %2"),
    ),
    _p(
        "certificate.export_revocations",
        r"(\d+) -> (.+)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 revocations to %2"),
    ),
    _p(
        "certificate.import_revocations",
        r"(\d+) new from (.+) \((.+)\)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 new from %2 (%3)"),
    ),
    _p(
        "keys.trust",
        r"(\S+) \((.*)\) for bundles",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 (%2) for results bundles"),
    ),
    _p(
        "bank.import",
        r"(\S+) (\S+) from (.+?)(?: \(replaces (.+)\))?",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 version %2 from %3%4"),
        None,
        None,
        None,
        _replaces,
    ),
    _p(
        "bank.export",
        r"(\S+) (\S+) as ([\w-]+) \((\w+)\)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 version %2 as %3 (%4)"),
    ),
    _p(
        "session.enrol",
        r"session (\d+): (\d+) participants",
        QT_TRANSLATE_NOOP("AuditDetails", "session %1: %2 participants"),
    ),
    _p(
        "session.unenrol",
        r"session (\d+): trainee (\d+)",
        QT_TRANSLATE_NOOP("AuditDetails", "session %1: trainee %2"),
    ),
    _p(
        "session.attendance",
        r"session (\d+) (\S+)",
        QT_TRANSLATE_NOOP("AuditDetails", "session %1, %2"),
    ),
    _p(
        "session.report",
        r"session (\d+) to (.+)",
        QT_TRANSLATE_NOOP("AuditDetails", "session %1 to %2"),
    ),
    _p(
        "backup.restore",
        r"(.+) \(the database as it was is kept as (.+)\)",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 (the database as it was is kept as %2)"),
    ),
    _p(
        "database.recover",
        r"(.+) restored in place of a missing or empty database"
        r"(?:; the empty file was kept as (.+))?",
        QT_TRANSLATE_NOOP("AuditDetails", "%1 restored in place of a missing or empty database%2"),
        None,
        _kept,
    ),
)
_BY_ACTION: dict[str, list[DetailPattern]] = {}
for _pattern in PATTERNS:
    _BY_ACTION.setdefault(_pattern.action, []).append(_pattern)


def detail_text(action: str, detail: str) -> str:
    """``detail`` of an ``action`` entry, worded in the interface language."""
    for known in _BY_ACTION.get(action, ()):
        found = known.pattern.fullmatch(detail)
        if found is None:
            continue
        values = []
        for i, value in enumerate(found.groups()):
            word = known.words[i] if i < len(known.words) else None
            values.append(word(value or "") if word is not None else (value or ""))
        return fmt(_tr(known.template), *values)
    return detail
