"""The shipped curriculum: valid, complete in both languages, sourced, and able to fill every exam."""

from __future__ import annotations

from collections import Counter

import pytest

from trainer.banks.catalog import bank_files, load_catalog
from trainer.banks.loader import load_bank
from trainer.banks.model import Audience, Bank, Kind, Question, Scenario, Topic
from trainer.paths import shipped_banks_dir
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response, grade
from trainer.quiz.session import QuizSession

MIN_PER_MODULE = 30
TRACKS = {
    Audience.POLICE: "police",
    Audience.PROSECUTORS: "prosecutors",
    Audience.JUDGES: "judges",
}
FILES = bank_files(shipped_banks_dir())
BANKS = [load_bank(path) for path in FILES]


def _texts(q: Question) -> list[str]:
    """Every text a trainee may see for this question (all languages)."""
    from trainer.banks.model import Matching, MultipleResponse, Ordering, SingleChoice, TrueFalse

    texts = [q.text, q.explanation]
    if isinstance(q, (SingleChoice, MultipleResponse)):
        for o in q.options:
            texts += [o.text, o.feedback]
    elif isinstance(q, TrueFalse):
        texts += [q.feedback_true, q.feedback_false]
    elif isinstance(q, Ordering):
        texts += [i.text for i in q.items]
    elif isinstance(q, Matching):
        texts += [p.text for p in q.prompts] + [c.text for c in q.choices]
    return [t.values[lang] for t in texts if t is not None for lang in ("en", "fr")]


def test_the_curriculum_is_shipped() -> None:
    catalog = load_catalog([shipped_banks_dir()])
    assert catalog.failures == []
    assert len(catalog.banks) == len(FILES) >= 3
    for audience in TRACKS:
        modules = [m for _b, m in catalog.modules(audience)]
        topics = {t for b, m in catalog.modules(audience) for t in m.pool.topics}
        assert len(modules) >= 3, audience
        assert {Topic.INDICATORS, Topic.REFERRAL, Topic.LEGAL_STANDARDS} <= topics, audience
    total = sum(len(b.questions) for b in catalog.banks)
    assert total >= 300


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_every_module_is_large_and_uses_every_kind(bank: Bank) -> None:
    for module in bank.modules:
        pool = bank.pool(module)
        assert len(pool) >= MIN_PER_MODULE, (module.id, len(pool))
        kinds = Counter(q.kind for q in pool)
        assert set(kinds) == set(Kind), (module.id, kinds)
        assert 50 <= module.pass_mark <= 100 and module.training_hours > 0
        assert module.time_limit_minutes > 0


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_three_scenarios_per_audience(bank: Bank) -> None:
    assert sum(isinstance(q, Scenario) for q in bank.questions) >= 3


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_both_languages_explanation_and_source_everywhere(bank: Bank) -> None:
    assert set(bank.languages) >= {"en", "fr"}
    for q in bank.iter_all_questions():
        if isinstance(q, Scenario):
            assert q.text.values.get("en") and q.text.values.get("fr"), q.id
            continue
        assert q.explanation is not None, q.id
        assert q.source is not None and q.source.source_id in bank.sources, q.id
        assert q.source.locator.strip(), q.id
        for text in _texts(q):
            assert text.strip(), q.id
        # a French text that is only the English one copied is not a translation
        assert q.text.values["en"] != q.text.values["fr"], q.id


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_no_duplicate_question_texts(bank: Bank) -> None:
    for lang in ("en", "fr"):
        seen = Counter(" ".join(q.text.values[lang].split()).lower() for q in bank.questions)
        duplicates = [t for t, n in seen.items() if n > 1]
        assert duplicates == [], (lang, duplicates[:3])


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_every_module_draws_a_full_exam_that_can_be_passed(bank: Bank) -> None:
    for module in bank.modules:
        for seed in range(5):
            session = QuizSession.start(
                bank, module, Behaviour.EXAM, trainee_id=1, language="fr", seed=seed
            )
            expected = sum(r.count for r in module.draw) or len(bank.pool(module))
            assert len(session.slots) == expected
            for slot in session.slots:
                assert grade(slot.question, correct_response(slot.question)).fraction == 1.0
                session.answer(slot.index, correct_response(slot.question))
            assert session.finish().percent == 100.0


def test_question_ids_are_unique_across_the_curriculum() -> None:
    ids = Counter(q.id for b in BANKS for q in b.iter_all_questions())
    assert [i for i, n in ids.items() if n > 1] == []


def test_no_answer_keyed_on_child_penalty_figures() -> None:
    """Law 1/28's child-victim penalties are unverified: no question may teach them."""
    for bank in BANKS:
        for q in bank.iter_all_questions():
            if q.source and q.source.source_id == "burundi-law-1-28":
                assert "19" not in q.source.locator.replace("2019", ""), q.id


def test_a_common_core_module_for_everyone() -> None:
    catalog = load_catalog([shipped_banks_dir()])
    common = [m for _b, m in catalog.modules() if set(m.audiences) == set(Audience)]
    assert common, "no module is shared by police, prosecutors and judges"
    bank = catalog.bank("core")
    tags = {t for q in bank.questions for t in q.tags}
    assert {"children", "consent", "smuggling", "non-punishment"} <= tags
