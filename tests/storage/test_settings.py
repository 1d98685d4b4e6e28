"""Typed settings: defaults, values that are not valid, and a change logged with its value."""

from __future__ import annotations

import pytest

from trainer.storage import audit, settings
from trainer.storage.database import Database


@pytest.fixture
def db() -> Database:
    return Database(":memory:")


def test_an_unset_setting_reads_as_its_default(db: Database) -> None:
    assert settings.read(db, settings.UI_ZOOM) == 100
    assert settings.read(db, settings.EXAM_FULLSCREEN) is False
    assert settings.read(db, settings.DISABLED_BANKS) == frozenset()
    assert settings.read(db, settings.STAFF_TIMEOUT_MINUTES) == 10
    assert settings.stored_text(db, settings.EXAM_FULLSCREEN) == "0"


def test_values_round_trip_with_their_types(db: Database) -> None:
    settings.write(db, settings.UI_ZOOM, 150)
    settings.write(db, settings.UI_HIGH_CONTRAST, True)
    settings.write(db, settings.DISABLED_BANKS, frozenset({"b", "a"}))
    assert settings.read(db, settings.UI_ZOOM) == 150
    assert settings.read(db, settings.UI_HIGH_CONTRAST) is True
    assert settings.read(db, settings.DISABLED_BANKS) == {"a", "b"}
    assert db.get_setting(settings.DISABLED_BANKS.key) == "a,b"


@pytest.mark.parametrize(
    ("setting", "stored"),
    [
        (settings.UI_ZOOM, "big"),
        (settings.EXAM_FULLSCREEN, "yes"),
        (settings.BACKUPS_KEEP, "0"),
        (settings.STAFF_TIMEOUT_MINUTES, "-5"),
    ],
)
def test_a_stored_text_that_is_not_a_value_reads_as_the_default(
    db: Database, setting: settings.Setting[object], stored: str
) -> None:
    db.set_setting(setting.key, stored)  # an older version's, or edited by hand
    assert settings.read(db, setting) == setting.default


def test_several_values_and_their_audit_entry_are_one_transaction(db: Database) -> None:
    settings.write_all(
        db,
        [(settings.INSTITUTION_NAME, "Police"), (settings.CERTIFICATE_LANGUAGE, "fr")],
        audit_action="certificate.settings",
        audit_detail="Police",
        actor="Coordinator C",
    )
    assert settings.read(db, settings.INSTITUTION_NAME) == "Police"
    assert [(e.action, e.actor) for e in audit.entries(db)] == [
        ("certificate.settings", "Coordinator C")
    ]
    with pytest.raises(TypeError):  # a failure half-way leaves nothing behind
        settings.write_all(
            db,
            [(settings.INSTITUTION_NAME, "Changed"), (settings.DISABLED_BANKS, None)],
        )
    assert settings.read(db, settings.INSTITUTION_NAME) == "Police"


def test_every_setting_has_a_key_of_its_own() -> None:
    assert len(settings.BY_KEY) == len(settings.ALL)
    assert all(s.expected for s in settings.ALL if s.workstation)
