"""The compiled catalogue: what the lists need of each bank file, cached beside the library.

Listing modules (the trainee's first screen, ``banks``, certificate titles) needs each
bank's title, modules and counts, not its questions. Parsing a 100,000-question bank
for that takes seconds; so each file's summary is kept in ``catalog-cache.json`` in the
data folder, under the file's path with its size, modification time, status-change time,
file id (inode) and SHA-256.

A start does not read the files: when the size, both times and the file id are those of
the cache entry, the summary is taken as it is (listing an 80,000-question bank then costs
what listing none does). When only those differ (a copy, a ``touch``), the file is read
and hashed, and its summary is reused if the hash is the cached one; otherwise the file is
parsed and its entry written again.

Trusting the file's status for a *list* is safe because nothing is ever graded from a
summary: the questions are parsed from the file itself on first use of a bank
(``Catalog.bank``), and that parse hashes the bytes. If the hash is not the one the list
was made from (a file changed in place with its size and times put back, or damaged by
the disk without its status changing), the bank is refused with a clear message, the
list takes the file's real content and the cache entry is rewritten
(``CompiledCatalog.record``), before any question of it is shown or graded. A file's
status-change time cannot be set back by a program (``touch`` sets only the other two),
so on Linux and macOS such a change is normally seen at listing already.

The cache is data from disk like any other: it is read through ``read_bounded``, must
name this format and this program version, and every field is checked; anything else
(a truncated file, another version's cache, a hand-edited entry, an entry for a file
that changed) is ignored and rebuilt, never trusted. It is JSON, never pickle.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from trainer import __version__
from trainer.banks.loader import load_bank_bytes, read_bank_file
from trainer.banks.model import (
    Audience,
    Bank,
    DrawRule,
    LocalizedText,
    Module,
    PoolSelector,
    Review,
    Topic,
)
from trainer.banks.pictures import (
    bank_content_hash,
    check_relative_path,
    is_picture_file_problem,
    pictures_root,
)
from trainer.errors import BankError, Problem
from trainer.files import read_bounded, write_text_atomically

CACHE_FORMAT = "tip-trainer-catalog"
CACHE_VERSION = 1
MAX_CACHE_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class BankSummary:
    """A valid bank without its questions: what lists and menus show."""

    id: str
    version: str
    languages: tuple[str, ...]
    title: LocalizedText
    description: LocalizedText | None = None
    audiences: tuple[Audience, ...]
    topics: tuple[Topic, ...]
    tags: tuple[str, ...] = ()
    modules: tuple[Module, ...]
    law_as_of: date | None = None
    content_hash: str
    path: Path | None = None
    question_count: int
    by_kind: dict[str, int]
    by_topic: dict[str, int]
    by_language: dict[str, int]
    pool_sizes: dict[str, int]  # module id → top-level questions in its pool
    pool_kinds: dict[str, dict[str, int]]  # module id → questions of each kind in its pool

    def module(self, module_id: str) -> Module:
        for m in self.modules:
            if m.id == module_id:
                return m
        raise KeyError(module_id)

    def pool_size(self, module: Module) -> int:
        return self.pool_sizes.get(module.id, 0)


@dataclass(frozen=True)
class FileSummary:
    """One bank file: its summary, or the problems that stopped it."""

    path: Path
    summary: BankSummary | None
    problems: tuple[Problem, ...] = ()
    more: int = 0


def summarise(bank: Bank) -> BankSummary:
    """The summary of a loaded bank."""
    pool_sizes: dict[str, int] = {}
    pool_kinds: dict[str, dict[str, int]] = {}
    for m in bank.modules:
        pool = bank.pool(m)
        pool_sizes[m.id] = len(pool)
        kinds: dict[str, int] = {}
        for q in pool:
            kinds[q.kind.value] = kinds.get(q.kind.value, 0) + 1
        pool_kinds[m.id] = kinds
    return BankSummary(
        id=bank.id,
        version=bank.version,
        languages=bank.languages,
        title=bank.title,
        description=bank.description,
        audiences=bank.audiences,
        topics=bank.topics,
        tags=bank.tags,
        modules=bank.modules,
        law_as_of=bank.law_as_of,
        content_hash=bank.content_hash,
        path=bank.path,
        question_count=len(bank.questions),
        by_kind=bank.counts_by_kind(),
        by_topic=bank.counts_by_topic(),
        by_language={
            lang: sum(1 for q in bank.iter_all_questions() if lang in q.text.values)
            for lang in bank.languages
        },
        pool_sizes=pool_sizes,
        pool_kinds=pool_kinds,
    )


class CompiledCatalog:
    """The cache file of one data folder: read once, consulted per bank file, saved
    when something changed."""

    def __init__(self, cache_path: Path | None) -> None:
        self.cache_path = cache_path  # None: no cache, every file is parsed
        self._entries = _read_cache(cache_path) if cache_path is not None else {}
        self._fresh: dict[str, Any] = {}
        self._changed = False

    def file(self, path: Path) -> FileSummary:
        """The summary (or problems) of one bank file, from the cache when it matches the
        file's size, modification time and content hash; parsed otherwise."""
        key = str(path.resolve())
        cached = self._entries.get(key)
        try:
            status = _status(path.stat())
            if (
                isinstance(cached, dict)
                and all(cached.get(k) == v for k, v in status.items())
                and _pictures_unchanged(path, cached)
            ):
                # Unchanged status (the file's and its pictures'): the summary is trusted
                # for listing (see the module's docstring for why this never lets a changed
                # file be graded).
                found = _cached(path, cached)
                if found is not None:
                    self._fresh[key] = cached
                    return found
            data = read_bank_file(path)
        except BankError as exc:
            return FileSummary(path, None, exc.problems, exc.more)
        except OSError as exc:
            return FileSummary(path, None, (Problem(path.name, 1, 1, str(exc)),))
        digest = hashlib.sha256(data).hexdigest()
        stamp = {**status, "size": len(data), "sha256": digest}
        if (
            isinstance(cached, dict)
            and cached.get("sha256") == digest
            and cached.get("size") == len(data)
            and _pictures_unchanged(path, cached)
        ):
            found = _cached(path, cached)
            if found is not None:  # the same bytes under a new status: keep the summary
                self._fresh[key] = {**cached, **stamp}
                self._changed = True
                return found
        pictures: list[list[Any]] | None
        try:
            bank = load_bank_bytes(data, path.name, path=path)
            result = FileSummary(path, summarise(bank))
            pictures = _picture_stamps(bank)
        except BankError as exc:
            listed = exc.problems or (Problem(path.name, 1, 1, exc.message),)
            result = FileSummary(path, None, listed, exc.more)
            # A missing or bad picture file can be fixed without touching the bank file:
            # such a failure is checked again at every start, never taken from the cache.
            pictures = None if any(is_picture_file_problem(p) for p in listed) else []
        self._changed = True
        if pictures is not None:
            root = str(pictures_root(path))
            self._fresh[key] = {**stamp, "pictures_root": root, "pictures": pictures}
            self._fresh[key].update(_file_to_json(result))
        return result

    def record(self, bank: Bank) -> None:
        """Write the entry of a bank just parsed from its file (its summary and hash), keeping
        the other entries: used when a file was found changed on first use."""
        if bank.path is None:
            return
        try:
            status = _status(bank.path.stat())
            digest = hashlib.sha256(read_bank_file(bank.path)).hexdigest()
            pictures = _picture_stamps(bank)
        except (OSError, BankError):
            return
        # The entry keeps the file's own digest; the bank's hash also covers its pictures.
        if bank_content_hash(digest, [(p[0], p[3]) for p in pictures]) != bank.content_hash:
            return  # the file changed again since it was parsed: the next listing reads it
        self._fresh = {k: v for k, v in self._entries.items() if isinstance(v, dict)}
        self._fresh[str(bank.path.resolve())] = {
            **status,
            "sha256": digest,
            "pictures_root": str(pictures_root(bank.path)),
            "pictures": pictures,
            **_file_to_json(FileSummary(bank.path, summarise(bank))),
        }
        self._changed = True
        self.save()

    def save(self) -> None:
        """Write the entries of the files seen (others are dropped); never fails loudly:
        the cache only saves time."""
        if self.cache_path is None or (
            not self._changed and set(self._fresh) == set(self._entries)
        ):
            return
        payload = {
            "format": CACHE_FORMAT,
            "version": CACHE_VERSION,
            "program": __version__,
            "files": self._fresh,
        }
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(OSError):
            write_text_atomically(self.cache_path, text, fail=lambda exc: exc)


