"""Run a module's table of right and wrong answers through its visible check and hidden tests.

One kernel per module runs the solution from top to bottom. At each graded test cell in the
module's table, every variant answer is tried in turn: the question's own cells since the
previous test cell run again (so a variant that changes a table in place does not leak into
the next), the variant takes the place of the answer cell, then the visible part of the test
cell runs, then its hidden tests. Afterwards the solution's own cells run again, so later
questions see the state the solution leaves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from fairhire.modules import module
from fairhire.running_notebook import nbgrader_meta, split_hidden
from fairhire.selfcheck import visible_part

from .conftest import ROOT


def hidden_part(source: str) -> str:
    """The hidden-test region of a test cell."""
    return "\n".join(split_hidden(source)[1])


@dataclass
class Verdict:
    """What the visible check and the hidden tests said of one answer."""

    question: str
    variant: str
    right: bool  # the table's claim: a right answer
    answer_ok: bool  # the answer cell ran without an error
    visible_ok: bool
    visible_message: str
    hidden_ok: bool
    hidden_message: str

    def agrees(self) -> bool:
        """Right answers pass both; wrong answers fail both."""
        if self.right:
            return self.answer_ok and self.visible_ok and self.hidden_ok
        return not self.visible_ok and not self.hidden_ok

    def describe(self) -> str:
        kind = "goed" if self.right else "fout"
        return (
            f"{self.question} [{kind}: {self.variant}] answer_ok={self.answer_ok} "
            f"visible_ok={self.visible_ok} ({self.visible_message[:160]!r}) "
            f"hidden_ok={self.hidden_ok} ({self.hidden_message[:160]!r})"
        )


class _Kernel:
    def __init__(self, client: NotebookClient):
        self.client = client
        self.count = 0

    def run(self, source: str) -> tuple[bool, str]:
        """Run ``source``; (no error, the error's name and message or the printed text)."""
        cell = nbformat.v4.new_code_cell(source)
        self.client.nb.cells.append(cell)
        index = len(self.client.nb.cells) - 1
        self.client.execute_cell(cell, index)
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        if errors:
            return False, f"{errors[0].get('ename')}: {errors[0].get('evalue')}"
        text = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
        return True, text


def run_table(module_id: str, table: dict[str, dict]) -> list[Verdict]:
    """Try every answer of ``table`` (grade_id -> entry) in the module's solution notebook.

    An entry has ``right`` and ``wrong``: dicts of variant name -> answer source, and
    optionally ``answer``: the grade_id of the answer cell (default ``<grade_id>-answer``).
    """
    path = module(module_id).source_path(ROOT)
    nb = nbformat.read(path, as_version=4)
    cells = nb.cells
    run_nb = nbformat.v4.new_notebook(metadata=nb.metadata)
    os.environ.setdefault("FAIRHIRE_ROOT", str(ROOT))
    client = NotebookClient(
        run_nb,
        timeout=300,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(Path(path).parent)}},
    )
    verdicts: list[Verdict] = []
    seen: set[str] = set()
    with client.setup_kernel():
        kernel = _Kernel(client)
        span: list[nbformat.NotebookNode] = []
        for cell in cells:
            if cell.cell_type != "code":
                continue
            meta = nbgrader_meta(cell)
            grade_id = meta.get("grade_id", "")
            is_test = bool(meta.get("grade")) and not meta.get("solution")
            if is_test and grade_id in table:
                seen.add(grade_id)
                verdicts += _try_all(kernel, grade_id, table[grade_id], span, cell.source)
            ok, message = kernel.run(cell.source)
            if not ok and not is_test:
                raise AssertionError(f"{module_id}: solution cell {grade_id} failed: {message}")
            span = [] if is_test else span + [cell]
    missing = set(table) - seen
    assert not missing, f"{module_id}: no test cell for {sorted(missing)}"
    return verdicts


def _try_all(kernel, grade_id, entry, span, test_source) -> list[Verdict]:
    answer_id = entry.get("answer", f"{grade_id}-answer")
    ids = [nbgrader_meta(c).get("grade_id") for c in span]
    assert answer_id in ids, f"{grade_id}: answer cell {answer_id} not among {ids}"
    out = []
    for right, variants in ((True, entry["right"]), (False, entry["wrong"])):
        for name, source in variants.items():
            answer_ok = True
            for c in span:
                if nbgrader_meta(c).get("grade_id") == answer_id:
                    answer_ok, _ = kernel.run(source)
                else:
                    kernel.run(c.source)
            visible_ok, visible_message = kernel.run(visible_part(test_source))
            hidden_ok, hidden_message = kernel.run(hidden_part(test_source))
            out.append(
                Verdict(
                    grade_id,
                    name,
                    right,
                    answer_ok,
                    visible_ok,
                    visible_message,
                    hidden_ok,
                    hidden_message,
                )
            )
    for c in span:  # the solution's own state for the questions after this one
        kernel.run(c.source)
    return out
