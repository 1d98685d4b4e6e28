"""A question as Moodle sees it: what the GIFT and Moodle XML readers produce and writers take.

Readers follow Moodle 4.5's own import code, so a record says exactly what Moodle
would make of the file; ``convert`` then maps records onto our bank model.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

# Moodle's text formats, by the names its GIFT reader uses.
MOODLE, HTML, PLAIN, MARKDOWN, WIKI = "moodle", "html", "plain", "markdown", "wiki"

# The grades Moodle accepts for an answer (as fractions), within 1e-5; negatives too.
_GRADES = (
    1.0,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
    0.0,
)
GRADE_TOLERANCE = 1e-5

# Moodle question types we can turn into one of our kinds.
SUPPORTED_TYPES = frozenset({"multichoice", "truefalse", "match", "ordering", "description"})

TYPE_LABELS = {
    "essay": "essay",
    "shortanswer": "short answer",
    "numerical": "numerical",
    "multianswer": "embedded answers (Cloze)",
    "calculated": "calculated",
    "calculatedsimple": "simple calculated",
    "calculatedmulti": "calculated multichoice",
    "ddwtos": "drag and drop into text",
    "ddimageortext": "drag and drop onto image",
    "ddmarker": "drag and drop markers",
    "gapselect": "select missing words",
    "randomsamatch": "random short-answer matching",
}


def snap_grade(fraction: float) -> float | None:
    """The Moodle grade this fraction stands for, or None if Moodle refuses it."""
    for grade in _GRADES:
        for value in (grade, -grade):
            if abs(fraction - value) <= GRADE_TOLERANCE:
                return value
    return None


def nearest_grade(fraction: float) -> float:
    """The allowed Moodle grade closest to ``fraction``."""
    return min((*_GRADES, *(-g for g in _GRADES)), key=lambda g: abs(g - fraction))


@dataclass
class FText:
    """A text and its Moodle format."""

    text: str
    format: str = MOODLE
    files: list[str] = field(default_factory=list)  # embedded files (images, sound)
    # the embedded files' contents, by name, as the file holds them (base64)
    data: dict[str, str] = field(default_factory=dict)


@dataclass
class MAnswer:
    text: FText
    fraction: float = 0.0
    feedback: FText = field(default_factory=lambda: FText(""))


@dataclass
class MPair:
    """A matching sub-question; an empty question is an extra (distractor) answer."""

    question: FText
    answer: str


@dataclass
class MQuestion:
    """One entry of a GIFT or Moodle XML file: a question, a category switch or an error."""

    type: str
    line: int = 0
    title: str | None = None
    text: FText = field(default_factory=lambda: FText(""))
    general_feedback: FText = field(default_factory=lambda: FText(""))
    answers: list[MAnswer] = field(default_factory=list)
    single: bool = True
    correct: bool | None = None  # true/false: is "true" the right answer
    pairs: list[MPair] = field(default_factory=list)
    category: str = ""
    idnumber: str | None = None
    tags: list[str] = field(default_factory=list)
    missing_word: bool = False
    error: str | None = None
    options: dict[str, str] = field(default_factory=dict)  # type-specific settings
    meta: dict[str, Any] = field(default_factory=dict)  # our own metadata, if we wrote the file

    @property
    def name(self) -> str:
        return self.title or self.idnumber or _shorten(self.text.text)

    def to_expected(self) -> dict[str, Any]:
        """The record in the shape of the conformance oracle (``expected.json``)."""
        if self.type == "category":
            cat: dict[str, Any] = {"type": "category", "category": self.category}
            if self.idnumber is not None:
                cat["idnumber"] = self.idnumber
            return cat
        if self.type == "error":
            return {"type": "error", "title": self.title, "error": self.error}
        out: dict[str, Any] = {
            "type": self.type,
            "title": self.title,
            "text": self.text.text,
            "text_format": self.text.format,
            "general_feedback": self.general_feedback.text,
            "general_feedback_format": self.general_feedback.format,
        }
        if self.type == "multichoice":
            out["single"] = self.single
        if self.type == "truefalse":
            out["correct"] = self.correct
        if self.answers:
            out["answers"] = []
            for a in self.answers:
                answer: dict[str, Any] = {
                    "text": a.text.text,
                    "format": a.text.format,
                    "fraction": a.fraction,
                    "feedback": a.feedback.text,
                    "feedback_format": a.feedback.format,
                }
                if a.text.files:
                    answer["files"] = list(a.text.files)
                out["answers"].append(answer)
        if self.text.files:
            out["text_files"] = list(self.text.files)
        if self.type == "match":
            out["pairs"] = [
                {
                    "question": p.question.text,
                    "question_format": p.question.format,
                    "answer": p.answer,
                }
                for p in self.pairs
            ]
        if self.idnumber is not None:
            out["idnumber"] = self.idnumber
        if self.tags:
            out["tags"] = list(self.tags)
        if self.missing_word:
            out["missing_word"] = True
        return out


def _shorten(text: str, size: int = 60) -> str:
    flat = " ".join(html_to_text(text).split())
    return flat if len(flat) <= size else flat[: size - 1] + "…"


# -- text conversion -----------------------------------------------------------------------
_TAG_OR_ENTITY = re.compile(r"<[A-Za-z/!]|&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr"}


class _TextMaker(HTMLParser):
    """HTML → our light text: paragraphs, *emphasis*, **strong**, lists; the rest as text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [is_ordered, counter]
        self.images: list[str] = []
        self.skip = 0

    def _para(self) -> None:
        self.out.append("\n\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCKS:
            self._para()
        elif tag == "br":
            self.out.append("\n")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("ul", "ol"):
            self._para()
            self.lists.append([1 if tag == "ol" else 0, 0])
        elif tag == "li":
            self.out.append("\n")
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                self.out.append(f"{self.lists[-1][1]}. ")
            else:
                self.out.append("- ")
        elif tag == "img":
            found = dict(attrs)
            self.images.append(found.get("src") or "")
            alt = (found.get("alt") or "").strip()
            self.out.append(f" [image: {alt}] " if alt else " [image] ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self._para()
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._para()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_to_text(value: str, *, keep_newlines: bool = False) -> str:
    """Turn HTML into our light text (``keep_newlines``: line breaks in the source count)."""
    text, _ = html_to_text_and_images(value, keep_newlines=keep_newlines)
    return text


def html_to_text_and_images(value: str, *, keep_newlines: bool = False) -> tuple[str, list[str]]:
    maker = _TextMaker()
    source = value if keep_newlines else re.sub(r"\s*\n\s*", " ", value)
    maker.feed(source)
    maker.close()
    raw = "".join(maker.out).replace("\xa0", " ")
    lines = [
        " ".join(line.split()) if not keep_newlines else line.strip() for line in raw.split("\n")
    ]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, maker.images


def needs_html_conversion(value: str) -> bool:
    return bool(_TAG_OR_ENTITY.search(value))


def to_plain(value: FText) -> tuple[str, list[str]]:
    """A Moodle text as our text, and the images it referred to (which we cannot keep)."""
    if value.format == HTML or (
        value.format in (MOODLE, MARKDOWN) and needs_html_conversion(value.text)
    ):
        return html_to_text_and_images(value.text, keep_newlines=value.format != HTML)
    return value.text.strip(), []


_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


def _inline_html(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return f"<strong>{m.group(1)}</strong>"
        return f"<em>{m.group(2)}</em>"

    return _INLINE.sub(repl, html.escape(text, quote=False))


def text_to_html(text: str) -> str:
    """Our light text (paragraphs, emphasis, lists) as the HTML Moodle shows."""
    blocks = re.split(r"\n\s*\n", text.strip())
    out: list[str] = []
    for block in blocks:
        lines = block.split("\n")
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline_html(line[2:])}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        elif all(re.match(r"\d+\. ", line) for line in lines):
            items = "".join(f"<li>{_inline_html(line.split('. ', 1)[1])}</li>" for line in lines)
            out.append(f"<ol>{items}</ol>")
        else:
            out.append("<p>" + "<br>".join(_inline_html(line) for line in lines) + "</p>")
    return "".join(out)


class GradeCheck:
    """Refuse the file, as Moodle does by default, if any answer has a grade it does not
    allow; grades within Moodle's tolerance are snapped to the exact value. One record at
    a time, for readers that hand records on as they read them: ``snap`` each, then
    ``finish`` raises FormatError if any grade was refused."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.bad: list[str] = []

    def snap(self, q: MQuestion) -> None:
        if q.type not in ("multichoice", "shortanswer", "numerical"):
            return
        for answer in q.answers:
            snapped = snap_grade(answer.fraction)
            if snapped is None:
                self.bad.append(f"line {q.line} ({q.name}): {answer.fraction * 100:g}%")
            else:
                answer.fraction = snapped

    def finish(self) -> None:
        from trainer.errors import FormatError

        if self.bad:
            raise FormatError(
                "some answers have grades Moodle does not allow (use 100, 90, 83.33333, 80, 75,"
                " 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,"
                " 11.11111, 10, 5 or 0 percent, or their negatives); nothing was imported: "
                + "; ".join(self.bad),
                where=self.path,
            )
