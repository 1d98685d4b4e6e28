"""Pictures in banks: the file is found beside the bank, checked by content, bounded, and
described in every language; every hostile case is refused with its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.picture_files import (
    default_pictures,
    jpeg_header,
    png,
    png_header_only,
    svg,
    write_bank,
)
from trainer.banks.loader import load_bank
from trainer.banks.model import SingleChoice
from trainer.banks.pictures import (
    MAX_PICTURE_BYTES,
    PictureError,
    PictureType,
    inspect,
    pictures_root,
)
from trainer.banks.serialize import question_from_data, question_to_data
from trainer.errors import BankError


def _problems(path: Path) -> list[str]:
    with pytest.raises(BankError) as caught:
        load_bank(path)
    return [f"{p.line}:{p.column} {p.message}" for p in caught.value.problems]


def test_a_bank_with_pictures_loads_with_their_sides_alt_text_and_place(tmp_path: Path) -> None:
    bank = load_bank(write_bank(tmp_path))
    q = bank.questions[0]
    assert isinstance(q, SingleChoice)
    assert q.image is not None
    assert (q.image.file, q.image.type, q.image.width, q.image.height) == (
        "advert.png",
        "png",
        40,
        30,
    )
    assert q.image.alt.get("fr").startswith("Une annonce")
    assert q.image.path == (tmp_path / "advert.png").resolve()
    option = q.options[0].image
    assert option is not None and (option.type, option.width, option.height) == ("svg", 40, 20)
    assert [p.file for p in bank.pictures()] == ["advert.png", "pay.svg"]


def test_changing_a_picture_changes_the_bank_content_hash(tmp_path: Path) -> None:
    path = write_bank(tmp_path)
    before = load_bank(path).content_hash
    (tmp_path / "advert.png").write_bytes(png(41, 30))
    assert load_bank(path).content_hash != before


def test_a_picture_in_a_subfolder_and_in_the_pictures_folder(tmp_path: Path) -> None:
    pics = {"docs/advert.png": png(), "docs/pay.svg": svg()}
    path = write_bank(tmp_path, file="docs/advert.png", option_file="docs/pay.svg", pictures=pics)
    assert load_bank(path).questions[0].image is not None
    library = tmp_path / "library"
    (library / "pictures.pictures").mkdir(parents=True)
    (library / "pictures.pictures" / "advert.png").write_bytes(png())
    (library / "pictures.pictures" / "pay.svg").write_bytes(svg())
    (library / "pictures.yaml").write_bytes(write_bank(tmp_path / "x").read_bytes())
    assert pictures_root(library / "pictures.yaml") == library / "pictures.pictures"
    assert load_bank(library / "pictures.yaml").questions[0].image is not None


def test_a_snapshot_keeps_the_picture_path_and_alt_text(tmp_path: Path) -> None:
    q = load_bank(write_bank(tmp_path)).questions[0]
    data = question_to_data(q)
    assert data["image"] == {"file": "advert.png", "alt": dict(q.image.alt.values)}  # type: ignore[union-attr]
    back = question_from_data(data)
    assert isinstance(back, SingleChoice)
    assert back.image is not None and back.image.alt == q.image.alt  # type: ignore[union-attr]
    assert back.options[0].image is not None


@pytest.mark.parametrize(
    ("file", "pictures", "message"),
    [
        ("missing.png", {}, "the picture file 'missing.png' was not found beside the bank"),
        ("../advert.png", {}, "'../advert.png' leaves the bank's folder"),
        ("/etc/passwd", {}, "must be a path relative to the bank's folder"),
        ("C:/x.png", {}, "must be a path relative to the bank's folder"),
        ("a\\b.png", {}, "must be a path relative to the bank's folder"),
        (".hidden.png", {".hidden.png": png()}, "may not start with '.'"),
        (
            "zip.png",
            {"zip.png": b"PK\x03\x04" + b"\x00" * 60},
            "is not a PNG, JPEG or SVG picture (its content is a ZIP archive",
        ),
        ("text.png", {"text.png": b"hello"}, "'text.png' is not a PNG, JPEG or SVG picture"),
        (
            "huge.png",
            {"huge.png": png_header_only(60000, 60000)},
            "is 60000×60000 pixels; at most 8000×8000",
        ),
        ("wide.jpg", {"wide.jpg": jpeg_header(9000, 10)}, "is 9000×10 pixels"),
        ("empty.png", {"empty.png": png_header_only(0, 5)}, "has no size (0×5)"),
        (
            "named.jpg",
            {"named.jpg": png()},
            "holds a PNG picture but its name does not end in .png",
        ),
        ("big.png", {"big.png": png() + b"\x00" * MAX_PICTURE_BYTES}, "is larger than 5 MB"),
        (
            "entity.svg",
            {
                "entity.svg": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>&x;</text></svg>'
            },
            "declares a DTD or entities",
        ),
        (
            "script.svg",
            {"script.svg": svg("<script>alert(1)</script>")},
            "holds a <script> element",
        ),
        (
            "onload.svg",
            {"onload.svg": svg('<rect onload="alert(1)" width="1" height="1"/>')},
            "has an event handler (onload)",
        ),
        (
            "href.svg",
            {
                "href.svg": svg(
                    '<image xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="http://x.example/a.png"/>'
                )
            },
            "refers to something outside itself (http://x.example/a.png)",
        ),
        (
            "style.svg",
            {
                "style.svg": svg(
                    '<rect style="fill: url(http://x.example/p)" width="1" height="1"/>'
                )
            },
            "refers to something outside itself in 'style'",
        ),
        (
            "import.svg",
            {"import.svg": svg("<style>@import 'http://x.example/s.css';</style>")},
            "has a style sheet that refers",
        ),
        (
            "broken.svg",
            {"broken.svg": b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>"},
            "is not well-formed XML",
        ),
        ("huge.svg", {"huge.svg": svg(size='width="20000" height="10"')}, "is 20000×10 pixels"),
    ],
)
def test_a_bad_picture_is_refused_at_its_line_and_column(
    tmp_path: Path, file: str, pictures: dict[str, bytes], message: str
) -> None:
    pics = {"pay.svg": svg(), **pictures}
    problems = _problems(write_bank(tmp_path / "bank", file=file, pictures=pics))
    assert len(problems) == 1, problems
    assert problems[0].startswith("20:13 question 'q-advert': picture: "), problems
    assert message in problems[0]


def test_a_link_out_of_the_bank_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.png"
    outside.write_bytes(png())
    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "link.png").symlink_to(outside)
    problems = _problems(write_bank(folder, file="link.png", pictures={"pay.svg": svg()}))
    assert "'link.png' leads out of the bank's folder (a link)" in problems[0]


def test_a_folder_or_device_is_not_a_picture(tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    (folder / "dir.png").mkdir(parents=True)
    problems = _problems(write_bank(folder, file="dir.png", pictures={"pay.svg": svg()}))
    assert "'dir.png' is not a file" in problems[0]


def test_alt_text_is_required_in_every_language_of_the_bank(tmp_path: Path) -> None:
    path = write_bank(tmp_path)
    text = path.read_text("utf-8")
    text = text.replace(", fr: Une annonce promettant un salaire élevé à l'étranger", "")
    text = text.replace(
        "          alt: {en: The pay line of the advert, fr: La ligne du salaire de l'annonce}\n",
        "",
    )
    path.write_text(text, "utf-8")
    problems = _problems(path)
    assert any(
        "21:12 question 'q-advert': picture alt text: 'alt' has no 'fr' translation" in p
        for p in problems
    ), problems
    assert any(
        "question 'q-advert': option 'a': picture: missing key 'alt'" in p for p in problems
    ), problems


def test_a_picture_read_from_bytes_alone_needs_its_bank_file(tmp_path: Path) -> None:
    from trainer.banks.loader import load_bank_bytes

    data = write_bank(tmp_path).read_bytes()
    with pytest.raises(BankError) as caught:
        load_bank_bytes(data, "bank.yaml")
    assert "must be read from its file" in caught.value.problems[0].message


def test_one_file_shown_twice_is_read_once_and_reported_once(tmp_path: Path) -> None:
    path = write_bank(tmp_path, file="missing.png", option_file="missing.png", pictures={})
    problems = _problems(path)
    assert len(problems) == 2  # one per place that names it
    assert all("'missing.png' was not found" in p for p in problems)


def test_inspect_reads_sides_from_headers_of_each_type() -> None:
    assert inspect(png(7, 5), "a.png").type is PictureType.PNG
    assert (inspect(png(7, 5), "a.png").width, inspect(png(7, 5), "a.png").height) == (7, 5)
    info = inspect(jpeg_header(640, 480), "a.jpg")
    assert (info.type, info.width, info.height) == (PictureType.JPEG, 640, 480)
    info = inspect(svg(size='viewBox="0 0 120 60"'), "a.svg")
    assert (info.width, info.height) == (120, 60)
    info = inspect(svg(size='width="10cm" viewBox="0 0 100 50"'), "a.svg")
    assert (info.width, info.height) == (378, 189)
    with pytest.raises(PictureError, match="damaged"):
        inspect(b"\xff\xd8\xff\xd9", "a.jpg")
    with pytest.raises(PictureError, match="not an SVG picture"):
        inspect(b"<html><svg></svg></html>", "a.svg")


def test_default_pictures_are_valid() -> None:
    for name, data in default_pictures().items():
        assert inspect(data, name).size == len(data)


def test_the_schema_accepts_pictures_and_refuses_a_path_out(tmp_path: Path) -> None:
    import json

    import jsonschema

    from trainer.banks import yamlsafe

    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "trainer/banks/schema.json").read_text("utf-8")
    )
    validator = jsonschema.Draft202012Validator(schema)

    def plain(value: object) -> object:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    good = write_bank(tmp_path)
    root, _ = yamlsafe.parse(good.read_text("utf-8"))
    assert list(validator.iter_errors(plain(root))) == []
    bad = write_bank(tmp_path / "bad", file="../secret.png")
    root, _ = yamlsafe.parse(bad.read_text("utf-8"))
    assert list(validator.iter_errors(plain(root)))


@pytest.mark.parametrize("mark", ["[image]", "[image: A passport]", " [image] [image: x] "])
def test_a_text_that_is_only_an_image_mark_never_passes(tmp_path: Path, mark: str) -> None:
    path = write_bank(tmp_path)
    text = path.read_text("utf-8").replace(
        "{en: The font, fr: La police}", f'{{en: "{mark}", fr: La police}}'
    )
    path.write_text(text, "utf-8")
    [problem] = _problems(path)
    assert "option 'b': 'text' in 'en' is only an [image] mark" in problem


def test_an_image_mark_inside_a_text_is_still_text(tmp_path: Path) -> None:
    path = write_bank(tmp_path)
    text = path.read_text("utf-8").replace(
        "{en: The font, fr: La police}", '{en: "The font [image] used", fr: La police}'
    )
    path.write_text(text, "utf-8")
    assert load_bank(path).questions[0].options[1].text.get("en") == "The font [image] used"  # type: ignore[attr-defined]


def test_all_the_pictures_of_a_bank_together_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.banks import loader

    monkeypatch.setattr(loader, "MAX_BANK_PICTURE_BYTES", len(png(40, 30)) + 10)
    problems = _problems(write_bank(tmp_path))
    assert len(problems) == 1
    assert "option 'a': picture: the bank's pictures together exceed" in problems[0]


@pytest.mark.parametrize("alt", ["image", "Picture.", "advert.png", "advert"])
def test_an_alt_text_that_says_nothing_is_refused(tmp_path: Path, alt: str) -> None:
    path = write_bank(tmp_path)
    text = path.read_text("utf-8").replace(
        "{en: A job advert promising high pay abroad,", f"{{en: {alt},"
    )
    path.write_text(text, "utf-8")
    [problem] = _problems(path)
    assert problem.startswith("21:12 question 'q-advert': picture alt text: ")
    assert f"'{alt}' in 'en' does not say what the picture shows" in problem
