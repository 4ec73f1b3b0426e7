"""Run ``nbgrader autograde`` for one submission, isolated and with limits.

Each submission is graded in its own scratch course directory (a gradebook
with only the module's definitions, the learner's notebooks, no solutions and
no other learners' data), in its own process with ``resource.setrlimit``
limits on memory, CPU time and file size, and a wall-clock timeout. When time
is up the whole process tree (nbgrader and its kernel, which runs in its own
session) is killed with SIGKILL, so code that swallows KeyboardInterrupt cannot
hold up the class.

The grading processes are forked from the calling process after it has
imported nbgrader once, so a submission does not pay the 2-3 s import again.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from .findings import Finding
from .kernel_client import NBGRADER_ARGS
from .processes import CHILD_ENV, Limits, apply_limits, kill_tree


@dataclass
class Job:
    """One submission to grade in ``workdir`` (a scratch course directory)."""

    student: str
    module: str
    workdir: Path
    limits: Limits
    extra_args: list[str] = field(default_factory=list)
    warm: str | None = None  # socket of the warm-kernel zygote, if any
    # the judge (see judge.py): course id, and per notebook the names each answer binds;
    # None grades in the learner's kernel, as plain nbgrader does
    judge: dict | None = None
    # trusted copies of the scratch course's config and gradebook, put back before the judge
    trusted_files: dict[str, bytes] = field(default_factory=dict)

    @property
    def log_path(self) -> Path:
        """File that receives the grading process's stdout and stderr."""
        return self.workdir / "autograde.log"

    def argv(self) -> list[str]:
        """The ``nbgrader`` arguments that autograde this submission in ``workdir``."""
        args = [
            "autograde",
            self.module,
            f"--student={self.student}",
            "--force",
            f"--CourseDirectory.root={self.workdir}",
            f"--CourseDirectory.db_url=sqlite:///{self.workdir / 'gradebook.db'}",
            # a deleted test cell is put back and graded instead of silently
            # becoming 'needs manual grade'
            "--OverwriteCells.add_missing_cells=True",
            *NBGRADER_ARGS,
            *self.extra_args,
        ]
        if self.limits.cell_timeout:
            args.append(f"--Execute.timeout={int(self.limits.cell_timeout)}")
        return args


@dataclass
class RunResult:
    """How the grading process ended."""

    exitcode: int | None
    seconds: float
    timed_out: bool
    log: str

    @property
    def signal_name(self) -> str | None:
        """Name of the signal that ended the process (e.g. ``"SIGKILL"``), None if none did."""
        if self.exitcode is not None and self.exitcode < 0:
            try:
                return signal.Signals(-self.exitcode).name
            except ValueError:
                return f"signal {-self.exitcode}"
        return None


