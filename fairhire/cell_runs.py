"""Which cells ran and which failed, so that a check never judges a stale answer.

:func:`install` (called by :func:`fairhire.errors.install`) registers two
IPython event callbacks: ``pre_run_cell`` remembers the cell that is about to
run, ``post_run_cell`` records whether it failed. A check cell asks
:func:`failed_answer` whether the answer cell of its question failed on its
last run; then the check says so instead of judging a value from an earlier
run (:mod:`fairhire.check` and :func:`fairhire.self_check` both ask).

The answer cell of a question is the nearest nbgrader ``solution`` code cell
above the question's test cell, found in the notebook on disk by cell id (or by
source when the front end sends no cell id). Without the notebook on disk the
rule is simpler: the cell run just before the check failed.

Under nbgrader (``NBGRADER_EXECUTION`` is set while it autogrades or validates)
nothing is reported, so grading is exactly what nbgrader decides.

Light on purpose: the error handler imports it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .running_notebook import nbgrader_meta, notebook_cells

# the error, in words a learner knows
DUTCH_ERROR_NAMES = {
    "NameError": "een naam die Python niet kent",
    "SyntaxError": "een schrijffout in de code",
    "IndentationError": "spaties aan het begin van een regel die niet kloppen",
    "TypeError": "gegevens van de verkeerde soort",
    "ValueError": "een waarde die niet past",
    "KeyError": "een kolom of sleutel die niet bestaat",
    "AttributeError": "een onderdeel dat niet bestaat",
    "ZeroDivisionError": "delen door nul",
    "IndexError": "een plek in een lijst die niet bestaat",
    "FileNotFoundError": "een bestand dat niet bestaat",
    "ModuleNotFoundError": "een pakket dat niet bestaat",
}


@dataclass
class Run:
    """One run of a cell: its id (when the front end sent one), source and error."""

    cell_id: str | None
    source: str
    error: BaseException | None = None


class _State:
    current: Run | None = None  # the cell that is running now
    last: Run | None = None  # the last cell that finished
    by_id: dict[str, Run] = {}  # noqa: RUF012 - module state, one kernel
    by_source: dict[str, Run] = {}  # noqa: RUF012


def reset() -> None:
    """Forget every run (for tests)."""
    _State.current = _State.last = None
    _State.by_id, _State.by_source = {}, {}


def _pre_run_cell(info) -> None:
    try:
        _State.current = Run(getattr(info, "cell_id", None), getattr(info, "raw_cell", "") or "")
    except Exception:  # noqa: BLE001 - never disturb a cell
        pass


def _post_run_cell(result) -> None:
    try:
        info = getattr(result, "info", None)
        error = getattr(result, "error_before_exec", None) or getattr(result, "error_in_exec", None)
        run = Run(getattr(info, "cell_id", None), getattr(info, "raw_cell", "") or "", error)
        if run.cell_id:
            _State.by_id[run.cell_id] = run
        _State.by_source[run.source.strip()] = run
        _State.last = run
        _State.current = None
    except Exception:  # noqa: BLE001
        pass


def install(shell) -> None:
    """Record every cell run of ``shell`` (calling it twice is harmless)."""
    uninstall(shell)
    shell.events.register("pre_run_cell", _pre_run_cell)
    shell.events.register("post_run_cell", _post_run_cell)


def uninstall(shell) -> None:
    """Stop recording."""
    for event, callback in (("pre_run_cell", _pre_run_cell), ("post_run_cell", _post_run_cell)):
        try:
            shell.events.unregister(event, callback)
        except ValueError:
            pass


def current_source(shell=None) -> str:
    """The source of the cell that is running ('' when unknown)."""
    if _State.current is not None:
        return _State.current.source
    try:
        history = shell.user_ns.get("In") or [""]
        return history[-1]
    except Exception:  # noqa: BLE001
        return ""


# --------------------------------------------------------------------------- answers


def _source(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return ("".join(source) if isinstance(source, list) else source).strip()


def _index_of(cells: list[dict], run: Run) -> int | None:
    if run.cell_id:
        for i, cell in enumerate(cells):
            if cell.get("id") == run.cell_id:
                return i
    for i, cell in enumerate(cells):
        if cell.get("cell_type") == "code" and _source(cell) == run.source.strip():
            return i
    return None


def _is_test_cell(cell: Mapping[str, Any]) -> bool:
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _answer_cell(cells: list[dict], test_index: int) -> dict | None:
    """The nearest solution code cell above the test cell ``test_index``."""
    for cell in reversed(cells[:test_index]):
        if _is_test_cell(cell):
            return None  # the previous question's test: this question has no answer cell
        if cell.get("cell_type") == "code" and nbgrader_meta(cell).get("solution"):
            return cell
    return None


def _run_of(cell: Mapping[str, Any]) -> Run | None:
    cell_id = cell.get("id")
    if cell_id and cell_id in _State.by_id:
        return _State.by_id[cell_id]
    return _State.by_source.get(_source(cell))


def _grading() -> bool:
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def failed_answer(
    namespace: Mapping[str, Any] | None = None, known_check: bool = False
) -> Run | None:
    """The failed last run of the answer cell that the running check belongs to, or None.

    Parameters
    ----------
    namespace : mapping, optional
        The learner's variables (to find the notebook on disk).
    known_check : bool
        Only answer for a cell that the notebook on disk shows to be a test cell
        (the error handler); otherwise a cell that calls a check counts as one.
        Without the notebook on disk, or when the answer cell's run is not known
        (no cell id, an unsaved edit), the cell run just before counts as the answer.

    Returns
    -------
    Run or None
        None when the answer cell's last run succeeded, when the running cell is
        not a check, and always under nbgrader.
    """
    current = _State.current
    if current is None or _grading():
        return None
    try:
        cells = notebook_cells(namespace)
    except Exception:  # noqa: BLE001
        cells = []
    index = _index_of(cells, current) if cells else None
    if index is not None:
        if not _is_test_cell(cells[index]):
            return None
        answer = _answer_cell(cells, index)
        if answer is None:
            return None
        run = _run_of(answer)
        if run is not None:
            return run if run.error is not None else None
    elif known_check or cells:
        return None  # not a cell of the notebook on disk: no guess
    last = _State.last
    if last is None or last.error is None or last.source.strip() == current.source.strip():
        return None
    if cells:
        last_index = _index_of(cells, last)
        if last_index is not None and _is_test_cell(cells[last_index]):
            return None  # another question's check failed, not an answer
    return last


def failed_answers(cells: list[dict]) -> dict[str, Run]:
    """Question (test cell grade_id) -> the failed last run of its answer cell."""
    if _grading():
        return {}
    out = {}
    for i, cell in enumerate(cells):
        if not _is_test_cell(cell):
            continue
        answer = _answer_cell(cells, i)
        run = _run_of(answer) if answer is not None else None
        if run is not None and run.error is not None:
            out[nbgrader_meta(cell).get("grade_id", "?")] = run
    return out


def dutch_error(error: BaseException) -> str:
    """``een naam die Python niet kent (NameError)``: the error in words, then its name."""
    name = type(error).__name__
    for kind in type(error).__mro__:
        if kind.__name__ in DUTCH_ERROR_NAMES:
            return f"{DUTCH_ERROR_NAMES[kind.__name__]} (`{name}`)"
    return f"een fout (`{name}`)"


def failed_message(run: Run) -> str:
    """What a check says when the answer cell failed: fix that cell first."""
    if type(run.error).__name__ == "NotImplementedError" and not run.error.args:
        return (
            "Je antwoordcel hierboven is nog niet ingevuld: `raise NotImplementedError()` staat "
            "er nog. Zet je antwoord in die cel en voer hem uit (Shift+Enter). Voer daarna deze "
            "controle opnieuw uit."
        )
    return (
        f"Je antwoordcel hierboven gaf een fout: {dutch_error(run.error)}. Deze controle "
        "kijkt pas naar je antwoord als die cel zonder fout werkt. Herstel eerst je "
        "antwoordcel en voer hem opnieuw uit (Shift+Enter). Voer daarna deze controle opnieuw uit."
    )


def short_failed_message(run: Run) -> str:
    """The self-check's line for a question whose answer cell failed."""
    if type(run.error).__name__ == "NotImplementedError" and not run.error.args:
        return "je antwoordcel is nog niet ingevuld"
    return f"je antwoordcel gaf een fout: {dutch_error(run.error)}; herstel die cel eerst"


def guard_message(
    namespace: Mapping[str, Any] | None = None, known_check: bool = False
) -> str | None:
    """The message for a check whose answer cell failed, or None (the check may judge)."""
    try:
        if namespace is None:
            from .running_notebook import current_shell

            shell = current_shell()
            namespace = shell.user_ns if shell is not None else {}
        run = failed_answer(namespace, known_check)
        return failed_message(run) if run is not None else None
    except Exception:  # noqa: BLE001 - a guard that fails lets the check judge
        return None
