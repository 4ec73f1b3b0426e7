"""Every notebook is what its MyST text generates, byte for byte."""

from __future__ import annotations

import nbformat
import pytest

from fairhire.authoring.canonical import notebook_bytes
from fairhire.authoring.pairs import pairs
from fairhire.authoring.text import HEADER, notebook_from_text, text_from_notebook

from ..conftest import ROOT

PAIRS = pairs(ROOT)


def _name(pair):
    return pair.text.relative_to(ROOT).as_posix()


def test_every_lesson_and_exercise_has_a_text():
    assert len(PAIRS) == 2 * len({p.module.id for p in PAIRS})
    assert all(p.text.is_file() for p in PAIRS)


@pytest.mark.parametrize("pair", PAIRS, ids=_name)
def test_notebook_is_what_its_text_generates(pair):
    text = pair.text.read_text(encoding="utf-8")
    assert pair.notebook.read_bytes() == notebook_bytes(notebook_from_text(text))


@pytest.mark.parametrize("pair", PAIRS, ids=_name)
def test_text_survives_a_round_trip_through_the_notebook(pair):
    text = pair.text.read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    assert text_from_notebook(notebook_from_text(text)) == text


def test_the_same_text_gives_the_same_bytes():
    text = PAIRS[0].text.read_text(encoding="utf-8")
    assert notebook_bytes(notebook_from_text(text)) == notebook_bytes(notebook_from_text(text))


def test_outputs_and_view_state_do_not_reach_the_text():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('hallo')", execution_count=3)
    cell.outputs = [nbformat.v4.new_output("stream", text="uitvoer van de cel\n")]
    cell.metadata.update(scrolled=True, tags=["raises-exception"])
    nb.cells = [nbformat.v4.new_markdown_cell("# Titel"), cell]
    text = text_from_notebook(nb)
    assert "uitvoer van de cel" not in text
    assert "scrolled" not in text and "raises-exception" in text
    back = notebook_from_text(text)
    assert back.cells[1].outputs == [] and back.cells[1].execution_count is None
    assert back.cells[1].metadata == {"tags": ["raises-exception"]}


def test_nbgrader_metadata_survives_the_text():
    meta = {
        "nbgrader": {
            "grade": True,
            "grade_id": "m09-demo",
            "locked": True,
            "points": 2,
            "schema_version": 3,
            "solution": False,
            "task": False,
        }
    }
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("assert True", metadata=meta)]
    back = notebook_from_text(text_from_notebook(nb))
    assert back.cells[0].metadata == meta and back.cells[0].id == "m09-demo"
