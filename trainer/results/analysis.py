"""Item analysis of a module's exam questions: which questions work and which do not (no Qt).

Definitions (docs/coordinator.md explains them for coordinators):

- the data are the finished exam attempts of one module; an item is a question id;
  an attempt's item score is the fraction of the question's marks earned (0 to 1)
  and its total is its score divided by its maximum score;
- facility: the mean item score of the attempts that answered the item;
- discrimination (upper–lower 27%): attempts are ranked by total (ties by the
  order they were recorded); the upper and lower groups are the top and bottom
  27% (rounded, at least one attempt each); the index is the item's mean score
  in the upper group less its mean in the lower group;
- point-biserial: Pearson's correlation between the item score and the total
  over the attempts that answered the item (for right/wrong items this is the
  point-biserial coefficient);
- reliability: Cronbach's alpha (equal to KR-20 when every item is scored right
  or wrong) on the largest group of attempts that answered the same set of
  questions, because questions drawn at random differ from one trainee to the next.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from trainer.banks.model import Question
from trainer.banks.serialize import question_from_data
from trainer.quiz import kinds
from trainer.quiz.kinds import typed_credit
from trainer.results.source import Source, reads
from trainer.storage.results import AnswerSet, ExamTotal, ResponseSums

MIN_ATTEMPTS = 30
GROUP_SHARE = 0.27
EASY_ABOVE = 0.9
HARD_BELOW = 0.2
HISTOGRAM_BINS = 10
# How many of the most frequent typed answers item analysis lists per question.
TOP_TYPED = 10


class ItemFlag(StrEnum):
    NEGATIVE_DISCRIMINATION = "negative_discrimination"
    TOO_EASY = "too_easy"
    TOO_HARD = "too_hard"


@dataclass(frozen=True)
class Distractor:
    """How often one answer was chosen (an option id, or 'true'/'false')."""

    key: str
    label: str
    count: int
    correct: bool
    typed: bool = False  # an answer typed by trainees (short answer, numerical)


@dataclass(frozen=True)
class ItemStats:
    question_id: str
    n: int
    facility: float
    discrimination: float | None
    point_biserial: float | None
    flags: frozenset[ItemFlag]
    kind: str = ""
    text: str = ""
    distractors: tuple[Distractor, ...] = ()
    unanswered: int = 0


@dataclass(frozen=True)
class Reliability:
    alpha: float | None
    kr20: float | None  # only when every item is scored right or wrong
    items: int
    attempts: int


@dataclass(frozen=True)
class ModuleAnalysis:
    module_id: str
    title: dict[str, str]
    attempts: int
    mean_percent: float | None
    items: list[ItemStats]
    reliability: Reliability
    histogram: list[int] = field(default_factory=lambda: [0] * HISTOGRAM_BINS)

    @property
    def too_few_attempts(self) -> bool:
        return self.attempts < MIN_ATTEMPTS

    @property
    def flagged(self) -> list[ItemStats]:
        return [i for i in self.items if i.flags]


# -- statistics on a response matrix (pure) ------------------------------------------
def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _pvariance(values: Sequence[float]) -> float:
    m = _mean(values)
    return sum((v - m) ** 2 for v in values) / len(values)


def group_size(n: int) -> int:
    return max(1, round(GROUP_SHARE * n)) if n else 0


def item_statistics(
    scores: Mapping[int, Mapping[str, float]], totals: Mapping[int, float]
) -> list[ItemStats]:
    """Facility, discrimination and point-biserial of every item.

    ``scores`` maps an attempt to its item scores; ``totals`` maps it to its total.
    Attempts are ranked by total, ties by attempt key (ascending).
    """
    ranked = sorted(scores, key=lambda a: (-totals[a], a))
    g = group_size(len(ranked))
    upper = set(ranked[:g])
    lower = set(ranked[len(ranked) - g :]) if g else set()
    by_item: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for attempt, items in scores.items():
        for qid, value in items.items():
            by_item[qid].append((attempt, value))
    out: list[ItemStats] = []
    for qid in sorted(by_item):
        n = 0
        sx = sy = sxx = syy = sxy = up_sum = low_sum = 0.0
        up_n = low_n = 0
        for attempt, v in by_item[qid]:
            t = totals[attempt]
            n += 1
            sx += v
            sy += t
            sxx += v * v
            syy += t * t
            sxy += v * t
            if attempt in upper:
                up_sum += v
                up_n += 1
            if attempt in lower:
                low_sum += v
                low_n += 1
        out.append(_from_sums(qid, n, sx, sy, sxx, syy, sxy, up_sum, up_n, low_sum, low_n))
    return out


def _from_sums(
    qid: str,
    n: int,
    sx: float,
    sy: float,
    sxx: float,
    syy: float,
    sxy: float,
    up_sum: float,
    up_n: int,
    low_sum: float,
    low_n: int,
) -> ItemStats:
    """An item's statistics from its sums (x: item score, y: attempt total)."""
    facility = sx / n
    disc = up_sum / up_n - low_sum / low_n if up_n and low_n else None
    vx = n * sxx - sx * sx
    vy = n * syy - sy * sy
    rpb = (
        (n * sxy - sx * sy) / math.sqrt(vx * vy)
        if n >= 2 and vx > 1e-9 * n * n and vy > 1e-12
        else None
    )
    flags: set[ItemFlag] = set()
    if (disc is not None and disc < -1e-9) or (rpb is not None and rpb < -1e-9):
        flags.add(ItemFlag.NEGATIVE_DISCRIMINATION)
    if facility > EASY_ABOVE:
        flags.add(ItemFlag.TOO_EASY)
    if facility < HARD_BELOW:
        flags.add(ItemFlag.TOO_HARD)
    return ItemStats(qid, n, facility, disc, rpb, frozenset(flags))


