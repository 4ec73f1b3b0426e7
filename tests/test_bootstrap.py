"""The README's first command, ``python3 bootstrap.py``, sets up and serves the course.

The browser journey starts its own server; this runs the command a learner types.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

from fairhire.paths import repo_root
from tests.browser.jupyter import free_port


def _get(port: int, token: str, path: str):
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/{path}", headers={"Authorization": f"token {token}"}
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        return json.loads(resp.read())


def test_bootstrap_opens_the_course(tmp_path):
    # The venv exists already (the suite runs in it), so this measures the open step,
    # as a learner gets it on a second start; as root it must still start (--allow-root).
    root = repo_root()
    port, token = free_port(), "bootstrap-test"
    env = dict(
        os.environ,
        CI="true",
        JUPYTER_PORT=str(port),
        JUPYTER_PORT_RETRIES="0",
        JUPYTER_TOKEN=token,
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
    )
    log = tmp_path / "bootstrap.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(root / "bootstrap.py")],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, f"bootstrap.py stopped:\n{log.read_text()}"
            try:
                status = _get(port, token, "status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                assert time.monotonic() < deadline, f"no answer within 120 s:\n{log.read_text()}"
                time.sleep(0.5)
        assert "started" in status
        # the start page and the exercise it links to (../exercises/...) are both served
        for path in ("course/m00_start.ipynb", "exercises/m00/m00_opdracht.ipynb"):
            page = _get(port, token, f"contents/{path}?content=0")
            assert page["type"] == "notebook" and page["path"] == path
        assert (
            "../exercises/m00/m00_opdracht.ipynb" in (root / "course/m00_start.ipynb").read_text()
        )
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
