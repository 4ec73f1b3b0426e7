"""The module registry: which modules the course has, read from ``data/modules.toml``.

Everything that lists modules (paths, the progress overview, the register's
certificates, the start page's route table, the tests) reads them from here,
so a new module is one entry in the data file plus its text sources in ``sources/``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REGISTRY = Path(__file__).resolve().parent / "data" / "modules.toml"

_ID = re.compile(r"^m\d\d$")


@dataclass(frozen=True)
class Module:
    """One module of the course.

    Attributes
    ----------
    id : str
        Stable id, ``"m00"`` ... (also the nbgrader assignment name).
    slug : str
        Short English name.
    title : str
        The Dutch title a learner sees.
    minutes : int
        Estimated time for lesson and exercise together.
    lesson : str
        File name of the lesson notebook in ``course/``.
    exercise : str
        File name of the exercise notebook in ``solutions/<id>/`` and ``exercises/<id>/``.
    """

    id: str
    slug: str
    title: str
    minutes: int
    lesson: str
    exercise: str

    @property
    def number(self) -> int:
        """The module's number: 3 for ``"m03"``."""
        return int(self.id[1:])

    @property
    def label(self) -> str:
        """``"m03 De data: ..."``, for certificates and tables."""
        return f"{self.id} {self.title}"

    def lesson_path(self, root: Path) -> Path:
        """The lesson notebook under the course root ``root``."""
        return Path(root) / "course" / self.lesson

    def source_path(self, root: Path) -> Path:
        """The exercise's nbgrader source (with answers) under ``root``."""
        return Path(root) / "solutions" / self.id / self.exercise

    def exercise_path(self, root: Path) -> Path:
        """The learner's copy of the exercise under ``root``."""
        return Path(root) / "exercises" / self.id / self.exercise

    def lesson_text(self, root: Path) -> Path:
        """The lesson's text source (MyST Markdown), from which the notebook is generated."""
        return Path(root) / "sources" / "course" / Path(self.lesson).with_suffix(".md")

    def source_text(self, root: Path) -> Path:
        """The exercise source's text, outside ``solutions/`` (nbgrader releases that folder)."""
        return (
            Path(root) / "sources" / "solutions" / self.id / Path(self.exercise).with_suffix(".md")
        )


class RegistryError(ValueError):
    """The module registry is not consistent."""


@cache
def _load(path: Path) -> tuple[Module, ...]:
    with open(path, "rb") as fh:
        entries = tomllib.load(fh).get("module", [])
    found = tuple(Module(**entry) for entry in entries)
    ids = [m.id for m in found]
    bad = [i for i in ids if not _ID.match(i)]
    if bad:
        raise RegistryError(f"{path.name}: ongeldige module-id(s) {bad}; gebruik mNN.")
    if len(set(ids)) != len(ids) or ids != sorted(ids):
        raise RegistryError(f"{path.name}: module-ids moeten uniek en op volgorde zijn: {ids}")
    return found


def modules(registry: Path | None = None) -> tuple[Module, ...]:
    """All modules of the course, in order (from ``registry``, the package's file by default)."""
    return _load(Path(registry) if registry else REGISTRY)


def module_ids() -> tuple[str, ...]:
    """The module ids, in order: ``("m00", "m01", ...)``."""
    return tuple(m.id for m in modules())


def module(module_id: str) -> Module:
    """One module by id, with a Dutch error for an unknown id."""
    for m in modules():
        if m.id == module_id:
            return m
    raise KeyError(f"Onbekende module {module_id!r}; bekend zijn: {', '.join(module_ids())}")


def title(module_id: str) -> str:
    """The Dutch title of a module, or ``""`` for an id the registry does not know."""
    try:
        return module(module_id).title
    except KeyError:
        return ""


def route_markdown(registry: Path | None = None) -> str:
    """The route through the course as a Markdown table (the start page shows it)."""
    lines = ["| module | onderwerp | tijd |", "|---|---|---|"]
    lines += [f"| {m.id} | {m.title} | {m.minutes} min |" for m in modules(registry)]
    return "\n".join(lines)