def _picture_stamps(bank: Bank) -> list[list[Any]]:
    """Each picture file of a loaded bank: its path in the bank, size, time and SHA-256."""
    stamps: dict[str, list[Any]] = {}
    for picture in bank.pictures():
        if picture.path is not None and picture.file not in stamps:
            st = picture.path.stat()
            stamps[picture.file] = [picture.file, st.st_size, st.st_mtime_ns, picture.sha256]
    return list(stamps.values())


def _pictures_unchanged(path: Path, cached: dict[str, Any]) -> bool:
    """Whether every picture a cached entry names is still there, unchanged (by size and
    time, as for the bank file), under the same pictures' folder."""
    root = pictures_root(path)
    stamps = cached.get("pictures")
    if cached.get("pictures_root") != str(root) or not isinstance(stamps, list):
        return False
    for stamp in stamps:
        if not (isinstance(stamp, list) and len(stamp) == 4 and isinstance(stamp[0], str)):
            return False
        try:
            picture = root.joinpath(*check_relative_path(stamp[0]).parts)
            st = picture.stat()
        except (OSError, ValueError):
            return False
        if [st.st_size, st.st_mtime_ns] != stamp[1:3]:
            return False
    return True


def _status(stat: os.stat_result) -> dict[str, int]:
    """What a start compares without reading the file."""
    return {
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "ctime_ns": stat.st_ctime_ns,
        "inode": stat.st_ino,
    }


