"""Attempts are durable step by step, and come back exactly as they were."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from trainer.banks.model import Bank, Kind
from trainer.errors import TrainerError
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.questions import correct_response
from trainer.quiz.session import QuizSession
from trainer.storage.attempts import AttemptRepository
from trainer.storage.database import Database
from trainer.storage.trainees import Institution, TraineeRepository

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def test_every_action_is_in_the_database_before_the_session_moves_on(
    db: Database, sample_bank: Bank
) -> None:
    trainee = TraineeRepository(db).create("Aline N.", Institution.POLICE, "PNB-1")
    repo = AttemptRepository(db)
    session = QuizSession.start(
        sample_bank,
        sample_bank.modules[0],
        Behaviour.EXAM,
        trainee_id=trainee.id,
        language="fr",
        recorder=repo.recorder,
        seed=5,
        now=T0,
    )
    assert session.attempt_id > 0
    first = session.slots[0]
    session.answer(0, correct_response(first.question), now=T0 + timedelta(minutes=1))
    session.flag(1, True, now=T0 + timedelta(minutes=2))
    row = db.query_one(
        "SELECT response, flagged FROM attempt_questions WHERE attempt_id = ? AND slot = 0",
        (session.attempt_id,),
    )
    assert row is not None and row["response"] is not None
    steps = [r["action"] for r in repo.steps(session.attempt_id)]
    assert steps == ["start", "answer", "flag"]

    restored = repo.load_session(session.attempt_id)
    assert restored.deadline == session.deadline
    assert [s.question.id for s in restored.slots] == [s.question.id for s in session.slots]
    assert [s.layout for s in restored.slots] == [s.layout for s in session.slots]
    assert restored.slots[0].response == first.response
    assert restored.slots[1].flagged
    assert restored.language == "fr" and not restored.finished

    result = restored.finish(now=T0 + timedelta(minutes=3))
    summary = repo.get(session.attempt_id)
    assert summary.finished and summary.score == result.score
    assert summary.passed is False and summary.trainee_name == "Aline N."
    again = repo.load_session(session.attempt_id)
    assert again.finished and again.result is not None
    assert again.result.score == result.score
    progress = repo.progress(trainee.id)
    assert progress["sample-module"].attempts == 1
    assert repo.unfinished(trainee.id) == []
    assert [a.id for a in repo.for_trainee(trainee.id)] == [session.attempt_id]


def test_practice_check_and_retry_are_stored(db: Database, sample_bank: Bank) -> None:
    trainee = TraineeRepository(db).create("Jean", Institution.JUDICIARY)
    repo = AttemptRepository(db)
    session = QuizSession.start(
        sample_bank,
        sample_bank.modules[0],
        Behaviour.PRACTICE,
        trainee_id=trainee.id,
        language="en",
        recorder=repo.recorder,
        now=T0,
    )
    tf = next(s for s in session.slots if s.question.kind is Kind.SCENARIO)
    session.answer(tf.index, correct_response(tf.question), now=T0)
    session.check(tf.index, now=T0)
    restored = repo.load_session(session.attempt_id)
    assert restored.slots[tf.index].checked
    restored.retry(tf.index, now=T0)
    assert not repo.load_session(session.attempt_id).slots[tf.index].checked
    session.visit(tf.index, now=T0)
    session.visit(0, now=T0 + timedelta(seconds=12))
    assert repo.load_session(session.attempt_id).slots[tf.index].seconds == 12


def test_missing_attempt(db: Database) -> None:
    repo = AttemptRepository(db)
    with pytest.raises(TrainerError):
        repo.get(99)
    with pytest.raises(TrainerError):
        repo.load_session(99)


def test_trainees(db: Database) -> None:
    repo = TraineeRepository(db)
    a = repo.create("  Divine   Ndayishimiye ", Institution.PROSECUTION, " P-9 ")
    assert a.name == "Divine Ndayishimiye" and a.service_number == "P-9"
    repo.create("Eric", Institution.OTHER)
    assert [t.name for t in repo.list("div")] == ["Divine Ndayishimiye"]
    assert [t.name for t in repo.list("P-9")] == ["Divine Ndayishimiye"]
    with pytest.raises(TrainerError):
        repo.create("   ", Institution.POLICE)
    with pytest.raises(TrainerError):
        repo.create("x" * 201, Institution.POLICE)
    with pytest.raises(TrainerError):
        repo.get(1234)
    import dataclasses

    changed = repo.update(dataclasses.replace(a, province="Gitega"))
    assert changed.province == "Gitega"


def test_an_attempt_on_an_older_bank_version_stays_reviewable(tmp_path, sample_bank: Bank) -> None:  # type: ignore[no-untyped-def]
    """A new version of the bank (texts rewritten, questions removed) changes no past attempt."""
    from tests.conftest import SAMPLE_BANK
    from trainer.banks.loader import load_bank
    from trainer.workspace import Workspace

    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "sample.yaml").write_bytes(SAMPLE_BANK.read_bytes())
    workspace = Workspace(tmp_path / "data", shipped_banks=shipped)
    trainee = workspace.trainees.create("Aline N.", Institution.POLICE, "PNB-1")
    bank = workspace.catalog.bank("sample")
    session = QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.EXAM,
        trainee_id=trainee.id,
        language="en",
        recorder=workspace.attempts.recorder,
        seed=3,
        now=T0,
    )
    for slot in session.slots:
        session.answer(slot.index, correct_response(slot.question), now=T0)
    session.finish(now=T0 + timedelta(minutes=5))
    shown = {s.question.id: s.question.text.get("en") for s in session.slots}
    workspace.close()

    # the bank moves on: version 2.0, every text rewritten
    text = SAMPLE_BANK.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "2.0"')
    text = text.replace("en: ", "en: Revised - ")
    (shipped / "sample.yaml").write_text(text, encoding="utf-8")
    assert load_bank(shipped / "sample.yaml").version == "2.0"

    workspace = Workspace(tmp_path / "data", shipped_banks=shipped)
    try:
        assert workspace.catalog.bank("sample").version == "2.0"
        review = workspace.attempts.load_session(session.attempt_id)
        assert review.bank_version == "1.0"
        assert {s.question.id: s.question.text.get("en") for s in review.slots} == shown
        assert review.result is not None and review.result.percent == 100.0
        assert workspace.attempts.get(session.attempt_id).passed is True
    finally:
        workspace.close()


def test_a_finished_practice_counts_as_progress_but_not_as_an_exam(
    db: Database, sample_bank: Bank
) -> None:
    trainee = TraineeRepository(db).create("Jean", Institution.JUDICIARY)
    repo = AttemptRepository(db)
    assert repo.progress(trainee.id) == {}
    session = QuizSession.start(
        sample_bank,
        sample_bank.modules[0],
        Behaviour.PRACTICE,
        trainee_id=trainee.id,
        language="en",
        recorder=repo.recorder,
        now=T0,
    )
    session.finish(now=T0 + timedelta(minutes=1))
    progress = repo.progress(trainee.id)["sample-module"]
    assert progress.practice_attempts == 1
    assert progress.attempts == 0 and progress.best_percent is None and not progress.passed
