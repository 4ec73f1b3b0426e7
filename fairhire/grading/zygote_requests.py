"""Asking the warm-kernel zygote (:mod:`fairhire.grading.warm`) for a kernel or an oracle.

The requests, and the handles for the processes the zygote forks. Kept apart
from the zygote itself so the oracle's client (:mod:`fairhire.grading.oracle`),
which the zygote also runs, can ask without importing the zygote.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time

import psutil

# in a judge's kernel: the zygote's socket, for oracles (set by the zygote, never for a learner)
SOCKET_ENV = "FAIRHIRE_ZYGOTE"


class ZygoteError(RuntimeError):
    """The zygote did not start in time, or could not fork a kernel."""


class ForkedKernel:
    """What jupyter_client expects of ``subprocess.Popen``, for a kernel the zygote forked."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """None while the kernel runs; -1 once it has ended (its exit code is not known)."""
        if self.returncode is None:
            try:
                if psutil.Process(self.pid).status() == psutil.STATUS_ZOMBIE:
                    self.returncode = -1
            except psutil.NoSuchProcess:
                self.returncode = -1  # the zygote reaps it; the exit code is gone
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait until the kernel ends and return :meth:`poll`'s code.

        Raises
        ------
        subprocess.TimeoutExpired
            When it still runs after ``timeout`` seconds.
        """
        started = time.monotonic()
        while self.poll() is None:
            if timeout is not None and time.monotonic() - started > timeout:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.05)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        """Send signal ``signum`` to the kernel process."""
        os.kill(self.pid, signum)

    def kill(self) -> None:
        """Kill the kernel with SIGKILL."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """Ask the kernel to stop with SIGTERM."""
        self.send_signal(signal.SIGTERM)


def request_kernel(
    path: str,
    argv: list[str],
    *,
    cwd: str | None,
    env: dict[str, str],
    limits: dict | None = None,
    log: str | None = None,
    trusted: bool = False,
) -> ForkedKernel:
    """Ask the zygote listening at ``path`` to fork a kernel, and return a handle to it.

    Parameters
    ----------
    path : str
        The zygote's socket.
    argv : list of str
        The kernel's arguments after ``python -m ipykernel_launcher`` (e.g. ``-f conn.json``).
    cwd : str or None
        Working directory of the kernel; None keeps the zygote's.
    env : dict
        The kernel's complete environment.
    limits : dict, optional
        :class:`Limits` as a dict, applied in the kernel.
    log : str, optional
        File for the kernel's stdout and stderr (default: discarded).
    trusted : bool
        A judge's kernel, which never runs learner code: it keeps the results the
        zygote shares (:mod:`fairhire.memo`); any other kernel starts without them.

    Raises
    ------
    ZygoteError
        When the zygote reports an error or does not answer.
    """
    pid = _ask(
        path,
        {
            "argv": argv,
            "cwd": cwd,
            "env": env,
            "limits": limits,
            "log": log,
            "trusted": bool(trusted),
        },
    )
    return ForkedKernel(pid)


def _ask(path: str, request: dict, fds: list[int] | None = None) -> int:
    """Send one request (and file descriptors) to the zygote; the pid it forked."""
    payload = (json.dumps(request) + "\n").encode()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.connect(path)
        sent = socket.send_fds(conn, [payload], list(fds or []))
        conn.sendall(payload[sent:])
        reply = json.loads(conn.makefile("r").readline() or "{}")
    if "pid" not in reply:
        raise ZygoteError(reply.get("error", "no reply from the zygote"))
    return int(reply["pid"])


class ForkedOracle(ForkedKernel):
    """An oracle process the zygote forked: its pid and the two ends of its pipes."""

    def __init__(self, pid: int, stdin, stdout):
        super().__init__(pid)
        self.stdin = stdin
        self.stdout = stdout


def request_oracle(
    path: str, spec: str, *, cwd: str, env: dict[str, str], limits: dict
) -> ForkedOracle:
    """Ask the zygote for an oracle process (only a judge's kernel may); see oracle.serve.

    The zygote forks it with ``limits`` (:class:`Limits` fields), in a session
    of its own and without shared results; it talks over two pipes made here.

    Raises
    ------
    ZygoteError, OSError
        When the zygote refuses or does not answer.
    """
    requests_r, requests_w = os.pipe()
    replies_r, replies_w = os.pipe()
    try:
        pid = _ask(
            path,
            {"kind": "oracle", "spec": spec, "cwd": cwd, "env": env, "limits": limits},
            [requests_r, replies_w],
        )
    except BaseException:
        for fd in (requests_w, replies_r):
            os.close(fd)
        raise
    finally:
        os.close(requests_r)
        os.close(replies_w)
    return ForkedOracle(pid, os.fdopen(requests_w, "wb"), os.fdopen(replies_r, "rb"))
