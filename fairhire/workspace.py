"""A learner's workspace: their own copy of the lessons, exercises and data.

The learner's command (``python3 bootstrap.py``, or ``fairhire werkmap``)
copies ``course/``, ``exercises/`` and ``datasets/`` from a course source (the
source tree or the learner edition) into a folder of the learner's own, by
default ``~/eerlijk-werven-met-ai``, and JupyterLab then serves only that
folder. Nothing else is copied: no ``solutions/``, ``sources/`` or trainer
notes, and a file that holds an answer or a hidden test stops the copy.

An update never overwrites the learner's work. The file
:data:`~fairhire.paths.WORKSPACE_MARK` records, for every file, the content the
workspace last received. On an update a file is

- added when the workspace does not have it (a new lesson or exercise);
- replaced when the learner did not change its content (running a notebook
  and saving its outputs does not count as a change: outputs are not work);
- kept when the learner changed it, with the new version put beside it as
  ``<name>_nieuwe_versie<suffix>`` and named in the report.

An exercise that has answers in the course source is a learner's work from before
workspaces (see :func:`has_answers`): it is copied once and never replaced.

Files the course no longer has are left where they are.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .paths import WORKSPACE_MARK, repo_root, workspace_around
from .running_notebook import CODE_STUB_MARK, TEXT_STUB

# What a workspace is made of, relative to the course source.
FOLDERS = ("course", "exercises", "datasets")
DEFAULT_NAME = "eerlijk-werven-met-ai"
NEW_VERSION = "_nieuwe_versie"
# Text that only the trainer's material holds: answers, hidden tests, rubrics.
TRAINER_MARKERS = ("### BEGIN HIDDEN TESTS", "BEGIN SOLUTION", "Beoordelingsmodel")
TRAINER_PREFIX = "TRAINER_"
TRAINER_FOLDERS = ("solutions", "sources")


class WorkspaceError(RuntimeError):
    """The workspace cannot be made or updated; the message is Dutch, for the learner."""


def default_workspace() -> Path:
    """The default workspace: ``eerlijk-werven-met-ai`` in the learner's home folder.

    A folder with the course's name next to Documents and Downloads is easy to
    find back, survives removing or re-downloading the course, and stays out of
    the source tree (where the trainer's ``fairhire build --check`` looks).
    """
    return Path.home() / DEFAULT_NAME


# --------------------------------------------------------------------------- what may be copied


def is_trainer_path(rel: str | PurePosixPath) -> bool:
    """Whether a relative path is trainer material by its place or name."""
    parts = PurePosixPath(rel).parts
    return bool(parts) and (
        parts[0] in TRAINER_FOLDERS or any(p.startswith(TRAINER_PREFIX) for p in parts)
    )


def trainer_marker(data: bytes) -> str | None:
    """The first trainer marker (answer, hidden test, rubric) in a file's bytes, or None."""
    text = data.decode("utf-8", errors="replace")
    return next((m for m in TRAINER_MARKERS if m in text), None)


def _skipped(rel: PurePosixPath) -> bool:
    # editor and Python leftovers, hidden files
    return any(p.startswith(".") or p == "__pycache__" for p in rel.parts)


def course_files(source: Path) -> dict[str, Path]:
    """The files a workspace gets from ``source``, by relative POSIX path.

    Parameters
    ----------
    source : Path
        A course source: a folder with ``course/`` and ``exercises/`` (and ``datasets/``).

    Returns
    -------
    dict of str to Path
        ``"course/m00_start.ipynb"`` -> its path in ``source``, sorted.

    Raises
    ------
    WorkspaceError
        When ``source`` has no lessons or exercises, or a file in it holds trainer
        material (then nothing is copied).
    """
    source = Path(source)
    if not (source / "course").is_dir() or not (source / "exercises").is_dir():
        raise WorkspaceError(
            f"In {source} staan geen lessen en opdrachten (de mappen course/ en exercises/)."
        )
    found: dict[str, Path] = {}
    for folder in FOLDERS:
        for path in sorted((source / folder).rglob("*")):
            rel = PurePosixPath(path.relative_to(source).as_posix())
            if not path.is_file() or _skipped(rel) or is_trainer_path(rel):
                continue
            marker = trainer_marker(path.read_bytes())
            if marker is not None:
                raise WorkspaceError(
                    f"{rel} bevat materiaal voor trainers ({marker!r}); er is niets gekopieerd. "
                    "Meld dit aan je trainer."
                )
            found[str(rel)] = path
    return found


def content_key(data: bytes, name: str) -> str:
    """A fingerprint of what a learner can change in a file.

    For a notebook only the cells' types and sources count, not outputs, execution
    counts or metadata: a learner who ran a lesson and saved it has not changed it.
    Other files (and notebooks that do not parse) count byte for byte.
    """
    if name.endswith(".ipynb"):
        try:
            cells = json.loads(data)["cells"]
            parts = [
                [
                    c["cell_type"],
                    "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
                ]
                for c in cells
            ]
            return "cells:" + hashlib.sha256(json.dumps(parts).encode()).hexdigest()
        except (ValueError, KeyError, TypeError):
            pass
    return "bytes:" + hashlib.sha256(data).hexdigest()


def kernel_language_info() -> dict | None:
    """The language info the course's kernel (ipykernel, this Python) reports, if known."""
    try:
        from ipykernel.ipkernel import IPythonKernel
    except ImportError:
        return None
    info = getattr(IPythonKernel, "language_info", None)
    return dict(info) if isinstance(info, dict) else None


def as_opened_here(data: bytes, name: str) -> bytes:
    """A notebook with this machine's kernel language info, so it opens unmodified.

    JupyterLab writes the kernel's language info into a notebook when the kernel
    starts and marks the notebook changed when it differs (the Python version is in
    it). The workspace is made by the Python that runs the learner's kernel, so its
    info is the one JupyterLab will find. Other files, and notebooks that do not
    parse, pass unchanged.
    """
    if not name.endswith(".ipynb"):
        return data
    info = kernel_language_info()
    try:
        nb = json.loads(data)
        if info is None or nb.get("metadata", {}).get("language_info") == info:
            return data
        nb.setdefault("metadata", {})["language_info"] = info
    except (ValueError, AttributeError):
        return data
    return (json.dumps(nb, indent=1, ensure_ascii=False) + "\n").encode()


def has_answers(data: bytes, name: str) -> bool:
    """Whether an exercise notebook has answers filled in: someone's work, not the course's.

    A learner who used the course before workspaces existed worked in the source
    tree's ``exercises/``. Such a file is copied into a new workspace once, as the
    learner's own work, and never replaced or put beside anything later.
    """
    if not name.startswith("exercises/") or not name.endswith(".ipynb"):
        return False
    try:
        cells = json.loads(data)["cells"]
    except (ValueError, KeyError, TypeError):
        return False
    for cell in cells:
        if not cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if cell.get("cell_type") == "code":
            if source.strip() and CODE_STUB_MARK not in source:
                return True
        elif source.strip() not in ("", TEXT_STUB):
            return True
    return False


# --------------------------------------------------------------------------- the update


@dataclass
class WorkspaceReport:
    """What an update did, file by file (relative POSIX paths)."""

    workspace: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: dict[str, str] = field(default_factory=dict)  # learner's file -> new version beside it
    unchanged: list[str] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)  # answers from the source tree, copied once
    created: bool = False

    def text(self) -> str:
        """The report in Dutch, for the terminal."""
        lines = [
            f"Werkmap {'gemaakt' if self.created else 'bijgewerkt'}: {self.workspace}",
        ]
        if self.added and not self.created:
            lines.append(f"Nieuw ({len(self.added)}): " + ", ".join(self.added))
        elif self.created:
            lines.append(f"{len(self.added)} bestanden klaargezet.")
        if self.updated:
            lines.append(f"Nieuwe versie ({len(self.updated)}): " + ", ".join(self.updated))
        for mine, beside in self.kept.items():
            lines.append(
                f"Je eigen werk in {mine} is bewaard. De nieuwe versie staat ernaast: {beside}"
            )
        if self.carried:
            lines.append(
                "Je antwoorden uit exercises/ van de cursusmap staan nu ook in je werkmap: "
                + ", ".join(self.carried)
                + ". Werk voortaan in je werkmap."
            )
        if not self.created and not (self.added or self.updated or self.kept or self.carried):
            lines.append("Alles was al bij.")
        return "\n".join(lines)


