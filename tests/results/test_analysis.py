"""Item analysis: figures checked against a response matrix worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.results.conftest import Taker
from trainer.quiz.behaviours import Behaviour
from trainer.results import analysis
from trainer.results.analysis import ItemFlag
from trainer.storage.database import Database
from trainer.storage.trainees import Trainee
from trainer.workspace import Workspace

# Six attempts, three right/wrong items; totals 3, 2, 2, 1, 1, 0.
MATRIX = {
    1: {"i1": 1.0, "i2": 1.0, "i3": 1.0},
    2: {"i1": 1.0, "i2": 1.0, "i3": 0.0},
    3: {"i1": 1.0, "i2": 0.0, "i3": 1.0},
    4: {"i1": 1.0, "i2": 0.0, "i3": 0.0},
    5: {"i1": 0.0, "i2": 1.0, "i3": 0.0},
    6: {"i1": 0.0, "i2": 0.0, "i3": 0.0},
}
TOTALS = {a: sum(items.values()) / 3 for a, items in MATRIX.items()}


def test_facility_discrimination_and_point_biserial_match_hand_values() -> None:
    stats = {s.question_id: s for s in analysis.item_statistics(MATRIX, TOTALS)}
    # facility: share right
    assert stats["i1"].facility == pytest.approx(4 / 6)
    assert stats["i2"].facility == pytest.approx(3 / 6)
    assert stats["i3"].facility == pytest.approx(2 / 6)
    # 27% of 6 is 1.62, so groups of 2: upper = attempts 1, 2; lower = attempts 5, 6
    assert stats["i1"].discrimination == pytest.approx(1.0 - 0.0)
    assert stats["i2"].discrimination == pytest.approx(1.0 - 0.5)
    assert stats["i3"].discrimination == pytest.approx(0.5 - 0.0)
    # r = Sxy / sqrt(Sxx Syy) on raw totals: i1 2 / sqrt(4/3 * 5.5), i2 1.5 / sqrt(1.5 * 5.5)
    assert stats["i1"].point_biserial == pytest.approx(0.738549, abs=1e-6)
    assert stats["i2"].point_biserial == pytest.approx(0.522233, abs=1e-6)
    assert stats["i3"].point_biserial == pytest.approx(0.738549, abs=1e-6)
    assert all(s.n == 6 and not s.flags for s in stats.values())


def test_kr20_matches_hand_value() -> None:
    # sum pq = 2/9 + 1/4 + 2/9 = 25/36; total variance 11/12; KR-20 = 3/2 (1 - 25/33) = 4/11
    r = analysis.reliability(MATRIX)
    assert r.kr20 == pytest.approx(4 / 11)
    assert r.alpha == pytest.approx(4 / 11)
    assert (r.items, r.attempts) == (3, 6)


def test_alpha_for_partial_credit_has_no_kr20() -> None:
    matrix = {1: {"a": 1.0, "b": 0.5}, 2: {"a": 0.5, "b": 0.5}, 3: {"a": 0.0, "b": 0.0}}
    r = analysis.reliability(matrix)
    # item variances 1/6 and 1/18, total variance (1.5, 1, 0) → 7/18; alpha = 2 (1 - 4/7)
    assert r.alpha == pytest.approx(2 * (1 - (1 / 6 + 1 / 18) / (7 / 18)))
    assert r.kr20 is None


def test_reliability_uses_the_largest_group_sharing_questions() -> None:
    matrix = {**MATRIX, 7: {"i1": 1.0, "x": 0.0}}
    assert analysis.reliability(matrix).attempts == 6
    assert analysis.reliability({1: {"a": 1.0}}).alpha is None


def test_flags_negative_discrimination_too_easy_and_too_hard() -> None:
    matrix = {
        1: {"good": 1.0, "bad": 0.0, "easy": 1.0, "hard": 0.0},
        2: {"good": 1.0, "bad": 0.0, "easy": 1.0, "hard": 0.0},
        3: {"good": 0.0, "bad": 1.0, "easy": 1.0, "hard": 0.0},
        4: {"good": 0.0, "bad": 1.0, "easy": 1.0, "hard": 0.0},
    }
    totals = {1: 0.9, 2: 0.8, 3: 0.3, 4: 0.2}
    stats = {s.question_id: s for s in analysis.item_statistics(matrix, totals)}
    assert stats["bad"].flags == {ItemFlag.NEGATIVE_DISCRIMINATION}
    assert stats["bad"].discrimination == pytest.approx(-1.0)
    assert stats["easy"].flags == {ItemFlag.TOO_EASY}
    assert stats["easy"].point_biserial is None  # no variance, no correlation
    assert stats["hard"].flags == {ItemFlag.TOO_HARD}
    assert stats["good"].flags == frozenset()


def test_histogram_bands() -> None:
    assert analysis.histogram([0, 5, 10, 55, 99.9, 100]) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]


def test_module_analysis_from_the_database(
    workspace: Workspace, take: Taker, people: dict[str, Trainee]
) -> None:
    take(people["alice"], right=True)
    take(people["bruno"], right=False)
    take(people["chantal"], right=lambda q: q.kind.value != "single_choice")
    take(people["alice"], right=False, behaviour=Behaviour.PRACTICE)  # practice: not counted
    result = analysis.analyse_module(workspace.db, "sample-module")
    assert result.attempts == 3
    assert result.too_few_attempts
    assert result.histogram[9] == 1 and result.histogram[0] == 1
    by_id = {i.question_id: i for i in result.items}
    child = by_id.get("q-child")
    assert child is not None
    assert child.facility == pytest.approx(1 / 3)
    counts = {d.key: d.count for d in child.distractors}
    assert counts["b"] == 1  # the key, chosen by Alice
    assert sum(counts.values()) == 3
    assert [d.correct for d in child.distractors] == [d.key == "b" for d in child.distractors]
    assert child.text.startswith("Up to what age")
    rows = analysis.item_rows(result)
    assert [r[0] for r in rows] == sorted(by_id)
    assert len(rows[0]) == len(analysis.ITEM_CSV_COLUMNS)


def test_module_without_attempts_is_empty(workspace: Workspace) -> None:
    result = analysis.analyse_module(workspace.db, "nothing")
    assert result.attempts == 0 and result.items == [] and result.mean_percent is None


def test_database_figures_equal_the_pure_functions(
    workspace: Workspace, take: Taker, people: dict[str, Trainee]
) -> None:
    """The SQL sums give what item_statistics gives on the same response matrix."""
    take(people["alice"], right=True)
    take(people["bruno"], right=False)
    take(people["chantal"], right=lambda q: q.kind.value in ("single_choice", "ordering"))
    take(people["alice"], right=lambda q: q.kind.value == "true_false", seed=3)
    db = workspace.db
    rows = db.query(
        "SELECT a.id, a.score / a.max_score AS total, q.question_id, ifnull(q.fraction, 0) AS f"
        " FROM attempts a JOIN attempt_questions q ON q.attempt_id = a.id"
    )
    matrix: dict[int, dict[str, float]] = {}
    totals: dict[int, float] = {}
    for r in rows:
        matrix.setdefault(r["id"], {})[r["question_id"]] = r["f"]
        totals[r["id"]] = r["total"]
    expected = {s.question_id: s for s in analysis.item_statistics(matrix, totals)}
    result = analysis.analyse_module(db, "sample-module")
    assert [i.question_id for i in result.items] == sorted(expected)
    for item in result.items:
        e = expected[item.question_id]
        assert (item.n, item.flags) == (e.n, e.flags)
        assert item.facility == pytest.approx(e.facility)
        assert item.discrimination == pytest.approx(e.discrimination)
        assert item.point_biserial == pytest.approx(e.point_biserial)
    want = analysis.reliability(matrix)
    got = result.reliability
    assert (got.items, got.attempts) == (want.items, want.attempts)
    assert got.alpha == pytest.approx(want.alpha)


@pytest.mark.parametrize("pool", [20, 22], ids=["one-question-set", "drawn-sets"])
def test_summed_in_sqlite_equals_the_pure_functions_on_thousands_of_attempts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool: int
) -> None:
    """Item statistics and reliability summed in SQLite (covering indexes, a temporary
    table of attempts) equal the definitions computed on the whole response matrix:
    right/wrong items, random draws (attempts with other question sets), several
    responses per question, practice attempts left out."""
    from bench import bench_results

    monkeypatch.setattr(bench_results, "ATTEMPTS", 2_000)
    monkeypatch.setattr(bench_results, "TRAINEES", 200)
    monkeypatch.setattr(bench_results, "POOL", pool)
    path = tmp_path / "results.sqlite3"
    bench_results.generate(path)
    db = Database(path)
    try:
        rows = db.query(
            "SELECT a.id, a.score / a.max_score AS total, q.question_id,"
            " ifnull(q.fraction, 0) AS f FROM attempts a"
            " JOIN attempt_questions q ON q.attempt_id = a.id"
            " WHERE a.module_id = 'module-1' AND a.behaviour = 'exam' AND a.state = 'finished'"
        )
        matrix: dict[int, dict[str, float]] = {}
        totals: dict[int, float] = {}
        for r in rows:
            matrix.setdefault(r["id"], {})[r["question_id"]] = r["f"]
            totals[r["id"]] = r["total"]
        expected = {s.question_id: s for s in analysis.item_statistics(matrix, totals)}
        result = analysis.analyse_module(db, "module-1")
        assert result.attempts == len(matrix) == 300
        assert [i.question_id for i in result.items] == sorted(expected)
        for item in result.items:
            e = expected[item.question_id]
            assert (item.n, item.flags) == (e.n, e.flags)
            assert item.facility == pytest.approx(e.facility)
            assert item.discrimination == pytest.approx(e.discrimination)
            assert item.point_biserial == pytest.approx(e.point_biserial)
            assert sum(d.count for d in item.distractors) + item.unanswered == item.n
        want = analysis.reliability(matrix)
        got = result.reliability
        assert (got.items, got.attempts) == (want.items, want.attempts)
        assert got.alpha == pytest.approx(want.alpha)
        assert got.kr20 == pytest.approx(want.kr20)
        if pool == 20:
            assert got.attempts == 300 and got.alpha is not None
        else:
            assert 1 < got.attempts < 300
        # nothing is left behind in the connection
        assert db.query("SELECT name FROM temp.sqlite_master") == []
    finally:
        db.close()
