"""Models are judged where the learner's code cannot reach (m04), graded by ``fairhire grade``.

A fitted model goes to the judge as its state and is rebuilt there, so the hidden test that
asks "does this model predict what a rightly trained one predicts?" runs in the judge kernel.
An answer of the learner's own class is not passed on and cannot move the question into the
learner's kernel: that question gets no points and the report names the answer.
"""

from __future__ import annotations

import json

import pytest

from fairhire.grading.grade import grade
from fairhire.grading.processes import Limits

from .course_setup import make_course, submit_variants

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

MODULE, NOTEBOOK, CELL = "m04", "m04_opdracht", "m04-train"
LIMITS = Limits(memory_mb=3072, cpu_seconds=400, timeout=600, cell_timeout=120)

ANSWERS = {
    # wrong: trained on the test data; a model of the course, so judged in the judge
    "wrong-data": (
        "model = make_screening_model()\n"
        'model.fit(test, test["invited"])\n'
        "predicted = model.predict(test)\n"
        'test_accuracy = accuracy_score(test["invited"], predicted)\n'
    ),
    # a class of the learner's own that claims to be a Pipeline
    "own-class": (
        "class Mine(Pipeline):\n"
        "    pass\n\n"
        'model = Mine(make_screening_model().steps).fit(train, train["invited"])\n'
        "predicted = model.predict(test)\n"
        'test_accuracy = accuracy_score(test["invited"], predicted)\n'
    ),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("objects") / "course", modules=(MODULE,))
    variants = {name: {f"{CELL}-answer": source} for name, source in ANSWERS.items()}
    points = submit_variants(course, MODULE, NOTEBOOK, variants)
    run = grade(course, MODULE, workers=2, limits=LIMITS)
    return course, run, points


def _scores(course, learner):
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        nb = gb.find_submission_notebook(NOTEBOOK, MODULE, learner)
        return {g.name: g.auto_score for g in nb.grades if g.cell.cell_type == "code"}


def _findings(run, learner):
    text = json.dumps([f.to_dict() for f in run.outcomes[learner].findings], ensure_ascii=False)
    return text


def test_the_solution_model_is_judged_in_the_judge_and_earns_full_marks(graded):
    course, run, points = graded
    assert _scores(course, "solution") == points, _findings(run, "solution")


def test_a_wrongly_trained_model_loses_the_question_in_the_judge(graded):
    course, run, points = graded
    scores = _scores(course, "wrong-data")
    assert scores[CELL] == 0
    # the question before it keeps its points (the ones after use this model and may lose theirs)
    assert scores["m04-baseline"] == points["m04-baseline"]


def test_an_object_of_the_learners_own_is_not_passed_and_earns_nothing(graded):
    course, run, _ = graded
    assert _scores(course, "own-class")[CELL] == 0
    findings = _findings(run, "own-class")
    assert "not-passed" in findings and "`model`" in findings, findings
