"""A question as Moodle sees it: what the GIFT and Moodle XML readers produce and writers take.

Readers follow Moodle 4.5's own import code, so a record says exactly what Moodle
would make of the file; ``convert`` then maps records onto our bank model.
"""

from __future__ import annotations

import html
import re
import unicodedata
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
SUPPORTED_TYPES = frozenset(
    {"multichoice", "truefalse", "match", "ordering", "description", "shortanswer", "numerical"}
)

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
    # numerical: "answer" (a number or "*"), "tolerance" (a number or ""), "range" [min, max]
    numeric: dict[str, Any] = field(default_factory=dict)
    empty_cause: str = ""  # why the text is empty, when the reader knows (a report template)


@dataclass
class MUnit:
    """A numerical question's unit, as written (the multiplier is checked on import)."""

    name: str
    multiplier: str = "1"


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
    units: list[MUnit] = field(default_factory=list)  # numerical
    meta: dict[str, Any] = field(default_factory=dict)  # our own metadata, if we wrote the file
    # What Moodle keeps and our bank format cannot: combined feedback (right, partly right,
    # wrong) and hints; the import reports them.
    combined_feedback: list[FText] = field(default_factory=list)
    hints: list[FText] = field(default_factory=list)
    # Report lines the reader adds about this record: (severity, template, args).
    notes: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)

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
        if self.type == "shortanswer":
            out["usecase"] = 1 if self.options.get("usecase", "0").strip() == "1" else 0
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
                answer.update(a.numeric)
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
        self.pre = 0  # inside <pre>: line breaks are kept
        self.links: list[tuple[str, int]] = []  # per open <a>: its address, where its text starts
        self.keep_newlines = False

    def _para(self) -> None:
        self.out.append("\n\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCKS:
            self._para()
            if tag == "pre":
                self.pre += 1
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.out)))
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
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
        elif tag == "a" and self.links:
            # Links are never followed here: the address is kept as text after the words.
            href, start = self.links.pop()
            words = " ".join("".join(self.out[start:]).split())
            if _shows_address(href) and href.removeprefix("mailto:") not in words:
                self.out.append(f" ({href.removeprefix('mailto:')})")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._para()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.pre and not self.keep_newlines and "\n" in data:
            # A line break and the spaces around it are one space (a split, not a
            # pattern: a long run of spaces must not cost time squared).
            data = " ".join(part.strip() for part in data.split("\n"))
        self.out.append(data)


def _shows_address(href: str) -> bool:
    return href.startswith(("http://", "https://", "mailto:", "www."))


def html_to_text(value: str, *, keep_newlines: bool = False) -> str:
    """Turn HTML into our light text (``keep_newlines``: line breaks in the source count)."""
    text, _ = html_to_text_and_images(value, keep_newlines=keep_newlines)
    return text


def html_to_text_and_images(value: str, *, keep_newlines: bool = False) -> tuple[str, list[str]]:
    maker = _TextMaker()
    maker.keep_newlines = keep_newlines
    maker.feed(value)
    maker.close()
    raw = "".join(maker.out).replace("\xa0", " ")
    lines = [
        " ".join(line.split()) if not keep_newlines else line.strip() for line in raw.split("\n")
    ]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, maker.images


def is_image_only(value: FText) -> bool:
    """Whether a text is nothing but pictures (or files): its words alone are empty.

    The import leaves out a question with such a text, unless one of its pictures is
    kept (Moodle XML, the file embedded and good: see ``convert._Importer.text``)."""
    text, images = to_plain(value)
    if not (images or value.files):
        return False
    return not re.sub(r"\[image(: [^\]]*)?\]", "", text).strip()


# Link words hold no "[": a scan from one "[" stops at the next, so a hostile text of
# brackets costs linear time.
_MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\(([^()\s]+)\)")


def markdown_to_text(value: str) -> str:
    """Moodle's Markdown as our light text: links keep their address in brackets,
    headings become strong lines, ``__strong__`` becomes ``**strong**``, ``* item``
    becomes ``- item``; line breaks are kept."""
    text = _MARKDOWN_LINK.sub(
        lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})",
        value,
    )
    text = "\n".join(_heading(line) for line in text.split("\n"))
    text = re.sub(r"__(.+?)__", r"**\1**", text)
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    out: list[str] = []
    for para in paragraphs:
        lines = [line.strip() for line in para.split("\n") if line.strip()]
        if lines and all(re.match(r"([-*+] |\d+\. )", line) for line in lines):
            out.append("\n".join("- " + line[2:] if line[0] in "*+" else line for line in lines))
        else:
            out.append("\n".join(lines))
    return "\n\n".join(p for p in out if p)


def _heading(line: str) -> str:
    """``## Title ##`` → ``**Title**`` followed by a paragraph break; other lines as they are."""
    level = len(line) - len(line.lstrip("#"))
    rest = line[level:]
    if not 1 <= level <= 6 or not rest[:1].isspace() or not rest.strip(" \t#"):
        return line
    return f"**{rest.strip().rstrip('#').strip()}**\n"


def transliterate(value: str) -> str:
    """Latin letters without their accents (é → e, ß → ss, œ → oe), for ids and tags."""
    value = value.replace("ß", "ss").replace("œ", "oe").replace("Œ", "OE")
    value = value.replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def needs_html_conversion(value: str) -> bool:
    return bool(_TAG_OR_ENTITY.search(value))


def to_plain(value: FText) -> tuple[str, list[str]]:
    """A Moodle text as our text, and the images it referred to (which we cannot keep)."""
    if value.format == MARKDOWN:
        text = markdown_to_text(value.text)
        if needs_html_conversion(text):
            return html_to_text_and_images(text, keep_newlines=True)
        return text, []
    if value.format == HTML or (value.format == MOODLE and needs_html_conversion(value.text)):
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

    def __init__(self, path: str, *, nearest: bool = False) -> None:
        self.path = path
        self.nearest = nearest
        self.bad: list[str] = []

    def snap(self, q: MQuestion) -> None:
        """Snap each grade; with ``nearest``, a grade Moodle does not allow becomes the
        nearest one it does (as Moodle's "nearest grade" import option), with a note."""
        from trainer.banks.formats.messages import M_NEAREST_GRADE

        if q.type not in ("multichoice", "shortanswer", "numerical"):
            return
        for answer in q.answers:
            snapped = snap_grade(answer.fraction)
            if snapped is not None:
                answer.fraction = snapped
            elif self.nearest:
                near = nearest_grade(answer.fraction)
                q.notes.append(
                    (
                        "changed",
                        M_NEAREST_GRADE,
                        (f"{answer.fraction * 100:.7g}", f"{near * 100:.7g}"),
                    )
                )
                answer.fraction = near
            else:
                self.bad.append(f"line {q.line} ({q.name}): {answer.fraction * 100:g}%")

    def finish(self) -> None:
        from trainer.errors import FormatError

        if self.bad:
            raise FormatError(
                "some answers have grades Moodle does not allow (use 100, 90, 83.33333, 80, 75,"
                " 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,"
                " 11.11111, 10, 5 or 0 percent, or their negatives, or import with the nearest"
                " grade option); nothing was imported: " + "; ".join(self.bad),
                where=self.path,
            )
