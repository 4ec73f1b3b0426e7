"""Small idempotent building blocks: run a command, write a file only when it changed.

Every step reports what it did, or that nothing changed, so a second run shows
at a glance that it left everything as it was.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import subprocess
from pathlib import Path

CHANGES: list[str] = []


def say(message: str) -> None:
    """One line of progress, in Dutch, for the admin."""
    print(f"[hub] {message}", flush=True)


def changed(message: str) -> None:
    """Record and print a change."""
    CHANGES.append(message)
    say(message)


def run(cmd: list, *, check: bool = True, env: dict | None = None, **kw):
    """Run a command; on failure show its output (the admin needs the reason)."""
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env, **kw)
    if check and proc.returncode != 0:
        raise SystemExit(
            f"Mislukt: {' '.join(map(str, cmd))}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        )
    return proc


def write(path: Path, content: str | bytes, mode: int = 0o644, owner: str | None = None) -> bool:
    """Write ``content`` only when it differs; always fix mode and owner. True when written."""
    data = content.encode() if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_bytes() if path.exists() else None
    if old != data:
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    os.chmod(path, mode)
    if owner:
        shutil.chown(path, owner, owner)
    if old != data:
        changed(f"geschreven: {path}")
        return True
    return False


def directory(path: Path, mode: int, owner: str = "root", group: str | None = None) -> None:
    """A folder with exactly this mode and owner."""
    if not path.is_dir():
        path.mkdir(parents=True)
        changed(f"map gemaakt: {path}")
    shutil.chown(path, owner, group or owner)
    os.chmod(path, mode)


def secret(path: Path, nbytes: int = 32) -> str:
    """A random secret generated here once (mode 0600, root); later runs reuse it."""
    if not path.exists():
        write(path, secrets.token_hex(nbytes) + "\n", mode=0o600)
    os.chmod(path, 0o600)
    return path.read_text().strip()


def digest(*paths: Path) -> str:
    """A hash of files and folder trees (names and contents), to see whether a copy is stale."""
    h = hashlib.sha256()
    for top in paths:
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for f in files:
            if "__pycache__" in f.parts or f.suffix == ".pyc":
                continue
            h.update(str(f.relative_to(top.parent)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()
