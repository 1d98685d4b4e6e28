"""Read a bank file safely, check every rule, and build the frozen model.

Every problem in a file is collected, each with its line and column, so a
trainer fixes a bank in one pass. A bank with any problem is not loaded.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from trainer.banks import yamlsafe
from trainer.banks.bulk import collector_paused
from trainer.banks.model import (
    FORMAT_VERSION,
    LANGUAGES,
    Audience,
    Bank,
    DrawRule,
    Kind,
    LocalizedText,
    Module,
    Picture,
    PoolSelector,
    Question,
    Review,
    Source,
    SourceRef,
    Topic,
    Waiver,
)
from trainer.banks.pictures import (
    FILE_PROBLEM_MARK,
    MAX_BANK_PICTURE_BYTES,
    PictureError,
    bank_content_hash,
    pictures_root,
    read_picture,
    usable_alt,
)
from trainer.banks.review.rules import RULES, Rule, Scope
from trainer.banks.yamlsafe import Mark, YMap, YSeq
from trainer.errors import BankError, Problem
from trainer.files import TooLargeError, read_bounded
from trainer.quiz.kinds import HANDLERS

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_WAIVER_REASON = 500
# Findings a bank cannot waive: the bank would not load with them.
_UNWAIVABLE = {Rule.INVALID, Rule.MR_ALL_OR_NONE}
# The problems listed for one file, first by place; the others are counted. A trainer
# fixes the first ones; a file of junk is refused without a million lines of report.
MAX_PROBLEMS = 200
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
# A version names archived files and travels in exports: letters, digits and . _ + - only.
VERSION_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,39}$")

T = TypeVar("T")
# What an import leaves where a picture could not be kept: never a text by itself.
_ONLY_IMAGE_MARKS = re.compile(r"(\s*\[image(: [^\]\n]*)?\]\s*)+")

_BANK_KEYS = {
    "format": True,
    "id": True,
    "version": True,
    "languages": True,
    "title": True,
    "description": False,
    "law_as_of": False,
    "audiences": True,
    "topics": True,
    "tags": False,
    "sources": True,
    "modules": True,
    "questions": True,
    "review": False,
}
_SOURCE_KEYS = {"id": True, "title": True, "year": False, "url": False}
_MODULE_KEYS = {
    "id": True,
    "title": True,
    "description": False,
    "audiences": False,
    "questions": False,
    "draw": False,
    "pass_mark": False,
    "time_limit": False,
    "shuffle": False,
    "training_hours": False,
    "review": False,
}
_COMMON_QUESTION_KEYS = {
    "id": True,
    "kind": True,
    "topic": True,
    "tags": False,
    "audiences": False,
    "difficulty": False,
    "text": True,
    "explanation": True,
    "source": True,
    "see_also": False,
    "review": False,
    "image": False,
}
_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", float: "a number"}


def _type_name(t: type) -> str:
    return _TYPE_NAMES.get(t, t.__name__)


class _Checker:
    """Walks the parsed file, noting problems and building model objects."""

    def __init__(
        self, path: str, limit: int = MAX_PROBLEMS, pictures_root: Path | None = None
    ) -> None:
        self.path = path
        # The folder picture paths are relative to (None: the bank has no folder).
        self.pictures_root = pictures_root
        self.pictures: dict[str, Picture | PictureError] = {}
        self.picture_bytes = 0
        self.limit = limit
        self.problems: list[Problem] = []
        self.dropped = 0  # problems found beyond the first ``limit`` by place
        self.languages: tuple[str, ...] = ("en",)
        self.source_ids: set[str] = set()
        self.topics: set[str] = set()
        self.tags: set[str] = set()
        self.audiences: tuple[Audience, ...] = ()

    # -- reporting -------------------------------------------------------------
    def error(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(self.path, mark.line, mark.column, message))
        if len(self.problems) > 2 * self.limit:
            self._keep_first()

    def _keep_first(self) -> None:
        """Keep the first ``limit`` problems by place (repeats once), count the others."""
        kept = sorted(set(self.problems), key=_by_place)
        self.dropped += max(0, len(kept) - self.limit)
        self.problems = kept[: self.limit]

    def sorted_problems(self) -> tuple[list[Problem], int]:
        """The first ``limit`` problems by place, and how many more were found."""
        self._keep_first()
        return self.problems, self.dropped

    @staticmethod
    def where(container: YMap, key: str) -> Mark:
        return container.value_marks.get(key) or container.key_marks.get(key) or container.start

    # -- generic shapes --------------------------------------------------------
    def keys(self, m: YMap, spec: dict[str, bool], what: str) -> None:
        known = ""
        for key in m:
            if key not in spec:
                known = known or ", ".join(sorted(spec))
                self.error(m.key_marks[key], f"{what}: unknown key '{key}' (known keys: {known})")
        for key, required in spec.items():
            if required and key not in m:
                self.error(m.start, f"{what}: missing key '{key}'")

    def mapping(self, value: Any, mark: Mark, what: str) -> YMap | None:
        if isinstance(value, YMap):
            return value
        self.error(mark, f"{what} must be a mapping (key: value lines)")
        return None

    def sequence(self, value: Any, mark: Mark, what: str) -> YSeq | None:
        if isinstance(value, YSeq):
            return value
        self.error(mark, f"{what} must be a list")
        return None

    def scalar(
        self, m: YMap, key: str, kind: type[T], what: str, default: T | None = None
    ) -> T | None:
        if key not in m:
            return default
        value = m[key]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)  # type: ignore[return-value]
        if not ok:
            shown = "nothing" if value is None else repr(value)
            self.error(
                self.where(m, key), f"{what}: '{key}' must be {_type_name(kind)}, not {shown}"
            )
            return default
        return value  # type: ignore[no-any-return]

    def day(self, m: YMap, key: str, what: str) -> date | None:
        """A calendar day written as "YYYY-MM-DD"."""
        value = self.scalar(m, key, str, what)
        if value is None:
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            self.error(
                self.where(m, key),
                f"{what}: '{key}' must be a day written YYYY-MM-DD, such as \"2026-12-01\""
                f" (got '{value}')",
            )
            return None

    def ident(self, m: YMap, key: str, what: str) -> str | None:
        value = self.scalar(m, key, str, what)
        if value is not None and not ID_PATTERN.match(value):
            self.error(
                self.where(m, key),
                f"{what}: '{key}' must be letters, digits, '-', '_' or '.' (got '{value}')",
            )
            return None
        return value

    def text(self, m: YMap, key: str, what: str, *, required: bool = True) -> LocalizedText | None:
        if key not in m:
            return None
        value = m[key]
        mark = self.where(m, key)
        if isinstance(value, str) and len(self.languages) > 0:
            self.error(
                mark,
                f"{what}: '{key}' needs a text per language ({', '.join(self.languages)}), "
                "e.g. 'en: ...' and 'fr: ...'",
            )
            return None
        tm = self.mapping(value, mark, f"{what}: '{key}'")
        if tm is None:
            return None
        texts: dict[str, str] = {}
        for lang, text in tm.items():
            lmark = tm.value_marks.get(lang, tm.key_marks[lang])
            if lang not in LANGUAGES:
                self.error(tm.key_marks[lang], f"{what}: '{key}' has unknown language '{lang}'")
                continue
            if lang not in self.languages:
                self.error(
                    tm.key_marks[lang],
                    f"{what}: '{key}' is given in '{lang}', which the bank does not declare "
                    "in 'languages'",
                )
                continue
            if not isinstance(text, str):
                self.error(lmark, f"{what}: '{key}' in '{lang}' must be text")
                continue
            if not text.strip():
                self.error(lmark, f"{what}: '{key}' in '{lang}' is empty")
                continue
            if _ONLY_IMAGE_MARKS.fullmatch(text):
                self.error(
                    lmark,
                    f"{what}: '{key}' in '{lang}' is only an [image] mark, where an imported"
                    " file had a picture; give the picture with 'image:' and write the text",
                )
                continue
            texts[lang] = text.strip("\n")
        for lang in self.languages:
            if lang not in tm:
                self.error(tm.start, f"{what}: '{key}' has no '{lang}' translation")
        if required and not texts:
            return None
        return LocalizedText(texts) if texts else None

    def string_list(self, m: YMap, key: str, what: str) -> list[tuple[str, Mark]]:
        if key not in m:
            return []
        seq = self.sequence(m[key], self.where(m, key), f"{what}: '{key}'")
        if seq is None:
            return []
        out: list[tuple[str, Mark]] = []
        for item, mark in zip(seq, seq.item_marks, strict=True):
            if isinstance(item, str) and item.strip():
                out.append((item, mark))
            else:
                self.error(mark, f"{what}: every entry of '{key}' must be text")
        return out

    def enum_list(
        self, m: YMap, key: str, enum: Callable[[str], T], allowed: Iterable[str], what: str
    ) -> list[T]:
        allowed = list(allowed)
        out: list[T] = []
        for value, mark in self.string_list(m, key, what):
            if value not in allowed:
                self.error(mark, f"{what}: '{value}' is not one of {', '.join(allowed)}")
            else:
                out.append(enum(value))
        return out

    # -- bank ------------------------------------------------------------------
    def bank(self, root: Any) -> Bank | None:
        top = self.mapping(root, Mark(1, 1), "the bank")
        if top is None:
            return None
        self.keys(top, _BANK_KEYS, "bank")
        fmt = self.scalar(top, "format", int, "bank")
        if fmt is not None and fmt != FORMAT_VERSION:
            self.error(
                self.where(top, "format"),
                f"bank: format {fmt} is not supported (this version reads format {FORMAT_VERSION})",
            )
        bank_id = self.ident(top, "id", "bank")
        version = top.get("version")
        if isinstance(version, (int, float)) and not isinstance(version, bool):
            version = str(version)
        elif version is not None and not isinstance(version, str):
            self.error(self.where(top, "version"), "bank: 'version' must be text such as \"1.0\"")
            version = None
        if version is not None and not VERSION_PATTERN.match(version):
            self.error(
                self.where(top, "version"),
                f"bank: version '{version}' may hold only letters, digits and . _ + -"
                ' (at most 40 characters, starting with a letter or digit), such as "1.0"',
            )
            version = None
        law_as_of = self.day(top, "law_as_of", "bank")
        langs = [lang for lang, _ in self.string_list(top, "languages", "bank")]
        for lang, mark in self.string_list(top, "languages", "bank"):
            if lang not in LANGUAGES:
                self.error(mark, f"bank: language '{lang}' is not one of {', '.join(LANGUAGES)}")
        langs = [lang for lang in dict.fromkeys(langs) if lang in LANGUAGES]
        if "languages" in top and not langs:
            self.error(
                self.where(top, "languages"), "bank: 'languages' must name at least one language"
            )
        self.languages = tuple(langs) or ("en",)
        title = self.text(top, "title", "bank")
        description = self.text(top, "description", "bank", required=False)
        audiences = self.enum_list(top, "audiences", Audience, [a.value for a in Audience], "bank")
        if "audiences" in top and not audiences:
            self.error(
                self.where(top, "audiences"), "bank: 'audiences' must name at least one audience"
            )
        self.audiences = tuple(audiences)
        topics = self.enum_list(top, "topics", Topic, [t.value for t in Topic], "bank")
        self.topics = {t.value for t in topics}
        self.tags = {t for t, _ in self.string_list(top, "tags", "bank")}

        sources = self.sources(top)
        questions = self.questions(top)
        modules = self.modules(top, questions)
        waivers = self.waivers(top, "bank", Scope.BANK)

        if self.problems or bank_id is None or title is None or version is None:
            return None
        return Bank(
            id=bank_id,
            version=version,
            languages=self.languages,
            title=title,
            description=description,
            audiences=self.audiences,
            topics=tuple(topics),
            tags=tuple(sorted(self.tags)),
            sources=sources,
            modules=tuple(modules),
            questions=tuple(questions),
            law_as_of=law_as_of,
            waivers=waivers,
        )

    def waivers(self, m: YMap, what: str, scope: Scope) -> tuple[Waiver, ...]:
        """``review: {waive: [{rule, reason}]}``: review findings the authors accept."""
        if "review" not in m:
            return ()
        r = self.mapping(m["review"], self.where(m, "review"), f"{what}: 'review'")
        if r is None:
            return ()
        self.keys(r, {"waive": True}, f"{what}: 'review'")
        if "waive" not in r:
            return ()
        seq = self.sequence(r["waive"], self.where(r, "waive"), f"{what}: 'waive'")
        out: list[Waiver] = []
        seen: set[str] = set()
        for item, mark in zip(seq or [], (seq.item_marks if seq else []), strict=True):
            w = self.mapping(item, mark, f"{what}: a waiver")
            if w is None:
                continue
            self.keys(w, {"rule": True, "reason": True}, f"{what}: waiver")
            rule = self.scalar(w, "rule", str, f"{what}: waiver")
            reason = self.scalar(w, "reason", str, f"{what}: waiver")
            if rule is not None and not self.waivable(rule, scope, self.where(w, "rule"), what):
                rule = None
            if reason is not None and not reason.strip():
                self.error(self.where(w, "reason"), f"{what}: a waiver needs a reason")
                reason = None
            elif reason is not None and len(reason) > MAX_WAIVER_REASON:
                self.error(
                    self.where(w, "reason"),
                    f"{what}: a waiver's reason may be at most {MAX_WAIVER_REASON} characters",
                )
                reason = None
            if rule is None or reason is None:
                continue
            if rule in seen:
                self.error(self.where(w, "rule"), f"{what}: rule '{rule}' is waived twice")
                continue
            seen.add(rule)
            out.append(Waiver(rule, " ".join(reason.split()), mark.line, mark.column))
        return tuple(out)

    def waivable(self, rule: str, scope: Scope, mark: Mark, what: str) -> bool:
        known = {r.value for r in Rule} - {r.value for r in _UNWAIVABLE}
        if rule not in known:
            self.error(
                mark,
                f"{what}: '{rule}' is not a review rule that can be waived "
                f"(see docs/bank-review.md)",
            )
            return False
        if RULES[Rule(rule)].scope is not scope:
            where = "at the top of the bank" if scope is Scope.ITEM else "on each question"
            self.error(mark, f"{what}: rule '{rule}' is waived {where}")
            return False
        return True

    def sources(self, top: YMap) -> dict[str, Source]:
        out: dict[str, Source] = {}
        if "sources" not in top:
            return out
        seq = self.sequence(top["sources"], self.where(top, "sources"), "bank: 'sources'")
        for item, mark in zip(seq or [], (seq.item_marks if seq else []), strict=True):
            m = self.mapping(item, mark, "a source")
            if m is None:
                continue
            sid = self.ident(m, "id", "source")
            what = f"source '{sid}'" if sid else "source"
            self.keys(m, _SOURCE_KEYS, what)
            title = self.text(m, "title", what)
            year = self.scalar(m, "year", int, what)
            url = self.scalar(m, "url", str, what)
            if url is not None and not re.match(r"^https?://", url):
                self.error(
                    self.where(m, "url"), f"{what}: 'url' must start with http:// or https://"
                )
            if sid is None:
                continue
            if sid in out:
                self.error(self.where(m, "id"), f"source id '{sid}' is used twice")
                continue
            self.source_ids.add(sid)
            if title is not None:
                out[sid] = Source(id=sid, title=title, year=year, url=url)
        return out

    # -- modules ---------------------------------------------------------------
    def modules(self, top: YMap, questions: list[Question]) -> list[Module]:
        out: list[Module] = []
        if "modules" not in top:
            return out
        seq = self.sequence(top["modules"], self.where(top, "modules"), "bank: 'modules'")
        if seq is not None and not seq:
            self.error(seq.start, "bank: 'modules' must hold at least one module")
        seen: set[str] = set()
        for item, mark in zip(seq or [], (seq.item_marks if seq else []), strict=True):
            m = self.mapping(item, mark, "a module")
            if m is None:
                continue
            mid = self.ident(m, "id", "module")
            what = f"module '{mid}'" if mid else "module"
            self.keys(m, _MODULE_KEYS, what)
            if mid is not None:
                if mid in seen:
                    self.error(self.where(m, "id"), f"module id '{mid}' is used twice")
                seen.add(mid)
            module = self.module(m, mid, what, questions)
            if module is not None:
                out.append(module)
        return out

    def module(
        self, m: YMap, mid: str | None, what: str, questions: list[Question]
    ) -> Module | None:
        title = self.text(m, "title", what)
        description = self.text(m, "description", what, required=False)
        audiences = self.enum_list(
            m, "audiences", Audience, [a.value for a in self.audiences], what
        )
        pool = PoolSelector()
        if "questions" in m:
            pm = self.mapping(m["questions"], self.where(m, "questions"), f"{what}: 'questions'")
            if pm is not None:
                self.keys(
                    pm, {"topics": False, "tags": False, "ids": False}, f"{what}: 'questions'"
                )
                topics = self.enum_list(pm, "topics", Topic, sorted(self.topics), what)
                tags = [
                    t for t, mk in self.string_list(pm, "tags", what) if self.known_tag(t, mk, what)
                ]
                ids = self.string_list(pm, "ids", what)
                known_ids = {q.id for q in questions}
                for qid, mk in ids:
                    if qid not in known_ids:
                        self.error(mk, f"{what}: no question has id '{qid}'")
                pool = PoolSelector(
                    frozenset(topics), frozenset(tags), frozenset(i for i, _ in ids)
                )
        pool_questions = [q for q in questions if pool.matches(q)]
        if not pool_questions and questions:
            self.error(
                self.where(m, "questions") if "questions" in m else m.start,
                f"{what}: selects no questions",
            )
        draw = self.draw(m, what, pool_questions)
        pass_mark = self.scalar(m, "pass_mark", float, what, 70.0)
        if pass_mark is not None and not 0 <= pass_mark <= 100:
            self.error(
                self.where(m, "pass_mark"),
                f"{what}: pass_mark must be between 0 and 100 (got {pass_mark:g})",
            )
        time_limit = self.scalar(m, "time_limit", int, what, 0)
        if time_limit is not None and not 0 <= time_limit <= 600:
            self.error(
                self.where(m, "time_limit"),
                f"{what}: time_limit is in minutes, between 0 (none) and 600",
            )
        shuffle = self.scalar(m, "shuffle", bool, what, True)
        hours = self.scalar(m, "training_hours", float, what, 0.0)
        if hours is not None and not 0 <= hours <= 1000:
            self.error(self.where(m, "training_hours"), f"{what}: training_hours must be 0-1000")
        review_value = self.scalar(m, "review", str, what, "full")
        review = Review.FULL
        if review_value not in {r.value for r in Review}:
            self.error(
                self.where(m, "review"),
                f"{what}: review must be one of {', '.join(r.value for r in Review)}",
            )
        elif review_value is not None:
            review = Review(review_value)
        if mid is None or title is None:
            return None
        return Module(
            id=mid,
            title=title,
            description=description,
            audiences=tuple(audiences) or self.audiences,
            pool=pool,
            draw=tuple(draw),
            pass_mark=pass_mark if pass_mark is not None else 70.0,
            time_limit_minutes=time_limit or 0,
            shuffle=shuffle if shuffle is not None else True,
            training_hours=hours or 0.0,
            review=review,
        )

    def known_tag(self, tag: str, mark: Mark, what: str) -> bool:
        if tag not in self.tags:
            self.error(mark, f"{what}: tag '{tag}' is not declared in the bank's 'tags'")
            return False
        return True

    def draw(self, m: YMap, what: str, pool: list[Question]) -> list[DrawRule]:
        rules: list[DrawRule] = []
        if "draw" not in m:
            return rules
        seq = self.sequence(m["draw"], self.where(m, "draw"), f"{what}: 'draw'")
        remaining = list(pool)
        for item, mark in zip(seq or [], (seq.item_marks if seq else []), strict=True):
            r = self.mapping(item, mark, f"{what}: a draw rule")
            if r is None:
                continue
            self.keys(r, {"topic": False, "tag": False, "count": True}, f"{what}: draw rule")
            count = self.scalar(r, "count", int, f"{what}: draw rule")
            topic = self.scalar(r, "topic", str, f"{what}: draw rule")
            tag = self.scalar(r, "tag", str, f"{what}: draw rule")
            if (topic is None) == (tag is None):
                self.error(r.start, f"{what}: a draw rule needs either 'topic' or 'tag'")
                continue
            if topic is not None and topic not in self.topics:
                self.error(
                    self.where(r, "topic"),
                    f"{what}: draw topic '{topic}' is not one of the bank's topics",
                )
                continue
            if tag is not None and not self.known_tag(tag, self.where(r, "tag"), what):
                continue
            if count is None:
                continue
            if count < 1:
                self.error(self.where(r, "count"), f"{what}: draw count must be at least 1")
                continue
            rule = DrawRule(count=count, topic=Topic(topic) if topic else None, tag=tag)
            available = [q for q in remaining if rule.matches(q)]
            if count > len(available):
                label = f"topic '{topic}'" if topic else f"tag '{tag}'"
                self.error(
                    self.where(r, "count"),
                    f"{what}: draws {count} questions with {label} but only {len(available)} "
                    "are available in its pool",
                )
            taken = {id(q) for q in available[:count]}  # ids are unique: by identity
            remaining = [q for q in remaining if id(q) not in taken]
            rules.append(rule)
        return rules

    # -- questions -------------------------------------------------------------
    def questions(self, top: YMap) -> list[Question]:
        out: list[Question] = []
        if "questions" not in top:
            return out
        seq = self.sequence(top["questions"], self.where(top, "questions"), "bank: 'questions'")
        if seq is not None and not seq:
            self.error(seq.start, "bank: 'questions' must hold at least one question")
        ids: dict[str, Mark] = {}
        for item, mark in zip(seq or [], (seq.item_marks if seq else []), strict=True):
            q = self.question(item, mark, ids, parent=None)
            if q is not None:
                out.append(q)
        return out

    def question(
        self, item: Any, mark: Mark, ids: dict[str, Mark], parent: YMap | None
    ) -> Question | None:
        m = self.mapping(item, mark, "a question")
        if m is None:
            return None
        qid = self.ident(m, "id", "question")
        what = f"question '{qid}'" if qid else f"question at line {m.start.line}"
        if qid is not None:
            if qid in ids:
                self.error(
                    self.where(m, "id"), f"{what}: id is used twice (first at line {ids[qid].line})"
                )
            else:
                ids[qid] = self.where(m, "id")
        kind_value = self.scalar(m, "kind", str, what)
        kind: Kind | None = None
        if kind_value is not None:
            if kind_value not in {k.value for k in Kind}:
                self.error(
                    self.where(m, "kind"),
                    f"{what}: kind '{kind_value}' is not one of {', '.join(k.value for k in Kind)}",
                )
            else:
                kind = Kind(kind_value)
        handler = HANDLERS[kind] if kind is not None else None
        if handler is not None and parent is not None and not handler.may_be_part:
            self.error(
                self.where(m, "kind"), f"{what}: a scenario part cannot be a {handler.kind.value}"
            )
            handler = None
        inherited = parent if isinstance(parent, YMap) else None
        spec = dict(_COMMON_QUESTION_KEYS)
        if inherited is not None:
            spec["topic"] = False
        if handler is None:
            spec = {k: False for k in m} | {"id": True, "kind": True}
        else:
            spec.update(dict.fromkeys(handler.optional_common_keys, False))
            spec.update(handler.yaml_keys)
        self.keys(m, spec, what)

        common = self.common(m, what, inherited)
        if handler is None or common is None or qid is None:
            if handler is not None:
                handler.salvage(self, m, what, ids)
            return None
        common = {"id": qid, "kind": handler.kind, "line": m.start.line, "column": m.start.column, **common}
        question: Question | None = handler.build(self, m, what, common, ids)
        return question

    def common(self, m: YMap, what: str, parent: YMap | None) -> dict[str, Any] | None:
        ok = True
        topic_value = self.scalar(m, "topic", str, what)
        if topic_value is None and parent is not None:
            topic_value = parent.get("topic") if isinstance(parent.get("topic"), str) else None
        topic: Topic | None = None
        if topic_value is not None:
            if topic_value not in self.topics:
                self.error(
                    self.where(m, "topic"),
                    f"{what}: topic '{topic_value}' is not one of the bank's topics "
                    f"({', '.join(sorted(self.topics)) or 'none declared'})",
                )
                ok = False
            else:
                topic = Topic(topic_value)
        tags = [t for t, mk in self.string_list(m, "tags", what) if self.known_tag(t, mk, what)]
        if "tags" not in m and parent is not None:
            tags = [t for t in parent.get("tags") or [] if isinstance(t, str) and t in self.tags]
        audiences = self.enum_list(
            m, "audiences", Audience, [a.value for a in self.audiences], what
        )
        difficulty = self.scalar(m, "difficulty", int, what)
        difficulty_given = "difficulty" in m or (parent is not None and "difficulty" in parent)
        if difficulty is None and parent is not None:
            pd = parent.get("difficulty")
            difficulty = pd if isinstance(pd, int) and not isinstance(pd, bool) else None
        if difficulty is not None and difficulty not in (1, 2, 3):
            self.error(self.where(m, "difficulty"), f"{what}: difficulty must be 1, 2 or 3")
            difficulty = 1
        text = self.text(m, "text", what)
        explanation = self.text(m, "explanation", what)
        source = self.source_ref(m, "source", what)
        see_also: list[SourceRef] = []
        if "see_also" in m:
            seq = self.sequence(m["see_also"], self.where(m, "see_also"), f"{what}: 'see_also'")
            for item, mark in zip(seq or [], (seq.item_marks if seq else []), strict=True):
                ref = self.source_ref_value(item, mark, what)
                if ref is not None:
                    see_also.append(ref)
        waivers = self.waivers(m, what, Scope.ITEM)
        image = self.picture(m, "image", what)
        if topic is None or text is None or not ok:
            return None
        if parent is not None and not audiences:
            pa = parent.get("audiences") or []
            audiences = [Audience(a) for a in pa if isinstance(a, str) and a in self.audiences]
        return {
            "topic": topic,
            "tags": tuple(tags),
            "audiences": tuple(audiences) or self.audiences,
            "difficulty": difficulty or 1,
            "difficulty_given": difficulty_given,
            "text": text,
            "explanation": explanation,
            "source": source,
            "see_also": tuple(see_also),
            "waivers": waivers,
            "image": image,
        }

    def picture(self, m: YMap, key: str, what: str) -> Picture | None:
        """``image: {file: passport.png, alt: {en: ..., fr: ...}}``: the file checked (inside
        the bank's folder, a real PNG, JPEG or SVG within the limits) and its alt text."""
        if key not in m:
            return None
        pm = self.mapping(m[key], self.where(m, key), f"{what}: '{key}'")
        if pm is None:
            return None
        pwhat = f"{what}: picture"
        self.keys(pm, {"file": True, "alt": True}, pwhat)
        alt = self.text(pm, "alt", f"{pwhat} alt text")
        file = self.scalar(pm, "file", str, pwhat)
        if file is None:
            return None
        found = self.pictures.get(file)
        if found is None:
            found = self._read_picture(file)
            self.pictures[file] = found
        if isinstance(found, PictureError):
            self.error(self.where(pm, "file"), f"{what}{FILE_PROBLEM_MARK}{found}")
            return None
        if alt is None or not set(self.languages) <= alt.languages():
            return None
        for lang, text in alt.values.items():
            if not usable_alt(text, file):
                self.error(
                    self.where(pm, "alt"),
                    f"{pwhat} alt text: '{text}' in '{lang}' does not say what the picture"
                    " shows; describe it (what a trainee who cannot see it needs to know)",
                )
                return None
        return Picture(
            file=found.file,
            alt=alt,
            type=found.type,
            width=found.width,
            height=found.height,
            sha256=found.sha256,
            path=found.path,
        )

    def _read_picture(self, file: str) -> Picture | PictureError:
        if self.pictures_root is None:
            return PictureError("a bank with pictures must be read from its file, beside them")
        try:
            path, data, info = read_picture(self.pictures_root, file)
        except PictureError as exc:
            return exc
        self.picture_bytes += len(data)
        if self.picture_bytes > MAX_BANK_PICTURE_BYTES:
            return PictureError(
                f"the bank's pictures together exceed {MAX_BANK_PICTURE_BYTES // 1048576} MB"
            )
        empty = LocalizedText({})
        return Picture(file, empty, info.type.value, info.width, info.height, info.sha256, path)

    def source_ref(self, m: YMap, key: str, what: str) -> SourceRef | None:
        if key not in m:
            return None
        return self.source_ref_value(m[key], self.where(m, key), what)

    def source_ref_value(self, value: Any, mark: Mark, what: str) -> SourceRef | None:
        r = self.mapping(value, mark, f"{what}: a source reference")
        if r is None:
            return None
        self.keys(r, {"id": True, "locator": True}, f"{what}: source reference")
        sid = self.scalar(r, "id", str, f"{what}: source reference")
        locator = self.scalar(r, "locator", str, f"{what}: source reference")
        if locator is not None and not locator.strip():
            self.error(self.where(r, "locator"), f"{what}: the source locator is empty")
            return None
        if sid is not None and sid not in self.source_ids:
            self.error(
                self.where(r, "id"),
                f"{what}: cites source '{sid}', which is not declared in the bank's 'sources'",
            )
            return None
        if sid is None or locator is None:
            return None
        return SourceRef(sid, locator.strip())

    def id_text_list(
        self, m: YMap, key: str, what: str, extra: dict[str, bool]
    ) -> list[tuple[YMap, str, LocalizedText]]:
        seq = self.sequence(m.get(key), self.where(m, key), f"{what}: '{key}'")
        out: list[tuple[YMap, str, LocalizedText]] = []
        seen: set[str] = set()
        for item, mark in zip(seq or [], (seq.item_marks if seq else []), strict=True):
            entry = self.mapping(item, mark, f"{what}: an entry of '{key}'")
            if entry is None:
                continue
            eid = self.ident(entry, "id", f"{what}: '{key}' entry")
            ewhat = f"{what}: {key[:-1]} '{eid}'"
            self.keys(entry, {"id": True, "text": True} | extra, ewhat)
            text = self.text(entry, "text", ewhat)
            if eid is None or text is None:
                continue
            if eid in seen:
                self.error(self.where(entry, "id"), f"{what}: id '{eid}' is used twice in '{key}'")
                continue
            seen.add(eid)
            out.append((entry, eid, text))
        return out


def _decode(data: bytes, path: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, name in ((b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if data.startswith(bom):
            raise BankError(
                "not UTF-8", [Problem(path, 1, 1, f"the file is {name}; save it as UTF-8")]
            )
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise BankError(
            "binary", [Problem(path, line, 1, "this is a binary file, not a YAML bank")]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BankError(
            "not UTF-8",
            [
                Problem(
                    path,
                    line,
                    col,
                    "the file is not UTF-8 text (save it as UTF-8; "
                    f"byte 0x{data[exc.start]:02x} cannot be read)",
                )
            ],
        ) from None


def read_bank_file(path: Path, *, display_name: str | None = None) -> bytes:
    """A bank file's bytes, read only up to the size limit (BankError beyond it)."""
    name = display_name or path.name
    try:
        return read_bounded(path, MAX_FILE_BYTES)
    except TooLargeError:
        raise BankError(
            "too large",
            [
                Problem(
                    name,
                    1,
                    1,
                    f"the file is too large; a bank may be at most {MAX_FILE_BYTES // 1048576} MiB",
                )
            ],
        ) from None
    except OSError as exc:
        raise BankError(
            "unreadable",
            [Problem(name, 1, 1, f"cannot read the file: {exc.strerror or exc}")],
        ) from exc


def load_bank(path: Path, *, display_name: str | None = None) -> Bank:
    """Load and check one bank file; raise BankError listing every problem."""
    name = display_name or path.name
    return load_bank_bytes(read_bank_file(path, display_name=name), name, path=path)


def load_bank_bytes(data: bytes, name: str, *, path: Path | None = None) -> Bank:
    with collector_paused():
        return _load_bank_bytes(data, name, path)


def _load_bank_bytes(data: bytes, name: str, path: Path | None) -> Bank:
    if len(data) > MAX_FILE_BYTES:
        raise BankError("too large", [Problem(name, 1, 1, "the file is larger than 16 MiB")])
    text = _decode(data, name)
    root, issues = yamlsafe.parse(text, max_issues=MAX_PROBLEMS)
    checker = _Checker(name, pictures_root=pictures_root(path) if path is not None else None)
    for issue in issues:
        checker.error(issue.mark, issue.message)
    checker.dropped += issues.dropped
    if root is None and not issues:
        checker.error(Mark(1, 1), "the file is empty")
    bank = checker.bank(root) if root is not None and not _fatal(issues) else None
    del root  # the parsed tree is the biggest thing here: free it before the report
    if checker.problems or bank is None:
        problems, more = checker.sorted_problems()
        raise BankError(f"{name}: {len(problems) + more} problem(s)", problems, more=more)
    digest = hashlib.sha256(data).hexdigest()
    shown = [(p.file, p.sha256) for p in checker.pictures.values() if isinstance(p, Picture)]
    return _with(bank, content_hash=bank_content_hash(digest, shown), path=path)


def _fatal(issues: list[yamlsafe.YamlIssue]) -> bool:
    return any(
        i.message.startswith(("YAML syntax", "YAML error", "nesting", "a bank file holds"))
        for i in issues
    )


def _with(bank: Bank, **changes: Any) -> Bank:
    from dataclasses import replace

    return replace(bank, **changes)


@dataclass(frozen=True)
class FileCheck:
    """What checking one file found: the problems listed, and how many more there are."""

    path: Path
    problems: tuple[Problem, ...] = ()
    more: int = 0

    @property
    def total(self) -> int:
        return len(self.problems) + self.more


def validate_files(paths: Iterable[Path]) -> list[FileCheck]:
    """Each file checked, with its problems (none when it is valid); at most
    ``MAX_PROBLEMS`` are listed per file, the others counted."""
    checks: list[FileCheck] = []
    for path in paths:
        try:
            load_bank(path, display_name=str(path))
        except BankError as exc:
            listed = exc.problems or (Problem(str(path), 1, 1, exc.message),)
            checks.append(FileCheck(path, listed, exc.more))
            continue
        checks.append(FileCheck(path))
    return checks


def _by_place(p: Problem) -> tuple[int, int, str]:
    return (p.line, p.column, p.message)
