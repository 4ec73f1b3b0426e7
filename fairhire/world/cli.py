"""``fairhire data``: regenerate datasets/ or check that it is in step."""

from __future__ import annotations

import argparse
import sys


def add_data_command(sub: argparse._SubParsersAction) -> None:
    """Register the ``data`` subcommand."""
    p = sub.add_parser("data", help="maak datasets/ opnieuw met de standaard-seed")
    p.add_argument(
        "--check",
        action="store_true",
        help="schrijf niets; stop met code 1 als datasets/ niet klopt met de generator",
    )
    p.add_argument(
        "--dir", default=None, help="andere map dan datasets/ van de cursus (standaard: datasets/)"
    )
    p.set_defaults(func=_run_data)


def _run_data(args: argparse.Namespace) -> int:
    from .datasets import DATASETS, check_datasets, default_dir, write_datasets

    target = args.dir or default_dir()
    if target is None:
        print(
            "fairhire data: kan de cursusmap niet vinden. Werk vanuit de gekloonde repository, "
            "zet FAIRHIRE_ROOT of geef --dir op.",
            file=sys.stderr,
        )
        return 2
    if args.check:
        differing = check_datasets(target)
        for name in differing:
            print(f"anders dan de generator (of ontbreekt): {name}", file=sys.stderr)
        if differing:
            print("Voer 'fairhire data' uit om datasets/ opnieuw te maken.", file=sys.stderr)
            return 1
        print(f"datasets/ is bij ({len(DATASETS)} bestanden).")
        return 0
    for path in write_datasets(target):
        print(f"geschreven: {path}")
    return 0
