"""The kinds registry: one module per kind, every hook present, answers stored as before."""

from __future__ import annotations

import importlib
import inspect
import json
import random
from pathlib import Path
from typing import Any

import pytest

from trainer.banks.formats.records import SUPPORTED_TYPES
from trainer.banks.loader import load_bank
from trainer.banks.model import Bank, Kind, Question
from trainer.quiz import kinds
from trainer.quiz.kinds.base import Answer, KindHandler
from trainer.quiz.questions import (
    MatchingAnswer,
    MultipleResponseAnswer,
    OrderingAnswer,
    ScenarioAnswer,
    SingleChoiceAnswer,
    TrueFalseAnswer,
    correct_response,
    grade,
    response_from_json,
)

KINDS_DIR = Path(kinds.__file__).resolve().parent
HOOKS = [
    name
    for name, member in inspect.getmembers(KindHandler)
    if callable(member) and not name.startswith("_")
]


def one_of_each(bank: Bank) -> dict[Kind, Question]:
    found: dict[Kind, Question] = {}
    for q in bank.iter_all_questions():
        found.setdefault(q.kind, q)
    return found


def test_the_registry_covers_every_kind() -> None:
    assert set(kinds.HANDLERS) == set(Kind)
    for kind, handler in kinds.HANDLERS.items():
        assert handler.kind is kind


@pytest.mark.parametrize("kind", list(Kind), ids=str)
def test_each_kind_is_one_module_with_every_hook(kind: Kind) -> None:
    assert (KINDS_DIR / f"{kind.value}.py").is_file()
    module = importlib.import_module(f"trainer.quiz.kinds.{kind.value}")
    handler = module.HANDLER
    assert kinds.HANDLERS[kind] is handler
    assert not inspect.isabstract(type(handler)), "a hook is missing"
    for hook in HOOKS:
        assert callable(getattr(handler, hook)), hook
    # the model and the typed answer are importable from the kind's module
    assert getattr(module, handler.model.__name__) is handler.model
    assert issubclass(handler.response_type, Answer)
    assert getattr(module, handler.response_type.__name__) is handler.response_type
    assert set(handler.yaml_keys) and all(isinstance(v, bool) for v in handler.yaml_keys.values())


def test_a_kind_missing_a_hook_cannot_be_registered() -> None:
    class Half(KindHandler[Any, Any]):
        kind = Kind.TRUE_FALSE

    with pytest.raises(TypeError, match="abstract"):
        Half()  # type: ignore[abstract]


def test_every_importable_moodle_type_has_a_reader() -> None:
    assert {t for t in SUPPORTED_TYPES if kinds.record_reader(t) is not None} == SUPPORTED_TYPES
    assert kinds.record_reader("essay") is None
    assert kinds.by_value("essay") is None


# The JSON each kind stores in attempts and bundles: it must never change shape.
STORED: dict[Kind, tuple[type[Answer], dict[str, Any]]] = {
    Kind.SINGLE_CHOICE: (SingleChoiceAnswer, {"choice": "b"}),
    Kind.MULTIPLE_RESPONSE: (MultipleResponseAnswer, {"choices": ["a", "c"]}),
    Kind.TRUE_FALSE: (TrueFalseAnswer, {"value": True}),
    Kind.ORDERING: (OrderingAnswer, {"order": ["identify", "protect", "refer"]}),
    Kind.MATCHING: (MatchingAnswer, {"pairs": {"p1": "act", "p2": "means"}}),
}


@pytest.mark.parametrize("kind", list(STORED), ids=str)
def test_stored_answers_read_back_typed_and_write_the_same_json(
    kind: Kind, sample_bank: Bank
) -> None:
    answer_type, stored = STORED[kind]
    q = one_of_each(sample_bank)[kind]
    typed = response_from_json(q, json.loads(json.dumps(stored)))
    assert isinstance(typed, answer_type)
    assert typed.to_json() == stored
    assert kinds.to_json(typed) == stored


def test_scenario_answers_nest_their_parts_json(sample_bank: Bank) -> None:
    scenario = one_of_each(sample_bank)[Kind.SCENARIO]
    right = correct_response(scenario)
    stored = right.to_json()
    assert set(stored) == {"parts"}
    assert set(stored["parts"]) == {p.id for p in scenario.subquestions()}
    assert response_from_json(scenario, stored) == right
    assert kinds.to_json(None) is None


