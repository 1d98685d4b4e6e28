"""The results browser's filters, sorting and paging, the transcript, and the programme summary."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.results.conftest import Taker
from trainer.errors import TrainerError
from trainer.quiz.behaviours import Behaviour
from trainer.results import query
from trainer.results.query import Outcome, ResultFilter, SortKey
from trainer.results.summary import Dimension, Period, programme_summary
from trainer.storage.trainees import Institution, Trainee
from trainer.workspace import Workspace


@pytest.fixture
def history(workspace: Workspace, take: Taker, people: dict[str, Trainee]) -> Workspace:
    take(people["alice"], right=False, when=datetime(2026, 1, 5, tzinfo=UTC))
    take(people["alice"], right=True, when=datetime(2026, 2, 5, tzinfo=UTC))
    take(people["bruno"], right=True, when=datetime(2026, 2, 20, tzinfo=UTC))
    take(people["chantal"], right=False, when=datetime(2026, 4, 1, tzinfo=UTC))
    take(
        people["chantal"],
        right=True,
        behaviour=Behaviour.PRACTICE,
        when=datetime(2026, 4, 2, tzinfo=UTC),
    )
    return workspace


def test_filters(history: Workspace) -> None:
    db = history.db

    def n(**kw: object) -> int:
        return query.count_attempts(db, ResultFilter(**kw))  # type: ignore[arg-type]

    assert n() == 5
    assert n(outcome=Outcome.PASSED) == 3
    assert n(outcome=Outcome.FAILED) == 2
    assert n(institution=Institution.POLICE) == 2
    assert n(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)) == 2
    assert n(date_to=date(2026, 1, 5)) == 1  # the end day is included
    assert n(trainee_search="PN-001") == 2
    assert n(trainee_search="bruno") == 1
    assert n(behaviour="practice") == 1
    assert n(module_id="sample-module", audience="judges") == 5
    assert n(module_id="other") == 0
    assert n(workstation_uid=db.workstation_uid) == 5


def test_sorting_and_paging_are_stable(history: Workspace) -> None:
    db = history.db
    flt = ResultFilter()
    newest = query.page_attempts(db, flt, limit=2)
    assert [r.started_at.month for r in newest] == [4, 4]
    rest = query.page_attempts(db, flt, offset=2, limit=10)
    assert [r.started_at.month for r in rest] == [2, 2, 1]
    by_name = query.page_attempts(db, flt, sort=SortKey.TRAINEE, descending=False, limit=10)
    assert by_name[0].trainee_name.startswith("Alice")
    by_score = query.page_attempts(db, flt, sort=SortKey.PERCENT, descending=True, limit=1)
    assert by_score[0].percent == 100.0
    assert by_score[0].title("fr") == "Module d'exemple"
    with pytest.raises(TrainerError):
        query.page_attempts(db, flt, limit=0)
    assert query.modules(db)[0][0] == "sample-module"
    assert query.workstations(db) == [db.workstation_uid]


def test_transcript_lists_every_attempt(history: Workspace, people: dict[str, Trainee]) -> None:
    t = query.transcript(history.db, people["alice"])
    assert len(t.attempts) == 2
    assert t.modules_passed == ["sample-module"]
    assert t.certificates == []
    history.db.conn.execute(
        "INSERT INTO certificates (number, year, seq, kind, trainee_id, trainee_name,"
        " institution, subject, modules, audiences, score, training_hours, certified_on,"
        " issued_at, issuer_key_id, issuer_name, code, status) VALUES ('TIP-2026-0001', 2026,"
        " 1, 'module', ?, 'Alice', 'police', 'sample-module', '[]', 'police', 100, 1.5,"
        " '2026-02-05', '2026-02-05', 'k', 'School', 'c', 'revoked')",
        (people["alice"].id,),
    )
    cert = query.transcript(history.db, people["alice"]).certificates
    assert cert == [query.CertificateLine("TIP-2026-0001", "sample-module", "2026-02-05", True)]


def test_programme_summary(history: Workspace, tmp_path: Path) -> None:
    s = programme_summary(history.db, [Dimension.INSTITUTION], Period.YEAR)
    by = {r.keys: r for r in s.rows}
    assert (by[("police",)].trained, by[("police",)].passed) == (1, 1)  # counted once
    assert by[("police",)].attempts == 2
    assert (by[("judiciary",)].trained, by[("judiciary",)].passed) == (1, 0)
    assert by[("prosecution",)].training_hours == pytest.approx(1.5)
    assert (s.total.trained, s.total.passed) == (3, 2)
    assert s.total.pass_rate == pytest.approx(200 / 3)
    by_quarter = programme_summary(history.db, [Dimension.PERIOD], Period.QUARTER)
    assert [(r.keys, r.trained) for r in by_quarter.rows] == [(("2026-Q1",), 2), (("2026-Q2",), 1)]
    by_gender = programme_summary(history.db, [Dimension.GENDER, Dimension.PROVINCE])
    assert {r.keys for r in by_gender.rows} == {("female", ""), ("", "Gitega"), ("", "")}
    rows = s.csv_rows()
    assert rows[-1][0] == "total" and len(rows[0]) == len(s.csv_columns())
