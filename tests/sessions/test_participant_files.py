"""Bad participant lists: each fault named with its row; nothing imported unless chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.sessions.conftest import draft
from trainer.errors import TrainerError
from trainer.sessions import service
from trainer.sessions.participants import MAX_FILE_BYTES, read_participants
from trainer.workspace import Workspace

HEAD = "name,service number,institution,function,gender,province\n"


def _csv(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "list.csv"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Jean,,police,,,", "service number is missing"),
        ("Jean,PN-9,army,,,", "not an institution"),
        ("Jean,PN-9,police,,X,", "not a gender"),
        ("Jean,PN-9,police,,,Ngozi", "not a province"),
        ("12345,PN-9,police,,,", "no letter"),
        ("Je\u200bn,PN-9,police,,,", "control or invisible"),
        ("=cmd|' /C calc'!A0,PN-9,police,,,", ""),
    ],
)
def test_a_bad_row_is_named(tmp_path: Path, row: str, message: str) -> None:
    found = read_participants(_csv(tmp_path, "Alice Kaneza,PN-1,police,,F,Gitega\n" + row + "\n"))
    assert [r.service_number for r in found.rows][:1] == ["PN-1"]
    if message:
        assert len(found.errors) == 1 and found.errors[0].row == 3
        assert message in found.errors[0].message
    else:  # a formula-looking name is only text: it is a name with letters
        assert found.errors == [] or found.errors[0].row == 3


def test_duplicates_are_recognised_by_service_number(tmp_path: Path) -> None:
    found = read_participants(
        _csv(tmp_path, "Alice Kaneza,PN-1,police,,,\nAlice K.,pn-1,police,,,\n")
    )
    assert [str(e) for e in found.errors] == ["row 3: the service number pn-1 is already on row 2"]


def test_a_list_with_errors_imports_nothing_unless_chosen(
    trainer_ws: Workspace, tmp_path: Path
) -> None:
    session = service.create_session(trainer_ws, draft())
    found = read_participants(_csv(tmp_path, "Alice Kaneza,PN-1,police,,,\nBob,PN-2,navy,,,\n"))
    with pytest.raises(TrainerError, match="nothing was imported"):
        service.import_participants(trainer_ws, session.id, found)
    assert trainer_ws.trainees.list() == []
    result = service.import_participants(trainer_ws, session.id, found, good_rows_only=True)
    assert (result.enrolled, result.skipped_rows) == (1, 1)
    again = service.import_participants(trainer_ws, session.id, found, good_rows_only=True)
    assert (again.created, again.matched, again.enrolled) == (0, 1, 0)


def test_french_headings_semicolons_and_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Nom;Matricule;Institution;Sexe\nAlice Kaneza;PN-1;Parquet;Femme\n", "cp1252")
    found = read_participants(path)
    assert found.ok and found.rows[0].gender == "female"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["name", "service number", "institution", "province"])
    sheet.append(["Jean Ndayishimiye", 12345, "police", "burunga"])
    book.save(tmp_path / "list.xlsx")
    found = read_participants(tmp_path / "list.xlsx")
    assert found.ok and found.rows[0].service_number == "12345"
    assert found.rows[0].province == "Burunga"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"nom,grade\nJean,Agent\n", "no column for"),
        (b"PK\x03\x04not a zip", "not a readable XLSX"),
        (b"\xff\xfe\x00\x00binary\x00", "not a text"),
    ],
)
def test_an_unreadable_file_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(TrainerError, match=message):
        read_participants(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(TrainerError, match="larger than"):
        read_participants(path)
