"""Register rows and the objective rule, from gradebook data built in memory."""

import datetime as dt

import pytest

from fairhire import objective_map
from fairhire.register import records
from fairhire.register.gradebook import CellScore, GradebookData, Learner, ModuleInfo, Submission

from .gradebook_fill import M00_CELLS

M00 = ModuleInfo("m00", None, sum(M00_CELLS.values()), sorted(M00_CELLS))


def sub(learner, scores, when=dt.datetime(2026, 12, 1, 9)):
    cells = [CellScore(g, scores.get(g, M00_CELLS[g]), M00_CELLS[g]) for g in sorted(M00_CELLS)]
    total = sum(c.score or 0 for c in cells)
    return Submission(learner, "m00", when, total, M00.max_score, cells)


def data(*subs, learners=("a",)):
    return GradebookData(
        [Learner(x, x.upper()) for x in learners], [M00], {(s.learner, "m00"): s for s in subs}
    )


def objectives_of(cell: str) -> set[str]:
    return set(objective_map()[cell])


def test_full_marks_everywhere_demonstrates_every_objective():
    row = records.build(data(sub("a", {}))).rows[0]
    wanted = {o for g in M00_CELLS for o in objective_map().get(g, [])}
    assert set(row.demonstrated) == wanted and row.passed is True and row.status == "graded"


def test_one_lost_point_fails_only_the_objectives_of_that_cell():
    cell = "m00-shortcut"
    row = records.build(data(sub("a", {cell: 0.0}))).rows[0]
    assert objectives_of(cell) <= set(row.not_demonstrated)
    others = {o for g in M00_CELLS if g != cell for o in objective_map()[g]} - objectives_of(cell)
    assert others <= set(row.demonstrated)


def test_a_cell_waiting_for_manual_grading_makes_its_objectives_pending():
    manual = [g for g in M00_CELLS if g.endswith("reflection")][0]
    row = records.build(data(sub("a", {manual: None}))).rows[0]
    assert row.status == "pending" and row.passed is None
    assert objectives_of(manual) == set(row.pending)


@pytest.mark.parametrize("mark, passed", [(0.5, True), (0.73, True), (0.75, False)])
def test_pass_mark(mark, passed):
    # 11 of 15 points = 73.3 % (the explanation of art. 4 counts in full)
    row = records.build(
        data(sub("a", {"m00-fix-cell": 0.0, "m00-hours-filter": 1.0, "m00-reflection": 3.0})),
        pass_mark=mark,
    ).rows[0]
    assert row.score == 11 and row.passed is passed


def test_learner_without_submissions_is_not_started():
    reg = records.build(data(sub("a", {}), learners=("a", "b")))
    b = reg.rows_for("b")
    assert [r.status for r in b] == ["not-started"]
    assert b[0].score is None and b[0].passed is None and not reg.started("b")
    assert b[0].status_nl == "niet gestart"


def test_rows_are_sorted_and_as_of_is_the_latest_date():
    reg = records.build(
        data(sub("b", {}, dt.datetime(2026, 12, 3)), sub("a", {}), learners=("b", "a"))
    )
    assert [r.learner_id for r in reg.rows] == ["a", "b"]
    assert reg.as_of == dt.date(2026, 12, 3)


def test_bad_pass_mark_is_refused():
    with pytest.raises(ValueError):
        records.build(data(sub("a", {})), pass_mark=0)
