"""Where things live: the course repository and the package's own resources."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"  # package data files (TOML)
# A learner's workspace (``fairhire werkmap``) is marked by this file in its top folder.
WORKSPACE_MARK = ".werkmap.json"


def workspace_around(start: Path | None = None) -> Path | None:
    """Return the learner's workspace that holds ``start`` (the current folder), or None.

    A workspace is the nearest folder, ``start`` itself or one of its parents,
    that contains :data:`WORKSPACE_MARK`.
    """
    try:
        here = Path(start or Path.cwd()).resolve()
    except OSError:  # the current folder was removed
        return None
    for folder in (here, *here.parents):
        if (folder / WORKSPACE_MARK).is_file():
            return folder
    return None


def trainer_tools_installed() -> bool:
    """Whether this installation has the trainer's grading (the learner edition has not)."""
    return (PACKAGE_DIR / "grading" / "__init__.py").is_file()


def repo_root() -> Path | None:
    """Return the course repository (or learner's workspace) this package runs from, or None.

    In order: the environment variable ``FAIRHIRE_ROOT``; the parent of the
    package directory when it holds ``nbgrader_config.py`` (an editable install
    of the source tree, which is what the README sets up); and only in the
    learner edition, whose package has no grading, the learner's workspace
    around the current folder (:func:`workspace_around`), so that a notebook
    opened there without ``FAIRHIRE_ROOT`` still finds its course. A trainer's
    installation never looks at the current folder: a mark file handed in with
    a submission must not change where a grading kernel reads the course's data.
    """
    env = os.environ.get("FAIRHIRE_ROOT")
    if env:
        return Path(env).resolve()
    candidate = PACKAGE_DIR.parent
    if (candidate / "nbgrader_config.py").is_file():
        return candidate
    if not trainer_tools_installed():
        return workspace_around()
    return None


def require_repo_root() -> Path:
    """Like :func:`repo_root` but raise a clear error when there is none."""
    root = repo_root()
    if root is None:
        raise FileNotFoundError(
            "Kan de cursusmap niet vinden. Werk vanuit de gekloonde repository "
            "of zet FAIRHIRE_ROOT op de map met nbgrader_config.py."
        )
    return root
