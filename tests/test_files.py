"""Files are replaced whole or not at all: a failure leaves the old file as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.files import replace_atomically, temporary_beside, write_text_atomically


class RefusedError(Exception):
    pass


def _refuse(exc: OSError) -> Exception:
    return RefusedError(f"could not write ({exc.strerror})")


def test_the_new_content_replaces_the_old(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    write_text_atomically(target, "new\nline\n", fail=_refuse)
    assert target.read_bytes() == b"new\nline\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_full_disk_leaves_the_old_file_and_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("trainer.files.os.fsync", full)
    with pytest.raises(RefusedError, match=r"could not write \(No space left on device\)"):
        write_text_atomically(target, "new", fail=_refuse)
    assert target.read_text(encoding="utf-8") == "old"
    assert not temporary_beside(target).exists()


def test_an_error_inside_the_writer_removes_the_part_and_goes_on_up(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"

    def write(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise ValueError("bad row")

    with pytest.raises(ValueError, match="bad row"):
        replace_atomically(target, write, fail=_refuse)
    assert list(tmp_path.iterdir()) == []


def test_a_file_made_again_at_will_skips_the_disk_flush(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed: list[int] = []
    monkeypatch.setattr("trainer.files.os.fsync", flushed.append)
    assert replace_atomically(tmp_path / "a", lambda t: t.write_bytes(b"1"), fail=_refuse) == 1
    assert len(flushed) == 1
    replace_atomically(tmp_path / "b", lambda t: t.write_bytes(b"2"), fail=_refuse, durable=False)
    assert len(flushed) == 1 and (tmp_path / "b").read_bytes() == b"2"


def test_a_missing_folder_is_the_callers_error(tmp_path: Path) -> None:
    with pytest.raises(RefusedError, match="No such file"):
        write_text_atomically(tmp_path / "no" / "out.txt", "x", fail=_refuse)
