"""The README's first command, ``python3 bootstrap.py``, makes the workspace and serves only it.

The browser journey starts its own server; this runs the command a learner types, walks
everything its JupyterLab serves and checks that none of it is a trainer's: no solutions,
hidden tests, rubrics or trainer notes.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import psutil
import pytest

from fairhire.paths import repo_root
from tests.browser.jupyter import free_port
from tests.learner_reach import answering_probes, get, trainer_material, walk


def start_bootstrap(
    bootstrap: Path, args: list[str], work: Path, cwd: Path, without: tuple[str, ...] = ()
):
    """Start ``python3 <bootstrap> <args>`` as a learner would; return (process, url, token, log).

    ``without`` names environment variables the learner does not have (``PYTHONPATH``
    for the learner edition, so that nothing of the source tree is importable).
    """
    port, token = free_port(), "bootstrap-test"
    env = dict(
        os.environ,
        CI="true",
        HOME=str(work / "home"),  # nothing may land in the real home folder
        JUPYTER_PORT=str(port),
        JUPYTER_PORT_RETRIES="0",
        JUPYTER_TOKEN=token,
        JUPYTER_RUNTIME_DIR=str(work / "runtime"),
        JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"),
    )
    for name in ("FAIRHIRE_ROOT", *without):
        env.pop(name, None)
    (work / "home").mkdir(parents=True, exist_ok=True)
    log = work / "bootstrap.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(bootstrap), *args],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            raise AssertionError(f"bootstrap.py stopped:\n{log.read_text()}")
        try:
            status = json.loads(get(base, token, "api/status"))
            break
        except (urllib.error.URLError, ConnectionError, OSError):
            if time.monotonic() > deadline:
                stop(proc)
                raise AssertionError(f"no answer within 120 s:\n{log.read_text()}") from None
            time.sleep(0.5)
    assert "started" in status
    return proc, base, token, log


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def jupyter_process(proc: subprocess.Popen) -> psutil.Process:
    children = psutil.Process(proc.pid).children(recursive=True)
    return next(c for c in children if "jupyter" in " ".join(c.cmdline()))


def assert_serves_only_the_workspace(base: str, token: str, workspace: Path) -> dict[str, str]:
    """Walk everything the server's contents API serves; nothing of it is a trainer's."""
    served = walk(base, token)
    assert trainer_material(served) == []
    assert answering_probes(base, token) == []
    assert {path.split("/")[0] for path in served} == {"course", "exercises", "datasets"}
    # the start page, the exercise it links to (../exercises/...) and the data are there
    for path in (
        "course/m00_start.ipynb",
        "exercises/m00/m00_opdracht.ipynb",
        "datasets/history.csv",
    ):
        assert path in served and (workspace / path).is_file()
    assert "../exercises/m00/m00_opdracht.ipynb" in served["course/m00_start.ipynb"]
    return served


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.mark.slow
def test_bootstrap_serves_only_the_learners_workspace(tmp_path):
    # The venv exists already (the suite runs in it), so this measures the open step,
    # as a learner gets it on a second start; as root it must still start (--allow-root).
    root = repo_root()
    workspace = tmp_path / "werkmap"
    exercises_before = tree_digest(root / "exercises")
    proc, base, token, log = start_bootstrap(
        root / "bootstrap.py", ["--werkmap", str(workspace)], tmp_path, cwd=root
    )
    try:
        assert_serves_only_the_workspace(base, token, workspace)
        # the server (and so every kernel) runs in the workspace and knows it as the course
        server = jupyter_process(proc)
        assert Path(server.cwd()).resolve() == workspace.resolve()
        assert server.environ()["FAIRHIRE_ROOT"] == str(workspace.resolve())
        # the learner saves work in an exercise, as JupyterLab does
        nb = json.loads(get(base, token, "api/contents/exercises/m00/m00_opdracht.ipynb"))
        cells = nb["content"]["cells"]
        cells.append(nbformat.v4.new_code_cell("mijn_antwoord = 42"))
        body = json.dumps({"type": "notebook", "format": "json", "content": nb["content"]})
        req = urllib.request.Request(
            f"{base}/api/contents/exercises/m00/m00_opdracht.ipynb",
            data=body.encode(),
            method="PUT",
            headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
        )
        urllib.request.urlopen(req, timeout=10).close()
        assert "mijn_antwoord" in (workspace / "exercises/m00/m00_opdracht.ipynb").read_text()
    finally:
        stop(proc)
    assert "werkmap" in log.read_text().lower()
    # the learner's work is in the workspace only: the source tree's exercises/ did not change,
    # and the trainer's check still finds them in step
    assert tree_digest(root / "exercises") == exercises_before
    check = subprocess.run(
        [sys.executable, "-m", "fairhire", "build", "--check", "m00"],
        cwd=root,
        env=dict(os.environ, FAIRHIRE_ROOT=str(root)),
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_bootstrap_refuses_an_unusable_workspace_in_dutch(tmp_path):
    root = repo_root()
    (tmp_path / "bestand").write_text("x")
    env = dict(os.environ, CI="true", HOME=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, str(root / "bootstrap.py"), "--werkmap", str(tmp_path / "bestand")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "is een bestand, geen map" in proc.stderr


def test_the_walk_would_see_trainer_material():
    # what the source tree holds is caught by place, name and content
    root = repo_root()
    served = {
        "solutions/m00/m00_opdracht.ipynb": "",
        "sources/course/m00_start.md": "",
        "x/TRAINER_vendor_flaws.md": "",
        "exercises/m00/copy.ipynb": (root / "solutions/m00/m00_opdracht.ipynb").read_text(),
        "course/m00_start.ipynb": (root / "course/m00_start.ipynb").read_text(),
    }
    found = trainer_material(served)
    assert [f for f in found if f.startswith("course/")] == []
    assert {f.split(":")[0] for f in found} == set(served) - {"course/m00_start.ipynb"}


def test_readme_gives_a_new_user_two_commands_and_says_who_gets_what():
    root = repo_root()
    readme = (root / "README.md").read_text(encoding="utf-8")

    def section(title: str) -> str:
        return readme.split(f"## {title}", 1)[1].split("\n## ", 1)[0]

    block = section("Starten").split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["python3 bootstrap.py", "python3 bootstrap.py test"]
    assert "python3 bootstrap.py test" in (root / ".ci" / "run").read_text()
    learner = section("Voor cursisten")
    assert "werkmap" in learner and "geen antwoorden" in learner
    trainer = section("Voor trainers")
    for what in ("solutions/", "fairhire build", "fairhire grade", "fairhire edition"):
        assert what in trainer, what


def _bootstrap_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bootstrap", repo_root() / "bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_learners_lab_is_dutch_quiet_and_without_trainer_tools(tmp_path):
    boot = _bootstrap_module()
    args = boot.learner_lab_args(tmp_path / "lab")
    assert f"--LabApp.app_settings_dir={tmp_path / 'lab'}" in args
    overrides = json.loads((tmp_path / "lab" / "overrides.json").read_text())
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "nl_NL"
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    disabled = json.loads((tmp_path / "lab" / "page_config.json").read_text())
    assert set(disabled["disabledExtensions"]) == set(boot.NBGRADER_TRAINER_TOOLS)
    assert "@jupyter/nbgrader:assignment-list" not in disabled["disabledExtensions"]
    # the names exist: in nbgrader's lab extension and its server extensions
    share = Path(sys.prefix) / "share" / "jupyter"
    lab_js = "".join(
        p.read_text(errors="replace")
        for p in (share / "labextensions" / "@jupyter" / "nbgrader" / "static").glob("*.js")
    )
    for plugin in boot.NBGRADER_TRAINER_TOOLS:
        assert f'"{plugin}"' in lab_js, plugin
    import importlib.util

    for module in boot.NBGRADER_TRAINER_SERVER:
        assert importlib.util.find_spec(module), module
        assert f"--ServerApp.jpserver_extensions={module}=False" in args
    # every disabled shortcut matches one of JupyterLab's own (same command, keys, selector)
    tracker = json.loads(
        (
            share / "lab" / "schemas" / "@jupyterlab" / "notebook-extension" / "tracker.json"
        ).read_text()
    )["jupyter.lab.shortcuts"]
    own = {(s["command"], tuple(s["keys"]), s["selector"]) for s in tracker}
    for s in overrides["@jupyterlab/shortcuts-extension:shortcuts"]["shortcuts"]:
        assert s["disabled"] and (s["command"], tuple(s["keys"]), s["selector"]) in own, s
    # the Dutch language pack is installed
    assert importlib.util.find_spec("jupyterlab_language_pack_nl_NL")