@pytest.mark.parametrize("kind", list(Kind), ids=str)
def test_every_right_answer_survives_json(kind: Kind, sample_bank: Bank) -> None:
    q = one_of_each(sample_bank)[kind]
    right = correct_response(q)
    again = response_from_json(q, json.loads(json.dumps(right.to_json())))
    assert again == right
    assert hash(again) == hash(right)
    assert grade(q, again).fraction == 1.0


HOSTILE: list[object] = [
    None,
    {},
    [],
    "b",
    7,
    {"choice": 7},
    {"choice": ""},
    {"choices": "abc"},
    {"choices": [1, None]},
    {"value": "true"},
    {"order": {"a": 1}},
    {"order": []},
    {"pairs": ["p1", "act"]},
    {"pairs": {"p1": 3, "p2": ""}},
    {"parts": ["x"]},
    {"parts": {"nobody": {"value": True}}},
]


@pytest.mark.parametrize("kind", list(Kind), ids=str)
@pytest.mark.parametrize("data", HOSTILE, ids=repr)
def test_damaged_stored_answers_read_as_no_answer(
    kind: Kind, data: object, sample_bank: Bank
) -> None:
    q = one_of_each(sample_bank)[kind]
    assert response_from_json(q, data) is None


def test_matching_and_scenario_answers_are_equal_whatever_their_order() -> None:
    a = MatchingAnswer.of({"p1": "act", "p2": "means"})
    b = MatchingAnswer.of([("p2", "means"), ("p1", "act")])
    assert a == b and hash(a) == hash(b) and a != {"pairs": {"p1": "act", "p2": "means"}}
    s1 = ScenarioAnswer.of({"x": TrueFalseAnswer(True), "y": SingleChoiceAnswer("a")})
    s2 = ScenarioAnswer.of([("y", SingleChoiceAnswer("a")), ("x", TrueFalseAnswer(True))])
    assert s1 == s2 and hash(s1) == hash(s2) and s1 != a
    assert s1.part("y") == SingleChoiceAnswer("a") and s1.part("z") is None
    assert TrueFalseAnswer(True).part("x") is None


@pytest.mark.parametrize("kind", list(Kind), ids=str)
def test_layouts_come_from_the_kind_and_repeat_with_the_seed(kind: Kind, sample_bank: Bank) -> None:
    q = one_of_each(sample_bank)[kind]
    first = kinds.make_layout(q, random.Random(5), shuffle=True)
    assert first == kinds.make_layout(q, random.Random(5), shuffle=True)
    json.dumps(first)  # stored with the attempt


def test_distractor_counting_hooks(sample_bank: Bank) -> None:
    found = one_of_each(sample_bank)
    sc = found[Kind.SINGLE_CHOICE]
    rows = kinds.distractors(sc, "en")
    assert [r[0] for r in rows] == [o.id for o in sc.options]  # type: ignore[attr-defined]
    assert [r[2] for r in rows].count(True) == 1
    assert kinds.distractors(found[Kind.TRUE_FALSE], "en")[0][0] == "true"
    for kind in (Kind.ORDERING, Kind.MATCHING, Kind.SCENARIO):
        assert kinds.distractors(found[kind], "en") == []
        assert kinds.chosen_keys(kind.value, {"order": ["a"]}) == []
    assert kinds.chosen_keys("single_choice", {"choice": "b"}) == ["b"]
    assert kinds.chosen_keys("single_choice", {}) is None
    assert kinds.chosen_keys("multiple_response", {"choices": ["a", "c"]}) == ["a", "c"]
    assert kinds.chosen_keys("multiple_response", {"choices": []}) is None
    assert kinds.chosen_keys("true_false", {"value": False}) == ["false"]
    assert kinds.chosen_keys("true_false", {"value": 1}) is None
    assert kinds.chosen_keys("essay", {"choice": "b"}) == []
    assert kinds.chosen_keys("single_choice", ["b"]) == []


def test_the_shipped_banks_load_through_the_registry(sample_bank: Bank) -> None:
    counts = sample_bank.counts_by_kind()
    assert set(counts) == {k.value for k in Kind}
    path = sample_bank.path
    assert path is not None
    assert load_bank(path).content_hash == sample_bank.content_hash
