"""Feedback you can see: options marked ✓ / ✗ as shown, right answers in the order shown,
matching and ordering as a table."""

from __future__ import annotations

from trainer.banks.model import Bank, Matching, MultipleResponse, Ordering, SingleChoice
from trainer.quiz.kinds.matching import MatchingAnswer
from trainer.quiz.kinds.ordering import OrderingAnswer
from trainer.quiz.kinds.single_choice import SingleChoiceAnswer
from trainer.ui import review, theme


def test_chosen_and_right_options_are_marked_with_a_symbol_and_a_colour(
    qapp: object, sample_bank: Bank
) -> None:
    q = sample_bank.question("q-child")
    assert isinstance(q, SingleChoice)
    wrong = next(o.id for o in q.options if o.id != q.key)
    layout = {"options": [o.id for o in reversed(q.options)]}
    out = review.feedback_html(q, SingleChoiceAnswer(wrong), "en", {}, layout=layout)
    assert "✗</span> your answer" in out and "✓</span> right answer, not chosen" in out
    assert theme.colours().warn in out and theme.colours().ok in out
    # the options in the order shown, lettered as on screen
    shown = [o.text.get("en") for o in reversed(q.options)]
    positions = [
        out.index(f"{letter}. {text}") for letter, text in zip("ABCD", shown, strict=False)
    ]
    assert positions == sorted(positions)


def test_right_answers_follow_the_order_on_screen(qapp: object, sample_bank: Bank) -> None:
    q = sample_bank.question("q-means")
    assert isinstance(q, MultipleResponse)
    order = [o.id for o in reversed(q.options)]
    out = review.feedback_html(q, None, "en", {}, layout={"options": order})
    right_line = out.split("Right answer:</b>")[1].split("</p>")[0]
    texts = [o.text.get("en") for o in reversed(q.options) if o.id in q.key]
    assert right_line.strip() == "; ".join(texts)


def test_matching_and_ordering_feedback_are_small_tables(qapp: object, sample_bank: Bank) -> None:
    m = sample_bank.question("q-elements")
    assert isinstance(m, Matching)
    first = m.prompts[0]
    other = next(c.id for c in m.choices if c.id != first.match)
    out = review.feedback_html(m, MatchingAnswer(((first.id, other),)), "en", {}, layout={})
    assert out.count("<tr>") == len(m.prompts) + 1 and "<th" in out
    assert "Your answer" in out and "✗</span>" in out

    o = sample_bank.question("q-steps")
    assert isinstance(o, Ordering)
    mine = [i.id for i in reversed(o.items)]
    out = review.feedback_html(o, OrderingAnswer(tuple(mine)), "fr", {}, layout={})
    assert out.count("<tr>") == len(o.items) + 1
    assert o.items[0].text.get("fr") in out and "✗</span>" in out
