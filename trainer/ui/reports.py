"""Printable reports (transcript, programme summary) as PDF, from HTML with QTextDocument."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from trainer.errors import ExportError
from trainer.files import replace_atomically


def table_html(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in r)
        + "</tr>"
        for r in rows
    )
    return (
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def write_pdf(
    path: Path, body_html: str, images: Mapping[str, QImage] | None = None, *, title: str = ""
) -> Path:
    """Render HTML to an A4 PDF, written to a temporary name and renamed."""
    document = QTextDocument()
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    for name, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(body_html)

    def write(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(title)
        writer.setCreator("TiP Trainer")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        document.print_(writer)
        del writer  # closes the file
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise OSError("the PDF could not be written")

    replace_atomically(
        path,
        write,
        fail=lambda exc: ExportError(f"the PDF could not be written: {exc}", where=str(path)),
    )
    return path