def _cached(path: Path, entry: dict[str, Any]) -> FileSummary | None:
    try:
        return _file_from_json(path, entry)
    except (KeyError, TypeError, ValueError):
        return None  # a damaged or forged entry: parse the file instead


def _read_cache(path: Path) -> dict[str, Any]:
    """The cache's entries, or nothing at all when it is missing, too big, not JSON, or
    written by another format or program version."""
    try:
        raw = read_bounded(path, MAX_CACHE_BYTES)
        found = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return {}
    if (
        not isinstance(found, dict)
        or found.get("format") != CACHE_FORMAT
        or found.get("version") != CACHE_VERSION
        or found.get("program") != __version__
        or not isinstance(found.get("files"), dict)
    ):
        return {}
    files: dict[str, Any] = found["files"]
    return files


# -- JSON shape ---------------------------------------------------------------------------
def _text(value: LocalizedText | None) -> dict[str, str] | None:
    return None if value is None else dict(value.values)


def _module_to_json(m: Module) -> dict[str, Any]:
    return {
        "id": m.id,
        "title": _text(m.title),
        "description": _text(m.description),
        "audiences": [a.value for a in m.audiences],
        "pool": {
            "topics": sorted(t.value for t in m.pool.topics),
            "tags": sorted(m.pool.tags),
            "ids": sorted(m.pool.ids),
        },
        "draw": [
            {"count": r.count, "topic": r.topic.value if r.topic else None, "tag": r.tag}
            for r in m.draw
        ],
        "pass_mark": m.pass_mark,
        "time_limit_minutes": m.time_limit_minutes,
        "shuffle": m.shuffle,
        "training_hours": m.training_hours,
        "review": m.review.value,
    }


def _file_to_json(found: FileSummary) -> dict[str, Any]:
    s = found.summary
    if s is None:
        return {
            "problems": [[p.path, p.line, p.column, p.message] for p in found.problems],
            "more": found.more,
        }
    return {
        "bank": {
            "id": s.id,
            "version": s.version,
            "languages": list(s.languages),
            "title": _text(s.title),
            "description": _text(s.description),
            "audiences": [a.value for a in s.audiences],
            "topics": [t.value for t in s.topics],
            "tags": list(s.tags),
            "modules": [_module_to_json(m) for m in s.modules],
            "law_as_of": s.law_as_of.isoformat() if s.law_as_of else None,
            "content_hash": s.content_hash,
            "question_count": s.question_count,
            "by_kind": s.by_kind,
            "by_topic": s.by_topic,
            "by_language": s.by_language,
            "pool_sizes": s.pool_sizes,
            "pool_kinds": s.pool_kinds,
        }
    }


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError("a count expected")
    return value


