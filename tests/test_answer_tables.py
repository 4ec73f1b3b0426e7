"""Every autograded question: right answers pass the visible check and the hidden tests,
plausible wrong answers fail both, and no check prints the expected answer."""

from __future__ import annotations

import importlib

import nbformat
import pytest

from fairhire.modules import module
from fairhire.running_notebook import nbgrader_meta

from .answer_table import run_table
from .conftest import ROOT, modules

pytestmark = pytest.mark.slow


def table(module_id: str) -> dict:
    try:
        return importlib.import_module(f"tests.answers.{module_id}").TABLE
    except ModuleNotFoundError:
        return {}


def autograded(module_id: str) -> list[str]:
    nb = nbformat.read(module(module_id).source_path(ROOT), as_version=4)
    out = []
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            out.append(meta["grade_id"])
    return out


MODULES = modules()
TABLED = [m for m in MODULES if table(m)]


@pytest.mark.parametrize("module_id", MODULES)
def test_every_autograded_question_has_a_table(module_id):
    entries = table(module_id)
    missing = [g for g in autograded(module_id) if g not in entries]
    if not entries:
        pytest.xfail(f"{module_id}: no table yet")
    assert not missing, f"{module_id}: no right/wrong table for {missing}"
    for grade_id, entry in entries.items():
        assert len(entry["right"]) >= 2, f"{grade_id}: at least two right forms"
        assert len(entry["wrong"]) >= 3, f"{grade_id}: at least three wrong answers"


@pytest.mark.parametrize("module_id", TABLED)
def test_checks_tell_right_from_wrong(module_id):
    verdicts = run_table(module_id, table(module_id))
    bad = [v.describe() for v in verdicts if not v.agrees()]
    assert not bad, "\n".join(bad)
    # a wrong answer is a value the learner can hold, not an error in the answer cell
    broken = [v.describe() for v in verdicts if not v.right and not v.answer_ok]
    assert not broken, "\n".join(broken)
    # the ❌ is the learner's own message, not a course error
    course_errors = [v.describe() for v in verdicts if "geen sleutel" in v.visible_message]
    assert not course_errors, "\n".join(course_errors)
