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
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / WORKSPACE_MARK).is_file():
            return folder
    return None


def repo_root() -> Path | None:
    """Return the course repository this package runs from, or None.

    The environment variable ``FAIRHIRE_ROOT`` wins; then a learner's
    workspace around the current folder (see :func:`workspace_around`; a
    notebook opened there without ``FAIRHIRE_ROOT`` finds its own course);
    otherwise the parent of the package directory counts when it holds
    ``nbgrader_config.py`` (an editable install of the source tree).
    """
    env = os.environ.get("FAIRHIRE_ROOT")
    if env:
        return Path(env).resolve()
    workspace = workspace_around()
    if workspace is not None:
        return workspace
    candidate = PACKAGE_DIR.parent
    if (candidate / "nbgrader_config.py").is_file():
        return candidate
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
