"""Moodle XML files: read them as Moodle 4.5's ``qformat_xml`` does, and write what it accepts.

Parsing goes through ``defusedxml`` with DTDs, entities and external references
refused, so a hostile file (an "XML bomb") is stopped before it can grow.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from defusedxml.ElementTree import ParseError as DefusedParseError

from trainer.banks.formats.records import (
    HTML,
    MARKDOWN,
    MOODLE,
    PLAIN,
    WIKI,
    FText,
    GradeCheck,
    MAnswer,
    MPair,
    MQuestion,
    MUnit,
)
from trainer.errors import FormatError

MAX_BYTES = 16 * 1024 * 1024
META_PREFIX = "tip-trainer:"

_FORMAT_NAMES = {
    "html": HTML,
    "moodle_auto_format": MOODLE,
    "plain_text": PLAIN,
    "wiki_like": WIKI,
    "markdown": MARKDOWN,
}
_FORMAT_ATTRS = {value: key for key, value in _FORMAT_NAMES.items()}
_TYPE_ALIASES = {"matching": "match", "cloze": "multianswer"}


class _LineBuilder(ET.TreeBuilder):
    """Remembers the line each element starts on (for the import report)."""

    def __init__(self) -> None:
        super().__init__(insert_comments=True)
        self.parser: Any = None
        self.lines: dict[int, int] = {}

    def start(self, tag: Any, attrs: Any) -> ET.Element:
        element = super().start(tag, attrs)
        expat = getattr(self.parser, "parser", None)
        if expat is not None:
            self.lines[id(element)] = int(expat.CurrentLineNumber)
        return element


def parse(data: bytes, path: str) -> tuple[ET.Element, dict[int, int]]:
    """The document's root and the line of each element; a clear error for any bad file."""
    if len(data) > MAX_BYTES:
        raise FormatError(
            f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB and was not read",
            where=path,
        )
    builder = _LineBuilder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as exc:
        raise FormatError(
            "the file declares a DTD or entities, which Moodle XML never needs and which can "
            f"make a small file explode in memory; it was refused for safety ({type(exc).__name__})",
            where=path,
        ) from exc
    except (ET.ParseError, DefusedParseError) as exc:
        line, column = getattr(exc, "position", (0, 0))
        # expat counts columns from 0 and says so in its message: one count, from 1.
        reason = re.sub(r":\s*line \d+, column \d+$", "", str(exc))
        raise FormatError(
            f"the file is not well-formed XML (line {line}, column {column + 1}): {reason}",
            where=path,
        ) from exc
    if not isinstance(root.tag, str) or root.tag != "quiz":
        raise FormatError(
            f"this is not a Moodle XML question file: it starts with <{root.tag}>, not <quiz>",
            where=path,
        )
    return root, builder.lines


def _child(el: ET.Element, *names: str) -> ET.Element | None:
    current: ET.Element | None = el
    for name in names:
        if current is None:
            return None
        current = current.find(name)
    return current


def _value(el: ET.Element | None) -> str:
    if el is None:
        return ""
    return "".join(el.itertext()).strip()


def _format(name: str | None, default: str) -> str:
    if name is None:
        return default
    return _FORMAT_NAMES.get(name.strip(), MOODLE)


def _ftext(el: ET.Element | None, default_format: str) -> FText:
    if el is None:
        return FText("", default_format)
    return FText(
        _value(el.find("text")),
        _format(el.get("format"), default_format),
        _files(el),
        _file_data(el),
    )


def _files(el: ET.Element) -> list[str]:
    return [f.get("name") or "" for f in el.findall("file")]


def _file_data(el: ET.Element) -> dict[str, str]:
    """The base64 content of each embedded file, by name (not decoded here)."""
    return {
        f.get("name") or "": f.text or ""
        for f in el.findall("file")
        if (f.get("encoding") or "base64").strip().lower() == "base64"
    }


def iter_moodle_xml(data: bytes, path: str, *, nearest_grade: bool = False) -> Iterator[MQuestion]:
    """Every ``<question>`` of the file as Moodle would import it, one at a time so an
    import never holds them all; the grade check raises FormatError after the last
    record if any grade was refused (``nearest_grade``: snapped instead)."""
    root, lines = parse(data, path)
    grades = GradeCheck(path, nearest=nearest_grade)
    for el in root.iterfind("question"):
        line = lines.get(id(el), 0)
        qtype = (el.get("type") or "").strip()
        qtype = _TYPE_ALIASES.get(qtype, qtype)
        if qtype == "category":
            idnumber = el.find("idnumber")
            yield MQuestion(
                "category",
                line,
                category=_value(_child(el, "category", "text")),
                idnumber=_value(idnumber) if idnumber is not None else None,
            )
            continue
        question = _question(el, qtype, line)
        grades.snap(question)
        yield question
    grades.finish()


