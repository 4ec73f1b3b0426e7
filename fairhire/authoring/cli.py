"""``fairhire notebooks``: make the notebooks from their text, check them, import an edit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_notebooks(sub: argparse._SubParsersAction) -> None:
    """Register ``fairhire notebooks sync|check|keys|import``."""
    p = sub.add_parser("notebooks", help="maak de notebooks uit hun tekst in sources/ (auteurs)")
    actions = p.add_subparsers(dest="action", metavar="actie", required=True)
    s = actions.add_parser("sync", help="schrijf lessen en opdrachtbronnen opnieuw uit hun tekst")
    s.add_argument(
        "modules", nargs="*", help="alleen deze modules, bijvoorbeeld m03 (standaard: alle)"
    )
    s.set_defaults(func=_run_sync)
    c = actions.add_parser(
        "check", help="schrijf niets; stop met code 1 als een notebook niet klopt met zijn tekst"
    )
    c.set_defaults(func=_run_check)
    k = actions.add_parser(
        "keys",
        help="voer de uitwerkingen uit en schrijf de antwoordsleutels van de zichtbare controles",
    )
    k.add_argument("modules", nargs="*", help="alleen deze modules (standaard: alle)")
    k.set_defaults(func=_run_keys)
    i = actions.add_parser(
        "import", help="schrijf de tekst terug uit een notebook dat je in JupyterLab bewerkte"
    )
    i.add_argument("path", type=Path, metavar="PAD.ipynb", help="de les of opdrachtbron")
    i.set_defaults(func=_run_import)


def _root() -> Path:
    from ..paths import require_repo_root

    return require_repo_root()


def _fail(exc: Exception) -> int:
    print(f"fairhire notebooks: {exc}", file=sys.stderr)
    return 2


def _show(root: Path, written: list[Path]) -> None:
    for path in written:
        print(f"geschreven: {path.relative_to(root).as_posix()}")
    if not written:
        print("Alles was al bij.")


def _run_sync(args: argparse.Namespace) -> int:
    try:
        from .pairs import AuthoringError
        from .sync import sync

        root = _root()
        written = sync(root, args.modules or None)
    except (ImportError, FileNotFoundError, AuthoringError) as exc:
        return _fail(exc)
    _show(root, written)
    return 0


def _run_check(args: argparse.Namespace) -> int:
    try:
        from .pairs import AuthoringError, pairs
        from .sync import check

        root = _root()
        problems = check(root)
    except (ImportError, FileNotFoundError, AuthoringError) as exc:
        return _fail(exc)
    for problem in problems:
        print(problem.describe(root), file=sys.stderr)
    if problems:
        print(
            "Voer 'fairhire notebooks sync' uit (of 'fairhire notebooks import <notebook>' "
            "als je het notebook in JupyterLab bewerkte).",
            file=sys.stderr,
        )
        return 1
    print(f"Alle {len(pairs(root))} notebooks kloppen met hun tekst.")
    return 0


def _run_import(args: argparse.Namespace) -> int:
    try:
        from .pairs import AuthoringError
        from .sync import import_notebook

        root = _root()
        path = args.path if args.path.exists() else root / args.path
        if not path.is_file():
            raise AuthoringError(f"{args.path} bestaat niet.")
        written = import_notebook(root, path)
    except (ImportError, FileNotFoundError, AuthoringError) as exc:
        return _fail(exc)
    _show(root, written)
    return 0


def _run_keys(args: argparse.Namespace) -> int:
    try:
        from .keys import keys_file, record

        root = _root()
        keys = record(root, args.modules or None)
    except (ImportError, FileNotFoundError, StopIteration) as exc:
        return _fail(exc)
    print(f"{len(keys)} antwoordsleutels in {keys_file(root).relative_to(root).as_posix()}")
    return 0
