"""Subcommands ``fairhire grade`` and ``fairhire grading-report``."""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

from .course import CourseError


def add_grade(sub: argparse._SubParsersAction) -> None:
    """Add the ``grade`` subcommand to the ``fairhire`` parser's subparsers."""
    p = sub.add_parser(
        "grade",
        help="kijk een module na voor de hele groep: veilig (limieten) en parallel",
        description="Kijkt alle inzendingen in submitted/<cursist>/<module>/ na met nbgrader "
        "autograde, elke inzending apart met limieten op geheugen, rekentijd, "
        "uitvoer en duur. Mislukte en verdachte inzendingen komen in het nakijkrapport.",
    )
    p.add_argument(
        "modules",
        nargs="*",
        help="modules, bijvoorbeeld m00 (standaard: alle modules met inzendingen)",
    )
    p.add_argument("--course", default=".", help="de cursusmap (standaard: de huidige map)")
    p.add_argument(
        "--student",
        action="append",
        default=None,
        metavar="ID",
        help="alleen deze cursist (mag vaker)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="zoveel inzendingen tegelijk (standaard: aantal processorkernen plus één)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=300,
        help="maximale duur per inzending in seconden (standaard 300)",
    )
    p.add_argument(
        "--cell-timeout",
        type=int,
        default=None,
        help="maximale duur per cel in seconden (standaard: uit nbgrader_config.py)",
    )
    p.add_argument("--memory-mb", type=int, default=4096, help="geheugenlimiet per proces (MB)")
    p.add_argument("--cpu-seconds", type=int, default=600, help="rekentijdlimiet per proces (s)")
    p.add_argument(
        "--output-mb",
        type=int,
        default=64,
        help="grootste bestand dat het nakijken mag schrijven (MB)",
    )
    p.add_argument(
        "--no-warm",
        dest="warm",
        action="store_false",
        help="start elke kernel helemaal opnieuw (trager; standaard worden kernels "
        "afgesplitst van een proces dat de bibliotheken al heeft geladen)",
    )
    p.add_argument("--quiet", action="store_true", help="geen regel per inzending")
    p.set_defaults(func=run_grade)


def run_grade(args: argparse.Namespace) -> int:
    """Grade the chosen modules for the whole group and print the grading report table.

    Returns
    -------
    int
        The exit code: 0 when done, 2 for an unusable course folder or an unknown module.
    """
    from . import report
    from .course import CourseDir
    from .grade import source_notebooks, warm_kernels
    from .processes import Limits

    try:
        course = CourseDir.load(args.course)
        known = _known_modules(course)
        unknown = [m for m in args.modules if m not in known]
        if unknown:
            raise KeyError(unknown[0])
        modules = args.modules or sorted(m for m in known if course.submitted_students(m))
        if not modules:
            raise CourseError(f"Geen inzendingen gevonden in {course.root / course.submitted}.")
        limits = Limits(
            memory_mb=args.memory_mb,
            cpu_seconds=args.cpu_seconds,
            output_mb=args.output_mb,
            timeout=args.timeout,
            cell_timeout=args.cell_timeout,
        )
        with contextlib.ExitStack() as stack:
            warm = False
            if args.warm:
                folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="fairhire-warm-"))
                # one for all modules (None: ordinary kernels); it runs the trainer's
                # notebooks first, so the judge's kernels reuse their reference results
                warm = warm_kernels(folder, source_notebooks(course, modules))
                if warm is not None:
                    stack.callback(warm.stop)
            _grade_modules(course, modules, args, limits, warm)
        rows = report.build(course, modules)
        print()
        print(report.format_table(rows))
        print("\nVolledig rapport als bestand: fairhire grading-report")
    except (CourseError, KeyError) as exc:
        print(f"fairhire grade: {_message(exc)}", file=sys.stderr)
        return 2
    return 0


def _grade_modules(course, modules, args, limits, warm) -> None:
    from .grade import grade

    for module in modules:
        print(f"Nakijken van {module} ...", flush=True)

        def progress(outcome, done, total):
            if not args.quiet:
                notes = ", ".join(
                    dict.fromkeys(f.label for f in outcome.findings if f.severity != "info")
                )
                print(
                    f"  [{done}/{total}] {outcome.student}: {_STATUS[outcome.status]}"
                    f" ({outcome.seconds:.1f} s){' - ' + notes if notes else ''}",
                    flush=True,
                )

        run = grade(
            course,
            module,
            students=args.student,
            workers=args.workers,
            limits=limits,
            warm=warm,
            progress=progress,
        )
        n = len(run.outcomes)
        print(
            f"{module}: {n} inzendingen in {run.seconds:.0f} s ({run.workers} tegelijk); "
            f"nagekeken: {run.count('graded')}, mislukt: {run.count('failed')}, "
            f"verdacht: {run.count('suspect')}."
        )


_STATUS = {"graded": "nagekeken", "failed": "MISLUKT", "suspect": "VERDACHT"}


def _known_modules(course) -> set[str]:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        return {a.name for a in gb.assignments}


def _message(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return (
            f"Module {exc.args[0]} staat niet in het cijferbestand (gradebook). Voer eerst "
            f"'nbgrader generate_assignment {exc.args[0]}' uit."
        )
    return str(exc)


def add_grading_report(sub: argparse._SubParsersAction) -> None:
    """Add the ``grading-report`` subcommand to the ``fairhire`` parser's subparsers."""
    p = sub.add_parser(
        "grading-report",
        help="nakijkrapport: mislukt, verdacht, te laat en echte nullen apart",
        description="Laat zien wat de cijferlijst van nbgrader verbergt: inzendingen die niet "
        "konden worden nagekeken (en waarom), verdachte code, aangepaste of verwijderde "
        "cellen, ontbrekende notebooks, te late inzendingen en wie nog handmatig moet "
        "worden nagekeken. Schrijft nakijkrapport.csv en nakijkrapport.html.",
    )
    p.add_argument("modules", nargs="*", help="modules (standaard: alle in het cijferbestand)")
    p.add_argument("--course", default=".", help="de cursusmap (standaard: de huidige map)")
    p.add_argument(
        "--out",
        default=None,
        help="map voor nakijkrapport.csv en .html (standaard: <cursusmap>/nakijkrapport)",
    )
    p.set_defaults(func=run_grading_report)


def run_grading_report(args: argparse.Namespace) -> int:
    """Print the grading report and write it as ``nakijkrapport.csv`` and ``.html``.

    Returns
    -------
    int
        The exit code: 0 when written, 2 for an unusable course folder or an unknown module.
    """
    from . import report
    from .course import CourseDir

    try:
        course = CourseDir.load(args.course)
        rows = report.build(course, args.modules or None)
    except (CourseError, KeyError) as exc:
        print(f"fairhire grading-report: {_message(exc)}", file=sys.stderr)
        return 2
    if not rows:
        print("Geen cursisten of inzendingen gevonden.")
    print(report.format_table(rows))
    out = Path(args.out) if args.out else course.root / "nakijkrapport"
    csv_path, html_path = report.write(rows, out)
    print(f"\nGeschreven: {csv_path} en {html_path}")
    return 0
