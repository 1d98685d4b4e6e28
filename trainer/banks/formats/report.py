"""What an import or export did: every question kept, changed, left out or left to complete."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

_PLACE = re.compile(r"%([1-9])")


class Severity(StrEnum):
    """How much an entry matters to the trainer reviewing the result."""

    SKIPPED = "skipped"  # the question is not in the result at all
    CHANGED = "changed"  # it is in, but something was lost or approximated
    TO_COMPLETE = "to_complete"  # it is in, with a placeholder the trainer must replace
    NOTE = "note"  # nothing lost; worth knowing


def fill(template: str, args: tuple[str, ...]) -> str:
    """Put ``args`` in place of ``%1``, ``%2`` … (the same placeholders Qt translations use),
    in one pass: a value that contains "%2" is not filled in again."""

    def value(found: re.Match[str]) -> str:
        index = int(found.group(1)) - 1
        return args[index] if index < len(args) else found.group(0)

    return _PLACE.sub(value, template)


@dataclass(frozen=True)
class ReportEntry:
    """One line of a report. ``template`` is English with %1-style placeholders, so the
    interface can show it translated (context "ImportReport")."""

    severity: Severity
    path: str
    line: int
    question: str  # the question's name or id, "" for the whole file
    template: str
    args: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        return fill(self.template, self.args)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        name = f" [{self.question}]" if self.question else ""
        return f"{self.where}: {self.severity.value}{name}: {self.message}"


@dataclass
class ImportReport:
    """The outcome of reading one file (or of writing one bank to a file)."""

    path: str
    imported: int = 0
    entries: list[ReportEntry] = field(default_factory=list)

    def add(self, severity: Severity, line: int, question: str, template: str, *args: str) -> None:
        self.entries.append(ReportEntry(severity, self.path, line, question, template, args))

    def skip(self, line: int, question: str, template: str, *args: str) -> None:
        self.add(Severity.SKIPPED, line, question, template, *args)

    def change(self, line: int, question: str, template: str, *args: str) -> None:
        self.add(Severity.CHANGED, line, question, template, *args)

    def to_complete(self, line: int, question: str, template: str, *args: str) -> None:
        self.add(Severity.TO_COMPLETE, line, question, template, *args)

    def note(self, line: int, question: str, template: str, *args: str) -> None:
        self.add(Severity.NOTE, line, question, template, *args)

    def of(self, severity: Severity) -> list[ReportEntry]:
        return [e for e in self.entries if e.severity is severity]

    @property
    def skipped(self) -> list[ReportEntry]:
        return self.of(Severity.SKIPPED)

    @property
    def changed(self) -> list[ReportEntry]:
        return self.of(Severity.CHANGED)

    @property
    def incomplete(self) -> list[ReportEntry]:
        return self.of(Severity.TO_COMPLETE)

    def summary(self) -> str:
        return (
            f"{self.path}: {self.imported} question(s) converted, "
            f"{len(self.skipped)} left out, {len(self.changed)} changed, "
            f"{len(self.incomplete)} to complete"
        )

    def lines(self) -> list[str]:
        return [str(e) for e in self.entries]
