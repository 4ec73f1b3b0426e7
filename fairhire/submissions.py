"""Read and fill the answer cells of nbgrader notebooks.

Used to build test submissions (the solution typed into the student copy, a
wrong answer, a blank copy) and by the trainer tools that inspect them.
"""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat

from .running_notebook import nbgrader_meta


def answer_cells(nb: nbformat.NotebookNode) -> dict[str, str]:
    """grade_id -> source of every answer cell (``solution: true``)."""
    return {
        nbgrader_meta(c)["grade_id"]: c["source"]
        for c in nb.cells
        if nbgrader_meta(c).get("solution")
    }


def graded_cells(nb: nbformat.NotebookNode) -> dict[str, float]:
    """grade_id -> points of every graded cell (autograded tests and manual answers)."""
    return {
        nbgrader_meta(c)["grade_id"]: float(nbgrader_meta(c).get("points", 0))
        for c in nb.cells
        if nbgrader_meta(c).get("grade")
    }


def autograded_points(nb: nbformat.NotebookNode) -> dict[str, float]:
    """grade_id -> points of the graded *code* cells (what the autograder scores)."""
    return {
        nbgrader_meta(c)["grade_id"]: float(nbgrader_meta(c).get("points", 0))
        for c in nb.cells
        if nbgrader_meta(c).get("grade") and c.cell_type == "code"
    }


def strip_solution_markers(source: str) -> str:
    """Drop the ``### BEGIN/END SOLUTION`` lines, keeping what is between them."""
    return "\n".join(
        line
        for line in source.split("\n")
        if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION")
    )


def fill_answers(exercise: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    """Return a copy of a student notebook with some answer cells replaced.

    Parameters
    ----------
    exercise : NotebookNode
        The generated student version.
    answers : dict
        grade_id -> new cell source. Unknown ids raise ``KeyError``.
    """
    nb = copy.deepcopy(exercise)
    seen = set()
    for cell in nb.cells:
        gid = nbgrader_meta(cell).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
            seen.add(gid)
    missing = set(answers) - seen
    if missing:
        raise KeyError(f"no answer cells with grade_id {sorted(missing)}")
    return nb


def solved_copy(
    exercise: nbformat.NotebookNode, solution: nbformat.NotebookNode
) -> nbformat.NotebookNode:
    """The student notebook with every answer cell as in the solution (markers removed)."""
    answers = {gid: strip_solution_markers(src) for gid, src in answer_cells(solution).items()}
    return fill_answers(exercise, answers)


def read(path: str | Path) -> nbformat.NotebookNode:
    """Read a notebook as nbformat 4."""
    return nbformat.read(str(path), as_version=4)


def write(nb: nbformat.NotebookNode, path: str | Path) -> None:
    """Write a notebook, creating folders as needed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
