"""Staff accounts: hashing, lockout that grows, reset, disable, audit of every change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from trainer.access import Role
from trainer.errors import AccessDeniedError, TrainerError
from trainer.storage import audit
from trainer.storage.accounts import (
    AccountLockedError,
    AccountRepository,
    KdfParams,
    hash_password,
    lockout_for,
)
from trainer.storage.database import Database

FAST = KdfParams(n=2**10, r=8, p=1)  # the real cost is tested once below
GOOD = "long enough password"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def repo(db: Database, clock: Clock) -> AccountRepository:
    return AccountRepository(db, params=FAST, clock=clock)


def test_password_is_stored_as_a_salted_scrypt_hash(repo: AccountRepository, db: Database) -> None:
    repo.create("Ana Ndayishimiye", GOOD, Role.COORDINATOR, actor=None)
    repo.create("Jean K", GOOD, Role.TRAINER, actor=None)
    rows = db.query("SELECT * FROM accounts ORDER BY id")
    assert all(GOOD.encode() not in bytes(r["password_hash"]) for r in rows)
    assert rows[0]["salt"] != rows[1]["salt"]  # per-user salt
    assert rows[0]["password_hash"] != rows[1]["password_hash"]
    assert rows[0]["kdf"] == "scrypt:n=1024,r=8,p=1"
    assert bytes(rows[0]["password_hash"]) == hash_password(GOOD, bytes(rows[0]["salt"]), FAST)


def test_default_cost_is_memory_hard() -> None:
    params = KdfParams()
    assert 128 * params.r * params.n >= 16 * 1024 * 1024  # 16 MiB per guess
    assert KdfParams.decode(params.encode()) == params


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(TrainerError, match="unknown password scheme"):
        KdfParams.decode("md5:x=1")


def test_authenticate(repo: AccountRepository) -> None:
    repo.create("Ana", GOOD, Role.TRAINER, actor=None)
    account = repo.authenticate(" ana ", GOOD)  # names are case-insensitive, trimmed
    assert account.name == "Ana" and account.role is Role.TRAINER
    assert account.last_sign_in is not None
    with pytest.raises(AccessDeniedError, match="wrong account name or password"):
        repo.authenticate("Ana", GOOD + "x")
    with pytest.raises(AccessDeniedError, match="wrong account name or password"):
        repo.authenticate("Nobody", GOOD)


@pytest.mark.parametrize("bad", ["short", "123456789", " " * 12, "x" * 1025])
def test_password_rules(repo: AccountRepository, bad: str) -> None:
    with pytest.raises(TrainerError, match="password"):
        repo.create("Ana", bad, Role.TRAINER, actor=None)
    assert repo.count() == 0


def test_names_and_roles(repo: AccountRepository) -> None:
    with pytest.raises(TrainerError, match="needs a name"):
        repo.create("   ", GOOD, Role.TRAINER, actor=None)
    with pytest.raises(TrainerError, match="at most"):
        repo.create("n" * 101, GOOD, Role.TRAINER, actor=None)
    with pytest.raises(TrainerError, match="trainer or a coordinator"):
        repo.create("Tom", GOOD, Role.TRAINEE, actor=None)
    repo.create("Ana", GOOD, Role.TRAINER, actor=None)
    with pytest.raises(TrainerError, match="already exists"):
        repo.create("ANA", GOOD, Role.COORDINATOR, actor=None)
    with pytest.raises(TrainerError, match="no staff account"):
        repo.get("Nobody")


def test_lockout_after_five_failures_grows(repo: AccountRepository, clock: Clock) -> None:
    repo.create("Ana", GOOD, Role.TRAINER, actor=None)
    for _ in range(4):
        with pytest.raises(AccessDeniedError) as info:
            repo.authenticate("Ana", "wrong password!")
        assert not isinstance(info.value, AccountLockedError)
    with pytest.raises(AccountLockedError) as locked:
        repo.authenticate("Ana", "wrong password!")
    assert locked.value.seconds == 30
    # while locked, even the right password is refused (and does not count)
    clock.advance(29)
    with pytest.raises(AccountLockedError, match="1 more second"):
        repo.authenticate("Ana", GOOD)
    clock.advance(1)
    with pytest.raises(AccountLockedError) as locked:
        repo.authenticate("Ana", "wrong again!!")  # 6th failure: 1 minute
    assert locked.value.seconds == 60
    clock.advance(60)
    with pytest.raises(AccountLockedError) as locked:
        repo.authenticate("Ana", "wrong again!!")  # 7th: 2 minutes
    assert locked.value.seconds == 120
    clock.advance(120)
    assert repo.authenticate("Ana", GOOD).failed_count == 0  # success resets the count
    with pytest.raises(AccessDeniedError) as info:
        repo.authenticate("Ana", "wrong password!")
    assert not isinstance(info.value, AccountLockedError)


def test_lockout_schedule_is_capped() -> None:
    assert lockout_for(4) is None
    assert lockout_for(5) == timedelta(seconds=30)
    assert lockout_for(6) == timedelta(minutes=1)
    assert lockout_for(8) == timedelta(minutes=4)
    assert lockout_for(50) == timedelta(hours=1)
    assert lockout_for(10_000) == timedelta(hours=1)


def test_reset_password_lifts_the_lockout(repo: AccountRepository, clock: Clock) -> None:
    repo.create("Ana", GOOD, Role.TRAINER, actor=None)
    for _ in range(5):
        with pytest.raises(AccessDeniedError):
            repo.authenticate("Ana", "wrong password!")
    repo.reset_password("Ana", "a brand new password", actor="Coord")
    with pytest.raises(AccessDeniedError):
        repo.authenticate("Ana", GOOD)
    assert repo.authenticate("Ana", "a brand new password").name == "Ana"
    with pytest.raises(TrainerError, match="at least 10"):
        repo.reset_password("Ana", "short", actor="Coord")


def test_disabled_account_cannot_sign_in(repo: AccountRepository) -> None:
    repo.create("Coord", GOOD, Role.COORDINATOR, actor=None)
    repo.create("Ana", GOOD, Role.TRAINER, actor=None)
    repo.set_disabled("Ana", True, actor="Coord")
    with pytest.raises(AccessDeniedError, match="disabled"):
        repo.authenticate("Ana", GOOD)
    with pytest.raises(AccessDeniedError, match="wrong"):
        repo.authenticate("Ana", "not the password")  # a guess learns nothing more
    repo.set_disabled("Ana", False, actor="Coord")
    assert repo.authenticate("Ana", GOOD).name == "Ana"


def test_last_coordinator_cannot_be_disabled(repo: AccountRepository) -> None:
    repo.create("Coord", GOOD, Role.COORDINATOR, actor=None)
    with pytest.raises(TrainerError, match="last active coordinator"):
        repo.set_disabled("Coord", True, actor="Coord")
    repo.create("Coord 2", GOOD, Role.COORDINATOR, actor=None)
    repo.set_disabled("Coord", True, actor="Coord 2")
    assert repo.get("Coord").disabled


def test_every_account_change_is_audited(repo: AccountRepository, db: Database) -> None:
    repo.create("Ana", GOOD, Role.TRAINER, actor="Coord")
    repo.reset_password("Ana", "another good one", actor="Coord")
    repo.set_disabled("Ana", True, actor="Coord")
    repo.set_disabled("Ana", False, actor="Coord")
    repo.authenticate("Ana", "another good one")
    for _ in range(5):
        with pytest.raises(AccessDeniedError):
            repo.authenticate("Ana", "wrong password!")
    with pytest.raises(AccessDeniedError):
        repo.authenticate("Ghost", "wrong password!")
    logged = [(e.actor, e.action, e.detail) for e in reversed(audit.entries(db))]
    assert logged[:5] == [
        ("Coord", "account.create", "Ana (trainer)"),
        ("Coord", "account.reset_password", "Ana"),
        ("Coord", "account.disable", "Ana"),
        ("Coord", "account.enable", "Ana"),
        ("Ana", "account.sign_in", "Ana"),
    ]
    actions = [a for _, a, _ in logged[5:]]
    assert actions.count("account.sign_in_failed") == 6
    assert actions.count("account.locked") == 1
    assert logged[-1] == ("system", "account.sign_in_failed", "Ghost")


def _lockout_story(repo: AccountRepository, clock: Clock, name: str) -> list[str]:
    """Six wrong passwords, a try while locked, a wait, one more: what the person is told."""
    told: list[str] = []
    for _ in range(5):
        with pytest.raises(AccessDeniedError) as info:
            repo.authenticate(name, "wrong password!")
        told.append(f"{type(info.value).__name__}: {info.value}")
    clock.advance(10)
    with pytest.raises(AccessDeniedError) as info:
        repo.authenticate(name, GOOD)
    told.append(f"{type(info.value).__name__}: {info.value}")
    clock.advance(30)
    with pytest.raises(AccessDeniedError) as info:
        repo.authenticate(name, "wrong password!")
    told.append(f"{type(info.value).__name__}: {info.value}")
    return told


def test_lockout_does_not_tell_which_account_names_exist(
    repo: AccountRepository, clock: Clock
) -> None:
    repo.create("Ana", GOOD, Role.TRAINER, actor=None)
    real = _lockout_story(repo, clock, "ana")  # typed in another case: still the account
    clock.advance(3600)
    unknown = _lockout_story(repo, clock, "nobody")
    assert [t.replace("'ana'", "'X'") for t in real] == [
        t.replace("'nobody'", "'X'") for t in unknown
    ]
    assert "locked for 30 more" in real[4] and "locked for 20 more" in real[5]
    assert "locked for 60 more" in real[6]


def test_attempts_while_locked_are_logged(
    repo: AccountRepository, clock: Clock, db: Database
) -> None:
    repo.create("Ana", GOOD, Role.TRAINER, actor=None)
    for name in ("Ana", "Nobody"):
        for _ in range(5):
            with pytest.raises(AccessDeniedError):
                repo.authenticate(name, "wrong password!")
        for _ in range(3):
            with pytest.raises(AccountLockedError):
                repo.authenticate(name, GOOD)
    refused = audit.entries(db, action="account.sign_in_refused")
    assert len(refused) == 6
    assert sorted({e.detail.split(":")[0] for e in refused}) == ["Ana", "Nobody"]
    assert all("locked until" in e.detail for e in refused)
    assert len(audit.entries(db, action="account.locked")) == 2


def test_unknown_names_tried_long_ago_are_forgotten(
    repo: AccountRepository, clock: Clock, db: Database
) -> None:
    for n in range(20):
        with pytest.raises(AccessDeniedError):
            repo.authenticate(f"guess {n}", "wrong password!")
    clock.advance(3 * 3600)
    with pytest.raises(AccessDeniedError):
        repo.authenticate("one more", "wrong password!")
    row = db.query_one("SELECT count(*) FROM sign_in_failures")
    assert row is not None and row[0] == 1
