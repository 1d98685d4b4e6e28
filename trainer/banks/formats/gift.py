"""GIFT files: read them as Moodle 4.5 does, and write them so Moodle reads them back.

The reader follows ``qformat_gift::readquestion`` step by step (blank-line blocks,
trimmed lines, escapes, the first ``{`` to the first ``}``, type detection order),
including its quirks, because the files come out of Moodle and must mean the same here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from trainer.banks.formats.messages import (
    E_BRACES,
    E_MATCH_PAIR,
    E_MC_ANSWERS,
    E_NUMERICAL_ANSWERS,
    E_NUMERICAL_NUMBERS,
    E_WEIGHT,
    M_MATCH_PAIRS,
    M_TILDE_EQUALS,
)
from trainer.banks.formats.records import (
    HTML,
    MARKDOWN,
    MOODLE,
    PLAIN,
    FText,
    GradeCheck,
    MAnswer,
    MPair,
    MQuestion,
)
from trainer.errors import FormatError

MAX_BYTES = 16 * 1024 * 1024
META_PREFIX = "tip-trainer:"

_PHP_WS = " \t\n\r\0\x0b"
_ESCAPES = (
    ("\\:", "&&058;", ":"),
    ("\\#", "&&035;", "#"),
    ("\\=", "&&061;", "="),
    ("\\{", "&&123;", "{"),
    ("\\}", "&&125;", "}"),
    ("\\~", "&&126;", "~"),
    ("\\n", "&&010;", "\n"),
)
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_FORMATS = {"html": HTML, "moodle": MOODLE, "plain": PLAIN, "markdown": MARKDOWN}
_TAG = re.compile(r"<[^>]*>")
_BRACKETS = re.compile(r"(?<!\\)\[(.*?)(?<!\\)\]")

# Ordering (Moodle 4.3+, qtype_ordering's GIFT hook): "text {>N [select] [layout] [grading]
# [show] item / item / …}", one item per line; the hook sees the raw lines, escapes and all.
_ORDERING_GRADING = (
    "ALL_OR_NOTHING|ABSOLUTE_POSITION|ABSOLUTE|ABS|RELATIVE_NEXT_EXCLUDE_LAST|"
    "RELATIVE_NEXT_INCLUDE_LAST|RELATIVE_ONE_PREVIOUS_AND_NEXT|RELATIVE_ALL_PREVIOUS_AND_NEXT|"
    "RELATIVE_TO_CORRECT|RELATIVE|RELLONGEST_ORDERED_SUBSET|LONGEST_CONTIGUOUS_SUBSET"
)
_ORDERING = re.compile(
    r"^([^{]*)\s*\{>\s*(\d+)\s*((?:ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?)\s*"
    r"((?:HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?)\s*"
    rf"((?:{_ORDERING_GRADING})?)\s*"
    r"((?:SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)?)\s*(.*?)\s*\}\s*$",
    re.DOTALL,
)
_SELECT = {"ALL": "ALL", "EXACT": "ALL", "CONTIGUOUS": "CONTIGUOUS", "CONTIG": "CONTIGUOUS"}
_LAYOUT = {"HORIZONTAL": "HORIZONTAL", "HORI": "HORIZONTAL", "H": "HORIZONTAL", "1": "HORIZONTAL"}
_GRADING = {
    "ABS": "ABSOLUTE_POSITION",
    "ABSOLUTE": "ABSOLUTE_POSITION",
    "REL": "RELATIVE_NEXT_EXCLUDE_LAST",
    "RELATIVE": "RELATIVE_NEXT_EXCLUDE_LAST",
    "": "RELATIVE_NEXT_EXCLUDE_LAST",
}


def _trim(value: str) -> str:
    return value.strip(_PHP_WS)


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder, _ in _ESCAPES:
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for _, placeholder, char in _ESCAPES:
        text = text.replace(placeholder, char)
    return text


def _with_format(text: str, default: str = MOODLE) -> FText:
    """``[html]text`` → text in that format; an unknown ``[xyz]`` stays in the text."""
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end >= 0 else text[1:-1]
        if name in _FORMATS:
            fmt = _FORMATS[name]
            text = text[end + 1 :]
    return FText(_trim(_post(text)), fmt)


def decode(data: bytes, path: str) -> str:
    if len(data) > MAX_BYTES:
        raise FormatError(
            f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB and was not read",
            where=path,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(
            f"the file is not UTF-8 text (first bad byte on line {line}). GIFT files must be "
            "saved as UTF-8: open it in a text editor and save it again with that encoding",
            where=path,
        ) from exc
    return text.removeprefix("\ufeff")


def _lines(text: str) -> list[str]:
    first = text.split("\n", 1)[0]
    if "\r" in first and "\n" not in text:
        return text.split("\r")
    return text.split("\n")


def iter_gift(data: bytes, path: str, *, nearest_grade: bool = False) -> Iterator[MQuestion]:
    """Every block of the file as Moodle would import it (errors included, as records),
    one at a time so an import never holds them all; the grade check raises FormatError
    after the last record if any grade was refused (``nearest_grade``: snapped instead)."""
    text = decode(data, path)
    grades = GradeCheck(path, nearest=nearest_grade)
    block: list[str] = []
    start = 0
    for number, raw in enumerate(_lines(text), start=1):
        line = _trim(raw)
        if line in ("", "0"):  # PHP's empty(): "0" is blank too
            if block:
                question = read_question(block, start)
                if question is not None:
                    grades.snap(question)
                    yield question
                block = []
        else:
            if not block:
                start = number
            block.append(line)
    if block:
        question = read_question(block, start)
        if question is not None:
            grades.snap(question)
            yield question
    grades.finish()


def _comment_data(comments: str) -> tuple[str | None, list[str], dict[str, object]]:
    idnumber: str | None = None
    tags: list[str] = []
    meta: dict[str, object] = {}
    for comment in comments.splitlines():
        body = comment[2:].strip()
        if body.startswith(META_PREFIX):
            try:
                found = json.loads(body[len(META_PREFIX) :])
            except ValueError:
                found = None
            if isinstance(found, dict):
                meta = found
            continue
        for match in _BRACKETS.findall(comment):
            if match.startswith("id:"):
                idnumber = match[3:].strip().replace("\\]", "]")
            elif match.startswith("tag:"):
                tags.append(match[4:].strip().replace("\\]", "]"))
    return idnumber, tags, meta


def read_question(lines: list[str], line: int) -> MQuestion | None:
    comments = ""
    kept: list[str] = []  # the lines with comments blanked, as Moodle hands them to qtypes
    for item in lines:
        if item.startswith("//"):
            comments += item + "\n"
            kept.append(" ")
        else:
            kept.append(item)
    text = _trim("\n".join(kept))
    if text == "":
        return None
    text = _pre(text)
    if text.startswith("$CATEGORY:"):
        return MQuestion("category", line, category=_trim(text[10:]))

    title: str | None = None
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end >= 0:
            title = _trim(_TAG.sub("", _post(text[:end])))
            text = _trim(text[end + 2 :])

    idnumber, tags, meta = _comment_data(comments)

    start = text.find("{")
    finish = text.find("}")
    description = start < 0 and finish < 0
    if not description and (start < 0 or finish < 0 or finish < start):
        return MQuestion(
            "error",
            line,
            title=title,
            error=E_BRACES,
        )
    missing_word = False
    if description:
        answer_text = ""
        question_text = text
    else:
        answer_text = _trim(text[start + 1 : finish])
        if text.endswith("}"):
            question_text = text[:start] + text[finish + 1 :]
        else:
            question_text = text[:start] + "_____" + text[finish + 1 :]
            missing_word = True

    general = ""
    separator = answer_text.rfind("####")
    if separator >= 0:
        general = answer_text[separator + 4 :]
        answer_text = _trim(answer_text[:separator])

    qtext = _with_format(question_text)
    q = MQuestion(
        "description",
        line,
        title=title,
        text=qtext,
        general_feedback=_with_format(general, qtext.format),
        idnumber=idnumber,
        tags=tags,
        missing_word=missing_word,
        meta=meta,
    )
    fmt = qtext.format
    # Moodle lets question-type plugins try the block first; only ordering claims GIFT.
    raw = "\n".join(kept)
    # The pattern can only match a block that ends with "}"; checking that first keeps
    # a hostile block from making the pattern backtrack for ever.
    if answer_text not in ("", "0") and raw.rstrip(_PHP_WS).endswith("}") and "{>" in raw:
        ordering = _ORDERING.match(raw)
        if ordering is not None:
            return _ordering(q, ordering)
    if description:
        q.type = "description"
        return q
    if answer_text == "":
        q.type = "essay"
    elif answer_text.startswith("#"):
        q.type = "numerical"
    elif "~" in answer_text:
        q.type = "multichoice"
    elif "=" in answer_text and "->" in answer_text:
        q.type = "match"
    else:
        check = answer_text
        if answer_text.find("#") > 0:
            check = _trim(answer_text[: answer_text.find("#")])
        q.type = "truefalse" if check in ("T", "TRUE", "F", "FALSE") else "shortanswer"

    if q.type == "multichoice":
        q.single = "=" in answer_text
        answers = answer_text.replace("=", "~=").split("~")
        answers[0] = _trim(answers[0])
        if answers[0] in ("", "0"):
            answers.pop(0)
        if len(answers) < 2:
            return _error(q, E_MC_ANSWERS)
        for index, raw in enumerate(answers):
            answer = _trim(raw)
            # "~=right" splits into an empty answer and "=right": name that cause.
            following = _trim(answers[index + 1]) if index + 1 < len(answers) else ""
            tilde_equals = answer == "" and following.startswith("=")
            if answer.startswith("="):
                weight = 1.0
                answer = answer[1:]
            elif _WEIGHT.match(answer):
                answer = answer[1:]
                end = answer.find("%")
                try:
                    weight = float(answer[:end]) / 100
                except ValueError:
                    return _error(q, E_WEIGHT)
                answer = answer[end + 1 :]
            else:
                weight = 0.0
            bits = answer.split("#", 1)
            ans = _with_format(_trim(bits[0]), fmt)
            feedback = _with_format(_trim(bits[1]), fmt) if len(bits) > 1 else FText("", fmt)
            q.answers.append(MAnswer(ans, weight, feedback))
            if tilde_equals:
                q.answers[-1].empty_cause = M_TILDE_EQUALS
    elif q.type == "match":
        parts = answer_text.split("=")
        parts[0] = _trim(parts[0])
        if parts[0] in ("", "0"):
            parts.pop(0)
        if len(parts) < 2:
            return _error(q, M_MATCH_PAIRS)
        for raw in parts:
            pair = _trim(raw)
            if "->" not in pair:
                return _error(q, E_MATCH_PAIR)
            marker = pair.find("->")
            q.pairs.append(
                MPair(_with_format(pair[:marker], fmt), _trim(_post(pair[marker + 2 :])))
            )
    elif q.type == "truefalse":
        bits = answer_text.split("#", 2)
        verdict = _with_format(_trim(bits[0]), fmt)
        wrong = _with_format(_trim(bits[1]), fmt) if len(bits) > 1 else FText("", fmt)
        right = _with_format(_trim(bits[2]), fmt) if len(bits) > 2 else FText("", fmt)
        q.correct = verdict.text in ("T", "TRUE")
        # Moodle: the first feedback is for the wrong choice, the second for the right one.
        if q.correct:
            q.answers = [MAnswer(FText("True"), 1.0, right), MAnswer(FText("False"), 0.0, wrong)]
        else:
            q.answers = [MAnswer(FText("True"), 0.0, wrong), MAnswer(FText("False"), 1.0, right)]
    elif q.type == "shortanswer":
        try:
            q.answers = [_weighted_answer(raw, fmt)[0] for raw in _equals_split(answer_text)]
        except ValueError:
            return _error(q, E_WEIGHT)
    elif q.type == "numerical":
        try:
            error = _read_numerical(q, answer_text[1:], fmt)
        except ValueError:
            error = E_WEIGHT
        if error is not None:
            return _error(q, error)
    return q


def _ordering(q: MQuestion, found: re.Match[str]) -> MQuestion:
    """An ordering question, as qtype_ordering's GIFT import reads it."""
    count, select, layout, grading, show, body = found.groups()[1:]
    lines = body.split("\n")
    items = [_trim(line) for line in lines]
    items = [item for item in items if item not in ("", "0")]
    shown = int(count) if 2 < int(count) <= len(lines) else min(6, len(lines))
    q.type = "ordering"
    q.missing_word = False
    q.answers = [MAnswer(FText(item, MOODLE), 1.0) for item in items]
    q.options = {
        "layouttype": _LAYOUT.get(layout.upper(), "VERTICAL"),
        "selecttype": _SELECT.get(select.upper(), "RANDOM"),
        "selectcount": str(shown),
        "gradingtype": _GRADING.get(grading.upper(), grading.upper()),
        "showgrading": "HIDE" if show.upper() in ("HIDE", "FALSE", "NO") else "SHOW",
    }
    return q


