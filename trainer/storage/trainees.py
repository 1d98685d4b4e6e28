"""Trainee profiles."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from enum import StrEnum

from trainer.errors import TrainerError
from trainer.storage.database import Database, new_uid, now
from trainer.text import check_code_text, check_name

FUNCTION_MAX = 100


class Institution(StrEnum):
    POLICE = "police"
    PROSECUTION = "prosecution"
    JUDICIARY = "judiciary"
    OTHER = "other"


@dataclass(frozen=True)
class Trainee:
    id: int
    uid: str
    name: str
    institution: Institution
    service_number: str | None
    gender: str | None = None
    province: str | None = None
    function: str | None = None  # function or rank


def _row(row: sqlite3.Row) -> Trainee:
    return Trainee(
        id=row["id"],
        uid=row["uid"],
        name=row["name"],
        institution=Institution(row["institution"]),
        service_number=row["service_number"],
        gender=row["gender"],
        province=row["province"],
        function=row["function"],
    )


def _profile(
    gender: str | None, province: str | None, function: str | None
) -> tuple[str | None, str | None, str | None]:
    """The optional profile fields: a known gender or province in its one spelling, any
    other text kept as given (profiles from earlier versions and other workstations hold
    free text; the forms and participant lists offer only the known values)."""
    from trainer.places import known_gender, known_province

    function = check_code_text(function, what="function or rank", limit=FUNCTION_MAX)
    gender = check_code_text(gender, what="gender", limit=FUNCTION_MAX)
    province = check_code_text(province, what="province", limit=FUNCTION_MAX)
    return known_gender(gender), known_province(province), function


class TraineeRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(
        self,
        name: str,
        institution: Institution,
        service_number: str | None = None,
        *,
        gender: str | None = None,
        province: str | None = None,
        function: str | None = None,
    ) -> Trainee:
        name = check_name(name)
        service_number = check_code_text(service_number)
        gender, province, function = _profile(gender, province, function)
        stamp = now()
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO trainees (uid, name, institution, service_number, gender, province,"
                " function, workstation_uid, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_uid(),
                    name,
                    institution.value,
                    service_number,
                    gender,
                    province,
                    function,
                    self.db.workstation_uid,
                    stamp,
                    stamp,
                ),
            )
            trainee_id = int(cur.lastrowid or 0)
        return self.get(trainee_id)

    def get(self, trainee_id: int) -> Trainee:
        row = self.db.query_one("SELECT * FROM trainees WHERE id = ?", (trainee_id,))
        if row is None:
            raise TrainerError(f"no trainee with id {trainee_id}")
        return _row(row)

    def list(self, search: str = "") -> list[Trainee]:
        pattern = f"%{search.strip()}%"
        rows = self.db.query(
            "SELECT * FROM trainees WHERE name LIKE ? OR ifnull(service_number, '') LIKE ?"
            " ORDER BY name COLLATE NOCASE",
            (pattern, pattern),
        )
        return [_row(r) for r in rows]

    def by_service_number(self, service_number: str) -> Trainee | None:
        """The trainee with this service number (compared without case or spaces)."""
        key = "".join(service_number.split()).casefold()
        if not key:
            return None
        rows = self.db.query(
            "SELECT * FROM trainees WHERE lower(replace(service_number, ' ', '')) = ?"
            " ORDER BY id LIMIT 1",
            (key,),
        )
        return _row(rows[0]) if rows else None

    def update(self, trainee: Trainee) -> Trainee:
        trainee = replace(
            trainee,
            name=check_name(trainee.name),
            service_number=check_code_text(trainee.service_number),
        )
        gender, province, function = _profile(trainee.gender, trainee.province, trainee.function)
        trainee = replace(trainee, gender=gender, province=province, function=function)
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE trainees SET name = ?, institution = ?, service_number = ?, gender = ?,"
                " province = ?, function = ?, updated_at = ? WHERE id = ?",
                (
                    trainee.name,
                    trainee.institution.value,
                    trainee.service_number,
                    trainee.gender,
                    trainee.province,
                    trainee.function,
                    now(),
                    trainee.id,
                ),
            )
        return self.get(trainee.id)
