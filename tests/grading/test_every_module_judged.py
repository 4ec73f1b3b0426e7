"""Every module's solution, graded by ``fairhire grade``, earns full marks from the judge.

The end-to-end test grades with plain nbgrader; this one goes through the learner's run and
the judge for every module, so an answer the judge cannot take (an object that is not passed
on) shows up as lost points here. Every test cell is graded by the judge, the course's
documents (Worksheet, AuditReport) included.
"""

from __future__ import annotations

import json

import pytest

from fairhire import modules as registry
from fairhire import submissions
from fairhire.grading.grade import grade
from fairhire.grading.processes import Limits

from ..conftest import ROOT, modules
from .course_setup import make_course

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

LIMITS = Limits(memory_mb=3072, cpu_seconds=600, timeout=900, cell_timeout=300)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return make_course(tmp_path_factory.mktemp("every") / "course", modules=tuple(modules()))


@pytest.mark.parametrize("module", modules())
def test_the_solution_earns_full_marks_from_the_judge(course, module):
    entry = registry.module(module)
    notebook = entry.exercise.removesuffix(".ipynb")
    exercise = submissions.read(ROOT / "exercises" / module / entry.exercise)
    solution = submissions.read(ROOT / "solutions" / module / entry.exercise)
    folder = course.path(course.submitted, "solution", module)
    folder.mkdir(parents=True)
    submissions.write(submissions.solved_copy(exercise, solution), folder / entry.exercise)
    run = grade(course, module, workers=1, limits=LIMITS)
    outcome = run.outcomes["solution"]
    findings = json.dumps([f.to_dict() for f in outcome.findings], ensure_ascii=False)
    assert outcome.status == "graded", findings
    assert "not-passed" not in findings, findings

    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        nb = gb.find_submission_notebook(notebook, module, "solution")
        scores = {g.name: g.auto_score for g in nb.grades if g.cell.cell_type == "code"}
    assert scores == submissions.autograded_points(solution), findings
