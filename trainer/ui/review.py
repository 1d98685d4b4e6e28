"""HTML for feedback and review: what was answered, what was right, why, and the source."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from trainer.banks.model import (
    Kind,
    Matching,
    MultipleResponse,
    Numerical,
    Ordering,
    Picture,
    Question,
    ShortAnswer,
    SingleChoice,
    SourceRef,
    TrueFalse,
)
from trainer.quiz import kinds
from trainer.quiz.kinds import numerical, short_answer
from trainer.quiz.kinds.typed import TypedAnswer
from trainer.quiz.questions import (
    Grade,
    GradeState,
    Response,
    correct_response,
    describe,
    grade,
    option_feedback,
)
from trainer.ui import numbers, theme
from trainer.ui import text as rich
from trainer.ui.i18n import fmt


def _tr(text: object) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP (typed as object by PySide6)."""
    return QCoreApplication.translate("Review", str(text))


def _label(key: str) -> str:
    labels = {
        "source": QT_TRANSLATE_NOOP("Review", "Source"),
        "answer": QT_TRANSLATE_NOOP("Review", "Your answer:"),
        "right": QT_TRANSLATE_NOOP("Review", "Right answer:"),
        "why": QT_TRANSLATE_NOOP("Review", "Why:"),
    }
    return _tr(labels[key])


def verdict(g: Grade) -> str:
    """Right, partly right or wrong, with a symbol so colour is never the only cue."""
    if g.state is GradeState.RIGHT:
        return "✓ " + _tr(QT_TRANSLATE_NOOP("Review", "Correct"))
    if g.state is GradeState.PARTIAL:
        return "◐ " + fmt(
            _tr(QT_TRANSLATE_NOOP("Review", "Partly correct (%1 %)")), f"{100 * g.fraction:.0f}"
        )
    return "✗ " + _tr(QT_TRANSLATE_NOOP("Review", "Incorrect"))


def source_text(ref: SourceRef, sources: dict[str, Any], language: str) -> str:
    info = sources.get(ref.source_id) or {}
    titles: dict[str, str] = info.get("title") or {}
    title = titles.get(language) or titles.get("en") or ref.source_id
    year = info.get("year")
    return f"{title}{f' ({year})' if year else ''}, {ref.locator}"


def _sources_html(question: Question, sources: dict[str, Any], language: str) -> str:
    refs = question.sources()
    if not refs:
        return ""
    items = "".join(f"<li>{html.escape(source_text(r, sources, language))}</li>" for r in refs)
    return f"<p><b>{html.escape(_label('source'))}</b></p><ul>{items}</ul>"


def _mark(right: bool) -> str:
    """✓ or ✗ in the look's colour: the symbol carries the meaning, the colour helps."""
    colours = theme.colours()
    colour, symbol = (colours.ok, "✓") if right else (colours.warn, "✗")
    return f"<span style='color:{colour}; font-weight:bold'>{symbol}</span>"


def _cell(text: str, right: bool | None) -> str:
    colours = theme.colours()
    background = "" if right is None else (colours.ok_soft if right else colours.warn_soft)
    style = f" style='background:{background}'" if background else ""
    return f"<td{style}>{text}</td>"


def _table(headers: list[str], rows: list[str]) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
    return (
        "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'>"
        f"<tr>{head}</tr>{''.join(rows)}</table>"
    )


