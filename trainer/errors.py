"""The errors a user can act on: each becomes one clear message, never a crash."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.storage.backups import Backup


class TrainerError(Exception):
    """A problem with the user's input or environment, explained in plain words."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

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
    ):
        super().__init__(message, where=where)
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

    def __init__(self, message: str, backup: Backup, *, where: str | None = None) -> None:
        super().__init__(message, where=where)
        self.backup = backup


class QuizError(TrainerError):
    """An action that the quiz rules do not allow (answering a finished attempt, ...)."""


class ExportError(TrainerError):
    """Results could not be exported."""


class CertificateError(TrainerError):
    """A certificate could not be issued, rendered or verified."""


class AccessDeniedError(TrainerError):
    """The signed-in user may not do this."""
