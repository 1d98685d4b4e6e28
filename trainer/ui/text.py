"""Bank text to safe rich text: light Markdown, no HTML, no images, no links."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument

_LINKISH = re.compile(r"([\[\]<>])")


def to_html(text: str) -> str:
    """Render a bank text (paragraphs, emphasis, lists) as HTML that loads nothing.

    Raw HTML is disabled in the Markdown reader, and brackets are escaped so no
    link or image can be formed: whatever a bank says is shown as text.
    """
    doc = QTextDocument()
    doc.setMarkdown(
        _LINKISH.sub(r"\\\1", text),
        QTextDocument.MarkdownFeature.MarkdownNoHTML,
    )
    body = doc.toHtml()
    start = body.find("<body")
    if start >= 0:
        start = body.find(">", start) + 1
        end = body.rfind("</body>")
        body = body[start:end]
    return body