def marked_answer_html(
    question: Question, response: Response | None, language: str, layout: dict[str, Any]
) -> str | None:
    """The options as shown, the chosen ones and the right ones marked ✓ / ✗; matching and
    ordering as a small table. None for a kind shown in words only."""
    from trainer.banks.model import Matching, MultipleResponse, Ordering, SingleChoice, TrueFalse
    from trainer.quiz.kinds.matching import MatchingAnswer
    from trainer.quiz.kinds.multiple_response import MultipleResponseAnswer
    from trainer.quiz.kinds.ordering import OrderingAnswer
    from trainer.quiz.kinds.single_choice import SingleChoiceAnswer
    from trainer.quiz.kinds.true_false import TrueFalseAnswer
    from trainer.quiz.session import ordered_options

    chosen_label = _tr(QT_TRANSLATE_NOOP("Review", "your answer"))
    right_label = _tr(QT_TRANSLATE_NOOP("Review", "right answer, not chosen"))
    if isinstance(question, (SingleChoice, MultipleResponse, TrueFalse)):
        options: list[tuple[object, str]]
        if isinstance(question, TrueFalse):
            options = [
                (True, _tr(QT_TRANSLATE_NOOP("Review", "True"))),
                (False, _tr(QT_TRANSLATE_NOOP("Review", "False"))),
            ]
            keys: set[object] = {question.key}
            picked: set[object] = (
                {response.value} if isinstance(response, TrueFalseAnswer) else set()
            )
        else:
            shown = ordered_options(question, layout)
            options = [(o.id, o.text.get(language)) for o in shown]
            keys = {question.key} if isinstance(question, SingleChoice) else set(question.key)
            if isinstance(response, MultipleResponseAnswer):
                picked = set(response.choices)
            elif isinstance(response, SingleChoiceAnswer):
                picked = {response.choice}
            else:
                picked = set()
        rows = []
        for n, (value, text) in enumerate(options):
            letter = (
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n] + ". "
                if question.kind is not Kind.TRUE_FALSE
                else ""
            )
            notes = []
            if value in picked:
                notes.append(f"{_mark(value in keys)} {html.escape(chosen_label)}")
            if value in keys and value not in picked:
                notes.append(f"{_mark(True)} {html.escape(right_label)}")
            state = (value in keys) if value in picked or value in keys else None
            rows.append(
                f"<tr>{_cell(html.escape(letter + text), state)}"
                f"{_cell(' · '.join(notes), state)}</tr>"
            )
        return "<table cellspacing='0' cellpadding='4' width='100%'>" + "".join(rows) + "</table>"
    if isinstance(question, Matching):
        prompts = {p.id: p for p in question.prompts}
        choices = {c.id: c.text.get(language) for c in question.choices}
        pairs = dict(response.pairs) if isinstance(response, MatchingAnswer) else {}
        rows = []
        for pid in layout.get("prompts") or list(prompts):
            prompt = prompts[pid]
            mine = pairs.get(pid)
            ok = mine == prompt.match
            answer = choices.get(mine, "—") if mine else "—"
            rows.append(
                f"<tr>{_cell(html.escape(prompt.text.get(language)), None)}"
                f"{_cell(_mark(ok) + ' ' + html.escape(answer), ok)}"
                f"{_cell(html.escape(choices[prompt.match]), None)}</tr>"
            )
        headers = [
            _tr(QT_TRANSLATE_NOOP("Review", "Item")),
            _tr(QT_TRANSLATE_NOOP("Review", "Your answer")),
            _tr(QT_TRANSLATE_NOOP("Review", "Right answer")),
        ]
        return _table(headers, rows)
    if isinstance(question, Ordering):
        texts = {i.id: i.text.get(language) for i in question.items}
        right_order = [i.id for i in question.items]
        mine_order = list(response.order) if isinstance(response, OrderingAnswer) else []
        rows = []
        for n, right_id in enumerate(right_order):
            mine = mine_order[n] if n < len(mine_order) else None
            ok = mine == right_id
            answer = texts.get(mine, "—") if mine else "—"
            rows.append(
                f"<tr>{_cell(str(n + 1), None)}"
                f"{_cell(_mark(ok) + ' ' + html.escape(answer), ok)}"
                f"{_cell(html.escape(texts[right_id]), None)}</tr>"
            )
        headers = [
            _tr(QT_TRANSLATE_NOOP("Review", "Step")),
            _tr(QT_TRANSLATE_NOOP("Review", "Your order")),
            _tr(QT_TRANSLATE_NOOP("Review", "Right order")),
        ]
        return _table(headers, rows)
    if isinstance(question, (ShortAnswer, Numerical)):
        return _typed_table(question, response, language)
    return None


