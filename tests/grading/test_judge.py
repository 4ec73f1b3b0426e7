"""The judge kernel: answers that are functions are called in an oracle process (m01).

Graded with ``fairhire grade`` through the real nbgrader CLI. A function the
learner wrote runs only in a separate process; what it does there cannot
reach the judge's tests, and an honest function earns its points whatever
plain type it returns.
"""

from __future__ import annotations

import pytest

from fairhire import submissions
from fairhire.grading import report
from fairhire.grading.grade import grade
from fairhire.grading.processes import Limits

from .course_setup import make_course, submit_variants

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

MODULE, NOTEBOOK = "m01", "m01_opdracht"
CELL = "m01-count-pairs"
LIMITS = Limits(memory_mb=2048, cpu_seconds=180, timeout=400, cell_timeout=60)

ANSWERS = {
    # honest, typed differently from the solution: a Counter (a dict) and a helper
    "counter": (
        "from collections import Counter\n\n\n"
        "def count_pairs(word_list):\n"
        "    pairs = zip(word_list, word_list[1:])  # buurwoorden\n"
        "    return Counter(pairs)\n\n\n"
        "print(count_pairs(ad_words))\n"
    ),
    # wrong, and when called it rigs the builtins the hidden test uses:
    # in the learner's kernel that passed; in the oracle it changes nothing of the judge's
    "rigged": (
        "def count_pairs(word_list):\n"
        "    b = __import__('built' + 'ins')\n"
        "    setattr(b, 'isinst' + 'ance', lambda *args: True)\n"
        "    setattr(b, 'di' + 'ct', lambda *args, **kwargs: 0)\n"
        "    return {}\n"
    ),
    # never returns: the oracle's time limit stops it, the batch goes on
    "endless": "def count_pairs(word_list):\n    while True:\n        pass\n",
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("judge") / "course", modules=(MODULE,))
    variants = {name: {f"{CELL}-answer": source} for name, source in ANSWERS.items()}
    points = submit_variants(course, MODULE, NOTEBOOK, variants)
    run = grade(course, MODULE, workers=2, limits=LIMITS)
    return course, run, points


def _cell_scores(course, learner):
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        nb = gb.find_submission_notebook(NOTEBOOK, MODULE, learner)
        return {g.name: g.auto_score for g in nb.grades if g.cell.cell_type == "code"}


def test_honest_functions_earn_every_point(graded):
    course, run, points = graded
    for learner in ("solution", "counter"):
        assert run.outcomes[learner].status == "graded", run.outcomes[learner].findings
        findings = [f.message for f in run.outcomes[learner].findings]
        expected = {g: float(p) for g, p in points.items()}
        assert _cell_scores(course, learner) == expected, (learner, findings)


def test_a_function_cannot_reach_the_judge(graded):
    course, run, points = graded
    # the rigged builtins break the learner's own kernel (a given cell calls the function),
    # never the judge's: no points, and the report says why
    scores = _cell_scores(course, "rigged")
    assert sum(scores.values()) == 0.0
    assert run.outcomes["rigged"].status in ("failed", "suspect")


def test_a_function_that_never_returns_costs_only_its_own_question(graded):
    course, run, points = graded
    scores = _cell_scores(course, "endless")
    assert scores[CELL] == 0.0
    others = {g: s for g, s in scores.items() if g != CELL}
    findings = [f.message for f in run.outcomes["endless"].findings]
    assert others == {g: float(p) for g, p in points.items() if g != CELL}, findings


def test_the_report_shows_the_learners_code_not_the_injection(graded):
    course, _, _ = graded
    nb = submissions.read(course.path(course.autograded, "counter", MODULE, f"{NOTEBOOK}.ipynb"))
    source = next(
        c.source
        for c in nb.cells
        if submissions.nbgrader_meta(c).get("grade_id") == f"{CELL}-answer"
    )
    assert "Counter(pairs)" in source and "_fairhire_inject" not in source
    rows = {r.student: r for r in report.build(course, [MODULE])}
    assert rows["counter"].status == "graded"
