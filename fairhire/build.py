"""Generate exercises/ from solutions/ through nbgrader, and check it is in step.

The solutions' notebooks are first written from their text in sources/
(``fairhire notebooks sync``). Each module is generated in its own temporary
course directory, so a build never touches the trainer's gradebook or leaves
files behind in the repo.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .paths import require_repo_root


class BuildError(RuntimeError):
    """nbgrader could not generate a module."""


@dataclass
class ModuleDiff:
    """How exercises/<module> differs from what nbgrader makes."""

    module: str
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    # solutions/ notebooks not in step with their text in sources/
    text: list[str] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        """Whether exercises/ (or solutions/, against its text) needs rebuilding for this module."""
        return bool(self.changed or self.missing or self.extra or self.text)

    def describe(self) -> str:
        """One Dutch line naming the differing notebooks, e.g. ``"m01: anders: m01.ipynb"``."""
        parts = []
        for label, names in (
            ("tekst", self.text),
            ("anders", self.changed),
            ("ontbreekt", self.missing),
            ("overbodig", self.extra),
        ):
            if names:
                parts.append(f"{label}: {', '.join(names)}")
        return f"{self.module}: " + "; ".join(parts)


def solution_modules(root: Path) -> list[str]:
    """Module ids that have a folder in solutions/."""
    return sorted(
        p.name for p in (root / "solutions").iterdir() if p.is_dir() and not p.name.startswith(".")
    )


def tool_env() -> dict[str, str]:
    """The current environment, with the running Python's scripts first on PATH.

    nbgrader starts ``alembic`` by name, which fails when the virtualenv is used
    without being activated.
    """
    scripts = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=os.pathsep.join([scripts, os.environ.get("PATH", "")]))


def generate(module: str, root: Path, out_dir: Path) -> Path:
    """Run ``nbgrader generate_assignment`` for one module into ``out_dir``.

    Returns the folder holding the generated student version.
    """
    work = out_dir / module
    work.mkdir(parents=True)
    shutil.copy(root / "nbgrader_config.py", work / "nbgrader_config.py")
    shutil.copytree(
        root / "solutions" / module,
        work / "solutions" / module,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    cmd = [
        sys.executable,
        "-m",
        "nbgrader",
        "generate_assignment",
        module,
        "--no-db",
        "--force",
        "--log-level=ERROR",
    ]
    proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=tool_env())
    generated = work / "exercises" / module
    if proc.returncode != 0 or not generated.is_dir():
        raise BuildError(f"nbgrader kon {module} niet genereren:\n{proc.stdout}\n{proc.stderr}")
    return generated


def _files(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and ".ipynb_checkpoints" not in p.parts and "__pycache__" not in p.parts
    }


def compare(module: str, generated: Path, current: Path) -> ModuleDiff:
    """Compare a freshly generated module with the one in exercises/."""
    new, old = _files(generated), _files(current)
    diff = ModuleDiff(module)
    diff.missing = sorted(new - old)
    diff.extra = sorted(old - new)
    diff.changed = sorted(
        n for n in new & old if not filecmp.cmp(generated / n, current / n, shallow=False)
    )
    return diff


def build(
    modules: list[str] | None = None, *, check: bool = False, root: Path | None = None
) -> list[ModuleDiff]:
    """Regenerate exercises/ from solutions/ (or only compare, with ``check``).

    Parameters
    ----------
    modules : list of str, optional
        Module ids to build; all modules in solutions/ by default.
    check : bool, keyword-only
        Compare only; write nothing.
    root : Path, optional
        The course repository; found from the package by default.

    Returns
    -------
    list of ModuleDiff
        One per module: what differed before this call (empty when in step).
    """
    root = root or require_repo_root()
    known = solution_modules(root)
    modules = modules or known
    unknown = [m for m in modules if m not in known]
    if unknown:
        raise BuildError(f"Onbekende module(s): {', '.join(unknown)}. Bekend: {', '.join(known)}")
    drift = _sync_from_text(root, modules, check=check)
    diffs: list[ModuleDiff] = []
    with tempfile.TemporaryDirectory(prefix="fairhire-build-") as tmp:
        with ThreadPoolExecutor(max_workers=2) as pool:
            generated = dict(
                zip(modules, pool.map(lambda m: generate(m, root, Path(tmp)), modules), strict=True)
            )
        for module in modules:
            current = root / "exercises" / module
            diffs.append(compare(module, generated[module], current))
            diffs[-1].text = drift.get(module, [])
            if not check and diffs[-1].stale:
                shutil.rmtree(current, ignore_errors=True)
                shutil.copytree(generated[module], current)
    if not modules or modules == known:
        # exercises/ folders without a solutions/ source are stale too
        for orphan in sorted(set(_files_dirs(root / "exercises")) - set(known)):
            diffs.append(ModuleDiff(orphan, extra=["(geen bron in solutions/)"]))
            if not check:
                shutil.rmtree(root / "exercises" / orphan)
    return diffs


def _sync_from_text(root: Path, modules: list[str], *, check: bool) -> dict[str, list[str]]:
    """Per module, how its solutions/ notebook differed from its text; write it unless ``check``.

    Modules the course root's registry does not know have no text and are built as they are.
    """
    from .authoring.pairs import SOLUTION, AuthoringError, registry_path
    from .modules import modules as registry

    known = {m.id for m in registry(registry_path(root))}
    with_text = [m for m in modules if m in known]
    try:
        from .authoring.sync import check as check_notebooks  # needs jupytext
        from .authoring.sync import sync

        drift: dict[str, list[str]] = {}
        for problem in check_notebooks(root, with_text, kinds=[SOLUTION]):
            drift.setdefault(problem.module, []).append(problem.describe(root))
        if not check:
            sync(root, with_text, kinds=[SOLUTION])
    except (ImportError, AuthoringError) as exc:
        raise BuildError(str(exc)) from exc
    return drift


def _files_dirs(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []
