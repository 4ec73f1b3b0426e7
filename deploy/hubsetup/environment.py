"""The hub's software: a venv with the course package and the hub, the proxy from npm."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .settings import REPO, Settings
from .steps import changed, digest, directory, run, say, write

# The distribution's Python: every user must be able to run the venv's interpreter, which a
# Python under /root (pyenv) does not allow.
BASE_PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else "python3"
CHP_VERSION = "5.3.0"  # configurable-http-proxy, exact (npm)

# What the course package needs to install and what the trainer's copy holds.
COURSE_PARTS = (
    "fairhire",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "requirements",
    "nbgrader_config.py",
    "solutions",
    "exercises",
    "course",
    "datasets",
)

# nbgrader's trainer tools: off for everyone in the venv, on in the trainer's own config.
TRAINER_LAB_EXTENSIONS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)
TRAINER_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)


def course_source(s: Settings) -> bool:
    """Copy the course into <prefix>/src (root only: it holds the solutions). True if changed."""
    directory(s.src, 0o700)
    stamp = s.src / ".digest"
    wanted = digest(*(REPO / p for p in COURSE_PARTS if (REPO / p).exists()))
    if stamp.exists() and stamp.read_text() == wanted:
        say("cursus: ongewijzigd")
        return False
    for part in COURSE_PARTS:
        src, dest = REPO / part, s.src / part
        if dest.is_dir():
            shutil.rmtree(dest)
        elif dest.exists():
            dest.unlink()
        if src.is_dir():
            shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.exists():
            shutil.copy2(src, dest)
    stamp.write_text(wanted)
    changed(f"cursus gekopieerd naar {s.src}")
    return True


def venv(s: Settings, course_changed: bool) -> bool:
    """Create the venv and pip install exact versions. True when something was installed."""
    py = s.venv / "bin" / "python"
    cfg = s.venv / "pyvenv.cfg"
    if cfg.exists() and f"home = {Path(BASE_PYTHON).parent}\n" not in cfg.read_text():
        shutil.rmtree(s.venv)  # made from another Python (e.g. one only root can read)
    if not py.exists():
        run([BASE_PYTHON, "-m", "venv", s.venv])
        changed(f"venv gemaakt: {s.venv}")
    stamp = s.venv / ".fairhire-hub-installed"
    wanted = digest(REPO / "requirements", REPO / "pyproject.toml") + digest(s.src / "fairhire")
    if stamp.exists() and stamp.read_text() == wanted and not course_changed:
        say("Python-pakketten: ongewijzigd")
        return False
    say("Python-pakketten installeren (een paar minuten)")
    run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip==25.3"], check=False)
    run(
        [
            py,
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            constraints(s),
            "-r",
            s.src / "requirements" / "hub.txt",
            # not editable: the venv is readable by everyone, the source tree is not
            str(s.src),
        ]
    )
    stamp.write_text(wanted)
    changed("Python-pakketten geïnstalleerd")
    return True


def _name(line: str) -> str:
    return line.split("==")[0].strip().lower().replace("_", "-")


def constraints(s: Settings) -> Path:
    """The course's pins with the hub's overrides (requirements/hub-overrides.txt) applied."""
    req = s.src / "requirements"
    overrides = [x for x in (req / "hub-overrides.txt").read_text().splitlines() if "==" in x]
    names = {_name(x) for x in overrides}
    kept = [
        x
        for x in (req / "constraints.txt").read_text().splitlines()
        if "==" in x and _name(x) not in names
    ]
    path = s.etc / "constraints.txt"
    write(path, "\n".join(kept + overrides) + "\n")
    return path


def proxy(s: Settings) -> None:
    """configurable-http-proxy at an exact version, in <prefix>/node."""
    pkg = s.node / "node_modules" / "configurable-http-proxy" / "package.json"
    if pkg.exists() and json.loads(pkg.read_text()).get("version") == CHP_VERSION:
        say("configurable-http-proxy: aanwezig")
        return
    directory(s.node, 0o755)
    run(
        [
            "npm",
            "install",
            "--prefix",
            s.node,
            "--no-audit",
            "--no-fund",
            "--save-exact",
            f"configurable-http-proxy@{CHP_VERSION}",
        ],
        timeout=600,
    )
    changed(f"configurable-http-proxy {CHP_VERSION} geïnstalleerd")


def chp_command(s: Settings) -> Path:
    """The proxy's executable."""
    return s.node / "node_modules" / ".bin" / "configurable-http-proxy"


def jupyter_config(s: Settings) -> bool:
    """Venv-wide Jupyter settings every user's server reads. True when something changed."""
    etc = s.venv / "etc" / "jupyter"
    touched = False
    # learners: no trainer tools (the trainer switches them back on in ~/.jupyter)
    page = etc / "labconfig" / "page_config.json"
    current = json.loads(page.read_text()) if page.exists() else {}
    disabled = dict(current.get("disabledExtensions", {}))
    disabled.update({name: True for name in TRAINER_LAB_EXTENSIONS})
    current["disabledExtensions"] = disabled
    touched |= write(page, json.dumps(current, indent=2, sort_keys=True) + "\n")
    server = etc / "jupyter_server_config.d" / "zz-fairhire-learner.json"
    touched |= write(
        server,
        json.dumps(
            {"ServerApp": {"jpserver_extensions": dict.fromkeys(TRAINER_SERVER_EXTENSIONS, False)}},
            indent=2,
        )
        + "\n",
    )
    # nbgrader for everyone: the course and where the exchange is
    touched |= write(
        etc / "nbgrader_config.py",
        "# Written by deploy/hub.py: the course and the hub's exchange.\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {s.as_json()['course_id']!r}\n"
        f"c.Exchange.root = {str(s.exchange)!r}\n",
    )
    # JupyterLab in Dutch by default
    overrides = s.venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    touched |= write(
        overrides,
        json.dumps(
            {
                "@jupyterlab/translation-extension:plugin": {"locale": "nl_NL"},
                "@jupyterlab/apputils-extension:notification": {
                    "fetchNews": "false",
                    "checkForUpdates": False,
                },
            },
            indent=2,
        )
        + "\n",
    )
    return touched
