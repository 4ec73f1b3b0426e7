import pytest

from fairhire import submissions
from fairhire.grading import codescan

from ..conftest import solution_notebooks

CTX = codescan.context_from(
    ['from fairhire import check, start\n\nstart("m00")', "applications = 48\ninvited = 12"],
    [
        "check.is_number(x, 'x')\nimport sys\nimport math\n"
        "assert math.isclose(float(x), 25.0)\nassert sorted(y) == y"
    ],
)


def levels(source: str) -> list[str]:
    return [s.level for s in codescan.scan(source, CTX)]


def test_context_reads_locked_cells_and_tests():
    assert CTX.imports["check"] == "fairhire:check"
    assert CTX.imports["math"] == "math"
    assert {"float", "sorted"} <= CTX.test_builtins
    assert CTX.given == {"applications", "invited"}


@pytest.mark.parametrize(
    "source",
    [
        "x = invited / applications * 100",
        "import math\nx = math.floor(2.5)",
        "from fairhire import check",  # the same import as the locked cell
        "import pandas as pd\ndf = pd.DataFrame({'a': [1]})\ndf.columns = ['b']",
        "def average(values):\n    sum = 0\n    for v in values:\n        sum += v\n    return sum",
        "%matplotlib inline\nx = 1",
        "names = [n for n in ['a'] if n]",
        "x = getattr(invited, 'real')",
        "if x > 3:\n    print('groot')",
    ],
)
def test_ordinary_answers_pass(source):
    assert levels(source) == []


@pytest.mark.parametrize(
    "source, words",
    [
        ("import math\nmath.isclose = lambda *a, **k: True", "monkeypatching"),
        ("m = math\nm.isclose = len", "monkeypatching"),
        ("check.that = print", "monkeypatching"),
        ("import fairhire.check as c\nc.that = print", "monkeypatching"),
        ("float = lambda v: 25.0", "float"),
        ("for sorted in range(3):\n    pass", "sorted"),
        ("check = None", "check"),
        ("from unittest.mock import MagicMock as check", "check"),
        ("class Always(list):\n    def __eq__(self, other):\n        return True", "__eq__"),
        ("x.__class__", "__class__"),
        ("__builtins__.float = int", "__builtins__"),
        ("open('../../../gradebook.db')", "open"),
        ("exec('x = 1')", "exec"),
        ("import os", "os"),
        ("from pathlib import Path", "pathlib"),
        ("import sqlite3", "sqlite3"),
        ("!ls ../..", "shell"),
        ("%run ../../../solutions/x.py", "shell"),
        ("getattr(math, name)", "getattr"),
        ("def f():\n    global float\n    float = int", "float"),
    ],
)
def test_tricks_are_blocking(source, words):
    found = codescan.scan(source, CTX)
    assert any(s.level == "blocking" and words in s.reason for s in found), found


def test_rebinding_given_data_or_other_builtins_is_a_warning():
    assert levels("applications = 50") == ["warning"]
    assert levels("max = 40") == ["warning"]  # a builtin the tests do not use


def test_syntax_errors_are_left_to_the_autograder():
    assert codescan.scan("x = = 1", CTX) == []


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_no_solution_answer_trips_the_scan(path):
    """The scan must not withhold the points of a correct answer in any module."""
    nb = submissions.read(path)
    meta = submissions.nbgrader_meta
    ctx = codescan.context_from(
        [
            c.source
            for c in nb.cells
            if c.cell_type == "code" and meta(c).get("locked") and not meta(c).get("grade")
        ],
        [
            c.source
            for c in nb.cells
            if c.cell_type == "code" and meta(c).get("grade") and not meta(c).get("solution")
        ],
    )
    for cell in nb.cells:
        if cell.cell_type == "code" and meta(cell).get("solution"):
            source = submissions.strip_solution_markers(cell.source)
            blocking = [s for s in codescan.scan(source, ctx) if s.level == "blocking"]
            assert not blocking, f"{meta(cell)['grade_id']}: {blocking}"
