"""Interface language: Qt translators for the chosen language, and the list on offer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from trainer.paths import translations_dir

# The languages the interface ships in, by code, with their own names.
INTERFACE_LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
# The conventions for numbers and dates that go with each interface language.
LOCALES = {"en": "en_GB", "fr": "fr_FR"}

_installed: list[QTranslator] = []


_current = [DEFAULT_LANGUAGE]


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in INTERFACE_LANGUAGES else DEFAULT_LANGUAGE


def current() -> str:
    """The interface language last installed (English until one is)."""
    return _current[0]


def install(language: str) -> bool:
    """Install the translators for ``language``; English needs none. False if missing."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    _current[0] = language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # Numbers and dates follow the interface language (1,5 in French), not the system's.
    QLocale.setDefault(QLocale(LOCALES.get(language, language)))
    # A native file dialog speaks the system's language; Qt's own speaks the interface's.
    QCoreApplication.setAttribute(
        Qt.ApplicationAttribute.AA_DontUseNativeDialogs, language != system_language()
    )
    if language == "en":
        return True
    ours = QTranslator()
    if not ours.load(str(translations_dir() / f"tip_trainer_{language}.qm")):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator()  # Qt's own dialogs (file dialogs, buttons)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True
