"""Inside the grading process of one submission: the learner's run, then the judge's.

See :mod:`fairhire.grading.judge` for the design. This module is what
:func:`fairhire.grading.runner._child` calls when a job has a judge; it writes
``judge.json`` in the scratch course, which :mod:`fairhire.grading.grade`
turns into findings.
"""

from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path

import nbformat

from . import definitions, judge


def _cell_timeout(job) -> int:
    if job.limits.cell_timeout:
        return int(job.limits.cell_timeout)
    try:
        from traitlets.config import PyFileConfigLoader

        config = PyFileConfigLoader("nbgrader_config.py", path=str(job.workdir)).load_config()
        return int(config.Execute.timeout)
    except Exception:  # noqa: BLE001 - nbgrader's own default then
        return 30


def _kill_leftovers(token: str, sessions: set[int]) -> int:
    """Kill processes the learner's kernel left behind.

    Found by the kernel's session (a forked or double-forked process keeps it
    unless it starts a session of its own) or by a marker in their environment
    (a started program inherits it).
    """
    import psutil

    from .processes import kill_tree

    found = set()
    for proc in psutil.process_iter():
        if proc.pid == os.getpid():
            continue
        try:
            if os.getsid(proc.pid) in sessions:
                found.add(proc.pid)
                continue
        except OSError:
            pass
        try:
            if proc.environ().get("FAIRHIRE_LEARNER_RUN") == token:
                found.add(proc.pid)
        except psutil.Error:
            continue
    # worker processes that libraries keep for reuse (scikit-learn's joblib/loky,
    # multiprocessing's resource tracker) are killed too, but are no sign of anything
    helpers = 0
    for pid in found:
        try:
            cmdline = " ".join(psutil.Process(pid).cmdline())
        except psutil.Error:
            cmdline = ""
        helpers += pid in sessions or any(  # the kernel itself, still shutting down
            k in cmdline for k in ("loky", "joblib", "resource_tracker", "semaphore")
        )
    kill_tree(found)
    return len(found) - helpers


def judge_and_grade(job) -> int:
    """Run the learner's notebooks, build the judge notebooks, autograde those; exit code."""
    workdir = Path(job.workdir)
    course_id = job.judge["course_id"]
    defs = definitions.load(f"sqlite:///{workdir / 'gradebook.db'}", course_id, job.module)
    submitted = workdir / "submitted" / job.student / job.module
    learner_root = Path(job.judge["learner_dir"])
    folder = learner_root / job.module
    judge.copy_files(workdir / "source" / job.module, folder)
    timeout = _cell_timeout(job)
    started = time.monotonic()
    token = secrets.token_hex(16)
    os.environ["FAIRHIRE_LEARNER_RUN"] = token
    runs = {}
    try:
        for path in sorted(submitted.glob("*.ipynb")):
            nb = nbformat.read(str(path), as_version=4)
            steps = judge.plan(nb, defs.notebook(path.stem), job.judge["names"].get(path.stem, {}))
            print(f"fairhire: de cellen van de cursist uitvoeren ({path.name})", flush=True)
            run = judge.run_learner(
                path.stem, nb, steps, folder, learner_root / "capture" / path.stem, timeout=timeout
            )
            runs[path.stem] = (path, nb, run)
    finally:
        del os.environ["FAIRHIRE_LEARNER_RUN"]
        sessions = {r.kernel_session for _, _, r in runs.values() if r.kernel_session}
        sessions.discard(os.getsid(0))
        leftovers = _kill_leftovers(token, sessions)
    # the learner's kernel could reach these files: put back the trusted copies
    for name, data in job.trusted_files.items():
        (workdir / name).write_bytes(data)
    for name, (path, nb, run) in runs.items():
        spec = judge.oracle_spec(run, folder, learner_root / f"oracle-{name}.json")
        answers = learner_root / f"answers-{name}"
        nbformat.write(judge.judge_notebook(nb, run, spec, answers), str(path))
    print(
        f"fairhire: run van de cursist klaar na {time.monotonic() - started:.1f} s; "
        "nu de tests in de kernel van de beoordelaar",
        flush=True,
    )
    if job.warm:
        # the learner's processes are dead: from here on kernels are the judge's
        from .warm import trust_kernels

        trust_kernels()
    from nbgrader.apps.nbgraderapp import NbGraderApp

    code = 0
    try:
        NbGraderApp.launch_instance(argv=job.argv())
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    print(f"fairhire: beoordelaar klaar na {time.monotonic() - started:.1f} s", flush=True)
    report = {"leftover_processes": leftovers, "notebooks": {}}
    graded_dir = workdir / "autograded" / job.student / job.module
    if code == 0:
        for name, (_, _, run) in runs.items():
            judge.restore_learner_view(graded_dir / f"{name}.ipynb", run)
    for name, (_, _, run) in runs.items():
        report["notebooks"][name] = {
            "tampered": run.tampered,
            "unsupported": run.unsupported,
            "answers": {
                s.grade_id: sorted(run.captures.get(s.index, {}).get("values", {}))
                for s in run.steps
                if s.kind == "answer"
            },
        }
    (workdir / "judge.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return code
