"""The gradebook's PostgreSQL: a cluster of the hub's own, loopback only.

Only the 'postgres' system user reaches it through its socket (peer), and only
the gradebook role with its password over TCP on 127.0.0.1. Learners have
neither, so they cannot connect.
"""

from __future__ import annotations

import glob
import shutil
from pathlib import Path

from .settings import Settings
from .steps import changed, directory, run, say, write

AS_POSTGRES = ["runuser", "-u", "postgres", "--"]


def bindir() -> Path:
    """The newest installed server version's programs."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        raise SystemExit("PostgreSQL is niet geïnstalleerd (apt-get install postgresql).")
    return Path(found[-1]).parent


def hba(s: Settings) -> str:
    """Who may connect: postgres through the socket, the gradebook role over loopback."""
    db = s.gradebook_db
    return (
        "# Written by deploy/hub.py\n"
        "local   all   postgres                 peer\n"
        f"host    {db}   {db}   127.0.0.1/32   scram-sha-256\n"
    )


def start_options(s: Settings) -> str:
    """Server options: loopback, our port, the socket inside the data folder."""
    return f"-p {s.postgres_port} -k {s.pgdata} -c listen_addresses=127.0.0.1"


def cluster(s: Settings) -> None:
    """Create the cluster once; keep pg_hba.conf as we want it."""
    if not (s.pgdata / "PG_VERSION").exists():
        directory(s.pgdata, 0o700, owner="postgres")
        run(
            [
                *AS_POSTGRES,
                bindir() / "initdb",
                "-D",
                s.pgdata,
                "-U",
                "postgres",
                "-A",
                "peer",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )
        changed(f"PostgreSQL-cluster gemaakt: {s.pgdata}")
    if write(s.pgdata / "pg_hba.conf", hba(s), mode=0o600, owner="postgres") and is_running(s):
        run([*AS_POSTGRES, bindir() / "pg_ctl", "-D", s.pgdata, "reload"])


def is_running(s: Settings) -> bool:
    """Whether the cluster's server runs."""
    proc = run([*AS_POSTGRES, bindir() / "pg_ctl", "-D", s.pgdata, "status"], check=False)
    return proc.returncode == 0


def start(s: Settings) -> None:
    """Start the server in the background (without systemd)."""
    if is_running(s):
        say("PostgreSQL: draait")
        return
    run(
        [
            *AS_POSTGRES,
            bindir() / "pg_ctl",
            "-D",
            s.pgdata,
            "-l",
            s.pgdata / "server.log",
            "-w",
            "-t",
            "60",
            "-o",
            start_options(s),
            "start",
        ]
    )
    changed("PostgreSQL gestart")


def stop(s: Settings) -> None:
    """Stop the server when it runs."""
    if s.pgdata.exists() and is_running(s):
        run(
            [*AS_POSTGRES, bindir() / "pg_ctl", "-D", s.pgdata, "-m", "fast", "-w", "stop"],
            check=False,
        )
        changed("PostgreSQL gestopt")


def psql(s: Settings, sql: str) -> str:
    """Run SQL as the superuser through the socket."""
    proc = run(
        [
            *AS_POSTGRES,
            bindir() / "psql",
            "-h",
            s.pgdata,
            "-p",
            s.postgres_port,
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-tAc",
            sql,
        ]
    )
    return proc.stdout.strip()


def gradebook(s: Settings, password: str) -> None:
    """The trainer's role and database; nobody else may connect to it."""
    db = s.gradebook_db
    if psql(s, f"SELECT 1 FROM pg_roles WHERE rolname = '{db}'") != "1":
        psql(s, f"CREATE ROLE {db} LOGIN PASSWORD '{password}'")
        changed(f"databaserol gemaakt: {db}")
    if psql(s, f"SELECT 1 FROM pg_database WHERE datname = '{db}'") != "1":
        psql(s, f"CREATE DATABASE {db} OWNER {db}")
        psql(s, f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
        changed(f"database gemaakt: {db}")


def remove(s: Settings) -> None:
    """Stop the server and delete the cluster."""
    stop(s)
    if s.pgdata.exists():
        shutil.rmtree(s.pgdata)
        changed(f"PostgreSQL-cluster verwijderd: {s.pgdata}")
