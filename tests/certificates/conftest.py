"""A coordinator is signed in for certificate tests (issuing and keys are theirs)."""

from __future__ import annotations

import pytest

from trainer.workspace import Workspace


@pytest.fixture(autouse=True)
def _coordinator_at_the_workstation(request: pytest.FixtureRequest) -> None:
    """Certificate and results actions are a coordinator's: sign one in on the test workspace."""
    if "workspace" not in request.fixturenames:
        return
    from trainer.access import Role, StaffSession

    ws: Workspace = request.getfixturevalue("workspace")
    ws.sign_in(StaffSession("Test coordinator", Role.COORDINATOR, timeout=0))
