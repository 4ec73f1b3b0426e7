"""Grade where the learner's code cannot reach: a learner's run, then a judge's run.

Hidden tests used to run in the learner's kernel, after the learner's cells,
so code in an answer could change how they ran or were reported. Now each
notebook is run twice, in two kernels:

1. **The learner's run** (:func:`run_learner`): the given cells as handed out
   (put back if edited), the learner's answer cells and own cells, and after
   each a harness cell (:mod:`capture`) that writes the names the question
   asks for as plain data, plus a fingerprint of the kernel's machinery
   (:mod:`kernel_guard`, a tripwire). No test cell runs here.
2. **The judge's run**: a *judge notebook* made from the submission
   (:func:`judge_notebook`), every answer cell replaced by a cell that binds
   the captured values (:mod:`injection`), the learner's own cells left out,
   goes through the real ``nbgrader autograde`` in a fresh kernel. Locked and
   test cells are unchanged (nbgrader puts them back and checks them as
   always). Its scores are the ones that count. The judge kernel never runs
   learner code: a function the learner wrote is called in a separate oracle
   process with plain data in and out (:mod:`oracle`).

What this guarantees: for a test cell graded by the judge, the test's own
code ran unchanged, in a kernel that only ran the course's code and values
the learner chose, and nbgrader's own reporting decided the score. Choosing
values is what answering is; nothing else of the learner's gets in.

Fitted models, metric frames, threshold optimisers, the worksheet and the
audit report travel as their state (:data:`plain_data.OBJECT_CLASSES`) and are
rebuilt in the judge. Any other answer that is not plain data (a learner's own
class) is not passed on: the name stays unbound in the judge, its tests fail,
and the grading report says so ("niet overgenomen"). Every test cell is graded
by the judge.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..running_notebook import nbgrader_meta
from . import names as cellnames
from .kernel_client import client_settings

_INJECTED = (
    "# fairhire: jouw antwoorden uit deze cel, als waarden (nagekeken in een aparte kernel)\n"
)
INJECTION = (
    _INJECTED + "from fairhire.grading.injection import inject as _fairhire_inject\n"
    "_fairhire_inject(globals(), {data}, {spec})\n"
)
INJECTION_FILE = (
    _INJECTED + "from fairhire.grading.injection import inject_file as _fairhire_inject_file\n"
    "_fairhire_inject_file(globals(), {path}, {sha}, {spec})\n"
)
# answers larger than this go to a file beside the judge notebook instead of into its code
INLINE_LIMIT = 64 * 1024
RECORDER = (
    "from fairhire.grading.capture import Recorder as _R\n__fairhire_rec = _R({folder})\ndel _R"
)
CAPTURE = "__fairhire_rec.capture({index}, {names})"
GUARD = "__fairhire_rec.guard({index})"
HARNESS = {"fairhire": {"harness": True}}


@dataclass
class Step:
    """One cell of the submitted notebook and what the learner's run did with it."""

    index: int
    kind: str  # given | test | answer | own | text
    grade_id: str = ""
    source: str = ""
    names: list[str] = field(default_factory=list)
    ran: bool = False
    outputs: list = field(default_factory=list)
    error: bool = False


@dataclass
class NotebookRun:
    """The learner's run of one notebook."""

    name: str
    steps: list[Step]
    captures: dict[int, dict]
    tampered: list[tuple[int, list[str]]] = field(default_factory=list)  # (cell index, keys)
    unsupported: dict[str, str] = field(default_factory=dict)  # name -> type
    kernel_session: int | None = None  # the learner kernel's session id (to find leftovers)


