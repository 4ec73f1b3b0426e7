#!/usr/bin/env python3
"""Install, check or remove the course's JupyterHub on one Debian or Ubuntu server.

    sudo python3 deploy/hub.py install --config deploy/hub.toml
    sudo python3 deploy/hub.py status  --config deploy/hub.toml
    sudo python3 deploy/hub.py remove  --config deploy/hub.toml [--purge]

``install`` sets up everything (system packages, the hub's venv with the course
package, configurable-http-proxy, PostgreSQL for the gradebook, nbgrader's
exchange, the idle culler) and starts it; run again, it changes only what
differs from hub.toml. ``remove`` stops and deletes the hub; the gradebook, the
exchange and the users' accounts stay unless ``--purge`` is given.
Needs only the server's python3 (3.11+) and root.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE / "hubconfig")]

import cgroups  # noqa: E402 - after the path set-up above
from hubsetup import environment, postgres, services, settings, steps, system  # noqa: E402

RUNTIME_FILES = ("jupyterhub_config.py", "limited_spawner.py", "homes.py", "cgroups.py")


def install(s: settings.Settings) -> int:
    """Every step, each one skipped when already done."""
    system.packages()
    for name in (s.trainer_group, s.learner_group):
        system.group(name)
    steps.directory(s.prefix, 0o755)
    steps.directory(s.etc, 0o755)
    steps.directory(s.secrets, 0o700)
    steps.directory(s.state, 0o700)
    # nbgrader's exchange: everyone may create their course or submission in it, nobody may
    # delete or rename someone else's (sticky bit); nbgrader sets the modes inside
    steps.directory(s.exchange.parent, 0o755)
    steps.directory(s.exchange, 0o1777)
    db_password = steps.secret(s.secrets / "db_password")
    steps.secret(s.secrets / "cookie_secret")
    steps.secret(s.secrets / "proxy_token")
    system.admin(s.admin, steps.secret(s.secrets / "admin_password", 12))
    before = len(steps.CHANGES)
    course_changed = environment.course_source(s)
    environment.venv(s, course_changed)
    environment.proxy(s)
    environment.jupyter_config(s)
    for name in RUNTIME_FILES:
        steps.write(s.etc / name, (HERE / "hubconfig" / name).read_text())
    steps.write(s.etc / "settings.json", json.dumps(s.as_json(), indent=2) + "\n")
    hub_changed = len(steps.CHANGES) > before
    postgres.cluster(s)
    postgres.start(s) if not s.systemd else None
    postgres.gradebook(s, db_password)
    services.start(s, restart=hub_changed)
    steps.say(
        f"klaar: {s.public_url} (beheerder: {s.admin}, eerste wachtwoord in "
        f"{s.secrets / 'admin_password'})"
    )
    if not steps.CHANGES:
        steps.say("niets veranderd")
    return 0


def users(s: settings.Settings) -> list[str]:
    """Everyone in the two course groups."""
    return sorted(set(system.members(s.trainer_group)) | set(system.members(s.learner_group)))


def remove(s: settings.Settings, purge: bool) -> int:
    """Stop everything and delete the hub; with ``purge`` also the data and the accounts."""
    services.stop_hub(s)
    for user in users(s):
        cgroups.remove(cgroups.paths(s.name, user))
    for base in {p.parent for p in cgroups.paths(s.name, "x")}:
        try:
            base.rmdir()
        except OSError:
            pass
    services.remove_units(s)
    postgres.stop(s)
    keep = () if purge else ("postgres",)
    if s.prefix.exists():
        for entry in s.prefix.iterdir():
            if entry.name not in keep:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        if not any(s.prefix.iterdir()):
            s.prefix.rmdir()
        steps.changed(f"verwijderd: {s.prefix}" + ("" if purge else " (cijferboek bewaard)"))
    if purge:
        if s.exchange.exists():
            shutil.rmtree(s.exchange)
            steps.changed(f"verwijderd: {s.exchange}")
        for user in [*users(s), s.admin]:
            system.remove_user(user)
        for name in (s.trainer_group, s.learner_group):
            system.remove_group(name)
    else:
        steps.say("bewaard: de uitwisselmap, het cijferboek en de accounts (weg met --purge)")
    return 0


def status(s: settings.Settings) -> int:
    """Say whether the hub and its database run; exit 0 only when both do."""
    pid = services.hub_pid(s)
    pg = s.pgdata.exists() and postgres.is_running(s)
    steps.say(f"hub: {'draait, pid ' + str(pid) if pid else 'draait niet'}")
    steps.say(f"PostgreSQL: {'draait' if pg else 'draait niet'}")
    steps.say(f"adres: {s.public_url}")
    return 0 if (pid or s.systemd) and pg else 1


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("install", "remove", "status"))
    parser.add_argument("--config", default=str(HERE / "hub.toml"), help="hub.toml")
    parser.add_argument("--purge", action="store_true", help="remove: also data and accounts")
    parser.add_argument(
        "--no-systemd",
        action="store_true",
        help="run as background processes even where systemd runs (tests)",
    )
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("Voer dit uit als root (sudo).", file=sys.stderr)
        return 2
    s = settings.load(args.config)
    s.systemd = system.has_systemd() and not args.no_systemd
    if args.action == "install":
        return install(s)
    if args.action == "remove":
        return remove(s, args.purge)
    return status(s)


if __name__ == "__main__":
    sys.exit(main())
