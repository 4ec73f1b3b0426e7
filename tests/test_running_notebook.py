"""The running notebook and the nbgrader metadata of its cells."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import nbformat
import pytest

from fairhire import running_notebook
from fairhire.running_notebook import (
    code_cell_sources,
    find_notebook,
    in_notebook,
    is_notebook_shell,
    nbgrader_meta,
    strip_ansi,
)

from .conftest import ROOT

M00_EXERCISE = ROOT / "exercises" / "m00" / "m00_opdracht.ipynb"


@pytest.fixture
def no_module(monkeypatch):
    """Forget the module an earlier test gave to start()."""
    monkeypatch.setattr(running_notebook._State, "module", None)


def test_nbgrader_meta_of_json_cells_and_notebook_nodes():
    meta = {"grade": True, "grade_id": "m00-x", "points": 2}
    assert nbgrader_meta({"metadata": {"nbgrader": meta}}) == meta
    assert nbgrader_meta({"metadata": {}}) == {}
    assert nbgrader_meta({}) == {}
    # a cell a learner pasted in can carry "nbgrader": null
    assert nbgrader_meta({"metadata": {"nbgrader": None}}) == {}
    cell = nbformat.v4.new_code_cell("x = 1")
    assert nbgrader_meta(cell) == {}
    cell.metadata["nbgrader"] = meta
    assert nbgrader_meta(cell)["grade_id"] == "m00-x"


def test_outside_jupyter_there_is_no_notebook_shell():
    assert in_notebook() is False
    assert is_notebook_shell(None) is False

    class ZMQInteractiveShell:  # what ipykernel's shell class is called
        pass

    assert is_notebook_shell(ZMQInteractiveShell())


def test_strip_ansi_removes_terminal_colours():
    assert strip_ansi("\x1b[1;31mNameError\x1b[0m: x") == "NameError: x"


def test_find_notebook_prefers_the_session_then_the_course(tmp_path, monkeypatch, no_module):
    session = tmp_path / "kopie.ipynb"
    shutil.copy(M00_EXERCISE, session)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert find_notebook({"__session__": str(session)}, "m00") == session
    monkeypatch.setenv("JPY_SESSION_NAME", str(session))
    assert find_notebook({}, "m00") == session
    monkeypatch.delenv("JPY_SESSION_NAME")
    assert find_notebook({}, "m00") == M00_EXERCISE
    assert find_notebook({}, "m99") is None
    assert find_notebook({}) is None


def test_the_module_given_to_start_finds_the_notebook(monkeypatch, tmp_path, no_module):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.chdir(tmp_path)
    running_notebook.remember_module(None)  # no module: nothing is remembered
    assert running_notebook.running_module() is None
    running_notebook.remember_module("m00")
    assert running_notebook.running_module() == "m00"
    assert find_notebook() == M00_EXERCISE


def test_code_cell_sources_reads_plain_json(tmp_path, monkeypatch, no_module):
    path = tmp_path / "m99_opdracht.ipynb"
    cells = [
        {"cell_type": "markdown", "source": "# Titel"},
        {"cell_type": "code", "source": ["a = 1\n", "b = 2"]},
        {"cell_type": "code", "source": "c = 3"},
    ]
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert code_cell_sources({"__session__": str(path)}) == ["a = 1\nb = 2", "c = 3"]
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert code_cell_sources({"__session__": str(tmp_path / "weg.ipynb")}) == []


def test_importing_it_loads_nothing_heavy():
    heavy = ["nbformat", "nbclient", "pandas", "numpy", "jinja2", "IPython"]
    code = (
        f"import sys, fairhire.running_notebook\nprint([m for m in {heavy!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
