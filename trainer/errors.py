"""The errors a user can act on: each becomes one clear message, never a crash."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.storage.backups import Backup


class ErrorCode(StrEnum):
    """What went wrong, for the interface to say in the user's language.

    ``TrainerError.message`` stays the English text for logs and the command line;
    the interface looks the code up (trainer/ui/errors_text.py) and fills in ``params``.
    """

    # the quiz engine
    QUIZ_NOT_ENOUGH_QUESTIONS = "quiz.not_enough_questions"  # module, wanted, available
    QUIZ_MODULE_EMPTY = "quiz.module_empty"  # module
    QUIZ_QUESTIONS_GONE = "quiz.questions_gone"
    QUIZ_NO_SUCH_QUESTION = "quiz.no_such_question"  # number
    QUIZ_ATTEMPT_FINISHED = "quiz.attempt_finished"
    QUIZ_TIME_UP = "quiz.time_up"
    QUIZ_ANSWER_CHECKED = "quiz.answer_checked"
    QUIZ_EXAM_NO_CHECK = "quiz.exam_no_check"
    QUIZ_ANSWER_FIRST = "quiz.answer_first"
    QUIZ_EXAM_NO_RETRY = "quiz.exam_no_retry"
    QUIZ_ATTEMPT_IN_PROGRESS = "quiz.attempt_in_progress"  # module
    # who may do what, staff accounts and signing in
    ACCESS_NEEDS_ROLE = "access.needs_role"  # role
    ACCESS_NEEDS_OTHER_ROLE = "access.needs_other_role"  # role, current
    ACCESS_SIGNED_OUT = "access.signed_out"
    SIGN_IN_FAILED = "account.sign_in_failed"
    ACCOUNT_LOCKED = "account.locked"  # name, seconds
    ACCOUNT_DISABLED = "account.disabled"  # name
    ACCOUNT_UNKNOWN = "account.unknown"  # name
    ACCOUNT_EXISTS = "account.exists"  # name
    ACCOUNT_NAME_MISSING = "account.name_missing"
    ACCOUNT_NAME_TOO_LONG = "account.name_too_long"  # maximum
    ACCOUNT_NOT_STAFF = "account.not_staff"
    ACCOUNT_LAST_COORDINATOR = "account.last_coordinator"
    PASSWORD_TOO_SHORT = "account.password_too_short"  # minimum
    PASSWORD_TOO_LONG = "account.password_too_long"  # maximum
    PASSWORD_BLANK = "account.password_blank"
    # the workspace and its database at start-up
    DATABASE_MISSING = "storage.database_missing"  # backup, taken, data_dir
    DATABASE_DISK_FULL = "storage.disk_full"
    DATABASE_LOCKED = "storage.locked"
    DATABASE_DAMAGED = "storage.damaged"
    DATABASE_READ_ONLY = "storage.read_only"
    DATABASE_NOT_CREATED = "storage.not_created"  # reason
    # the bank library
    BANK_DRAFT_INCOMPLETE = "bank.draft_incomplete"
    BANK_MODULE_CLASH = "bank.module_clash"
    BANK_NOT_WRITTEN = "bank.not_written"  # reason
    # certificates
    CERTIFICATE_LOGO_MISSING = "certificate.logo_missing"
    CERTIFICATE_TOO_MANY_SIGNATORIES = "certificate.too_many_signatories"
    CERTIFICATE_OTHER_ISSUER = "certificate.other_issuer"  # number, issuer, key
    CERTIFICATE_FILE_MISSING = "certificate.file_missing"
    CERTIFICATE_FILE_IS_FOLDER = "certificate.file_is_folder"
    CERTIFICATE_FILE_TOO_LARGE = "certificate.file_too_large"  # limit
    CERTIFICATE_FILE_UNREADABLE = "certificate.file_unreadable"  # reason
    CERTIFICATE_NOT_A_PDF = "certificate.not_a_pdf"
    CERTIFICATE_TOO_MANY_PAGES = "certificate.too_many_pages"
    CERTIFICATE_FOLDER_NOT_CREATED = "certificate.folder_not_created"
    REVOCATIONS_TOO_LARGE = "certificate.revocations_too_large"  # limit
    REVOCATIONS_UNREADABLE = "certificate.revocations_unreadable"
    REVOCATIONS_NOT_A_LIST = "certificate.revocations_not_a_list"
    REVOCATIONS_DAMAGED = "certificate.revocations_damaged"
    REVOCATIONS_NOT_VALID = "certificate.revocations_not_valid"
    # the central database (trainer/central/)
    CENTRAL_BAD_ADDRESS = "central.bad_address"  # reason
    CENTRAL_UNREACHABLE = "central.unreachable"  # host
    CENTRAL_WRONG_PASSWORD = "central.wrong_password"  # user
    CENTRAL_TLS_FAILED = "central.tls_failed"  # reason
    CENTRAL_NOT_PREPARED = "central.not_prepared"
    CENTRAL_SCHEMA_NEWER = "central.schema_newer"  # server, app
    CENTRAL_SCHEMA_OLDER = "central.schema_older"  # server, app
    CENTRAL_APP_TOO_OLD = "central.app_too_old"  # needed, app
    CENTRAL_NOT_A_WORKSTATION = "central.not_a_workstation"  # user
    CENTRAL_OTHER_WORKSTATION = "central.other_workstation"  # workstation
    CENTRAL_BAD_DATA = "central.bad_data"  # what
    CENTRAL_CONNECTION_LOST = "central.connection_lost"
    CENTRAL_REFUSED = "central.refused"  # reason
    CENTRAL_SETTINGS_UNREADABLE = "central.settings_unreadable"  # reason
    CENTRAL_NOT_CONNECTED = "central.not_connected"


class TrainerError(Exception):
    """A problem with the user's input or environment, explained in plain words.

    ``message`` is the English text (logs, command line); ``code`` and ``params``, when
    given, let the interface say the same in the user's language.
    """

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        code: ErrorCode | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.code = code
        self.params: dict[str, object] = dict(params or {})

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, with where it is (1-based line and column)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class BankError(TrainerError):
    """A question bank could not be loaded; ``problems`` lists every reason."""

    def __init__(
        self,
        message: str,
        problems: Sequence[Problem] = (),
        *,
        more: int = 0,
        where: str | None = None,
        code: ErrorCode | None = None,
        params: Mapping[str, object] | None = None,
    ):
        super().__init__(message, where=where, code=code, params=params)
        self.problems: tuple[Problem, ...] = tuple(problems)
        # Problems found beyond those listed: a file of junk is reported, not itemised.
        self.more = more

    @property
    def total(self) -> int:
        return len(self.problems) + self.more

    def __str__(self) -> str:
        if not self.problems:
            return super().__str__()
        lines = [str(p) for p in self.problems]
        if self.more:
            lines.append(more_problems_text(self.more))
        return "\n".join(lines)


def more_problems_text(more: int) -> str:
    """The line that stands for the problems not listed."""
    return f"... and {more} more problem(s), not listed: fix these and check the file again"


class FormatError(TrainerError):
    """A GIFT or Moodle XML file could not be read or written."""


class StorageError(TrainerError):
    """The database could not be read or written (full disk, damaged file, locked)."""


class DatabaseMissingError(StorageError):
    """The database is missing or empty while a backup holds data: nothing is created
    until someone restores that backup (or chooses otherwise). ``backup`` is its path."""

    def __init__(
        self,
        message: str,
        backup: Backup,
        *,
        where: str | None = None,
        code: ErrorCode | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, where=where, code=code, params=params)
        self.backup = backup


class QuizError(TrainerError):
    """An action that the quiz rules do not allow (answering a finished attempt, ...)."""


class ExportError(TrainerError):
    """Results could not be exported."""


class CertificateError(TrainerError):
    """A certificate could not be issued, rendered or verified."""


class CancelledError(TrainerError):
    """The user stopped a long job; nothing it would have done was done. Recognised by its
    class (``isinstance``), whatever the job: exports, bundles, batches."""


class CentralError(TrainerError):
    """The central database could not be reached, refused this workstation, or sent
    something this program cannot take; local work goes on regardless."""


class AccessDeniedError(TrainerError):
    """The signed-in user may not do this."""
