"""The course overview for a self-studying learner: how far they are in every module.

:func:`course_progress` (``fairhire progress`` on the command line, and
:func:`show_progress` in a notebook) looks at every exercise copy in
``exercises/``: which were opened, how many answers were filled in, and, for
the ones with answers, how many visible checks pass. The last part executes a
temporary copy headlessly with nbclient, because outputs saved in a notebook
can be stale or missing (a learner may not have run or saved the cells); the
learner's file is never written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .documents import render_template
from .modules import module_ids
from .paths import repo_root
from .running_notebook import CODE_STUB_MARK, TEXT_STUB, in_notebook, nbgrader_meta, strip_ansi
from .selfcheck import (
    SELF_CHECK_CALL,
    Outcome,
    format_points,
    questions,
    read_notebook,
    summary_numbers,
)

if TYPE_CHECKING:  # nbformat is imported where it is used: it is slow to import (jsonschema)
    import nbformat


@dataclass
class ModuleProgress:
    """Progress in one module's exercise for a self-studying learner."""

    module: str
    lesson: Path | None
    exercise: Path | None
    lesson_opened: bool = False
    opened: bool = False
    answered: int = 0
    answers: int = 0
    modified: float | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    checked: bool = False  # visible checks were executed
    error: str = ""

    @property
    def status(self) -> str:
        """Dutch status word: nog niet begonnen, geopend, bezig, alles ingevuld."""
        if self.exercise is None:
            return "nog niet beschikbaar"
        if self.answers and self.answered == self.answers:
            return "alles ingevuld"
        if self.answered:
            return "bezig"
        return "geopend" if self.opened else "nog niet begonnen"


# --------------------------------------------------------------------------- reading the copies


def answer_status(nb: nbformat.NotebookNode) -> tuple[int, int]:
    """(filled in, total) over the answer cells of a student notebook."""
    total = done = 0
    for cell in nb.cells:
        if not nbgrader_meta(cell).get("solution"):
            continue
        total += 1
        if cell.cell_type == "code":
            done += CODE_STUB_MARK not in cell.source and cell.source.strip() != ""
        else:
            done += cell.source.strip() not in ("", TEXT_STUB)
    return done, total


def _was_run(nb: nbformat.NotebookNode) -> bool:
    return any(
        c.cell_type == "code" and (c.get("execution_count") or c.get("outputs")) for c in nb.cells
    )


def module_progress(
    root: Path, module: str, execute: bool = True, timeout: int = 60
) -> ModuleProgress:
    """Progress in one module, reading ``course/`` and ``exercises/`` under ``root``."""
    lessons = sorted((root / "course").glob(f"{module}_*.ipynb"))
    exercises = sorted((root / "exercises" / module).glob("*.ipynb"))
    mp = ModuleProgress(
        module, lessons[0] if lessons else None, exercises[0] if exercises else None
    )
    if mp.lesson is not None:
        try:
            mp.lesson_opened = _was_run(read_notebook(mp.lesson))
        except Exception:  # noqa: BLE001 - an unreadable lesson only hides the mark
            pass
    if mp.exercise is None:
        return mp
    try:
        nb = read_notebook(mp.exercise)
    except Exception as exc:  # noqa: BLE001
        mp.error = f"het notebook is niet te lezen ({type(exc).__name__})"
        return mp
    mp.modified = mp.exercise.stat().st_mtime
    mp.answered, mp.answers = answer_status(nb)
    mp.opened = _was_run(nb) or mp.answered > 0
    if not execute or not mp.answered:
        # nothing filled in: every visible check fails; no need to start a kernel
        mp.outcomes = [
            Outcome(
                q,
                None if q.manual else False,
                "" if not q.manual else ("ingevuld" if q.answered else "nog niet ingevuld"),
            )
            for q in questions(nb)
        ]
        mp.checked = not mp.answered
        return mp
    try:
        mp.outcomes = execute_checks(mp.exercise, timeout=timeout)
        mp.checked = True
    except Exception as exc:  # noqa: BLE001
        mp.error = f"uitvoeren lukte niet ({type(exc).__name__})"
    return mp


def execute_checks(path: Path, timeout: int = 60) -> list[Outcome]:
    """Run a copy of an exercise headlessly and read which visible checks pass.

    The notebook is executed in memory (the learner's file is never written) in
    a temporary copy of its folder; the self-check cell is left out.
    A test cell passes when it has no error output, as nbgrader judges it.
    """
    from nbclient import NotebookClient

    nb = read_notebook(path)
    nb.cells = [c for c in nb.cells if not (c.cell_type == "code" and SELF_CHECK_CALL in c.source)]
    # run in a copy of the exercise folder: answers that export files (worksheets, reports)
    # must not overwrite what the learner made
    with tempfile.TemporaryDirectory(prefix="fairhire-progress-") as tmp:
        workdir = Path(shutil.copytree(path.parent, Path(tmp) / path.parent.name))
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(workdir)}},
        )
        client.execute()
    by_id, unanswered, last_answer = {}, set(), None
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution") and cell.cell_type == "code":
            last_answer = cell
        if meta.get("grade_id"):
            by_id[meta["grade_id"]] = cell
            # the answer cell that belongs to a test cell is the nearest one above it
            if (
                meta.get("grade")
                and cell.cell_type == "code"
                and last_answer is not None
                and CODE_STUB_MARK in last_answer.source
            ):
                unanswered.add(meta["grade_id"])
    outcomes = []
    for q in questions(nb):
        if q.manual:
            outcomes.append(Outcome(q, None, "ingevuld" if q.answered else "nog niet ingevuld"))
            continue
        errors = [
            o for o in by_id[q.grade_id].get("outputs", []) if o.get("output_type") == "error"
        ]
        if q.grade_id in unanswered:
            outcomes.append(Outcome(q, False, "nog niet beantwoord"))
        elif errors:
            outcomes.append(Outcome(q, False, _error_output_message(errors[0])))
        else:
            outcomes.append(Outcome(q, True, "slaagt"))
    return outcomes


