"""The self-check at the end of an exercise and the course overview."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from fairhire import progress, submissions
from fairhire.cli import main
from fairhire.progress import (
    answer_status,
    course_progress,
    find_notebook,
    overview_html,
    questions,
    run_visible_checks,
    self_check,
    visible_part,
)

from .conftest import ROOT, modules, rel, solution_notebooks

M00_EXERCISE = ROOT / "exercises" / "m00" / "m00_opdracht.ipynb"
M00_SOLUTION = ROOT / "solutions" / "m00" / "m00_opdracht.ipynb"


def learner_namespace(nb: nbformat.NotebookNode) -> dict:
    """What a learner has after running every non-test code cell of ``nb``."""
    ns: dict = {}
    for cell in nb.cells:
        meta = submissions.nbgrader_meta(cell)
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
    assert [q.manual for q in qs].count(True) == 1
    assert all("HIDDEN" not in q.visible_code and "sys.modules" not in q.visible_code for q in qs)


def test_answer_status_counts_filled_in_answers():
    assert answer_status(submissions.read(M00_EXERCISE)) == (0, 6)
    assert answer_status(solved()) == (6, 6)


def test_visible_checks_pass_for_the_solution_and_explain_failures():
    nb = solved()
    ns = learner_namespace(nb)
    outcomes = run_visible_checks(nb, ns)
    assert [o.passed for o in outcomes] == [True] * 5 + [None]
    assert progress.summary_numbers(outcomes)["passed_points"] == 10

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


def test_find_notebook_prefers_the_session_then_the_course(tmp_path, monkeypatch):
    session = tmp_path / "kopie.ipynb"
    shutil.copy(M00_EXERCISE, session)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert find_notebook({"__session__": str(session)}, "m00") == session
    monkeypatch.setenv("JPY_SESSION_NAME", str(session))
    assert find_notebook({}, "m00") == session
    monkeypatch.delenv("JPY_SESSION_NAME")
    assert find_notebook({}, "m00") == M00_EXERCISE
    assert find_notebook({}, "m99") is None


def test_self_check_outside_a_notebook_prints_a_table_and_never_raises(capsys):
    self_check("m00")
    out = capsys.readouterr().out
    assert "Vraag 1 · Een percentage uitrekenen" in out and "0 van de 5 vragen" in out
    self_check("m99")
    assert "kan het notebook niet vinden" in capsys.readouterr().out


@pytest.mark.parametrize("path", solution_notebooks(), ids=rel)
def test_every_exercise_ends_with_an_ungraded_self_check(path):
    nb = nbformat.read(path, as_version=4)
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    assert "self_check()" in last.source, "the last code cell must call fairhire.self_check()"
    meta = submissions.nbgrader_meta(last)
    assert not meta.get("grade") and not meta.get("solution") and meta.get("locked")


def course_copy(tmp_path):
    for name in ("course", "exercises"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    return tmp_path


def test_overview_without_executing(tmp_path, monkeypatch, capsys):
    root = course_copy(tmp_path)
    monkeypatch.setenv("FAIRHIRE_ROOT", str(root))
    rows = course_progress(root, execute=False)
    assert [r.module for r in rows] == modules()
    m00 = rows[0]
    assert m00.status == "nog niet begonnen" and (m00.answered, m00.answers) == (0, 6)
    html = overview_html(rows, base=root / "course")
    assert "href='../exercises/m00/m00_opdracht.ipynb'" in html and "href='m00_start.ipynb'" in html
    assert main(["progress", "--snel"]) == 0
    out = capsys.readouterr().out
    assert "m00" in out and "nog niet begonnen" in out
    for module in modules():
        assert module in out


@pytest.mark.slow
def test_overview_runs_the_checks_of_a_started_exercise_without_changing_it(tmp_path):
    root = course_copy(tmp_path)
    nb = solved()
    nb = submissions.fill_answers(
        nb,
        {
            "m00-hours-filter-answer": 'full_time = "Bilal"',
            "m00-art4-answer": "# JOUW CODE HIER\nraise NotImplementedError()",
        },
    )
    path = root / "exercises" / "m00" / "m00_opdracht.ipynb"
    submissions.write(nb, path)
    before = path.read_bytes()
    (path.parent / "eigen_bestand.txt").write_text("van de cursist")
    row = progress.module_progress(root, "m00", execute=True)
    assert row.status == "bezig" and row.answered == 5 and row.checked
    by_id = {o.question.grade_id: o for o in row.outcomes}
    assert [by_id[g].passed for g in ("m00-invite-share", "m00-hours-filter", "m00-art4")] == [
        True,
        False,
        False,
    ]
    assert "lijst" in by_id["m00-hours-filter"].message
    assert "nog niet beantwoord" in by_id["m00-art4"].message
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "eigen_bestand.txt",
        "m00_opdracht.ipynb",
    ]
    assert "3/5 ✅ (5/10 pt)" in progress.overview_text([row])
