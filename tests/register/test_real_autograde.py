"""The register from a gradebook that the real ``nbgrader autograde`` filled."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import nbformat
import pytest

from fairhire import objective_map
from fairhire.grading.cohort import make_cohort
from fairhire.register import make_register
from fairhire.submissions import autograded_points, graded_cells

from ..grading.course_setup import MODULE, make_course

pytestmark = pytest.mark.slow


def test_register_after_real_autograde(tmp_path):
    course = make_course(tmp_path / "course")
    cohort = make_cohort(course.root, n_learners=4, modules=[MODULE], random_state=5)
    kinds = {learner: kind for (learner, _), kind in cohort.kinds.items()}
    assert "complete" in kinds.values()
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", MODULE, "--force"],
        cwd=course.root,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    from nbgrader.api import Gradebook

    solution = nbformat.read(
        course.root / "solutions" / MODULE / "m00_opdracht.ipynb", as_version=4
    )
    manual_points = {
        gid: pts
        for gid, pts in graded_cells(solution).items()
        if gid not in autograded_points(solution)
    }  # the trainer's questions: the reflection and the explanation of art. 4
    manual = sorted(manual_points)
    assert manual
    with Gradebook(course.db_url, course.course_id) as gb:
        for learner, kind in kinds.items():
            if kind == "complete":  # the trainer grades these in the formgrader
                for gid in manual:
                    grade = gb.find_grade(gid, "m00_opdracht", MODULE, learner)
                    grade.manual_score = grade.max_score
                    grade.needs_manual_grade = False
        gb.db.commit()

    register = make_register(course.db_url, tmp_path / "register")
    rows = {
        r["learner_id"]: r
        for r in csv.DictReader(
            io.StringIO((tmp_path / "register" / "register.csv").read_text(encoding="utf-8"))
        )
    }
    assert set(rows) == {p.id for p in cohort.learners}
    every = {o for g, objs in objective_map().items() if g.startswith(MODULE) for o in objs}
    for learner, kind in kinds.items():
        row = rows[learner]
        auto = cohort.total(learner, MODULE)
        if kind == "complete":
            assert float(row["score"]) == auto + sum(manual_points.values())
            assert row["passed"] == "true"
            assert set(row["objectives_demonstrated"].split(";")) == every
        elif kind == "blank":
            assert float(row["score"]) == 0 and row["status"] == "graded"
            assert row["passed"] == "false" and row["objectives_demonstrated"] == ""
        else:  # answered the trainer's questions, not graded yet
            assert float(row["score"]) == auto and row["status"] == "pending"
            # waiting for the trainer, unless an autograded cell of the objective already failed
            waiting = {o for g in manual for o in objective_map()[g]}
            pending = set(row["objectives_pending"].split(";"))
            assert "m00.reflect" in pending and pending <= waiting, pending
    assert register.as_of == max(t.date() for t in cohort.timestamps.values())
