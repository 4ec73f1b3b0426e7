"""The self-check at the end of an exercise: which questions pass their visible checks.

:func:`self_check` is the last code cell of every exercise. It reads the
exercise notebook from disk, runs the *visible* part of each test cell in the
learner's own namespace (never the hidden tests: the student copy has none,
and a hidden region is cut off anyway) and shows a Dutch table: question,
points, ✅ or ❌ with the message. It is not a graded cell and it never
raises, so it cannot change a grade.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import cell_runs, check
from .documents import render_template
from .errors import explain
from .running_notebook import (
    TEXT_STUB,
    current_shell,
    find_notebook,
    is_notebook_shell,
    nbgrader_meta,
    split_hidden,
)

if TYPE_CHECKING:  # nbformat is imported where it is used: it is slow to import (jsonschema)
    import nbformat

# how the self-check cell calls it (the overview leaves that cell out)
SELF_CHECK_CALL = "self_check("


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a notebook from disk as nbformat 4."""
    import nbformat

    return nbformat.read(str(path), as_version=4)


# --------------------------------------------------------------------------- questions


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
    return "\n".join(split_hidden(source)[0]).strip("\n")


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
        title = _title(titles.get(f"{gid}-question", ""), gid)
        points = float(meta.get("points", 0))
        if cell.cell_type == "code":
            found.append(Question(gid, title, points, False, visible_part(cell.source)))
        else:
            answered = cell.source.strip() not in ("", TEXT_STUB)
            found.append(Question(gid, title, points, True, answered=answered))
    return found


# --------------------------------------------------------------------------- outcomes


@dataclass
class Outcome:
    """Result of one question's visible check."""

    question: Question
    passed: bool | None  # None: graded by the trainer
    message: str = ""

    @property
    def mark(self) -> str:
        """✍️ (the trainer grades it), ✅ or ❌."""
        return "✍️" if self.passed is None else ("✅" if self.passed else "❌")


def run_visible_checks(nb: nbformat.NotebookNode, namespace: dict) -> list[Outcome]:
    """Run the visible checks of every autograded question in ``namespace``.

    Exceptions are caught and turned into a Dutch message; printed output of the
    checks is swallowed. Manual questions get ``passed=None``.
    """
    outcomes = []
    failed = cell_runs.failed_answers(list(nb.cells))
    guard, check._Guard.ask = check._Guard.ask, None  # the table asks per question itself
    try:
        for q in questions(nb):
            outcomes.append(_outcome(q, namespace, failed))
    finally:
        check._Guard.ask = guard
    return outcomes


def _outcome(q: Question, namespace: dict, failed: dict) -> Outcome:
    if q.grade_id in failed:
        return Outcome(q, False, cell_runs.short_failed_message(failed[q.grade_id]))
    if q.manual:
        msg = (
            "ingevuld (opgeslagen versie)"
            if q.answered
            else "nog niet ingevuld (of nog niet opgeslagen met Ctrl+S)"
        )
        return Outcome(q, None, msg + "; je trainer beoordeelt dit")
    try:
        with (
            contextlib.redirect_stdout(io.StringIO()),
            contextlib.redirect_stderr(io.StringIO()),
        ):
            exec(compile(q.visible_code, f"<controle {q.grade_id}>", "exec"), namespace)
    except Exception as exc:  # noqa: BLE001 - any failure is a failed check
        return Outcome(q, False, _short_message(exc, namespace))
    return Outcome(q, True, "de zichtbare controle slaagt")


def _short_message(exc: BaseException, namespace: dict) -> str:
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


def format_points(value: float) -> str:
    """Points without a needless ``.0``: ``2.0`` -> ``"2"``, ``1.5`` -> ``"1.5"``."""
    return f"{value:g}"


def summary_sentence(outcomes: list[Outcome]) -> str:
    """The Dutch sentence under the table: how many questions and points pass."""
    s = summary_numbers(outcomes)
    text = (
        f"{s['passed']} van de {s['questions']} vragen slagen voor de zichtbare controle: "
        f"{format_points(s['passed_points'])} van de {format_points(s['auto_points'])} punten "
        "die de computer nakijkt."
    )
    if s["manual_points"]:
        text += f" Je trainer beoordeelt nog {format_points(s['manual_points'])} punten."
    return text


def outcomes_text(outcomes: list[Outcome]) -> str:
    """The self-check table as plain text."""
    lines = [f"{'Vraag':<45} {'punten':>6}  resultaat"]
    for o in outcomes:
        points = format_points(o.question.points)
        lines.append(f"{o.question.title[:45]:<45} {points:>6}  {o.mark} {o.message}")
    lines.append(summary_sentence(outcomes))
    return "\n".join(lines)


def outcomes_html(outcomes: list[Outcome]) -> str:
    """The self-check table as HTML (``fairhire/data/self_check_template.html``)."""
    return render_template(
        "self_check_template.html",
        outcomes=outcomes,
        points=format_points,
        code_parts=code_parts,
        summary=summary_sentence(outcomes),
    )


def code_parts(message: str) -> list[tuple[str, bool]]:
    """``message`` cut into (text, is code) parts at Markdown-style `code` spans.

    The template shows the code parts as ``<code>``; it escapes every part itself.
    """
    pieces = re.split(r"`([^`]+)`", message)
    return [(piece, i % 2 == 1) for i, piece in enumerate(pieces) if piece]


# --------------------------------------------------------------------------- the notebook cell


def self_check(module: str | None = None) -> None:
    """Show which questions of this exercise pass their visible checks, and the points.

    The last code cell of every exercise calls this. It never raises.

    Parameters
    ----------
    module : str, optional
        The module id; by default the one given to :func:`fairhire.start`.
    """
    try:
        shell = current_shell()
        namespace = shell.user_ns if shell is not None else {}
        path = find_notebook(namespace, module)
        if path is None:
            print(
                "De zelfcontrole kan het notebook niet vinden. "
                "Voer de controlecellen één voor één uit."
            )
            return
        outcomes = run_visible_checks(read_notebook(path), namespace)
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
