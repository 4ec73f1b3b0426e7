"""A throwaway copy of the course repository: the files git would commit, nothing else."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def tree_copy(dest: Path) -> Path:
    """Copy the tracked and new (not ignored) files of the working tree to ``dest``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def run_in(copy: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``python -m <args>`` with the copy's own fairhire package and course root."""
    env = dict(
        os.environ,
        PYTHONPATH=str(copy),
        FAIRHIRE_ROOT=str(copy),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )
    proc = subprocess.run(
        [sys.executable, "-m", *args], cwd=copy, env=env, capture_output=True, text=True
    )
    if check:
        assert proc.returncode == 0, f"{' '.join(args)}:\n{proc.stdout}\n{proc.stderr}"
    return proc
