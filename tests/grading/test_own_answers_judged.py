"""An answer taken from the course package earns no points from the judge either.

``tests/test_own_answers.py`` grades with plain nbgrader, where the hidden tests see the
learner's function itself. Under ``fairhire grade`` they see a stand-in that calls it in
another process; the stand-in carries the learner's compiled code
(:mod:`fairhire.grading.shadow`), so an import, a copy and a wrapper of the package's function
still lose exactly their question, and the graded notebook says why.
"""

from __future__ import annotations

import json

import pytest

from fairhire import modules as registry
from fairhire import submissions
from fairhire.grading.grade import grade
from fairhire.grading.processes import Limits
from fairhire.originality import FUNCTION_MESSAGE, PATTERN_MESSAGE

from ..test_own_answers import ROUTES
from .course_setup import make_course, submit_variants

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

LIMITS = Limits(memory_mb=3072, cpu_seconds=600, timeout=900, cell_timeout=300)


@pytest.fixture(scope="module", params=sorted(ROUTES))
def graded(request, tmp_path_factory):
    module = request.param
    course = make_course(tmp_path_factory.mktemp(f"own-judged-{module}") / "course", (module,))
    notebook = registry.module(module).exercise.removesuffix(".ipynb")
    points = submit_variants(course, module, notebook, ROUTES[module])
    run = grade(course, module, workers=2, limits=LIMITS)
    return module, notebook, course, run, points


def _scores(course, module, notebook, learner):
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        nb = gb.find_submission_notebook(notebook, module, learner)
        return {g.name: g.auto_score for g in nb.grades if g.cell.cell_type == "code"}


def test_the_package_answer_loses_exactly_those_points_in_the_judge(graded):
    module, notebook, course, run, points = graded
    assert _scores(course, module, notebook, "solution") == points
    for learner, answers in ROUTES[module].items():
        findings = json.dumps([f.to_dict() for f in run.outcomes[learner].findings])
        assert run.outcomes[learner].status == "graded", (learner, findings)
        lost = {gid.removesuffix("-answer") for gid in answers}
        expected = {gid: (0.0 if gid in lost else pts) for gid, pts in points.items()}
        assert _scores(course, module, notebook, learner) == expected, (learner, findings)


def test_the_judged_notebook_says_why(graded):
    module, notebook, course, _, _ = graded
    for learner, answers in ROUTES[module].items():
        nb = submissions.read(course.path(course.autograded, learner, module, f"{notebook}.ipynb"))
        lost = {gid.removesuffix("-answer") for gid in answers}
        for cell in nb.cells:
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "") in lost:
                text = json.dumps(cell.get("outputs", []), ensure_ascii=False)
                assert FUNCTION_MESSAGE in text or PATTERN_MESSAGE in text, (learner, text[-400:])
