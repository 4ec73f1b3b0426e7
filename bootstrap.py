#!/usr/bin/env python3
"""Set up the course and open it, or set it up and run every test.

    python3 bootstrap.py                   # installs into .venv, opens your workspace in JupyterLab
    python3 bootstrap.py --werkmap PAD     # the same, with the workspace in PAD
    python3 bootstrap.py test              # installs into .venv (and test tools), runs the tests

Needs only Python 3.11+ and pip. Installs the exact versions in
requirements/constraints.txt into a virtual environment in .venv, so nothing
else on the machine changes. The course opens in the learner's workspace
(default ~/eerlijk-werven-met-ai): a copy of the lessons, exercises and data
made by ``fairhire werkmap``, and the only folder JupyterLab serves; answers,
hidden tests and trainer notes stay in the source tree. With CI=true no
browser is opened.

The same script runs in the learner edition (``fairhire edition``), which has
the package as a wheel in wheel/ instead of the source; there it installs that
wheel, and ``test`` is not available.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".fairhire-installed"
START_PAGE = "course/m00_start.ipynb"
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
# the learner's workspace by default; fairhire.workspace.DEFAULT_NAME says the same
DEFAULT_WORKSPACE = Path.home() / "eerlijk-werven-met-ai"

# System programs the test suite drives: command -> Debian package. A command with a "/"
# is a path glob (PostgreSQL's server programs are not on PATH).
TEST_SYSTEM_PACKAGES: dict[str, str] = {
    "chromium": "chromium",
    "/usr/lib/postgresql/*/bin/pg_ctl": "postgresql",
    # the JupyterHub tests (tests/hub): the proxy comes from npm, the hub's venv from
    # the distribution's Python (which every system user can run)
    "node": "nodejs",
    "npm": "npm",
    "/usr/bin/python3": "python3-venv",
}


def say(message: str) -> None:
    print(f"[bootstrap] {message}", flush=True)


def run(cmd: list[str], **kwargs) -> None:
    say(" ".join(str(c) for c in cmd))
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def make_venv() -> None:
    if PY.exists():
        return
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by an older python3
        sys.exit(
            f"Deze cursus heeft Python 3.11 of nieuwer nodig (gevonden: {sys.version.split()[0]})."
        )
    say("virtuele omgeving maken in .venv")
    try:
        run([sys.executable, "-m", "venv", VENV])
    except subprocess.CalledProcessError:
        # Debian without python3-venv: fall back to virtualenv from PyPI
        shutil.rmtree(VENV, ignore_errors=True)
        run([sys.executable, "-m", "pip", "install", "--user", "virtualenv"])
        run([sys.executable, "-m", "virtualenv", VENV])


def is_edition() -> bool:
    """Whether this is the learner edition (a wheel in wheel/, no source tree)."""
    return not (ROOT / "pyproject.toml").is_file() and bool(edition_wheels())


def edition_wheels() -> list[Path]:
    return sorted((ROOT / "wheel").glob("fairhire-*.whl"))


def wanted_digest() -> str:
    """What the installation is made from; the install is skipped while it is unchanged."""
    digest = hashlib.sha256()
    sources = edition_wheels() if is_edition() else [ROOT / "pyproject.toml"]
    for path in [*sources, CONSTRAINTS]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def install() -> None:
    """pip install the package with its pinned dependencies (skipped when unchanged)."""
    wanted = wanted_digest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        say("pakketten zijn al geïnstalleerd")
        return
    run([PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    # the source tree: editable, with the test tools; the edition: its wheel
    what = [*edition_wheels()] if is_edition() else ["-e", f"{ROOT}[test]"]
    run([PY, "-m", "pip", "install", "--quiet", "-c", CONSTRAINTS, *what])
    if is_edition():
        # a newer edition may carry the same version number: replace the package itself
        run([PY, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", *what])
    STAMP.write_text(wanted + "\n")


def system_packages() -> None:
    """Install the programs the browser and database tests need, when possible."""

    def found(cmd: str) -> bool:
        return bool(glob.glob(cmd)) if "/" in cmd else bool(shutil.which(cmd))

    missing = sorted({pkg for cmd, pkg in TEST_SYSTEM_PACKAGES.items() if not found(cmd)})
    if not missing:
        return
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        say(
            f"niet gevonden: {', '.join(missing)}; installeer ze zelf (tests die ze nodig hebben "
            "worden anders overgeslagen)"
        )
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=env)
    run(["apt-get", "install", "-y", "-q", *missing], env=env)


def venv_env(**extra: str) -> dict[str, str]:
    """The environment of an activated .venv: its tools (nbgrader calls alembic) come first."""
    path = os.pathsep.join([str(BIN), os.environ.get("PATH", "")])
    return dict(os.environ, PATH=path, VIRTUAL_ENV=str(VENV), **extra)


def make_workspace(workspace: Path) -> int:
    """Make or update the learner's workspace from this course (``fairhire werkmap``)."""
    cmd = [PY, "-m", "fairhire", "werkmap", workspace, "--bron", ROOT]
    say(" ".join(str(c) for c in cmd))
    return subprocess.call([str(c) for c in cmd], env=venv_env())


