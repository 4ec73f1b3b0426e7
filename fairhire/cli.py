"""The ``fairhire`` command line (also ``python -m fairhire``).

Subcommands are small functions registered in ``COMMANDS``; each module that
adds one keeps its own ``add_arguments`` and ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys


def _add_build(sub: argparse._SubParsersAction) -> None:
    if importlib.util.find_spec("fairhire.build") is None:
        return  # the learner edition ships without the trainer's build
    p = sub.add_parser("build", help="maak exercises/ opnieuw uit solutions/ (via nbgrader)")
    p.add_argument(
        "modules", nargs="*", help="alleen deze modules, bijvoorbeeld m00 (standaard: alle)"
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="schrijf niets; stop met code 1 als exercises/ niet klopt met solutions/",
    )
    p.set_defaults(func=_run_build)


def _run_build(args: argparse.Namespace) -> int:
    from .build import BuildError, build

    try:
        diffs = build(args.modules or None, check=args.check)
    except (BuildError, FileNotFoundError) as exc:
        print(f"fairhire build: {exc}", file=sys.stderr)
        return 2
    stale = [d for d in diffs if d.stale]
    if args.check:
        for d in stale:
            print(f"verouderd: {d.describe()}", file=sys.stderr)
        if stale:
            print("Voer 'fairhire build' uit om exercises/ bij te werken.", file=sys.stderr)
            return 1
        print(f"exercises/ is bij ({len(diffs)} modules).")
        return 0
    for d in diffs:
        print(f"{d.module}: {'bijgewerkt' if d.stale else 'was al bij'}")
    return 0


# "module:function" of each subcommand's parser setup; imported only when the CLI runs.
COMMANDS = [
    "fairhire.cli:_add_build",
    "fairhire.overview:add_arguments",
    "fairhire.workspace:add_arguments",
    "fairhire.world.cli:add_data_command",
    "fairhire.grading.cli:add_grade",
    "fairhire.grading.cli:add_grading_report",
    "fairhire.register.cli:add_register",
    "fairhire.authoring.cli:add_notebooks",
    "fairhire.edition:add_arguments",
]


def _load(spec: str):
    """The parser setup named by ``spec``, or None when its module is not installed.

    The learner edition's wheel ships without the trainer's tools (grading, register,
    authoring, the edition builder), so their subcommands are simply absent there.
    """
    module, _, name = spec.partition(":")
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("fairhire.") and module.startswith(exc.name):
            return None
        raise
    return getattr(found, name)


def main(argv: list[str] | None = None) -> int:
    """Run the ``fairhire`` command line.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after the program name; ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        The exit code: 0 on success, 2 without a subcommand, otherwise the subcommand's own.
    """
    parser = argparse.ArgumentParser(
        prog="fairhire",
        description="Hulpprogramma bij de cursus 'Eerlijk werven met AI'.",
    )
    sub = parser.add_subparsers(dest="command", metavar="opdracht")
    for spec in COMMANDS:
        add = _load(spec)
        if add is not None:
            add(sub)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
