"""How many questions of real GIFT / Moodle XML files end up correctly in a draft.

``python -m bench import_accuracy FOLDER`` reads every .gift, .txt and .xml file under
FOLDER (files you collected: none ships with the project) and prints, per file:

- **expected**: the questions of kinds we support (multiple choice, true/false,
  matching, ordering), counted by a reading of the file that is independent of the
  importer: GIFT blocks classified by their answer braces, XML by each
  ``<question type=…>``; a question Moodle itself refuses (no answer at 100 %, no
  credit at all, fewer than 2 answers) is not expected;
- **correct**: those that became a draft question that validates once its
  placeholders are filled, of the same kind, with the same options (or pairs, or
  items) and the same right answers as the independent reading.

Each question that is not correct is listed with the reason, for a spot check.
"""

from __future__ import annotations

import html
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml.ElementTree import fromstring

KINDS = ("single_choice", "multiple_response", "true_false", "matching", "ordering")


@dataclass
class Expected:
    """One question as the independent reading sees it."""

    line: int
    kind: str  # one of KINDS, or "" for a kind we do not support
    options: list[str] = field(default_factory=list)  # choices, pair prompts, items
    right: list[str] = field(default_factory=list)  # right options, pair answers, key
    refused: str = ""  # why Moodle refuses it ("" when it accepts it)
    text: str = ""  # the question's text (its title when it has no other)
    part_of: str = ""  # the scenario its idnumber names ("<scenario>/<n>"), if any


def _norm(text: str) -> str:
    text = re.sub(r"<[^>]*>", " ", text)
    text = html.unescape(text).replace("*", "")
    return " ".join(text.split())


# -- GIFT, read independently --------------------------------------------------------------
_GIFT_ESCAPE = re.compile(r"\\(.)")


def _gift_text(raw: str) -> str:
    raw = re.sub(r"^\[(html|moodle|plain|markdown)\]", "", raw.strip())
    return _norm(_GIFT_ESCAPE.sub(r"\1", raw))


def _split_top(body: str, marks: str) -> list[tuple[str, str]]:
    """(mark, text) pieces of an answer body split at unescaped marks."""
    out: list[tuple[str, str]] = []
    mark, start, i = "", 0, 0
    while i < len(body):
        if body[i] == "\\":
            i += 2
            continue
        if body[i] in marks:
            out.append((mark, body[start:i]))
            mark, start = body[i], i + 1
        i += 1
    out.append((mark, body[start:]))
    return [(m, t) for m, t in out if m or t.strip()]


def _strip_feedback(text: str) -> str:
    return re.split(r"(?<!\\)#", text, maxsplit=1)[0]


def _gift_kind(line_no: int, answer: str) -> Expected:
    answer = re.split(r"(?<!\\)####", answer)[0].strip()
    if answer.startswith(">"):
        items = [x.strip() for x in answer.split("\n")[1:] if x.strip()]
        return Expected(line_no, "ordering", [_norm(i) for i in items], [])
    if not answer or answer.startswith("#"):
        return Expected(line_no, "")
    if re.search(r"(?<!\\)~", answer):
        pieces = _split_top(answer, "~=")
        options, right, single = [], [], bool(re.search(r"(?<!\\)=", answer))
        weights: list[float] = []
        for mark, piece in pieces:
            piece = _strip_feedback(piece).strip()
            weight = 1.0 if mark == "=" else 0.0
            found_weight = re.match(r"^%(-?[0-9.]+)%", piece)
            if mark == "~" and found_weight:
                weight = float(found_weight.group(1)) / 100
                piece = piece[found_weight.end() :]
            text_ = _gift_text(piece)
            if not text_:
                continue  # Moodle drops an empty answer
            options.append(text_)
            weights.append(weight)
            if weight > 0:
                right.append(text_)
        full = [w for w in weights if w >= 0.99999]
        kind = "single_choice" if single and len(full) == 1 else "multiple_response"
        if single:  # partial credit in a single choice is not a right answer
            right = [o for o, w in zip(options, weights, strict=True) if w >= 0.99999]
        refused = ""
        if len(options) < 2:
            refused = "fewer than 2 answers"
        elif not right:
            refused = "no answer gives credit"
        return Expected(line_no, kind, options, right, refused)
    if re.search(r"(?<!\\)=", answer) and "->" in answer:
        prompts, answers = [], []
        for _, piece in _split_top(answer, "="):
            if "->" not in piece:
                continue
            left, right_ = piece.split("->", 1)
            if _gift_text(left):
                prompts.append(_gift_text(left))
                answers.append(_gift_text(right_))
        return Expected(line_no, "matching", prompts, answers)
    word = _strip_feedback(answer).strip()
    if word in ("T", "TRUE", "F", "FALSE"):
        return Expected(line_no, "true_false", [], [str(word.startswith("T"))])
    return Expected(line_no, "")


