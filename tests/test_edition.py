"""The learner edition: built without trainer material, installed fresh, opened on its own.

The fresh environment is a new virtual environment with only the edition's wheel
installed into it (``pip install --no-deps --no-index``). Its dependencies (pandas,
scikit-learn, JupyterLab, ...) are borrowed from the environment the suite runs in
through a ``.pth`` file that names a folder of links to that environment's
site-packages, minus everything of fairhire (the editable install's finder and its
metadata). That keeps the test offline and fast, while nothing of the source tree is
importable: the ``fairhire`` the kernels import is the wheel's. The console scripts
that pip would have made for JupyterLab (``jupyter``, ``jupyter-lab``) are written
the way pip writes them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from fairhire.edition import LEFT_OUT, build_edition, edition_problems, wheel_problems

from .conftest import ROOT
from .learner_reach import get
from .test_bootstrap import (
    assert_serves_only_the_workspace,
    jupyter_process,
    start_bootstrap,
    stop,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

SCRIPTS = {"jupyter": "jupyter_core.command", "jupyter-lab": "jupyterlab.labapp"}


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return build_edition(tmp_path_factory.mktemp("dist"), ROOT)


def fresh_venv(venv: Path, deps: Path) -> Path:
    """A new venv that borrows this environment's dependencies but not its fairhire."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    deps.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if entry.name.startswith(("fairhire", "__editable__")) or entry.suffix == ".pth":
            continue
        (deps / entry.name).symlink_to(entry)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    (venv / "lib" / version / "site-packages" / "_course_deps.pth").write_text(f"{deps}\n")
    for sub in ("share/jupyter", "etc/jupyter"):  # JupyterLab's assets, server extensions
        (venv / sub).parent.mkdir(parents=True, exist_ok=True)
        (venv / sub).symlink_to(Path(sys.prefix) / sub)
    python = venv / "bin" / "python"
    for name, module in SCRIPTS.items():
        script = venv / "bin" / name
        script.write_text(
            f"#!{python}\nimport sys\nfrom {module} import main\nif __name__ == '__main__':\n"
            "    sys.exit(main())\n"
        )
        script.chmod(0o755)
    return python


def learner_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, HOME=str(home))
    for name in ("FAIRHIRE_ROOT", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(name, None)
    return env


def test_the_edition_holds_the_course_and_nothing_of_the_trainer(edition):
    top = edition.folder.name
    with zipfile.ZipFile(edition.zip) as zf:
        names = {n.removeprefix(f"{top}/") for n in zf.namelist()}
    for must in (
        "LEESMIJ.md",
        "bootstrap.py",
        "requirements/constraints.txt",
        "course/m00_start.ipynb",
        "exercises/m08/m08_opdracht.ipynb",
        "datasets/vendor_audit.csv",
        f"wheel/{edition.wheel.name}",
    ):
        assert must in names
    assert not [
        n for n in names if n.split("/")[0] in ("solutions", "sources", "tests", "fairhire")
    ]
    assert not [n for n in names if "TRAINER_" in n]
    assert edition_problems(edition.folder) == []
    assert wheel_problems(edition.wheel) == []
    with zipfile.ZipFile(edition.wheel) as zf:
        shipped = zf.namelist()
        entry_points = next(n for n in shipped if n.endswith("entry_points.txt"))
        assert "fairhire = fairhire.cli:main" in zf.read(entry_points).decode()
    for left_out in LEFT_OUT:
        assert not [n for n in shipped if n.startswith(f"fairhire/{left_out}")]
    assert "fairhire/data/objectives.toml" in shipped and "fairhire/workspace.py" in shipped
    leesmij = (edition.folder / "LEESMIJ.md").read_text()
    assert "1. Pak het zip-bestand uit." in leesmij and "python3 bootstrap.py" in leesmij


def test_the_edition_installs_and_opens_without_the_source_tree(edition, tmp_path):
    # the learner's step 1: unzip, far from the source tree
    with zipfile.ZipFile(edition.zip) as zf:
        zf.extractall(tmp_path / "downloads")
    unpacked = tmp_path / "downloads" / edition.folder.name
    assert not (unpacked / "pyproject.toml").exists()
    # the installation bootstrap.py would do, offline: a fresh venv with the wheel
    python = fresh_venv(unpacked / ".venv", tmp_path / "deps")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", edition.wheel.name],
        cwd=unpacked / "wheel",
        env=learner_env(tmp_path),
        check=True,
    )
    spec = importlib.util.spec_from_file_location("edition_bootstrap", unpacked / "bootstrap.py")
    bootstrap = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bootstrap)
    assert bootstrap.is_edition()
    bootstrap.STAMP.write_text(bootstrap.wanted_digest() + "\n")  # installed: skip pip

    # step 2: python3 bootstrap.py, from elsewhere, without FAIRHIRE_ROOT or PYTHONPATH
    workspace = tmp_path / "home" / "eerlijk-werven-met-ai"
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    proc, base, token, log = start_bootstrap(
        unpacked / "bootstrap.py", [], tmp_path, cwd=elsewhere, without=("PYTHONPATH",)
    )
    try:
        assert_serves_only_the_workspace(base, token, workspace)  # the default: ~/eerlijk-...
        assert b"JupyterLab" in get(base, token, "lab")  # the application itself loads
        server = jupyter_process(proc)
        assert server.cmdline()[0] == str(python)
    finally:
        stop(proc)

    # a lesson runs headlessly in the workspace with the wheel's fairhire, and finds its course
    script = """
import importlib, json, pkgutil
import fairhire
shipped = [m.name for m in pkgutil.walk_packages(fairhire.__path__, "fairhire.")
           if not m.name.endswith("__main__")]
for name in shipped:
    importlib.import_module(name)  # nothing shipped needs what was left out
import nbformat
from nbclient import NotebookClient
nb = nbformat.read("m00_start.ipynb", as_version=4)
nb.cells.append(nbformat.v4.new_code_cell(
    "import fairhire.paths\\nprint('PAKKET', fairhire.__file__)\\n"
    "print('CURSUS', fairhire.paths.repo_root())"))
NotebookClient(nb, timeout=180, kernel_name="python3").execute()
texts = [json.dumps(c.get("outputs", [])) for c in nb.cells if c.cell_type == "code"]
print(json.dumps({"shipped": shipped, "outputs": texts}))
"""
    run = subprocess.run(
        [python, "-c", script],
        cwd=workspace / "course",
        env=learner_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=400,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert "fairhire.workspace" in result["shipped"]
    assert not [m for m in result["shipped"] if m.split(".")[1] in ("grading", "register")]
    last = result["outputs"][-1]
    assert f"PAKKET {unpacked / '.venv'}" in last and f"CURSUS {workspace}" in last
    # the start page's "Waar was ik?" links to the learner's exercises
    assert any("m00_opdracht.ipynb" in text for text in result["outputs"])

    # the command line of the edition: the learner's commands, not the trainer's
    fairhire_cli = unpacked / ".venv" / "bin" / "fairhire"
    env = learner_env(tmp_path / "home")
    shown = subprocess.run(
        [fairhire_cli, "--help"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "werkmap" in shown and "progress" in shown
    for trainer in ("grade", "register", "notebooks", "edition", "build"):
        assert f"    {trainer} " not in shown and f"{{{trainer}," not in shown
    progress = subprocess.run(
        [fairhire_cli, "progress", "--snel"],
        cwd=workspace,
        capture_output=True,
        text=True,
        env=env,
    )
    assert progress.returncode == 0 and "m08" in progress.stdout, progress.stderr
