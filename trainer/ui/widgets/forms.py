"""The pieces forms are made of: labelled fields, OK/Cancel, a vertical stack, choice lists
that long titles do not widen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)


def labelled_form(rows: Sequence[tuple[str, QWidget]]) -> QFormLayout:
    """Label and field pairs; each label's mnemonic (&) moves the focus to its field."""
    form = QFormLayout()
    for text, field in rows:
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, field)
    return form


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK accepts the dialog, Cancel (or Escape) rejects it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def stack(dialog: QWidget, *parts: QWidget | QLayout) -> QVBoxLayout:
    """The contents of ``dialog``, top to bottom."""
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout


def shrinkable(combo: QComboBox, characters: int = 14) -> QComboBox:
    """A choice list that may be narrower than its longest entry (its list still shows
    every entry whole): long module or bank titles must not widen the window."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    return combo