def _num(value: Any) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError("a number expected")
    return float(value)


def _strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("a list expected")
    return tuple(_str(v) for v in value)


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise TypeError("counts expected")
    return {_str(k): _int(v) for k, v in value.items()}


def _loc(value: Any) -> LocalizedText:
    if not isinstance(value, dict) or not value:
        raise TypeError("a text per language expected")
    return LocalizedText({_str(k): _str(v) for k, v in value.items()})


def _loc_or_none(value: Any) -> LocalizedText | None:
    return None if value is None else _loc(value)


def _module_from_json(d: Any) -> Module:
    if not isinstance(d, dict) or not isinstance(d["pool"], dict):
        raise TypeError("a module expected")
    pool = d["pool"]
    draw = []
    for r in d["draw"]:
        topic = r["topic"]
        draw.append(
            DrawRule(
                count=_int(r["count"]),
                topic=Topic(_str(topic)) if topic is not None else None,
                tag=_str(r["tag"]) if r["tag"] is not None else None,
            )
        )
    if not isinstance(d["shuffle"], bool):
        raise TypeError("shuffle is true or false")
    return Module(
        id=_str(d["id"]),
        title=_loc(d["title"]),
        description=_loc_or_none(d["description"]),
        audiences=tuple(Audience(a) for a in _strs(d["audiences"])),
        pool=PoolSelector(
            frozenset(Topic(t) for t in _strs(pool["topics"])),
            frozenset(_strs(pool["tags"])),
            frozenset(_strs(pool["ids"])),
        ),
        draw=tuple(draw),
        pass_mark=_num(d["pass_mark"]),
        time_limit_minutes=_int(d["time_limit_minutes"]),
        shuffle=d["shuffle"],
        training_hours=_num(d["training_hours"]),
        review=Review(_str(d["review"])),
    )


def _file_from_json(path: Path, entry: dict[str, Any]) -> FileSummary:
    """A cache entry back as a FileSummary; KeyError, TypeError or ValueError when any
    field is missing or of the wrong kind."""
    if "bank" not in entry:
        problems = tuple(
            Problem(_str(p[0]), _int(p[1]), _int(p[2]), _str(p[3])) for p in entry["problems"]
        )
        if not problems:
            raise ValueError("a failed file lists its problems")
        return FileSummary(path, None, problems, _int(entry["more"]))
    b = entry["bank"]
    if not isinstance(b, dict):
        raise TypeError("a bank expected")
    modules = tuple(_module_from_json(m) for m in b["modules"])
    law = b["law_as_of"]
    summary = BankSummary(
        id=_str(b["id"]),
        version=_str(b["version"]),
        languages=_strs(b["languages"]),
        title=_loc(b["title"]),
        description=_loc_or_none(b["description"]),
        audiences=tuple(Audience(a) for a in _strs(b["audiences"])),
        topics=tuple(Topic(t) for t in _strs(b["topics"])),
        tags=_strs(b["tags"]),
        modules=modules,
        law_as_of=date.fromisoformat(_str(law)) if law is not None else None,
        content_hash=_str(b["content_hash"]),
        path=path,
        question_count=_int(b["question_count"]),
        by_kind=_counts(b["by_kind"]),
        by_topic=_counts(b["by_topic"]),
        by_language=_counts(b["by_language"]),
        pool_sizes=_counts(b["pool_sizes"]),
        pool_kinds={_str(k): _counts(v) for k, v in _dict(b["pool_kinds"]).items()},
    )
    shown = [(_str(p[0]), _str(p[3])) for p in entry["pictures"]]
    expected = bank_content_hash(_str(entry["sha256"]), shown)
    if summary.content_hash != expected or set(summary.pool_sizes) != {m.id for m in modules}:
        raise ValueError("the entry does not describe this file")
    return FileSummary(path, summary)


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("a mapping expected")
    return value
