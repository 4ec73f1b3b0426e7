"""The parts of the judge that need no kernel: names, the judge notebook, the tripwire's rules."""

from __future__ import annotations

import builtins

import nbformat

from fairhire import submissions
from fairhire.grading import judge, kernel_guard, names
from fairhire.grading.definitions import CellDef, NotebookDef

from ..conftest import ROOT

NOTEBOOK = ROOT / "solutions" / "m00" / "m00_opdracht.ipynb"


def test_bound_names_are_what_a_cell_gives_the_notebook():
    source = (
        "import pandas as pd\nfrom math import isclose as close\nx, (y, z) = 1, (2, 3)\n"
        "total += 1\nfor i in range(3):\n    w = i\nif (n := 5):\n    pass\n"
        "def f(a):\n    inner = a\n    return inner\n\nclass K:\n    attr = 1\n"
        "with open('f') as fh:\n    pass\n%matplotlib inline\n_private = 1\nfloat = 2\n"
    )
    assert names.bound_names(source) == [
        "pd", "close", "x", "y", "z", "total", "i", "w", "n", "f", "K", "fh", "_private", "float"
    ]  # fmt: skip
    assert "float" not in names.answer_names(source) and "_private" not in names.answer_names(
        source
    )
    assert names.bound_names("def (") == []


def test_solution_names_per_answer_cell():
    found = judge.solution_names(NOTEBOOK)
    assert found["m00-invite-share-answer"] == ["invite_percentage"]
    assert found["m00-hours-filter-answer"] == ["full_time"]
    assert not any(hasattr(builtins, n) for ns in found.values() for n in ns)


def _defs(nb):
    cells = []
    for cell in nb.cells:
        meta = submissions.nbgrader_meta(cell)
        if meta.get("grade_id"):
            cells.append(
                CellDef(
                    meta["grade_id"],
                    cell.cell_type,
                    bool(meta.get("locked")),
                    cell.source,
                    "",
                    grade=bool(meta.get("grade")),
                    solution=bool(meta.get("solution")),
                    points=float(meta.get("points", 0)),
                )
            )
    return NotebookDef("m00_opdracht", None, cells)


def test_the_judge_notebook_holds_no_learner_code():
    solution = submissions.read(NOTEBOOK)
    nb = submissions.read(ROOT / "exercises" / "m00" / "m00_opdracht.ipynb")
    nb = submissions.fill_answers(
        nb, {"m00-invite-share-answer": "import os\ninvite_percentage = 25.0\nos.system('x')"}
    )
    own = nbformat.v4.new_code_cell("print('mijn eigen cel')")
    nb.cells.insert(1, own)
    steps = judge.plan(nb, _defs(solution), judge.solution_names(NOTEBOOK))
    answer = next(s for s in steps if s.grade_id == "m00-invite-share-answer")
    run = judge.NotebookRun(
        "m00_opdracht",
        steps,
        {answer.index: {"values": {"invite_percentage": {"t": "float", "v": "25.0"},
                                   "os": {"t": "module", "v": "os"}}}},
    )  # fmt: skip
    out = judge.judge_notebook(nb, run, None)
    sources = [c.source for c in out.cells]
    assert "print('mijn eigen cel')" not in sources and len(out.cells) == len(nb.cells) - 1
    injected = next(
        c.source
        for c in out.cells
        if submissions.nbgrader_meta(c).get("grade_id") == "m00-invite-share-answer"
    )
    assert "os.system" not in injected and "invite_percentage" in injected
    assert '"os"' not in injected  # only the names the question asks for
    for before, after in zip(
        [c for c in nb.cells if c.source != "print('mijn eigen cel')"], out.cells, strict=True
    ):
        meta = submissions.nbgrader_meta(before)
        if meta.get("locked"):
            assert before.source == after.source and before.metadata == after.metadata


def test_injection_binds_plain_values_only():
    from fairhire.grading.injection import inject

    namespace = {}
    inject(
        namespace,
        '{"a": {"t": "int", "v": "3"}, "_b": {"t": "int", "v": "1"},'
        ' "c": {"t": "ref", "v": "os.system"}, "d": {"t": "oracle", "v": "0:d"}}',
    )
    assert namespace == {"a": 3}


def test_tripwire_rules():
    before = {"transformers:ast": "1", "modules:numpy.isclose": "5:0", "builtins:len": "7"}
    same = dict(before, **{"modules:numpy.newattr": "9:0"})
    assert kernel_guard.changes(before, same) == []  # a new module attribute is no change
    changed = dict(before, **{"transformers:ast": "2", "builtins:len": "8"})
    assert kernel_guard.changes(before, changed) == ["builtins:len", "transformers:ast"]
    assert "builtins" in kernel_guard.describe(["builtins:len"])
    state = kernel_guard.state()  # runs outside IPython too
    assert "builtins:len" in state and "trace:settrace" in state