def _largest_group(groups: Mapping[frozenset[str], list[int]]) -> tuple[frozenset[str], list[int]]:
    """The question set answered by the most attempts (ties: more questions, earliest attempt)."""
    return max(groups.items(), key=lambda kv: (len(kv[1]), len(kv[0]), -min(kv[1])))


def reliability(scores: Mapping[int, Mapping[str, float]]) -> Reliability:
    """Cronbach's alpha (and KR-20) on the largest group sharing one set of questions."""
    groups: dict[frozenset[str], list[int]] = defaultdict(list)
    for attempt, items in scores.items():
        groups[frozenset(items)].append(attempt)
    if not groups:
        return Reliability(None, None, 0, 0)
    qset, members = _largest_group(groups)
    k = len(qset)
    if k < 2 or len(members) < 2:
        return Reliability(None, None, k, len(members))
    item_ids = sorted(qset)
    matrix = [[scores[a][q] for q in item_ids] for a in members]
    totals = [sum(row) for row in matrix]
    var_total = _pvariance(totals)
    if var_total <= 1e-12:
        return Reliability(None, None, k, len(members))
    var_items = sum(_pvariance([row[j] for row in matrix]) for j in range(k))
    alpha = k / (k - 1) * (1 - var_items / var_total)
    dichotomous = all(v in (0.0, 1.0) for row in matrix for v in row)
    return Reliability(alpha, alpha if dichotomous else None, k, len(members))


