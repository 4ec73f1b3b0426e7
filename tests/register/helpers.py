"""Helpers shared by the register tests."""

from __future__ import annotations

import contextlib
import hashlib
import io
import subprocess

from fairhire.cli import main


def register(*args: str) -> subprocess.CompletedProcess:
    """Run ``fairhire register`` in this process (starting Python per case is slow)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["register", *args])
        except SystemExit as exc:  # argparse rejects an argument
            code = exc.code
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def tree_digest(folder):
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
