"""Core errors in the interface language: one table from each error code to its text.

The core raises ``TrainerError(message, code=..., params=...)`` with an English
message for logs and the command line; the interface shows ``error_text(error)``,
which says the same in the user's language. An error without a code (or with a code
missing here, which a test forbids) falls back to its English message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject

from trainer.access import Role
from trainer.errors import ErrorCode, TrainerError
from trainer.ui import labels
from trainer.ui.i18n import fmt

Params = Mapping[str, object]


def _int(params: Params, key: str) -> int:
    value = params.get(key, 0)
    return value if isinstance(value, int) else 0


def _role(params: Params, key: str) -> str:
    value = params.get(key)
    try:
        return labels.role(Role(str(value)))
    except ValueError:
        return str(value)


class ErrorTexts(QObject):
    """The table: a code to a function of the error's parameters (``self.tr`` gives
    translators the context "ErrorTexts" and Qt's plural forms)."""

    def table(self) -> dict[ErrorCode, Callable[[Params], str]]:
        return {
            # the quiz engine
            ErrorCode.QUIZ_NOT_ENOUGH_QUESTIONS: lambda p: fmt(
                self.tr(
                    "Module “%1” asks for %n question(s), but only %2 are available.",
                    "",
                    _int(p, "wanted"),
                ),
                p.get("module", ""),
                _int(p, "available"),
            ),
            ErrorCode.QUIZ_MODULE_EMPTY: lambda p: fmt(
                self.tr("Module “%1” has no questions."), p.get("module", "")
            ),
            ErrorCode.QUIZ_QUESTIONS_GONE: lambda p: self.tr(
                "None of those questions is in this module any more."
            ),
            ErrorCode.QUIZ_NO_SUCH_QUESTION: lambda p: fmt(
                self.tr("There is no question %1."), _int(p, "number")
            ),
            ErrorCode.QUIZ_ATTEMPT_FINISHED: lambda p: self.tr(
                "This attempt is finished; its answers can no longer change."
            ),
            ErrorCode.QUIZ_TIME_UP: lambda p: self.tr("The time for this exam is up."),
            ErrorCode.QUIZ_ANSWER_CHECKED: lambda p: self.tr(
                "This answer has been checked; choose Try again to change it."
            ),
            ErrorCode.QUIZ_EXAM_NO_CHECK: lambda p: self.tr(
                "Answers are checked only at the end of an exam."
            ),
            ErrorCode.QUIZ_ANSWER_FIRST: lambda p: self.tr(
                "Answer the question before checking it."
            ),
            ErrorCode.QUIZ_EXAM_NO_RETRY: lambda p: self.tr("An exam question cannot be retried."),
            ErrorCode.QUIZ_ATTEMPT_IN_PROGRESS: lambda p: fmt(
                self.tr(
                    "An attempt at module “%1” is still in progress; resume or submit it "
                    "before starting another.",
                ),
                p.get("module", ""),
            ),
            # who may do what, staff accounts and signing in
            ErrorCode.ACCESS_NEEDS_ROLE: lambda p: fmt(
                self.tr("This needs a %1 account; sign in from the Staff menu."),
                _role(p, "role"),
            ),
            ErrorCode.ACCESS_NEEDS_OTHER_ROLE: lambda p: fmt(
                self.tr("This needs a %1 account (you are signed in as %2)."),
                _role(p, "role"),
                _role(p, "current"),
            ),
            ErrorCode.ACCESS_SIGNED_OUT: lambda p: self.tr(
                "You were signed out after a period of inactivity; sign in again."
            ),
            ErrorCode.SIGN_IN_FAILED: lambda p: self.tr("Wrong account name or password."),
            ErrorCode.ACCOUNT_LOCKED: lambda p: self.tr(
                "Too many wrong passwords. Try again in %n second(s).", "", _int(p, "seconds")
            ),
            ErrorCode.ACCOUNT_DISABLED: lambda p: self.tr(
                "This account is disabled. Ask a coordinator."
            ),
            ErrorCode.ACCOUNT_UNKNOWN: lambda p: fmt(
                self.tr("There is no staff account named “%1”."),
                p.get("name", ""),
            ),
            ErrorCode.ACCOUNT_EXISTS: lambda p: fmt(
                self.tr("An account named “%1” already exists."),
                p.get("name", ""),
            ),
            ErrorCode.ACCOUNT_NAME_MISSING: lambda p: self.tr("Please give the account a name."),
            ErrorCode.ACCOUNT_NAME_TOO_LONG: lambda p: self.tr(
                "An account name may be at most %n character(s).", "", _int(p, "maximum")
            ),
            ErrorCode.ACCOUNT_NOT_STAFF: lambda p: self.tr(
                "A staff account is for a trainer or a coordinator."
            ),
            ErrorCode.ACCOUNT_LAST_COORDINATOR: lambda p: self.tr(
                "The last active coordinator account cannot be disabled."
            ),
            ErrorCode.PASSWORD_TOO_SHORT: lambda p: self.tr(
                "A password needs at least %n character(s).", "", _int(p, "minimum")
            ),
            ErrorCode.PASSWORD_TOO_LONG: lambda p: self.tr(
                "A password may be at most %n character(s).", "", _int(p, "maximum")
            ),
            ErrorCode.PASSWORD_BLANK: lambda p: self.tr("A password cannot be only spaces."),
            # the workspace and its database at start-up
            ErrorCode.DATABASE_MISSING: lambda p: fmt(
                self.tr(
                    "The database is missing or empty, but the backup %1 (taken %2) holds data, so "
                    "nothing was created. Restore that backup from the command line:\n"
                    '  python -m trainer restore "%1" --data-dir "%3"',
                ),
                p.get("backup", ""),
                p.get("taken", ""),
                p.get("data_dir", ""),
            ),
            ErrorCode.DATABASE_DISK_FULL: lambda p: self.tr(
                "The disk is full or cannot be written; free some space and try again."
            ),
            ErrorCode.DATABASE_LOCKED: lambda p: self.tr(
                "The database is in use by another program; close it and try again."
            ),
            ErrorCode.DATABASE_DAMAGED: lambda p: self.tr("The database file is damaged."),
            ErrorCode.DATABASE_READ_ONLY: lambda p: self.tr("The database file is read-only."),
            ErrorCode.DATABASE_NOT_CREATED: lambda p: fmt(
                self.tr("The database cannot be created (%1)."),
                p.get("reason", ""),
            ),
            # the bank library
            ErrorCode.BANK_DRAFT_INCOMPLETE: lambda p: self.tr(
                "This bank is an imported draft that is not yet completed."
            ),
            ErrorCode.BANK_MODULE_CLASH: lambda p: self.tr(
                "Some module ids of this bank are already used by another bank."
            ),
            ErrorCode.BANK_NOT_WRITTEN: lambda p: fmt(
                self.tr("The bank cannot be written into the library (%1)."),
                p.get("reason", ""),
            ),
            # certificates
            ErrorCode.CERTIFICATE_LOGO_MISSING: lambda p: self.tr("The logo file does not exist."),
            ErrorCode.CERTIFICATE_TOO_MANY_SIGNATORIES: lambda p: self.tr(
                "A certificate has room for three signatories at most."
            ),
            ErrorCode.CERTIFICATE_OTHER_ISSUER: lambda p: fmt(
                self.tr(
                    "Certificate %1 was issued by %2 (key %3): only that installation can change it.",
                ),
                p.get("number", ""),
                p.get("issuer", ""),
                p.get("key", ""),
            ),
            ErrorCode.CERTIFICATE_FILE_MISSING: lambda p: self.tr("The file does not exist."),
            ErrorCode.CERTIFICATE_FILE_IS_FOLDER: lambda p: self.tr(
                "This is a folder, not a file."
            ),
            ErrorCode.CERTIFICATE_FILE_TOO_LARGE: lambda p: fmt(
                self.tr("This file is too large to be a certificate (more than %1)."),
                p.get("limit", ""),
            ),
            ErrorCode.CERTIFICATE_FILE_UNREADABLE: lambda p: fmt(
                self.tr("The file cannot be read (%1)."), p.get("reason", "")
            ),
            ErrorCode.CERTIFICATE_NOT_A_PDF: lambda p: self.tr(
                "This file cannot be read as a PDF."
            ),
            ErrorCode.CERTIFICATE_TOO_MANY_PAGES: lambda p: self.tr(
                "This PDF has too many pages to be a certificate."
            ),
            ErrorCode.CERTIFICATE_FOLDER_NOT_CREATED: lambda p: self.tr(
                "The folder cannot be created."
            ),
            ErrorCode.REVOCATIONS_TOO_LARGE: lambda p: fmt(
                self.tr("The revocation list is larger than %1."),
                p.get("limit", ""),
            ),
            ErrorCode.REVOCATIONS_UNREADABLE: lambda p: self.tr(
                "The revocation list cannot be read."
            ),
            ErrorCode.REVOCATIONS_NOT_A_LIST: lambda p: self.tr(
                "This is not a TiP Trainer revocation list."
            ),
            ErrorCode.REVOCATIONS_DAMAGED: lambda p: self.tr("The revocation list is damaged."),
            ErrorCode.REVOCATIONS_NOT_VALID: lambda p: self.tr(
                "The revocation list is not valid: its signature does not match a trusted issuer."
            ),
            # the central database
            ErrorCode.CENTRAL_BAD_ADDRESS: lambda p: fmt(
                self.tr("The central database address is not valid: %1."), p.get("reason", "")
            ),
            ErrorCode.CENTRAL_UNREACHABLE: lambda p: fmt(
                self.tr(
                    "The central database server %1 cannot be reached. Work goes on here; "
                    "results will be sent when it can be reached."
                ),
                p.get("host", ""),
            ),
            ErrorCode.CENTRAL_WRONG_PASSWORD: lambda p: fmt(
                self.tr("The central database refused the user name “%1” or its password."),
                p.get("user", ""),
            ),
            ErrorCode.CENTRAL_TLS_FAILED: lambda p: fmt(
                self.tr("The secure (TLS) connection to the central database failed: %1."),
                p.get("reason", ""),
            ),
            ErrorCode.CENTRAL_NOT_PREPARED: lambda p: self.tr(
                "The central database has not been prepared for TiP Trainer yet "
                "(python -m trainer central init-server)."
            ),
            ErrorCode.CENTRAL_SCHEMA_NEWER: lambda p: fmt(
                self.tr(
                    "The central database has schema version %1, newer than this program "
                    "knows (%2). Update TiP Trainer on this workstation; work goes on here."
                ),
                p.get("server", ""),
                p.get("app", ""),
            ),
            ErrorCode.CENTRAL_SCHEMA_OLDER: lambda p: fmt(
                self.tr(
                    "The central database has schema version %1, older than this program "
                    "needs (%2). Ask the coordinator to upgrade it (central init-server)."
                ),
                p.get("server", ""),
                p.get("app", ""),
            ),
            ErrorCode.CENTRAL_APP_TOO_OLD: lambda p: fmt(
                self.tr(
                    "The central database needs TiP Trainer %1 or newer; this is %2. "
                    "Update TiP Trainer on this workstation; work goes on here."
                ),
                p.get("needed", ""),
                p.get("app", ""),
            ),
            ErrorCode.CENTRAL_NOT_A_WORKSTATION: lambda p: fmt(
                self.tr(
                    "The central database user “%1” is not registered as a workstation "
                    "(python -m trainer central add-workstation)."
                ),
                p.get("user", ""),
            ),
            ErrorCode.CENTRAL_OTHER_WORKSTATION: lambda p: fmt(
                self.tr(
                    "These central database credentials belong to another workstation (%1)."
                ),
                p.get("workstation", ""),
            ),
            ErrorCode.CENTRAL_BAD_DATA: lambda p: fmt(
                self.tr("The central database sent data that was refused: %1."),
                p.get("what", ""),
            ),
            ErrorCode.CENTRAL_CONNECTION_LOST: lambda p: self.tr(
                "The connection to the central database was lost; what was not confirmed "
                "will be sent again next time."
            ),
            ErrorCode.CENTRAL_REFUSED: lambda p: fmt(
                self.tr("The central database refused the change: %1."), p.get("reason", "")
            ),
            ErrorCode.CENTRAL_SETTINGS_UNREADABLE: lambda p: fmt(
                self.tr("The central database settings cannot be read: %1."),
                p.get("reason", ""),
            ),
            ErrorCode.CENTRAL_NOT_CONNECTED: lambda p: self.tr(
                "This workstation is not connected to a central database."
            ),
        }


def has_text(code: ErrorCode) -> bool:
    return code in ErrorTexts().table()


def error_text(error: TrainerError) -> str:
    """What to tell the user, in the interface language, with where it happened."""
    make = ErrorTexts().table().get(error.code) if error.code is not None else None
    if make is None:
        return str(error)
    text = make(error.params)
    return f"{error.where}: {text}" if error.where else text