def _question(el: ET.Element, qtype: str, line: int) -> MQuestion:
    qtext_el = el.find("questiontext")
    qformat = _format(qtext_el.get("format") if qtext_el is not None else None, HTML)
    qtext = _ftext(qtext_el, qformat)
    image = _value(el.find("image"))
    if image:  # Moodle 1.9 files: Moodle appends the old image to the text
        qtext.text += f' <img src="@@PLUGINFILE@@/{image}" />'
        qtext.files.append(image)
    name = _value(_child(el, "name", "text"))
    idnumber_el = el.find("idnumber")
    q = MQuestion(
        qtype or "unknown",
        line,
        title=name or None,
        text=qtext,
        general_feedback=_ftext(el.find("generalfeedback"), qformat),
        idnumber=_value(idnumber_el) or None if idnumber_el is not None else None,
        tags=[_value(t.find("text")) for t in el.findall("tags/tag")],
        combined_feedback=[
            _ftext(el.find(tag), qformat)
            for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
        ],
        hints=[_ftext(h, qformat) for h in el.findall("hint")],
    )
    for node in el:
        is_comment = not isinstance(node.tag, str) and node.tag is ET.Comment
        if is_comment and (node.text or "").strip().startswith(META_PREFIX):
            try:
                meta = json.loads((node.text or "").strip()[len(META_PREFIX) :])
            except ValueError:
                meta = None
            if isinstance(meta, dict):
                q.meta = meta
    if qtype == "multichoice":
        q.single = _value(el.find("single")) in ("", "true", "1")
        q.answers = [_answer(a, qformat) for a in el.findall("answer")]
    elif qtype == "truefalse":
        correct = False
        feedback_true = FText("", qformat)
        feedback_false = FText("", qformat)
        for index, answer in enumerate(el.findall("answer")):
            text = _value(answer.find("text"))
            if text not in ("true", "false"):  # old files: localised, true comes first
                text = "true" if index == 0 else "false"
            feedback = _ftext(answer.find("feedback"), qformat)
            hundred = _fraction(answer) == 1.0
            if text == "true":
                correct = hundred
                feedback_true = feedback
            else:
                correct = not hundred
                feedback_false = feedback
        q.correct = correct
        q.answers = [
            MAnswer(FText("True"), 1.0 if correct else 0.0, feedback_true),
            MAnswer(FText("False"), 0.0 if correct else 1.0, feedback_false),
        ]
    elif qtype == "match":
        for sub in el.findall("subquestion"):
            q.pairs.append(
                MPair(
                    FText(_value(sub.find("text")), _format(sub.get("format"), qformat)),
                    _value(_child(sub, "answer", "text")),
                )
            )
    elif qtype == "ordering":
        q.answers = [_answer(a, qformat) for a in el.findall("answer")]
        for option in ("layouttype", "selecttype", "selectcount", "gradingtype"):
            value = _value(el.find(option))
            if value:
                q.options[option] = value
    elif qtype in ("shortanswer", "numerical"):
        q.answers = [_answer(a, qformat) for a in el.findall("answer")]
        if qtype == "shortanswer":
            q.options["usecase"] = _value(el.find("usecase")) or "0"
        else:
            for a, a_el in zip(q.answers, el.findall("answer"), strict=True):
                a.numeric = {"answer": a.text.text, "tolerance": _number(a_el.find("tolerance"))}
            for option in ("unitgradingtype", "unitpenalty", "showunits", "unitsleft"):
                value = _value(el.find(option))
                if value:
                    q.options[option] = value
            q.units = [
                MUnit(_value(u.find("unit_name")), _value(u.find("multiplier")) or "1")
                for u in el.findall("units/unit")
            ]
    return q


def _number(el: ET.Element | None) -> float | str:
    """A number as written (Moodle keeps the text; '' stays '')."""
    text = _value(el)
    try:
        return float(text)
    except ValueError:
        return text


def _fraction(answer: ET.Element) -> float:
    try:
        return float(answer.get("fraction") or 0) / 100
    except ValueError:
        return 0.0


def _answer(answer: ET.Element, default_format: str) -> MAnswer:
    return MAnswer(
        FText(
            _value(answer.find("text")),
            _format(answer.get("format"), default_format),
            _files(answer),
            _file_data(answer),
        ),
        _fraction(answer),
        _ftext(answer.find("feedback"), default_format),
    )


# -- writing -----------------------------------------------------------------------------
def _cdata(text: str) -> str:
    if not text:
        return "<text></text>"
    if any(c in text for c in "<>&"):
        return "<text><![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]></text>"
    return f"<text>{text}</text>"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _block(tag: str, value: FText, indent: str) -> list[str]:
    return [
        f'{indent}<{tag} format="{_FORMAT_ATTRS.get(value.format, "html")}">',
        f"{indent}  {_cdata(value.text)}",
        *_file_lines(value, indent + "  "),
        f"{indent}</{tag}>",
    ]


