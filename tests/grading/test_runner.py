"""How a grading run's end becomes findings."""

from __future__ import annotations

import signal

import pytest

from fairhire.grading.processes import Limits
from fairhire.grading.runner import RunResult, last_error, runtime_findings


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
