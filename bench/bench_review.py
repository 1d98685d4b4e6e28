"""Reviewing a 10,000-question library, next to the plain load of the same banks.

The library is generated (``generated_library``): four banks of 2,500 questions
of every kind (a scenario with three parts every 25 questions), in English and
French, with words drawn at random, by their frequency, from the vocabulary of
the shipped banks; stems of 12-35 words, options of 3-12 words, explanations of
15-30 words, as trainers write them. One question in a hundred is a copy of an
earlier one with one word changed, so the near-duplicate search has pairs to
find. The same seed gives the same library.

``python -m bench review`` prints the review time (every check, near-duplicates
across the four banks included, on the loaded banks) against the plain load of
the same four files, both measured in this run; and the review of a bank of alike
questions (``bench_banks.generated_bank``: one template, every pair above the bar) at
two sizes, whose ratio shows how it grows (2: linear).
"""

from __future__ import annotations

import json
import random
import re
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from trainer.banks.catalog import bank_files
from trainer.banks.loader import load_bank
from trainer.banks.model import Bank
from trainer.banks.review import text
from trainer.banks.review.engine import review_banks
from trainer.paths import shipped_banks_dir

TARGET_SECONDS = 2.0
BANKS = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _vocabulary(lang: str) -> tuple[list[str], list[int]]:
    """The words of the shipped banks in ``lang`` with their counts (a fixed list if none)."""
    counts: Counter[str] = Counter()
    for path in bank_files(shipped_banks_dir()):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(rf"^\s*{lang}:\s*(.+)$", text, re.MULTILINE):
            counts.update(w.lower() for w in _WORD.findall(m.group(1)))
    if len(counts) < 200:
        counts = Counter({f"{lang}word{i}": 1 + 1000 // (i + 1) for i in range(3000)})
    words = sorted(counts)
    return words, [counts[w] for w in words]


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocab = {lang: _vocabulary(lang) for lang in ("en", "fr")}

    def words(self, lang: str, low: int, high: int) -> str:
        words, weights = self.vocab[lang]
        n = self.rng.randint(low, high)
        return " ".join(self.rng.choices(words, weights, k=n)).capitalize()

    def text(self, low: int, high: int, end: str = ".") -> dict[str, str]:
        return {lang: self.words(lang, low, high) + end for lang in ("en", "fr")}


def _q(w: _Writer, qid: str, kind: str, index: int) -> dict[str, Any]:
    rng = w.rng
    q: dict[str, Any] = {
        "id": qid,
        "kind": kind,
        "topic": ("indicators", "referral", "legal_standards")[index % 3],
        "difficulty": 1 + index % 3,
        "text": w.text(12, 35, "?"),
        "explanation": w.text(15, 30),
        "source": {"id": "palermo", "locator": f"Art. {1 + index % 20}"},
    }
    if kind in ("single_choice", "multiple_response"):
        count = 4 if kind == "single_choice" else 5
        q["options"] = [{"id": c, "text": w.text(3, 12, "")} for c in "abcde"[:count]]
        if kind == "single_choice":
            q["key"] = rng.choice("abcd")
        else:
            q["key"] = sorted(rng.sample("abcde", rng.randint(1, 4)))
    elif kind == "true_false":
        q["key"] = rng.random() < 0.5
    elif kind == "ordering":
        q["items"] = [{"id": f"s{i}", "text": w.text(3, 10, "")} for i in range(4)]
    elif kind == "matching":
        q["choices"] = [{"id": f"c{i}", "text": w.text(2, 6, "")} for i in range(4)]
        q["prompts"] = [
            {"id": f"p{i}", "text": w.text(4, 10, ""), "match": f"c{i}"} for i in range(3)
        ]
    return q


def _near_copy(w: _Writer, q: dict[str, Any], qid: str) -> dict[str, Any]:
    copy: dict[str, Any] = json.loads(json.dumps(q))
    copy["id"] = qid
    words = copy["text"]["en"].split()
    words[w.rng.randrange(len(words))] = w.words("en", 1, 1).lower()
    copy["text"]["en"] = " ".join(words)
    return copy


KINDS = ("single_choice", "multiple_response", "true_false", "ordering", "matching")


def generated_library(folder: Path, questions: int = 10_000, seed: int = 14) -> list[Path]:
    """Write ``BANKS`` bank files holding ``questions`` questions in all (parts included)."""
    rng = random.Random(seed)
    w = _Writer(rng)
    per_bank = questions // BANKS
    paths: list[Path] = []
    made: list[dict[str, Any]] = []
    for b in range(BANKS):
        items: list[dict[str, Any]] = []
        count = 0
        index = 0
        while count < per_bank:
            qid = f"b{b}-q{index}"
            if made and rng.random() < 0.01:
                q = _near_copy(w, rng.choice(made), qid)  # never a scenario: see below
                count += 1
            elif index % 25 == 24 and per_bank - count >= 4:
                q = _q(w, qid, "single_choice", index)
                del q["options"], q["key"], q["explanation"], q["source"]
                q["kind"] = "scenario"
                q["parts"] = [
                    _q(w, f"{qid}-p{p}", KINDS[(index + p) % 3], index + p) for p in range(3)
                ]
                count += 4
            else:
                q = _q(w, qid, KINDS[index % len(KINDS)], index)
                count += 1
            items.append(q)
            if q["kind"] != "scenario":
                made.append(q)
            index += 1
        bank = {
            "format": 1,
            "id": f"generated-{b}",
            "version": "1.0",
            "languages": ["en", "fr"],
            "title": {"en": f"Generated bank {b}", "fr": f"Banque générée {b}"},
            "audiences": ["police"],
            "topics": ["indicators", "referral", "legal_standards"],
            "sources": [
                {"id": "palermo", "title": {"en": "Palermo Protocol", "fr": "Protocole de Palerme"}}
            ],
            "modules": [{"id": f"m{b}", "title": {"en": "Module", "fr": "Module"}}],
            "questions": items,
        }
        path = folder / f"generated-{b}.yaml"
        # JSON is YAML: the generated text needs no quoting rules of its own.
        path.write_text(json.dumps(bank, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def measure(paths: list[Path], repeat: int = 3) -> tuple[float, float, list[Bank]]:
    """Seconds to review the banks, and to load them (best of ``repeat`` runs each).

    The review's caches of split words are emptied before each run: every run is
    as the first review of a library is.
    """
    loads: list[float] = []
    reviews: list[float] = []
    banks: list[Bank] = []
    for _ in range(repeat):
        start = time.perf_counter()
        banks = [load_bank(p) for p in paths]
        loads.append(time.perf_counter() - start)
        text.words.cache_clear()
        text.content_words.cache_clear()
        start = time.perf_counter()
        review_banks(banks)
        reviews.append(time.perf_counter() - start)
    return min(reviews), min(loads), banks


def alike_slope(tmp: Path, questions: int) -> dict[str, Any]:
    """The review of a bank of alike questions (one template: every pair is a near
    duplicate) at twice ``questions`` against ``questions``: 2 is linear, 4 quadratic."""
    from bench.bench_banks import generated_bank

    seconds = []
    for n in (questions, 2 * questions):
        bank = load_bank(generated_bank(tmp / f"alike-{n}.yaml", n))
        text.words.cache_clear()
        text.content_words.cache_clear()
        start = time.perf_counter()
        review_banks([bank])
        seconds.append(time.perf_counter() - start)
    return {
        "name": f"review {2 * questions:,} alike questions vs {questions:,}",
        "value": seconds[1],
        "unit": "s",
        "baseline": seconds[0],
        "ratio": seconds[1] / seconds[0],
        "target": "<= 2.5",
    }


def run(questions: int = 10_000, alike: int = 2_000) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = generated_library(Path(tmp), questions)
        review, load, banks = measure(paths)
        slope = alike_slope(Path(tmp), alike)
    items = sum(1 for b in banks for _ in b.iter_all_questions())
    return [
        {
            "name": f"review library of {items:,} questions ({len(paths)} banks)",
            "value": review,
            "unit": "s",
            "baseline": load,
            "ratio": review / load,
            "target": f"< {TARGET_SECONDS:g} s",
        },
        slope,
    ]
