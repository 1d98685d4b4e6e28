"""Text measures the review rules share: normalising, words, numbers, telling phrases."""

from __future__ import annotations

import re
from functools import lru_cache

_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise(text: str) -> str:
    """Lowercase, punctuation replaced by spaces, whitespace collapsed."""
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _set(
    """
    a about above after again against all also am an and any are as at be been before being
    between both but by can could did do does doing down during each few for from further had
    has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not of off on once only or other our out over own same she should so some
    such than that the their them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    which whose must may might shall following correct right true false best answer answers
    option options question questions statement statements case person persons people
    le la les un une des du de d l au aux et ou où en dans par pour sur avec sans sous entre
    vers chez ce cet cette ces son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos
    qui que quoi dont quel quelle quels quelles lequel laquelle lesquels lesquelles est sont
    été être avoir a ont ai il elle ils elles on nous vous je tu se s ne pas plus ni mais donc
    or car si aussi tout tous toute toutes autre autres même doit doivent peut peuvent faut
    bonne bonnes réponse réponses option options question questions affirmation vrai faux
    suivant suivante suivants suivantes cas personne personnes
    """
)


_CONTENT = re.compile(r"\b(?:\d+|\w{4,})\b")
_CACHE = 1 << 18  # texts of a 10,000-question library, both languages


@lru_cache(maxsize=_CACHE)
def words(text: str) -> tuple[str, ...]:
    return tuple(normalise(text).split())


@lru_cache(maxsize=_CACHE)
def content_words(text: str) -> frozenset[str]:
    """Words that carry meaning: not a stop word, at least 4 letters, or a number."""
    return frozenset(_CONTENT.findall(" ".join(words(text)))).difference(STOPWORDS)


def stems(found: frozenset[str] | set[str]) -> set[str]:
    """A crude stem (the first 5 letters), so 'exploit' meets 'exploitation'."""
    return {w[:5] for w in found}


# -- absolute words (Haladyna: "always", "never" cue a wrong option) -----------------------
ABSOLUTE_WORDS = {
    "en": _set("always never only none completely absolutely entirely totally invariably"),
    "fr": _set(
        "toujours jamais uniquement seulement exclusivement totalement absolument "
        "entièrement aucun aucune"
    ),
}


def may_hold_absolute_words(text: str, lang: str) -> bool:
    """False when no absolute word can be in the text (a quick test before the words)."""
    lower = text.lower()
    return any(w in lower for w in ABSOLUTE_WORDS.get(lang, ()))


def absolute_words(text: str, lang: str) -> frozenset[str]:
    return ABSOLUTE_WORDS.get(lang, frozenset()).intersection(words(text))


# -- "all of the above" / "none of the above" -----------------------------------------------
_ABOVE = re.compile(
    r"\b(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|the\s+above|those\s+above)\b"
    r"|\ball\s+the\s+above\b"
    r"|\b(?:toutes?|tous|aucune?)\s+(?:les\s+|des\s+|de\s+ces\s+)?"
    r"(?:réponses\s+|propositions\s+|options\s+|affirmations\s+)?"
    r"(?:ci-dessus|précédentes?|qui\s+précèdent)\b"
    r"|\btout\s+ce\s+qui\s+précède\b"
    r"|\baucune\s+de\s+ces\s+(?:réponses|propositions|options)\b",
    re.IGNORECASE,
)


_ABOVE_HINTS = ("above", "these", "those", "ci-dessus", "précé", "précè", "ces ")


def refers_to_other_options(text: str) -> bool:
    lower = text.lower()
    return any(h in lower for h in _ABOVE_HINTS) and _ABOVE.search(text) is not None


# -- negative stems ---------------------------------------------------------------------
_SENTENCES = re.compile(r"(?<=[.!?:])\s+")
_NEGATIVE = {
    # "at least" is a quantity, not a negation
    "en": re.compile(
        r"\b(?:not|except|cannot)\b|(?<!\bat )\bleast\b|\b\w+n['’]t\b", re.IGNORECASE
    ),
    "fr": re.compile(
        r"(?:\bne\b|\bn['’])[^.?!]*?\b(pas)\b|\b(sauf|excepté|hormis)\b", re.IGNORECASE
    ),
}


