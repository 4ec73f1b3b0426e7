"""The course's documents are judged where the learner's code cannot reach (m07, m08).

The worksheet (m07) and the audit report (m08) go to the judge as their content (texts, tables,
PNG bytes) and are rebuilt there; the given export cell writes the document again in the
judge's folder, and the hidden tests read that. So an answer cell that hooks the learner's
kernel (here: an input transformer that drops every ``assert`` and ``check.`` line) no longer
gets a document question through: graded by ``fairhire grade``, the question earns nothing and
the submission is suspect.
"""

from __future__ import annotations

import json

import pytest

from fairhire import submissions
from fairhire.grading.grade import grade
from fairhire.grading.processes import Limits

from .course_setup import make_course, submit_variants

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

LIMITS = Limits(memory_mb=3072, cpu_seconds=600, timeout=900, cell_timeout=300)
# drops the lines of the cells after it that would fail (the hook the old kernel-graded cells
# were exposed to)
_QUIET = (
    "\n_hooks = getattr(get_ipython(), 'input_transformers_' + 'post')\n"
    "_hooks.append(lambda lines: [ln for ln in lines if 'assert' not in ln and 'check.' not in ln])\n"
)
_EMPTY_REPORT = (
    'report = AuditReport(tool_name="Selectomaat", organisation="Flex & Co", memo="Te kort.")\n'
)
_PLACEHOLDER_SHEET = (
    'ws = Worksheet(tool_name="naam van de tool", organisation="naam van je organisatie")\n'
)
# module -> (notebook, question, learner -> answer source)
CASES = {
    "m07": (
        "m07_opdracht",
        "m07-worksheet",
        {
            "worksheet-placeholder-names": _PLACEHOLDER_SHEET,
            "worksheet-placeholder-hooked": _PLACEHOLDER_SHEET + _QUIET,
        },
    ),
    "m08": (
        "m08_opdracht",
        "m08-report",
        {
            "report-empty": _EMPTY_REPORT,
            "report-empty-hooked": _EMPTY_REPORT + _QUIET,
        },
    ),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def graded(request, tmp_path_factory):
    module = request.param
    notebook, question, answers = CASES[module]
    course = make_course(
        tmp_path_factory.mktemp(f"documents-{module}") / "course", modules=(module,)
    )
    variants = {learner: {f"{question}-answer": src} for learner, src in answers.items()}
    points = submit_variants(course, module, notebook, variants)
    run = grade(course, module, workers=2, limits=LIMITS)
    return module, course, run, points


def _scores(course, module, learner):
    from nbgrader.api import Gradebook

    notebook = CASES[module][0]
    with Gradebook(course.db_url, course.course_id) as gb:
        nb = gb.find_submission_notebook(notebook, module, learner)
        return {g.name: g.auto_score for g in nb.grades if g.cell.cell_type == "code"}


def _findings(run, learner) -> str:
    return json.dumps([f.to_dict() for f in run.outcomes[learner].findings], ensure_ascii=False)


def test_the_solution_document_earns_its_points_from_the_judge(graded):
    module, course, run, points = graded
    assert _scores(course, module, "solution") == points, _findings(run, "solution")
    assert run.outcomes["solution"].status == "graded"
    assert "not-passed" not in _findings(run, "solution")


def test_a_document_without_content_loses_only_that_question(graded):
    module, course, run, points = graded
    question = CASES[module][1]
    learner = next(n for n in CASES[module][2] if not n.endswith("-hooked"))
    expected = {gid: (0.0 if gid == question else pts) for gid, pts in points.items()}
    assert _scores(course, module, learner) == expected, _findings(run, learner)
    assert run.outcomes[learner].status == "graded"


def test_a_hook_in_the_learners_kernel_cannot_pass_the_document_question(graded):
    module, course, run, _ = graded
    question = CASES[module][1]
    learner = next(n for n in CASES[module][2] if n.endswith("-hooked"))
    outcome = run.outcomes[learner]
    assert outcome.status == "suspect", _findings(run, learner)
    assert "hook-transformers" in _findings(run, learner)
    # a suspect submission's points are withheld anyway: the judge's own verdict is in the
    # graded notebook, where the question's test cell failed
    assert _scores(course, module, learner)[question] == 0.0
    notebook = CASES[module][0]
    graded_nb = submissions.read(
        course.path(course.autograded, learner, module, f"{notebook}.ipynb")
    )
    cell = next(
        c for c in graded_nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == question
    )
    assert any(o.get("output_type") == "error" for o in cell.outputs), cell.outputs