def _percent(fraction: float) -> str:
    return numbers.number(round(fraction * 100, 2)) + " %"


def _accepted(question: ShortAnswer | Numerical, language: str) -> list[tuple[object, str]]:
    """Each answer of a typed kind in words: the accepted text, or the number ± tolerance."""
    out: list[tuple[object, str]] = []
    if isinstance(question, ShortAnswer):
        for a in question.answers:
            text = a.text.get(language)
            if text.strip() == "*":
                text = _tr(QT_TRANSLATE_NOOP("Review", "* (any other answer)"))
            out.append((a, text))
        return out
    unit = f" {question.units[0].name}" if question.units else ""
    for n in question.answers:
        if n.value is None:
            out.append((n, _tr(QT_TRANSLATE_NOOP("Review", "* (any other number)"))))
        elif n.tolerance:
            out.append((n, f"{numbers.number(n.value)} ± {numbers.number(n.tolerance)}{unit}"))
        else:
            out.append((n, f"{numbers.number(n.value)}{unit}"))
    return out


def _typed_table(
    question: ShortAnswer | Numerical, response: Response | None, language: str
) -> str:
    """The accepted answers with their credit; the one the trainee's answer matched marked."""
    typed = response.text if isinstance(response, TypedAnswer) else None
    found: object = None
    if typed is not None:
        found = (
            short_answer.matching_answer(question, typed)
            if isinstance(question, ShortAnswer)
            else numerical.credit(question, typed)[1]
        )
    mine = _tr(QT_TRANSLATE_NOOP("Review", "your answer"))
    rows = []
    if typed is not None and found is None:
        none = _tr(QT_TRANSLATE_NOOP("Review", "your answer, which matches no accepted answer"))
        rows.append(
            f"<tr>{_cell(html.escape(typed), False)}{_cell(_percent(0), False)}"
            f"{_cell(_mark(False) + ' ' + html.escape(none), False)}</tr>"
        )
    for answer, text in _accepted(question, language):
        fraction = float(getattr(answer, "fraction", 0.0))
        note = ""
        state: bool | None = None
        if answer is found and typed is not None:
            state = fraction >= 1.0
            note = f"{_mark(state)} {html.escape(mine)}: {html.escape(typed)}"
        rows.append(
            f"<tr>{_cell(html.escape(text), state)}{_cell(_percent(fraction), state)}"
            f"{_cell(note, state)}</tr>"
        )
    headers = [
        _tr(QT_TRANSLATE_NOOP("Review", "Accepted answer")),
        _tr(QT_TRANSLATE_NOOP("Review", "Credit")),
        "",
    ]
    return _table(headers, rows) + _typed_rules(question)


def _typed_rules(question: ShortAnswer | Numerical) -> str:
    """How the typed answer is compared: capitals, units and their penalty."""
    if isinstance(question, ShortAnswer):
        rule = (
            QT_TRANSLATE_NOOP("Review", "Capital letters count.")
            if question.case_sensitive
            else QT_TRANSLATE_NOOP("Review", "Capital letters do not count.")
        )
        return f"<p><small>{html.escape(_tr(rule))}</small></p>"
    if not question.units:
        return ""
    names = ", ".join(u.name for u in question.units)
    if question.unit_penalty:
        text = fmt(
            _tr(QT_TRANSLATE_NOOP("Review", "Units: %1. Without a unit, an answer loses %2.")),
            names,
            _percent(question.unit_penalty),
        )
    else:
        text = fmt(_tr(QT_TRANSLATE_NOOP("Review", "Units: %1 (optional).")), names)
    return f"<p><small>{html.escape(text)}</small></p>"


def _right_as_shown(question: Question, layout: dict[str, Any] | None) -> Response | None:
    """The right response, its options in the order the trainee saw them."""
    from trainer.banks.model import MultipleResponse
    from trainer.quiz.kinds.multiple_response import MultipleResponseAnswer
    from trainer.quiz.session import ordered_options

    right = correct_response(question)
    if isinstance(question, MultipleResponse) and layout is not None and right:
        keys = set(question.key)
        shown = tuple(o.id for o in ordered_options(question, layout) if o.id in keys)
        return MultipleResponseAnswer(choices=shown)
    return right


