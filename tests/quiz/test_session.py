"""Walkthroughs of the engine: start → answer → check state and mark → finish, per behaviour × kind."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from trainer.banks.model import Bank, DrawRule, Kind, Review, SingleChoice, Topic
from trainer.errors import QuizError
from trainer.quiz import behaviours
from trainer.quiz.behaviours import Behaviour, ReviewOptions
from trainer.quiz.kinds import make_layout
from trainer.quiz.questions import (
    GradeState,
    MatchingAnswer,
    MultipleResponseAnswer,
    ScenarioAnswer,
    SingleChoiceAnswer,
    TrueFalseAnswer,
    correct_response,
)
from trainer.quiz.scoring import SlotScore, compute
from trainer.quiz.session import (
    NullRecorder,
    QuizSession,
    Slot,
    draw_questions,
    ordered_options,
)

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


class ListRecorder(NullRecorder):
    """Remembers every step, like the database does."""

    def __init__(self) -> None:
        self.steps: list[tuple[Any, ...]] = []

    def started(self, session: QuizSession) -> int:
        return 42

    def step(self, session: QuizSession, slot: Slot | None, action: str, **kw: Any) -> None:
        self.steps.append((action, slot.index if slot else None, kw.get("response")))

    def time_spent(self, session: QuizSession, slot: Slot) -> None:
        self.steps.append(("time", slot.index, slot.seconds))

    def finished(self, session: QuizSession, result: Any, at: datetime) -> None:
        self.steps.append(("finish", None, at))


def start(bank: Bank, behaviour: Behaviour, **kw: Any) -> tuple[QuizSession, ListRecorder]:
    recorder = ListRecorder()
    module = kw.pop("module", bank.modules[0])
    session = QuizSession.start(
        bank,
        module,
        behaviour,
        trainee_id=1,
        language="en",
        recorder=recorder,
        seed=kw.pop("seed", 7),
        now=T0,
        **kw,
    )
    return session, recorder


def slot_of(session: QuizSession, kind: Kind) -> Slot:
    return next(s for s in session.slots if s.question.kind is kind)


def whole_pool(bank: Bank) -> Any:
    return dataclasses.replace(bank.modules[0], draw=())


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_practice_walkthrough(sample_bank: Bank, kind: Kind) -> None:
    session, recorder = start(
        sample_bank,
        Behaviour.PRACTICE,
        module=dataclasses.replace(
            sample_bank.modules[0],
            pool=dataclasses.replace(sample_bank.modules[0].pool, topics=frozenset()),
        ),
    )
    slot = slot_of(session, kind)
    assert not session.feedback_visible(slot.index)
    session.answer(slot.index, correct_response(slot.question), now=T0)
    assert slot.answered and not slot.checked
    grade = session.check(slot.index, now=T0)
    assert grade.state is GradeState.RIGHT
    assert session.feedback_visible(slot.index)
    with pytest.raises(QuizError, match="Try again"):
        session.answer(slot.index, None, now=T0)
    session.retry(slot.index, now=T0)
    assert slot.response is None and not slot.checked
    session.answer(slot.index, correct_response(slot.question), now=T0)
    result = session.finish(now=T0 + timedelta(minutes=3))
    assert session.finished
    assert result.slots[slot.index].fraction == 1.0
    actions = [s[0] for s in recorder.steps]
    assert actions[:4] == ["answer", "check", "retry", "answer"]
    assert actions[-1] == "finish"
    assert session.review_options() == ReviewOptions(True, True, True)


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_exam_walkthrough(sample_bank: Bank, kind: Kind) -> None:
    module = dataclasses.replace(
        whole_pool(sample_bank),
        pool=dataclasses.replace(sample_bank.modules[0].pool, topics=frozenset()),
        review=Review.FULL,
    )
    session, _ = start(sample_bank, Behaviour.EXAM, module=module)
    slot = slot_of(session, kind)
    session.answer(slot.index, correct_response(slot.question), now=T0)
    assert slot.answered
    # deferred feedback: nothing is revealed before the end
    assert not session.feedback_visible(slot.index)
    assert session.review_options() == ReviewOptions.nothing()
    with pytest.raises(QuizError, match="only at the end"):
        session.check(slot.index, now=T0)
    with pytest.raises(QuizError, match="cannot be retried"):
        session.retry(slot.index, now=T0)
    result = session.finish(now=T0 + timedelta(minutes=5))
    assert result.slots[slot.index].fraction == 1.0
    assert session.feedback_visible(slot.index)
    assert result.max_score == 9.0  # 7 questions + a scenario of 2 parts
    assert result.score == slot.question.max_mark
    assert not result.passed


def test_exam_draws_per_topic_and_times_the_attempt(sample_bank: Bank) -> None:
    session, _ = start(sample_bank, Behaviour.EXAM)
    topics = [s.question.topic for s in session.slots]
    assert topics.count(Topic.LEGAL_STANDARDS) == 3
    assert topics.count(Topic.REFERRAL) == 1
    assert session.deadline == T0 + timedelta(minutes=20)
    assert session.remaining(T0 + timedelta(minutes=15)) == timedelta(minutes=5)
    assert session.remaining(T0 + timedelta(hours=2)) == timedelta(0)
    assert session.expired(T0 + timedelta(minutes=20))
    assert not session.expired(T0)


def test_answers_after_time_are_refused_and_finish_stops_the_clock(sample_bank: Bank) -> None:
    session, _ = start(sample_bank, Behaviour.EXAM)
    late = T0 + timedelta(minutes=21)
    with pytest.raises(QuizError, match="time for this exam is up"):
        session.answer(0, correct_response(session.slots[0].question), now=late)
    session.finish(now=late)
    assert session.finished_at == session.deadline
    with pytest.raises(QuizError, match="finished"):
        session.answer(0, None, now=late)
    with pytest.raises(QuizError, match="finished"):
        session.flag(0, True, now=late)
    assert session.finish(now=late) is session.result  # finishing twice changes nothing


def test_practice_is_untimed_and_offers_the_whole_pool(sample_bank: Bank) -> None:
    session, _ = start(sample_bank, Behaviour.PRACTICE)
    assert session.deadline is None and session.remaining() is None
    assert not session.expired()
    assert len(session.slots) == len(sample_bank.pool(sample_bank.modules[0]))


def test_same_seed_same_attempt(sample_bank: Bank) -> None:
    a, _ = start(sample_bank, Behaviour.EXAM, seed=123)
    b, _ = start(sample_bank, Behaviour.EXAM, seed=123)
    assert [(s.question.id, s.layout) for s in a.slots] == [
        (s.question.id, s.layout) for s in b.slots
    ]
    seeds = {
        tuple(s.question.id for s in start(sample_bank, Behaviour.EXAM, seed=n)[0].slots)
        for n in range(20)
    }
    assert len(seeds) > 1


def test_flags_unanswered_and_navigation(sample_bank: Bank) -> None:
    session, recorder = start(sample_bank, Behaviour.EXAM)
    session.flag(1, True, now=T0)
    session.flag(1, True, now=T0)  # no change, no step
    assert session.flagged() == [1]
    session.flag(1, False, now=T0)
    assert session.flagged() == []
    session.answer(0, correct_response(session.slots[0].question), now=T0)
    session.answer(0, correct_response(session.slots[0].question), now=T0)  # same: no step
    session.answer(2, None, now=T0)  # no answer: nothing to record
    assert session.unanswered() == [1, 2, 3]
    assert [s[0] for s in recorder.steps] == ["flag", "unflag", "answer"]
    session.visit(0, now=T0)
    session.visit(2, now=T0 + timedelta(seconds=30))
    assert session.slots[0].seconds == 30
    assert session.current == 2
    with pytest.raises(QuizError, match="no question 9"):
        session.slot(8)
    session.finish(now=T0 + timedelta(seconds=40))
    assert session.slots[2].seconds == 10


def test_check_requires_an_answer(sample_bank: Bank) -> None:
    session, _ = start(sample_bank, Behaviour.PRACTICE)
    with pytest.raises(QuizError, match="answer the question"):
        session.check(0, now=T0)


def test_retry_only_wrong_questions(sample_bank: Bank) -> None:
    session, _ = start(sample_bank, Behaviour.PRACTICE)
    first = session.slots[0]
    session.answer(0, correct_response(first.question), now=T0)
    session.finish(now=T0)
    wrong = session.wrong_question_ids()
    assert first.question.id not in wrong and len(wrong) == len(session.slots) - 1
    again, _ = start(sample_bank, Behaviour.PRACTICE, question_ids=wrong)
    assert sorted(s.question.id for s in again.slots) == sorted(wrong)
    with pytest.raises(QuizError, match="none of those"):
        start(sample_bank, Behaviour.PRACTICE, question_ids=["gone"])


def test_drawing_more_than_the_pool_is_refused(sample_bank: Bank) -> None:
    module = dataclasses.replace(
        sample_bank.modules[0], draw=(DrawRule(count=50, topic=Topic.REFERRAL),)
    )
    import random

    with pytest.raises(QuizError, match="asks for 50"):
        draw_questions(sample_bank, module, Behaviour.EXAM, random.Random(1))
    empty = dataclasses.replace(
        sample_bank.modules[0],
        draw=(),
        pool=dataclasses.replace(
            sample_bank.modules[0].pool, topics=frozenset(), ids=frozenset({"x"})
        ),
    )
    with pytest.raises(QuizError, match="no questions"):
        draw_questions(sample_bank, empty, Behaviour.EXAM, random.Random(1))


def test_fixed_options_never_move(sample_bank: Bank) -> None:
    import random

    q = sample_bank.question("q-child")
    assert isinstance(q, SingleChoice)
    fixed = dataclasses.replace(
        q, options=(q.options[0], q.options[1], dataclasses.replace(q.options[2], fixed=True))
    )
    for seed in range(30):
        layout = make_layout(fixed, random.Random(seed), shuffle=True)
        assert layout["options"][2] == "c"
    unshuffled = make_layout(fixed, random.Random(1), shuffle=False)
    assert unshuffled["options"] == ["a", "b", "c"]
    assert [o.id for o in ordered_options(fixed, unshuffled)] == ["a", "b", "c"]


def test_ordering_never_starts_in_the_right_order(sample_bank: Bank) -> None:
    import random

    q = sample_bank.question("q-steps")
    for seed in range(50):
        assert make_layout(q, random.Random(seed), shuffle=False)["items"] != [
            "identify",
            "protect",
            "refer",
            "assist",
        ]


def test_matching_layout_shuffles_both_columns(sample_bank: Bank) -> None:
    import random

    q = sample_bank.question("q-elements")
    layout = make_layout(q, random.Random(3), shuffle=False)
    assert layout == {"prompts": ["p1", "p2", "p3"], "choices": ["act", "means", "purpose"]}
    shuffled = {tuple(make_layout(q, random.Random(s), shuffle=True)["prompts"]) for s in range(20)}
    assert len(shuffled) > 1


def test_clean_normalises_responses(sample_bank: Bank) -> None:
    session, _ = start(sample_bank, Behaviour.PRACTICE)
    mr = slot_of(session, Kind.MULTIPLE_RESPONSE)
    session.answer(mr.index, MultipleResponseAnswer(("b", "a", "zz")), now=T0)
    assert mr.response == MultipleResponseAnswer(("a", "b"))
    session.answer(mr.index, MultipleResponseAnswer(()), now=T0)
    assert mr.response is None
    ma = slot_of(session, Kind.MATCHING)
    session.answer(ma.index, MatchingAnswer.of({"p1": "act", "p2": ""}), now=T0)
    assert ma.response == MatchingAnswer.of({"p1": "act"})
    session.answer(ma.index, MatchingAnswer.of({"p1": ""}), now=T0)
    assert ma.response is None
    sc = slot_of(session, Kind.SCENARIO)
    session.answer(sc.index, ScenarioAnswer.of({"q-case-1": TrueFalseAnswer(False)}), now=T0)
    assert sc.response == ScenarioAnswer.of({"q-case-1": TrueFalseAnswer(False)})
    assert sc.response.to_json() == {"parts": {"q-case-1": {"value": False}}}
    session.answer(sc.index, ScenarioAnswer.of({"q-case-2": SingleChoiceAnswer("")}), now=T0)
    assert sc.response is None
    # an answer of another kind is no answer
    session.answer(mr.index, TrueFalseAnswer(True), now=T0)
    assert mr.response is None
    assert session.max_score == 7.0
    assert session.attempt_id == 42


def test_sources_cited_are_kept_with_the_attempt(sample_bank: Bank) -> None:
    session, _ = start(sample_bank, Behaviour.PRACTICE)
    scenario = slot_of(session, Kind.SCENARIO)
    assert scenario.layout["sources"]["palermo"]["year"] == 2000


def test_review_after_finish_follows_the_module() -> None:
    full = behaviours.review_after_finish(Behaviour.EXAM, Review.FULL)
    answers = behaviours.review_after_finish(Behaviour.EXAM, Review.ANSWERS)
    score = behaviours.review_after_finish(Behaviour.EXAM, Review.SCORE)
    practice = behaviours.review_after_finish(Behaviour.PRACTICE, Review.SCORE)
    assert full == practice == ReviewOptions(True, True, True)
    assert answers == ReviewOptions(True, False, False)
    assert score == ReviewOptions.nothing()
    assert behaviours.is_timed(Behaviour.EXAM, 10) and not behaviours.is_timed(
        Behaviour.PRACTICE, 10
    )


def test_scoring_by_topic_and_pass_mark() -> None:
    result = compute(
        [
            SlotScore(0, "a", "referral", 1.0, 1.0),
            SlotScore(1, "b", "referral", 0.5, 2.0),
            SlotScore(2, "c", "indicators", 0.0, 1.0),
        ],
        pass_mark=50,
    )
    assert result.score == 2.0 and result.max_score == 4.0
    assert result.percent == 50.0 and result.passed
    by_topic = {t.topic: t for t in result.by_topic()}
    assert by_topic["referral"].percent == pytest.approx(200 / 3)
    assert by_topic["indicators"].percent == 0.0
    empty = compute([], 70)
    assert empty.percent == 0.0 and not empty.passed
    assert result.by_topic()[0].topic == "indicators"
    from trainer.quiz.scoring import TopicScore

    assert TopicScore("x", 0, 0).percent == 0.0


def test_defaults_use_the_clock_and_keep_nothing(sample_bank: Bank) -> None:
    session = QuizSession.start(
        sample_bank, sample_bank.modules[0], Behaviour.PRACTICE, trainee_id=1, language="fr"
    )
    assert isinstance(session.recorder, NullRecorder)
    assert session.attempt_id == 0
    session.answer(0, correct_response(session.slots[0].question))
    session.flag(0, True)
    session.check(0)
    session.retry(0)
    session.visit(1)
    session.visit(0)
    result = session.finish()
    assert session.finished_at is not None and result.max_score > 0
    assert datetime.now(UTC) - session.started_at < timedelta(minutes=1)
