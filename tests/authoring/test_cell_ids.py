"""Cell ids are deterministic, valid and unique."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell

from fairhire.authoring.cell_ids import VALID_ID, assign_ids, base_id

from ..conftest import exercise_notebooks, lesson_notebooks, rel, solution_notebooks


def _graded(source: str, grade_id: str):
    return new_code_cell(source, metadata={"nbgrader": {"grade_id": grade_id, "grade": True}})


def test_a_graded_cell_is_named_by_its_grade_id():
    assert base_id(_graded("x = 1", "m03-explore")) == "m03-explore"


def test_other_cells_are_named_by_type_and_content():
    a, b = new_markdown_cell("# Titel"), new_markdown_cell("# Titel")
    assert base_id(a) == base_id(b)
    assert base_id(a).startswith("md-") and base_id(new_code_cell("# Titel")).startswith("code-")
    assert base_id(new_markdown_cell("# Andere titel")) != base_id(a)


def test_an_invalid_grade_id_falls_back_to_the_content():
    assert base_id(_graded("x = 1", "m03 met spatie")).startswith("code-")
    assert base_id(_graded("x = 1", "m" * 65)).startswith("code-")


def test_repeated_cells_get_a_suffix_in_order():
    cells = [new_markdown_cell("zelfde") for _ in range(3)]
    cells += [_graded("", "g" * 64), _graded("", "g" * 64)]  # the longest id nbformat allows
    assign_ids(cells)
    ids = [c.id for c in cells]
    assert ids[1] == ids[0] + "-2" and ids[2] == ids[0] + "-3"
    assert ids[3] == "g" * 64 and ids[4] == "g" * 62 + "-2"
    assert len(set(ids)) == len(ids) and all(VALID_ID.match(i) for i in ids)


def test_the_same_cells_get_the_same_ids():
    def make():
        cells = [new_markdown_cell("a"), new_code_cell("b"), new_markdown_cell("a")]
        assign_ids(cells)
        return [c.id for c in cells]

    assert make() == make()


@pytest.mark.parametrize(
    "path", lesson_notebooks() + solution_notebooks() + exercise_notebooks(), ids=rel
)
def test_every_notebook_has_valid_unique_ids(path):
    nb = nbformat.read(path, as_version=4)
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids)
    assert all(VALID_ID.match(i) for i in ids)
