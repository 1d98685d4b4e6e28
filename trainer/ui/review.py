"""HTML for feedback and review: what was answered, what was right, why, and the source."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from trainer.banks.model import Question, Scenario, SourceRef
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
    if isinstance(question, Scenario):
        given = (response or {}).get("parts") or {}
        for n, part in enumerate(question.parts, start=1):
            inner = feedback_html(
                part,
                given.get(part.id),
                language,
                sources,
                show_mark=show_mark,
                show_correct=show_correct,
                show_explanation=show_explanation,
            )
            heading = fmt(_tr(QT_TRANSLATE_NOOP("Review", "Part %1")), n)
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


def preview_html(question: Question, language: str, sources: dict[str, Any]) -> str:
    """A question as a trainer checks it: text, every option with the key marked, why, source."""
    from trainer.banks.model import Matching, MultipleResponse, Ordering, SingleChoice, TrueFalse

    out = [f"<p><i>{html.escape(question.id)}</i></p>"]
    title = getattr(question, "title", None)
    if title is not None:
        out.append(f"<p><b>{html.escape(title.get(language))}</b></p>")
    out.append(rich.to_html(question.text.get(language)))
    right = _tr(QT_TRANSLATE_NOOP("Review", "right"))
    if isinstance(question, (SingleChoice, MultipleResponse)):
        keys = {question.key} if isinstance(question, SingleChoice) else set(question.key)
        items = []
        for option in question.options:
            mark = f" <b>✓ {html.escape(right)}</b>" if option.id in keys else ""
            feedback = (
                f"<br/><i>{html.escape(option.feedback.get(language))}</i>"
                if option.feedback
                else ""
            )
            items.append(f"<li>{html.escape(option.text.get(language))}{mark}{feedback}</li>")
        out.append(f"<ol type='A'>{''.join(items)}</ol>")
    elif isinstance(question, TrueFalse):
        out.append(
            f"<p><b>{html.escape(_label('right'))}</b> "
            f"{html.escape(describe(question, {'value': question.key}, language))}</p>"
        )
    elif isinstance(question, Ordering):
        steps = "".join(f"<li>{html.escape(i.text.get(language))}</li>" for i in question.items)
        out.append(f"<ol>{steps}</ol>")
    elif isinstance(question, Matching):
        choices = {c.id: c.text.get(language) for c in question.choices}
        rows = "".join(
            f"<tr><td>{html.escape(p.text.get(language))}</td><td>→</td>"
            f"<td>{html.escape(choices[p.match])}</td></tr>"
            for p in question.prompts
        )
        out.append(f"<table cellpadding='4'>{rows}</table>")
    elif isinstance(question, Scenario):
        for n, part in enumerate(question.parts, start=1):
            out.append(
                f"<h4>{html.escape(fmt(_tr(QT_TRANSLATE_NOOP('Review', 'Part %1')), n))}</h4>"
            )
            out.append(preview_html(part, language, sources))
        return "".join(out)
    if question.explanation:
        out.append(f"<p><b>{html.escape(_label('why'))}</b></p>")
        out.append(rich.to_html(question.explanation.get(language)))
    out.append(_sources_html(question, sources, language))
    return "".join(out)
