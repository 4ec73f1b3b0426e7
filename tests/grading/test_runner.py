"""Resource limits, the process-tree kill, and how a run's end becomes findings."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

from fairhire.grading.runner import Limits, RunResult, kill_tree, last_error, runtime_findings


def limited(code: str, limits: Limits) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh Python after apply_limits(limits)."""
    script = (
        "from fairhire.grading.runner import Limits, apply_limits\n"
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


def result(log="", exitcode=1, timed_out=False):
    return RunResult(exitcode, 1.0, timed_out, log)


@pytest.mark.parametrize(
    "run, code",
    [
        (result(timed_out=True, exitcode=-9), "timeout"),
        (result(exitcode=-signal.SIGXCPU), "cpu-limit"),
        (result("OSError: [Errno 27] File too large"), "output-too-large"),
        (result("nbclient.exceptions.DeadKernelError: Kernel died"), "kernel-died"),
        (result("CellTimeoutError: A cell timed out"), "cell-timeout"),
        (result("MemoryError"), "memory-limit"),
        (result("ValueError: iets anders"), "nbgrader-error"),
    ],
)
def test_runtime_findings_of_a_failed_run(run, code):
    findings = runtime_findings(run, graded=False, limits=Limits())
    assert code in {f.code for f in findings}
    assert all(f.severity == "failed" for f in findings if f.code == code)


def test_a_graded_run_has_no_failure_findings():
    log = "[AutogradeApp | WARNING] Attribute 'checksum' for cell m00-x has changed!"
    assert runtime_findings(result(log, exitcode=0), graded=True, limits=Limits()) == []


def test_last_error():
    log = "bla\nTraceback:\n  File 'x.py'\nKeyError: 'grade_id'\n[AutogradeApp | ERROR] done"
    assert last_error(log) == "KeyError: 'grade_id'"
    assert last_error("") == "onbekende fout"