def _asked(text: str) -> list[tuple[int, str]]:
    """The sentences that ask (ending in '?', else the last one), with their offsets."""
    parts: list[tuple[int, str]] = []
    start = 0
    for m in _SENTENCES.finditer(text):
        parts.append((start, text[start : m.start()]))
        start = m.end()
    parts.append((start, text[start:]))
    parts = [(o, s) for o, s in parts if s.strip()]
    asking = [(o, s) for o, s in parts if s.rstrip().endswith("?")]
    return asking or parts[-1:]


def _emphasised(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return True
    return text.count("*", 0, start) % 2 == 1 and "*" in text[end:]


_NEGATIVE_HINTS = {
    "en": ("not", "except", "least", "n't", "n’t"),
    "fr": ("pas", "sauf", "except", "hormis"),
}


def unemphasised_negative(text: str, lang: str) -> str | None:
    """The negative word of an asking sentence written without emphasis, if any."""
    pattern = _NEGATIVE.get(lang)
    lower = text.lower()
    if pattern is None or not any(h in lower for h in _NEGATIVE_HINTS[lang]):
        return None
    for offset, sentence in _asked(text):
        for m in pattern.finditer(sentence):
            group = next((g for g in range(1, (m.lastindex or 0) + 1) if m.group(g)), 0)
            start, end = offset + m.start(group), offset + m.end(group)
            if not _emphasised(text, start, end):
                return text[start:end]
    return None


# -- wording that dates ------------------------------------------------------------------
def _year_rule(lang: str, hints: str, pattern: str) -> tuple[str, tuple[str, ...], re.Pattern[str]]:
    # Patterns run on lowercase text: case-insensitive matching is several times slower.
    return lang, tuple(hints.split("|")), re.compile(pattern.lower())


# Each pattern runs only on a text holding one of its hints (lowercase): most texts hold none.
_YEAR_BOUND = (
    _year_rule(
        "en",
        "according to",
        r"\baccording\s+to\s+the\s+(?:(?:19|20)\d\d|latest|most\s+recent|current|new)\b",
    ),
    _year_rule(
        "en",
        "report",
        r"\b(?:19|20)\d\d\s+(?:US\s+)?(?:TIP\s+)?report\b"
        r"|\b(?:TIP|trafficking\s+in\s+persons)\s+report\s+(?:of\s+)?(?:19|20)\d\d\b",
    ),
    _year_rule("en", "year", r"\b(?:this|last|next)\s+year\b|\bin\s+recent\s+years\b"),
    _year_rule(
        "en",
        "current|nowadays|present|moment|days|recent",
        r"\bcurrently\b|\bnowadays\b|\bat\s+present\b|\bat\s+the\s+moment\b"
        r"|\bthese\s+days\b|\brecently\b",
    ),
    _year_rule(
        "fr",
        "rapport",
        # as in English: "selon le dernier rapport", "selon le rapport 2023" date; "selon le
        # rapport du GAFI (2018)" names a source with its date and does not
        r"\bselon\s+le\s+(?:dernier|plus\s+récent)\s+rapport\b"
        r"|\bselon\s+le\s+rapport\s+(?:de\s+)?(?:19|20)\d\d\b"
        r"|\brapport\s+(?:de\s+|sur\s+la\s+traite\s+)?(?:19|20)\d\d\b",
    ),
    _year_rule(
        "fr",
        "année|l'an|l’an",
        r"\bcette\s+année\b|\bl['’]an\s+(?:dernier|passé|prochain)\b"
        r"|\bl['’]année\s+(?:dernière|passée|prochaine)\b|\bces\s+dernières\s+années\b",
    ),
    _year_rule(
        "fr",
        "actuel|nos jours|récem|moment",
        r"\bactuellement\b|\bà\s+l['’]heure\s+actuelle\b|\bde\s+nos\s+jours\b"
        r"|\brécemment\b|\ben\s+ce\s+moment\b",
    ),
)


def year_bound(text: str, lang: str) -> list[str]:
    """Phrases that tie a text to the year it was written ("this year", "currently")."""
    lower = text.lower()
    found: list[str] = []
    for language, hints, pattern in _YEAR_BOUND:
        if language != lang:
            continue
        for hint in hints:
            if hint in lower:
                found += [m.group(0) for m in pattern.finditer(lower)]
                break
    return found


# -- numbers and article references -------------------------------------------------------
# An article number with its sub-parts: "3(a)", "6(2)", "6, paragraph 2", "6, alinéa 2".
# French writes the sub-parts in words: "art. 6, par. 3", "art. 3, al. a)".
_SUB_PART_WORDS = r"(?:paragraphes?|paragraphs?|paras?\.|par\.|§|alinéas?|al\.)"
_ARTICLE_NUMBER = (
    r"\d+(?:\s*[-–]?\s*\([a-z0-9]+\))*"
    rf"(?:,?\s*{_SUB_PART_WORDS}\s*(?:\d+|[a-z]\))(?:\s*\([a-z0-9]+\))*"
    r"(?:\s*(?:et|and|to|à|-|–)\s*(?:\d+|[a-z]\))(?:\s*\([a-z0-9]+\))*)*)?"
)
_ARTICLES = re.compile(
    rf"\b(?:articles?|arts?\.?)\s*({_ARTICLE_NUMBER}"
    rf"(?:\s*(?:,|and|et|or|ou|to|à|-|–)\s*{_ARTICLE_NUMBER})*)",
    re.IGNORECASE,
)
_SUB_PARTS = re.compile(
    rf"\([a-z0-9]+\)|{_SUB_PART_WORDS}\s*(?:\d+|[a-z]\))"
    r"(?:\s*(?:et|and|to|à|-|–)\s*(?:\d+|[a-z]\)))*",
    re.IGNORECASE,
)
# "paragraphs 1 and 2 of article 6", "le paragraphe 3": sub-parts named apart from their
# article, which one language may write inside the reference and the other around it
_LONE_SUB_PARTS = re.compile(
    rf"\b{_SUB_PART_WORDS}\s*\d+(?:\s*(?:,|and|et|or|ou|to|à|-|–)\s*\d+)*", re.IGNORECASE
)
# "Guideline 4(5)": a sub-part in brackets written after any numbered provision
_BRACKETED_SUB_PART = re.compile(r"(?<=\w)\([a-z0-9]{1,3}\)(?:\s*[-–]\s*\([a-z0-9]{1,3}\))*")
_DIGITS = re.compile(r"\d+")
_ANY_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+)(?:[.,](\d+))?"
    r"(?:\s?(?:st|nd|rd|th|er|re|e|è|ème|eme))?(?!\w)"
)


