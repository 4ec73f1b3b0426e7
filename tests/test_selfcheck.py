"""The self-check at the end of an exercise."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from fairhire import submissions
from fairhire.running_notebook import nbgrader_meta
from fairhire.selfcheck import (
    Outcome,
    Question,
    code_parts,
    outcomes_html,
    outcomes_text,
    questions,
    run_visible_checks,
    self_check,
    summary_numbers,
    visible_part,
)

from .conftest import ROOT, rel, solution_notebooks

M00_EXERCISE = ROOT / "exercises" / "m00" / "m00_opdracht.ipynb"
M00_SOLUTION = ROOT / "solutions" / "m00" / "m00_opdracht.ipynb"


def learner_namespace(nb: nbformat.NotebookNode) -> dict:
    """What a learner has after running every non-test code cell of ``nb``."""
    ns: dict = {}
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if cell.cell_type == "code" and not meta.get("grade") and "self_check" not in cell.source:
            exec(compile(cell.source, "<cel>", "exec"), ns)
    return ns


def solved() -> nbformat.NotebookNode:
    return submissions.solved_copy(submissions.read(M00_EXERCISE), submissions.read(M00_SOLUTION))


def test_visible_part_drops_the_hidden_region():
    source = "check.that(x)\n### BEGIN HIDDEN TESTS\nassert secret\n### END HIDDEN TESTS\nprint(1)"
    assert visible_part(source) == "check.that(x)\nprint(1)"


def test_questions_of_m00_have_titles_points_and_no_hidden_code():
    qs = questions(submissions.read(M00_SOLUTION))
    assert [q.title for q in qs][:2] == [
        "Vraag 1 · Een percentage uitrekenen",
        "Vraag 2 · Een fout herstellen",
    ]
    auto = submissions.autograded_points(submissions.read(M00_SOLUTION))
    assert {q.grade_id: q.points for q in qs if not q.manual} == auto
    assert [q.manual for q in qs].count(True) == 2
    assert all("HIDDEN" not in q.visible_code and "sys.modules" not in q.visible_code for q in qs)


def test_visible_checks_pass_for_the_solution_and_explain_failures():
    nb = solved()
    ns = learner_namespace(nb)
    outcomes = run_visible_checks(nb, ns)
    assert [o.passed for o in outcomes] == [True] * 5 + [None, None]
    assert summary_numbers(outcomes)["passed_points"] == 10

    ns["full_time"] = "Bilal"  # a plausible mistake: text instead of a list
    del ns["art4_answer"]  # a question not answered yet
    by_id = {o.question.grade_id: o for o in run_visible_checks(nb, ns)}
    assert (
        by_id["m00-hours-filter"].passed is False and "lijst" in by_id["m00-hours-filter"].message
    )
    assert by_id["m00-art4"].passed is False and "bestaat nog niet" in by_id["m00-art4"].message
    assert by_id["m00-invite-share"].passed is True


def test_hidden_tests_are_never_run():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "seen = True\n### BEGIN HIDDEN TESTS\nhidden_ran = True\n### END HIDDEN TESTS"
            )
        ]
    )
    nb.cells[0].metadata["nbgrader"] = {
        "grade": True,
        "grade_id": "m99-x",
        "points": 1,
        "solution": False,
        "locked": True,
        "schema_version": 3,
    }
    ns: dict = {}
    assert run_visible_checks(nb, ns)[0].passed is True
    assert ns.get("seen") is True and "hidden_ran" not in ns


def outcomes_example() -> list[Outcome]:
    auto = Question("m00-a", "Vraag 1 <b>& co</b>", 2.0, False)
    manual = Question("m00-b", "Vraag 2", 1.5, True, answered=True)
    return [
        Outcome(auto, False, "`x<1>` bestaat nog niet"),
        Outcome(auto, True, "de zichtbare controle slaagt"),
        Outcome(manual, None, "ingevuld"),
    ]


def test_the_table_as_text_shows_marks_points_and_the_summary():
    text = outcomes_text(outcomes_example())
    assert "❌ `x<1>` bestaat nog niet" in text and "✍️ ingevuld" in text
    assert text.splitlines()[-1] == (
        "1 van de 2 vragen slagen voor de zichtbare controle: 2 van de 4 punten die de computer "
        "nakijkt. Je trainer beoordeelt nog 1.5 punten."
    )


def test_the_table_as_html_is_escaped_and_shows_code():
    html = outcomes_html(outcomes_example())
    assert html.startswith("<div class='fairhire-self-check'><h3>Zelfcontrole</h3>")
    assert "Vraag 1 &lt;b&gt;&amp; co&lt;/b&gt;" in html and "<b>& co" not in html
    assert "❌ <code>x&lt;1&gt;</code> bestaat nog niet" in html
    assert "<td>1.5</td>" in html and "Je trainer beoordeelt nog 1.5 punten." in html
    assert "Een ✅ betekent: je zit op de goede weg." in html


def test_code_parts_cut_a_message_at_backticks():
    parts = code_parts("`a` en `b` zijn leeg")
    assert parts == [("a", True), (" en ", False), ("b", True), (" zijn leeg", False)]
    assert code_parts("geen code") == [("geen code", False)]


def test_self_check_outside_a_notebook_prints_a_table_and_never_raises(capsys):
    self_check("m00")
    out = capsys.readouterr().out
    assert "Vraag 1 · Een percentage uitrekenen" in out and "0 van de 5 vragen" in out
    self_check("m99")
    assert "kan het notebook niet vinden" in capsys.readouterr().out


def test_importing_fairhire_leaves_the_self_check_for_later():
    code = (
        "import sys, fairhire\n"
        "before = [m for m in ('fairhire.selfcheck', 'fairhire.overview', 'nbformat', 'jinja2')"
        " if m in sys.modules]\n"
        "from fairhire import self_check, show_progress\n"
        "print(before, self_check.__module__, show_progress.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "fairhire.selfcheck", "fairhire.overview"]


@pytest.mark.parametrize("path", solution_notebooks(), ids=rel)
def test_every_exercise_ends_with_an_ungraded_self_check(path):
    nb = nbformat.read(path, as_version=4)
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    assert "self_check()" in last.source, "the last code cell must call fairhire.self_check()"
    meta = nbgrader_meta(last)
    assert not meta.get("grade") and not meta.get("solution") and meta.get("locked")
