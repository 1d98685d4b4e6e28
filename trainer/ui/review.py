"""HTML for feedback and review: what was answered, what was right, why, and the source."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


def verdict(g: Grade) -> str:
    if g.state is GradeState.RIGHT:
        return _tr("Correct")
    if g.state is GradeState.PARTIAL:
        return _tr("Partly correct (%1 %)").replace("%1", f"{100 * g.fraction:.0f}")
    return _tr("Incorrect")


def describe_answer(question: Question, response: Response | None, language: str) -> str:
    """A response in words, in the language of the attempt."""
    return describe(question, response, language)


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
    return f"<p><b>{html.escape(_tr('Source'))}</b></p><ul>{items}</ul>"


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
    answer = describe_answer(question, response, language) or _tr("(no answer)")
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
            heading = _tr("Part %1").replace("%1", str(n))
            parts.append(f"<h4>{html.escape(heading)}</h4>{inner}")
        if show_explanation and question.explanation:
            parts.append(rich.to_html(question.explanation.get(language)))
        return "".join(parts)
    parts.append(f"<p><b>{html.escape(_tr('Your answer:'))}</b> {html.escape(answer)}</p>")
    if show_correct:
        right = describe_answer(question, correct_response(question), language)
        parts.append(f"<p><b>{html.escape(_tr('Right answer:'))}</b> {html.escape(right)}</p>")
        for fb in option_feedback(question, response, language):
            parts.append(f"<p><i>{html.escape(fb)}</i></p>")
    if show_explanation and question.explanation:
        parts.append(f"<p><b>{html.escape(_tr('Why:'))}</b></p>")
        parts.append(rich.to_html(question.explanation.get(language)))
    if show_explanation:
        parts.append(_sources_html(question, sources, language))
    return "".join(parts)
