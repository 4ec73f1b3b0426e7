"""docs/authoring.md: its worked example is a valid text, and it names no path outside the repo."""

from __future__ import annotations

import re

from fairhire.authoring.text import HEADER, notebook_from_text

from ..conftest import ROOT

DOC = (ROOT / "docs/authoring.md").read_text(encoding="utf-8")


def _example_cells():
    section = DOC[DOC.index("## Adding a question") : DOC.index("## Checklist")]
    blocks = re.findall(r"^(`{3,4})markdown\n(.*?)^\1$", section, re.S | re.M)
    return notebook_from_text(HEADER + "\n" + "\n".join(b for _, b in blocks)).cells


def test_the_worked_example_makes_question_answer_and_test_cells():
    cells = _example_cells()
    meta = [c.metadata["nbgrader"] for c in cells]
    assert [c.cell_type for c in cells] == ["markdown", "code", "code"]
    assert [m["grade_id"] for m in meta] == [
        "m00-not-invited-question",
        "m00-not-invited-answer",
        "m00-not-invited",
    ]
    assert meta[0]["locked"] and "<details><summary>💡 Hint</summary>" in cells[0].source
    assert meta[1]["solution"] and "### BEGIN SOLUTION" in cells[1].source
    assert meta[2]["grade"] and meta[2]["points"] == 1
    assert "### BEGIN HIDDEN TESTS" in cells[2].source
    assert '"m00-not-invited" = ["m00.notebook"]' in DOC


def test_the_doc_names_no_path_outside_the_repository():
    assert "/work/" not in DOC and "../" not in DOC and "nbauthor" not in DOC
