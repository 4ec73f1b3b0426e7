"""Every notebook in course/ and solutions/ is clean: valid, no outputs, Dutch, python3."""

from __future__ import annotations

import json

import nbformat
import pytest

from .conftest import lesson_notebooks, rel, solution_notebooks

NOTEBOOKS = lesson_notebooks() + solution_notebooks()


def test_there_are_notebooks():
    assert any("course" in str(p) for p in NOTEBOOKS)
    assert any("solutions" in str(p) for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=rel)
def test_notebook_is_clean(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["nbformat"] == 4
    nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} has outputs"
            assert cell.execution_count is None, f"cell {i} has an execution count"
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata.get("language") == "nl"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=rel)
def test_first_code_cell_calls_start(path):
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "start(" in first.source, "the first code cell must call fairhire.start()"
