"""Every lesson and solution notebook runs top to bottom without error."""

from __future__ import annotations

import time

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import lesson_notebooks, rel, solution_notebooks

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("path", lesson_notebooks() + solution_notebooks(), ids=rel)
def test_notebook_runs(path, record_timing):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    record_timing("notebook", rel(path), seconds)