def _beside(rel: str) -> str:
    path = PurePosixPath(rel)
    return str(path.with_name(f"{path.stem}{NEW_VERSION}{path.suffix}"))


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in one step (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_manifest(workspace: Path) -> dict:
    mark = workspace / WORKSPACE_MARK
    if not mark.is_file():
        return {"files": {}, "beside": {}}
    try:
        manifest = json.loads(mark.read_text(encoding="utf-8"))
    except ValueError:
        # damaged: every differing file then counts as the learner's own work
        return {"files": {}, "beside": {}}
    manifest.setdefault("files", {})
    manifest.setdefault("beside", {})
    return manifest


def _check_target(workspace: Path, source: Path) -> bool:
    """Check that ``workspace`` may be used; return whether it is new."""
    if workspace.exists() and not workspace.is_dir():
        raise WorkspaceError(f"{workspace} is een bestand, geen map. Kies een andere werkmap.")
    if workspace == source or source.is_relative_to(workspace):
        raise WorkspaceError(
            f"De werkmap {workspace} mag niet de cursusmap zelf zijn (of erboven liggen). "
            "Kies een eigen map, bijvoorbeeld ~/" + DEFAULT_NAME + "."
        )
    for folder in TRAINER_FOLDERS:
        if workspace.is_relative_to(source / folder):
            raise WorkspaceError(f"De werkmap mag niet in {folder}/ van de cursus liggen.")
    marked = (workspace / WORKSPACE_MARK).is_file()
    if workspace.is_dir() and not marked and any(workspace.iterdir()):
        raise WorkspaceError(
            f"De map {workspace} bestaat al en is geen werkmap van deze cursus. "
            "Kies een nieuwe of lege map."
        )
    try:
        workspace.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=workspace, prefix=".schrijftest-")  # noqa: SIM115
        probe.close()
    except OSError as exc:
        raise WorkspaceError(
            f"Kan niet schrijven in de werkmap {workspace} ({exc.strerror or exc}). "
            "Kies een andere map, bijvoorbeeld met: python3 bootstrap.py --werkmap PAD"
        ) from exc
    return not marked


