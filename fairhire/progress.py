"""A learner's progress: the self-check at the end of an exercise and a course overview.

:func:`self_check` is the last code cell of every exercise. It reads the
exercise notebook from disk, runs the *visible* part of each test cell in the
learner's own namespace (never the hidden tests: the student copy has none,
and a hidden region is cut off anyway) and shows a Dutch table: question,
points, ✅ or ❌ with the message. It is not a graded cell and it never
raises, so it cannot change a grade.

:func:`course_progress` (``fairhire progress`` on the command line) looks at
every exercise copy in ``exercises/``: which were opened, how many answers
were filled in, and, for the ones with answers, how many visible checks pass.
The last part executes a temporary copy headlessly with nbclient, because
outputs saved in a notebook can be stale or missing (a learner may not have
run or saved the cells); the learner's file is never written.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .modules import module_ids
from .paths import repo_root
from .running_notebook import (
    CODE_STUB_MARK,
    HIDDEN_BEGIN,
    HIDDEN_END,
    TEXT_STUB,
    find_notebook,
    in_notebook,
    is_notebook_shell,
    nbgrader_meta,
    strip_ansi,
)

if TYPE_CHECKING:  # nbformat is imported where it is used: it is slow to import (jsonschema)
    import nbformat

SELF_CHECK_CALL = "self_check("


# --------------------------------------------------------------------------- reading notebooks


def _read(path: Path) -> nbformat.NotebookNode:
    import nbformat

    return nbformat.read(str(path), as_version=4)


@dataclass
class Question:
    """One graded question of an exercise notebook."""

    grade_id: str
    title: str
    points: float
    manual: bool  # graded by the trainer (a written answer)
    visible_code: str = ""  # the visible checks (autograded questions)
    answered: bool | None = None  # for manual answers: filled in on disk


def visible_part(source: str) -> str:
    """The source of a test cell without its hidden-test region."""
    out, hidden = [], False
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped == HIDDEN_BEGIN:
            hidden = True
        elif stripped == HIDDEN_END:
            hidden = False
        elif not hidden:
            out.append(line)
    return "\n".join(out).strip("\n")


def _title(markdown: str, fallback: str) -> str:
    for line in markdown.splitlines():
        if line.lstrip().startswith("#"):
            title = line.lstrip("# ").strip()
            # "(2 punten)" is shown in its own column
            return re.sub(r"\s*\([^)]*punt[^)]*\)\s*$", "", title) or fallback
    return fallback


def questions(nb: nbformat.NotebookNode) -> list[Question]:
    """The graded questions of a notebook, in order, with their visible checks."""
    titles = {
        nbgrader_meta(c).get("grade_id"): c.source for c in nb.cells if c.cell_type == "markdown"
    }
    found = []
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if not meta.get("grade"):
            continue
        gid = meta.get("grade_id", "?")
        base = gid
        question_md = titles.get(f"{base}-question", "")
        title = _title(question_md, gid)
        points = float(meta.get("points", 0))
        if cell.cell_type == "code":
            found.append(Question(gid, title, points, False, visible_part(cell.source)))
        else:
            found.append(
                Question(
                    gid, title, points, True, answered=cell.source.strip() not in ("", TEXT_STUB)
                )
            )
    return found


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


# --------------------------------------------------------------------------- self-check


@dataclass
class Outcome:
    """Result of one question's visible check."""

    question: Question
    passed: bool | None  # None: graded by the trainer
    message: str = ""


def run_visible_checks(nb: nbformat.NotebookNode, namespace: dict) -> list[Outcome]:
    """Run the visible checks of every autograded question in ``namespace``.

    Exceptions are caught and turned into a Dutch message; printed output of the
    checks is swallowed. Manual questions get ``passed=None``.
    """
    from .errors import explain

    outcomes = []
    for q in questions(nb):
        if q.manual:
            msg = (
                "ingevuld (opgeslagen versie)"
                if q.answered
                else "nog niet ingevuld (of nog niet opgeslagen met Ctrl+S)"
            )
            outcomes.append(Outcome(q, None, msg + "; je trainer beoordeelt dit"))
            continue
        try:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                exec(compile(q.visible_code, f"<controle {q.grade_id}>", "exec"), namespace)
        except Exception as exc:  # noqa: BLE001 - any failure is a failed check
            outcomes.append(Outcome(q, False, _short_message(exc, namespace, explain)))
        else:
            outcomes.append(Outcome(q, True, "de zichtbare controle slaagt"))
    return outcomes