def _equals_split(answer_text: str) -> list[str]:
    """The answers of a short answer or numerical block: split on '=', a blank first dropped."""
    answers = answer_text.split("=")
    answers[0] = _trim(answers[0])
    if answers[0] in ("", "0"):
        answers.pop(0)
    return answers


def _weighted_answer(raw: str, fmt: str) -> tuple[MAnswer, str]:
    """``%50%text#feedback`` → the answer (weight 1 when none is given), and its raw text
    (ValueError for a weight that is not a number)."""
    answer = _trim(raw)
    weight = 1.0
    if _WEIGHT.match(answer):
        answer = answer[1:]
        end = answer.find("%")
        weight = float(answer[:end]) / 100
        answer = answer[end + 1 :]
    bits = answer.split("#", 1)
    text = _with_format(_trim(bits[0]), fmt)
    feedback = _with_format(_trim(bits[1]), fmt) if len(bits) > 1 else FText("", fmt)
    return MAnswer(text, weight, feedback), text.text


_PHP_NUMERIC = re.compile(r"^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$")


def _php_number(text: str) -> float | None:
    """The number PHP's is_numeric() accepts, or None."""
    return float(text) if _PHP_NUMERIC.match(text) else None


def _read_numerical(q: MQuestion, answer_text: str, fmt: str) -> str | None:
    """Moodle's numerical answers: ``=value:tolerance``, ``=min..max``, a trailing
    ``~#feedback`` catch-all; an answer that is not a number becomes ``*`` (as in Moodle)."""
    wrong_feedback = ""
    tilde = answer_text.find("~")
    if tilde >= 0:
        wrong_feedback = answer_text[tilde:]
        answer_text = answer_text[:tilde]
    answers = _equals_split(answer_text)
    if not answers:
        return E_NUMERICAL_ANSWERS
    for raw in answers:
        answer, text = _weighted_answer(raw, fmt)
        numeric: dict[str, object]
        marker = text.find("..")
        if marker > 0:
            low, high = _php_number(_trim(text[:marker])), _php_number(_trim(text[marker + 2 :]))
            if low is None or high is None:
                return E_NUMERICAL_NUMBERS
            middle = (high + low) / 2
            numeric = {"answer": middle, "tolerance": high - middle, "range": [low, high]}
        else:
            colon = text.find(":")
            value, tolerance = (text[:colon], text[colon + 1 :]) if colon > 0 else (text, "0")
            number = _php_number(_trim(value))
            tol = _php_number(_trim(tolerance))
            if tol is None:
                return E_NUMERICAL_NUMBERS
            numeric = {"answer": "*" if number is None else number, "tolerance": tol}
        answer.numeric = numeric
        q.answers.append(answer)
    if wrong_feedback:
        bits = wrong_feedback.split("#", 1)
        feedback = _with_format(_trim(bits[1]), fmt) if len(bits) > 1 else FText("", fmt)
        q.answers.append(MAnswer(FText("*", fmt), 0.0, feedback, {"answer": "*", "tolerance": ""}))
    return None


