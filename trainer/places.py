"""Where officials serve and who they are: the provinces and the genders a profile records.

Burundi's administrative map since the 2025 elections has five provinces; the former
provinces (Ngozi, Muyinga, Rumonge …) are now communes and are not accepted as provinces.
"""

from __future__ import annotations

import unicodedata

from trainer.errors import TrainerError

PROVINCES = ("Bujumbura", "Gitega", "Butanyerera", "Buhumuza", "Burunga")
GENDERS = ("female", "male")
# How people write a gender in a participant list (English, French, one letter).
_GENDER_WORDS = {
    "f": "female",
    "female": "female",
    "woman": "female",
    "w": "female",
    "femme": "female",
    "feminin": "female",
    "m": "male",
    "male": "male",
    "man": "male",
    "h": "male",
    "homme": "male",
    "masculin": "male",
}


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def check_gender(value: str | None) -> str | None:
    """'female', 'male' or None (not recorded); TrainerError for anything else."""
    if value is None or not value.strip():
        return None
    found = _GENDER_WORDS.get(_plain(value))
    if found is None:
        raise TrainerError(f"'{value[:40]}' is not a gender (female or male)")
    return found


def check_province(value: str | None) -> str | None:
    """One of the five provinces (any case, accents ignored) or None; TrainerError otherwise."""
    if value is None or not value.strip():
        return None
    wanted = _plain(value)
    for province in PROVINCES:
        if _plain(province) == wanted:
            return province
    raise TrainerError(
        f"'{value[:40]}' is not a province; the provinces are " + ", ".join(PROVINCES)
    )


def known_gender(value: str | None) -> str | None:
    """A recognised gender in its stored spelling; other text as given."""
    try:
        return check_gender(value)
    except TrainerError:
        return value


def known_province(value: str | None) -> str | None:
    """A recognised province in its one spelling; other text (an earlier map) as given."""
    try:
        return check_province(value)
    except TrainerError:
        return value
