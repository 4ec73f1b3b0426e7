"""System packages, groups and the admin's account."""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import subprocess
from pathlib import Path

from .steps import changed, run, say

# command (or path glob) -> Debian package; what the hub needs from the system
PACKAGES = {
    "node": "nodejs",
    "npm": "npm",
    "/usr/lib/postgresql/*/bin/pg_ctl": "postgresql",
    "useradd": "passwd",
    "runuser": "util-linux",
    "/usr/bin/python3": "python3",
}


def has_systemd() -> bool:
    """True when systemd runs the machine (then the services become units)."""
    return Path("/run/systemd/system").is_dir()


def packages() -> None:
    """apt-get install what is missing (a fresh Debian or Ubuntu has none of it)."""
    import glob

    def found(cmd: str) -> bool:
        return bool(glob.glob(cmd)) if "/" in cmd else bool(shutil.which(cmd))

    missing = sorted({pkg for cmd, pkg in PACKAGES.items() if not found(cmd)})
    # the venv module is a separate package on Debian
    probe = subprocess.run(
        ["/usr/bin/python3", "-c", "import ensurepip, venv"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        missing.append("python3-venv")
    if not missing:
        say("systeempakketten: aanwezig")
        return
    if not shutil.which("apt-get"):
        raise SystemExit(f"Installeer eerst: {', '.join(missing)} (geen apt-get gevonden).")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=env)
    run(["apt-get", "install", "-y", "-q", *missing], env=env)
    changed(f"systeempakketten geïnstalleerd: {', '.join(missing)}")


def group(name: str) -> None:
    """A system group (created once)."""
    try:
        grp.getgrnam(name)
    except KeyError:
        run(["groupadd", name])
        changed(f"groep gemaakt: {name}")


def user_exists(name: str) -> bool:
    """Whether a system user of that name exists."""
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def add_user_cmd(group_name: str) -> list[str]:
    """How the hub creates a learner's account: own group, home only for them (0700)."""
    return ["useradd", "-m", "-U", "-K", "UMASK=0077", "-s", "/bin/bash", "-G", group_name]


def admin(name: str, password: str) -> None:
    """The hub's admin: a system user in no course group, with a generated first password."""
    if not user_exists(name):
        run(["useradd", "-m", "-U", "-K", "UMASK=0077", "-s", "/bin/bash", name])
        run(["chpasswd"], input=f"{name}:{password}\n")
        changed(f"beheerder gemaakt: {name}")


def members(group_name: str) -> list[str]:
    """Users whose supplementary group is ``group_name``."""
    try:
        return list(grp.getgrnam(group_name).gr_mem)
    except KeyError:
        return []


def remove_user(name: str) -> None:
    """Delete a user with their home (only with --purge-users)."""
    if user_exists(name):
        run(["userdel", "-r", "-f", name], check=False)
        changed(f"gebruiker verwijderd: {name}")


def remove_group(name: str) -> None:
    """Delete a group when it exists."""
    try:
        grp.getgrnam(name)
    except KeyError:
        return
    run(["groupdel", name], check=False)
    changed(f"groep verwijderd: {name}")
