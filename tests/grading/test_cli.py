"""``fairhire grade`` and ``fairhire grading-report`` on the command line."""

from __future__ import annotations

import contextlib
import io

import pytest

from fairhire.cli import main

from .course_setup import MODULE, submit_fixture


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_help_lists_the_trainer_commands(capsys):
    assert main([]) == 2
    out = capsys.readouterr().out
    for command in ("grade", "grading-report", "register"):
        assert command in out


@pytest.mark.parametrize("command", ["grade", "grading-report"])
def test_outside_a_course_the_message_says_where_to_go(command, tmp_path):
    code, _, err = run(command, "--course", str(tmp_path))
    assert code == 2 and "nbgrader_config.py" in err and "Traceback" not in err


def test_unknown_module(course):
    code, _, err = run("grade", "m42", "--course", str(course.root))
    assert code == 2 and "nbgrader generate_assignment m42" in err
    code, _, err = run("grading-report", "m42", "--course", str(course.root))
    assert code == 2 and "m42" in err


def test_grade_without_submissions(course):
    code, _, err = run("grade", "--course", str(course.root))
    assert code == 2 and "Geen inzendingen" in err


def test_grading_report_writes_files(course, tmp_path):
    submit_fixture(course, "submitted-invalid-json.ipynb")
    code, out, _ = run("grading-report", "--course", str(course.root), "--out", str(tmp_path))
    assert code == 0
    assert "nog niet nagekeken" in out  # submitted, never autograded
    assert (tmp_path / "nakijkrapport.csv").is_file() and (
        tmp_path / "nakijkrapport.html"
    ).is_file()


@pytest.mark.slow
def test_grade_one_learner(course):
    learner = submit_fixture(course, "submitted-invalid-json.ipynb")
    code, out, _ = run("grade", MODULE, "--course", str(course.root), "--student", learner)
    assert code == 0
    assert f"{learner}: MISLUKT" in out and "geen geldig notebookbestand" in out
    assert "Samenvatting: MISLUKT: 1" in out
