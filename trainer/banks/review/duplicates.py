"""Near-duplicate questions among thousands, without comparing every pair.

Similarity is difflib's ``SequenceMatcher(None, a, b, autojunk=False).ratio()``
on normalised text (``a`` the earlier text). Measuring all pairs of 10,000
questions means 50 million comparisons of a few milliseconds each; instead:

1. **Candidates from an inverted index of rare word pairs.** Each text is a
   set of distinct word pairs (two words in a row), ranked by how many texts
   use them (rarest first). Two texts that share at least half the pairs of
   the one with more pairs also share a pair among the rarest
   ``n - ceil(n / 2) + 1`` of each (the prefix-filtering principle), so only
   those prefixes are indexed and probed. Texts that are 85% the same share
   far more (in the shipped banks, 0.68 and more; no two questions sharing
   less than half their pairs come above 0.77). Short texts (fewer than 12
   words) lose a larger share of pairs to one changed word, so they, and the
   texts long enough to match them, go through a second pass whose tokens are
   words and word pairs and whose bar is a third (one word changed in a text
   of two words or more keeps a third of them). A pair that changed most of
   its words (a spelling change inside each) would not be proposed.
2. **Bounds before the measure**, each at least as large as ``ratio``:
   the lengths (``2 * min / (len a + len b)``, difflib's ``real_quick_ratio``),
   then ``2 * LCS / (len a + len b)`` with the longest common subsequence
   computed bit-parallel: the blocks ``ratio`` counts form a common
   subsequence, so they are never longer than the LCS. This bound is tighter
   than difflib's ``quick_ratio`` (shared characters regardless of order,
   never fewer than the LCS) at about the same cost, so it replaces it.
3. ``ratio`` itself, only for the pairs left.

Steps 2 and 3 are exact; a test checks the whole against a brute-force search.

**Banks of alike questions.** A bank made from a template ("Question number 17: which
statement is right about the case?" two thousand times) has every pair above the
threshold: two million findings nobody reads, and hours of comparisons. So a question
lists at most ``MAX_MATCHES`` earlier near-duplicates (the earliest found), and each
token's posting keeps the first ``POSTING_CAP`` texts holding it (a token shared by
more texts is no longer rare: a text whose rarest tokens are all that common is compared
with the first holders of each). Both bounds make the search near-linear in such banks;
neither is reached in libraries of distinct questions (the brute-force test and the
shipped banks find what they found before).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from itertools import chain, pairwise

from trainer.progress import CancelToken

THRESHOLD = 0.85
SHARED = 0.5  # of the word pairs, in the pass over every text
SHORT_WORDS = 12  # texts of fewer words also go through a pass with words as tokens
SHARED_SHORT = 1 / 3  # of the words and word pairs, in that pass
MAX_MATCHES = 5  # earlier near-duplicates listed per question
POSTING_CAP = 256  # texts kept per token in the index


def _pairs(text: str) -> set[str]:
    words = text.split()
    return set(map(" ".join, pairwise(words))) or set(words)


def _words_and_pairs(text: str) -> set[str]:
    tokens = _pairs(text)
    tokens.update(text.split())
    return tokens


def _masks(text: str) -> dict[str, int]:
    """Per character, the bit positions where it occurs (for the LCS)."""
    masks: dict[str, int] = {}
    for position, char in enumerate(text):
        masks[char] = masks.get(char, 0) | (1 << position)
    return masks


def lcs_length(masks: dict[str, int], length: int, other: str) -> int:
    """Length of the longest common subsequence (Hyyrö's bit-parallel algorithm)."""
    full = (1 << length) - 1
    v = full
    for char in other:
        u = v & masks.get(char, 0)
        v = ((v + u) | (v - u)) & full
    return length - v.bit_count()


def similar_pairs(
    texts: Sequence[str], threshold: float = THRESHOLD, *, cancel: CancelToken | None = None
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, ratio)`` with ``i < j`` and a ratio of at least ``threshold``.

    ``texts`` are already normalised (see ``text.normalise``); empty texts are skipped.
    A ``cancel`` token set stops the search (``CancelledError``).
    """
    low = threshold / (2 - threshold)  # the shortest length ratio that can still reach it
    everything = [i for i, t in enumerate(texts) if t]
    found = _pass(texts, everything, _pairs, SHARED, threshold, cancel)
    short = [i for i in everything if len(texts[i].split()) < SHORT_WORDS]
    if short:
        longest = max(len(texts[i]) for i in short)
        near = [i for i in everything if len(texts[i]) * low <= longest]
        found |= _pass(texts, near, _words_and_pairs, SHARED_SHORT, threshold, cancel)
    listed: Counter[int] = Counter()
    out = []
    for i, j, ratio in sorted(found, key=lambda p: (p[1], p[0])):  # per question, earliest
        if listed[j] < MAX_MATCHES:
            listed[j] += 1
            out.append((i, j, ratio))
    return sorted(out)


def _pass(
    texts: Sequence[str],
    chosen: Sequence[int],
    tokenise: Callable[[str], set[str]],
    share: float,
    threshold: float,
    cancel: CancelToken | None = None,
) -> set[tuple[int, int, float]]:
    """The similar pairs among ``chosen`` texts (in order), candidates by ``tokenise``."""
    tokens = {i: tokenise(texts[i]) for i in chosen}
    df = Counter(chain.from_iterable(tokens.values()))
    # One global order, rarest first (ties: first seen). A token only one text holds
    # comes first and can propose nobody, so only the others get a rank.
    shared = [w for w in df if df[w] > 1]
    shared.sort(key=df.__getitem__)
    rank = {w: r for r, w in enumerate(shared, start=1)}
    index: dict[int, list[int]] = {}
    pairs: set[tuple[int, int, float]] = set()
    matcher = SequenceMatcher(None, autojunk=False)
    low = threshold / (2 - threshold)
    for i in chosen:
        if cancel is not None:
            cancel.check()
        ws = tokens[i]
        ranks = list(filter(None, map(rank.get, ws)))
        # The prefix: len - ceil(share * len) + 1 tokens, the unshared ones first.
        wanted = len(ws) - math.ceil(share * len(ws)) + 1 - (len(ws) - len(ranks))
        if wanted <= 0:
            continue
        ranks.sort()
        candidates: set[int] = set()
        for token in ranks[:wanted]:
            posting = index.get(token)
            if posting is None:
                index[token] = [i]
            else:
                candidates.update(posting)
                if len(posting) < POSTING_CAP:
                    posting.append(i)
        if not candidates:
            continue
        b = texts[i]
        lb = len(b)
        masks: dict[str, int] | None = None
        seq2 = False
        matches = 0
        for j in sorted(candidates):
            if matches == MAX_MATCHES:
                break
            a = texts[j]
            la = len(a)
            if la < low * lb or lb < low * la:
                continue
            other = tokens[j]
            if len(ws & other) < share * max(len(ws), len(other)):
                continue
            if masks is None:
                masks = _masks(b)
            if 2 * lcs_length(masks, lb, a) < threshold * (la + lb):
                continue
            if not seq2:
                matcher.set_seq2(b)
                seq2 = True
            matcher.set_seq1(a)
            ratio = matcher.ratio()
            if ratio >= threshold:
                pairs.add((j, i, ratio))
                matches += 1
    return pairs
