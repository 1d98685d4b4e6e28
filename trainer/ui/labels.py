"""Translated names for the domain's fixed values (institutions, topics, kinds ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from trainer.access import Role
from trainer.storage.trainees import Institution
from trainer.text import NameCheck, NameProblem
from trainer.ui.i18n import fmt

if TYPE_CHECKING:  # the bank model loads with the first bank, not at start-up
    from trainer.banks.model import Audience, Kind, Topic


def _tr(text: object) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP (typed as object by PySide6)."""
    return QCoreApplication.translate("Labels", str(text))


def institution(value: Institution) -> str:
    return {
        Institution.POLICE: _tr(QT_TRANSLATE_NOOP("Labels", "Police")),
        Institution.PROSECUTION: _tr(QT_TRANSLATE_NOOP("Labels", "Prosecution service")),
        Institution.JUDICIARY: _tr(QT_TRANSLATE_NOOP("Labels", "Judiciary")),
        Institution.OTHER: _tr(QT_TRANSLATE_NOOP("Labels", "Other")),
    }[value]


def role(value: Role) -> str:
    return {
        Role.TRAINEE: _tr(QT_TRANSLATE_NOOP("Labels", "trainee")),
        Role.TRAINER: _tr(QT_TRANSLATE_NOOP("Labels", "trainer")),
        Role.COORDINATOR: _tr(QT_TRANSLATE_NOOP("Labels", "coordinator")),
    }[value]


def audience(value: Audience) -> str:
    return {
        "police": _tr(QT_TRANSLATE_NOOP("Labels", "Police officers")),
        "prosecutors": _tr(QT_TRANSLATE_NOOP("Labels", "Prosecutors")),
        "judges": _tr(QT_TRANSLATE_NOOP("Labels", "Judges")),
    }[str(value)]


def topic(value: Topic | str) -> str:
    return {
        "indicators": _tr(QT_TRANSLATE_NOOP("Labels", "Trafficking indicators")),
        "referral": _tr(QT_TRANSLATE_NOOP("Labels", "Referral and protection")),
        "legal_standards": _tr(QT_TRANSLATE_NOOP("Labels", "Legal standards")),
    }.get(str(value), str(value))


def kind(value: Kind | str) -> str:
    return {
        "single_choice": _tr(QT_TRANSLATE_NOOP("Labels", "Single choice")),
        "multiple_response": _tr(QT_TRANSLATE_NOOP("Labels", "Multiple response")),
        "true_false": _tr(QT_TRANSLATE_NOOP("Labels", "True or false")),
        "ordering": _tr(QT_TRANSLATE_NOOP("Labels", "Ordering")),
        "matching": _tr(QT_TRANSLATE_NOOP("Labels", "Matching")),
        "scenario": _tr(QT_TRANSLATE_NOOP("Labels", "Case study")),
        "short_answer": _tr(QT_TRANSLATE_NOOP("Labels", "Short answer")),
        "numerical": _tr(QT_TRANSLATE_NOOP("Labels", "Numerical")),
    }.get(str(value), str(value))


def audience_for(value: Institution) -> Audience | None:
    """Which modules a trainee sees: their institution's track (all for 'other')."""
    from trainer.banks.model import Audience

    return {
        Institution.POLICE: Audience.POLICE,
        Institution.PROSECUTION: Audience.PROSECUTORS,
        Institution.JUDICIARY: Audience.JUDGES,
    }.get(value)


def name_problem(check: NameCheck) -> str:
    """Why a name cannot be used (``trainer.text.name_problem``), in the interface's words."""
    messages = {
        NameProblem.EMPTY: _tr(QT_TRANSLATE_NOOP("Labels", "Please enter a name.")),
        NameProblem.TOO_LONG: _tr(
            QT_TRANSLATE_NOOP("Labels", "A name may be at most 200 characters.")
        ),
        NameProblem.CONTROL: _tr(
            QT_TRANSLATE_NOOP("Labels", "The name contains control or invisible characters: %1")
        ),
        NameProblem.NO_LETTER: _tr(QT_TRANSLATE_NOOP("Labels", "The name contains no letter.")),
        NameProblem.RIGHT_TO_LEFT: _tr(
            QT_TRANSLATE_NOOP(
                "Labels",
                "Names in right-to-left scripts (Arabic, Hebrew) cannot be printed on a "
                "certificate yet: please write the name in Latin letters.",
            )
        ),
        NameProblem.UNPRINTABLE: _tr(
            QT_TRANSLATE_NOOP(
                "Labels",
                "The certificate cannot print these characters: %1. Please write the name "
                "in Latin, Greek or Cyrillic letters.",
            )
        ),
    }
    assert check.problem is not None
    return fmt(messages[check.problem], check.characters)


