"""Deterministic, unique cell ids: the same text always gives the same notebook bytes."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from nbformat import NotebookNode

# nbformat 4.5's schema for a cell id
VALID_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_PREFIX = {"markdown": "md", "code": "code", "raw": "raw"}


def base_id(cell: NotebookNode) -> str:
    """The id a cell gets before deduplication.

    The nbgrader ``grade_id`` when the cell has a valid one (it is already unique
    and says what the cell is); otherwise the cell type and a short hash of the
    source, so editing one cell leaves the other cells' ids alone.
    """
    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    if isinstance(grade_id, str) and VALID_ID.match(grade_id):
        return grade_id
    digest = hashlib.sha1(cell.source.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"{_PREFIX.get(cell.cell_type, 'cell')}-{digest}"


def assign_ids(cells: Iterable[NotebookNode]) -> None:
    """Give every cell its id in place; a repeated id gets ``-2``, ``-3``, ... in order."""
    seen: set[str] = set()
    for cell in cells:
        base = candidate = base_id(cell)
        n = 2
        while candidate in seen:
            suffix = f"-{n}"
            candidate = base[: 64 - len(suffix)] + suffix
            n += 1
        seen.add(candidate)
        cell["id"] = candidate
