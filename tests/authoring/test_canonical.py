"""Opening and saving an untouched notebook changes no byte.

Checked twice: with the read and write jupyter_server's save does, and (slow) through
a real ``jupyter server``'s contents API.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from fairhire.authoring.canonical import METADATA, resaved

from ..browser.jupyter import free_port
from ..conftest import ROOT, exercise_notebooks, lesson_notebooks, rel, solution_notebooks

ALL = lesson_notebooks() + solution_notebooks() + exercise_notebooks()


@pytest.mark.parametrize("path", ALL, ids=rel)
def test_read_and_write_gives_the_same_bytes(path):
    raw = path.read_bytes()
    assert resaved(raw) == raw


@pytest.mark.parametrize("path", ALL, ids=rel)
def test_notebook_metadata_is_fixed_and_has_no_jupytext(path):
    raw = json.loads(path.read_bytes())
    assert raw["metadata"] == METADATA
    assert (raw["nbformat"], raw["nbformat_minor"]) == (4, 5)


class _Server:
    """``jupyter server`` on a free loopback port, in its own process group."""

    def __init__(self, root, work):
        self.root, self.port, self.token = root, free_port(), secrets.token_hex(16)
        self.log = work / "server.log"
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(work / "runtime"), FAIRHIRE_ROOT=str(root))
        cmd = [
            sys.executable,
            "-m",
            "jupyter",
            "server",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={root}",
            "--NotebookNotary.db_file=:memory:",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(
                cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def api(self, path, method="GET", body=None):
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read() or "null")

    def wait(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter server stopped:\n{self.log.read_text()}")
            try:
                return self.api("status")
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.3)
        raise TimeoutError(f"jupyter server did not answer:\n{self.log.read_text()}")

    def stop(self):
        os.killpg(self.proc.pid, signal.SIGTERM)  # start_new_session: group id is the pid
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)


@pytest.mark.slow
def test_jupyter_server_get_and_put_leave_the_file_unchanged(tmp_path, record_timing):
    root = tmp_path / "course-root"
    for name in ("course", "exercises"):
        shutil.copytree(ROOT / name, root / name)
    targets = ["course/m03_data.ipynb", "exercises/m03/m03_opdracht.ipynb"]
    before = {t: (root / t).read_bytes() for t in targets}
    started = time.perf_counter()
    server = _Server(root, tmp_path)
    try:
        server.wait()
        for target in targets:
            model = server.api(f"contents/{target}?content=1&type=notebook")
            saved = server.api(
                f"contents/{target}",
                method="PUT",
                body={"type": "notebook", "format": "json", "content": model["content"]},
            )
            assert saved["path"] == target
    finally:
        server.stop()
    record_timing("server", "jupyter server GET + PUT", time.perf_counter() - started)
    for target in targets:
        assert (root / target).read_bytes() == before[target], target
