"""The notebook that is running, and the nbgrader metadata of its cells.

Small and light on purpose: the error handler (:mod:`fairhire.errors`) uses it
and must answer at once, so this module reads notebooks as plain JSON and
imports nothing beyond the standard library (no nbformat, no pandas).

It answers four questions:

* what does nbgrader say about a cell (:func:`nbgrader_meta`, the hidden-test
  markers and the stubs nbgrader puts in an answer cell);
* are we inside IPython, and is that a Jupyter notebook (:func:`current_shell`,
  :func:`is_notebook_shell`, :func:`in_notebook`);
* which module and notebook are running (:func:`remember_module`,
  :func:`find_notebook`, :func:`code_cell_sources`);
* what is a traceback without its terminal colours (:func:`strip_ansi`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .paths import repo_root

# nbgrader's markers and stubs, as they appear in the course's notebooks
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"


def split_hidden(source: str) -> tuple[list[str], list[str]]:
    """A test cell's lines outside and inside its hidden-test regions (markers dropped)."""
    shown, hidden, inside = [], [], False
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped == HIDDEN_BEGIN:
            inside = True
        elif stripped == HIDDEN_END:
            inside = False
        else:
            (hidden if inside else shown).append(line)
    return shown, hidden


CODE_STUB_MARK = "raise NotImplementedError()"
TEXT_STUB = "JOUW ANTWOORD HIER"

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


# --------------------------------------------------------------------------- nbgrader metadata


def nbgrader_meta(cell: Mapping[str, Any]) -> dict:
    """The cell's nbgrader metadata, or an empty dict.

    Parameters
    ----------
    cell : mapping
        A cell as a plain dict (JSON) or an nbformat ``NotebookNode``.

    Returns
    -------
    dict
        ``metadata.nbgrader``; empty when it is missing or ``null`` (a cell a
        learner pasted in can carry either).
    """
    return (cell.get("metadata") or {}).get("nbgrader") or {}


# --------------------------------------------------------------------------- IPython and Jupyter


def current_shell():
    """The running IPython shell, or None (plain Python, or IPython not installed)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return None
    return get_ipython()


def is_notebook_shell(shell) -> bool:
    """True when ``shell`` is a Jupyter kernel's shell (it can show HTML)."""
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"


def in_notebook() -> bool:
    """True when this code runs in a Jupyter notebook (not a terminal, not plain Python)."""
    return is_notebook_shell(current_shell())


def strip_ansi(text: str) -> str:
    """``text`` without ANSI colour codes (as IPython colours a traceback)."""
    return ANSI_ESCAPE.sub("", text)


# --------------------------------------------------------------------------- which notebook


class _State:
    """What :func:`fairhire.start` told us about the notebook that is running."""

    module: str | None = None


def remember_module(module: str | None) -> None:
    """Record the module id given to :func:`fairhire.start` (used to find the notebook)."""
    if module:
        _State.module = module


def running_module() -> str | None:
    """The module id given to :func:`fairhire.start`, or None."""
    return _State.module


def find_notebook(
    namespace: Mapping[str, Any] | None = None, module: str | None = None
) -> Path | None:
    """The exercise notebook that is running, on disk.

    Tried in order: ``__session__`` (ipykernel sets it to the notebook path),
    the ``JPY_SESSION_NAME`` environment variable, ``<module>_opdracht.ipynb``
    in the working directory (nbclient, nbgrader), and
    ``exercises/<module>/<module>_opdracht.ipynb`` under the course root.

    Parameters
    ----------
    namespace : mapping, optional
        The learner's variables (for ``__session__``).
    module : str, optional
        The module id; by default the one given to :func:`fairhire.start`.

    Returns
    -------
    pathlib.Path or None
        The first candidate that is an existing ``.ipynb`` file.
    """
    namespace = namespace or {}
    module = module or _State.module
    root = repo_root()
    candidates: list[Path] = []
    for value in (namespace.get("__session__"), os.environ.get("JPY_SESSION_NAME")):
        if value:
            path = Path(str(value))
            candidates.append(path)
            if not path.is_absolute() and root is not None:
                candidates.append(root / path)
    if module:
        candidates.append(Path.cwd() / f"{module}_opdracht.ipynb")
        if root is not None:
            candidates.append(root / "exercises" / module / f"{module}_opdracht.ipynb")
    for path in candidates:
        if path.suffix == ".ipynb" and path.is_file():
            return path
    return None


def notebook_cells(namespace: Mapping[str, Any] | None = None) -> list[dict]:
    """The cells of the running notebook on disk, as plain JSON dicts ([] when not found)."""
    path = find_notebook(namespace)
    if path is None:
        return []
    # plain JSON, not nbformat: the error handler calls this and must answer at once
    return _read_cells(path)


def _read_cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8")).get("cells", [])


def _source(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def code_cell_sources(namespace: Mapping[str, Any] | None = None) -> list[str]:
    """Sources of the code cells of the running notebook on disk ([] when not found)."""
    return [_source(c) for c in notebook_cells(namespace) if c.get("cell_type") == "code"]


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _lessons(module: str | None) -> list[Path]:
    """The lesson notebooks, the running module's first."""
    root = repo_root()
    if root is None or not (root / "course").is_dir():
        return []
    lessons = sorted((root / "course").glob("m*.ipynb"))
    if module:
        lessons.sort(key=lambda p: not p.name.startswith(f"{module}_"))
    return lessons


def course_names(namespace: Mapping[str, Any] | None = None) -> set[str]:
    """Names the course uses in the running notebook and its lesson, not the learner's answers.

    Every identifier in the notebook's code cells except nbgrader ``solution``
    cells (where the learner types), in its Markdown (questions name what to
    make), and in the running module's lesson.
    """
    names: set[str] = set()
    for cell in notebook_cells(namespace):
        if cell.get("cell_type") == "code" and nbgrader_meta(cell).get("solution"):
            continue
        names.update(_IDENTIFIER.findall(_source(cell)))
    lessons = _lessons(_State.module)
    if lessons and _State.module and lessons[0].name.startswith(f"{_State.module}_"):
        for cell in _read_cells(lessons[0]):
            names.update(_IDENTIFIER.findall(_source(cell)))
    return names


_IMPORT_LINE = re.compile(r"^\s*from\s+([\w.]+)\s+import\s+([\w\s,]+?)\s*$", re.M)
_IMPORT_AS = re.compile(r"^\s*import\s+([\w.]+)\s+as\s+(\w+)\s*$", re.M)


def lesson_imports(namespace: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Name -> the import line that the lessons use for it.

    ``{"selection_rates": "from fairhire.audit import selection_rates", "pd":
    "import pandas as pd", ...}``; the running module's lesson wins when two
    lessons import a name differently.
    """
    found: dict[str, str] = {}
    for lesson in _lessons(_State.module):
        for cell in _read_cells(lesson):
            if cell.get("cell_type") != "code":
                continue
            text = _source(cell)
            for package, names in _IMPORT_LINE.findall(text):
                for name in (n.strip() for n in names.split(",")):
                    if name.isidentifier():
                        found.setdefault(name, f"from {package} import {name}")
            for package, alias in _IMPORT_AS.findall(text):
                found.setdefault(alias, f"import {package} as {alias}")
    return found
