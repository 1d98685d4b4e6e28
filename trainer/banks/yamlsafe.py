"""Safe YAML reading that keeps every value's line and column.

PyYAML's own loaders forget where values came from, silently keep the last of
two equal keys and expand aliases. Here libyaml (when present) only tokenises:
we build plain dicts, lists and scalars from its event stream, refusing
anchors, aliases, tags and excessive nesting, and noting every position.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, NamedTuple

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from trainer.text import printable

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - the wheels ship the C loader
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 40

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}


class Mark(NamedTuple):
    """A 1-based position in the file (a tuple: cheap to make and to keep by the million)."""

    line: int
    column: int


class YMap(dict[str, Any]):
    """A mapping that remembers where it, its keys and its values are."""

    def __init__(self, start: Mark) -> None:
        super().__init__()
        self.start = start
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}


class YSeq(list[Any]):
    """A sequence that remembers where it and each item are."""

    def __init__(self, start: Mark) -> None:
        super().__init__()
        self.start = start
        self.item_marks: list[Mark] = []


@dataclass(frozen=True)
class YamlIssue:
    mark: Mark
    message: str


class Issues(list[YamlIssue]):
    """The problems found while reading, the first ``limit`` of them; ``dropped`` counts
    the others (a file of junk must not fill the memory with its own problems)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.dropped = 0

    def add(self, mark: Mark, message: str) -> None:
        if len(self) < self.limit:
            self.append(YamlIssue(mark, message))
        else:
            self.dropped += 1


def _implicit_resolvers() -> dict[str, list[tuple[str, Any]]]:
    """PyYAML's YAML 1.1 implicit typing of plain scalars, by first character."""
    return {first: list(found) for first, found in Resolver.yaml_implicit_resolvers.items()}


_RESOLVERS = _implicit_resolvers()
_STR_TAG = "tag:yaml.org,2002:str"


class _ScalarResolver:
    """YAML 1.1 implicit typing of plain scalars, as PyYAML's own resolver does it."""

    def __init__(self) -> None:
        self._constructor = SafeConstructor()
        self._cache: dict[str, Any] = {}

    def plain(self, value: str, start: Any) -> Any:
        """The value of a plain (unquoted, untagged) scalar."""
        found = self._cache.get(value, _MISSING)
        if found is not _MISSING:
            return found
        result: Any = value
        if value.lower() not in _YAML11_WORDS:
            for tag, regexp in _RESOLVERS.get(value[:1], ()):
                if regexp.match(value):
                    if tag != _STR_TAG:
                        node = ScalarNode(tag, value, start, start)
                        try:
                            result = self._constructor.construct_object(node, deep=True)
                        except (ConstructorError, ValueError):
                            result = value
                    break
        if len(self._cache) < 4096:
            self._cache[value] = result
        return result


def parse(text: str, *, max_issues: int = 1000) -> tuple[Any, Issues]:
    """Parse one YAML document into YMap/YSeq/scalars; structural problems are listed
    (the first ``max_issues`` of them, the rest counted in ``Issues.dropped``).

    A tight loop over libyaml's events: one branch per event type, marks made only
    where they are kept, mapping keys shared (``sys.intern``) across the file.
    """
    issues = Issues(max_issues)
    try:
        root = _build(text, issues)
    except yaml.reader.ReaderError as exc:
        issues.append(_reader_issue(text, exc))
        return None, issues
    except yaml.MarkedYAMLError as exc:
        bad = exc.problem_mark or exc.context_mark
        where = _mark(bad) if bad is not None else Mark(1, 1)
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        issues.append(YamlIssue(where, f"YAML syntax error: {message}"))
        return None, issues
    except yaml.YAMLError as exc:
        issues.append(YamlIssue(Mark(1, 1), f"YAML error: {exc}"))
        return None, issues
    return root, issues


