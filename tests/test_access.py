"""Roles and permissions, the staff session's timeout, and staff-only actions."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import trainer
from trainer import access
from trainer.access import Permission, Role, StaffSession, can, require
from trainer.errors import AccessDeniedError
from trainer.workspace import Workspace


def _import_every_core_module() -> None:
    """Staff actions register when their module loads: load every module outside ui/."""
    for info in pkgutil.walk_packages(trainer.__path__, "trainer."):
        if info.name.startswith("trainer.ui") or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)


def test_trainees_take_modules_and_see_their_own_results_only() -> None:
    assert can(Role.TRAINEE, Permission.TAKE_MODULES)
    assert can(Role.TRAINEE, Permission.OWN_RESULTS)
    staff_only = [
        p for p in Permission if p not in (Permission.TAKE_MODULES, Permission.OWN_RESULTS)
    ]
    assert staff_only
    for permission in staff_only:
        assert not can(Role.TRAINEE, permission), permission
        with pytest.raises(AccessDeniedError, match="sign in"):
            require(Role.TRAINEE, permission)


def test_trainers_manage_banks_trainees_and_sessions_not_more() -> None:
    for permission in (
        Permission.MANAGE_BANKS,
        Permission.MANAGE_TRAINEES,
        Permission.MANAGE_SESSIONS,
    ):
        assert can(Role.TRAINER, permission)
    for permission in (
        Permission.VIEW_RESULTS,
        Permission.EXPORT_RESULTS,
        Permission.CERTIFICATES,
        Permission.KEYS,
        Permission.SETTINGS,
        Permission.ACCOUNTS,
        Permission.AUDIT,
        Permission.BACKUPS,
    ):
        assert not can(Role.TRAINER, permission)
        with pytest.raises(AccessDeniedError, match="coordinator account"):
            require(Role.TRAINER, permission)


def test_coordinators_may_do_everything() -> None:
    assert all(can(Role.COORDINATOR, p) for p in Permission)


def test_roles_are_ordered() -> None:
    assert Role.COORDINATOR.at_least(Role.TRAINER)
    assert Role.TRAINER.at_least(Role.TRAINER)
    assert not Role.TRAINER.at_least(Role.COORDINATOR)
    assert not Role.TRAINEE.at_least(Role.TRAINER)


def test_session_expires_after_inactivity_and_touch_renews_it() -> None:
    now = [100.0]
    session = StaffSession("Ana", Role.TRAINER, timeout=600, clock=lambda: now[0])
    now[0] += 599
    assert not session.expired()
    session.touch()
    now[0] += 599
    assert not session.expired()
    now[0] += 1
    assert session.expired()
    assert session.idle_seconds() == 600


def test_every_staff_action_refuses_a_trainee_session(workspace: Workspace) -> None:
    """Iterates the registry, so actions added by later features are covered too."""
    _import_every_core_module()
    assert len(access.STAFF_ACTIONS) >= 13
    # certificates, keys and the coordinator's results work are staff actions too
    for name in (
        "trainer.certificates.register.revoke",
        "trainer.certificates.batch.batch_generate",
        "trainer.certificates.keys.import_public_key",
        "trainer.certificates.settings.save_settings",
        "trainer.results.service.export_responses",
        "trainer.results.service.import_bundle",
        "trainer.results.service.transcript",
    ):
        assert name in access.STAFF_ACTIONS, name
    # trainees earn and save their own certificate; anyone may verify one
    for name in (
        "issuing.issue_for_attempt",
        "issuing.certificate_for_pass",
        "register.render_own_pdf",
        "verification.verify_code",
        "verification.verify_pdf",
    ):
        assert f"trainer.certificates.{name}" not in access.STAFF_ACTIONS, name
    audit_before = len(workspace.db.query("SELECT id FROM audit_log"))
    workspace.sign_out()
    for name, (action, permission) in sorted(access.STAFF_ACTIONS.items()):
        params = list(inspect.signature(action).parameters)
        assert params and params[0] in ("ws", "workspace"), name
        with pytest.raises(AccessDeniedError):
            action(workspace)
        # a trainer may do what trainers may do, and nothing else
        workspace.sign_in(StaffSession("Trainer T", Role.TRAINER))
        if not can(Role.TRAINER, permission):
            with pytest.raises(AccessDeniedError):
                action(workspace)
        workspace.sign_out()
    # refused before doing anything: not even a read was logged
    assert len(workspace.db.query("SELECT id FROM audit_log")) == audit_before


def test_an_expired_session_is_refused(workspace: Workspace) -> None:
    from trainer import admin

    now = [0.0]
    workspace.sign_in(StaffSession("C", Role.COORDINATOR, timeout=60, clock=lambda: now[0]))
    assert admin.list_accounts(workspace) == []
    now[0] = 61
    with pytest.raises(AccessDeniedError, match="inactivity"):
        admin.list_accounts(workspace)


def test_a_staff_action_counts_as_activity(workspace: Workspace) -> None:
    from trainer import admin

    now = [0.0]
    workspace.sign_in(StaffSession("C", Role.COORDINATOR, timeout=60, clock=lambda: now[0]))
    now[0] = 50
    admin.list_accounts(workspace)
    now[0] = 100
    admin.list_accounts(workspace)  # 50 s since the last action, not 100
