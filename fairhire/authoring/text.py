"""A notebook's text form: MyST Markdown through jupytext, with a short fixed header.

The header only tells editors and jupytext that the file is a MyST notebook; the
notebook's metadata is fixed (:data:`canonical.METADATA`), so the header holds no
versions that would change with every jupytext release.
"""

from __future__ import annotations

import copy

import nbformat
from nbformat import NotebookNode

from .canonical import new_notebook
from .cell_ids import assign_ids

try:
    import jupytext
except ImportError as exc:  # an extra for authors, not needed by learners
    raise ImportError(
        "jupytext ontbreekt: installeer de extra voor auteurs met: pip install -e '.[author]'"
    ) from exc

FORMAT = "md:myst"

HEADER = """\
---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3 (ipykernel)
  language: python
  name: python3
---
"""

# state of JupyterLab's view, not content (jupytext already drops most of these)
VIEW_METADATA = (
    "collapsed",
    "scrolled",
    "trusted",
    "execution",
    "ExecuteTime",
    "jp-MarkdownHeadingCollapsed",
)


def notebook_from_text(text: str) -> NotebookNode:
    """The canonical notebook for a MyST text: its cells, fixed metadata, no outputs.

    The header's metadata is ignored; cell ids come from :func:`cell_ids.assign_ids`.
    """
    parsed = jupytext.reads(text, fmt=FORMAT)
    cells = []
    for cell in parsed.cells:
        metadata = copy.deepcopy(dict(cell.metadata))
        if cell.cell_type == "code":
            cells.append(nbformat.v4.new_code_cell(cell.source, metadata=metadata))
        elif cell.cell_type == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(cell.source, metadata=metadata))
        else:
            cells.append(nbformat.v4.new_raw_cell(cell.source, metadata=metadata))
    assign_ids(cells)
    return new_notebook(cells)


def text_from_notebook(nb: NotebookNode) -> str:
    """The MyST text for a notebook: the cells and their metadata; outputs are dropped."""
    nb = copy.deepcopy(nb)
    # "-all": no notebook metadata in the text, the fixed header below stands for it
    nb.metadata = {"jupytext": {"notebook_metadata_filter": "-all"}}
    for cell in nb.cells:
        for key in VIEW_METADATA:
            cell.metadata.pop(key, None)
    return HEADER + "\n" + jupytext.writes(nb, fmt=FORMAT)
