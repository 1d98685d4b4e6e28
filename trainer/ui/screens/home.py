"""The first screen: a trainee picks their profile or creates one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.errors import TrainerError
from trainer.files import read_bounded
from trainer.places import PROVINCES
from trainer.storage.trainees import Institution, Trainee, TraineeRepository
from trainer.text import check_code_text, name_problem
from trainer.ui import dialogs, labels

MAX_LOGO_BYTES = 2 * 1024 * 1024  # an emblem, not a photograph


def _emblem(path: Path | None, size: int) -> QPixmap | None:
    """The logo drawn in a ``size`` square (SVG or picture), or None if it cannot be read:
    the file is bounded before it is read, and a bad one leaves the banner without it."""
    if path is None:
        return None
    try:
        data = read_bounded(path, MAX_LOGO_BYTES)
    except OSError:  # missing, unreadable or too large (TooLargeError)
        return None
    canvas = QPixmap(QSize(size, size))
    canvas.fill(Qt.GlobalColor.transparent)
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(data)
        if not renderer.isValid():
            return None
        painter = QPainter(canvas)
        renderer.render(painter)
        painter.end()
        return canvas
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return QPixmap.fromImage(
        image.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )


class HomeScreen(QWidget):
    """Choose an existing trainee profile or create a new one."""

    trainee_chosen = Signal(object)  # Trainee

    def __init__(
        self,
        trainees: TraineeRepository,
        parent: QWidget | None = None,
        *,
        institution: str = "",
        logo: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.trainees = trainees

        # The institution's name and emblem, so the workstation looks like its own.
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        banner_row = QHBoxLayout(self.banner)
        self.logo = QLabel()
        self.logo.setAccessibleName(self.tr("Institution's emblem"))
        picture = _emblem(logo, 64)
        if picture is not None:
            self.logo.setPixmap(picture)
        banner_row.addWidget(self.logo)
        self.institution_name = QLabel(institution or "TiP Trainer")
        self.institution_name.setObjectName("bannerTitle")
        self.institution_name.setWordWrap(True)
        banner_row.addWidget(self.institution_name, 1)

        title = QLabel(self.tr("Welcome to TiP Trainer"))
        title.setObjectName("screenTitle")
        intro = QLabel(
            self.tr(
                "Training on trafficking in persons for police officers, prosecutors and judges. "
                "Choose your profile, or create one if this is your first time."
            )
        )
        intro.setWordWrap(True)

        # Existing profiles
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or service number"))
        self.search.setAccessibleName(self.tr("Search trainee profiles"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Trainee profiles"))
        self.continue_button = QPushButton(self.tr("&Continue with this profile"))
        self.continue_button.setAccessibleName(self.tr("Continue with the selected profile"))
        self.continue_button.setEnabled(False)
        existing = QGroupBox(self.tr("I already have a profile"))
        ex_layout = QVBoxLayout(existing)
        search_label = QLabel(self.tr("S&earch:"))
        search_label.setBuddy(self.search)
        ex_layout.addWidget(search_label)
        ex_layout.addWidget(self.search)
        ex_layout.addWidget(self.list, 1)
        ex_layout.addWidget(self.continue_button)

        # New profile
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Full name"))
        self.name.setMaxLength(200)
        self.institution = QComboBox()
        self.institution.setAccessibleName(self.tr("Institution"))
        for inst in Institution:
            self.institution.addItem(labels.institution(inst), inst.value)
        self.service_number = QLineEdit()
        self.service_number.setAccessibleName(self.tr("Service number (optional)"))
        self.service_number.setMaxLength(50)
        # Optional: what the annual figures count (per gender, province and function).
        self.gender = QComboBox()
        self.gender.setAccessibleName(self.tr("Gender (optional)"))
        for text, value in (
            (self.tr("not given"), ""),
            (self.tr("Female"), "female"),
            (self.tr("Male"), "male"),
        ):
            self.gender.addItem(text, value)
        self.province = QComboBox()
        self.province.setAccessibleName(self.tr("Province (optional)"))
        self.province.addItem(self.tr("not given"), "")
        for province in PROVINCES:
            self.province.addItem(province, province)
        self.function = QLineEdit()
        self.function.setAccessibleName(self.tr("Function or rank (optional)"))
        self.function.setMaxLength(100)
        # Why the name cannot be used, said as it is typed (a certificate must print it).
        self.name_problem = QLabel()
        self.name_problem.setObjectName("fieldProblem")
        self.name_problem.setWordWrap(True)
        self.name_problem.setAccessibleName(self.tr("Problem with the name"))
        self.name_problem.hide()
        self.create_button = QPushButton(self.tr("C&reate my profile"))
        self.create_button.setAccessibleName(self.tr("Create my profile"))
        new = QGroupBox(self.tr("This is my first time"))
        form = QFormLayout(new)
        form.addRow(self.tr("Full &name:"), self.name)
        form.addRow(self.name_problem)
        form.addRow(self.tr("&Institution:"), self.institution)
        form.addRow(self.tr("Service n&umber (optional):"), self.service_number)
        form.addRow(self.tr("&Gender (optional):"), self.gender)
        form.addRow(self.tr("&Province (optional):"), self.province)
        form.addRow(self.tr("Function or ran&k (optional):"), self.function)
        form.addRow(self.create_button)

        columns = QHBoxLayout()
        columns.addWidget(existing, 1)
        columns.addWidget(new, 1)
        self.continue_button.setProperty("primary", True)
        self.create_button.setProperty("primary", True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)

        self.search.textChanged.connect(self.refresh)
        self.list.itemSelectionChanged.connect(self._on_selection_changed)
        self.list.itemActivated.connect(lambda _item: self._on_continue())
        self.continue_button.clicked.connect(self._on_continue)
        self.create_button.clicked.connect(self._on_create)
        self.name.returnPressed.connect(self._on_create)
        self.name.textChanged.connect(self._on_name_edited)
        self.service_number.textChanged.connect(self._on_name_edited)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for trainee in self.trainees.list(self.search.text()):
            text = f"{trainee.name} — {labels.institution(trainee.institution)}"
            if trainee.service_number:
                text += f" ({trainee.service_number})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, trainee.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._on_selection_changed()

    def selected_trainee(self) -> Trainee | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.trainees.get(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_selection_changed(self) -> None:
        self.continue_button.setEnabled(self.list.currentItem() is not None)

    def _on_continue(self) -> None:
        trainee = self.selected_trainee()
        if trainee is not None:
            self.trainee_chosen.emit(trainee)

    def _problem(self) -> str:
        """What is wrong with the name or service number typed, in the interface's words."""
        typed = self.name.text()
        check = name_problem(typed)
        if typed.strip() and not check.ok:
            return labels.name_problem(check)
        try:
            check_code_text(self.service_number.text())
        except TrainerError:
            return self.tr("The service number contains control or invisible characters.")
        return ""

    def _on_name_edited(self) -> None:
        problem = self._problem()
        self.name_problem.setText(problem)
        self.name_problem.setVisible(bool(problem))
        self.create_button.setEnabled(not problem)

    def _on_create(self) -> None:
        if not self.name.text().strip():
            dialogs.show_error(self, TrainerError(self.tr("Please enter your full name.")))
            self.name.setFocus()
            return
        problem = self._problem()
        if problem:
            dialogs.show_error(self, TrainerError(problem))
            self.name.setFocus()
            return
        try:
            trainee = self.trainees.create(
                self.name.text(),
                Institution(self.institution.currentData()),
                self.service_number.text(),
                gender=self.gender.currentData() or None,
                province=self.province.currentData() or None,
                function=self.function.text(),
            )
        except TrainerError as exc:
            dialogs.show_error(self, exc)
            return
        self.name.clear()
        self.service_number.clear()
        self.function.clear()
        self.refresh()
        self.trainee_chosen.emit(trainee)