def _file_lines(value: FText, indent: str) -> list[str]:
    """The text's embedded files (pictures), as Moodle writes them."""
    return [
        f'{indent}<file name="{_esc(name).replace(chr(34), "&quot;")}" path="/"'
        f' encoding="base64">{data}</file>'
        for name, data in value.data.items()
    ]


def write_moodle_xml(records: list[MQuestion]) -> str:
    """A Moodle XML document for records of the kinds it can express."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for q in records:
        if q.type == "category":
            out += [
                '  <question type="category">',
                "    <category>",
                f"      {_cdata(q.category)}",
                "    </category>",
                "  </question>",
            ]
            continue
        qtype = {"match": "matching"}.get(q.type, q.type)
        out.append(f'  <question type="{qtype}">')
        if q.meta:
            meta = json.dumps(q.meta, ensure_ascii=True, sort_keys=True).replace("--", "-\\u002d")
            out.append(f"    <!-- {META_PREFIX} {meta} -->")
        out += ["    <name>", f"      {_cdata(q.title or '')}", "    </name>"]
        out += _block("questiontext", q.text, "    ")
        out += _block("generalfeedback", q.general_feedback, "    ")
        out.append(f"    <defaultgrade>{0 if q.type == 'description' else 1}</defaultgrade>")
        penalty = {"description": "0", "truefalse": "1"}.get(q.type, "0.3333333")
        out += [f"    <penalty>{penalty}</penalty>", "    <hidden>0</hidden>"]
        out.append(f"    <idnumber>{_esc(q.idnumber or '')}</idnumber>")
        if q.type == "multichoice":
            out += [
                f"    <single>{'true' if q.single else 'false'}</single>",
                "    <shuffleanswers>true</shuffleanswers>",
                "    <answernumbering>abc</answernumbering>",
                "    <showstandardinstruction>0</showstandardinstruction>",
            ]
            out += _combined_feedback()
            out += _answers(q.answers)
        elif q.type == "truefalse":
            for a, word in zip(q.answers, ("true", "false"), strict=False):
                out += [
                    f'    <answer fraction="{round(a.fraction * 100)}" format="moodle_auto_format">',
                    f"      <text>{word}</text>",
                    *_block("feedback", a.feedback, "      "),
                    "    </answer>",
                ]
        elif q.type == "match":
            out.append("    <shuffleanswers>true</shuffleanswers>")
            out += _combined_feedback()
            for p in q.pairs:
                out += [
                    f'    <subquestion format="{_FORMAT_ATTRS.get(p.question.format, "html")}">',
                    f"      {_cdata(p.question.text)}",
                    "      <answer>",
                    f"        {_cdata(p.answer)}",
                    "      </answer>",
                    "    </subquestion>",
                ]
        elif q.type == "ordering":
            out += [f"    <{k}>{_esc(v)}</{k}>" for k, v in q.options.items()]
            out += _combined_feedback()
            for index, a in enumerate(q.answers, start=1):
                out += [
                    f'    <answer fraction="{index}" format="{_FORMAT_ATTRS.get(a.text.format, "html")}">',
                    f"      {_cdata(a.text.text)}",
                    "    </answer>",
                ]
        elif q.type == "shortanswer":
            out.append(f"    <usecase>{_esc(q.options.get('usecase', '0'))}</usecase>")
            out += _answers(q.answers)
        elif q.type == "numerical":
            out += _answers(q.answers)
            if q.units:
                out.append("    <units>")
                for u in q.units:
                    out += [
                        "      <unit>",
                        f"        <multiplier>{_esc(u.multiplier)}</multiplier>",
                        f"        <unit_name>{_esc(u.name)}</unit_name>",
                        "      </unit>",
                    ]
                out.append("    </units>")
            out += [f"    <{k}>{_esc(v)}</{k}>" for k, v in q.options.items()]
        elif q.type != "description":
            raise ValueError(f"cannot write a {q.type} question")
        if q.tags:
            out.append("    <tags>")
            out += [f"      <tag>{_cdata(t)}</tag>" for t in q.tags]
            out.append("    </tags>")
        out.append("  </question>")
    out.append("</quiz>")
    return "\n".join(out) + "\n"


def _combined_feedback() -> list[str]:
    out: list[str] = []
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        out += _block(tag, FText("", HTML), "    ")
    out.append("    <shownumcorrect/>")
    return out


def _answers(answers: list[MAnswer]) -> list[str]:
    out: list[str] = []
    for a in answers:
        fraction = f"{a.fraction * 100:.5f}".rstrip("0").rstrip(".")
        out += [
            f'    <answer fraction="{fraction}" format="{_FORMAT_ATTRS.get(a.text.format, "html")}">',
            f"      {_cdata(a.text.text)}",
            *_file_lines(a.text, "      "),
            *_block("feedback", a.feedback, "      "),
            *(
                [f"      <tolerance>{_esc(str(a.numeric.get('tolerance', '0')))}</tolerance>"]
                if a.numeric
                else []
            ),
            "    </answer>",
        ]
    return out
