"""Subcommand ``fairhire register``."""

from __future__ import annotations

import argparse
import sys


def _pass_mark(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen getal; gebruik bijvoorbeeld 0.6"
        ) from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("de slaaggrens ligt tussen 0 en 1, bijvoorbeeld 0.6")
    return value


def add_register(sub: argparse._SubParsersAction) -> None:
    """Add the ``register`` subcommand to the ``fairhire`` parser's subparsers."""
    p = sub.add_parser(
        "register",
        help="register AI-geletterdheid: CSV, Excel, certificaten en samenvatting",
        description="Maakt uit het cijferbestand van nbgrader een register van wat iedere cursist "
        "heeft aangetoond (register.csv en register.xlsx), een certificaat per cursist "
        "(PDF) en een samenvatting voor de organisatie (HTML).",
    )
    p.add_argument(
        "--db",
        default="sqlite:///gradebook.db",
        help="database-URL van het cijferbestand (standaard sqlite:///gradebook.db; "
        "ook postgresql://gebruiker@server/database)",
    )
    p.add_argument(
        "--out", required=True, help="map voor het register (wordt in één keer vervangen)"
    )
    p.add_argument(
        "--pass-mark",
        type=_pass_mark,
        default=0.6,
        help="deel van de punten om een module te halen (standaard 0.6)",
    )
    p.add_argument(
        "--teams", default=None, help="CSV met de kolommen learner_id,team om per team te tellen"
    )
    p.set_defaults(func=run_register)


def run_register(args: argparse.Namespace) -> int:
    """Write the register from the gradebook and print what it holds.

    Returns
    -------
    int
        The exit code: 0 when written, 2 when the register cannot be made.
    """
    from . import RegisterError, make_register

    try:
        register = make_register(args.db, args.out, pass_mark=args.pass_mark, teams=args.teams)
    except RegisterError as exc:
        print(f"fairhire register: {exc}", file=sys.stderr)
        return 2
    started = sum(1 for x in register.learners if register.started(x.id))
    print(
        f"Register geschreven naar {args.out}: {len(register.learners)} cursisten "
        f"({started} met ingeleverd werk), {len(register.modules)} modules."
    )
    return 0
