"""Typed answers in results: item analysis lists what trainees typed, exports write it as data."""

from __future__ import annotations

import csv
import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from trainer.banks.model import Bank, PoolSelector
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import NumericalAnswer, Response, ShortAnswerAnswer
from trainer.quiz.session import QuizSession
from trainer.results import analysis, export
from trainer.results.export import TableFormat
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

TYPED = ["q-purpose-word", "q-child-age"]


def take(workspace: Workspace, name: str, word: str | None, number: str | None) -> None:
    bank: Bank = workspace.catalog.bank("sample")
    module = dataclasses.replace(bank.modules[0], pool=PoolSelector(ids=frozenset(TYPED)), draw=())
    trainee = workspace.trainees.create(name, Institution.POLICE)
    when = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    session = QuizSession.start(
        bank,
        module,
        Behaviour.EXAM,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
        seed=3,
        now=when,
        question_ids=TYPED,
    )
    for slot in session.slots:
        typed: Response | None = None
        if slot.question.id == "q-purpose-word" and word is not None:
            typed = ShortAnswerAnswer(word)
        if slot.question.id == "q-child-age" and number is not None:
            typed = NumericalAnswer(number)
        if typed is not None:
            session.answer(slot.index, typed, now=when)
    session.finish(now=when)


def test_item_analysis_lists_the_most_frequent_typed_answers(workspace: Workspace) -> None:
    take(workspace, "Alice Niyonzima", "exploitation", "18 years")
    take(workspace, "Bruno Hakizimana", "forced   labour", "18")
    take(workspace, "Chantal Irakoze", "forced labour", "17,5 ans")
    take(workspace, "Denise Uwimana", "exploiting", None)
    take(workspace, "Eric Ndikumana", None, "21 years")
    result = analysis.analyse_module(workspace.db, "sample-module")
    items = {i.question_id: i for i in result.items}
    word = items["q-purpose-word"]
    assert word.facility == (1 + 0.5) / 5
    assert word.unanswered == 1
    assert [(d.label, d.count, d.correct, d.typed) for d in word.distractors] == [
        ("forced labour", 2, False, True),  # the most frequent first: a wrong idea to address
        ("exploitation", 1, True, True),
        ("exploiting", 1, False, True),
    ]
    number = items["q-child-age"]
    assert [(d.key, d.count, d.correct) for d in number.distractors] == [
        ("17,5 ans", 1, False),
        ("18", 1, False),  # without its unit: 90 %, not full marks
        ("18 years", 1, True),
        ("21 years", 1, False),
    ]
    assert number.facility == (1 + 0.9 + 0.5) / 5
    row = next(r for r in analysis.item_rows(result) if r[0] == "q-purpose-word")
    assert "forced labour=2" in row[analysis.ITEM_CSV_COLUMNS.index("distractors")]


def test_only_the_most_frequent_typed_answers_are_listed(workspace: Workspace) -> None:
    for n in range(analysis.TOP_TYPED + 3):
        take(workspace, f"Trainee {n}", f"word {n:02d}", None)
    result = analysis.analyse_module(workspace.db, "sample-module")
    word = next(i for i in result.items if i.question_id == "q-purpose-word")
    assert len(word.distractors) == analysis.TOP_TYPED
    assert [d.label for d in word.distractors][:2] == ["word 00", "word 01"]  # ties: by text


def test_exports_write_the_typed_answer_as_data(workspace: Workspace, tmp_path: Path) -> None:
    take(workspace, "Alice Niyonzima", '=HYPERLINK("x")', "1,5 ans")
    out = tmp_path / "responses.csv"
    assert export.write_responses(workspace.db, out, TableFormat.CSV) == 2
    with out.open(encoding="utf-8", newline="") as fh:
        rows = {r["question_id"]: r for r in csv.DictReader(fh)}
    word = rows["q-purpose-word"]
    assert word["answer_given"] == '\'=HYPERLINK("x")'  # never a formula
    assert word["correct_answer"] == "exploitation"
    assert word["fraction"] == "0.0"
    number = rows["q-child-age"]
    assert number["answer_given"] == "1,5 ans" and number["correct_answer"] == "18 years"
