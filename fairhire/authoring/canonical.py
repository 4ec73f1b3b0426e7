"""The canonical notebook: fixed metadata and the bytes JupyterLab's save writes.

jupyter_server saves a notebook with ``nbformat.write(nb, f, version=NO_CONVERT)``
(``FileContentsManager._save_notebook``): sorted keys, indent 1, no ASCII escapes,
each source split in lines and one trailing newline. Writing the same way here
means that opening and saving an untouched notebook changes no byte.
"""

from __future__ import annotations

import copy

import nbformat
from nbformat import NotebookNode

NBFORMAT = 4
NBFORMAT_MINOR = 5

METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language": "nl",
    "language_info": {"name": "python"},
}


def new_notebook(cells: list[NotebookNode]) -> NotebookNode:
    """A notebook with the course's fixed metadata around ``cells``."""
    nb = nbformat.v4.new_notebook(metadata=copy.deepcopy(METADATA), cells=cells)
    nb.nbformat, nb.nbformat_minor = NBFORMAT, NBFORMAT_MINOR
    return nb


def notebook_bytes(nb: NotebookNode) -> bytes:
    """The bytes jupyter_server writes for ``nb``."""
    text = nbformat.writes(nb, version=nbformat.NO_CONVERT)
    if not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


def resaved(raw: bytes) -> bytes:
    """What opening and saving makes of a notebook file: read as version 4, then write."""
    return notebook_bytes(nbformat.reads(raw.decode("utf-8"), as_version=NBFORMAT))