def _error(q: MQuestion, message: str) -> MQuestion:
    return MQuestion("error", q.line, title=q.title, error=message)


# -- writing -----------------------------------------------------------------------------
def escape(text: str) -> str:
    """Escape GIFT's special characters so Moodle reads the text back unchanged."""
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _fmt(value: FText, default: str) -> str:
    # A text that itself starts with "[word]" would lose it as a format name: the format
    # is then always written, so only the first bracket is read as one.
    prefix = f"[{value.format}]" if value.format != default or value.text.startswith("[") else ""
    return prefix + escape(value.text)


_PERCENT_START = re.compile(r"^\s*%")


def _option(mark: str, value: FText, default: str) -> str:
    """An answer after its mark; a text that starts like a weight (``%50%…``) gets an
    explicit weight first, so Moodle reads the text and not a grade."""
    text = _fmt(value, default)
    if mark == "~" and _PERCENT_START.match(text):
        mark = "~%0%"
    return mark + text


def _ordering_items(q: MQuestion) -> list[str]:
    """Items as qtype_ordering's GIFT hook reads them: raw, one per line. A line that
    Moodle would take for a comment ("//…") or a blank line ("0") starts with an HTML
    entity instead, which Moodle shows as the same character."""
    items = []
    for a in q.answers:
        item = " ".join(a.text.text.split())
        if item.startswith("//"):
            item = "&#47;" + item[1:]
        elif item == "0":
            item = "&#48;"
        items.append(item)
    return items


