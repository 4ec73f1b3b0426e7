"""Start and stop the hub: a systemd unit where systemd runs, else a background process.

Without systemd (containers, this test machine) the hub runs in a session of
its own with its pid in <prefix>/state/hub.pid; ``stop`` ends exactly
that process, then the proxy and the users' servers by their recorded pids and
cgroups.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from . import postgres
from .settings import Settings
from .steps import changed, run, say, write

UNIT_DIR = Path("/etc/systemd/system")


def _pid(path: Path) -> int | None:
    try:
        pid = int(path.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    return pid


def hub_pid(s: Settings) -> int | None:
    """The running hub's pid, or None."""
    pid = _pid(s.state / "hub.pid")
    if pid is None:
        return None
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes() if Path(f"/proc/{pid}").exists() else b""
    return pid if b"jupyterhub" in cmdline else None


def wait_until_up(s: Settings, proc=None, timeout: float = 120) -> None:
    """Wait until the hub answers through the proxy."""
    url = f"http://127.0.0.1:{s.port}{s.base_url}hub/api/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if proc is not None and proc.poll() is not None:
            break  # the hub we just started has stopped
        time.sleep(0.5)
    log = s.state / "jupyterhub.log"
    tail = log.read_text()[-4000:] if log.exists() else ""
    raise SystemExit(f"De hub antwoordt niet op {url}.\n{tail}")


def units(s: Settings) -> dict[str, str]:
    """The systemd units for PostgreSQL and the hub (Delegate=yes: the hub makes the cgroups)."""
    pg = postgres.bindir()
    return {
        f"{s.name}-postgres.service": (
            "[Unit]\nDescription=PostgreSQL for the fairhire gradebook\nAfter=network.target\n\n"
            "[Service]\nType=forking\nUser=postgres\n"
            f"ExecStart={pg}/pg_ctl -D {s.pgdata} -l {s.pgdata}/server.log -w -o "
            f'"{postgres.start_options(s)}" start\n'
            f"ExecStop={pg}/pg_ctl -D {s.pgdata} -m fast stop\n\n"
            "[Install]\nWantedBy=multi-user.target\n"
        ),
        f"{s.name}.service": (
            f"[Unit]\nDescription=JupyterHub for Eerlijk werven met AI\n"
            f"After={s.name}-postgres.service\nRequires={s.name}-postgres.service\n\n"
            f"[Service]\nWorkingDirectory={s.state}\n"
            f"ExecStart={s.venv}/bin/jupyterhub -f {s.etc}/jupyterhub_config.py\n"
            "Delegate=yes\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n"
        ),
    }


def start(s: Settings, restart: bool) -> None:
    """Start PostgreSQL and the hub; restart the hub when its configuration changed."""
    if s.systemd:
        written = False
        for name, text in units(s).items():
            written |= write(UNIT_DIR / name, text)
        if written:
            run(["systemctl", "daemon-reload"])
        run(["systemctl", "enable", "--now", f"{s.name}-postgres.service", f"{s.name}.service"])
        if restart:
            run(["systemctl", "restart", f"{s.name}.service"])
            changed("hub herstart")
        wait_until_up(s)
        return
    postgres.start(s)
    pid = hub_pid(s)
    if pid and not restart:
        say(f"hub: draait (pid {pid})")
        return
    if pid:
        stop_hub(s)
    log = open(s.state / "jupyterhub.log", "ab")  # noqa: SIM115 - handed to the child
    proc = subprocess.Popen(
        [str(s.venv / "bin" / "jupyterhub"), "-f", str(s.etc / "jupyterhub_config.py")],
        cwd=s.state,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={
            "PATH": f"{s.venv / 'bin'}:/usr/sbin:/usr/bin:/sbin:/bin",
            "LANG": "C.UTF-8",
            "HOME": "/root",
        },
    )
    log.close()
    (s.state / "hub.pid").write_text(f"{proc.pid}\n")
    wait_until_up(s, proc)
    changed(f"hub gestart (pid {proc.pid}) op {s.public_url}")


def stop_hub(s: Settings, timeout: float = 30) -> None:
    """End the hub (SIGTERM, then SIGKILL) and the proxy it started."""
    if s.systemd:
        run(["systemctl", "stop", f"{s.name}.service"], check=False)
        return
    pid = hub_pid(s)
    if pid:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and hub_pid(s):
            time.sleep(0.3)
        if hub_pid(s):
            os.kill(pid, signal.SIGKILL)
        changed("hub gestopt")
    proxy = _pid(s.state / "jupyterhub-proxy.pid")
    if proxy:
        cmdline = Path(f"/proc/{proxy}/cmdline").read_bytes()
        if b"configurable-http-proxy" in cmdline:
            os.kill(proxy, signal.SIGTERM)


def remove_units(s: Settings) -> None:
    """Disable and delete the systemd units."""
    for name in units(s) if s.systemd else ():
        run(["systemctl", "disable", "--now", name], check=False)
        (UNIT_DIR / name).unlink(missing_ok=True)
    if s.systemd:
        run(["systemctl", "daemon-reload"], check=False)