def gift_expected(text: str) -> list[Expected]:
    found: list[Expected] = []
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line:
            if current:
                blocks.append((start, current))
            current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, current))
    for line_no, lines in blocks:
        body_lines = [x for x in lines if not x.startswith("//")]
        if not body_lines or body_lines[0].startswith("$CATEGORY"):
            continue
        block = "\n".join(body_lines)
        opened = re.search(r"(?<!\\)\{", block)
        closed = re.search(r"(?<!\\)\}", block)
        if opened is None or closed is None or closed.start() < opened.start():
            continue  # a description, or a block Moodle cannot read
        answer = block[opened.end() : closed.start()]
        question = block[: opened.start()] + (
            "" if not block[closed.end() :].strip() else " _____ " + block[closed.end() :]
        )
        title = ""
        titled = re.match(r"^::(.*?)::", question, re.S)
        if titled:
            title, question = titled.group(1), question[titled.end() :]
        ids = re.findall(r"\[id:([^\]]*)\]", " ".join(x for x in lines if x.startswith("//")))
        expected = _gift_kind(line_no, answer)
        expected.text = _gift_text(question) or _norm(title)
        mark = re.match(r"^(.+)/[0-9]+$", ids[-1]) if ids else None
        expected.part_of = mark.group(1) if mark else ""
        found.append(expected)
    return found


# -- Moodle XML, read independently --------------------------------------------------------
def xml_expected(data: bytes) -> list[Expected]:
    try:
        root = fromstring(data)
    except Exception:  # a file Moodle refuses as a whole
        return []
    # Lines: the n-th "<question" in the text is the n-th element.
    starts = [data[: m.start()].count(b"\n") + 1 for m in re.finditer(rb"<question[\s>]", data)]
    found: list[Expected] = []
    for index, q in enumerate(root.iter("question")):
        qtype = q.get("type", "")
        line = starts[index] if index < len(starts) else 0
        if qtype == "category":
            continue
        count = len(found)
        _xml_kind(q, qtype, line, found)
        for e in found[count:]:
            text_el = q.find("questiontext/text")
            e.text = _norm("".join(text_el.itertext())) if text_el is not None else ""
            e.text = e.text or _norm(q.findtext("name/text") or "")
            mark = re.match(r"^(.+)/[0-9]+$", (q.findtext("idnumber") or "").strip())
            e.part_of = mark.group(1) if mark else ""
    return found


def _xml_kind(q: ET.Element, qtype: str, line: int, found: list[Expected]) -> None:
    """Append what the independent reading makes of one ``<question>``."""
    if qtype:

        def text_of(el: ET.Element | None) -> str:
            return _norm("".join(el.itertext())) if el is not None else ""

        if qtype == "multichoice":
            options, right, weights = [], [], []
            for a in q.findall("answer"):
                t = text_of(a.find("text"))
                w = float(a.get("fraction") or 0) / 100
                if not t:
                    continue
                options.append(t)
                weights.append(w)
                if w > 0:
                    right.append(t)
            single = (q.findtext("single") or "true").strip() in ("true", "1")
            full = [w for w in weights if w >= 0.99999]
            kind = "single_choice" if single and len(full) == 1 else "multiple_response"
            if single:  # partial credit in a single choice is not a right answer
                right = [o for o, w in zip(options, weights, strict=True) if w >= 0.99999]
            refused = "" if options and right and len(options) > 1 else "no credit or answers"
            found.append(Expected(line, kind, options, right, refused))
        elif qtype == "truefalse":
            key = "True"
            for a in q.findall("answer"):
                if float(a.get("fraction") or 0) >= 0.99999 * 100:
                    key = str(text_of(a.find("text")).lower() == "true")
            found.append(Expected(line, "true_false", [], [key]))
        elif qtype in ("matching", "match"):
            prompts, answers = [], []
            for s in q.findall("subquestion"):
                if text_of(s.find("text")):
                    prompts.append(text_of(s.find("text")))
                    answers.append(text_of(s.find("answer/text")))
            found.append(Expected(line, "matching", prompts, answers))
        elif qtype == "ordering":
            items = [text_of(a.find("text")) for a in q.findall("answer")]
            found.append(Expected(line, "ordering", [i for i in items if i], []))
        else:
            found.append(Expected(line, ""))


# -- what the importer made ----------------------------------------------------------------
def _fill_placeholders(text: str) -> str:
    from trainer.banks.formats.convert import EXPLANATION_PLACEHOLDER

    text = text.replace(EXPLANATION_PLACEHOLDER, "Explained.")
    text = re.sub(r"^(\s*)topic: TO-COMPLETE$", r"\1topic: indicators", text, flags=re.M)
    text = text.replace("id: TO-COMPLETE", "id: src").replace(
        "locator: TO-COMPLETE", "locator: Art. 1"
    )
    return re.sub(
        r"^sources: \[\]$", "sources:\n- id: src\n  title: {xx: Source}", text, flags=re.M
    )


