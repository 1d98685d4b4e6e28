"""Converting GIFT / Moodle XML into drafts: the parts that must grow linearly with the file."""

from __future__ import annotations

from pathlib import Path


def test_a_big_draft_is_written_as_safe_dump_writes_it(tmp_path: Path) -> None:
    """The draft is written a few hundred questions at a time: the text is the same as
    one ``yaml.safe_dump`` of the whole bank, across chunk boundaries."""
    import yaml

    from trainer.banks.formats import convert

    count = convert._QUESTIONS_PER_CHUNK * 2 + 7
    source = tmp_path / "many.gift"
    source.write_text(
        "".join(
            f"::g{i}:: Is {i} even: 'yes'? {{T}}\n\n"
            if i % 2
            else f"::g{i}:: Pick # {i} {{=yes: true ~no ~%50%maybe}}\n\n"
            for i in range(count)
        ),
        encoding="utf-8",
    )
    draft = convert.import_file(source)
    assert draft.question_count == count
    assert len({q.id for q in draft.bank.questions}) == count
    data = convert.draft_to_data(draft)
    expected = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    assert convert._dump_bank_data(data) == expected
    saved = convert.save_draft(draft, tmp_path / "many.yaml")
    assert saved.read_text(encoding="utf-8").endswith(expected)


def test_a_refused_grade_at_the_end_still_refuses_the_whole_import(tmp_path: Path) -> None:
    """Records are converted as they are read: a bad grade in the last question still
    stops the import, with every bad grade named."""
    import pytest

    from trainer.banks.formats import convert
    from trainer.errors import FormatError

    source = tmp_path / "late.gift"
    good = "".join(f"::g{i}:: Pick {i} {{=yes ~no}}\n\n" for i in range(50))
    source.write_text(good + "::bad:: Pick {~%33%a ~%67%b ~c}\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"nothing was imported: line 101 \(bad\): 33%"):
        convert.import_file(source)
