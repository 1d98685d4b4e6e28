"""Exam integrity on screen: question text cannot be selected, copied or context-clicked.

The quiz screen calls ``apply_exam_guard(body, exam)`` each time it shows a
question (whether an exam fills the screen is the coordinator's setting,
``admin.exam_fullscreen``, applied by the staff gate when the exam opens). In
proportion: this stops casual copying at a shared workstation, not a determined
person with a camera.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QTextEdit, QWidget

_GUARD_NAME = "examCopyGuard"
_BLOCKED = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.SelectAll,
)


class CopyGuard(QObject):
    """Swallows copy, cut and select-all shortcuts, and context menus, on the guarded widgets."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        copying = (
            kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and any(event.matches(key) for key in _BLOCKED)
        )
        if copying:
            event.accept()
        return copying or kind == QEvent.Type.ContextMenu


def _guard(root: QWidget) -> CopyGuard:
    existing = root.findChild(CopyGuard, _GUARD_NAME)
    if isinstance(existing, CopyGuard):
        return existing
    guard = CopyGuard(root)
    guard.setObjectName(_GUARD_NAME)
    return guard


def apply_exam_guard(root: QWidget, exam: bool) -> None:
    """In an exam, no text under ``root`` can be selected, dragged, copied or context-clicked.

    Call again after new question widgets are added (it is idempotent). Outside
    an exam it does nothing, so practice text stays selectable.
    """
    if not exam:
        return
    guard = _guard(root)
    widgets: list[QWidget] = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QLabel):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        elif isinstance(widget, QTextEdit):  # QTextBrowser included
            widget.setTextInteractionFlags(
                Qt.TextInteractionFlag.NoTextInteraction
                if widget.isReadOnly()
                else widget.textInteractionFlags()
            )
            widget.viewport().installEventFilter(guard)
        if isinstance(widget, QLabel | QTextEdit):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        widget.installEventFilter(guard)  # installing twice is a no-op in Qt