def _invalid_ids(draft: Any, folder: Path) -> set[str]:
    """Ids of the draft's questions the bank checks refuse once placeholders are filled."""
    from trainer.banks.formats.convert import draft_yaml
    from trainer.banks.loader import load_bank
    from trainer.errors import BankError

    text = _fill_placeholders(draft_yaml(draft)).replace("{xx:", "{" + draft.lang + ":")
    target = folder / "draft.yaml"
    target.write_text(text, encoding="utf-8")
    try:
        load_bank(target)
    except BankError as exc:
        starts = [
            (n, m.group(1))
            for n, line in enumerate(text.splitlines(), start=1)
            if (m := re.match(r"^- id: (.+)$", line))
        ]
        bad: set[str] = set()
        for problem in getattr(exc, "problems", []):
            owner = [qid for n, qid in starts if n <= problem.line]
            bad.add(owner[-1] if owner else "*")
        return bad or {"*"}
    return set()


def _actual(q: Any, lang: str) -> tuple[str, list[str], list[str]]:
    kind = q.kind.value
    if kind in ("single_choice", "multiple_response"):
        keys = {q.key} if kind == "single_choice" else set(q.key)
        options = [_norm(o.text.get(lang)) for o in q.options]
        right = [_norm(o.text.get(lang)) for o in q.options if o.id in keys]
        return kind, options, right
    if kind == "true_false":
        return kind, [], [str(q.key)]
    if kind == "matching":
        choices = {c.id: _norm(c.text.get(lang)) for c in q.choices}
        return (
            kind,
            [_norm(p.text.get(lang)) for p in q.prompts],
            [choices[p.match] for p in q.prompts],
        )
    if kind == "ordering":
        return kind, [_norm(i.text.get(lang)) for i in q.items], []
    return kind, [], []


@dataclass
class FileResult:
    path: str
    expected: int = 0
    correct: int = 0
    refused_by_moodle: int = 0
    other_kinds: int = 0
    misses: list[str] = field(default_factory=list)


def measure(path: Path) -> FileResult:
    from trainer.banks.formats.convert import import_file
    from trainer.errors import FormatError

    data = path.read_bytes()
    expected = (
        xml_expected(data)
        if path.suffix.lower() == ".xml"
        else gift_expected(data.decode("utf-8", "replace"))
    )
    result = FileResult(path.name)
    result.other_kinds = sum(1 for e in expected if not e.kind)
    result.refused_by_moodle = sum(1 for e in expected if e.kind and e.refused)
    wanted = [e for e in expected if e.kind and not e.refused]
    result.expected = len(wanted)
    try:
        draft = import_file(path)
    except FormatError as exc:
        result.misses += [f"line {e.line}: file refused ({exc})" for e in wanted]
        return result
    by_line: dict[int, Any] = {}
    scenario_of: dict[int, str] = {}  # a part's line → its scenario's id
    for question in draft.bank.questions:
        parts: tuple[Any, ...] = getattr(question, "parts", None) or (question,)
        for part in parts:
            by_line[part.line] = part
            if part is not question:
                scenario_of[part.line] = question.id
    with tempfile.TemporaryDirectory() as tmp:
        invalid = _invalid_ids(draft, Path(tmp)) if draft.bank.questions else set()
    reasons = {e.line: e.message for e in draft.report.skipped}
    for e in wanted:
        q = by_line.get(e.line)
        if q is None:
            result.misses.append(f"line {e.line}: not in the draft ({reasons.get(e.line, '?')})")
            continue
        if {q.id, scenario_of.get(e.line), "*"} & invalid:
            result.misses.append(f"line {e.line}: the draft question does not validate")
            continue
        if e.line in scenario_of and not e.part_of:
            result.misses.append(f"line {e.line}: put in the scenario {scenario_of[e.line]}")
            continue
        kind, options, right = _actual(q, draft.lang)
        text = "".join(_norm(q.text.get(draft.lang)).split())
        # A description joined before the question (a blank line typed by mistake) is
        # extra context, not wrong content: the question's own text must end the text.
        if not text.endswith("".join(e.text.split())):
            result.misses.append(f"line {e.line}: text differs: {text[:60]!r} vs {e.text[:60]!r}")
        elif kind != e.kind:
            result.misses.append(f"line {e.line}: {kind}, expected {e.kind}")
        elif options != e.options or sorted(right) != sorted(e.right):
            result.misses.append(
                f"line {e.line}: content differs: {options} / {right} vs {e.options} / {e.right}"
            )
        else:
            result.correct += 1
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m bench import_accuracy FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in {".gift", ".txt", ".xml"}
        and not p.name.isupper()  # SOURCES.txt, README.txt: notes, not questions
        and not p.stem.isupper()
    )
    total = correct = refused = others = 0
    print(f"{'file':<48} {'expected':>8} {'correct':>8} {'refused':>8} {'other':>6}")
    for path in files:
        r = measure(path)
        total += r.expected
        correct += r.correct
        refused += r.refused_by_moodle
        others += r.other_kinds
        name = str(path.relative_to(folder))
        print(
            f"{name:<48} {r.expected:>8} {r.correct:>8} {r.refused_by_moodle:>8} {r.other_kinds:>6}"
        )
        for miss in r.misses:
            print(f"    {miss}")
    rate = 100.0 * correct / total if total else 100.0
    print(
        f"\n{len(files)} files: {correct} of {total} questions of supported kinds imported "
        f"correctly ({rate:.1f} %); {refused} refused by Moodle too, {others} of other kinds"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