def _build(text: str, issues: Issues) -> Any:
    resolver = _ScalarResolver()
    plain = resolver.plain
    intern = sys.intern
    # Each open container: the container, and for a mapping the key waiting for its value.
    containers: list[Any] = []
    pending_keys: list[Any] = []
    container: Any = None
    pending: Any = None
    is_map = False
    root: Any = None
    documents = 0
    loader = _Loader(text)
    get_event = loader.get_event
    try:
        while True:
            event: Any = get_event()
            if event is None:
                break
            kind = _EVENT_KINDS.get(type(event), _OTHER)
            if kind is _END:
                containers.pop()
                pending_keys.pop()
                if containers:
                    container = containers[-1]
                    pending = pending_keys[-1]
                    is_map = type(container) is YMap
                else:
                    container = None
                continue
            if kind is _OTHER:
                if type(event) is DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        issues.add(_mark(event.start_mark), "a bank file holds one YAML document")
                        return None
                continue
            sm = event.start_mark
            mark = Mark(sm.line + 1, sm.column + 1)
            if kind is _ALIAS:
                issues.add(mark, f"aliases are not allowed ('*{event.anchor}'); write the text out")
                value: Any = None
            else:
                if event.anchor:
                    issues.add(
                        mark, f"anchors are not allowed ('&{event.anchor}'); write the text out"
                    )
                tag = event.tag
                if tag is not None and tag not in _STANDARD_TAGS:
                    implicit = event.implicit
                    if not (implicit is True or (isinstance(implicit, tuple) and any(implicit))):
                        issues.add(mark, f"YAML tags are not allowed ('{tag}')")
                if kind is _SCALAR:
                    raw = event.value
                    value = plain(raw, sm) if event.implicit[0] and not event.style else raw
                else:
                    if len(containers) >= MAX_DEPTH:
                        issues.add(mark, f"nesting is deeper than {MAX_DEPTH} levels")
                        return None
                    value = YMap(mark) if kind is _MAP else YSeq(mark)
            # Place the value: in the open sequence, as a key or value of the open mapping.
            if container is None:
                root = value
            elif not is_map:
                container.append(value)
                container.item_marks.append(mark)
            elif pending is _NO_KEY:
                if kind is _MAP or kind is _SEQ:
                    issues.add(mark, "a mapping key must be plain text")
                    pending = _BAD_KEY
                else:
                    key = intern(value if isinstance(value, str) else str(value))
                    first = container.key_marks.get(key)
                    if first is not None:
                        issues.add(
                            mark, f"duplicate key '{key}' (first given at line {first.line})"
                        )
                        pending = _BAD_KEY
                    else:
                        container.key_marks[key] = mark
                        pending = key
                pending_keys[-1] = pending
            else:
                if pending is not _BAD_KEY:
                    container[pending] = value
                    container.value_marks[pending] = mark
                pending = _NO_KEY
                pending_keys[-1] = pending
            if kind is _MAP or kind is _SEQ:
                containers.append(value)
                pending_keys.append(_NO_KEY)
                container = value
                pending = _NO_KEY
                is_map = kind is _MAP
    finally:
        loader.dispose()
    return root


def _mark(m: Any) -> Mark:
    return Mark(m.line + 1, m.column + 1)


def _reader_issue(text: str, exc: yaml.reader.ReaderError) -> YamlIssue:
    """A character YAML does not allow (a control character), at its real line and column.

    The parser's own position counts bytes or characters depending on the loader; the
    character itself is found again in the text instead.
    """
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    at = text.find(chr(code))
    if at < 0:
        return YamlIssue(Mark(1, 1), f"YAML error: {printable(str(exc))}")
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return YamlIssue(
        Mark(line, column),
        f"YAML error: the control character {printable(chr(code))} (U+{code:04X}) is not"
        " allowed in a bank; remove it",
    )


# YAML 1.1 reads these as booleans ("Norway problem"); a bank means the words.
# As in YAML 1.2, only true and false are booleans here.
_YAML11_WORDS = {"yes", "no", "on", "off", "y", "n"}

_NO_KEY = object()
_BAD_KEY = object()
_MISSING = object()
_SCALAR, _MAP, _SEQ, _ALIAS, _END, _OTHER = (object() for _ in range(6))
_EVENT_KINDS: dict[type, object] = {
    ScalarEvent: _SCALAR,
    MappingStartEvent: _MAP,
    SequenceStartEvent: _SEQ,
    AliasEvent: _ALIAS,
    MappingEndEvent: _END,
    SequenceEndEvent: _END,
}
