"""The processes a grading run starts: their environment, their limits, and how they end.

Shared by :mod:`fairhire.grading.runner` (the grading process of one submission)
and :mod:`fairhire.grading.warm` (the kernels the zygote forks), so that neither
has to import the other for these.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import psutil

# Environment for the grading process and its kernel: one thread per library (the
# workers already run in parallel) and a small malloc arena count, which keeps the
# address space, and so the memory limit, meaningful. (No MPLBACKEND: the kernel's
# inline backend puts the learner's charts in the graded notebook and the feedback.)
CHILD_ENV = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_ARENA_MAX": "2",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}


@dataclass(frozen=True)
class Limits:
    """Limits per submission.

    memory_mb : address-space limit of each process (nbgrader, kernel).
    cpu_seconds : CPU-time limit of each process.
    output_mb : largest file a process may write (the graded notebook included).
    timeout : wall-clock seconds for the whole submission.
    cell_timeout : seconds per cell (nbgrader's Execute.timeout); None keeps the config's.
    """

    memory_mb: int = 4096
    cpu_seconds: int = 600
    output_mb: int = 64
    timeout: float = 300.0
    cell_timeout: int | None = None

    def to_dict(self) -> dict:
        """The limits as a plain dict (for the run log and the job file)."""
        return asdict(self)


def apply_limits(limits: Limits) -> None:
    """Set the rlimits of the current process (inherited by its children)."""
    import resource

    def cap(which: int, value: int, grace: int = 0) -> None:
        _, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
            resource.setrlimit(which, (value, hard))
        else:
            resource.setrlimit(which, (value, value + grace))

    cap(resource.RLIMIT_AS, limits.memory_mb * 2**20)
    # the soft CPU limit sends SIGXCPU; the hard one, a little later, SIGKILL
    cap(resource.RLIMIT_CPU, int(limits.cpu_seconds), grace=5)
    cap(resource.RLIMIT_FSIZE, limits.output_mb * 2**20)
    cap(resource.RLIMIT_CORE, 0)


def kill_tree(pids: set[int]) -> None:
    """SIGKILL every process in ``pids`` that still runs (and their children)."""
    procs = []
    for pid in pids:
        try:
            proc = psutil.Process(pid)
            procs.append(proc)
            procs.extend(proc.children(recursive=True))
        except psutil.Error:
            continue
    for proc in procs:
        try:
            proc.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(procs, timeout=5)


def is_running(pid: int) -> bool:
    """True for a live process; a zombie that its parent has not reaped yet is not running."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