def feedback_html(
    question: Question,
    response: Response | None,
    language: str,
    sources: dict[str, Any],
    *,
    show_mark: bool = True,
    show_correct: bool = True,
    show_explanation: bool = True,
    layout: dict[str, Any] | None = None,
) -> str:
    """The feedback block for one question (scenario parts each get their own)."""
    parts: list[str] = []
    g = grade(question, response)
    if show_mark:
        parts.append(f"<p><b>{html.escape(verdict(g))}</b></p>")
    answer = describe(question, response, language) or _tr(
        QT_TRANSLATE_NOOP("Review", "(no answer)")
    )
    if question.subquestions():
        part_layouts = (layout or {}).get("parts") or {}
        for n, part in enumerate(question.subquestions(), start=1):
            inner = feedback_html(
                part,
                response.part(part.id) if response is not None else None,
                language,
                sources,
                show_mark=show_mark,
                show_correct=show_correct,
                show_explanation=show_explanation,
                layout=part_layouts.get(part.id, {}) if layout is not None else None,
            )
            heading = fmt(_tr(QT_TRANSLATE_NOOP("Review", "Part %1")), n)
            parts.append(f"<h4>{html.escape(heading)}</h4>{inner}")
        if show_explanation and question.explanation:
            parts.append(rich.to_html(question.explanation.get(language)))
        return "".join(parts)
    marked = (
        marked_answer_html(question, response, language, layout)
        if layout is not None and show_correct
        else None
    )
    if marked is not None:  # the options as shown, marked; words for a screen reader too
        parts.append(marked)
    parts.append(f"<p><b>{html.escape(_label('answer'))}</b> {html.escape(answer)}</p>")
    if show_correct:
        right = describe(question, _right_as_shown(question, layout), language)
        parts.append(f"<p><b>{html.escape(_label('right'))}</b> {html.escape(right)}</p>")
        for fb in option_feedback(question, response, language):
            parts.append(f"<p><i>{html.escape(fb)}</i></p>")
    if show_explanation and question.explanation:
        parts.append(f"<p><b>{html.escape(_label('why'))}</b></p>")
        parts.append(rich.to_html(question.explanation.get(language)))
    if show_explanation:
        parts.append(_sources_html(question, sources, language))
    return "".join(parts)


# The widest a picture is drawn in a preview at normal text size (it grows with the text).
PREVIEW_PICTURE_WIDTH = 480


def picture_url(picture: Picture) -> str:
    """The name a preview's document knows a picture's decoded image by."""
    return f"picture:{picture.sha256 or picture.file}"


def picture_html(picture: Picture | None, language: str) -> str:
    """A picture and, under it, its alt text (what a screen reader says, and what the
    trainer checks); the alt text alone when the picture's file is not at hand."""
    if picture is None:
        return ""
    caption = fmt(_tr(QT_TRANSLATE_NOOP("Review", "Picture: %1")), picture.alt.get(language))
    out = ""
    if picture.path is not None and picture.width:
        width = round(min(picture.width, PREVIEW_PICTURE_WIDTH) * theme.text_scale())
        out = (
            f"<p><img src='{html.escape(picture_url(picture))}' width='{width}'"
            f" alt='{html.escape(picture.alt.get(language))}'></p>"
        )
    return out + f"<p><i>{html.escape(caption)}</i></p>"


# What a trainer's preview shows of each kind, between the question text and the "why".
Preview = Callable[[Any, str, dict[str, Any]], str]
PREVIEWS: dict[Kind, Preview] = {}


def preview_for(*kinds_: Kind) -> Callable[[Preview], Preview]:
    """Register the preview of these kinds' own content (options, steps, pairs, parts)."""

    def register(func: Preview) -> Preview:
        for kind in kinds_:
            PREVIEWS[kind] = func
        return func

    return register