# The learner's JupyterLab (not the trainer's `jupyter lab` in the source tree): Dutch, no
# first-start news question, no nbgrader trainer tools, and no single-key command-mode
# shortcuts that silently add, delete or retype a cell after a stray keypress.
LEARNER_LAB = VENV / "learner-jupyterlab"
NBGRADER_TRAINER_TOOLS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
    "@jupyter/nbgrader:menu",  # its items open the formgrader and the course list
    "@jupyter/nbgrader:validate-assignment",  # self_check() answers in Dutch instead
)
NBGRADER_TRAINER_SERVER = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.validate_assignment",
)
_COMMAND_MODE = ".jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus"
STRAY_KEYS = {
    "notebook:insert-cell-above": ["A"],
    "notebook:insert-cell-below": ["B"],
    "notebook:change-cell-to-markdown": ["M"],
    "notebook:change-cell-to-code": ["Y"],
    "notebook:change-cell-to-raw": ["R"],
    "notebook:delete-cell": ["D", "D"],
    "notebook:cut-cell": ["X"],
    "notebook:paste-cell-below": ["V"],
    "notebook:merge-cells": ["Shift M"],
    "notebook:undo-cell-action": ["Z"],
}
LEARNER_SETTINGS = {
    "@jupyterlab/translation-extension:plugin": {"locale": "nl_NL"},
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/shortcuts-extension:shortcuts": {
        "shortcuts": [
            {"command": command, "keys": keys, "selector": _COMMAND_MODE, "disabled": True}
            for command, keys in STRAY_KEYS.items()
        ]
    },
}


def learner_lab_args(folder: Path = LEARNER_LAB) -> list[str]:
    """Write the learner's JupyterLab settings into ``folder``; the arguments that use them.

    ``folder`` becomes JupyterLab's app settings folder: ``overrides.json`` holds the
    defaults above (a learner can still change them), ``page_config.json`` switches the
    trainer tools off in the interface. The trainer's nbgrader server parts are not loaded.
    """
    import json

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "overrides.json").write_text(json.dumps(LEARNER_SETTINGS, indent=1) + "\n")
    page = {"disabledExtensions": dict.fromkeys(NBGRADER_TRAINER_TOOLS, True)}
    (folder / "page_config.json").write_text(json.dumps(page, indent=1) + "\n")
    return [
        f"--LabApp.app_settings_dir={folder}",
        *(f"--ServerApp.jpserver_extensions={name}=False" for name in NBGRADER_TRAINER_SERVER),
    ]


def open_course(workspace: Path) -> int:
    # only the workspace is served: root_dir is the workspace, never the source tree
    # (its solutions/ would be one click away); FAIRHIRE_ROOT lets progress and
    # self-check find the learner's own exercises there
    # no terminal either: from a shell the source tree (and its answers) is one `cd` away
    args = [
        BIN / "jupyter",
        "lab",
        START_PAGE,
        f"--ServerApp.root_dir={workspace}",
        "--ServerApp.terminals_enabled=False",
        *learner_lab_args(),
    ]
    if os.environ.get("CI") == "true":
        args.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # containers often run as root; Jupyter refuses without it
    say(f"JupyterLab starten in je werkmap {workspace}; stoppen met Ctrl+C")
    env = venv_env(FAIRHIRE_ROOT=str(workspace))
    return subprocess.call([str(a) for a in args], cwd=workspace, env=env)


def workspace_option(argv: list[str]) -> Path | None:
    """The workspace from ``[open] [--werkmap PAD]``; None when the arguments are wrong."""
    args = argv[1:] if argv[:1] == ["open"] else list(argv)
    if not args:
        return DEFAULT_WORKSPACE
    if len(args) == 2 and args[0] == "--werkmap":
        return Path(args[1]).expanduser().resolve()
    if len(args) == 1 and args[0].startswith("--werkmap="):
        return Path(args[0].split("=", 1)[1]).expanduser().resolve()
    return None


def run_tests(extra: list[str]) -> int:
    system_packages()
    env = venv_env(FAIRHIRE_ROOT=str(ROOT), PYTHONHASHSEED="0")
    cmd = [PY, "-m", "pytest", "-n", "2", "--dist", "loadgroup", *extra]
    say(" ".join(str(c) for c in cmd))
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    if argv[:1] == ["test"]:
        if is_edition():
            print("De tests horen bij de volledige cursus (de repository), niet bij deze versie.")
            return 2
        make_venv()
        install()
        return run_tests(argv[1:])
    workspace = workspace_option(argv)
    if workspace is None:
        print(__doc__)
        return 2
    make_venv()
    install()
    made = make_workspace(workspace)
    if made != 0:
        return made
    return open_course(workspace)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
