"""Bring notebooks in step with their text: ``sync``, ``check`` and ``import_notebook``.

``check`` passes exactly when ``sync`` would write nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..documents import write_atomic
from ..modules import route_markdown
from .canonical import notebook_bytes
from .pairs import KINDS, AuthoringError, Pair, pair_for, pairs, registry_path, strays
from .route import RouteError, fill_route
from .text import notebook_from_text, text_from_notebook


@dataclass(frozen=True)
class Problem:
    """A notebook or text that is not in step."""

    path: Path
    reason: str
    module: str | None = None  # None for a file outside the registry

    def describe(self, root: Path) -> str:
        """``"reason: path"``, with the path relative to the course root."""
        try:
            shown = self.path.relative_to(root)
        except ValueError:
            shown = self.path
        return f"{self.reason}: {shown.as_posix()}"


def _route(root: Path) -> str:
    return route_markdown(registry_path(root))


def expected(pair: Pair, text: str, route: str) -> tuple[str, bytes]:
    """``text`` with its generated parts filled in, and the notebook bytes it makes."""
    try:
        text = fill_route(text, route)
    except RouteError as exc:
        raise AuthoringError(f"{pair.text}: {exc}") from exc
    return text, notebook_bytes(notebook_from_text(text))


def check(
    root: Path, module_ids: Iterable[str] | None = None, kinds: Iterable[str] = KINDS
) -> list[Problem]:
    """Everything ``sync`` would change, and notebooks or texts outside the registry.

    Parameters
    ----------
    root : Path
        The course root.
    module_ids : iterable of str, optional
        Only these modules (then files outside the registry are not looked for).
    kinds : iterable of str
        ``"lesson"`` and/or ``"solution"``.

    Returns
    -------
    list of Problem
        Empty when every notebook is what its text generates; nothing is written.
    """
    root, kinds = Path(root), tuple(kinds)
    route = _route(root)
    problems = []
    for pair in pairs(root, module_ids, kinds):
        if not pair.text.is_file():
            problems.append(Problem(pair.text, "tekst ontbreekt", pair.module.id))
            continue
        original = pair.text.read_text(encoding="utf-8")
        text, want = expected(pair, original, route)
        if text != original:
            problems.append(Problem(pair.text, "routetabel verouderd", pair.module.id))
        if not pair.notebook.is_file():
            problems.append(Problem(pair.notebook, "notebook ontbreekt", pair.module.id))
        elif pair.notebook.read_bytes() != want:
            problems.append(Problem(pair.notebook, "verschilt van de tekst", pair.module.id))
    if module_ids is None:
        problems += [Problem(p, "niet in het register") for p in strays(root, kinds)]
    return problems


def sync(
    root: Path, module_ids: Iterable[str] | None = None, kinds: Iterable[str] = KINDS
) -> list[Path]:
    """Write each notebook (and a stale route table in its text) from its text.

    Returns
    -------
    list of Path
        The files written; a file already in step is left untouched.
    """
    root = Path(root)
    selected = pairs(root, module_ids, kinds)
    missing = [p.text for p in selected if not p.text.is_file()]
    if missing:
        names = ", ".join(str(p.relative_to(root)) for p in missing)
        raise AuthoringError(
            f"Tekst ontbreekt: {names}. Maak de tekst uit een notebook met "
            "'fairhire notebooks import <notebook>'."
        )
    route = _route(root)
    written = []
    for pair in selected:
        written += _write(pair, *expected(pair, pair.text.read_text(encoding="utf-8"), route))
    return written


def _write(pair: Pair, text: str, notebook: bytes) -> list[Path]:
    written = []
    if not pair.text.is_file() or pair.text.read_text(encoding="utf-8") != text:
        written.append(write_atomic(pair.text, text))
    if not pair.notebook.is_file() or pair.notebook.read_bytes() != notebook:
        written.append(write_atomic(pair.notebook, notebook))
    return written


def import_notebook(root: Path, notebook: Path) -> list[Path]:
    """Write the text back from a notebook edited in JupyterLab, then the notebook itself.

    Outputs, execution counts and view state are dropped; the notebook is rewritten
    in canonical form from the new text.

    Returns
    -------
    list of Path
        The files written.
    """
    root = Path(root)
    pair = pair_for(root, notebook)
    nb = nbformat.read(pair.notebook, as_version=4)
    return _write(pair, *expected(pair, text_from_notebook(nb), _route(root)))