def preview_html(question: Question, language: str, sources: dict[str, Any]) -> str:
    """A question as a trainer checks it: text, every option with the key marked, why, source."""
    out = [f"<p><i>{html.escape(question.id)}</i></p>"]
    title = getattr(question, "title", None)
    if title is not None:
        out.append(f"<p><b>{html.escape(title.get(language))}</b></p>")
    out.append(rich.to_html(question.text.get(language)))
    out.append(picture_html(question.image, language))
    out.append(PREVIEWS[question.kind](question, language, sources))
    if question.subquestions():
        return "".join(out)  # each part shows its own explanation and sources
    if question.explanation:
        out.append(f"<p><b>{html.escape(_label('why'))}</b></p>")
        out.append(rich.to_html(question.explanation.get(language)))
    out.append(_sources_html(question, sources, language))
    return "".join(out)


@preview_for(Kind.SINGLE_CHOICE, Kind.MULTIPLE_RESPONSE)
def _preview_options(
    question: SingleChoice | MultipleResponse, language: str, sources: dict[str, Any]
) -> str:
    right = _tr(QT_TRANSLATE_NOOP("Review", "right"))
    keys = {key for key, _text, correct in kinds.distractors(question, language) if correct}
    items = []
    for option in question.options:
        mark = f" <b>✓ {html.escape(right)}</b>" if option.id in keys else ""
        feedback = (
            f"<br/><i>{html.escape(option.feedback.get(language))}</i>" if option.feedback else ""
        )
        picture = picture_html(option.image, language)
        items.append(
            f"<li>{html.escape(option.text.get(language))}{mark}{feedback}{picture}</li>"
        )
    return f"<ol type='A'>{''.join(items)}</ol>"


@preview_for(Kind.TRUE_FALSE)
def _preview_true_false(question: TrueFalse, language: str, sources: dict[str, Any]) -> str:
    return (
        f"<p><b>{html.escape(_label('right'))}</b> "
        f"{html.escape(describe(question, correct_response(question), language))}</p>"
    )


@preview_for(Kind.SHORT_ANSWER, Kind.NUMERICAL)
def _preview_typed(
    question: ShortAnswer | Numerical, language: str, sources: dict[str, Any]
) -> str:
    rows = []
    for answer, text in _accepted(question, language):
        feedback = getattr(answer, "feedback", None)
        fb = f"<br/><i>{html.escape(feedback.get(language))}</i>" if feedback else ""
        fraction = float(getattr(answer, "fraction", 0.0))
        mark = f" <b>✓ {html.escape(_tr(QT_TRANSLATE_NOOP('Review', 'right')))}</b>"
        rows.append(
            f"<li>{html.escape(text)} — {_percent(fraction)}"
            f"{mark if fraction >= 1.0 else ''}{fb}</li>"
        )
    return f"<ul>{''.join(rows)}</ul>{_typed_rules(question)}"


@preview_for(Kind.ORDERING)
def _preview_ordering(question: Ordering, language: str, sources: dict[str, Any]) -> str:
    steps = "".join(f"<li>{html.escape(i.text.get(language))}</li>" for i in question.items)
    return f"<ol>{steps}</ol>"


@preview_for(Kind.MATCHING)
def _preview_matching(question: Matching, language: str, sources: dict[str, Any]) -> str:
    choices = {c.id: c.text.get(language) for c in question.choices}
    rows = "".join(
        f"<tr><td>{html.escape(p.text.get(language))}</td><td>→</td>"
        f"<td>{html.escape(choices[p.match])}</td></tr>"
        for p in question.prompts
    )
    return f"<table cellpadding='4'>{rows}</table>"


@preview_for(Kind.SCENARIO)
def _preview_parts(question: Question, language: str, sources: dict[str, Any]) -> str:
    out = []
    for n, part in enumerate(question.subquestions(), start=1):
        heading = fmt(_tr(QT_TRANSLATE_NOOP("Review", "Part %1")), n)
        out.append(f"<h4>{html.escape(heading)}</h4>")
        out.append(preview_html(part, language, sources))
    return "".join(out)
