"""What a user's home holds before their first server starts (run by the hub, as root).

A learner gets the lessons and the data, never the solutions. A trainer gets
the whole source tree (solutions, hidden tests, rubrics), the gradebook's
password in ~/.pgpass and nbgrader's trainer tools switched on in ~/.jupyter.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import shutil
import subprocess
from pathlib import Path

LEARNER_PARTS = ("course", "datasets")
TRAINER_PARTS = ("solutions", "exercises", "course", "datasets", "nbgrader_config.py")
TRAINER_EXTENSIONS_LAB = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)
TRAINER_EXTENSIONS_SERVER = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)


def _chown_tree(path: Path, user: str) -> None:
    shutil.chown(path, user, user)
    for sub in path.rglob("*"):
        os.chown(sub, pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid, follow_symlinks=False)


def set_groups(user: str, role: str, settings: dict) -> None:
    """The user is in exactly one of the two course groups, the one of their role."""
    wanted = settings["trainer_group"] if role == "trainer" else settings["learner_group"]
    other = settings["learner_group"] if role == "trainer" else settings["trainer_group"]
    if user in grp.getgrnam(other).gr_mem:
        subprocess.run(["gpasswd", "-d", user, other], check=True, capture_output=True)
    if user not in grp.getgrnam(wanted).gr_mem:
        subprocess.run(["gpasswd", "-a", user, wanted], check=True, capture_output=True)


def _write(path: Path, text: str, user: str, mode: int = 0o600) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    os.chmod(path, mode)
    shutil.chown(path, user, user)


def prepare(user: str, role: str, settings: dict, secrets_dir: Path) -> Path:
    """Fill the home on first start; later starts only fix its mode. Returns the course folder."""
    home = Path(pwd.getpwnam(user).pw_dir)
    os.chmod(home, 0o700)  # nobody else reads a learner's work
    course = home / "cursus"
    src = Path(settings["prefix"]) / "src"
    if course.exists():
        return course
    parts = TRAINER_PARTS if role == "trainer" else LEARNER_PARTS
    course.mkdir()
    for part in parts:
        if (src / part).is_dir():
            shutil.copytree(src / part, course / part)
        else:
            shutil.copy2(src / part, course / part)
    if role == "trainer":
        _trainer_files(home, course, user, settings, secrets_dir)
    _chown_tree(course, user)
    return course


def _trainer_files(home: Path, course: Path, user: str, settings: dict, secrets: Path) -> None:
    password = (secrets / "db_password").read_text().strip()
    db = settings["gradebook_db"]
    _write(home / ".pgpass", f"127.0.0.1:{settings['postgres_port']}:{db}:{db}:{password}\n", user)
    hub_block = (
        "\n# Added by deploy/hub.py: the hub's exchange and the gradebook on PostgreSQL\n"
        "# (the password is in ~/.pgpass).\n"
        f"c.Exchange.root = {settings['exchange']!r}\n"
        f"c.CourseDirectory.db_url = {settings['gradebook_url']!r}\n"
    )
    config = course / "nbgrader_config.py"
    config.write_text(config.read_text() + hub_block)
    jupyter = home / ".jupyter"
    _write(
        jupyter / "nbgrader_config.py",
        f"c = get_config()  # noqa: F821\nc.CourseDirectory.root = {str(course)!r}\n" + hub_block,
        user,
    )
    _write(
        jupyter / "labconfig" / "page_config.json",
        json.dumps({"disabledExtensions": dict.fromkeys(TRAINER_EXTENSIONS_LAB, False)}) + "\n",
        user,
    )
    _write(
        jupyter / "jupyter_server_config.json",
        json.dumps(
            {"ServerApp": {"jpserver_extensions": dict.fromkeys(TRAINER_EXTENSIONS_SERVER, True)}}
        )
        + "\n",
        user,
    )
    for path in (jupyter, jupyter / "labconfig"):
        shutil.chown(path, user, user)
        os.chmod(path, 0o700)
