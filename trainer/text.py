"""Text from outside, made safe: names a certificate can print, cells a spreadsheet keeps as
data, lines a terminal shows as they are (no Qt).

One rule each, called wherever such text comes in or goes out (forms, bundle imports,
exports, the command line):

- ``check_name`` / ``name_problem``: a person's name is normalised (NFKC: full-width
  letters become ordinary ones) and refused when it holds control or invisible
  characters, no letter at all, right-to-left script, or a character the certificate
  font cannot print (the name printed on a certificate must read back exactly);
- ``check_code_text``: a service number or similar identifier (no control or invisible
  characters);
- ``spreadsheet_text``: a cell that a spreadsheet must not run as a formula;
- ``printable``: control characters shown as ``\\x1b``-style escapes.
"""

from __future__ import annotations

import functools
import struct
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from trainer.errors import TrainerError
from trainer.paths import assets_dir

NAME_MAX = 200
CODE_TEXT_MAX = 64
CERTIFICATE_FONT = "DejaVuSerif.ttf"
# Cells starting with one of these are run as formulas by Excel, LibreOffice and Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class NameProblem(StrEnum):
    """Why a name is refused (the interface words each one)."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    CONTROL = "control"
    NO_LETTER = "no_letter"
    RIGHT_TO_LEFT = "right_to_left"
    UNPRINTABLE = "unprintable"


NAME_MESSAGES = {
    NameProblem.EMPTY: "a name is needed",
    NameProblem.TOO_LONG: f"a name may be at most {NAME_MAX} characters",
    NameProblem.CONTROL: "the name contains control or invisible characters",
    NameProblem.NO_LETTER: "the name contains no letter",
    NameProblem.RIGHT_TO_LEFT: "names in right-to-left scripts (Arabic, Hebrew) cannot be "
    "printed on a certificate yet; write the name in Latin letters",
    NameProblem.UNPRINTABLE: "the certificate cannot print these characters",
}


@dataclass(frozen=True)
class NameCheck:
    """The name as it will be stored, or why it is refused."""

    value: str
    problem: NameProblem | None = None
    characters: str = ""  # for UNPRINTABLE / CONTROL: the offending characters, escaped

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> str:
        if self.problem is None:
            return ""
        text = NAME_MESSAGES[self.problem]
        return f"{text}: {self.characters}" if self.characters else text


def _is_hidden(char: str) -> bool:
    """Control, format (zero-width, direction marks), surrogate, private or unassigned."""
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") or char in (
        "\u2028",
        "\u2029",
    )


def name_problem(raw: str, *, what: str = "name", limit: int = NAME_MAX) -> NameCheck:
    """Check a person's (or institution's) name for a certificate; never raises."""
    text = unicodedata.normalize("NFKC", raw)
    hidden = [c for c in text if _is_hidden(c) and c not in "\t\n\r"]
    if hidden:
        return NameCheck(text, NameProblem.CONTROL, printable("".join(dict.fromkeys(hidden))))
    value = " ".join(text.split())
    if not value:
        return NameCheck(value, NameProblem.EMPTY)
    if len(value) > limit:
        return NameCheck(value, NameProblem.TOO_LONG)
    if not any(unicodedata.category(c).startswith("L") for c in value):
        return NameCheck(value, NameProblem.NO_LETTER)
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in value):
        return NameCheck(value, NameProblem.RIGHT_TO_LEFT)
    covered = font_coverage()
    missing = [c for c in value if c != " " and ord(c) not in covered]
    if missing:
        return NameCheck(value, NameProblem.UNPRINTABLE, "".join(dict.fromkeys(missing)))
    return NameCheck(value)


def check_name(raw: str, *, what: str = "name", limit: int = NAME_MAX) -> str:
    """The name normalised for storage; TrainerError (in plain English) when refused."""
    result = name_problem(raw, what=what, limit=limit)
    if not result.ok:
        message = result.message.replace("a name", f"a {what}", 1).replace(
            "the name", f"the {what}", 1
        )
        raise TrainerError(message)
    return result.value


def check_code_text(
    raw: str | None, *, what: str = "service number", limit: int = CODE_TEXT_MAX
) -> str | None:
    """An identifier typed by a person (service number): trimmed, NFKC, no hidden
    characters, at most ``limit`` characters; None when empty."""
    text = unicodedata.normalize("NFKC", raw or "").strip()
    hidden = [c for c in text if _is_hidden(c)]
    if hidden:
        raise TrainerError(
            f"the {what} contains control or invisible characters: "
            + printable("".join(dict.fromkeys(hidden)))
        )
    if len(text) > limit:
        raise TrainerError(f"the {what} may be at most {limit} characters")
    return text or None


# -- the certificate font's characters ------------------------------------------------
@functools.cache
def font_coverage(font_file: str = CERTIFICATE_FONT) -> frozenset[int]:
    """The code points the shipped certificate font has glyphs for (its cmap table)."""
    data = (assets_dir() / "fonts" / font_file).read_bytes()  # shipped, a few hundred KB
    return frozenset(_cmap(data))


def _cmap(data: bytes) -> set[int]:
    (num_tables,) = struct.unpack_from(">H", data, 4)
    offset = None
    for i in range(num_tables):
        tag, _check, table_offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            offset = table_offset
    if offset is None:
        return set()
    (_version, count) = struct.unpack_from(">HH", data, offset)
    best: tuple[int, int] | None = None  # (format, subtable offset)
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6)):
            best = (12, offset + sub)
        elif (platform, encoding) in ((3, 1), (0, 3)) and (best is None or best[0] != 12):
            best = (4, offset + sub)
    if best is None:
        return set()
    start = best[1]
    (fmt,) = struct.unpack_from(">H", data, start)
    out: set[int] = set()
    if fmt == 12:
        (groups,) = struct.unpack_from(">I", data, start + 12)
        for g in range(groups):
            first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * g)
            out.update(range(first, last + 1) if glyph else ())
    elif fmt == 4:
        (seg2,) = struct.unpack_from(">H", data, start + 6)
        ends = start + 14
        starts = ends + seg2 + 2
        deltas = starts + seg2
        ranges = deltas + seg2
        for s in range(seg2 // 2):
            (end,) = struct.unpack_from(">H", data, ends + 2 * s)
            (first,) = struct.unpack_from(">H", data, starts + 2 * s)
            (delta,) = struct.unpack_from(">h", data, deltas + 2 * s)
            (range_offset,) = struct.unpack_from(">H", data, ranges + 2 * s)
            for code in range(first, end + 1):
                if code == 0xFFFF:
                    continue
                if range_offset == 0:
                    glyph = (code + delta) & 0xFFFF
                else:
                    at = ranges + 2 * s + range_offset + 2 * (code - first)
                    (glyph,) = struct.unpack_from(">H", data, at)
                    if glyph:
                        glyph = (glyph + delta) & 0xFFFF
                if glyph:
                    out.add(code)
    return out


# -- output -------------------------------------------------------------------------------
def printable(text: str) -> str:
    """``text`` with control and invisible characters written as escapes (for a terminal
    or a one-line message): ESC becomes ``\\x1b``, a zero-width space ``\\u200b``."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char == " " or not (char.isspace() or _is_hidden(char)):
            out.append(char)
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}")
    return "".join(out)


def terminal_text(text: str) -> str:
    """``printable`` for a terminal: line breaks and tabs kept, every other control or
    invisible character (ESC sequences, carriage returns, direction overrides) escaped."""
    if text.isprintable():
        return text
    return "\n".join(
        "\t".join(printable(part) for part in line.split("\t")) for line in text.split("\n")
    )


def spreadsheet_text(text: str) -> str:
    """A text cell for CSV that a spreadsheet shows as written: control characters
    escaped (``printable``, line breaks kept), and a leading ``= + - @`` (which would start
    a formula) behind an apostrophe, as spreadsheets themselves write it."""
    if not text.isprintable():
        text = "\n".join(printable(line) for line in text.split("\n"))
    return "'" + text if text.startswith(FORMULA_START) else text


def cell_value(value: object) -> object:
    """Any value bound for a CSV cell: text made safe, numbers and the rest as they are."""
    return spreadsheet_text(value) if isinstance(value, str) else value
