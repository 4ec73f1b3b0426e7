"""Which text belongs to which notebook, for a course root.

The registry of a course root is its own ``fairhire/data/modules.toml`` when it has
one (a copy of the repository with an extra module), otherwise the package's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..modules import REGISTRY, Module, modules

LESSON, SOLUTION = "lesson", "solution"
KINDS = (LESSON, SOLUTION)


class AuthoringError(RuntimeError):
    """A notebook and its text cannot be brought in step (message in Dutch)."""


@dataclass(frozen=True)
class Pair:
    """One notebook and the text it is generated from."""

    module: Module
    kind: str
    text: Path
    notebook: Path


def registry_path(root: Path) -> Path:
    """The module registry that belongs to the course root ``root``."""
    own = Path(root) / "fairhire" / "data" / "modules.toml"
    return own if own.is_file() else REGISTRY


def pairs(
    root: Path, module_ids: Iterable[str] | None = None, kinds: Iterable[str] = KINDS
) -> list[Pair]:
    """The (text, notebook) pairs of the registry's modules, lesson before exercise.

    Parameters
    ----------
    root : Path
        The course root.
    module_ids : iterable of str, optional
        Only these modules; an id the registry does not know is an error.
    kinds : iterable of str
        ``"lesson"`` and/or ``"solution"``.
    """
    root, kinds = Path(root), tuple(kinds)
    known = modules(registry_path(root))
    wanted = list(module_ids) if module_ids is not None else [m.id for m in known]
    unknown = sorted(set(wanted) - {m.id for m in known})
    if unknown:
        raise AuthoringError(
            f"Onbekende module(s): {', '.join(unknown)}. Bekend: {', '.join(m.id for m in known)}"
        )
    found = []
    for m in known:
        if m.id not in wanted:
            continue
        if LESSON in kinds:
            found.append(Pair(m, LESSON, m.lesson_text(root), m.lesson_path(root)))
        if SOLUTION in kinds:
            found.append(Pair(m, SOLUTION, m.source_text(root), m.source_path(root)))
    return found


def strays(root: Path, kinds: Iterable[str] = KINDS) -> list[Path]:
    """Notebooks and texts on disk that no registry entry names."""
    root, kinds = Path(root), tuple(kinds)
    named = {p for pair in pairs(root, kinds=kinds) for p in (pair.text, pair.notebook)}
    patterns = []
    if LESSON in kinds:
        patterns += [("course", "*.ipynb"), ("sources/course", "*.md")]
    if SOLUTION in kinds:
        patterns += [("solutions", "*/*.ipynb"), ("sources/solutions", "*/*.md")]
    on_disk = {p for folder, glob in patterns for p in (root / folder).glob(glob)}
    return sorted(on_disk - named)


def pair_for(root: Path, notebook: Path) -> Pair:
    """The pair whose notebook is ``notebook`` (a lesson or an exercise source)."""
    target = Path(notebook).resolve()
    for pair in pairs(root):
        if pair.notebook.resolve() == target:
            return pair
    if (Path(root) / "exercises").resolve() in target.parents:
        raise AuthoringError(
            f"{notebook} is een leerlingversie: 'fairhire build' maakt die uit solutions/. "
            "Bewerk het notebook in solutions/ en importeer dat."
        )
    raise AuthoringError(
        f"{notebook} is geen les of opdrachtbron uit het register "
        f"({registry_path(root)}): voeg de module daar eerst toe."
    )
