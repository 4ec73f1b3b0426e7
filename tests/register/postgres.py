"""A throwaway PostgreSQL server for the tests: its own cluster in a temp dir, on a free port.

Uses the Debian server binaries (/usr/lib/postgresql/<version>/bin) or whatever
``pg_ctl`` is on PATH. PostgreSQL refuses to run as root, so as root the
cluster belongs to the 'postgres' system user and runs through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


def server_bin() -> Path | None:
    """The folder with initdb/pg_ctl, or None when PostgreSQL is not installed."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).resolve().parent if which else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_server():
    """Start a cluster and yield a SQLAlchemy URL for an empty database 'gradebook'."""
    bindir = server_bin()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL server binaries not found")
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    # not under pytest's tmp dir: that one is private to root and 'postgres' cannot enter it
    base = Path(tempfile.mkdtemp(prefix="fairhire-pg-"))
    base.chmod(0o755)
    data, sockets = base / "data", base / "sock"
    sockets.mkdir()
    if as_root:
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()

    def run(*args, check=True):
        return subprocess.run(
            [*prefix, *map(str, args)], capture_output=True, text=True, check=check, cwd=base
        )

    try:
        run(
            bindir / "initdb",
            "-D",
            data,
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        run(
            bindir / "pg_ctl",
            "-D",
            data,
            "-l",
            base / "server.log",
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )
        url = f"postgresql+psycopg2://postgres@127.0.0.1:{port}"
        from sqlalchemy import create_engine, text

        engine = create_engine(f"{url}/postgres", isolation_level="AUTOCOMMIT")
        for attempt in range(20):
            try:
                with engine.connect() as conn:
                    conn.execute(text("CREATE DATABASE gradebook"))
                break
            except Exception:
                if attempt == 19:
                    raise
                time.sleep(0.5)
        engine.dispose()
        yield f"{url}/gradebook"
    finally:
        run(bindir / "pg_ctl", "-D", data, "-m", "immediate", "stop", check=False)
        shutil.rmtree(base, ignore_errors=True)
