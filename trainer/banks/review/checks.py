"""The static checks of one bank: each yields what it found, for the engine to place."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from trainer.banks.model import (
    Bank,
    LocalizedText,
    Matching,
    MultipleResponse,
    Numerical,
    Option,
    Ordering,
    Question,
    Scenario,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from trainer.banks.review import text as tx
from trainer.banks.review.rules import Rule

KEY_LONGEST_SHARE = 0.35
KEY_POSITION_SHARE = 0.5
MR_PATTERN_SHARE = 0.5
MIN_ITEMS_FOR_SHARES = 8


@dataclass(frozen=True)
class Raw:
    """A finding before it is placed in its file: the question (None: the bank) and values."""

    rule: Rule
    question: Question | None
    params: dict[str, Any] = field(default_factory=dict)


def review_language(bank: Bank) -> str:
    """The language the review measures: English when the bank has it, else its first."""
    return "en" if "en" in bank.languages else bank.languages[0]


def waived(question: Question, rule: Rule) -> bool:
    return any(w.rule == rule.value for w in question.waivers)


def _options(q: Question) -> tuple[tuple[Option, ...], set[str]]:
    if isinstance(q, SingleChoice):
        return q.options, {q.key}
    if isinstance(q, MultipleResponse):
        return q.options, set(q.key)
    return (), set()


# -- per question ----------------------------------------------------------------------------
def key_longest(q: Question, lang: str) -> Iterator[Raw]:
    if not isinstance(q, SingleChoice):
        return
    key = len(q.option(q.key).text.get(lang))
    others = max(len(o.text.get(lang)) for o in q.options if o.id != q.key)
    if key > others:
        yield Raw(Rule.KEY_LONGEST, q, {"key_length": key, "other_length": others})


def all_none_above(q: Question, lang: str) -> Iterator[Raw]:
    options, _ = _options(q)
    if not tx.refers_to_other_options(
        "\n".join(t for o in options for t in o.text.values.values())
    ):
        return
    for o in options:
        for text in o.text.values.values():
            if tx.refers_to_other_options(text):
                yield Raw(Rule.ALL_NONE_ABOVE, q, {"option": o.id, "text": o.text.get(lang)})
                return


def stem_clue(q: Question, lang: str) -> Iterator[Raw]:
    options, keys = _options(q)
    if not options:
        return
    stem = tx.content_words(q.text.get(lang))
    in_keys: set[str] = set()
    in_distractors: set[str] = set()
    for o in options:
        (in_keys if o.id in keys else in_distractors).update(tx.content_words(o.text.get(lang)))
    clue = (stem & in_keys) - in_distractors
    if clue:
        yield Raw(Rule.STEM_CLUE, q, {"words": sorted(clue)})


def absolute_words(q: Question, lang: str) -> Iterator[Raw]:
    options, keys = _options(q)
    if not options:
        return
    found: list[str] = []
    for language in sorted(q.text.languages(), key=lambda x: (x != lang, x)):
        if not tx.may_hold_absolute_words(
            "\n".join(o.text.get(language) for o in options), language
        ):
            continue
        in_keys: set[str] = set()
        in_distractors: set[str] = set()
        for o in options:
            words = tx.absolute_words(o.text.get(language), language)
            (in_keys if o.id in keys else in_distractors).update(words)
        if in_distractors and not in_keys:
            found += sorted(in_distractors)
    if found:
        yield Raw(Rule.ABSOLUTE_WORDS, q, {"words": found})


def negative_stem(q: Question, lang: str) -> Iterator[Raw]:
    if isinstance(q, Scenario):
        return
    for language in sorted(q.text.languages(), key=lambda x: (x != lang, x)):
        word = tx.unemphasised_negative(q.text.get(language), language)
        if word is not None:
            yield Raw(Rule.NEGATIVE_STEM, q, {"word": word, "language": language})
            return


def _texts(q: Question) -> Iterator[tuple[str, LocalizedText]]:
    """Every text of a question a trainee reads, by field (scenario parts not included)."""
    yield "text", q.text
    if isinstance(q, Scenario) and q.title is not None:
        yield "title", q.title
    options, _ = _options(q)
    for o in options:
        yield f"option:{o.id}", o.text
        if o.feedback is not None:
            yield f"feedback:{o.id}", o.feedback
    if isinstance(q, TrueFalse):
        if q.feedback_true is not None:
            yield "feedback_true", q.feedback_true
        if q.feedback_false is not None:
            yield "feedback_false", q.feedback_false
    if isinstance(q, Ordering):
        for item in q.items:
            yield f"item:{item.id}", item.text
    if isinstance(q, Matching):
        for p in q.prompts:
            yield f"prompt:{p.id}", p.text
        for c in q.choices:
            yield f"choice:{c.id}", c.text
    if isinstance(q, ShortAnswer | Numerical):  # typed answers: the feedback is read
        feedback = [a.feedback for a in q.answers]
        for n, fb in enumerate(feedback, start=1):
            if fb is not None:
                yield f"feedback:{n}", fb
    if q.explanation is not None:
        yield "explanation", q.explanation


# The question last joined and its texts by language (the checks run one question at a time).
_LAST: list[Any] = [None, {}]


def _everything(q: Question) -> dict[str, str]:
    """Every text of the question, one per line, by language (kept for the next check)."""
    if _LAST[0] is not q:
        joined: dict[str, list[str]] = {}
        for _, texts in _texts(q):
            for language, text in texts.values.items():
                joined.setdefault(language, []).append(text)
        _LAST[0] = q
        _LAST[1] = {language: "\n".join(parts) for language, parts in joined.items()}
    return dict(_LAST[1])


def year_bound(q: Question, lang: str) -> Iterator[Raw]:
    found: list[str] = []
    phrases = [p for language, t in _everything(q).items() for p in tx.year_bound(t, language)]
    for phrase in phrases:
        if phrase not in found:
            found.append(phrase)
    if found:
        yield Raw(Rule.YEAR_BOUND, q, {"words": found})


def no_difficulty(q: Question, lang: str) -> Iterator[Raw]:
    if not isinstance(q, Scenario) and not q.difficulty_given:
        yield Raw(Rule.NO_DIFFICULTY, q)


def explanation_key(q: Question, lang: str) -> Iterator[Raw]:
    options, keys = _options(q)
    if not options or q.explanation is None:
        return
    explained = tx.stems(tx.content_words(q.explanation.get(lang)))
    wanted: list[str] = []
    for o in options:
        if o.id not in keys:
            continue
        words = tx.content_words(o.text.get(lang))
        if not words or tx.stems(words) & explained:
            return  # a key without words to look for, or one the explanation names
        wanted.append(o.text.get(lang))
    if wanted:
        yield Raw(Rule.EXPLANATION_KEY, q, {"words": wanted})


def translations(q: Question, lang: str) -> Iterator[Raw]:
    """Numbers, article references and asked-for counts the languages disagree on
    (each rule at most once a question: the first field that disagrees)."""
    others = sorted(q.text.languages() - {lang})
    found: set[Rule] = set()
    digits = any(tx.has_digits(t) for t in _everything(q).values())
    fields = list(_texts(q)) if digits else []
    for other in others:
        for name, texts in fields:
            if lang not in texts.values or other not in texts.values:
                continue
            a_articles, a_rest = tx.article_numbers(texts.values[lang])
            b_articles, b_rest = tx.article_numbers(texts.values[other])
            base = {"field": name, "language": lang, "other_language": other}
            if a_articles != b_articles and Rule.TRANSLATION_ARTICLES not in found:
                found.add(Rule.TRANSLATION_ARTICLES)
                yield Raw(
                    Rule.TRANSLATION_ARTICLES,
                    q,
                    base | {"numbers": _sorted(a_articles), "other_numbers": _sorted(b_articles)},
                )
            a_numbers, b_numbers = tx.numbers(a_rest), tx.numbers(b_rest)
            if a_numbers != b_numbers and Rule.TRANSLATION_NUMBERS not in found:
                found.add(Rule.TRANSLATION_NUMBERS)
                yield Raw(
                    Rule.TRANSLATION_NUMBERS,
                    q,
                    base | {"numbers": _sorted(a_numbers), "other_numbers": _sorted(b_numbers)},
                )
        if isinstance(q, MultipleResponse | SingleChoice) and Rule.TRANSLATION_COUNT not in found:
            a_count = tx.count_words(q.text.get(lang), lang)
            b_count = tx.count_words(q.text.get(other), other)
            if a_count != b_count:
                found.add(Rule.TRANSLATION_COUNT)
                yield Raw(
                    Rule.TRANSLATION_COUNT,
                    q,
                    {
                        "language": lang,
                        "other_language": other,
                        "numbers": sorted(a_count),
                        "other_numbers": sorted(b_count),
                    },
                )


def _sorted(values: set[str]) -> list[str]:
    return sorted(values, key=lambda v: (float(v), v))


ITEM_CHECKS: tuple[Callable[[Question, str], Iterator[Raw]], ...] = (
    key_longest,
    all_none_above,
    stem_clue,
    absolute_words,
    negative_stem,
    year_bound,
    no_difficulty,
    explanation_key,
    translations,
)


# -- over the bank -----------------------------------------------------------------------------
def key_is_longest(q: SingleChoice, lang: str) -> bool:
    """The key is at least as long as every other option (a tie counts: it gives no clue
    only when another option is longer)."""
    key = len(q.option(q.key).text.get(lang))
    return key >= max(len(o.text.get(lang)) for o in q.options if o.id != q.key)


def key_is_shortest(q: SingleChoice, lang: str) -> bool:
    """The key is at most as long as every other option (the reverse clue)."""
    key = len(q.option(q.key).text.get(lang))
    return key <= min(len(o.text.get(lang)) for o in q.options if o.id != q.key)


def mr_patterns(items: Iterable[MultipleResponse]) -> Counter[tuple[int, int]]:
    """How many items have each (right options, options) pattern."""
    return Counter((len(q.key), len(q.options)) for q in items)


def key_longest_share(bank: Bank, lang: str) -> Iterator[Raw]:
    items = [
        q
        for q in bank.iter_all_questions()
        if isinstance(q, SingleChoice) and not waived(q, Rule.KEY_LONGEST)
    ]
    if len(items) < MIN_ITEMS_FOR_SHARES:
        return
    longest = sum(key_is_longest(q, lang) for q in items)
    share = longest / len(items)
    if share > KEY_LONGEST_SHARE:
        chance = sum(1 / len(q.options) for q in items) / len(items)
        yield Raw(
            Rule.KEY_LONGEST_SHARE, None, {"share": share, "count": len(items), "chance": chance}
        )


def key_position(bank: Bank, lang: str) -> Iterator[Raw]:
    unshuffled: set[str] = set()
    for module in bank.modules:
        if not module.shuffle:
            unshuffled.update(q.id for q in bank.pool(module))
    items: list[SingleChoice] = []
    for top in bank.questions:
        for q in (top, *top.parts) if isinstance(top, Scenario) else (top,):
            if isinstance(q, SingleChoice) and (top.id in unshuffled or q.option(q.key).fixed):
                items.append(q)
    if len(items) < MIN_ITEMS_FOR_SHARES:
        return
    positions = Counter([o.id for o in q.options].index(q.key) + 1 for q in items)
    position, count = positions.most_common(1)[0]
    share = count / len(items)
    if share > KEY_POSITION_SHARE:
        yield Raw(
            Rule.KEY_POSITION, None, {"share": share, "count": len(items), "position": position}
        )


def mr_pattern(bank: Bank, lang: str) -> Iterator[Raw]:
    items = [q for q in bank.iter_all_questions() if isinstance(q, MultipleResponse)]
    if len(items) < MIN_ITEMS_FOR_SHARES:
        return
    patterns = mr_patterns(items)
    (right, options), count = patterns.most_common(1)[0]
    share = count / len(items)
    if share > MR_PATTERN_SHARE:
        yield Raw(
            Rule.MR_PATTERN,
            None,
            {"share": share, "count": len(items), "right": right, "options": options},
        )


BANK_CHECKS: tuple[Callable[[Bank, str], Iterator[Raw]], ...] = (
    key_longest_share,
    key_position,
    mr_pattern,
)


def check_bank(bank: Bank) -> list[Raw]:
    """Every static finding of one bank (waivers not yet applied)."""
    lang = review_language(bank)
    out: list[Raw] = []
    for check in BANK_CHECKS:
        out += check(bank, lang)
    for q in bank.iter_all_questions():
        for item_check in ITEM_CHECKS:
            out += item_check(q, lang)
    _LAST[:] = [None, {}]  # keep no question alive after the review
    return out


def duplicate_text(q: Question, lang: str) -> str:
    """What near-duplicates are measured on: the stem and the options, items or prompts."""
    parts = [q.text.get(lang)]
    options, _ = _options(q)
    parts += [o.text.get(lang) for o in options]
    if isinstance(q, Ordering):
        parts += [i.text.get(lang) for i in q.items]
    if isinstance(q, Matching):
        parts += [p.text.get(lang) for p in q.prompts]
    # The same as normalising the texts joined, reusing the words the checks already split.
    return " ".join(w for part in parts for w in tx.words(part))