def write_gift(records: list[MQuestion]) -> str:
    """GIFT text for records of the kinds GIFT can express (category, description,
    multichoice, truefalse, match, ordering, shortanswer, numerical)."""
    chunks: list[str] = []
    for q in records:
        if q.type == "category":
            chunks.append(f"$CATEGORY: {q.category}\n")
            continue
        lines: list[str] = []
        if q.idnumber:
            lines.append("// [id:" + q.idnumber.replace("]", "\\]") + "]")
        for tag in q.tags:
            lines.append("// [tag:" + tag.replace("]", "\\]") + "]")
        if q.meta:
            lines.append(
                f"// {META_PREFIX} {json.dumps(q.meta, ensure_ascii=True, sort_keys=True)}"
            )
        head = f"::{escape(q.title)}::" if q.title else ""
        qfmt = q.text.format
        head += _fmt(q.text, MOODLE)
        general = ""
        if q.general_feedback.text:
            general = "####" + _fmt(q.general_feedback, qfmt)
        if q.type == "description":
            lines.append(head)
        elif q.type == "truefalse":
            right = next((a for a in q.answers if a.fraction > 0), None)
            wrong = next((a for a in q.answers if a.fraction <= 0), None)
            word = "TRUE" if q.correct else "FALSE"
            wrong_fb = _fmt(wrong.feedback, qfmt) if wrong else ""
            right_fb = _fmt(right.feedback, qfmt) if right else ""
            body = word
            if wrong_fb or right_fb:
                body += f"#{wrong_fb}#{right_fb}"
            lines.append(f"{head}{{{body}{general}}}")
        elif q.type == "multichoice":
            lines.append(head + "{")
            for a in q.answers:
                if q.single and a.fraction == 1.0:
                    mark = "="
                elif a.fraction == 0.0 and q.single:
                    mark = "~"
                else:
                    mark = f"~%{_percent(a.fraction)}%"
                feedback = f"#{_fmt(a.feedback, qfmt)}" if a.feedback.text else ""
                lines.append(f"\t{_option(mark, a.text, qfmt)}{feedback}")
            lines.append(f"{general}}}" if general else "}")
        elif q.type == "match":
            lines.append(head + "{")
            for p in q.pairs:
                left = _fmt(p.question, qfmt) if p.question.text else ""
                lines.append(f"\t={left} -> {escape(p.answer)}")
            lines.append(f"{general}}}" if general else "}")
        elif q.type == "ordering":
            # The hook matches the raw block: a brace before "{>" would hide it.
            head = head.replace("\\{", "&#123;").replace("\\}", "&#125;")
            o = q.options
            lines.append(
                f"{head}{{>{o.get('selectcount', len(q.answers))} {o.get('selecttype', 'ALL')}"
                f" {o.get('layouttype', 'VERTICAL')}"
                f" {o.get('gradingtype', 'RELATIVE_NEXT_EXCLUDE_LAST')}"
                f" {o.get('showgrading', 'SHOW')}"
            )
            lines += _ordering_items(q)
            lines.append("}")
        elif q.type == "shortanswer":
            lines.append(head + "{")
            for a in q.answers:
                feedback = f"#{_fmt(a.feedback, qfmt)}" if a.feedback.text else ""
                lines.append(f"\t=%{_percent(a.fraction)}%{_fmt(a.text, qfmt)}{feedback}")
            lines.append(f"{general}}}" if general else "}")
        elif q.type == "numerical":
            lines.append(head + "{#")
            for a in q.answers:
                feedback = f"#{_fmt(a.feedback, qfmt)}" if a.feedback.text else ""
                value = str(a.numeric.get("answer", a.text.text))
                tolerance = a.numeric.get("tolerance") or "0"
                lines.append(f"\t=%{_percent(a.fraction)}%{value}:{tolerance}{feedback}")
            lines.append(f"{general}}}" if general else "}")
        else:
            raise ValueError(f"GIFT cannot express a {q.type} question")
        chunks.append("\n".join(lines) + "\n")
    return "\n".join(chunks)


def _percent(fraction: float) -> str:
    value = round(fraction * 100, 5)
    return f"{value:.5f}".rstrip("0").rstrip(".")
