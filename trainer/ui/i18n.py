"""Interface language: Qt translators for the chosen language, and the list on offer."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from trainer.paths import translations_dir

# The languages the interface ships in, by code, with their own names.
INTERFACE_LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
# The conventions for numbers and dates that go with each interface language.
LOCALES = {"en": "en_GB", "fr": "fr_FR"}

_installed: list[QTranslator] = []
_PLACE = re.compile(r"%([1-9])")


def fmt(text: str, *args: object) -> str:
    """``text`` with %1 … %9 replaced by ``args`` in one pass, as QString.arg does.

    Translators may reorder the markers; a value that itself contains "%2" is left as it
    is, and a marker with no value stays visible rather than failing.
    """

    def value(found: re.Match[str]) -> str:
        index = int(found.group(1)) - 1
        return str(args[index]) if index < len(args) else found.group(0)

    return _PLACE.sub(value, text)


_current = [DEFAULT_LANGUAGE]


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in INTERFACE_LANGUAGES else DEFAULT_LANGUAGE


def current() -> str:
    """The interface language last installed (English until one is)."""
    return _current[0]


def install(language: str) -> bool:
    """Install the translators for ``language``; False if missing. English, the source
    language, has only its plural forms ("%n file(s)" read "1 file", "2 files")."""
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
    ours = QTranslator()
    if not ours.load(str(translations_dir() / f"tip_trainer_{language}.qm")):
        return language == "en"  # without its plural forms English still reads
    app.installTranslator(ours)
    _installed.append(ours)
    if language == "en":
        return True
    qt_own = QTranslator()  # Qt's own dialogs (file dialogs, buttons)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True
