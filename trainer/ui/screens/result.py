"""The result of an attempt: total, pass or fail, by topic, then each question reviewed."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trainer.quiz.behaviours import Behaviour
from trainer.quiz.session import QuizSession
from trainer.ui import labels, review
from trainer.ui import text as rich
from trainer.ui.i18n import fmt
from trainer.ui.numbers import number
from trainer.ui.widgets.picture import add_picture_resources

if TYPE_CHECKING:
    from trainer.storage.certificates import CertificateRecord


def choose_certificate_path(parent: QWidget, number: str) -> Path | None:
    """Where to save the certificate (a function, so tests can answer for the user)."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ResultScreen", "Save my certificate"),
        str(Path.home() / f"{number}.pdf"),
        QCoreApplication.translate("ResultScreen", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


class ResultScreen(QWidget):
    back_requested = Signal()
    retry_wrong_requested = Signal(object)  # QuizSession
    certificate_requested = Signal()

    def __init__(
        self,
        session: QuizSession,
        language: str,
        parent: QWidget | None = None,
        *,
        certificate: CertificateRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.language = language
        result = session.result
        assert result is not None
        exam = session.behaviour is Behaviour.EXAM
        options = session.review_options()

        title = QLabel(session.module.title.get(language))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        kind = self.tr("Exam result") if exam else self.tr("Practice result")
        score = fmt(
            self.tr("%1: %2 out of %3 (%4 %)"),
            kind,
            number(result.score),
            number(result.max_score),
            f"{result.percent:.0f}",
        )
        self.score_label = QLabel(score)
        self.score_label.setAccessibleName(self.tr("Score"))
        self.verdict = QLabel()
        if exam:
            if result.passed:
                self.verdict.setText(
                    fmt(self.tr("Passed — the pass mark is %1 %."), number(result.pass_mark))
                )
                self.verdict.setObjectName("verdictPass")
            else:
                self.verdict.setText(
                    fmt(self.tr("Not passed — the pass mark is %1 %."), number(result.pass_mark))
                )
                self.verdict.setObjectName("verdictFail")
        self.verdict.setAccessibleName(self.tr("Result"))

        topics = result.by_topic()
        self.topics = QTableWidget(len(topics), 3)
        self.topics.setAccessibleName(self.tr("Score by topic"))
        self.topics.setHorizontalHeaderLabels([self.tr("Topic"), self.tr("Score"), self.tr("%")])
        self.topics.verticalHeader().setVisible(False)
        self.topics.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.topics.setTabKeyNavigation(False)
        self.topics.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, t in enumerate(topics):
            for col, value in enumerate(
                (
                    labels.topic(t.topic),
                    f"{number(t.score)} / {number(t.max_score)}",
                    f"{t.percent:.0f} %",
                )
            ):
                self.topics.setItem(row, col, QTableWidgetItem(value))
        self.topics.setMaximumHeight(40 + 32 * max(1, len(topics)))

        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setOpenExternalLinks(False)
        self.details.setAccessibleName(self.tr("Review of each question"))
        self.details.setHtml(self.review_html())

        self.back_button = QPushButton(self.tr("&Back to my modules"))
        self.back_button.setAccessibleName(self.tr("Back to my modules"))
        self.retry_button = QPushButton(self.tr("&Retry the questions I got wrong"))
        self.retry_button.setAccessibleName(self.tr("Retry the questions I got wrong"))
        self.retry_button.setVisible(not exam and bool(session.wrong_question_ids()))
        self.certificate_button = QPushButton(self.tr("Save my &certificate (PDF)…"))
        self.certificate_button.setAccessibleName(self.tr("Save my certificate as a PDF file"))
        self.certificate_button.setVisible(certificate is not None)
        self.certificate_label = QLabel()
        self.certificate_label.setWordWrap(True)
        if certificate is not None:
            self.certificate_label.setText(
                fmt(self.tr("Certificate %1 has been issued for this module."), certificate.number)
            )
        self.certificate_label.setVisible(certificate is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.certificate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.score_label)
        if exam:
            layout.addWidget(self.verdict)
        layout.addWidget(self.certificate_label)
        layout.addWidget(self.topics)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.retry_button.clicked.connect(lambda: self.retry_wrong_requested.emit(self.session))
        self.certificate_button.clicked.connect(self.certificate_requested.emit)
        self.back_button.setDefault(True)
        if not options.correct_answer and not options.marks:
            self.details.setHtml(
                "<p>"
                + html.escape(self.tr("This exam shows only your score and your results by topic."))
                + "</p>"
            )

    def review_html(self) -> str:
        options = self.session.review_options()
        out: list[str] = []
        for slot in self.session.slots:
            heading = fmt(self.tr("Question %1"), slot.index + 1)
            out.append(f"<h3>{html.escape(heading)}</h3>")
            title = getattr(slot.question, "title", None)
            if title is not None:
                out.append(f"<p><b>{html.escape(title.get(self.language))}</b></p>")
            out.append(rich.to_html(slot.question.text.get(self.language)))
            add_picture_resources(self.details.document(), slot.question)
            out.append(review.picture_html(slot.question.image, self.language))
            out.append(
                review.feedback_html(
                    slot.question,
                    slot.response,
                    self.language,
                    slot.layout.get("sources") or {},
                    show_mark=options.marks,
                    show_correct=options.correct_answer,
                    show_explanation=options.explanation,
                    layout=slot.layout,
                )
            )
            out.append("<hr/>")
        return "".join(out)
