"""Staff accounts: scrypt password hashes with a per-user salt, and lockout after failures."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import NoReturn

from trainer.access import Role
from trainer.errors import AccessDeniedError, ErrorCode, TrainerError
from trainer.storage import audit
from trainer.storage.database import Database

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
MAX_NAME_LENGTH = 100
# Five wrong passwords in a row lock the account: 30 s, then 1 min, 2 min ... up to 1 h.
MAX_FAILURES = 5
FIRST_LOCKOUT = timedelta(seconds=30)
LONGEST_LOCKOUT = timedelta(hours=1)
STAFF_ROLES = (Role.TRAINER, Role.COORDINATOR)
# Wrong passwords for names that are no account are remembered this long after the last.
FORGET_UNKNOWN_AFTER = 2 * LONGEST_LOCKOUT


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost: n=2**14, r=8 needs 16 MiB and about 50 ms per guess on a workstation."""

    n: int = 2**14
    r: int = 8
    p: int = 1

    def encode(self) -> str:
        return f"scrypt:n={self.n},r={self.r},p={self.p}"

    @classmethod
    def decode(cls, text: str) -> KdfParams:
        scheme, _, rest = text.partition(":")
        if scheme != "scrypt":
            raise TrainerError(f"unknown password scheme {scheme!r}")
        values = dict(part.split("=", 1) for part in rest.split(","))
        return cls(n=int(values["n"]), r=int(values["r"]), p=int(values["p"]))


def hash_password(password: str, salt: bytes, params: KdfParams) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=256 * params.r * params.n + 1024 * 1024,
        dklen=32,
    )


class AccountLockedError(AccessDeniedError):
    """Too many wrong passwords: the account is locked for a while."""

    def __init__(self, name: str, until: datetime, now: datetime) -> None:
        seconds = max(1, int((until - now).total_seconds() + 0.999))
        super().__init__(
            f"too many wrong passwords; the account '{name}' is locked for {seconds} more second(s)",
            code=ErrorCode.ACCOUNT_LOCKED,
            params={"name": name, "seconds": seconds},
        )
        self.until = until
        self.seconds = seconds


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: Role
    disabled: bool
    failed_count: int
    locked_until: datetime | None
    created_at: datetime
    last_sign_in: datetime | None


