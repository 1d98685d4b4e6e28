"""Translated names for the domain's fixed values (institutions, topics, kinds ...)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trainer.banks.model import Audience, Kind, Topic
from trainer.storage.trainees import Institution


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def institution(value: Institution) -> str:
    return {
        Institution.POLICE: _tr("Police"),
        Institution.PROSECUTION: _tr("Prosecution service"),
        Institution.JUDICIARY: _tr("Judiciary"),
        Institution.OTHER: _tr("Other"),
    }[value]


def audience(value: Audience) -> str:
    return {
        Audience.POLICE: _tr("Police officers"),
        Audience.PROSECUTORS: _tr("Prosecutors"),
        Audience.JUDGES: _tr("Judges"),
    }[value]


def topic(value: Topic | str) -> str:
    return {
        "indicators": _tr("Trafficking indicators"),
        "referral": _tr("Referral and protection"),
        "legal_standards": _tr("Legal standards"),
    }.get(str(value), str(value))


def kind(value: Kind | str) -> str:
    return {
        "single_choice": _tr("Single choice"),
        "multiple_response": _tr("Multiple response"),
        "true_false": _tr("True or false"),
        "ordering": _tr("Ordering"),
        "matching": _tr("Matching"),
        "scenario": _tr("Case study"),
    }.get(str(value), str(value))


def audience_for(value: Institution) -> Audience | None:
    """Which modules a trainee sees: their institution's track (all for 'other')."""
    return {
        Institution.POLICE: Audience.POLICE,
        Institution.PROSECUTION: Audience.PROSECUTORS,
        Institution.JUDICIARY: Audience.JUDGES,
    }.get(value)
