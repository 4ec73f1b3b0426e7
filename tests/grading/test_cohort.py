"""The synthetic cohort: deterministic, realistic, and graded exactly as predicted."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import sys

import pytest

from fairhire import submissions
from fairhire.grading.cohort import KINDS, independent_questions, make_cohort
from fairhire.grading.course import CourseError

from ..conftest import ROOT, modules
from .course_setup import MODULE, NOTEBOOK


@pytest.fixture
def plain_course(tmp_path):
    """Config, sources and released exercises of every module; no gradebook."""
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    for module in modules():
        shutil.copytree(ROOT / "solutions" / module, tmp_path / "solutions" / module)
        shutil.copytree(ROOT / "exercises" / module, tmp_path / "exercises" / module)
    return tmp_path


def snapshot(folder):
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted((folder / "submitted").rglob("*"))
        if p.is_file()
    }


def test_same_seed_same_class(plain_course, tmp_path):
    a = make_cohort(plain_course, n_learners=8, add_to_gradebook=False)
    first = snapshot(plain_course)
    shutil.rmtree(plain_course / "submitted")
    b = make_cohort(plain_course, n_learners=8, add_to_gradebook=False)
    assert snapshot(plain_course) == first
    assert a.expected == b.expected and a.kinds == b.kinds
    c = make_cohort(plain_course, n_learners=8, random_state=1, add_to_gradebook=False)
    assert c.kinds != a.kinds or c.learners != a.learners


def test_thirty_learners_with_a_realistic_mix(plain_course):
    due = dt.datetime(2026, 12, 5, 17)
    cohort = make_cohort(plain_course, due=due, add_to_gradebook=False)
    assert len(cohort.learners) == 30 and cohort.modules == modules()
    assert len({p.id for p in cohort.learners}) == 30
    assert len({p.name for p in cohort.learners}) == 30
    assert set(cohort.kinds.values()) == set(KINDS)
    for (learner, module), kind in cohort.kinds.items():
        folder = plain_course / "submitted" / learner / module
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            [p.name for p in (plain_course / "exercises" / module).glob("*.ipynb")]
            + ["timestamp.txt"]
        )
        maximum = sum(
            sum(submissions.autograded_points(submissions.read(p)).values())
            for p in (plain_course / "solutions" / module).glob("*.ipynb")
        )
        total = cohort.total(learner, module)
        if kind == "complete":
            assert total == maximum
        elif kind == "blank":
            assert total == 0
        else:
            assert 0 <= total < maximum
    late = [t for t in cohort.timestamps.values() if t > due]
    assert 0 < len(late) < len(cohort.timestamps) / 3
    with open(plain_course / "cursisten.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == [p.id for p in cohort.learners]
    assert set(rows[0]) == {"id", "first_name", "last_name"}  # no e-mail


def test_independent_questions_of_m00():
    solution = submissions.read(ROOT / "solutions" / MODULE / f"{NOTEBOOK}.ipynb")
    questions = independent_questions(solution)
    assert questions, "m00 has questions that stand on their own"
    tests = {t for q in questions for t in q.tests}
    assert tests <= set(submissions.autograded_points(solution))
    for q in questions:
        assert q.answer == q.tests[0] + "-answer" and q.names


@pytest.mark.slow
def test_grading_the_cohort_gives_the_expected_scores(course, record_timing):
    """Six learners graded two at a time; the gradebook holds exactly what was predicted."""
    from nbgrader.api import Gradebook

    from fairhire.grading.grade import grade
    from fairhire.grading.processes import Limits

    cohort = make_cohort(course.root, n_learners=6, modules=[MODULE], random_state=3)
    assert len(set(cohort.kinds.values())) >= 3
    run = grade(course, MODULE, workers=2, limits=Limits(timeout=180))
    record_timing("grading", f"cohort of 6 on {MODULE}, 2 workers", run.seconds)
    assert {o.status for o in run.outcomes.values()} == {"graded"}
    with Gradebook(course.db_url, course.course_id) as gb:
        assert sorted(s.id for s in gb.students) == sorted(p.id for p in cohort.learners)
        subs = gb.assignment_submissions(MODULE)
        assert len(subs) == 6
        for sub in subs:
            key = (sub.student.id, MODULE)
            assert sub.timestamp == cohort.timestamps[key]
            assert sub.student.first_name and sub.student.last_name
            for nb in sub.notebooks:
                got = {g.name: g.auto_score for g in nb.grades if g.cell.cell_type == "code"}
                assert got == cohort.expected[key][nb.name], (key, cohort.kinds[key])
                assert len(nb.grades) == len(nb.notebook.grade_cells)
    # nbgrader's own export reads the same, consistent gradebook
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", "export", "--to", "grades.csv"],
        cwd=course.root,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    with open(course.root / "grades.csv", encoding="utf-8") as fh:
        exported = {r["student_id"]: float(r["raw_score"]) for r in csv.DictReader(fh)}
    assert exported == {p.id: cohort.total(p.id, MODULE) for p in cohort.learners}


def test_cohort_needs_a_course(tmp_path):
    with pytest.raises(CourseError, match="nbgrader_config.py"):
        make_cohort(tmp_path)