def _child(job: Job) -> None:  # pragma: no cover - runs in the forked process
    """Entry point of the grading process: isolate, limit, run nbgrader, exit."""
    os.setsid()  # own session: a Ctrl+C for the trainer's terminal is handled by the parent
    fd = os.open(job.log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    # the parent's sys.stdout/err may be a wrapper of its own (pytest's capture, for one)
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
    os.environ.update(CHILD_ENV)
    os.chdir(job.workdir)
    apply_limits(job.limits)
    check_schemas_once()
    code = 0
    try:
        if job.warm:
            from .warm import use

            use(job.warm, limits=job.limits.to_dict(), log=str(job.log_path))
        if job.judge is not None:
            from .judge_run import judge_and_grade

            code = judge_and_grade(job)
        else:
            from nbgrader.apps.nbgraderapp import NbGraderApp

            NbGraderApp.launch_instance(argv=job.argv())
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException as exc:  # noqa: BLE001 - anything here is a failed submission
        print(f"fairhire: {type(exc).__name__}: {exc}", flush=True)
        code = 3
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001 - nothing left to report to
                pass
    os._exit(code)


def context():
    """The 'fork' context, with nbgrader imported here first so every child has it.

    (A forkserver would re-import the caller's main script in every child.)
    The notebook validators are compiled here too, once, instead of in every child.
    """
    import nbformat
    import nbgrader.apps.nbgraderapp  # noqa: F401
    import nbgrader.converters.autograde  # noqa: F401

    for minor in range(nbformat.current_nbformat_minor + 1):
        nbformat.validator.get_validator(nbformat.current_nbformat, minor)
    return mp.get_context("fork")


def check_schemas_once() -> None:
    """In this (grading) process, let ``jsonschema.validate`` check each schema only once.

    nbgrader validates every cell's metadata with ``jsonschema.validate``, which
    first checks the schema itself, on every call: a quarter of a second per
    submission. The answer is the same; only the repeated schema check goes.
    """
    import jsonschema

    if getattr(jsonschema.validate, "fairhire_cached", False):
        return
    original = jsonschema.validate
    validators: dict[int, tuple] = {}

    def validate(instance, schema, cls=None, *args, **kwargs):
        if cls is not None or args or kwargs:
            return original(instance, schema, cls, *args, **kwargs)
        entry = validators.get(id(schema))
        if entry is None or entry[0] is not schema:
            kind = jsonschema.validators.validator_for(schema)
            kind.check_schema(schema)
            entry = validators[id(schema)] = (schema, kind(schema))  # keeps the id in use
        error = jsonschema.exceptions.best_match(entry[1].iter_errors(instance))
        if error is not None:
            raise error
        return None

    validate.fairhire_cached = True
    jsonschema.validate = validate


class Running:
    """A started grading process, watched until it ends or its time is up."""

    def __init__(self, job: Job, zygote=None):
        self.job = job
        self.zygote = zygote  # warm.Zygote whose kernels for this job must die with it
        job.workdir.mkdir(parents=True, exist_ok=True)
        self.process = context().Process(target=_child, args=(job,), daemon=False)
        self.started = time.monotonic()
        self.process.start()
        self.tree: set[int] = {self.process.pid}
        self.timed_out = False

    def poll(self) -> RunResult | None:
        """None while running; the result once the process has ended (or was killed)."""
        self._track()
        if self.process.is_alive():
            if time.monotonic() - self.started <= self.job.limits.timeout:
                return None
            self.timed_out = True
            self._kill()
        self.process.join(1)
        kill_tree(self.tree - {self.process.pid})  # a kernel left behind
        seconds = time.monotonic() - self.started
        log = (
            self.job.log_path.read_text(encoding="utf-8", errors="replace")
            if self.job.log_path.exists()
            else ""
        )
        return RunResult(self.process.exitcode, seconds, self.timed_out, log)

    def kill(self) -> None:
        """Kill the grading process and everything it started (kernels included)."""
        self._track()
        self._kill()

    def _kill(self) -> None:
        # the grading process first (so it starts nothing new), then what it started;
        # multiprocessing reaps its own child, psutil must not
        try:
            self.process.kill()
        except (OSError, ValueError):
            pass
        kill_tree(self.tree - {self.process.pid})
        self.process.join(10)

    def _track(self) -> None:
        try:
            for child in psutil.Process(self.process.pid).children(recursive=True):
                self.tree.add(child.pid)
        except psutil.Error:
            pass
        if self.zygote is not None:
            self.tree |= self.zygote.kernels(parent=self.process.pid)


def run(job: Job, poll_interval: float = 0.2) -> RunResult:
    """Grade one submission and wait for it (see :class:`Running` for parallel use)."""
    running = Running(job)
    try:
        while (result := running.poll()) is None:
            time.sleep(poll_interval)
    except BaseException:
        running.kill()
        raise
    return result


_TRACEBACK_LAST = re.compile(r"^\s*(\w+(?:\.\w+)*(?:Error|Exception|Interrupt)):?\s*(.*)$")


def runtime_findings(result: RunResult, graded: bool, limits: Limits) -> list[Finding]:
    """Findings from how the process ended and from its log."""
    out: list[Finding] = []
    log = result.log
    if result.timed_out:
        out.append(
            Finding(
                "timeout",
                "failed",
                f"Nakijken duurde langer dan {limits.timeout:.0f} s en is gestopt "
                "(bijvoorbeeld een eindeloze lus die zich niet laat onderbreken). "
                "Telt als 0.",
            )
        )
    elif result.signal_name == "SIGXFSZ" or (not graded and "[Errno 27] File too large" in log):
        # Python ignores SIGXFSZ, so usually the write fails with EFBIG instead
        out.append(
            Finding(
                "output-too-large",
                "failed",
                f"De uitvoer werd groter dan {limits.output_mb} MB; nakijken is "
                "gestopt. Telt als 0.",
            )
        )
    elif result.signal_name == "SIGXCPU":
        out.append(
            Finding(
                "cpu-limit",
                "failed",
                f"Meer dan {limits.cpu_seconds} s rekentijd gebruikt; nakijken is "
                "gestopt. Telt als 0.",
            )
        )
    elif result.signal_name:
        out.append(
            Finding(
                "nbgrader-error",
                "failed",
                f"Het nakijkproces is gestopt door {result.signal_name}. Telt als 0.",
            )
        )
    if not graded and ("Kernel died" in log or "DeadKernelError" in log):
        out.append(
            Finding(
                "kernel-died",
                "failed",
                "De kernel (Python) is tijdens het uitvoeren gestopt, bijvoorbeeld door "
                "os._exit(), een crash of de geheugenlimiet. Telt als 0.",
            )
        )
    if not graded and ("Timeout waiting for" in log or "CellTimeoutError" in log):
        out.append(
            Finding(
                "cell-timeout",
                "failed",
                "Een cel bleef langer bezig dan de tijdslimiet per cel en liet zich niet "
                "onderbreken, of gaf te lang geen teken van leven. Telt als 0.",
            )
        )
    if ("MemoryError" in log or "Cannot allocate memory" in log) and not graded:
        out.append(
            Finding(
                "memory-limit",
                "failed",
                f"De geheugenlimiet ({limits.memory_mb} MB) is bereikt. Telt als 0.",
            )
        )
    if not graded and not any(f.severity == "failed" for f in out):
        out.append(
            Finding(
                "nbgrader-error",
                "failed",
                f"nbgrader kon dit niet nakijken: {last_error(log)}. Telt als 0.",
            )
        )
    return out


def last_error(log: str) -> str:
    """The last 'SomethingError: message' line of a log, shortened."""
    for line in reversed(log.splitlines()):
        match = _TRACEBACK_LAST.match(line)
        if match and not line.strip().startswith("File "):
            return f"{match.group(1)}: {match.group(2)}"[:200].rstrip(": ")
    lines = [ln for ln in log.splitlines() if "ERROR" in ln]
    return lines[-1].split("]", 1)[-1].strip()[:200] if lines else "onbekende fout"
