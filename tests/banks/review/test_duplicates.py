"""The near-duplicate index finds exactly the pairs a brute-force search finds."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest

from trainer.banks.review.duplicates import THRESHOLD, _masks, lcs_length, similar_pairs
from trainer.banks.review.text import normalise

_VOCABULARY = (
    "victim trafficking police child labour recruitment debt bondage passport border "
    "referral shelter judge prosecutor consent exploitation transport harbouring receipt "
    "fraud deception coercion force threat abuse vulnerability payment benefit control "
    "domestic servitude begging forced marriage organ removal interview interpreter "
    "the a of to in for with which what who when should must may under after before "
    "officer station report evidence witness family mother father brother sister village "
    "city province bus truck lake boat farm mine bar hotel market school church hospital "
    "money wage salary loan contract phone message agent broker employer owner driver"
)
WORDS = _VOCABULARY.split()


def _brute_force(texts: list[str]) -> list[tuple[int, int, float]]:
    """Every pair, skipping only those difflib's own upper bounds rule out."""
    out = []
    for i in range(len(texts)):
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq1(texts[i])
        for j in range(i + 1, len(texts)):
            if not texts[i] or not texts[j]:
                continue
            matcher.set_seq2(texts[j])
            if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
                continue
            ratio = matcher.ratio()
            if ratio >= THRESHOLD:
                out.append((i, j, ratio))
    return out


def _library(rng: random.Random, count: int) -> list[str]:
    """Questions of 10-50 words; a third are edited copies of an earlier one."""
    texts: list[str] = []
    for _ in range(count):
        if texts and rng.random() < 0.35:
            words = rng.choice(texts).split()
            for _ in range(rng.randint(0, 6)):  # replace, drop or insert a word
                spot = rng.randrange(len(words))
                action = rng.random()
                if action < 0.4:
                    words[spot] = rng.choice(WORDS)
                elif action < 0.7 and len(words) > 3:
                    del words[spot]
                else:
                    words.insert(spot, rng.choice(WORDS))
            texts.append(normalise(" ".join(words)))
        else:
            n = rng.randint(10, 50)
            texts.append(normalise(" ".join(rng.choices(WORDS, k=n)) + "?"))
    return texts


def test_no_pair_is_missed_against_brute_force() -> None:
    rng = random.Random(14)
    texts = _library(rng, 250)
    expected = _brute_force(texts)
    assert len(expected) > 40  # the test has pairs to find, near the threshold too
    assert any(r < 0.9 for _, _, r in expected)
    assert similar_pairs(texts) == expected


def test_short_and_empty_texts() -> None:
    texts = [
        "consent relevant",
        "consent irrelevant",
        "",
        "a",
        "a",
        "a child cannot consent",
        "a child can consent",
    ]
    expected = _brute_force(texts)
    assert [(i, j) for i, j, _ in expected] == [(0, 1), (3, 4), (5, 6)]
    assert similar_pairs(texts) == expected


def test_bit_parallel_lcs_matches_dynamic_programming() -> None:
    rng = random.Random(3)
    for _ in range(200):
        a = "".join(rng.choices("abc d", k=rng.randint(1, 30)))
        b = "".join(rng.choices("abc d", k=rng.randint(1, 30)))
        table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
        for i, x in enumerate(a):
            for j, y in enumerate(b):
                table[i + 1][j + 1] = (
                    table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
                )
        assert lcs_length(_masks(b), len(b), a) == table[len(a)][len(b)]


def test_a_cancelled_search_stops_and_says_so() -> None:
    import pytest

    from tests.banks.review.factory import bank, sc
    from trainer.banks.review.engine import review_banks
    from trainer.errors import CancelledError
    from trainer.progress import CancelToken

    texts = [normalise(f"Which document proves the age of child number {i}?") for i in range(50)]
    token = CancelToken()
    assert similar_pairs(texts, cancel=token)  # not cancelled: alike texts are paired
    token.cancel()
    with pytest.raises(CancelledError):
        similar_pairs(texts, cancel=token)
    one = bank(sc("a", "Which document proves the age of a child?", ["Birth", "School"]))
    with pytest.raises(CancelledError):
        review_banks([one], token=token)


def _unbounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.banks.review import duplicates

    monkeypatch.setattr(duplicates, "MAX_MATCHES", 10**9)
    monkeypatch.setattr(duplicates, "POSTING_CAP", 10**9)


def test_the_bounds_change_nothing_on_the_shipped_banks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped questions, compared at a low bar so that there are pairs to find, give
    the same pairs with and without the bounds for banks of alike questions."""
    from trainer.banks.catalog import bank_files
    from trainer.banks.loader import load_bank
    from trainer.banks.review.checks import duplicate_text, review_language
    from trainer.paths import shipped_banks_dir

    texts = []
    for path in bank_files(shipped_banks_dir()):
        bank = load_bank(path)
        lang = review_language(bank)
        texts += [duplicate_text(q, lang) for q in bank.iter_all_questions()]
    bounded = similar_pairs(texts, 0.6)
    assert len(bounded) > 20
    _unbounded(monkeypatch)
    assert similar_pairs(texts, 0.6) == bounded
    assert similar_pairs(texts) == []  # and none at the real bar, as before


def test_a_bank_of_alike_questions_costs_a_few_comparisons_per_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A thousand questions from one template: each is listed with its earliest
    near-duplicates (at most MAX_MATCHES), at a cost that grows with the number of
    questions, not with the half million pairs."""
    from trainer.banks.review import duplicates

    calls = [0]

    class Counting(SequenceMatcher):  # type: ignore[type-arg]
        def ratio(self) -> float:
            calls[0] += 1
            return super().ratio()

    monkeypatch.setattr(duplicates, "SequenceMatcher", Counting)
    n = 1_000
    texts = [
        normalise(f"Question number {i}: which statement is right about the case of the child?")
        for i in range(n)
    ]
    found = similar_pairs(texts)
    per_question: dict[int, list[int]] = {}
    for i, j, ratio in found:
        assert i < j and ratio >= THRESHOLD
        per_question.setdefault(j, []).append(i)
    assert sorted(per_question) == list(range(1, n))  # every later one is listed
    assert all(v == list(range(min(j, duplicates.MAX_MATCHES))) for j, v in per_question.items())
    assert calls[0] <= duplicates.MAX_MATCHES * n
