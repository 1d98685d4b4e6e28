"""A bank's pictures in the library: copied beside it on import, archived with it when it is
replaced, and the compiled catalogue notices a picture that changed or went missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.picture_files import png, svg, write_bank
from trainer.banks import compiled
from trainer.banks.loader import load_bank_bytes
from trainer.errors import BankError
from trainer.workspace import Workspace


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = load_bank_bytes

    def spy(data: bytes, name: str, *, path: Path | None = None) -> object:
        seen.append(name)
        return real(data, name, path=path)

    monkeypatch.setattr(compiled, "load_bank_bytes", spy)
    return seen


def test_importing_copies_the_pictures_into_a_folder_of_the_bank(
    workspace: Workspace, tmp_path: Path
) -> None:
    pics = {"docs/advert.png": png(20, 10), "pay.svg": svg(), "unused.png": png()}
    source = write_bank(tmp_path / "incoming", file="docs/advert.png", pictures=pics)
    result = workspace.library().import_bank(source)
    folder = workspace.data.banks / "pictures.pictures"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.*")) == [
        "docs/advert.png",
        "pay.svg",
    ]  # only what the bank shows
    assert (folder / "docs" / "advert.png").read_bytes() == pics["docs/advert.png"]
    image = result.bank.questions[0].image
    assert image is not None and image.path == (folder / "docs" / "advert.png").resolve()
    bank = workspace.reload_catalog().bank("pictures")
    assert bank.questions[0].image is not None
    assert not list(workspace.data.banks.glob(".*"))  # no staging folder left behind


def test_replacing_a_bank_archives_its_pictures_with_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    first = write_bank(tmp_path / "v1")
    old_hash = workspace.library().import_bank(first).bank.content_hash
    second = write_bank(tmp_path / "v2", pictures={"advert.png": png(30, 30), "pay.svg": svg()})
    second.write_text(
        second.read_text("utf-8").replace('version: "1.0"', 'version: "2.0"'), "utf-8"
    )
    result = workspace.library().import_bank(second)
    assert result.archived is not None
    kept = result.archived.with_name(result.archived.stem + ".pictures")
    assert (kept / "advert.png").read_bytes() == png(40, 30)
    assert (workspace.data.banks / "pictures.pictures" / "advert.png").read_bytes() == png(30, 30)
    from trainer.banks.loader import load_bank

    assert load_bank(result.archived).content_hash == old_hash  # the archive still loads whole


def test_a_bank_whose_picture_is_missing_is_not_imported(
    workspace: Workspace, tmp_path: Path
) -> None:
    source = write_bank(tmp_path / "incoming", pictures={"pay.svg": svg()})
    with pytest.raises(BankError) as caught:
        workspace.library().import_bank(source)
    assert "'advert.png' was not found" in caught.value.problems[0].message
    assert not list(workspace.data.banks.glob("pictures*"))


def test_the_catalogue_cache_notices_a_changed_or_missing_picture(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace.library().import_bank(write_bank(tmp_path / "incoming"))
    first = workspace.reload_catalog().summary("pictures")
    parsed = _parses(monkeypatch)
    assert workspace.reload_catalog().summary("pictures") == first
    assert parsed == []  # unchanged: from the cache
    picture = workspace.data.banks / "pictures.pictures" / "advert.png"
    picture.write_bytes(png(50, 50))
    os.utime(picture, ns=(1, 1))
    changed = workspace.reload_catalog().summary("pictures")
    assert parsed == ["pictures.yaml"]
    assert changed.content_hash != first.content_hash
    picture.unlink()
    catalog = workspace.reload_catalog()
    assert [f.path.name for f in catalog.failures] == ["pictures.yaml"]
    assert "'advert.png' was not found" in catalog.failures[0].problems[0].message
    picture.write_bytes(png(50, 50))  # put back: the failure is not taken from the cache
    assert workspace.reload_catalog().summary("pictures").content_hash == changed.content_hash


def test_the_pictures_benchmark_runs_at_a_small_size() -> None:
    from bench import bench_pictures

    entries = bench_pictures.run(count=3, repeat=1)
    assert [e["name"].split(":")[0] for e in entries] == ["pictures"] * 3
    assert all(e["value"] > 0 and e["baseline"] > 0 for e in entries)


def test_a_picture_changed_during_the_import_stops_it_and_leaves_nothing(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.banks import library, pictures

    source = write_bank(tmp_path / "incoming")
    real = pictures.read_picture

    def swapped(root: Path, value: str) -> object:
        (root / value).write_bytes(png(9, 9))  # replaced between the check and the copy
        return real(root, value)

    monkeypatch.setattr(library, "read_picture", swapped)
    with pytest.raises(BankError) as caught:
        workspace.library().import_bank(source)
    assert "changed while the bank was imported" in caught.value.problems[0].message
    assert sorted(p.name for p in workspace.data.banks.iterdir()) == []