def _short_message(exc: BaseException, namespace: dict, explain) -> str:
    if isinstance(exc, NameError):
        name = getattr(exc, "name", None) or "?"
        return f"`{name}` bestaat nog niet: beantwoord de vraag en voer de cel met je antwoord uit"
    try:
        explanation = explain(exc, namespace, exc.__traceback__)
    except Exception:  # noqa: BLE001
        explanation = None
    text = explanation.what if explanation else f"{type(exc).__name__}: {exc}"
    return text.removeprefix("❌ ").removeprefix("🔎 ")


def summary_numbers(outcomes: list[Outcome]) -> dict[str, float]:
    """Points passed, autograded points, and trainer-graded points."""
    auto = [o for o in outcomes if o.passed is not None]
    return {
        "passed_points": sum(o.question.points for o in auto if o.passed),
        "auto_points": sum(o.question.points for o in auto),
        "manual_points": sum(o.question.points for o in outcomes if o.passed is None),
        "passed": sum(1 for o in auto if o.passed),
        "questions": len(auto),
    }


def _points(value: float) -> str:
    return f"{value:g}"


def outcomes_text(outcomes: list[Outcome]) -> str:
    """The self-check table as plain text."""
    lines = [f"{'Vraag':<45} {'punten':>6}  resultaat"]
    for o in outcomes:
        mark = "✍️" if o.passed is None else ("✅" if o.passed else "❌")
        lines.append(
            f"{o.question.title[:45]:<45} {_points(o.question.points):>6}  {mark} {o.message}"
        )
    lines.append(_summary_sentence(outcomes))
    return "\n".join(lines)


def _summary_sentence(outcomes: list[Outcome]) -> str:
    s = summary_numbers(outcomes)
    text = (
        f"{s['passed']} van de {s['questions']} vragen slagen voor de zichtbare controle: "
        f"{_points(s['passed_points'])} van de {_points(s['auto_points'])} punten die de computer nakijkt."
    )
    if s["manual_points"]:
        text += f" Je trainer beoordeelt nog {_points(s['manual_points'])} punten."
    return text


def outcomes_html(outcomes: list[Outcome]) -> str:
    """The self-check table as HTML."""
    import html

    rows = []
    for o in outcomes:
        mark = "✍️" if o.passed is None else ("✅" if o.passed else "❌")
        rows.append(
            f"<tr><td style='text-align:left'>{html.escape(o.question.title)}</td>"
            f"<td>{_points(o.question.points)}</td>"
            f"<td style='text-align:left'>{mark} {_code_spans(html.escape(o.message))}</td></tr>"
        )
    return (
        "<div class='fairhire-self-check'><h3>Zelfcontrole</h3>"
        "<table><thead><tr><th style='text-align:left'>Vraag</th><th>punten</th>"
        "<th style='text-align:left'>resultaat</th></tr></thead><tbody>"
        + "".join(rows)
        + f"</tbody></table><p><b>{html.escape(_summary_sentence(outcomes))}</b></p>"
        "<p>Een ✅ betekent: je zit op de goede weg. Bij het nakijken controleert je trainer nog meer. "
        "Een ❌? Ga terug naar die vraag, lees de hint en voer de controlecel opnieuw uit.</p></div>"
    )


