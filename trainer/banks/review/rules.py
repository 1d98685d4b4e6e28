"""Every review rule: its id, severity, scope and one-line explanation in English and French.

The loader reads this table to check the waivers a bank writes, so it imports
nothing of the loader. Messages are ``str.format`` templates; parameters whose
name is in ``PERCENT_PARAMS`` are fractions shown as percentages, lists are
shown quoted and joined.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

LANGUAGES = ("en", "fr")


class Severity(StrEnum):
    """How bad a finding is; the order is the order of ``SEVERITIES`` (worst first)."""

    PROBLEM = "problem"
    WARNING = "warning"
    NOTICE = "notice"


SEVERITIES = (Severity.PROBLEM, Severity.WARNING, Severity.NOTICE)


class Scope(StrEnum):
    ITEM = "item"  # one question: waived on the question
    BANK = "bank"  # a share over the bank's questions: waived at the top of the bank


class Rule(StrEnum):
    INVALID = "invalid"
    MR_ALL_OR_NONE = "mr-all-or-none"
    KEY_LONGEST = "key-longest"
    KEY_LONGEST_SHARE = "key-longest-share"
    KEY_POSITION = "key-position"
    MR_PATTERN = "mr-pattern"
    ALL_NONE_ABOVE = "all-none-above"
    STEM_CLUE = "stem-clue"
    ABSOLUTE_WORDS = "absolute-words"
    NEGATIVE_STEM = "negative-stem"
    NEAR_DUPLICATE = "near-duplicate"
    YEAR_BOUND = "year-bound"
    NO_DIFFICULTY = "no-difficulty"
    EXPLANATION_KEY = "explanation-key"
    TRANSLATION_NUMBERS = "translation-numbers"
    TRANSLATION_ARTICLES = "translation-articles"
    TRANSLATION_COUNT = "translation-count"
    ATTEMPTS_EASY = "attempts-easy"
    ATTEMPTS_HARD = "attempts-hard"
    ATTEMPTS_NEGATIVE = "attempts-negative-discrimination"
    ATTEMPTS_UNUSED = "attempts-unused-distractor"


@dataclass(frozen=True)
class RuleInfo:
    severity: Severity
    scope: Scope
    title: Mapping[str, str]  # a few words, for lists and filters
    message: Mapping[str, str]  # the one-line explanation, with {parameters}


def _info(
    severity: Severity, scope: Scope, title: tuple[str, str], message: tuple[str, str]
) -> RuleInfo:
    return RuleInfo(
        severity,
        scope,
        dict(zip(LANGUAGES, title, strict=True)),
        dict(zip(LANGUAGES, message, strict=True)),
    )


P, W, N = Severity.PROBLEM, Severity.WARNING, Severity.NOTICE
ITEM, BANK = Scope.ITEM, Scope.BANK

RULES: dict[Rule, RuleInfo] = {
    Rule.INVALID: _info(
        P,
        BANK,
        ("Bank does not load", "La banque ne se charge pas"),
        ("the bank does not load: {message}", "la banque ne se charge pas : {message}"),
    ),
    Rule.MR_ALL_OR_NONE: _info(
        P,
        ITEM,
        ("All or no option right", "Toutes ou aucune option juste"),
        (
            "multiple response with every option right or none: {message}",
            "réponses multiples où toutes les options sont justes, ou aucune : {message}",
        ),
    ),
    Rule.KEY_LONGEST: _info(
        N,
        ITEM,
        ("Right option is the longest", "Bonne réponse la plus longue"),
        (
            "the right option is the longest ({key_length} characters, the others at most "
            "{other_length}): test-wise trainees pick the longest option",
            "la bonne réponse est la plus longue ({key_length} caractères, les autres "
            "{other_length} au plus) : un candidat averti choisit l'option la plus longue",
        ),
    ),
    Rule.KEY_LONGEST_SHARE: _info(
        W,
        BANK,
        ("Right options often the longest", "Bonnes réponses souvent les plus longues"),
        (
            "the right option is the longest (ties counted) in {share} of the {count} "
            "single-choice questions, where chance gives {chance}: keep it at 35% or less",
            "la bonne réponse est la plus longue (égalités comprises) dans {share} des {count} "
            "questions à choix unique, contre {chance} par hasard : restez à 35 % au plus",
        ),
    ),
    Rule.KEY_POSITION: _info(
        W,
        BANK,
        ("Right option often in one place", "Bonne réponse souvent au même rang"),
        (
            "{count} single-choice questions show their options unshuffled and the right "
            "option is option {position} in {share} of them: spread the right options",
            "{count} questions à choix unique montrent leurs options sans les mélanger et la "
            "bonne réponse est l'option {position} dans {share} d'entre elles : variez sa place",
        ),
    ),
    Rule.MR_PATTERN: _info(
        W,
        BANK,
        ("Same number of right options", "Même nombre de bonnes options"),
        (
            "{share} of the {count} multiple-response questions have {right} right options "
            "out of {options}: trainees learn the pattern; vary the number of right options",
            "{share} des {count} questions à réponses multiples ont {right} bonnes options "
            "sur {options} : les candidats apprennent ce schéma ; variez le nombre de bonnes "
            "options",
        ),
    ),
    Rule.ALL_NONE_ABOVE: _info(
        W,
        ITEM,
        ("“All / none of the above”", "« Toutes / aucune ci-dessus »"),
        (
            "option {option} (“{text}”) refers to the other options: it rewards partial "
            "knowledge; write a real option instead",
            "l'option {option} (« {text} ») renvoie aux autres options : elle récompense une "
            "connaissance partielle ; écrivez une vraie option à la place",
        ),
    ),
    Rule.STEM_CLUE: _info(
        N,
        ITEM,
        ("Right option repeats the question", "Bonne réponse reprenant la question"),
        (
            "only the right option repeats words of the question ({words}): a clue to the answer",
            "seule la bonne réponse reprend des mots de la question ({words}) : c'est un indice",
        ),
    ),
    Rule.ABSOLUTE_WORDS: _info(
        N,
        ITEM,
        ("Absolute words only in wrong options", "Mots absolus dans les seules mauvaises options"),
        (
            "only wrong options use absolute words ({words}): trainees learn to rule them out",
            "seules les mauvaises options emploient des mots absolus ({words}) : les candidats "
            "apprennent à les écarter",
        ),
    ),
    Rule.NEGATIVE_STEM: _info(
        W,
        ITEM,
        ("Negative question not emphasised", "Question négative non soulignée"),
        (
            "the question is negative (“{word}”, {language} version) and the word is not "
            "emphasised: "
            "write it in capitals (NOT) or between asterisks (*not*), or ask positively",
            "la question est négative (« {word} », version {language}) sans mise en valeur : "
            "écrivez le "
            "mot en capitales (PAS) ou entre astérisques (*pas*), ou posez-la positivement",
        ),
    ),
    Rule.NEAR_DUPLICATE: _info(
        W,
        ITEM,
        ("Near-duplicate question", "Question presque en double"),
        (
            "{similarity} the same as question {other} ({place}): trainees may meet the same "
            "question twice",
            "identique à {similarity} à la question {other} ({place}) : les candidats risquent "
            "de voir deux fois la même question",
        ),
    ),
    Rule.YEAR_BOUND: _info(
        W,
        ITEM,
        ("Wording that will date", "Formulation qui vieillira"),
        (
            "wording that will date ({words}): give the fact with its date or its source instead",
            "formulation qui vieillira ({words}) : donnez plutôt le fait avec sa date ou sa source",
        ),
    ),
    Rule.NO_DIFFICULTY: _info(
        W,
        ITEM,
        ("No difficulty", "Aucune difficulté"),
        (
            "no difficulty is given: add 'difficulty: 1' (basic), 2 (intermediate) or 3 (advanced)",
            "aucune difficulté n'est indiquée : ajoutez 'difficulty: 1' (de base), 2 "
            "(intermédiaire) ou 3 (avancé)",
        ),
    ),
    Rule.EXPLANATION_KEY: _info(
        N,
        ITEM,
        ("Explanation silent on the answer", "Explication muette sur la réponse"),
        (
            "the explanation does not mention the right answer ({words})",
            "l'explication ne mentionne pas la bonne réponse ({words})",
        ),
    ),
    Rule.TRANSLATION_NUMBERS: _info(
        W,
        ITEM,
        ("Versions disagree on numbers", "Versions en désaccord sur des nombres"),
        (
            "the {language} and {other_language} versions of the {field} give different "
            "numbers ({numbers} against {other_numbers})",
            "les versions {language} et {other_language} de {field} ne donnent pas les mêmes "
            "nombres ({numbers} contre {other_numbers})",
        ),
    ),
    Rule.TRANSLATION_ARTICLES: _info(
        W,
        ITEM,
        ("Versions cite different articles", "Versions citant des articles différents"),
        (
            "the {language} and {other_language} versions of the {field} cite different "
            "articles ({numbers} against {other_numbers})",
            "les versions {language} et {other_language} de {field} ne citent pas les mêmes "
            "articles ({numbers} contre {other_numbers})",
        ),
    ),
    Rule.TRANSLATION_COUNT: _info(
        W,
        ITEM,
        ("Versions ask for different counts", "Versions demandant des nombres différents"),
        (
            "the {language} and {other_language} versions of the question ask for a different "
            "number of options ({numbers} against {other_numbers})",
            "les versions {language} et {other_language} de la question ne demandent pas le même "
            "nombre d'options ({numbers} contre {other_numbers})",
        ),
    ),
    Rule.ATTEMPTS_EASY: _info(
        N,
        ITEM,
        ("Almost everyone right", "Presque tout le monde a juste"),
        (
            "in module {module}, {facility} of {attempts} exam answers were right: the "
            "question tells nobody apart",
            "dans le module {module}, {facility} des {attempts} réponses d'examen étaient "
            "justes : la question ne distingue personne",
        ),
    ),
    Rule.ATTEMPTS_HARD: _info(
        N,
        ITEM,
        ("Almost everyone wrong", "Presque tout le monde a faux"),
        (
            "in module {module}, only {facility} of {attempts} exam answers were right: check "
            "the key and the wording",
            "dans le module {module}, seules {facility} des {attempts} réponses d'examen étaient "
            "justes : vérifiez la clé et la formulation",
        ),
    ),
    Rule.ATTEMPTS_NEGATIVE: _info(
        W,
        ITEM,
        ("Negative discrimination", "Discrimination négative"),
        (
            "in module {module}, trainees with low totals did better on it than those with "
            "high totals ({attempts} exam answers): check the key",
            "dans le module {module}, les candidats aux scores faibles y ont mieux réussi que "
            "ceux aux scores élevés ({attempts} réponses d'examen) : vérifiez la clé",
        ),
    ),
    Rule.ATTEMPTS_UNUSED: _info(
        N,
        ITEM,
        ("Option nobody chooses", "Option que personne ne choisit"),
        (
            "in module {module}, none of {attempts} exam answers chose option {option} "
            "(“{text}”): it distracts nobody",
            "dans le module {module}, aucune des {attempts} réponses d'examen n'a choisi "
            "l'option {option} (« {text} ») : elle ne trompe personne",
        ),
    ),
}

# The words the explanations use, for parameters that name a part of a question.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "text": ("question", "la question"),
    "explanation": ("explanation", "l'explication"),
    "title": ("title", "le titre"),
    "option": ("option {id}", "l'option {id}"),
    "feedback": ("feedback of option {id}", "le commentaire de l'option {id}"),
    "feedback_true": ("feedback for “true”", "le commentaire de « vrai »"),
    "feedback_false": ("feedback for “false”", "le commentaire de « faux »"),
    "item": ("item {id}", "l'élément {id}"),
    "prompt": ("prompt {id}", "l'énoncé {id}"),
    "choice": ("choice {id}", "le choix {id}"),
}
LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "en": ("English", "anglaise"),
    "fr": ("French", "française"),
    "rn": ("Kirundi", "kirundi"),
}
SEVERITY_NAMES: dict[Severity, tuple[str, str]] = {
    Severity.PROBLEM: ("problem", "problème"),
    Severity.WARNING: ("warning", "avertissement"),
    Severity.NOTICE: ("notice", "remarque"),
}
PERCENT_PARAMS = frozenset({"share", "chance", "similarity", "facility"})


def language_index(lang: str) -> int:
    return LANGUAGES.index(lang) if lang in LANGUAGES else 0


def severity_name(severity: Severity, lang: str) -> str:
    return SEVERITY_NAMES[severity][language_index(lang)]


def rule_title(rule: Rule, lang: str) -> str:
    info = RULES[rule]
    return info.title.get(lang) or info.title["en"]


def percent(value: float, lang: str) -> str:
    """A fraction as a whole percentage, in the language's typography (42% / 42 %)."""
    number = round(100 * value)
    return f"{number}\u00a0%" if lang == "fr" else f"{number}%"


def _field(value: str, lang: str) -> str:
    name, _, ident = value.partition(":")
    names = FIELD_NAMES.get(name)
    if names is None:
        return value
    return names[language_index(lang)].format(id=ident)


def format_param(name: str, value: Any, lang: str) -> str:
    if name in PERCENT_PARAMS and isinstance(value, float):
        return percent(value, lang)
    if name == "field" and isinstance(value, str):
        return _field(value, lang)
    if name in ("language", "other_language") and isinstance(value, str):
        return LANGUAGE_NAMES.get(value, (value, value))[language_index(lang)]
    if isinstance(value, (list, tuple)):
        quote = ("« {} »", "“{}”")[0 if lang == "fr" else 1]
        if name in ("numbers", "other_numbers"):
            return ", ".join(str(v) for v in value) or "—"
        return ", ".join(quote.format(v) for v in value)
    return str(value)


def message(rule: Rule, params: Mapping[str, Any], lang: str) -> str:
    """The rule's one-line explanation in ``lang`` (English when not offered)."""
    info = RULES[rule]
    template = info.message.get(lang) or info.message["en"]
    values = {k: format_param(k, v, lang) for k, v in params.items()}
    return template.format(**values)
