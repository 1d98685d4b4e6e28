"""Attempts on questions with pictures: stored, reloaded and exported like any other."""

from __future__ import annotations

import json
from pathlib import Path

from tests.picture_files import write_bank
from trainer.quiz.behaviours import Behaviour
from trainer.quiz.kinds import correct_response
from trainer.quiz.session import QuizSession
from trainer.results import export
from trainer.results.export import TableFormat
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace


def test_an_attempt_keeps_the_picture_and_exports_do_not_break(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.library().import_bank(write_bank(tmp_path / "incoming"))
    bank = workspace.reload_catalog().bank("pictures")
    trainee = workspace.trainees.create("Pictures", Institution.POLICE)
    session = QuizSession.start(
        bank,
        bank.modules[0],
        Behaviour.EXAM,
        trainee_id=trainee.id,
        language="fr",
        recorder=workspace.attempts.recorder,
        seed=1,
    )
    session.answer(0, correct_response(session.slots[0].question))
    assert session.finish().percent == 100
    again = workspace.attempts.load_session(session.attempt_id)
    shown = again.slots[0].question
    assert shown.image is not None and shown.image.file == "advert.png"
    assert shown.image.alt.get("fr").startswith("Une annonce")
    assert shown.pictures()[1].file == "pay.svg"  # the option's picture, from the snapshot
    out = tmp_path / "responses.json"
    assert export.write_responses(workspace.db, out, TableFormat.JSON) == 1
    [row] = json.loads(out.read_text("utf-8"))["records"]
    assert row["question_id"] == "q-advert", row
