"""exercises/ is what `fairhire build` makes from solutions/, and leaks nothing."""

from __future__ import annotations

import re
import subprocess
import sys

import nbformat
import pytest

from fairhire.submissions import answer_cells, nbgrader_meta

from .conftest import ROOT, modules, rel, solution_notebooks


@pytest.mark.slow
def test_build_check_passes():
    proc = subprocess.run(
        [sys.executable, "-m", "fairhire", "build", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr


def test_every_module_has_its_exercise():
    for module in modules():
        sources = sorted(p.name for p in (ROOT / "solutions" / module).glob("*.ipynb"))
        released = sorted(p.name for p in (ROOT / "exercises" / module).glob("*.ipynb"))
        assert sources == released, module


def _solution_snippets(source: str) -> list[str]:
    """Non-trivial lines inside the solution regions of a code cell."""
    inside, lines = False, []
    for line in source.split("\n"):
        if "### BEGIN SOLUTION" in line:
            inside = True
        elif "### END SOLUTION" in line:
            inside = False
        elif inside and len(line.strip()) > 12:
            lines.append(line.strip())
    return lines


def _hidden_lines(source: str) -> list[str]:
    match = re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", source, re.S)
    if not match:
        return []
    return [
        line.strip() for line in match.group(1).split("\n") if line.strip().startswith("assert")
    ]


@pytest.mark.parametrize("path", solution_notebooks(), ids=rel)
def test_exercise_leaks_no_solution_and_no_hidden_test(path):
    solution = nbformat.read(path, as_version=4)
    exercise_path = ROOT / "exercises" / path.parent.name / path.name
    exercise_text = exercise_path.read_text(encoding="utf-8")
    exercise = nbformat.reads(exercise_text, as_version=4)
    body = "\n".join(c.source for c in exercise.cells)
    assert "BEGIN SOLUTION" not in exercise_text and "BEGIN HIDDEN TESTS" not in exercise_text
    for gid, source in answer_cells(solution).items():
        for snippet in _solution_snippets(source):
            assert snippet not in body, f"{gid}: solution line in the exercise: {snippet}"
    for cell in solution.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution") and cell.cell_type == "markdown":
            # a manually graded answer carries the rubric: none of it may be released
            for line in cell.source.split("\n"):
                if len(line.strip()) > 20:
                    assert line.strip() not in body, f"{meta['grade_id']}: rubric text released"
        for line in _hidden_lines(cell.source):
            assert line not in body, f"{meta.get('grade_id')}: hidden test released"


def test_trainer_only_files_are_not_released():
    trainer_files = sorted((ROOT / "solutions").glob("m*/TRAINER_*"))
    for path in trainer_files:
        released = ROOT / "exercises" / path.parent.name / path.name
        assert not released.exists(), f"{rel(released)} is for trainers only"
    for path in (ROOT / "exercises").rglob("*"):
        assert not path.name.startswith("TRAINER_"), rel(path)
