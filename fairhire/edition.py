"""The learner edition: the course for self-study, without answers or trainer material.

``fairhire edition --out dist/`` builds, from the source tree, a folder and a zip::

    eerlijk-werven-met-ai-<version>/
        LEESMIJ.md                    the two steps to open it, in Dutch
        bootstrap.py                  the same script as in the source tree
        wheel/fairhire-<version>-py3-none-any.whl
        requirements/constraints.txt  the tested versions
        course/ exercises/ datasets/  lessons, exercises (no answers) and data
        LICENSE

Left out: ``solutions/`` (answers, hidden tests, rubrics, trainer notes),
``sources/``, the tests, and from the wheel the trainer's and author's tools
(:data:`LEFT_OUT`). Those tools are of no use without the source tree, and the
grading code would tell a learner exactly what the trainer's grading checks
for. The learner-facing modules never import them (``.importlinter``), and the
``fairhire`` command simply has no ``build``, ``grade``, ``register``,
``notebooks`` or ``edition`` there. The built edition and the wheel are checked before they are
written: a trainer file, folder or marker (:data:`~fairhire.workspace.TRAINER_MARKERS`)
stops the build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import __version__
from .paths import repo_root
from .workspace import course_files, is_trainer_path, trainer_marker

NAME = "eerlijk-werven-met-ai"
# Parts of the package that the learner's wheel does not ship: the trainer's and author's tools.
LEFT_OUT = ("grading", "register", "authoring", "build.py", "edition.py")
# Files from the source tree that the edition carries next to the course.
EXTRA_FILES = ("bootstrap.py", "LICENSE", "requirements/constraints.txt")

LEESMIJ = """\
# Eerlijk werven met AI: de versie voor zelfstudie

Dit is de cursus *Eerlijk werven met AI* (versie {version}) voor wie zelf leert.
Er staan geen antwoorden in. Alle personen in de cursus zijn verzonnen.

Je hebt Python 3.11 (of nieuwer) met pip nodig.

## Zo open je de cursus

1. Pak het zip-bestand uit.
2. Open een terminal in de uitgepakte map en typ:

   ```bash
   python3 bootstrap.py
   ```

De eerste keer installeert dit de cursus in de map `.venv` in deze map. Er verandert verder
niets op je computer. Daarna zet het de lessen, de opdrachten en de data in je eigen
**werkmap**: `eerlijk-werven-met-ai` in je persoonlijke map. JupyterLab opent op de
startpagina. Stoppen doe je met Ctrl+C in de terminal.

De volgende keer typ je hetzelfde commando. Je werk staat in je werkmap.

## Goed om te weten

- Een andere werkmap? Typ `python3 bootstrap.py --werkmap PAD`.
- Een nieuwe versie van de cursus? Pak hem uit en typ weer `python3 bootstrap.py`. Nieuwe
  lessen en opdrachten komen erbij. Een bestand waarin je zelf hebt gewerkt, blijft zoals het
  is. De nieuwe versie komt ernaast, met `_nieuwe_versie` in de naam.
- Onderaan elke opdracht laat `self_check()` zien welke vragen al goed lijken. De cel
  "Waar was ik?" op de startpagina toont je voortgang.
"""


class EditionError(RuntimeError):
    """The learner edition cannot be built; the message is Dutch."""


@dataclass(frozen=True)
class Edition:
    """A built learner edition."""

    folder: Path
    zip: Path
    wheel: Path


# --------------------------------------------------------------------------- the wheel


def _left_out(rel: PurePosixPath) -> bool:
    return bool(rel.parts) and (
        rel.parts[0] in LEFT_OUT or "__pycache__" in rel.parts or rel.suffix == ".pyc"
    )


def stage_package(root: Path, stage: Path) -> Path:
    """Copy what the learner's wheel is built from into ``stage``; return ``stage``.

    The package without :data:`LEFT_OUT`, ``pyproject.toml``, ``LICENSE`` and, as the
    package's description, the Dutch LEESMIJ instead of the trainer-facing README.
    """
    package = root / "fairhire"
    for path in sorted(package.rglob("*")):
        rel = PurePosixPath(path.relative_to(package).as_posix())
        if path.is_file() and not _left_out(rel):
            target = stage / "fairhire" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    shutil.copy2(root / "pyproject.toml", stage / "pyproject.toml")
    shutil.copy2(root / "LICENSE", stage / "LICENSE")
    (stage / "README.md").write_text(LEESMIJ.format(version=__version__), encoding="utf-8")
    return stage


def build_wheel(root: Path, dest: Path) -> Path:
    """Build the learner's wheel of the package into ``dest`` with ``pip wheel``.

    Returns
    -------
    Path
        The wheel file.

    Raises
    ------
    EditionError
        When pip cannot build it (its output is included).
    """
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fairhire-wheel-") as tmp:
        stage = stage_package(root, Path(tmp) / "fairhire-cursist")
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dest, stage],
            capture_output=True,
            text=True,
            env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"),
        )
    wheels = sorted(dest.glob("fairhire-*.whl"))
    if proc.returncode != 0 or len(wheels) != 1:
        raise EditionError(
            "Het wiel (wheel) van het pakket maken lukte niet:\n"
            + (proc.stdout + proc.stderr)[-2000:]
        )
    return wheels[0]


def wheel_problems(wheel: Path) -> list[str]:
    """What in the wheel does not belong in a learner's copy (empty when all is well)."""
    problems = []
    with zipfile.ZipFile(wheel) as zf:
        for name in zf.namelist():
            rel = PurePosixPath(name)
            if rel.parts[0] == "fairhire" and _left_out(PurePosixPath(*rel.parts[1:])):
                problems.append(f"{name}: een hulpmiddel voor trainers")
            if any(p.startswith("TRAINER_") for p in rel.parts):
                problems.append(f"{name}: een bestand voor trainers")
            # code may name the markers (to strip them); other files may not hold them
            marker = None if rel.suffix == ".py" else trainer_marker(zf.read(name))
            if marker:
                problems.append(f"{name}: bevat {marker!r}")
    return problems