def _error_output_message(output) -> str:
    first = "\n".join(output.get("traceback", [])).split("\n")[0] if output.get("traceback") else ""
    first = strip_ansi(first).strip()
    return (
        (first or f"{output.get('ename')}: {output.get('evalue')}")
        .removeprefix("❌ ")
        .removeprefix("🔎 ")
    )


def course_progress(root: Path | None = None, execute: bool = True) -> list[ModuleProgress]:
    """Progress in every module of the registry (modules without an exercise are listed too)."""
    root = root or repo_root()
    if root is None:
        raise FileNotFoundError("Kan de cursusmap niet vinden; zet FAIRHIRE_ROOT.")
    return [module_progress(root, m, execute=execute) for m in module_ids()]


# --------------------------------------------------------------------------- showing it


def overview_text(rows: list[ModuleProgress]) -> str:
    """The course overview as a Dutch text table."""
    lines = [
        "Jouw voortgang in 'Eerlijk werven met AI'",
        "",
        f"{'module':<7} {'les':<4} {'opdracht':<20} {'antwoorden':>10}  "
        f"{'zichtbare controles':<22} laatst opgeslagen",
    ]
    for r in rows:
        lesson = "✓" if r.lesson_opened else "·"
        if r.exercise is None:
            lines.append(f"{r.module:<7} {lesson:<4} {r.status:<20}")
            continue
        s = summary_numbers(r.outcomes)
        if r.error:
            checks = r.error
        elif not r.answered:
            checks = "–"
        elif r.checked:
            checks = (
                f"{s['passed']}/{s['questions']} ✅ "
                f"({format_points(s['passed_points'])}/{format_points(s['auto_points'])} pt)"
            )
        else:
            checks = "niet uitgevoerd"
        when = (
            time.strftime("%Y-%m-%d %H:%M", time.localtime(r.modified))
            if r.opened and r.modified
            else ""
        )
        lines.append(
            f"{r.module:<7} {lesson:<4} {r.status:<20} "
            f"{r.answered:>4}/{r.answers:<5}  {checks:<22} {when}"
        )
    lines += [
        "",
        "les ✓: je hebt de les uitgevoerd en opgeslagen.",
        "Zichtbare controles: zoals de controlecellen in de opdracht; "
        "je trainer controleert bij het nakijken meer.",
    ]
    return "\n".join(lines)


def overview_html(rows: list[ModuleProgress], base: Path | None = None) -> str:
    """The course overview as an HTML table with links (relative to ``base``).

    Rendered from ``fairhire/data/overview_template.html``.
    """

    def href(path: Path | None) -> str | None:
        if path is None:
            return None
        return os.path.relpath(path, base) if base else str(path)

    shown = []
    for r in rows:
        s = summary_numbers(r.outcomes)
        if not r.answered:
            checks = "–"
        elif r.checked:
            checks = f"{s['passed']} van {s['questions']} ✅"
        else:
            checks = "zie de zelfcontrole"
        shown.append(
            {
                "row": r,
                "available": r.exercise is not None or r.lesson is not None,
                "lesson_href": href(r.lesson),
                "exercise_href": href(r.exercise),
                "checks": checks,
            }
        )
    return render_template("overview_template.html", rows=shown)


def show_progress(execute: bool = False) -> None:
    """Show the course overview in a notebook (links to every lesson and exercise).

    By default it only reads the saved notebooks (fast); with ``execute=True``
    it also runs the visible checks of every exercise with answers, like
    ``fairhire progress``.
    """
    try:
        rows = course_progress(execute=execute)
    except FileNotFoundError as exc:
        print(str(exc))
        return
    if in_notebook():
        from IPython.display import HTML, display

        display(HTML(overview_html(rows, base=Path.cwd())))
    else:
        print(overview_text(rows))


# --------------------------------------------------------------------------- command line


def add_arguments(sub) -> None:
    """``fairhire progress``: the course overview for a self-studying learner."""
    p = sub.add_parser("progress", help="laat je voortgang in alle modules zien")
    p.add_argument(
        "--snel",
        action="store_true",
        help="voer de opdrachten niet uit; tel alleen ingevulde antwoorden",
    )
    p.set_defaults(func=_run_cli)


def _run_cli(args) -> int:
    try:
        rows = course_progress(execute=not args.snel)
    except FileNotFoundError as exc:
        print(f"fairhire progress: {exc}")
        return 2
    print(overview_text(rows))
    return 0