def plan(nb: nbformat.NotebookNode, defs, solution_names: dict[str, list[str]]) -> list[Step]:
    """What each cell of a submitted notebook is (``defs``: the gradebook's NotebookDef)."""
    by_id = {c.grade_id: c for c in defs.cells} if defs is not None else {}
    steps = []
    for index, cell in enumerate(nb.cells):
        meta = nbgrader_meta(cell)
        gid = meta.get("grade_id", "")
        cdef = by_id.get(gid)
        if cell.cell_type != "code":
            steps.append(Step(index, "text", gid, cell.source))
        elif cdef is not None and cdef.locked and not cdef.solution:
            steps.append(Step(index, "test" if cdef.autograded else "given", gid, cdef.source))
        elif cdef is not None and cdef.solution:
            names = solution_names.get(gid)
            if names is None:
                names = cellnames.answer_names(cell.source)
            steps.append(Step(index, "answer", gid, cell.source, list(names)))
        else:
            steps.append(Step(index, "own", gid, cell.source))
    return steps


def solution_names(source_nb: Path) -> dict[str, list[str]]:
    """Per grade id: the names each answer cell of the trainer's source notebook binds."""
    out: dict[str, list[str]] = {}
    if not source_nb.is_file():
        return out
    nb = nbformat.read(str(source_nb), as_version=4)
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if cell.cell_type == "code" and meta.get("solution") and meta.get("grade_id"):
            src = "\n".join(
                ln for ln in cell.source.split("\n") if not ln.strip().startswith("### ")
            )
            out[meta["grade_id"]] = cellnames.answer_names(src)
    return out


