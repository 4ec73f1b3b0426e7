"""Per-user control groups: memory, processes and CPU for one user's server and kernels.

cgroup v1 (one hierarchy per controller, as on this test machine) and v2 (one
unified hierarchy). On v2 under systemd the hub's unit needs ``Delegate=yes``;
the groups are then made below the hub's own group.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
V1 = ("memory", "pids", "cpu")
PERIOD_US = 100_000


def is_v2() -> bool:
    """Whether the machine uses the unified hierarchy only."""
    return (ROOT / "cgroup.controllers").exists()


def available() -> bool:
    """Whether this process can make control groups here."""
    if is_v2():
        return os.access(_v2_base(), os.W_OK)
    return all(os.access(ROOT / c, os.W_OK) for c in V1)


def _v2_base() -> Path:
    own = Path("/proc/self/cgroup").read_text().strip().split("::", 1)[-1]
    return ROOT / own.lstrip("/")


def paths(name: str, user: str) -> list[Path]:
    """The group folders of ``user`` under the deployment's ``name``."""
    if is_v2():
        return [_v2_base() / name / user]
    return [ROOT / c / name / user for c in V1]


def _set(path: Path, key: str, value: str) -> None:
    (path / key).write_text(value)


def create(name: str, user: str, memory_mb: int, cpus: float, processes: int) -> list[Path]:
    """Make (or reset) the groups with these limits; return their folders."""
    made = paths(name, user)
    quota = str(int(cpus * PERIOD_US))
    memory = str(memory_mb * 1024 * 1024)
    if is_v2():
        base = _v2_base()
        _enable_v2(base)
        (base / name).mkdir(exist_ok=True)
        _set(base / name, "cgroup.subtree_control", "+memory +pids +cpu")
        path = made[0]
        path.mkdir(exist_ok=True)
        _set(path, "memory.max", memory)
        _set(path, "memory.swap.max", "0")
        _set(path, "pids.max", str(processes))
        _set(path, "cpu.max", f"{quota} {PERIOD_US}")
        return made
    for path in made:
        path.mkdir(parents=True, exist_ok=True)
    memory_dir, pids_dir, cpu_dir = made
    _set(memory_dir, "memory.limit_in_bytes", memory)
    if (memory_dir / "memory.memsw.limit_in_bytes").exists():
        _set(memory_dir, "memory.memsw.limit_in_bytes", memory)  # no escape into swap
    _set(pids_dir, "pids.max", str(processes))
    _set(cpu_dir, "cpu.cfs_period_us", str(PERIOD_US))
    _set(cpu_dir, "cpu.cfs_quota_us", quota)
    return made


def _enable_v2(base: Path) -> None:
    # v2 allows no processes in a group that delegates controllers: move the hub into a leaf
    leaf = base / "hub"
    if not leaf.exists():
        leaf.mkdir()
        for pid in (base / "cgroup.procs").read_text().split():
            try:
                _set(leaf, "cgroup.procs", pid)
            except OSError:
                pass
        _set(base, "cgroup.subtree_control", "+memory +pids +cpu")


def join(made: list[Path]) -> None:
    """Move the calling process into the groups (called in the child, before exec)."""
    pid = str(os.getpid())
    for path in made:
        _set(path, "cgroup.procs", pid)


def pids(made: list[Path]) -> set[int]:
    """Processes still in the groups."""
    found: set[int] = set()
    for path in made:
        try:
            found |= {int(p) for p in (path / "cgroup.procs").read_text().split()}
        except OSError:
            pass
    return found


def remove(made: list[Path], timeout: float = 10) -> None:
    """End what is left in the groups (by pid) and delete them."""
    deadline = time.monotonic() + timeout
    while True:
        left = pids(made)
        if not left or time.monotonic() > deadline:
            break
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.2)
    for path in made:
        try:
            path.rmdir()
        except OSError:
            pass


def memory_mb(made: list[Path]) -> float | None:
    """Memory the group uses now (MiB)."""
    for path in made:
        for key in ("memory.usage_in_bytes", "memory.current"):
            if (path / key).exists():
                return int((path / key).read_text()) / 2**20
    return None


def oom_kills(made: list[Path]) -> int:
    """How many processes the memory limit has ended in these groups."""
    for path in made:
        events = path / ("memory.events" if is_v2() else "memory.oom_control")
        if events.exists():
            for line in events.read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
    return 0
