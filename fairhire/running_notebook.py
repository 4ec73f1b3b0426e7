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


def code_cell_sources(namespace: Mapping[str, Any] | None = None) -> list[str]:
    """Sources of the code cells of the running notebook on disk ([] when not found)."""
    path = find_notebook(namespace)
    if path is None:
        return []
    # plain JSON, not nbformat: the error handler calls this and must answer at once
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    return [
        "".join(c["source"]) if isinstance(c.get("source"), list) else c.get("source", "")
        for c in cells
        if c.get("cell_type") == "code"
    ]
