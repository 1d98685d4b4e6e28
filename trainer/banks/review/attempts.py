"""The item-analysis flags of a bank's questions, from its modules' finished exams.

The statistics are those of ``trainer.results.analysis``; only the thresholds
that make a flag worth a trainer's attention live here.
"""

from __future__ import annotations

from collections.abc import Iterable

from trainer.banks.model import Bank, Question
from trainer.banks.review.checks import Raw
from trainer.banks.review.rules import Rule
from trainer.results.analysis import MIN_ATTEMPTS, ItemFlag, ModuleAnalysis

EASY_ABOVE = 0.95  # stricter than the analysis screen's "easy" hint: a flag, not a hint
HARD_BELOW = 0.2


def attempt_findings(bank: Bank, analyses: Iterable[ModuleAnalysis]) -> list[Raw]:
    """Flags of the bank's questions answered at least ``MIN_ATTEMPTS`` times in a module."""
    questions: dict[str, Question] = {q.id: q for q in bank.iter_all_questions()}
    out: list[Raw] = []
    for analysis in analyses:
        for item in analysis.items:
            q = questions.get(item.question_id)
            if q is None or item.n < MIN_ATTEMPTS:
                continue
            base = {"module": analysis.module_id, "attempts": item.n}
            if item.facility > EASY_ABOVE:
                out.append(Raw(Rule.ATTEMPTS_EASY, q, base | {"facility": item.facility}))
            if item.facility < HARD_BELOW:
                out.append(Raw(Rule.ATTEMPTS_HARD, q, base | {"facility": item.facility}))
            if ItemFlag.NEGATIVE_DISCRIMINATION in item.flags:
                out.append(Raw(Rule.ATTEMPTS_NEGATIVE, q, base))
            for d in item.distractors:
                if not d.correct and d.count == 0:
                    out.append(
                        Raw(Rule.ATTEMPTS_UNUSED, q, base | {"option": d.key, "text": d.label})
                    )
    return out