def histogram(percents: Sequence[float], bins: int = HISTOGRAM_BINS) -> list[int]:
    """Counts of totals in equal bands of the 0-100 scale (100 falls in the last band)."""
    counts = [0] * bins
    width = 100 / bins
    for p in percents:
        counts[min(bins - 1, max(0, int(p // width)))] += 1
    return counts


# -- reading a module's attempts ---------------------------------------------------------
def _choices(kind: str, response: str | None) -> list[str] | None:
    """The answer keys a response chose (None: unanswered; [] for kinds without options)."""
    if response is None:
        return None
    try:
        data = json.loads(response)
    except ValueError:
        return []
    return kinds.chosen_keys(kind, data)


def _options(question: Question, lang: str) -> list[tuple[str, str, bool]]:
    return kinds.distractors(question, lang)


class AnswerSource(Protocol):
    """What the item analysis reads: the exam totals, the answers summed per (question,
    response) by the database itself (SQLite from covering indexes, PostgreSQL on the
    server), and the questions as shown. Python sees one row per attempt and one per
    response given, never one per answer."""

    def large_reads(self) -> None: ...

    def exam_totals(self, module_id: str) -> list[ExamTotal]: ...

    def item_attempts(
        self, attempts: Sequence[tuple[int, float, bool, bool]]
    ) -> AbstractContextManager[None]: ...

    def answer_sets(self) -> list[AnswerSet]: ...

    def choose_group(self, attempt_ids: Sequence[int], question_ids: Sequence[str]) -> None: ...

    def response_sums(self) -> list[ResponseSums]: ...

    def latest_snapshot(self, question_id: str) -> str | None: ...


@dataclass
class _Sums:
    """Per question: the ten sums of ``_from_sums``, its kind, the answers chosen, how
    many left it unanswered; and the reliability."""

    sums: dict[str, list[float]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    chosen: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    unanswered: Counter[str] = field(default_factory=Counter)
    reliability: Reliability = field(default_factory=lambda: Reliability(None, None, 0, 0))

    def add(self, qid: str, kind: str, response: str | None, values: Sequence[float]) -> None:
        total = self.sums.setdefault(qid, [0.0] * 10)
        for i, value in enumerate(values):
            total[i] += value
        self.kinds[qid] = kind
        count = int(values[0])
        keys = _choices(kind, response)
        if keys is None:
            self.unanswered[qid] += count
        for choice in keys or ():
            self.chosen[qid][choice] += count


def analyse_module(source: Source, module_id: str, lang: str = "en") -> ModuleAnalysis:
    """Item analysis of a module over its finished exam attempts (this workstation's
    database, or the central reports)."""
    return analyse_source(reads(source), module_id, lang)


def analyse_source(repo: AnswerSource, module_id: str, lang: str = "en") -> ModuleAnalysis:
    """Item analysis of a module over the finished exam attempts ``repo`` holds."""
    repo.large_reads()
    attempt_rows = repo.exam_totals(module_id)
    totals: dict[int, float] = {}
    percents: list[float] = []
    title: dict[str, str] = {}
    for r in attempt_rows:
        max_score = r.max_score or 0.0
        totals[r.attempt_id] = (r.score or 0.0) / max_score if max_score else 0.0
        percents.append(r.percent if r.percent is not None else totals[r.attempt_id] * 100)
    if attempt_rows:
        try:
            title = json.loads(attempt_rows[-1].module_title)
        except ValueError:
            title = {}
    ranked = sorted(totals, key=lambda a: (-totals[a], a))
    g = group_size(len(ranked))
    upper, lower = set(ranked[:g]), set(ranked[len(ranked) - g :] if g else [])
    found = _summed(repo, totals, upper, lower)
    sums, kinds, chosen, unanswered = found.sums, found.kinds, found.chosen, found.unanswered
    stats = [
        _from_sums(
            qid,
            int(v[0]),
            v[1],
            v[2],
            v[3],
            v[4],
            v[5],
            v[6],
            int(v[7]),
            v[8],
            int(v[9]),
        )
        for qid, v in sorted(sums.items())
    ]
    questions = _questions(repo, sums)
    items = [_describe_item(s, kinds, questions, chosen, unanswered, lang) for s in stats]
    return ModuleAnalysis(
        module_id=module_id,
        title={str(k): str(v) for k, v in title.items()} if isinstance(title, dict) else {},
        attempts=len(totals),
        mean_percent=_mean(percents) if percents else None,
        items=items,
        reliability=found.reliability,
        histogram=histogram(percents),
    )


def _summed(
    repo: AnswerSource, totals: Mapping[int, float], upper: set[int], lower: set[int]
) -> _Sums:
    """The database sums the answers per (question, response); Python sees one row per
    attempt and one per response given, not one per answer."""
    out = _Sums()
    group: dict[str, list[float]] = {}  # per question: n, sum, sum of squares (reliability)
    with repo.item_attempts([(a, t, a in upper, a in lower) for a, t in totals.items()]):
        answer_sets = repo.answer_sets()
        members, question_ids = _reliability_group(answer_sets)
        repo.choose_group(members, question_ids)
        for r in repo.response_sums():
            out.add(
                r.question_id,
                r.kind,
                r.response,
                (
                    r.n,
                    r.sx,
                    r.st,
                    r.sxx,
                    r.stt,
                    r.sxt,
                    r.upper_sx,
                    r.upper_n,
                    r.lower_sx,
                    r.lower_n,
                ),
            )
            in_group = group.setdefault(r.question_id, [0.0, 0.0, 0.0])
            in_group[0] += r.group_n
            in_group[1] += r.group_sx
            in_group[2] += r.group_sxx
    out.reliability = _group_reliability(answer_sets, set(members), group)
    return out


def _reliability_group(answer_sets: Sequence[AnswerSet]) -> tuple[list[int], list[str]]:
    """The attempts of the largest group that answered the same set of questions (the
    reliability is computed on them), and every question answered.

    Each set comes as one string, its question ids in order (``answer_sets``): equal sets
    are equal strings, so they are grouped without making a set of each."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for a in answer_sets:
        by_key[a.question_ids].append(a.attempt_id)
    every: set[str] = set()
    for key in by_key:
        every.update(key.split("\x1f"))
    if not by_key:
        return [], []
    # as _largest_group: most attempts, then most questions, then the earliest attempt
    _, chosen = max(
        by_key.items(), key=lambda kv: (len(kv[1]), kv[0].count("\x1f") + 1, -min(kv[1]))
    )
    return chosen, sorted(every)


def _group_reliability(
    answer_sets: Sequence[AnswerSet],
    members: set[int],
    group: Mapping[str, Sequence[float]],
) -> Reliability:
    """Cronbach's alpha (and KR-20) from sums: the members' totals, and each question's
    item-score sum and sum of squares over the members."""
    rows = [a for a in answer_sets if a.attempt_id in members]
    items = [v for v in group.values() if v[0]]
    k, n = len(items), len(rows)
    if not rows:
        return Reliability(None, None, 0, 0)
    if k < 2 or n < 2:
        return Reliability(None, None, k, n)
    var_total = _pvariance([a.score_sum for a in rows])
    if var_total <= 1e-12:
        return Reliability(None, None, k, n)
    var_items = sum(max(0.0, sxx / count - (sx / count) ** 2) for count, sx, sxx in items)
    alpha = k / (k - 1) * (1 - var_items / var_total)
    dichotomous = not any(a.partial for a in rows)
    return Reliability(alpha, alpha if dichotomous else None, k, n)


def _questions(repo: AnswerSource, question_ids: Iterable[str]) -> dict[str, Question]:
    """Each question as most recently shown (for its text and options)."""
    out: dict[str, Question] = {}
    for qid in question_ids:
        snapshot = repo.latest_snapshot(qid)
        try:
            out[qid] = question_from_data(json.loads(snapshot)["question"])  # type: ignore[arg-type]
        except (ValueError, KeyError, TypeError):
            continue
    return out


def _describe_item(
    s: ItemStats,
    kinds: Mapping[str, str],
    questions: Mapping[str, Question],
    chosen: Mapping[str, Counter[str]],
    unanswered: Mapping[str, int],
    lang: str,
) -> ItemStats:
    question = questions.get(s.question_id)
    counts = chosen.get(s.question_id, Counter())
    distractors: list[Distractor] = []
    if question is not None:
        for key, label, correct in _options(question, lang):
            distractors.append(Distractor(key, label, counts.get(key, 0), correct))
        # A typed answer is its own key: the most frequent ones, right or wrong.
        listed = {d.key for d in distractors}
        ranked = sorted(counts.items(), key=lambda kn: (-kn[1], kn[0]))
        typed = [(k, n) for k, n in ranked if k not in listed][:TOP_TYPED]
        for key, count in typed:
            credit = typed_credit(question, key)
            if credit is not None:
                distractors.append(Distractor(key, key, count, credit >= 1.0, typed=True))
    text = question.text.get(lang) if question is not None else ""
    return ItemStats(
        question_id=s.question_id,
        n=s.n,
        facility=s.facility,
        discrimination=s.discrimination,
        point_biserial=s.point_biserial,
        flags=s.flags,
        kind=kinds.get(s.question_id, ""),
        text=text,
        distractors=tuple(distractors),
        unanswered=unanswered.get(s.question_id, 0),
    )


ITEM_CSV_COLUMNS = (
    "question_id",
    "kind",
    "text",
    "answered_by",
    "facility",
    "discrimination_27",
    "point_biserial",
    "flags",
    "distractors",
    "unanswered",
)


def item_rows(analysis: ModuleAnalysis) -> list[list[Any]]:
    """The items as rows under ITEM_CSV_COLUMNS (for the CSV export)."""
    rows: list[list[Any]] = []
    for i in analysis.items:
        rows.append(
            [
                i.question_id,
                i.kind,
                i.text,
                i.n,
                round(i.facility, 4),
                None if i.discrimination is None else round(i.discrimination, 4),
                None if i.point_biserial is None else round(i.point_biserial, 4),
                " ".join(sorted(f.value for f in i.flags)),
                "; ".join(f"{d.key}{'*' if d.correct else ''}={d.count}" for d in i.distractors),
                i.unanswered,
            ]
        )
    return rows