def _harness(source: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata.update(copy.deepcopy(HARNESS))
    return cell


def run_learner(
    name: str,
    nb: nbformat.NotebookNode,
    steps: list[Step],
    folder: Path,
    capture_dir: Path,
    *,
    timeout: int,
    log=print,
) -> NotebookRun:
    """Run the learner's cells with the harness in one kernel (cwd ``folder``).

    Raises whatever nbclient raises when the kernel dies (the caller fails the
    submission then).
    """
    from nbclient import NotebookClient

    capture_dir.mkdir(parents=True, exist_ok=True)
    run_nb = nbformat.v4.new_notebook(metadata=copy.deepcopy(nb.metadata))
    run_nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    client = NotebookClient(
        run_nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        interrupt_on_timeout=True,
        record_timing=False,
        resources={"metadata": {"path": str(folder)}},
        **client_settings(),
    )
    result = NotebookRun(name, steps, {})

    def execute(source: str, harness: bool) -> nbformat.NotebookNode:
        cell = _harness(source) if harness else nbformat.v4.new_code_cell(source)
        run_nb.cells.append(cell)
        client.execute_cell(cell, len(run_nb.cells) - 1)
        return cell

    code_steps = [s for s in steps if s.kind in ("given", "answer", "own")]
    # a fingerprint after a given cell is only needed as the baseline of a learner's cell
    before_learner = {
        a.index for a, b in zip(code_steps, code_steps[1:], strict=False) if b.kind != "given"
    }
    with client.setup_kernel():
        result.kernel_session = _session(client)
        execute(RECORDER.format(folder=repr(str(capture_dir))), True)
        for step in steps:
            if step.kind in ("text", "test"):
                continue  # test cells run in the judge's kernel only
            cell = execute(step.source, False)
            step.ran = True
            step.outputs = list(cell.get("outputs", []))
            step.error = any(o.get("output_type") == "error" for o in step.outputs)
            if step.kind == "answer":
                execute(CAPTURE.format(index=step.index, names=repr(step.names)), True)
                data = _read_capture(capture_dir / f"{step.index}.json")
                result.captures[step.index] = data
                result.unsupported.update(data.get("unsupported", {}))
            elif step.kind == "own" or step.index in before_learner:
                execute(GUARD.format(index=step.index), True)
                result.captures[step.index] = _read_capture(capture_dir / f"{step.index}.json")
    result.tampered = _tampering(steps, result.captures, capture_dir)
    return result


def _session(client) -> int | None:
    """The session id of the kernel (each kernel runs in a session of its own)."""
    import os

    provisioner = getattr(client.km, "provisioner", None)
    process = getattr(provisioner, "process", None)
    pid = getattr(process, "pid", None) or getattr(provisioner, "pid", None)
    try:
        return os.getsid(int(pid)) if pid else None
    except (OSError, ValueError):
        return None


def _read_capture(path: Path) -> dict:
    try:
        if path.stat().st_size > 32 * 2**20:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _tampering(steps: list[Step], captures: dict[int, dict], capture_dir: Path):
    """(cell index, changed keys) for each learner cell after which the kernel was changed.

    A change after a given or test cell is the course's own (a new baseline);
    a change after an answer or own cell is the learner's. A learner's cell
    that stopped the recording counts as a change too.
    """
    from . import kernel_guard

    before = _read_capture(capture_dir / "start.json").get("guard")
    out = []
    if not isinstance(before, dict):
        return [(-1, ["capture:start"])]
    for step in steps:
        if not step.ran:
            continue
        after = captures.get(step.index, {}).get("guard")
        if step.kind in ("answer", "own"):
            if not isinstance(after, dict):
                out.append((step.index, ["capture:stopped"]))
                continue
            changed = kernel_guard.changes(before, after)
            if changed:
                out.append((step.index, changed))
        if isinstance(after, dict):
            before = after
    return out


def judge_notebook(
    nb: nbformat.NotebookNode,
    run: NotebookRun,
    spec: str | None,
    answers_dir: Path | None = None,
):
    """The submission with answer cells replaced by injections and own cells left out.

    ``answers_dir``: where answers larger than :data:`INLINE_LIMIT` are written
    (checked by their SHA-256 when read); without it every answer is inline.
    """
    judge = copy.deepcopy(nb)
    cells = []
    for step, cell in zip(run.steps, judge.cells, strict=True):
        if step.kind == "own":
            continue
        if step.kind == "answer":
            values = run.captures.get(step.index, {}).get("values", {})
            values = {k: v for k, v in values.items() if k in step.names}
            text = json.dumps(values, ensure_ascii=False)
            if answers_dir is not None and len(text) > INLINE_LIMIT:
                answers_dir.mkdir(parents=True, exist_ok=True)
                path = answers_dir / f"{step.index}.json"
                data = text.encode("utf-8")
                path.write_bytes(data)
                cell.source = INJECTION_FILE.format(
                    path=repr(str(path)),
                    sha=repr(hashlib.sha256(data).hexdigest()),
                    spec=repr(spec),
                )
            else:
                cell.source = INJECTION.format(data=repr(text), spec=repr(spec))
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    judge.cells = cells
    return judge


def oracle_spec(run: NotebookRun, folder: Path, path: Path) -> str | None:
    """Write what the oracle runs (the learner's run without harness and tests), if needed."""
    wanted = any(
        v.get("t") == "oracle"
        for data in run.captures.values()
        for v in data.get("values", {}).values()
        if isinstance(v, dict)
    )
    if not wanted:
        return None
    cells = [
        {"index": s.index, "source": s.source, "names": s.names if s.kind == "answer" else []}
        for s in run.steps
        if s.kind in ("given", "answer", "own")
    ]
    path.write_text(json.dumps({"cwd": str(folder), "cells": cells}), encoding="utf-8")
    return str(path)


def restore_learner_view(graded_nb: Path, run: NotebookRun) -> None:
    """In the autograded notebook, show the learner's own code and output in answer cells.

    (The judge ran injections there; the trainer and the feedback should see
    what the learner wrote.)
    """
    if not graded_nb.is_file():
        return
    nb = nbformat.read(str(graded_nb), as_version=4)
    answers = {s.grade_id: s for s in run.steps if s.kind == "answer" and s.grade_id}
    for cell in nb.cells:
        gid = nbgrader_meta(cell).get("grade_id", "")
        if gid in answers:
            cell.source = answers[gid].source
            cell.outputs = [nbformat.from_dict(o) for o in answers[gid].outputs]
    graded_nb.chmod(0o644)
    nbformat.write(nb, str(graded_nb))


def copy_files(src: Path, dest: Path) -> None:
    """Copy a folder's files (not its notebooks) to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    if not src.is_dir():
        return
    for path in src.rglob("*"):
        if path.is_file() and path.suffix != ".ipynb":
            target = dest / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
