"""Safe YAML reading that keeps every value's line and column.

PyYAML's own loaders forget where values came from, silently keep the last of
two equal keys and expand aliases. Here libyaml (when present) only tokenises:
we build plain dicts, lists and scalars from its event stream, refusing
anchors, aliases, tags and excessive nesting, and noting every position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
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


@dataclass(frozen=True)
class Mark:
    """A 1-based position in the file."""

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


class _ScalarResolver:
    """YAML 1.1 implicit typing of plain scalars, done by PyYAML's own resolver."""

    def __init__(self) -> None:
        self._resolver = Resolver()
        self._constructor = SafeConstructor()
        self._cache: dict[tuple[str, bool], Any] = {}

    def value(self, event: ScalarEvent) -> Any:
        plain = bool(event.implicit[0]) and not event.style
        key = (event.value, plain)
        if key in self._cache:
            return self._cache[key]
        if not plain or event.value.lower() in _YAML11_WORDS:
            result: Any = event.value
        else:
            tag = self._resolver.resolve(ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]
            start: Any = event.start_mark
            node = ScalarNode(tag, event.value, start, start)
            result = self._constructor.construct_object(node, deep=True)
        if len(self._cache) < 4096:
            self._cache[key] = result
        return result


def _mark(m: Any) -> Mark:
    return Mark(m.line + 1, m.column + 1)


def parse(text: str) -> tuple[Any, list[YamlIssue]]:
    """Parse one YAML document into YMap/YSeq/scalars; structural problems are listed."""
    issues: list[YamlIssue] = []
    resolver = _ScalarResolver()
    stack: list[tuple[Any, Any]] = []  # (container, pending key for maps)
    root: Any = None
    documents = 0

    def add(value: Any, mark: Mark) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        container, pending = stack[-1]
        if isinstance(container, YSeq):
            container.append(value)
            container.item_marks.append(mark)
            return
        if pending is _NO_KEY:
            if isinstance(value, (YMap, YSeq)):
                issues.append(YamlIssue(mark, "a mapping key must be plain text"))
                stack[-1] = (container, _BAD_KEY)
                return
            key = value if isinstance(value, str) else str(value)
            if key in container.key_marks:
                first = container.key_marks[key]
                issues.append(
                    YamlIssue(mark, f"duplicate key '{key}' (first given at line {first.line})")
                )
                stack[-1] = (container, _BAD_KEY)
                return
            container.key_marks[key] = mark
            stack[-1] = (container, key)
            return
        if pending is not _BAD_KEY:
            container[pending] = value
            container.value_marks[pending] = mark
        stack[-1] = (container, _NO_KEY)

    def check_node(event: Any) -> None:
        mark = _mark(event.start_mark)
        if getattr(event, "anchor", None):
            issues.append(
                YamlIssue(mark, f"anchors are not allowed ('&{event.anchor}'); write the text out")
            )
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit = tag is not None and not (
            implicit is True or (isinstance(implicit, tuple) and any(implicit))
        )
        if explicit and tag not in _STANDARD_TAGS:
            issues.append(YamlIssue(mark, f"YAML tags are not allowed ('{tag}')"))

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, ScalarEvent):
                check_node(event)
                try:
                    value = resolver.value(event)
                except (ConstructorError, ValueError):
                    value = event.value
                add(value, _mark(event.start_mark))
            elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                check_node(event)
                if len(stack) >= MAX_DEPTH:
                    issues.append(
                        YamlIssue(
                            _mark(event.start_mark),
                            f"nesting is deeper than {MAX_DEPTH} levels",
                        )
                    )
                    return None, issues
                mark = _mark(event.start_mark)
                node: YMap | YSeq = (
                    YMap(mark) if isinstance(event, MappingStartEvent) else YSeq(mark)
                )
                add(node, mark)
                stack.append((node, _NO_KEY))
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                stack.pop()
            elif isinstance(event, AliasEvent):
                mark = _mark(event.start_mark)
                issues.append(
                    YamlIssue(
                        mark, f"aliases are not allowed ('*{event.anchor}'); write the text out"
                    )
                )
                add(None, mark)
            elif type(event).__name__ == "DocumentStartEvent":
                documents += 1
                if documents > 1:
                    issues.append(
                        YamlIssue(_mark(event.start_mark), "a bank file holds one YAML document")
                    )
                    return None, issues
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
