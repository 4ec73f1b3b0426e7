"""What the grading processes share: resource limits, the process-tree kill, liveness."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time

import psutil

from fairhire.grading.processes import CHILD_ENV, Limits, is_running, kill_tree


def limited(code: str, limits: Limits) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh Python after apply_limits(limits)."""
    script = (
        "from fairhire.grading.processes import Limits, apply_limits\n"
        f"apply_limits(Limits(**{limits.to_dict()!r}))\n" + textwrap.dedent(code)
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )


def test_memory_limit_raises_memory_error():
    proc = limited(
        """
        try:
            blocks = [b"x" * (50 * 2**20) for _ in range(100)]
            print("no limit")
        except MemoryError:
            print("MemoryError")
    """,
        Limits(memory_mb=512),
    )
    assert proc.stdout.strip() == "MemoryError", proc.stderr


def test_output_limit_stops_large_files(tmp_path):
    proc = limited(
        f"""
        try:
            open({str(tmp_path / "big.txt")!r}, "w").write("x" * (3 * 2**20))
            print("written")
        except OSError as exc:
            print(exc.errno)
    """,
        Limits(output_mb=1),
    )
    assert proc.stdout.strip() == "27", proc.stderr  # EFBIG: Python ignores SIGXFSZ
    assert (tmp_path / "big.txt").stat().st_size <= 2**20


def test_cpu_limit_kills_a_busy_process():
    proc = limited("while True:\n    pass\n", Limits(cpu_seconds=1))
    assert proc.returncode == -signal.SIGXCPU


def test_kill_tree_stops_a_process_that_ignores_interrupts_and_its_children():
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent("""
        import signal, subprocess, sys, time
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"],
                                 start_new_session=True)  # like a Jupyter kernel
        print(child.pid, flush=True)
        while True:
            try:
                time.sleep(0.1)
            except KeyboardInterrupt:
                pass
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    child_pid = int(parent.stdout.readline())
    parent.send_signal(signal.SIGINT)
    time.sleep(0.5)
    assert parent.poll() is None  # the interrupt was swallowed
    kill_tree({parent.pid})  # also reaps it: it is our child
    for pid in (parent.pid, child_pid):
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_is_running_tells_a_live_process_from_a_finished_one():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert is_running(proc.pid)
    finally:
        proc.kill()
    deadline = time.monotonic() + 10
    while is_running(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not is_running(proc.pid)  # killed, not yet reaped: a zombie is not running
    assert proc.poll() is not None
    proc.wait()
    assert not is_running(proc.pid)


def test_child_environment_keeps_libraries_to_one_thread():
    assert CHILD_ENV["OMP_NUM_THREADS"] == CHILD_ENV["OPENBLAS_NUM_THREADS"] == "1"
    assert "MPLBACKEND" not in CHILD_ENV  # the kernel's inline backend must win
