"""GIFT / Moodle XML ⇄ our bank model: import into a draft bank, export a bank in one language.

Moodle records (see ``records``) map onto our kinds where the meaning is the
same; everything else is listed in the report with its file and line. A draft
declares only the imported language and carries placeholders for what Moodle
files do not hold (topic, explanation, source): the trainer completes them, then
the draft validates as a bank.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from trainer.banks import serialize
from trainer.banks.bulk import collector_paused
from trainer.banks.formats import gift, moodle_xml
from trainer.banks.formats.messages import (
    M_COMBINED_FEEDBACK,
    M_DESCRIPTION_JOINED,
    M_DESCRIPTION_LEFT_OUT,
    M_EXPORT_LARGE,
    M_HINTS,
    M_IMAGE_ONLY,
    M_IMAGES,
    M_METADATA,
    M_NO_QUESTIONS,
    M_NO_TEXT,
    M_NOTHING,
    M_PICTURE_GIFT,
    M_PICTURE_NO_ALT,
    M_PICTURE_ONLY,
    M_PICTURE_REFUSED,
    M_SCENARIO_MADE,
    M_SCENARIO_TOO_FEW,
    M_TITLE_AS_TEXT,
    M_TO_COMPLETE,
    M_UNREADABLE,
    M_UNSUPPORTED,
    M_WEIGHT_ROUNDED,
)
from trainer.banks.formats.pictures import (
    decode_file,
    embedded_name,
    encode_file,
    find_images,
    img_html,
    safe_name,
)
from trainer.banks.formats.records import (
    HTML,
    MARKDOWN,
    TYPE_LABELS,
    FText,
    MQuestion,
    is_image_only,
    nearest_grade,
    snap_grade,
    text_to_html,
    to_plain,
    transliterate,
)
from trainer.banks.formats.report import ImportReport, Severity
from trainer.banks.loader import MAX_FILE_BYTES
from trainer.banks.model import (
    Audience,
    Bank,
    LocalizedText,
    Module,
    Picture,
    Question,
    Source,
    SourceRef,
    Topic,
)
from trainer.banks.pictures import (
    MAX_PICTURE_BYTES,
    PICTURES_FOLDER_SUFFIX,
    PictureError,
    PictureType,
    inspect,
    usable_alt,
)
from trainer.errors import FormatError, Problem
from trainer.files import TooLargeError, read_bounded, replace_atomically, write_text_atomically
from trainer.quiz import kinds
from trainer.quiz.kinds.scenario import HANDLER as SCENARIO

PLACEHOLDER = "TO-COMPLETE"
EXPLANATION_PLACEHOLDER = "TO COMPLETE: explain why this is the right answer."
QUESTION_PLACEHOLDER = "TO COMPLETE: write the question (it was only a picture)."
ALT_PLACEHOLDER = "TO COMPLETE: say what the picture shows."
# Texts a draft may hold that are valid text but must be replaced before it is used.
TEXT_PLACEHOLDERS = (EXPLANATION_PLACEHOLDER, QUESTION_PLACEHOLDER, ALT_PLACEHOLDER)
# Texts whose pictures are kept on import (a picture in feedback has nowhere to go).
_PICTURE_PLACES = {
    "question text": QUESTION_PLACEHOLDER,
    "description": QUESTION_PLACEHOLDER,
    "an answer": "",  # an option that is only a picture reads as its alt text
}
GIFT_SUFFIXES = (".gift", ".txt")
XML_SUFFIXES = (".xml",)
_ID_BAD = re.compile(r"[^A-Za-z0-9_.-]+")


class ExportFormat(StrEnum):
    GIFT = "gift"
    MOODLE_XML = "moodle-xml"

    @property
    def suffix(self) -> str:
        return ".gift" if self is ExportFormat.GIFT else ".xml"


@dataclass(frozen=True)
class Draft:
    """An imported bank for the trainer to review, complete and save.

    ``bank`` is the model of the draft; questions listed in ``missing_topics`` carry a
    stand-in topic in memory and the ``TO-COMPLETE`` placeholder in the saved YAML.
    """

    bank: Bank
    report: ImportReport
    lang: str
    missing_topics: frozenset[str] = frozenset()
    # the pictures the draft shows, by file name, written beside it when it is saved
    pictures: Mapping[str, bytes] = field(default_factory=dict)

    @property
    def question_count(self) -> int:
        return len(self.bank.questions)


def is_importable(path: Path) -> bool:
    return path.suffix.lower() in GIFT_SUFFIXES + XML_SUFFIXES


def read_records(path: Path, *, nearest_grade: bool = False) -> Iterator[MQuestion]:
    """The file's records, one at a time (FormatError for an unreadable file, or at the
    end for refused grades; ``nearest_grade``: such grades become the nearest allowed)."""
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
    except TooLargeError:
        raise FormatError(
            f"the file is larger than {MAX_FILE_BYTES // 1048576} MiB, the most an import reads",
            where=str(path),
        ) from None
    except OSError as exc:
        raise FormatError(f"cannot read the file: {exc.strerror}", where=str(path)) from exc
    if path.suffix.lower() in XML_SUFFIXES:
        return moodle_xml.iter_moodle_xml(data, path.name, nearest_grade=nearest_grade)
    return gift.iter_gift(data, path.name, nearest_grade=nearest_grade)


def import_file(path: Path, *, lang: str = "en", nearest_grade: bool = False) -> Draft:
    """Read a GIFT or Moodle XML file into a draft bank in ``lang``, with its report.

    ``nearest_grade``: a grade Moodle does not allow becomes the nearest one it does
    (each with a report line) instead of refusing the file, like Moodle's import option.
    A draft with no question is not to be saved (``Draft.question_count`` is 0)."""
    if not is_importable(path):
        raise FormatError(
            "only GIFT (.gift, .txt) and Moodle XML (.xml) files can be imported here",
            where=str(path),
        )
    with collector_paused():
        return records_to_draft(
            read_records(path, nearest_grade=nearest_grade), path.name, lang=lang
        )


def slug(value: str) -> str:
    cleaned = _ID_BAD.sub("-", transliterate(value).strip()).strip("-._")
    return cleaned[:100]


# -- import ------------------------------------------------------------------------------
# The categories Moodle makes for each course or context, in the languages teachers use:
# "Default for …", "Défaut pour …", "Por defecto en …" … They say nothing of the questions.
_DEFAULT_CATEGORY = re.compile(
    r"^(default for|defaut pour|par defaut pour|por defecto en|por defecto para|"
    r"standard fur|voreinstellung fur|predefinito per|predefinita per|padrao para|"
    r"standaard voor|domyslna dla|domyslne dla|varsayilan|по умолчанию для)\b",
    re.IGNORECASE,
)
# A scenario's part, as our export names it: "<scenario id>/<position>" (its idnumber).
_PART_MARK = re.compile(r"^(.+)/([1-9][0-9]{0,3})$")


# The texts a question cannot do without (only pictures that cannot be kept there leave it out).
_NEEDED = frozenset({"question text", "an answer", "a sub-question", "an item", "description"})


class _LeftOutError(Exception):
    """A question that cannot be imported, and the report line that says why."""

    def __init__(self, template: str, *args: str) -> None:
        super().__init__(template)
        self.template = template
        self.args_ = args


@dataclass
class _Description:
    """A description record waiting for the end of the file to learn its parts."""

    record: MQuestion
    slot: int
    topic: Topic | None


def part_mark(q: MQuestion) -> tuple[str, int] | None:
    """(scenario id, position) when a record says it is a part of a scenario."""
    found = _PART_MARK.match(q.idnumber or "")
    return (found.group(1), int(found.group(2))) if found else None


class _Importer:
    def __init__(self, name: str, lang: str) -> None:
        self.name = name
        self.lang = lang
        self.report = ImportReport(name)
        self.ids: set[str] = set()
        self.counter = 0
        self.topic: Topic | None = None
        self.category_tags: list[str] = []
        self.missing_topics: set[str] = set()
        self.tags: set[str] = set()
        self.bank_meta: dict[str, Any] = {}
        # The draft's questions in file order; a description's slot waits for its parts.
        self.slots: list[Question | None] = []
        self.descriptions: dict[str, _Description] = {}
        self.parts: dict[str, list[tuple[int, int]]] = {}  # scenario id → (position, slot)
        # Files written by earlier versions: a description's comment counts its parts,
        # which follow it.
        self.following: tuple[str, int] | None = None
        # A titled description no question names, waiting to see the record after it.
        self.intro: MQuestion | None = None
        self.lost_files: dict[tuple[int, str], list[str]] = {}
        self.seen = 0  # records read
        self.pictures: dict[str, bytes] = {}  # file name beside the draft → bytes
        self.kept: dict[int, tuple[FText, Picture, bytes]] = {}

    # helpers
    def text(self, value: FText, q: MQuestion, what: str, *, keep: bool = True) -> str:
        """A text of the record as ours. Its first picture that can be kept (see
        ``keep_picture``; ``keep``: False when it has nowhere to go) is taken out of the
        text, and a text that was only that picture becomes a placeholder to complete; a
        needed text that is only pictures none of which can be kept leaves the question out."""
        text, images = to_plain(value)
        kept = self.keep_picture(value, q) if keep and what in _PICTURE_PLACES and images else None
        if kept is None and what in _NEEDED and is_image_only(value):
            raise _LeftOutError(M_IMAGE_ONLY, what)
        if kept is not None:
            src, alt, picture = kept
            mark = f"[image: {' '.join(alt.split())}]" if alt else "[image]"
            text = "\n".join(
                " ".join(line.split()) for line in text.replace(mark, "", 1).split("\n")
            )
            text = re.sub(r"\n{3,}", "\n\n", text).strip()
            images = list(images)
            shown = next((i for i, found in enumerate(images) if found.strip() == src), None)
            if shown is not None:
                del images[shown]
            if not text:  # the text was only the picture
                text = _PICTURE_PLACES[what] or picture.alt.get(self.lang)
                if _PICTURE_PLACES[what]:
                    self.report.to_complete(q.line, q.name, M_PICTURE_ONLY)
        name = embedded_name(kept[0]) if kept is not None else None
        if images or set(value.files) - {name}:
            self.lost_files.setdefault((q.line, q.name), []).append(what)
        return text

    def keep_picture(self, value: FText, q: MQuestion) -> tuple[str, str, Picture] | None:
        """The first picture of a text whose file is embedded and good (each one refused is
        reported); ``picture_of`` then gives it to the question or option."""
        for src, alt in find_images(value.text):
            name = embedded_name(src)
            if name is None or name not in value.data:
                continue
            try:
                data, info = decode_file(value.data[name], name)
            except PictureError as exc:
                self.report.change(q.line, q.name, M_PICTURE_REFUSED, name, str(exc))
                continue
            file = self.picture_file(name, info.type, data)
            if usable_alt(alt, name):
                shown = " ".join(alt.split())
            else:
                shown = ALT_PLACEHOLDER
                self.report.to_complete(q.line, q.name, M_PICTURE_NO_ALT, name)
            picture = Picture(
                file, self.loc(shown), info.type.value, info.width, info.height, info.sha256
            )
            self.kept[id(value)] = (value, picture, data)
            return src, alt, picture
        return None

    def picture_file(self, name: str, kind: PictureType, data: bytes) -> str:
        """A name beside the draft for a picture (the same file keeps one name), unlike
        those of the pictures taken and of those of this record not taken yet."""
        taken = {picture.file: held for _value, picture, held in self.kept.values()}
        taken.update(self.pictures)
        stem = safe_name(name, kind.suffixes[0])
        candidate, n = stem, 1
        while candidate in taken and taken[candidate] != data:
            n += 1
            candidate = f"{stem.rsplit('.', 1)[0]}-{n}{kind.suffixes[0]}"
        return candidate

    def picture_of(self, value: FText) -> Picture | None:
        """The picture kept from a text read with ``text`` (None if it had none)."""
        found = self.kept.pop(id(value), None)
        if found is None or found[0] is not value:
            return None
        _value, picture, data = found
        self.pictures[picture.file] = data
        return picture

    def forget_to_complete(self, since: int) -> None:
        """Drop the lines *to complete* added since entry ``since``: they were about a record
        that is left out after all (its picture's alt text, a text that was only a picture)."""
        entries = self.report.entries
        entries[since:] = [e for e in entries[since:] if e.severity is not Severity.TO_COMPLETE]

    def report_lost_files(self) -> None:
        for (line, name), parts in self.lost_files.items():
            self.report.change(line, name, M_IMAGES, ", ".join(dict.fromkeys(parts)))
        self.lost_files.clear()

    def loc(self, text: str) -> LocalizedText:
        return LocalizedText({self.lang: text})

    def new_id(self, q: MQuestion) -> str:
        # A part's idnumber names its scenario; its own id is in its name.
        idnumber = None if part_mark(q) else q.idnumber
        for candidate in (q.meta.get("id"), idnumber, q.title):
            if isinstance(candidate, str) and slug(candidate) and slug(candidate) not in self.ids:
                found = slug(candidate)
                break
        else:
            stem = slug(Path(self.name).stem) or "q"
            while True:
                self.counter += 1
                found = f"{stem}-{self.counter}"
                if found not in self.ids:
                    break
        self.ids.add(found)
        return found

    def category(self, path: str) -> None:
        self.following = None
        self.topic = None
        self.category_tags = []
        # A '/' inside a name is written '//'.
        segments = [s.replace("\0", "/") for s in path.replace("//", "\0").split("/")]
        for segment in segments:
            segment = segment.strip()
            if not segment or segment.startswith("$") or segment.lower() == "top":
                continue
            if _DEFAULT_CATEGORY.match(transliterate(segment)):
                continue
            key = re.sub(r"[\s-]+", "_", segment.lower())
            if key in {t.value for t in Topic}:
                self.topic = Topic(key)
            elif slug(segment):
                self.category_tags = [slug(segment).lower()]

    def common(self, q: MQuestion, kind_needs_explanation: bool = True) -> dict[str, Any] | None:
        text = self.text(q.text, q, "question text")
        if not text and q.title and q.title.strip():
            # "::Which is right?::{=a ~b}": the title is the question.
            text = q.title.strip()
            self.report.change(q.line, q.name, M_TITLE_AS_TEXT)
        if not text:
            self.report.skip(q.line, q.name, M_NO_TEXT)
            return None
        explanation = self.text(q.general_feedback, q, "general feedback")
        if not explanation and isinstance(q.meta.get("explanation"), str):
            explanation = q.meta["explanation"]
        qid = self.new_id(q)
        meta = q.meta
        topic: Topic | None = None
        if isinstance(meta.get("topic"), str) and meta["topic"] in {t.value for t in Topic}:
            topic = Topic(meta["topic"])
        elif self.topic is not None:
            topic = self.topic
        if isinstance(meta.get("tags"), list):
            tags = [str(t) for t in meta["tags"]]
        else:
            tags = list(dict.fromkeys([*self.category_tags, *(slug(t).lower() for t in q.tags)]))
            tags = [t for t in tags if t]
        self.tags.update(tags)
        missing: list[str] = []
        if topic is None:
            missing.append("topic")
            self.missing_topics.add(qid)
        if not explanation and kind_needs_explanation:
            missing.append("explanation")
            explanation = EXPLANATION_PLACEHOLDER
        source: SourceRef | None = None
        if isinstance(meta.get("source"), dict):
            source = SourceRef(str(meta["source"]["id"]), str(meta["source"]["locator"]))
        elif kind_needs_explanation:
            missing.append("source")
            source = SourceRef(PLACEHOLDER, PLACEHOLDER)
        if missing:
            self.report.to_complete(q.line, qid, M_TO_COMPLETE, ", ".join(missing))
        image = self.picture_of(q.text)
        audiences = tuple(
            Audience(a) for a in meta.get("audiences", []) if a in {x.value for x in Audience}
        )
        difficulty = meta.get("difficulty", 1)
        return {
            "id": qid,
            "topic": topic or Topic.INDICATORS,
            "tags": tuple(tags),
            "audiences": audiences,
            "difficulty": difficulty if difficulty in (1, 2, 3) else 1,
            "text": self.loc(text),
            "explanation": self.loc(explanation) if explanation else None,
            "source": source,
            "see_also": tuple(
                SourceRef(str(r["id"]), str(r["locator"]))
                for r in meta.get("see_also", [])
                if isinstance(r, dict)
            ),
            "line": q.line,
            "image": image,
        }

    def ids_for(self, q: MQuestion, key: str, count: int, make: Any) -> list[str]:
        given = q.meta.get(key)
        if (
            isinstance(given, list)
            and len(given) == count
            and len(set(map(str, given))) == count
            and all(slug(str(x)) == str(x) for x in given)
        ):
            return [str(x) for x in given]
        return [make(i) for i in range(count)]

    def start_scenario(self, description: MQuestion) -> None:
        """A description record: a scenario's case if questions of the file name it as
        theirs (known at the end of the file), else text that is left out."""
        self.following = None
        sid = description.idnumber or description.meta.get("id")
        if not isinstance(sid, str) or not sid or sid in self.descriptions:
            if description.title:
                self.intro = description
            else:
                self.report.skip(description.line, description.name, M_DESCRIPTION_LEFT_OUT)
            return
        self.descriptions[sid] = _Description(description, len(self.slots), self.topic)
        self.slots.append(None)
        wanted = description.meta.get("parts")
        if isinstance(wanted, int) and wanted > 0:
            self.following = (sid, wanted)

    # flow
    def add(self, question: Question, record: MQuestion) -> None:
        self.report.imported += 1
        mark = part_mark(record)
        if mark is None and self.following is not None:
            sid, wanted = self.following
            taken = len(self.parts.get(sid, []))
            mark = (sid, taken + 1)
            self.following = (sid, wanted) if taken + 1 < wanted else None
        if mark is not None:
            self.parts.setdefault(mark[0], []).append((mark[1], len(self.slots)))
        self.slots.append(question)

    def finish_scenarios(self) -> None:
        """Each description named by two or more questions becomes their scenario, in the
        description's place; the others are left out and their questions stand alone."""
        for sid, held in self.descriptions.items():
            desc = held.record
            self.kept.clear()  # the picture of a description left out before
            since = len(self.report.entries)
            try:
                text = self.text(desc.text, desc, "description")
            except _LeftOutError as left:  # a case that is only a picture that cannot be kept
                self.report.skip(desc.line, desc.name, left.template, *left.args_)
                continue
            parts = sorted(self.parts.get(sid, []))
            if not parts or not text:
                self.forget_to_complete(since)
                self.report.skip(desc.line, desc.name, M_DESCRIPTION_LEFT_OUT)
                continue
            if len(parts) < 2:
                self.forget_to_complete(since)
                self.report.skip(desc.line, desc.name, M_SCENARIO_TOO_FEW, str(len(parts)))
                continue
            picture = self.picture_of(desc.text)  # the case's picture, the scenario's
            questions = [q for _, slot in parts if (q := self.slots[slot]) is not None]
            for _, slot in parts:
                self.slots[slot] = None
            qid = self.new_id(desc)
            meta = desc.meta
            topic = questions[0].topic
            if isinstance(meta.get("topic"), str) and meta["topic"] in {t.value for t in Topic}:
                topic = Topic(meta["topic"])
            elif held.topic is not None:
                topic = held.topic
            if all(p.id in self.missing_topics for p in questions) and "topic" not in meta:
                self.missing_topics.add(qid)
            scenario = SCENARIO.assemble(self, desc, qid, text, topic, questions)
            self.slots[held.slot] = replace(scenario, image=picture)
            self.report.note(desc.line, qid, M_SCENARIO_MADE, str(len(questions)))
        self.kept.clear()  # pictures of descriptions left out

    def note_lost(self, q: MQuestion) -> None:
        """What Moodle holds for the question that the bank format cannot."""
        if any(f.text.strip() for f in q.combined_feedback):
            self.report.change(q.line, q.name, M_COMBINED_FEEDBACK)
        hints = [h for h in q.hints if h.text.strip()]
        if hints:
            self.report.change(q.line, q.name, M_HINTS, str(len(hints)))

    @staticmethod
    def joined(q: MQuestion) -> bool:
        """Whether the untitled question right after a titled description is one with it,
        split by a stray blank line ("::Case::Text" / "Asked? {…}")."""
        return (
            q.title is None
            and q.type != "description"
            and kinds.record_reader(q.type) is not None
            and not part_mark(q)
        )

    def join(self, intro: MQuestion, question: Question, q: MQuestion) -> Question:
        """The question with the description's text before its own, and the description's
        picture when the question has none (else that picture is reported left out)."""
        try:
            text = self.text(intro.text, intro, "description", keep=question.image is None)
        except _LeftOutError:
            text = ""
        if not text:
            self.report.skip(intro.line, intro.name, M_DESCRIPTION_LEFT_OUT)
            return question
        self.report.note(q.line, question.id, M_DESCRIPTION_JOINED, intro.name)
        return replace(
            question,
            text=self.loc(f"{text}\n\n{question.text.get(self.lang)}"),
            image=question.image or self.picture_of(intro.text),
        )

    def run(self, records: Iterable[MQuestion]) -> None:
        self.seen = 0
        for q in records:
            self.seen += 1
            intro, self.intro = self.intro, None
            if intro is not None and self.joined(q):
                q = replace(q, title=intro.title)  # its name and id (the file's record unchanged)
            elif intro is not None:
                self.report.skip(intro.line, intro.name, M_DESCRIPTION_LEFT_OUT)
                intro = None
            if isinstance(q.meta.get("bank"), dict):
                self.bank_meta = q.meta["bank"]
            for severity, template, args in q.notes:
                self.report.add(Severity(severity), q.line, q.name, template, *args)
            if q.type == "category":
                self.category(q.category)
            elif q.type == "error":
                self.report.skip(q.line, q.title or "", q.error or M_UNREADABLE)
            elif kinds.record_reader(q.type) is None:
                label = TYPE_LABELS.get(q.type, q.type)
                self.report.skip(q.line, q.name, M_UNSUPPORTED, label)
            else:
                since = len(self.report.entries)
                try:
                    question = kinds.from_record(self, q)
                except _LeftOutError as left:
                    self.lost_files.pop((q.line, q.name), None)
                    self.report.skip(q.line, q.name, left.template, *left.args_)
                    question = None
                if question is not None:
                    if intro is not None:
                        question = self.join(intro, question, q)
                    self.note_lost(q)
                    self.add(question, q)
                else:
                    self.forget_to_complete(since)  # nothing of it is left to complete
                    if intro is not None:
                        self.report.skip(intro.line, intro.name, M_DESCRIPTION_LEFT_OUT)
            self.report_lost_files()
            self.kept.clear()  # pictures of a record not taken (a skipped question)
        if self.intro is not None:
            self.report.skip(self.intro.line, self.intro.name, M_DESCRIPTION_LEFT_OUT)
        self.finish_scenarios()
        self.report_lost_files()
        # Lines in file order (a scenario is only known at the end of the file).
        self.report.entries.sort(key=lambda e: e.line)

    @property
    def questions(self) -> list[Question]:
        return [q for q in self.slots if q is not None]


def records_to_draft(records: Iterable[MQuestion], name: str, *, lang: str = "en") -> Draft:
    imp = _Importer(name, lang)
    imp.run(records)
    meta = imp.bank_meta
    bank_id = slug(str(meta.get("id") or Path(name).stem)) or "imported"
    title = str(meta.get("title") or Path(name).stem)
    sources: dict[str, Source] = {}
    for s in meta.get("sources", []):
        if isinstance(s, dict) and isinstance(s.get("id"), str) and s.get("title"):
            sources[s["id"]] = Source(
                s["id"],
                LocalizedText({lang: str(s["title"])}),
                s.get("year") if isinstance(s.get("year"), int) else None,
                s.get("url") if isinstance(s.get("url"), str) else None,
            )
    if not imp.seen:
        imp.report.skip(0, "", M_NO_QUESTIONS)
    elif not imp.questions:
        imp.report.skip(0, "", M_NOTHING)
    bank = Bank(
        id=bank_id,
        version=str(meta.get("version") or "1.0"),
        languages=(lang,),
        title=LocalizedText({lang: title}),
        audiences=tuple(Audience),
        topics=tuple(Topic),
        tags=tuple(sorted(imp.tags)),
        sources=sources,
        modules=(
            Module(
                id=f"{bank_id}-all"[:100],
                title=LocalizedText({lang: title}),
                audiences=tuple(Audience),
            ),
        ),
        questions=tuple(imp.questions),
    )
    return Draft(bank, imp.report, lang, frozenset(imp.missing_topics), dict(imp.pictures))


def draft_to_data(draft: Draft) -> dict[str, Any]:
    """The draft in the bank file's shape, placeholders included."""
    data = serialize.bank_to_data(draft.bank)
    for q in data["questions"]:
        _mark_missing_topics(draft, q)
    return data


def _mark_missing_topics(draft: Draft, q: dict[str, Any]) -> dict[str, Any]:
    if q["id"] in draft.missing_topics:
        q["topic"] = PLACEHOLDER
    for part in q.get("parts", []):
        if part["id"] in draft.missing_topics:
            del part["topic"]  # a part takes its scenario's topic
    return q


def _draft_question_chunks(draft: Draft) -> Iterator[list[dict[str, Any]]]:
    """The draft's questions in the bank file's shape, a few hundred at a time."""
    questions = draft.bank.questions
    for start in range(0, len(questions), _QUESTIONS_PER_CHUNK):
        yield [
            _mark_missing_topics(draft, serialize.question_to_data(q))
            for q in questions[start : start + _QUESTIONS_PER_CHUNK]
        ]


def draft_yaml(draft: Draft) -> str:
    lang = draft.lang
    header = [
        f"# Draft bank imported from {draft.report.path} ({lang}).",
        f"# Before it can be used: replace every {PLACEHOLDER} and every '{EXPLANATION_PLACEHOLDER}',",
        "# declare the sources the questions cite, check audiences, topics and the module,",
        "# add the second language if you have it, then run: python -m trainer validate FILE",
    ]
    with collector_paused():
        if draft.bank.questions:
            # The questions' data is made chunk by chunk as it is written.
            head = serialize.bank_to_data(replace(draft.bank, questions=()))
            del head["questions"]
            body = _dump_chunks(head, _draft_question_chunks(draft))
        else:
            body = _dump_bank_data(draft_to_data(draft))
    return "\n".join(header) + "\n" + body


_QUESTIONS_PER_CHUNK = 500


def _dump_bank_data(data: dict[str, Any]) -> str:
    """``yaml.safe_dump`` of a bank's data, the same text, in time and memory that grow
    with the bank: the questions (the last key) are written a few hundred at a time, so
    no tree of the whole file is ever built, and libyaml's emitter writes them."""
    questions = data.get("questions")
    if not questions or list(data)[-1] != "questions":
        return _dump(data)
    head = {k: v for k, v in data.items() if k != "questions"}
    chunks = (
        questions[start : start + _QUESTIONS_PER_CHUNK]
        for start in range(0, len(questions), _QUESTIONS_PER_CHUNK)
    )
    return _dump_chunks(head, chunks)


def _dump_chunks(head: dict[str, Any], chunks: Iterable[list[dict[str, Any]]]) -> str:
    """``head`` then a ``questions`` list made of ``chunks`` (not empty), as one
    ``yaml.safe_dump`` of the whole would write them."""
    # A block sequence under a top-level key is written unindented, as at the top level.
    parts = [_dump(head), "questions:\n"]
    parts.extend(_dump(chunk) for chunk in chunks)
    return "".join(parts)


def _dump(value: Any) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    out = io.StringIO()
    writer = dumper(out, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    writer.open()
    writer.serialize(_node(value, writer))
    writer.close()
    return out.getvalue()


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _node(value: Any, representer: Any) -> yaml.Node:
    """The node PyYAML's safe representer makes of ``value`` (block style, keys in
    order), built directly for the plain types a bank's data holds."""
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(_STR, value)
    if kind is dict:
        pairs = [(_node(k, representer), _node(v, representer)) for k, v in value.items()]
        return yaml.MappingNode(_MAP, pairs, flow_style=False)
    if kind is list or kind is tuple:
        return yaml.SequenceNode(_SEQ, [_node(v, representer) for v in value], flow_style=False)
    node: yaml.Node = representer.represent_data(value)  # numbers, booleans, nothing
    return node


def save_draft(draft: Draft, target: Path) -> Path:
    """Write the draft YAML (to a temporary name, then renamed), and its pictures in the
    folder ``<name>.pictures`` beside it, where its picture paths lead."""
    if draft.pictures:
        folder = target.with_name(target.stem + PICTURES_FOLDER_SUFFIX)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FormatError(f"cannot write here: {exc.strerror}", where=str(folder)) from exc
        for name, data in draft.pictures.items():
            _write_bytes_atomic(folder / name, data)
    write_text_atomic(target, draft_yaml(draft))
    return target


def _write_bytes_atomic(target: Path, data: bytes) -> None:
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    replace_atomically(
        target,
        write,
        fail=lambda exc: FormatError(
            f"cannot write the picture: {exc.strerror}", where=str(target)
        ),
    )


def write_text_atomic(target: Path, text: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FormatError(f"cannot write here: {exc.strerror}", where=str(target)) from exc
    write_text_atomically(
        target,
        text,
        fail=lambda exc: FormatError(f"cannot write the file: {exc.strerror}", where=str(target)),
    )


def placeholder_problems(path: Path, data: bytes | None = None) -> list[Problem]:
    """Placeholders of an imported draft still in a bank file (one problem per line).

    Topic and source placeholders already fail validation; the explanation one is valid
    text, so a bank is checked for it before it enters the library. ``data``: the file's
    bytes when already read.
    """
    if data is None:
        try:
            data = read_bounded(path, MAX_FILE_BYTES)
        except OSError:
            return []
    text = data.decode("utf-8-sig", errors="replace")
    return [
        Problem(
            str(path),
            number,
            line.index("TO COMPLETE") + 1,
            "this text still holds the placeholder of an imported draft; write the real text",
        )
        for number, line in enumerate(text.splitlines(), start=1)
        if any(p in line for p in TEXT_PLACEHOLDERS) and not line.lstrip().startswith("#")
    ]


# -- export ------------------------------------------------------------------------------
class _Exporter:
    def __init__(self, bank: Bank, lang: str, fmt: ExportFormat, report: ImportReport) -> None:
        self.bank = bank
        self.lang = lang
        self.fmt = fmt
        self.report = report
        self.records: list[MQuestion] = []
        self.topic: Topic | None = None
        self.gift = fmt is ExportFormat.GIFT

    def ftext(self, text: LocalizedText | None) -> FText:
        value = text.get(self.lang) if text is not None else ""
        if self.fmt is ExportFormat.MOODLE_XML:
            return FText(text_to_html(value) if value else "", HTML)
        return FText(
            value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), MARKDOWN
        )

    def meta(self, q: Question) -> dict[str, Any]:
        data: dict[str, Any] = {"id": q.id, "kind": q.kind.value, "topic": q.topic.value}
        data["tags"] = list(q.tags)
        if q.difficulty != 1:
            data["difficulty"] = q.difficulty
        if q.audiences:
            data["audiences"] = [a.value for a in q.audiences]
        if q.source:
            data["source"] = {"id": q.source.source_id, "locator": q.source.locator}
        if q.see_also:
            data["see_also"] = [{"id": r.source_id, "locator": r.locator} for r in q.see_also]
        return data

    def with_picture(self, text: FText, picture: Picture | None, q: Question) -> FText:
        """The text with its picture: an ``<img>`` and the file embedded (Moodle XML); GIFT
        holds no pictures, and a picture whose file is not at hand is left out (reported)."""
        if picture is None:
            return text
        if self.gift:
            self.report.change(q.line, q.id, M_PICTURE_GIFT, picture.file)
            return text
        name = picture.file.rsplit("/", 1)[-1]
        try:
            if picture.path is None:
                raise PictureError("its file is not at hand (save the bank and load it again)")
            data = read_bounded(picture.path, MAX_PICTURE_BYTES)
            info = inspect(data, picture.file)
            if picture.sha256 and info.sha256 != picture.sha256:
                raise PictureError("the file changed since the bank was loaded")
        except (OSError, PictureError) as exc:
            self.report.change(q.line, q.id, M_PICTURE_REFUSED, picture.file, str(exc))
            return text
        text.text += img_html(name, picture.alt.get(self.lang))
        text.data[name] = encode_file(data)
        return text

    def base(self, q: Question, qtype: str) -> MQuestion:
        return MQuestion(
            qtype,
            title=q.id,
            idnumber=q.id,
            text=self.with_picture(self.ftext(q.text), q.image, q),
            general_feedback=self.ftext(q.explanation),
            tags=list(q.tags),
            meta=self.meta(q),
        )

    def category(self, q: Question) -> None:
        if q.topic != self.topic:
            self.topic = q.topic
            self.records.append(
                MQuestion("category", category=f"$course$/top/{self.bank.id}/{q.topic.value}")
            )

    def grade(self, q: Question, fraction: float) -> float:
        snapped = snap_grade(fraction)
        if snapped is not None:
            return snapped
        nearest = nearest_grade(fraction)
        self.report.change(
            q.line, q.id, M_WEIGHT_ROUNDED, f"{fraction * 100:.2f}", f"{nearest * 100:g}"
        )
        return nearest

    def run(self) -> list[MQuestion]:
        for q in self.bank.questions:
            records = kinds.to_records(self, q)
            if records:
                self.category(q)
                self.records += records
                # a scenario's description is not a question of its own
                self.report.imported += sum(1 for r in records if r.type != "description")
        first = next((r for r in self.records if r.type != "category"), None)
        if first is not None:
            first.meta["bank"] = {
                "id": self.bank.id,
                "version": self.bank.version,
                "title": self.bank.title.get(self.lang),
                "sources": [
                    {
                        "id": s.id,
                        "title": s.title.get(self.lang),
                        **({"year": s.year} if s.year is not None else {}),
                        **({"url": s.url} if s.url else {}),
                    }
                    for s in self.bank.sources.values()
                ],
            }
        return self.records


def export_bank(bank: Bank, fmt: ExportFormat, lang: str) -> tuple[str, ImportReport]:
    """The bank as GIFT or Moodle XML text in one language, and what could not be expressed."""
    if lang not in bank.languages:
        raise FormatError(
            f"the bank has no '{lang}' text (it is written in {', '.join(bank.languages)})",
            where=bank.id,
        )
    report = ImportReport(bank.path.name if bank.path else bank.id)
    records = _Exporter(bank, lang, fmt, report).run()
    report.note(0, "", M_METADATA)
    if fmt is ExportFormat.GIFT:
        return gift.write_gift(records), report
    text = moodle_xml.write_moodle_xml(records)
    if len(text) > MAX_FILE_BYTES:  # pictures make it big: say so before anyone relies on it
        report.note(0, "", M_EXPORT_LARGE, f"{len(text.encode()) / 1048576:.0f}")
    return text, report


def export_to_file(bank: Bank, fmt: ExportFormat, lang: str, target: Path) -> ImportReport:
    text, report = export_bank(bank, fmt, lang)
    write_text_atomic(target, text)
    return report
