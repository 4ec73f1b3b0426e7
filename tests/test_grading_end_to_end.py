"""Every module is graded right by the real nbgrader CLI.

The solution typed into the student copy gets full marks, the untouched copy
gets zero, and a plausible wrong answer loses exactly that question's points.
Feedback for learners shows no hidden test.
"""

from __future__ import annotations

import pytest

from fairhire import submissions

from .conftest import modules
from .nbgrader_course import Course
from .wrong_answers import WRONG_ANSWERS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=modules())
def graded(request, tmp_path_factory):
    module = request.param
    course = Course(tmp_path_factory.mktemp(module), module)
    course.generate()
    gid, wrong_source, _ = WRONG_ANSWERS[module]
    for notebook in course.notebooks():
        exercise, solution = course.exercise(notebook), course.solution(notebook)
        solved = submissions.solved_copy(exercise, solution)
        course.submit("solution", notebook, solved)
        course.submit("untouched", notebook, exercise)
        if gid in submissions.answer_cells(solved):
            course.submit("wrong", notebook, submissions.fill_answers(solved, {gid: wrong_source}))
        else:
            course.submit("wrong", notebook, solved)
    course.autograde()
    return course


def test_every_module_has_a_wrong_answer_case():
    assert set(WRONG_ANSWERS) >= set(modules())


def test_solution_gets_full_marks(graded):
    for notebook in graded.notebooks():
        expected = submissions.autograded_points(graded.solution(notebook))
        assert expected, f"{notebook} has no autograded questions"
        assert graded.scores("solution", notebook) == expected


def test_untouched_exercise_gets_zero(graded):
    for notebook in graded.notebooks():
        scores = graded.scores("untouched", notebook)
        assert scores and sum(scores.values()) == 0, scores


def test_wrong_answer_loses_that_question(graded):
    _, _, lost = WRONG_ANSWERS[graded.module]
    for notebook in graded.notebooks():
        full = submissions.autograded_points(graded.solution(notebook))
        scores = graded.scores("wrong", notebook)
        expected = {gid: (0.0 if gid in lost else pts) for gid, pts in full.items()}
        assert scores == expected


def test_feedback_hides_hidden_tests(graded):
    # also for failed test cells: their tracebacks quote the lines around the error
    for learner in ("solution", "untouched", "wrong"):
        graded.nbgrader("generate_feedback", graded.module, f"--student={learner}", "--force")
        pages = list((graded.path / "feedback" / learner / graded.module).glob("*.html"))
        assert pages, learner
        for page in pages:
            html = page.read_text(encoding="utf-8")
            assert "HIDDEN TESTS" not in html, (learner, page.name)
            assert "sys.modules" not in html, (learner, page.name)  # the hidden-test prelude