def update_workspace(workspace: Path | str, source: Path | str) -> WorkspaceReport:
    """Make the workspace, or bring it up to date with ``source`` without losing work.

    Parameters
    ----------
    workspace : Path or str
        The learner's folder (made when missing).
    source : Path or str
        The course source: the source tree or the learner edition.

    Returns
    -------
    WorkspaceReport
        What was added, updated and kept.

    Raises
    ------
    WorkspaceError
        With a Dutch message: no course in ``source``, trainer material in it, or a
        workspace that cannot be used (not writable, an unrelated non-empty folder,
        the course folder itself).
    """
    workspace = Path(workspace).expanduser().resolve()
    source = Path(source).expanduser().resolve()
    files = course_files(source)
    report = WorkspaceReport(workspace, created=_check_target(workspace, source))
    manifest = _read_manifest(workspace)
    given, beside = manifest["files"], manifest["beside"]
    try:
        for rel, path in files.items():
            new = path.read_bytes()
            target = workspace / rel
            if has_answers(new, rel):
                if not target.is_file():
                    _write(target, new)
                    report.carried.append(rel)
                given.pop(rel, None)  # never counts as the course's: never replaced
                continue
            new = as_opened_here(new, rel)
            new_key = content_key(new, rel)
            if not target.is_file():
                _write(target, new)
                report.added.append(rel)
            else:
                mine_key = content_key(target.read_bytes(), rel)
                if mine_key == new_key:
                    report.unchanged.append(rel)
                elif given.get(rel) == mine_key:
                    _write(target, new)
                    report.updated.append(rel)
                else:
                    name = _free_beside(workspace, rel, beside)
                    _write(workspace / name, new)
                    beside[name] = new_key
                    report.kept[rel] = name
                    continue  # the learner's file keeps its recorded base
            given[rel] = new_key
        # deliberately no record of where the source is: in a source tree, solutions/ is there
        manifest["about"] = "Werkmap van de cursus 'Eerlijk werven met AI'. Niet aanpassen."
        manifest.pop("source", None)
        _write(
            workspace / WORKSPACE_MARK,
            (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode(),
        )
    except OSError as exc:
        raise WorkspaceError(
            f"Bijwerken van de werkmap {workspace} lukte niet: {exc.strerror or exc} "
            f"({exc.filename or ''})."
        ) from exc
    return report


def _free_beside(workspace: Path, rel: str, beside: dict[str, str]) -> str:
    """A name beside ``rel`` for the new version that holds no work of the learner."""
    first = _beside(rel)
    path = PurePosixPath(first)
    for n in range(1, 100):
        name = first if n == 1 else str(path.with_name(f"{path.stem}_{n}{path.suffix}"))
        target = workspace / name
        if not target.exists():
            return name
        if beside.get(name) == content_key(target.read_bytes(), name):
            return name  # our own earlier copy, untouched: it may be replaced
    raise WorkspaceError(f"Te veel nieuwe versies naast {rel}; ruim er een paar op.")


# --------------------------------------------------------------------------- command line


def default_source() -> Path:
    """The course source when none is given: the course this package runs from."""
    root = repo_root()
    if root is None or workspace_around(root) is not None:
        raise WorkspaceError(
            "Kan de cursus niet vinden om de werkmap van te maken. Geef de map op met --bron."
        )
    return root


def add_arguments(sub) -> None:
    """``fairhire werkmap``: make or update the learner's workspace."""
    p = sub.add_parser(
        "werkmap",
        help="maak of werk je eigen werkmap bij (lessen, opdrachten, data; geen antwoorden)",
        description=(
            "Zet de lessen, opdrachten en data in je eigen werkmap. Een nieuwe versie van de "
            "cursus overschrijft nooit je werk: wat je hebt veranderd blijft staan, en de nieuwe "
            "versie komt ernaast."
        ),
    )
    p.add_argument(
        "werkmap",
        nargs="?",
        default=None,
        help=f"de werkmap (standaard: ~/{DEFAULT_NAME})",
    )
    p.add_argument(
        "--bron",
        default=None,
        help="de map met de cursus (standaard: de cursus van dit pakket)",
    )
    p.set_defaults(func=_run_cli)


def _run_cli(args) -> int:
    try:
        source = Path(args.bron) if args.bron else default_source()
        target = Path(args.werkmap) if args.werkmap else default_workspace()
        report = update_workspace(target, source)
    except WorkspaceError as exc:
        print(f"fairhire werkmap: {exc}", file=sys.stderr)
        return 2
    print(report.text())
    return 0


__all__ = [
    "FOLDERS",
    "TRAINER_MARKERS",
    "WorkspaceError",
    "WorkspaceReport",
    "course_files",
    "default_workspace",
    "update_workspace",
]
