"""A JupyterLab server in a temporary copy of the course, for the browser tests.

It runs in its own process group on 127.0.0.1 with a random token; ``stop()``
shuts its kernels down through the REST API, ends the group by its id and
checks that nothing is left: no process of the server or its kernels and a
free port.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

# JupyterLab settings for a quiet, predictable page: every cell in the DOM (no
# virtual scrolling), no news or update pop-ups.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
        "doNotDisturbMode": True,
    },
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port: int) -> bool:
    """Nobody listens on ``port`` (connections in TIME_WAIT do not count)."""
    with socket.socket() as s:
        s.settimeout(2)
        if s.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def copy_course(src: Path, dest: Path) -> Path:
    """Copy what a learner gets: course/, exercises/, datasets/ and nbgrader_config.py."""
    for name in ("course", "exercises", "datasets"):
        if (src / name).is_dir():
            shutil.copytree(src / name, dest / name)
    shutil.copy(src / "nbgrader_config.py", dest / "nbgrader_config.py")
    return dest


class JupyterLab:
    """``jupyter lab`` serving ``root``; use as a context manager."""

    def __init__(
        self,
        root: Path,
        work: Path,
        extra_args: list[str] | None = None,
        settings: dict | None = None,
    ):
        self.root, self.work = root, work
        self.extra_args = list(extra_args or [])
        self.settings = SETTINGS if settings is None else settings
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.proc: subprocess.Popen | None = None
        self.log = work / "jupyterlab.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}/lab/tree/{path}?token={self.token}"

    def start(self, timeout: float = 60) -> None:
        settings = self.work / "settings"
        for name, value in self.settings.items():
            (settings / name).parent.mkdir(parents=True, exist_ok=True)
            (settings / name).write_text(json.dumps(value))
        runtime = self.work / "runtime"
        env = dict(
            os.environ,
            FAIRHIRE_ROOT=str(self.root),
            JUPYTER_RUNTIME_DIR=str(runtime),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(self.work / "workspaces"),
            PYTHONHASHSEED="0",
        )
        cmd = [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--ServerApp.open_browser=False",
            *self.extra_args,
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        self.logfile = open(self.log, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            cmd,
            cwd=self.root,
            env=env,
            stdout=self.logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped at start:\n{self.log.read_text()}")
            try:
                self.api("status")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.3)
        raise TimeoutError(f"JupyterLab did not answer within {timeout} s:\n{self.log.read_text()}")

    def api(self, path: str, method: str = "GET"):
        req = urllib.request.Request(
            f"{self.base}/api/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def kernel_pids(self) -> list[int]:
        """Processes whose command line names this server's runtime folder (the kernels)."""
        marker = str(self.work / "runtime")
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
                except OSError:
                    continue
                if marker in cmdline:
                    pids.append(int(entry.name))
        return pids

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            for kernel in self.api("kernels") or []:
                self.api(f"kernels/{kernel['id']}", method="DELETE")
        except Exception:  # noqa: BLE001 - the group kill below still ends everything
            pass
        pgid = self.proc.pid  # start_new_session: the group id is the server's pid
        try:
            os.killpg(pgid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(pgid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        # kernels run in sessions of their own; end any that outlived the server, by pid
        for pid in self.kernel_pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.logfile.close()
        self.proc = None

    def __enter__(self) -> JupyterLab:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
