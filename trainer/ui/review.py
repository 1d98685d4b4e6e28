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
    Ordering,
    Question,
    SingleChoice,
    SourceRef,
    TrueFalse,
)
from trainer.quiz import kinds
from trainer.quiz.questions import (
    Grade,
    GradeState,
    Response,
    correct_response,
    describe,
    grade,
    option_feedback,
)
from trainer.ui import text as rich


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
        return "◐ " + _tr(QT_TRANSLATE_NOOP("Review", "Partly correct (%1 %)")).replace(
            "%1", f"{100 * g.fraction:.0f}"
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


def feedback_html(
    question: Question,
    response: Response | None,
    language: str,
    sources: dict[str, Any],
    *,
    show_mark: bool = True,
    show_correct: bool = True,
    show_explanation: bool = True,
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
        for n, part in enumerate(question.subquestions(), start=1):
            inner = feedback_html(
                part,
                response.part(part.id) if response is not None else None,
                language,
                sources,
                show_mark=show_mark,
                show_correct=show_correct,
                show_explanation=show_explanation,
            )
            heading = _tr(QT_TRANSLATE_NOOP("Review", "Part %1")).replace("%1", str(n))
            parts.append(f"<h4>{html.escape(heading)}</h4>{inner}")
        if show_explanation and question.explanation:
            parts.append(rich.to_html(question.explanation.get(language)))
        return "".join(parts)
    parts.append(f"<p><b>{html.escape(_label('answer'))}</b> {html.escape(answer)}</p>")
    if show_correct:
        right = describe(question, correct_response(question), language)
        parts.append(f"<p><b>{html.escape(_label('right'))}</b> {html.escape(right)}</p>")
        for fb in option_feedback(question, response, language):
            parts.append(f"<p><i>{html.escape(fb)}</i></p>")
    if show_explanation and question.explanation:
        parts.append(f"<p><b>{html.escape(_label('why'))}</b></p>")
        parts.append(rich.to_html(question.explanation.get(language)))
    if show_explanation:
        parts.append(_sources_html(question, sources, language))
    return "".join(parts)


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
        items.append(f"<li>{html.escape(option.text.get(language))}{mark}{feedback}</li>")
    return f"<ol type='A'>{''.join(items)}</ol>"


@preview_for(Kind.TRUE_FALSE)
def _preview_true_false(question: TrueFalse, language: str, sources: dict[str, Any]) -> str:
    return (
        f"<p><b>{html.escape(_label('right'))}</b> "
        f"{html.escape(describe(question, correct_response(question), language))}</p>"
    )


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
        heading = _tr(QT_TRANSLATE_NOOP("Review", "Part %1")).replace("%1", str(n))
        out.append(f"<h4>{html.escape(heading)}</h4>")
        out.append(preview_html(part, language, sources))
    return "".join(out)
