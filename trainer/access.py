"""Who may do what: roles, permissions, the signed-in staff session and staff-only actions."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from trainer.errors import AccessDeniedError, ErrorCode

# Staff are signed out after this long without using the keyboard or mouse.
DEFAULT_TIMEOUT_SECONDS = 10 * 60


class Role(StrEnum):
    TRAINEE = "trainee"
    TRAINER = "trainer"
    COORDINATOR = "coordinator"

    @property
    def rank(self) -> int:
        return {Role.TRAINEE: 0, Role.TRAINER: 1, Role.COORDINATOR: 2}[self]

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


class Permission(StrEnum):
    # Trainees (no password): their own profile, modules and results.
    TAKE_MODULES = "take_modules"
    OWN_RESULTS = "own_results"
    # Trainers.
    MANAGE_BANKS = "manage_banks"
    MANAGE_TRAINEES = "manage_trainees"
    MANAGE_SESSIONS = "manage_sessions"
    # Coordinators: everything, including results, certificates, keys and settings.
    VIEW_RESULTS = "view_results"
    EXPORT_RESULTS = "export_results"
    CERTIFICATES = "certificates"
    KEYS = "keys"
    SETTINGS = "settings"
    ACCOUNTS = "accounts"
    AUDIT = "audit"
    BACKUPS = "backups"


_LEAST_ROLE: dict[Permission, Role] = {
    Permission.TAKE_MODULES: Role.TRAINEE,
    Permission.OWN_RESULTS: Role.TRAINEE,
    Permission.MANAGE_BANKS: Role.TRAINER,
    Permission.MANAGE_TRAINEES: Role.TRAINER,
    Permission.MANAGE_SESSIONS: Role.TRAINER,
}


def least_role(permission: Permission) -> Role:
    """The least role holding ``permission`` (coordinators hold every permission)."""
    return _LEAST_ROLE.get(permission, Role.COORDINATOR)


def can(role: Role, permission: Permission) -> bool:
    return role.at_least(least_role(permission))


def require(role: Role, permission: Permission) -> None:
    """Raise AccessDeniedError unless ``role`` holds ``permission``."""
    if not can(role, permission):
        needed = least_role(permission)
        current = role
        if current is Role.TRAINEE:
            raise AccessDeniedError(
                f"this needs a {needed.value} account; sign in from the Staff menu",
                code=ErrorCode.ACCESS_NEEDS_ROLE,
                params={"role": needed},
            )
        raise AccessDeniedError(
            f"this needs a {needed.value} account (signed in as {current.value})",
            code=ErrorCode.ACCESS_NEEDS_OTHER_ROLE,
            params={"role": needed, "current": current},
        )


@dataclass
class StaffSession:
    """A signed-in trainer or coordinator, with the time of their last activity."""

    name: str
    role: Role
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    clock: Callable[[], float] = time.monotonic
    last_activity: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.last_activity = self.clock()

    def touch(self) -> None:
        self.last_activity = self.clock()

    def idle_seconds(self) -> float:
        return self.clock() - self.last_activity

    def expired(self) -> bool:
        return self.timeout > 0 and self.idle_seconds() >= self.timeout


class HasStaff(Protocol):
    """What a staff action needs to know of its workspace: who is signed in."""

    @property
    def staff(self) -> StaffSession | None: ...


def session_role(owner: HasStaff) -> Role:
    """The role acting now: the signed-in staff's, or a trainee's (also after a timeout)."""
    session = owner.staff
    if session is None:
        return Role.TRAINEE
    if session.expired():
        raise AccessDeniedError(
            "you were signed out after a period of inactivity; sign in again",
            code=ErrorCode.ACCESS_SIGNED_OUT,
        )
    return session.role


F = TypeVar("F", bound=Callable[..., Any])

# Every staff-only core action, by qualified name, with the permission it needs.
STAFF_ACTIONS: dict[str, tuple[Callable[..., Any], Permission]] = {}


def staff_action(permission: Permission) -> Callable[[F], F]:
    """Mark a core function ``f(workspace, ...)`` as staff-only: it checks the role first.

    The check runs before the function sees any argument, so nothing is read or
    written for a session that lacks the permission.
    """

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def checked(owner: HasStaff, *args: Any, **kwargs: Any) -> Any:
            require(session_role(owner), permission)
            if owner.staff is not None:
                owner.staff.touch()
            return function(owner, *args, **kwargs)

        STAFF_ACTIONS[f"{function.__module__}.{function.__qualname__}"] = (checked, permission)
        return checked  # type: ignore[return-value]

    return decorate
