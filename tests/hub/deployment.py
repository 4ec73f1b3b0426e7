"""A throwaway deployment of the hub for the tests: installed on loopback, removed afterwards.

Everything it makes carries one random tag (users, groups, cgroups, the prefix
in /tmp), so a leftover from a failed run never clashes with the next one and
``remove --purge`` finds all of it.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from ..conftest import ROOT
from .client import Hub

INSTALLER = ROOT / "deploy" / "hub.py"


def _free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count: int) -> int:
    """A first port of ``count`` free consecutive ports."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = s.getsockname()[1]
        if base + count < 65000 and all(_free(base + i) for i in range(count)):
            return base
    raise RuntimeError("no free ports")


def why_not() -> str | None:
    """The reason the hub cannot be deployed here, or None."""
    if os.name != "posix" or os.geteuid() != 0:
        return "de hub-tests maken systeemgebruikers en installeren pakketten: alleen als root"
    have_apt = bool(shutil.which("apt-get"))
    needs = {
        "npm": shutil.which("npm"),
        "postgresql": glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        "useradd": shutil.which("useradd"),
        "runuser": shutil.which("runuser"),
    }
    missing = [k for k, v in needs.items() if not v]
    if missing and not have_apt:
        return f"niet gevonden en geen apt-get om ze te installeren: {', '.join(missing)}"
    if not Path("/sys/fs/cgroup").is_dir():
        return "geen cgroups op deze machine"
    return None


class Deployment:
    """One installed hub; ``install()``, ``remove()``, and helpers to act as its users."""

    def __init__(self, work: Path):
        self.tag = "fh" + secrets.token_hex(2)
        self.work = work
        self.prefix = Path(f"/tmp/fairhire-hub-{self.tag}")
        port = free_ports(3)
        self.config = work / "hub.toml"
        self.config.write_text(
            f'prefix = "{self.prefix}/hub"\n'
            f'exchange = "{self.prefix}/exchange"\n'
            f"port = {port}\n"
            'base_url = "/cursus/"\n'
            f'admin = "{self.tag}adm"\n'
            f'trainer_group = "{self.tag}-trainers"\n'
            f'learner_group = "{self.tag}-learners"\n'
            f"postgres_port = {free_ports(1)}\n"
            f'name = "{self.tag}"\n'
            "[limits.learner]\nmemory_mb = 768\ncpus = 0.5\nprocesses = 128\n"
            "[limits.trainer]\nmemory_mb = 3072\ncpus = 2.0\nprocesses = 1024\n"
            "[culler]\nidle_timeout = 600\nmax_age = 3600\n"
        )
        sys.path[:0] = [str(ROOT / "deploy")]
        from hubsetup import settings

        self.settings = settings.load(self.config)
        self.hub = Hub(self.settings.public_url)
        self._admin_token: str | None = None

    def run(self, action: str, *extra: str, timeout: float = 1200) -> subprocess.CompletedProcess:
        # the installer runs with the server's python3, as the guide says, not the test venv
        python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else "python3"
        return subprocess.run(
            [python, str(INSTALLER), action, "--config", str(self.config), "--no-systemd", *extra],
            capture_output=True,
            text=True,
            timeout=timeout,
            # the machine's own environment: npm and pip read certificates and mirrors from it
            env=dict(os.environ, LANG="C.UTF-8"),
        )

    def install(self) -> subprocess.CompletedProcess:
        proc = self.run("install")
        assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-5000:]
        return proc

    def remove(self) -> subprocess.CompletedProcess:
        return self.run("remove", "--purge", timeout=300)

    @property
    def admin_token(self) -> str:
        if self._admin_token is None:
            password = (self.settings.secrets / "admin_password").read_text().strip()
            self._admin_token = self.hub.login_token(self.settings.admin, password)
        return self._admin_token

    def user(self, role: str) -> str:
        return f"{self.tag}{role}"

    def as_user(self, user: str, script: str, timeout: float = 900, check: bool = True):
        """Run ``script`` in bash as ``user``, in ~/cursus, as in their terminal on the hub."""
        home = pwd.getpwnam(user).pw_dir
        env = [
            f"HOME={home}",
            f"USER={user}",
            "LANG=C.UTF-8",
            f"PATH={self.settings.venv}/bin:/usr/local/bin:/usr/bin:/bin",
            f"FAIRHIRE_ROOT={home}/cursus",
            f"FAIRHIRE_GRADEBOOK={self.settings.gradebook_url()}",
        ]
        cwd = f"{home}/cursus" if os.path.isdir(f"{home}/cursus") else home
        proc = subprocess.run(
            ["runuser", "-u", user, "--", "env", "-i", *env, "bash", "-c", script],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=cwd,
        )
        if check:
            assert proc.returncode == 0, (
                f"{script}\n---\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
            )
        return proc

    def leftovers(self) -> list[str]:
        """What a purge should have removed but did not."""
        left = []
        if self.prefix.exists() and any(self.prefix.rglob("*")):
            left.append(f"files in {self.prefix}")
        for entry in pwd.getpwall():
            if entry.pw_name.startswith(self.tag):
                left.append(f"user {entry.pw_name}")
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
                except OSError:
                    continue
                if str(self.prefix).encode() in cmd:
                    left.append(f"process {pid}: {cmd[:80]!r}")
        for c in ("memory", "pids", "cpu"):
            if Path(f"/sys/fs/cgroup/{c}/{self.tag}").exists():
                left.append(f"cgroup {c}/{self.tag}")
        if not _free(self.settings.port):
            left.append(f"port {self.settings.port}")
        return left