def _code_spans(escaped: str) -> str:
    """Markdown-style `code` in an already escaped message as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)


def self_check(module: str | None = None) -> None:
    """Show which questions of this exercise pass their visible checks, and the points.

    The last code cell of every exercise calls this. It never raises.

    Parameters
    ----------
    module : str, optional
        The module id; by default the one given to :func:`fairhire.start`.
    """
    try:
        from IPython import get_ipython

        shell = get_ipython()
        namespace = shell.user_ns if shell is not None else {}
        path = find_notebook(namespace, module)
        if path is None:
            print(
                "De zelfcontrole kan het notebook niet vinden. Voer de controlecellen één voor één uit."
            )
            return
        nb = _read(path)
        outcomes = run_visible_checks(nb, namespace)
        if not outcomes:
            print("Dit notebook heeft geen vragen om te controleren.")
            return
        if is_notebook_shell(shell):
            from IPython.display import HTML, display

            display(HTML(outcomes_html(outcomes)))
        else:
            print(outcomes_text(outcomes))
    except Exception as exc:  # noqa: BLE001 - the self-check must never break a notebook
        print(
            f"De zelfcontrole lukte niet ({type(exc).__name__}). "
            "Voer de controlecellen één voor één uit."
        )


# --------------------------------------------------------------------------- course overview


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
        if self.exercise is None:
            return "nog niet beschikbaar"
        if self.answers and self.answered == self.answers:
            return "alles ingevuld"
        if self.answered:
            return "bezig"
        return "geopend" if self.opened else "nog niet begonnen"


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
            mp.lesson_opened = _was_run(_read(mp.lesson))
        except Exception:  # noqa: BLE001 - an unreadable lesson only hides the mark
            pass
    if mp.exercise is None:
        return mp
    try:
        nb = _read(mp.exercise)
    except Exception as exc:  # noqa: BLE001
        mp.error = f"het notebook is niet te lezen ({type(exc).__name__})"
        return mp
    mp.modified = mp.exercise.stat().st_mtime
    mp.answered, mp.answers = answer_status(nb)
    mp.opened = _was_run(nb) or mp.answered > 0
    qs = questions(nb)
    if not execute or not mp.answered:
        # nothing filled in: every visible check fails; no need to start a kernel
        mp.outcomes = [
            Outcome(
                q,
                None if q.manual else False,
                "" if not q.manual else ("ingevuld" if q.answered else "nog niet ingevuld"),
            )
            for q in qs
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

    nb = _read(path)
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


def overview_text(rows: list[ModuleProgress]) -> str:
    """The course overview as a Dutch text table."""
    lines = [
        "Jouw voortgang in 'Eerlijk werven met AI'",
        "",
        f"{'module':<7} {'les':<4} {'opdracht':<20} {'antwoorden':>10}  {'zichtbare controles':<22} laatst opgeslagen",
    ]
    for r in rows:
        if r.exercise is None:
            lines.append(f"{r.module:<7} {('✓' if r.lesson_opened else '·'):<4} {r.status:<20}")
            continue
        s = summary_numbers(r.outcomes)
        if r.error:
            checks = r.error
        elif not r.answered:
            checks = "–"
        elif r.checked:
            checks = f"{s['passed']}/{s['questions']} ✅ ({_points(s['passed_points'])}/{_points(s['auto_points'])} pt)"
        else:
            checks = "niet uitgevoerd"
        when = (
            time.strftime("%Y-%m-%d %H:%M", time.localtime(r.modified))
            if r.opened and r.modified
            else ""
        )
        lines.append(
            f"{r.module:<7} {('✓' if r.lesson_opened else '·'):<4} {r.status:<20} "
            f"{r.answered:>4}/{r.answers:<5}  {checks:<22} {when}"
        )
    lines += [
        "",
        "les ✓: je hebt de les uitgevoerd en opgeslagen.",
        "Zichtbare controles: zoals de controlecellen in de opdracht; je trainer controleert bij het nakijken meer.",
    ]
    return "\n".join(lines)


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


def overview_html(rows: list[ModuleProgress], base: Path | None = None) -> str:
    """The course overview as an HTML table with links (relative to ``base``)."""
    import html

    def link(path: Path | None, text: str) -> str:
        if path is None:
            return "·"
        href = os.path.relpath(path, base) if base else str(path)
        return f"<a href='{html.escape(href)}'>{html.escape(text)}</a>"

    body = []
    for r in rows:
        if r.exercise is None and r.lesson is None:
            body.append(
                f"<tr><td>{r.module}</td><td colspan='4' style='text-align:left'>nog niet beschikbaar</td></tr>"
            )
            continue
        s = summary_numbers(r.outcomes)
        if not r.answered:
            checks = "–"
        elif r.checked:
            checks = f"{s['passed']} van {s['questions']} ✅"
        else:
            checks = "zie de zelfcontrole"
        body.append(
            f"<tr><td>{r.module}</td>"
            f"<td style='text-align:left'>{link(r.lesson, 'les')}{' ✓' if r.lesson_opened else ''}</td>"
            f"<td style='text-align:left'>{link(r.exercise, 'opdracht')}</td>"
            f"<td style='text-align:left'>{html.escape(r.status)} ({r.answered}/{r.answers} ingevuld)</td>"
            f"<td style='text-align:left'>{checks}</td></tr>"
        )
    return (
        "<div class='fairhire-progress'><table><thead><tr><th>module</th><th>les</th><th>opdracht</th>"
        "<th>antwoorden (opgeslagen)</th><th>zichtbare controles</th></tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table>"
        "<p>Dit overzicht leest de opgeslagen notebooks (sla op met Ctrl+S). Voor de controles van "
        "elke opdracht: typ <code>fairhire progress</code> in een terminal, of voer de zelfcontrole "
        "onderaan een opdracht uit.</p></div>"
    )


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