_AUDIT_ACTIONS = {
    "account.create": QT_TRANSLATE_NOOP("Labels", "Account created"),
    "account.disable": QT_TRANSLATE_NOOP("Labels", "Account disabled"),
    "account.enable": QT_TRANSLATE_NOOP("Labels", "Account enabled"),
    "account.locked": QT_TRANSLATE_NOOP("Labels", "Account locked"),
    "account.reset_password": QT_TRANSLATE_NOOP("Labels", "Password reset"),
    "account.sign_in": QT_TRANSLATE_NOOP("Labels", "Staff signed in"),
    "account.sign_in_failed": QT_TRANSLATE_NOOP("Labels", "Sign-in failed"),
    "account.sign_in_refused": QT_TRANSLATE_NOOP("Labels", "Sign-in refused"),
    "account.sign_out": QT_TRANSLATE_NOOP("Labels", "Staff signed out"),
    "audit.export": QT_TRANSLATE_NOOP("Labels", "Audit log exported"),
    "backup.create": QT_TRANSLATE_NOOP("Labels", "Backup made"),
    "backup.restore": QT_TRANSLATE_NOOP("Labels", "Backup restored"),
    "bank.disable": QT_TRANSLATE_NOOP("Labels", "Question bank disabled"),
    "bank.enable": QT_TRANSLATE_NOOP("Labels", "Question bank enabled"),
    "bank.draft": QT_TRANSLATE_NOOP("Labels", "Bank draft saved"),
    "bank.export": QT_TRANSLATE_NOOP("Labels", "Question bank exported"),
    "bank.import": QT_TRANSLATE_NOOP("Labels", "Question bank imported"),
    "bundle.export": QT_TRANSLATE_NOOP("Labels", "Results bundle exported"),
    "bundle.import": QT_TRANSLATE_NOOP("Labels", "Results bundle imported"),
    "bundle.import_refused": QT_TRANSLATE_NOOP("Labels", "Results bundle refused"),
    "central.connect": QT_TRANSLATE_NOOP("Labels", "Connected to the central database"),
    "central.disconnect": QT_TRANSLATE_NOOP("Labels", "Disconnected from the central database"),
    "central.publish_accounts": QT_TRANSLATE_NOOP("Labels", "Staff accounts published centrally"),
    "central.publish_bank": QT_TRANSLATE_NOOP("Labels", "Question bank published centrally"),
    "central.send_again": QT_TRANSLATE_NOOP(
        "Labels", "Records refused by the central database sent again"
    ),
    "certificate.batch": QT_TRANSLATE_NOOP("Labels", "Certificates generated in batch"),
    "certificate.export_csv": QT_TRANSLATE_NOOP("Labels", "Certificate register exported"),
    "certificate.export_revocations": QT_TRANSLATE_NOOP("Labels", "Revocations exported"),
    "certificate.import_revocations": QT_TRANSLATE_NOOP("Labels", "Revocations imported"),
    "certificate.issue": QT_TRANSLATE_NOOP("Labels", "Certificate issued"),
    "certificate.pdf": QT_TRANSLATE_NOOP("Labels", "Certificate saved as PDF"),
    "certificate.programme": QT_TRANSLATE_NOOP("Labels", "Programme certificate issued"),
    "certificate.revoke": QT_TRANSLATE_NOOP("Labels", "Certificate revoked"),
    "certificate.settings": QT_TRANSLATE_NOOP("Labels", "Certificate settings changed"),
    "keys.export": QT_TRANSLATE_NOOP("Labels", "Public key exported"),
    "keys.import": QT_TRANSLATE_NOOP("Labels", "Trusted key imported"),
    "keys.remove": QT_TRANSLATE_NOOP("Labels", "Trusted key removed"),
    "keys.trust": QT_TRANSLATE_NOOP("Labels", "Workstation key trusted"),
    "results.export": QT_TRANSLATE_NOOP("Labels", "Results exported"),
    "results.item_analysis_export": QT_TRANSLATE_NOOP("Labels", "Item analysis exported"),
    "results.summary_export": QT_TRANSLATE_NOOP("Labels", "Programme summary exported"),
    "results.transcript": QT_TRANSLATE_NOOP("Labels", "Trainee transcript saved"),
    "settings.change": QT_TRANSLATE_NOOP("Labels", "Settings changed"),
}


def audit_action(code: str) -> str:
    """An audit entry's action in words (an action this version does not know: its code)."""
    text = _AUDIT_ACTIONS.get(code)
    return _tr(text) if text is not None else code
