"""The register from a real PostgreSQL server equals the one from SQLite, byte for byte."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fairhire.register import make_register

from .gradebook_fill import fill
from .helpers import register, tree_digest
from .postgres import server_bin, throwaway_server

pytestmark = pytest.mark.skipif(
    server_bin() is None,
    reason="PostgreSQL server binaries not found (install the Debian package 'postgresql'; "
    "python3 bootstrap.py test does that as root)",
)


@pytest.fixture(scope="module")
def pg_url():
    with throwaway_server() as url:
        fill(url)
        yield url


def test_postgres_and_sqlite_give_the_same_register(pg_url, tmp_path):
    sqlite_db = tmp_path / "gradebook.db"
    fill(f"sqlite:///{sqlite_db}")
    make_register(pg_url, tmp_path / "pg")
    make_register(f"sqlite:///{sqlite_db}", tmp_path / "sqlite")
    assert tree_digest(tmp_path / "pg") == tree_digest(tmp_path / "sqlite")
    assert "anouk,Anouk de Vries,m00,graded,15,15" in (tmp_path / "pg" / "register.csv").read_text()


def test_cli_with_postgres_url(pg_url, tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "fairhire",
            "register",
            "--db",
            pg_url,
            "--out",
            str(tmp_path / "r"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "r" / "certificaten" / "certificaat-anouk.pdf").is_file()


def test_missing_postgres_database_is_reported(pg_url, tmp_path):
    url = pg_url.rsplit("/", 1)[0] + "/bestaat_niet"
    proc = register("--db", url, "--out", str(tmp_path / "r"))
    assert proc.returncode == 2 and "niet bereikbaar" in proc.stderr