def _row(row: sqlite3.Row) -> Account:
    return Account(
        id=row["id"],
        name=row["name"],
        role=Role(row["role"]),
        disabled=bool(row["disabled"]),
        failed_count=row["failed_count"],
        locked_until=_dt(row["locked_until"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        last_sign_in=_dt(row["last_sign_in"]),
    )


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="microseconds")


def lockout_for(failures: int) -> timedelta | None:
    """How long an account stays locked after ``failures`` wrong passwords in a row."""
    if failures < MAX_FAILURES:
        return None
    doublings = min(failures - MAX_FAILURES, 12)  # capped: no overflow after many failures
    return min(FIRST_LOCKOUT * (1 << doublings), LONGEST_LOCKOUT)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise TrainerError(
            f"a password needs at least {MIN_PASSWORD_LENGTH} characters",
            code=ErrorCode.PASSWORD_TOO_SHORT,
            params={"minimum": MIN_PASSWORD_LENGTH},
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise TrainerError(
            f"a password may be at most {MAX_PASSWORD_LENGTH} characters",
            code=ErrorCode.PASSWORD_TOO_LONG,
            params={"maximum": MAX_PASSWORD_LENGTH},
        )
    if not password.strip():
        raise TrainerError("a password cannot be only spaces", code=ErrorCode.PASSWORD_BLANK)


class AccountRepository:
    """Staff accounts of this workstation. Every change is written to the audit log."""

    def __init__(
        self,
        db: Database,
        *,
        params: KdfParams | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.db = db
        self.params = params or KdfParams()
        self.clock = clock or (lambda: datetime.now(UTC))

    # -- reading -------------------------------------------------------------
    def count(self) -> int:
        row = self.db.query_one("SELECT count(*) FROM accounts")
        return int(row[0]) if row else 0

    def list(self) -> list[Account]:
        return [_row(r) for r in self.db.query("SELECT * FROM accounts ORDER BY name")]

    def get(self, name: str) -> Account:
        row = self.db.query_one("SELECT * FROM accounts WHERE name = ?", (name.strip(),))
        if row is None:
            raise TrainerError(
                f"no staff account named '{name}'",
                code=ErrorCode.ACCOUNT_UNKNOWN,
                params={"name": name},
            )
        return _row(row)

    # -- changes -------------------------------------------------------------
    def create(self, name: str, password: str, role: Role, *, actor: str | None) -> Account:
        name = " ".join(name.split())
        if not name:
            raise TrainerError("an account needs a name", code=ErrorCode.ACCOUNT_NAME_MISSING)
        if len(name) > MAX_NAME_LENGTH:
            raise TrainerError(
                f"an account name may be at most {MAX_NAME_LENGTH} characters",
                code=ErrorCode.ACCOUNT_NAME_TOO_LONG,
                params={"maximum": MAX_NAME_LENGTH},
            )
        if role not in STAFF_ROLES:
            raise TrainerError(
                "a staff account is for a trainer or a coordinator",
                code=ErrorCode.ACCOUNT_NOT_STAFF,
            )
        check_password(password)
        salt = secrets.token_bytes(16)
        digest = hash_password(password, salt, self.params)
        stamp = _iso(self.clock())
        with self.db.transaction() as conn:
            taken = conn.execute("SELECT 1 FROM accounts WHERE name = ?", (name,)).fetchone()
            if taken is not None:
                raise TrainerError(
                    f"an account named '{name}' already exists",
                    code=ErrorCode.ACCOUNT_EXISTS,
                    params={"name": name},
                )
            conn.execute(
                "INSERT INTO accounts (name, role, password_hash, salt, kdf, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (name, role.value, digest, salt, self.params.encode(), stamp, stamp),
            )
            audit.record(self.db, "account.create", f"{name} ({role.value})", actor, conn)
        return self.get(name)

    def reset_password(self, name: str, password: str, *, actor: str | None) -> None:
        """Set a new password; this also lifts a lockout."""
        account = self.get(name)
        check_password(password)
        salt = secrets.token_bytes(16)
        digest = hash_password(password, salt, self.params)
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE accounts SET password_hash = ?, salt = ?, kdf = ?, failed_count = 0,"
                " locked_until = NULL, updated_at = ? WHERE id = ?",
                (digest, salt, self.params.encode(), _iso(self.clock()), account.id),
            )
            audit.record(self.db, "account.reset_password", account.name, actor, conn)

    def set_disabled(self, name: str, disabled: bool, *, actor: str | None) -> None:
        account = self.get(name)
        if disabled and account.role is Role.COORDINATOR and not account.disabled:
            others = [
                a
                for a in self.list()
                if a.role is Role.COORDINATOR and not a.disabled and a.id != account.id
            ]
            if not others:
                raise TrainerError(
                    "the last active coordinator account cannot be disabled",
                    code=ErrorCode.ACCOUNT_LAST_COORDINATOR,
                )
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE accounts SET disabled = ?, updated_at = ? WHERE id = ?",
                (1 if disabled else 0, _iso(self.clock()), account.id),
            )
            action = "account.disable" if disabled else "account.enable"
            audit.record(self.db, action, account.name, actor, conn)

    # -- signing in ----------------------------------------------------------
    def authenticate(self, name: str, password: str) -> Account:
        """The account if the password is right; a wrong one counts towards the lockout.

        A name that is no account is answered exactly as an account with a wrong
        password: the same work, the same messages (with the name as typed), and the
        same lockout after the same number of tries, so that nobody learns from the
        answers which names exist. Every try is recorded, those refused during a
        lockout too.
        """
        now = self.clock()
        typed = name.strip()[:MAX_NAME_LENGTH]
        row = self.db.query_one("SELECT * FROM accounts WHERE name = ?", (typed,))
        if row is None:
            self._unknown_name(typed, password, now)
        assert row is not None
        account = _row(row)
        if account.locked_until is not None and now < account.locked_until:
            # Same work as a real check, and the try is recorded.
            hash_password(password, bytes(row["salt"]), KdfParams.decode(row["kdf"]))
            self._refused(account.name, account.locked_until)
            raise AccountLockedError(typed, account.locked_until, now)
        expected = bytes(row["password_hash"])
        given = hash_password(password, bytes(row["salt"]), KdfParams.decode(row["kdf"]))
        if not hmac.compare_digest(expected, given):
            failures = account.failed_count + 1
            lock = lockout_for(failures)
            until = now + lock if lock else None
            with self.db.transaction() as conn:
                conn.execute(
                    "UPDATE accounts SET failed_count = ?, locked_until = ? WHERE id = ?",
                    (failures, _iso(until) if until else None, account.id),
                )
                self._failed(conn, account.name, failures, until)
            if until is not None:
                raise AccountLockedError(typed, until, now)
            raise AccessDeniedError("wrong account name or password", code=ErrorCode.SIGN_IN_FAILED)
        if account.disabled:
            raise AccessDeniedError(
                f"the account '{account.name}' is disabled",
                code=ErrorCode.ACCOUNT_DISABLED,
                params={"name": account.name},
            )
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE accounts SET failed_count = 0, locked_until = NULL, last_sign_in = ?"
                " WHERE id = ?",
                (_iso(now), account.id),
            )
            audit.record(self.db, "account.sign_in", account.name, account.name, conn)
        return self.get(account.name)

    def _unknown_name(self, typed: str, password: str, now: datetime) -> NoReturn:
        """A name that is no account: counted and locked out like one (see authenticate)."""
        # Same work as a real check, so timing does not tell which names exist.
        hash_password(password, b"\0" * 16, self.params)
        row = self.db.query_one("SELECT * FROM sign_in_failures WHERE name = ?", (typed,))
        locked_until = _dt(row["locked_until"]) if row else None
        if locked_until is not None and now < locked_until:
            self._refused(typed, locked_until)
            raise AccountLockedError(typed, locked_until, now)
        failures = (int(row["failed_count"]) if row else 0) + 1
        lock = lockout_for(failures)
        until = now + lock if lock else None
        with self.db.transaction() as conn:
            # Names tried long ago are forgotten, so guesses cannot fill the disk.
            conn.execute(
                "DELETE FROM sign_in_failures WHERE last_failed_at < ?"
                " AND (locked_until IS NULL OR locked_until < ?)",
                (_iso(now - FORGET_UNKNOWN_AFTER), _iso(now)),
            )
            conn.execute(
                "INSERT INTO sign_in_failures (name, failed_count, locked_until, last_failed_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                " failed_count = excluded.failed_count, locked_until = excluded.locked_until,"
                " last_failed_at = excluded.last_failed_at",
                (typed, failures, _iso(until) if until else None, _iso(now)),
            )
            self._failed(conn, typed, failures, until)
        if until is not None:
            raise AccountLockedError(typed, until, now)
        raise AccessDeniedError("wrong account name or password", code=ErrorCode.SIGN_IN_FAILED)

    def _failed(
        self, conn: sqlite3.Connection, name: str, failures: int, until: datetime | None
    ) -> None:
        audit.record(self.db, "account.sign_in_failed", name, None, conn)
        if until is not None:
            audit.record(
                self.db,
                "account.locked",
                f"{name} until {_iso(until)} after {failures} failures",
                None,
                conn,
            )

    def _refused(self, name: str, until: datetime) -> None:
        audit.record(self.db, "account.sign_in_refused", f"{name}: locked until {_iso(until)}")