def article_numbers(text: str) -> tuple[set[str], str]:
    """The articles cited (their numbers, not their paragraphs, which languages write
    differently), and the text with those references blanked out."""
    found: set[str] = set()
    if "art" not in text.lower():
        return found, text
    for m in _ARTICLES.finditer(text):
        found.update(str(int(d)) for d in _DIGITS.findall(_SUB_PARTS.sub(" ", m.group(1))))
    rest = _LONE_SUB_PARTS.sub(" ", _ARTICLES.sub(" ", text))
    return found, _BRACKETED_SUB_PART.sub(" ", rest)


def has_digits(text: str) -> bool:
    return _ANY_DIGIT.search(text) is not None


def numbers(text: str) -> set[str]:
    """Numbers written with digits, one spelling for each: 100,000 = 100 000; 1.5 = 1,5."""
    out: set[str] = set()
    if _ANY_DIGIT.search(text) is None:
        return out
    for m in _NUMBER.finditer(text):
        whole = int(re.sub(r"\D", "", m.group(1)))
        decimals = (m.group(2) or "").rstrip("0")
        out.add(f"{whole}.{decimals}" if decimals else str(whole))
    return out


_COUNT_WORDS = {
    "en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2},
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6},
}


def count_words(text: str, lang: str) -> set[int]:
    """How many things the text asks for, in words (two, trois ...)."""
    table = _COUNT_WORDS.get(lang, {})
    lower = text.lower()
    if not any(w in lower for w in table):
        return set()
    return {table[w] for w in words(text) if w in table}
