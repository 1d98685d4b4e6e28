"""One attempt in progress per trainee: the rule the start of a module enforces."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.errors import ErrorCode, QuizError

if TYPE_CHECKING:
    from trainer.storage.attempts import AttemptRepository, AttemptSummary


def active_attempt(attempts: AttemptRepository, trainee_id: int) -> AttemptSummary | None:
    """The trainee's attempt in progress, if any (the most recent if, wrongly, several)."""
    open_attempts = attempts.unfinished(trainee_id)
    return open_attempts[0] if open_attempts else None


def ensure_no_active_attempt(attempts: AttemptRepository, trainee_id: int) -> None:
    """Raise QuizError if the trainee already has an attempt in progress."""
    current = active_attempt(attempts, trainee_id)
    if current is not None:
        raise QuizError(
            f"an attempt at module '{current.module_id}' is still in progress; "
            "resume or submit it before starting another",
            code=ErrorCode.QUIZ_ATTEMPT_IN_PROGRESS,
            params={"module": current.module_id},
        )