def edition_problems(folder: Path) -> list[str]:
    """What in an edition folder does not belong in a learner's copy (the wheel apart)."""
    problems = []
    for path in sorted(folder.rglob("*")):
        rel = PurePosixPath(path.relative_to(folder).as_posix())
        if is_trainer_path(rel):
            problems.append(f"{rel}: materiaal voor trainers")
        elif path.is_file() and path.suffix not in (".whl", ".py"):
            marker = trainer_marker(path.read_bytes())
            if marker:
                problems.append(f"{rel}: bevat {marker!r}")
        elif path.suffix == ".whl":
            problems += wheel_problems(path)
    return problems


# --------------------------------------------------------------------------- the edition


def build_edition(out: Path | str, root: Path | None = None) -> Edition:
    """Build the learner edition (folder and zip) in ``out``.

    Parameters
    ----------
    out : Path or str
        Where the folder ``eerlijk-werven-met-ai-<version>/`` and its zip go; an
        earlier build of the same version there is replaced.
    root : Path, optional
        The source tree; by default the course this package runs from.

    Returns
    -------
    Edition
        The folder, the zip and the wheel in it.

    Raises
    ------
    EditionError
        With a Dutch message: no source tree, the wheel cannot be built, or trainer
        material would end up in the edition.
    """
    root = Path(root) if root else repo_root()
    if root is None or not (root / "pyproject.toml").is_file():
        raise EditionError(
            "De versie voor cursisten wordt gemaakt vanuit de broncode (de repository)."
        )
    out = Path(out).resolve()
    name = f"{NAME}-{__version__}"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".editie-", dir=out) as tmp:
        folder = Path(tmp) / name
        try:
            files = course_files(root)
        except RuntimeError as exc:
            raise EditionError(str(exc)) from exc
        for rel, path in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, folder / rel)
        for rel in EXTRA_FILES:
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / rel, folder / rel)
        (folder / "LEESMIJ.md").write_text(LEESMIJ.format(version=__version__), encoding="utf-8")
        build_wheel(root, folder / "wheel")
        problems = edition_problems(folder)
        if problems:
            raise EditionError(
                "Materiaal voor trainers in de versie voor cursisten:\n" + "\n".join(problems)
            )
        final = out / name
        shutil.rmtree(final, ignore_errors=True)
        folder.rename(final)
    archive = out / f"{name}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(final.rglob("*")):
            if path.is_file():
                zf.write(path, f"{name}/{path.relative_to(final).as_posix()}")
    return Edition(final, archive, next((final / "wheel").glob("fairhire-*.whl")))


# --------------------------------------------------------------------------- command line


def add_arguments(sub) -> None:
    """``fairhire edition``: build the learner edition (folder and zip)."""
    p = sub.add_parser(
        "edition",
        help="maak de versie voor cursisten (zelfstudie): zonder antwoorden, als map en zip",
    )
    p.add_argument("--out", default="dist", help="de map voor de map en de zip (standaard: dist)")
    p.set_defaults(func=_run_cli)


def _run_cli(args) -> int:
    try:
        edition = build_edition(args.out)
    except EditionError as exc:
        print(f"fairhire edition: {exc}", file=sys.stderr)
        return 2
    print(f"Versie voor cursisten: {edition.folder}")
    print(f"Als zip: {edition.zip}")
    return 0
