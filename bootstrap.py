#!/usr/bin/env python3
"""Set up the course and open it, or set it up and run every test.

    python3 bootstrap.py          # installs into .venv and opens the course in JupyterLab
    python3 bootstrap.py test     # installs into .venv (and test tools) and runs the test suite

Needs only Python 3.11+ and pip. Installs the exact versions in
requirements/constraints.txt into a virtual environment in .venv, so nothing
else on the machine changes. With CI=true no browser is opened.
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


def install() -> None:
    """pip install the package with its pinned dependencies (skipped when unchanged)."""
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "requirements/constraints.txt"):
        digest.update((ROOT / name).read_bytes())
    wanted = digest.hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        say("pakketten zijn al geïnstalleerd")
        return
    run([PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run(
        [
            PY,
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            ROOT / "requirements/constraints.txt",
            "-e",
            f"{ROOT}[test]",
        ]
    )
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


def open_course() -> int:
    # root_dir explicitly: given only a file, Jupyter would serve just course/, and the
    # start page's links to ../exercises/ would lead nowhere
    args = [BIN / "jupyter", "lab", START_PAGE, f"--ServerApp.root_dir={ROOT}"]
    if os.environ.get("CI") == "true":
        args.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # containers often run as root; Jupyter refuses without it
    say("JupyterLab starten; stoppen met Ctrl+C")
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=venv_env())


def run_tests(extra: list[str]) -> int:
    system_packages()
    env = venv_env(FAIRHIRE_ROOT=str(ROOT), PYTHONHASHSEED="0")
    cmd = [PY, "-m", "pytest", "-n", "2", "--dist", "loadgroup", *extra]
    say(" ".join(str(c) for c in cmd))
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "open"
    if what not in ("open", "test"):
        print(__doc__)
        return 2
    make_venv()
    install()
    if what == "test":
        return run_tests(argv[1:])
    return open_course()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
