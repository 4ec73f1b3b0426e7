"""``fairhire grade``: autograde a module for a class, safely and in parallel.

For every ``submitted/<learner>/<module>`` folder:

1. pre-check the files (``precheck``): not-a-notebook files, missing and renamed
   notebooks, edited or deleted cells, suspicious code;
2. grade it with the real ``nbgrader autograde`` in an isolated scratch course
   with resource limits and a wall-clock timeout (``runner``), several learners
   at once, with kernels forked from a process that imported the libraries
   once (``warm``);
3. copy the result into the course gradebook, one at a time (``merge``): a
   failure scores 0 and is flagged, suspicious code has its points withheld
   until the trainer looks;
4. write a run log that ``fairhire grading-report`` reads.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..running_notebook import nbgrader_meta
from . import definitions, merge
from .course import CourseDir, CourseError
from .findings import LABELS, Finding
from .precheck import EXCHANGE_FILES, Precheck, precheck
from .processes import CHILD_ENV, Limits
from .runner import Job, Running, RunResult, runtime_findings

LOG_VERSION = 1


@dataclass
class Outcome:
    """What happened to one learner's submission."""

    student: str
    module: str
    status: str  # graded | failed | suspect
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    exitcode: int | None = None

    def to_dict(self) -> dict:
        """The outcome as a plain dict for the run log; :meth:`from_dict` reads it back."""
        return {
            "student": self.student,
            "module": self.module,
            "status": self.status,
            "seconds": round(self.seconds, 2),
            "exitcode": self.exitcode,
            "findings": [f.to_dict() for f in self.findings],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Outcome:
        """An outcome from :meth:`to_dict` output (a run log entry)."""
        return cls(
            data["student"],
            data["module"],
            data["status"],
            [Finding.from_dict(f) for f in data.get("findings", [])],
            data.get("seconds", 0.0),
            data.get("exitcode"),
        )


@dataclass
class GradeRun:
    """The result of grading one module: each learner's outcome, the duration and workers used."""

    module: str
    outcomes: dict[str, Outcome]
    seconds: float
    workers: int

    def count(self, status: str) -> int:
        """Number of submissions with this status (``"graded"``, ``"failed"`` or ``"suspect"``)."""
        return sum(1 for o in self.outcomes.values() if o.status == status)


def default_workers() -> int:
    """Submissions graded at once by default: one more than the CPU cores, at most 8.

    A submission waits part of its time (for its kernels to start and answer), so one
    extra keeps the cores busy: 3 workers graded a class about 5% faster than 2 on 2 cores.
    """
    return max(1, min((os.cpu_count() or 1) + 1, 8))


def _scratch_course(course: CourseDir, check: Precheck, template: Path, root: Path) -> Path:
    """A course directory with only what grading one submission needs."""
    work = root / check.student
    work.mkdir(parents=True)
    shutil.copy(course.root / "nbgrader_config.py", work / "nbgrader_config.py")
    shutil.copy(template, work / "gradebook.db")
    # the module's other files (data a notebook reads), chosen as nbgrader autograde
    # chooses them: never the notebooks (solutions), never what the course ignores
    # (such as trainer notes)
    from nbgrader.utils import find_all_files

    source = course.path(course.source, check.module)
    if source.is_dir():
        for name in find_all_files(str(source), [*course.ignore, "*.ipynb"]):
            rel = Path(name).relative_to(source)
            (work / course.source / check.module / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(name, work / course.source / check.module / rel)
    dest = work / course.submitted / check.student / check.module
    dest.mkdir(parents=True)
    for name, path in check.notebooks.items():
        repaired = _without_duplicate_ids(path)
        if repaired is None:
            shutil.copy(path, dest / f"{name}.ipynb")
        else:
            nbformat.write(repaired, str(dest / f"{name}.ipynb"))
    for name in EXCHANGE_FILES:  # written by nbgrader's exchange; feedback needs the secret
        path = course.path(course.submitted, check.student, check.module, name)
        if path.is_file():
            shutil.copy(path, dest / name)
    return work


def _without_duplicate_ids(path: Path) -> nbformat.NotebookNode | None:
    """A copy without the nbgrader metadata that nbgrader itself would drop, or None.

    Like nbgrader's DeduplicateIds, the last cell with a grade id wins. Dropping
    the whole metadata entry (not just the id) keeps nbgrader 0.9.6 from failing
    in ``OverwriteCells.add_missing_task_cells`` on a learner's pasted cell.
    """
    nb = nbformat.read(str(path), as_version=4)
    seen: set[str] = set()
    changed = False
    for cell in reversed(nb.cells):
        if "nbgrader" not in cell.get("metadata", {}):
            continue
        gid = nbgrader_meta(cell).get("grade_id")
        if not gid or gid in seen:
            del cell.metadata["nbgrader"]
            changed = True
        else:
            seen.add(gid)
    return nb if changed else None


def notebook_findings(folder: Path) -> list[Finding]:
    """Findings in the autograded notebooks: memory errors, interrupted cells, cut output."""
    out: list[Finding] = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            nb = nbformat.read(str(path), as_version=4)
        except Exception:  # noqa: BLE001 - a graded notebook that cannot be read is reported elsewhere
            continue
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            gid = nbgrader_meta(cell).get("grade_id", "")
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    ename = output.get("ename", "")
                    if ename == "MemoryError":
                        out.append(
                            Finding(
                                "memory-limit",
                                "warning",
                                f"Cel {gid or '?'} liep tegen de geheugenlimiet aan "
                                "(MemoryError); die vraag levert geen punten op.",
                                notebook=path.stem,
                                cell=gid,
                            )
                        )
                    elif ename in ("CellTimeoutError", "KeyboardInterrupt"):
                        out.append(
                            Finding(
                                "cell-timeout",
                                "warning",
                                f"Cel {gid or '?'} duurde te lang en is onderbroken; "
                                "die vraag levert geen punten op.",
                                notebook=path.stem,
                                cell=gid,
                            )
                        )
                elif output.get(
                    "output_type"
                ) == "stream" and "... Output truncated ..." in output.get("text", ""):
                    out.append(
                        Finding(
                            "output-truncated",
                            "info",
                            f"Cel {gid or '?'} gaf zoveel uitvoer dat nbgrader die heeft ingekort.",
                            notebook=path.stem,
                            cell=gid,
                        )
                    )
    unique = {(f.code, f.notebook, f.cell): f for f in out}
    return list(unique.values())


def load_log(course: CourseDir, module: str) -> dict[str, Outcome]:
    """The outcomes of earlier ``fairhire grade`` runs for ``module`` (learner -> outcome)."""
    path = course.log_dir / f"{module}.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}
    return {s: Outcome.from_dict(o) for s, o in data.get("submissions", {}).items()}


def _write_log(
    course: CourseDir, module: str, outcomes: dict[str, Outcome], limits: Limits
) -> None:
    log = load_log(course, module)
    log.update(outcomes)
    course.log_dir.mkdir(parents=True, exist_ok=True)
    data = {
        "version": LOG_VERSION,
        "module": module,
        "updated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "limits": limits.to_dict(),
        "submissions": {s: log[s].to_dict() for s in sorted(log)},
    }
    tmp = course.log_dir / f".{module}.json.tmp"
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, course.log_dir / f"{module}.json")


def grade(
    course: CourseDir | str | Path,
    module: str,
    *,
    students: list[str] | None = None,
    workers: int | None = None,
    limits: Limits | None = None,
    warm=True,
    progress: Callable[[Outcome, int, int], None] | None = None,
    judge: bool = True,
) -> GradeRun:
    """Autograde every submission of ``module`` in the course.

    Parameters
    ----------
    course : CourseDir or path
        The course directory (with ``nbgrader_config.py``).
    module : str
        The assignment, e.g. ``"m00"``; it must be in the gradebook
        (``nbgrader generate_assignment`` adds it).
    students : list of str, optional
        Only these learners (default: every folder in ``submitted/*/<module>``).
    workers : int, optional
        Submissions graded at the same time (default: the number of CPU cores).
    limits : Limits, optional
        Resource limits per submission.
    warm : bool or warm.Zygote
        Fork kernels from a process that imported the libraries once (see ``warm``);
        falls back to ordinary kernels when that cannot start. Pass a started
        ``Zygote`` to share one between modules.
    progress : callable, optional
        Called as ``progress(outcome, done, total)`` after each submission.
    judge : bool
        Decide the scores in a judge kernel that never runs learner code
        (:mod:`fairhire.grading.judge`); False runs the hidden tests in the
        learner's kernel, as plain nbgrader does.
    """
    started = time.monotonic()
    course = course if isinstance(course, CourseDir) else CourseDir.load(course)
    limits = limits or Limits()
    workers = max(1, workers or default_workers())
    try:
        moddef = definitions.load(course.db_url, course.course_id, module)
    except KeyError:
        raise CourseError(
            f"Module {module} staat niet in het cijferbestand (gradebook). Voer eerst "
            f"'nbgrader generate_assignment {module}' uit."
        ) from None
    available = course.submitted_students(module)
    if students:
        missing = sorted(set(students) - set(available))
        if missing:
            raise CourseError(
                f"Geen inzending van {', '.join(missing)} voor {module} in {course.submitted}/."
            )
        available = [s for s in available if s in set(students)]
    outcomes: dict[str, Outcome] = {}
    with tempfile.TemporaryDirectory(prefix=f"fairhire-grade-{module}-") as tmp:
        tmp = Path(tmp)
        own_zygote = (
            _launch_zygote(tmp, source_notebooks(course, [module]) if judge else None)
            if warm is True and available
            else None
        )
        running: dict[str, Running] = {}
        try:
            checks: dict[str, Precheck] = {}

            def check(student: str) -> Precheck:
                if student not in checks:
                    checks[student] = precheck(
                        course.path(course.submitted, student, module), moddef, student=student
                    )
                return checks[student]

            if own_zygote is not None:
                for student in available:  # the pre-check runs while the zygote imports
                    check(student)
            template = tmp / "template.db"
            definitions.write_template(moddef, f"sqlite:///{template}", course.course_id)
            trusted = {
                "gradebook.db": template.read_bytes(),
                "nbgrader_config.py": (course.root / "nbgrader_config.py").read_bytes(),
            }
            answer_names = _answer_names(course, module, moddef) if judge else None
            if own_zygote is not None:
                gradable = any(c.gradable for c in checks.values())
                zygote = _ready(own_zygote) if gradable else None
            else:
                zygote = None if warm in (True, False, None) else warm
            queue = list(available)

            def finished(student: str, outcome: Outcome) -> None:
                outcomes[student] = outcome
                if progress:
                    progress(outcome, len(outcomes), len(available))

            def launch() -> None:
                """Start submissions while a worker is free; ungradable ones are done at once."""
                while queue and len(running) < workers:
                    student = queue.pop(0)
                    if not check(student).gradable:
                        finished(student, _finish_ungradable(course, module, checks[student]))
                        continue
                    work = _scratch_course(course, checks[student], template, tmp / "jobs")
                    job = Job(
                        student,
                        module,
                        work,
                        limits,
                        warm=str(zygote.path) if zygote else None,
                        judge=None
                        if answer_names is None
                        else {
                            "course_id": course.course_id,
                            "names": answer_names,
                            "learner_dir": str(tmp / "learners" / student),
                        },
                        trusted_files=trusted if judge else {},
                    )
                    running[student] = Running(job, zygote)

            launch()
            while running:
                done = []
                for student, proc in list(running.items()):
                    result = proc.poll()
                    if result is not None:
                        del running[student]
                        done.append((student, proc.job, result))
                # a free worker starts its next submission before the results are merged
                # (the merge into the course gradebook takes the main process a while)
                launch()
                for student, job, result in done:
                    finished(student, _finish(course, module, checks[student], job, result, limits))
                if not done:
                    ahead = next((s for s in queue if s not in checks), None)
                    if ahead is not None:
                        check(ahead)  # a later submission's pre-check, while the workers run
                    else:
                        time.sleep(0.1)
        finally:
            for proc in running.values():
                proc.kill()
            if own_zygote is not None:
                own_zygote.stop()
            _write_log(course, module, outcomes, limits)
    return GradeRun(module, outcomes, time.monotonic() - started, workers)


def _answer_names(course: CourseDir, module: str, moddef) -> dict[str, dict[str, list[str]]]:
    """Per notebook: grade id of each answer cell -> the names the trainer's solution binds."""
    from .judge import solution_names

    return {
        nb.name: solution_names(course.path(course.source, module, f"{nb.name}.ipynb"))
        for nb in moddef.notebooks
    }


def judge_findings(workdir: Path, graded: bool) -> list[Finding]:
    """Findings from the judge's report (``judge.json``): tampering, answers not passed on."""
    from . import kernel_guard

    path = workdir / "judge.json"
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return []
    out: list[Finding] = []
    if data.get("leftover_processes"):
        out.append(
            Finding(
                "background-process",
                "warning",
                "De code van de cursist liet een proces achter dat na de kernel doorliep; "
                "dat is gestopt voordat de tests draaiden. Bekijk het notebook.",
            )
        )
    for name, nb in data.get("notebooks", {}).items():
        kinds: dict[str, list[str]] = {}
        for _index, keys in nb.get("tampered", []):
            for key in keys:
                kind = key.partition(":")[0]
                kinds.setdefault(kind if f"hook-{kind}" in LABELS else "capture", []).append(key)
        for kind, keys in kinds.items():
            out.append(
                Finding(
                    f"hook-{kind}",
                    "suspect",
                    "De code van de cursist veranderde hoe de kernel cellen uitvoert of "
                    f"meldt: {kernel_guard.describe(keys) or kind}. De punten komen uit een "
                    "aparte kernel zonder code van de cursist, maar staan op 0 tot je het "
                    "notebook hebt bekeken.",
                    notebook=name,
                )
            )
        refused = nb.get("unsupported", {})
        if refused and graded:
            out.append(
                Finding(
                    "not-passed",
                    "warning",
                    "Niet overgenomen: "
                    + ", ".join(f"`{k}` ({v})" for k, v in sorted(refused.items())[:4])
                    + ". Alleen gewone waarden en de modellen, MetricFrames, werkbladen en "
                    "rapporten van de cursus gaan naar de aparte kernel; de vragen die dit "
                    "antwoord gebruiken, krijgen daar geen punten. Bekijk het notebook als dat "
                    "onterecht is.",
                    notebook=name,
                )
            )
    return out


def source_notebooks(course: CourseDir | str | Path, modules: list[str]) -> list[Path]:
    """The trainer's source notebooks of ``modules`` (what the zygote runs for fairhire.memo)."""
    course = course if isinstance(course, CourseDir) else CourseDir.load(course)
    return [p for m in modules for p in sorted(course.path(course.source, m).glob("*.ipynb"))]


def _launch_zygote(folder: Path, notebooks: list[Path] | None = None):
    """A warm-kernel zygote, importing in the background (None when it cannot start)."""
    from .warm import Zygote

    try:
        return Zygote(folder, env={**os.environ, **CHILD_ENV}, notebooks=notebooks).launch()
    except OSError:
        return None


def _ready(zygote):
    from .zygote_requests import ZygoteError

    try:
        return zygote.ready()
    except ZygoteError:
        return None  # ordinary (cold) kernels then


def warm_kernels(folder: Path, notebooks: list[Path] | None = None):
    """A started zygote to share between several ``grade`` calls, or None (use as ``warm=``).

    ``notebooks``: the trainer's source notebooks of the modules to grade
    (:func:`source_notebooks`); the zygote runs them once, before any learner
    code, so the judge's kernels reuse what they compute (:mod:`fairhire.memo`).
    """
    zygote = _launch_zygote(Path(folder), notebooks)
    return _ready(zygote) if zygote else None


def _finish_ungradable(course: CourseDir, module: str, check: Precheck) -> Outcome:
    merge.record_failure(
        course.db_url,
        course.course_id,
        module,
        check.student,
        check.timestamp,
        "geen notebook dat kan worden nagekeken.",
    )
    merge.replace_folder(None, course.path(course.autograded, check.student, module))
    return Outcome(check.student, module, "failed", list(check.findings))


def _finish(
    course: CourseDir, module: str, check: Precheck, job: Job, result: RunResult, limits: Limits
) -> Outcome:
    graded_dir = job.workdir / course.autograded / check.student / module
    graded = result.exitcode == 0 and not result.timed_out and graded_dir.is_dir()
    findings = list(check.findings)
    findings += runtime_findings(result, graded, limits)
    findings += judge_findings(job.workdir, graded)
    tampered = any(f.severity == "suspect" for f in findings)
    dest = course.path(course.autograded, check.student, module)
    # keep nbgrader's own log beside the run log, for the trainer who wants details
    logs = course.log_dir / "logs" / module
    logs.mkdir(parents=True, exist_ok=True)
    (logs / f"{check.student}.log").write_text(result.log[-200_000:], encoding="utf-8")
    if graded:
        findings += notebook_findings(graded_dir)
        merge.copy_result(
            course.db_url,
            f"sqlite:///{job.workdir / 'gradebook.db'}",
            course.course_id,
            module,
            check.student,
        )
        merge.replace_folder(graded_dir, dest)
        status = "graded"
        if check.suspect or tampered:
            merge.withhold_points(
                course.db_url,
                course.course_id,
                module,
                check.student,
                "verdachte code gevonden; punten staan op 0 tot de trainer kijkt.",
            )
            status = "suspect"
    else:
        reason = next((f.label for f in findings if f.severity == "failed"), "fout")
        merge.record_failure(
            course.db_url,
            course.course_id,
            module,
            check.student,
            check.timestamp,
            f"niet nagekeken ({reason}).",
        )
        merge.replace_folder(None, dest)
        status = "failed"
    shutil.rmtree(job.workdir, ignore_errors=True)
    if job.judge:
        shutil.rmtree(job.judge["learner_dir"], ignore_errors=True)
    return Outcome(check.student, module, status, findings, result.seconds, result.exitcode)
