"""Numbers as the interface language writes them: 1.5 in English, 1,5 in French.

``i18n.install`` makes the interface language Qt's default locale; these helpers
format with it. Whole numbers never show a decimal part.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale


def number(value: float) -> str:
    """As short as it is exact (like Python's ``g``): 2, 1.5, 12.25."""
    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "g", 6)


def fixed(value: float, digits: int) -> str:
    """With exactly ``digits`` decimals: 0.42, 0,42."""
    return QLocale().toString(float(value), "f", digits)


def day(value: date) -> str:
    """A calendar day in words: 6 December 2026, 6 décembre 2026."""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")
