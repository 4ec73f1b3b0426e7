"""What the gradebook knows about a module: notebooks, cells, points, checksums.

`nbgrader generate_assignment` stores every locked and graded cell with its
source and checksum. The pre-check compares submissions with this, and each
isolated grading run gets a fresh gradebook holding only this (no learner data).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from ..running_notebook import HIDDEN_BEGIN


@dataclass(frozen=True)
class CellDef:
    """One cell as stored by ``generate_assignment``."""

    grade_id: str
    cell_type: str
    locked: bool
    source: str
    checksum: str
    grade: bool = False
    solution: bool = False
    task: bool = False
    points: float = 0.0

    @property
    def released_source(self) -> str:
        """The source as learners receive it (hidden tests removed)."""
        return strip_hidden_tests(self.source)

    @property
    def autograded(self) -> bool:
        """A test cell whose points the autograder decides."""
        return self.grade and self.cell_type == "code" and not self.solution


@dataclass
class NotebookDef:
    """One notebook of a module: its name, kernel and locked or graded cells."""

    name: str
    kernelspec: str | None
    cells: list[CellDef] = field(default_factory=list)

    def cell(self, grade_id: str) -> CellDef | None:
        """The cell with this nbgrader grade id, or None if the notebook has none."""
        return next((c for c in self.cells if c.grade_id == grade_id), None)

    @property
    def max_score(self) -> float:
        """Points available in this notebook: graded cells and tasks."""
        return sum(c.points for c in self.cells if c.grade or c.task)

    @property
    def max_auto_score(self) -> float:
        """Points the autograder decides in this notebook (test cells only)."""
        return sum(c.points for c in self.cells if c.autograded)


@dataclass
class ModuleDef:
    """A module (an nbgrader assignment) as the gradebook defines it."""

    name: str
    duedate: dt.datetime | None
    notebooks: list[NotebookDef] = field(default_factory=list)

    def notebook(self, name: str) -> NotebookDef | None:
        """The notebook with this nbgrader name, or None if the module has none."""
        return next((n for n in self.notebooks if n.name == name), None)

    @property
    def max_score(self) -> float:
        """Points available in the whole module."""
        return sum(n.max_score for n in self.notebooks)

    @property
    def max_auto_score(self) -> float:
        """Points the autograder decides in the whole module."""
        return sum(n.max_auto_score for n in self.notebooks)


def strip_hidden_tests(source: str) -> str:
    """Remove ``### BEGIN/END HIDDEN TESTS`` regions, as nbgrader's ClearHiddenTests does."""
    if HIDDEN_BEGIN not in source:
        return source
    from nbformat.v4 import new_code_cell
    from nbgrader.preprocessors import ClearHiddenTests

    cell = new_code_cell(source)
    ClearHiddenTests()._remove_hidden_test_region(cell)
    return cell.source


def load(db_url: str, course_id: str, module: str) -> ModuleDef:
    """Read one module's definitions from a gradebook.

    Raises
    ------
    KeyError
        When the gradebook has no assignment called ``module``.
    """
    from nbgrader.api import Gradebook, GradeCell, MissingEntry, SolutionCell, TaskCell

    with Gradebook(db_url, course_id) as gb:
        try:
            assignment = gb.find_assignment(module)
        except MissingEntry:
            raise KeyError(module) from None
        result = ModuleDef(module, assignment.duedate)
        for nb in sorted(assignment.notebooks, key=lambda n: n.name):
            kinds: dict[str, dict] = {}
            for cell in nb._base_cells:
                info = kinds.setdefault(cell.name, {})
                if isinstance(cell, GradeCell):
                    info.update(grade=True, points=float(cell.max_score))
                elif isinstance(cell, TaskCell):
                    info.update(task=True, points=float(cell.max_score))
                elif isinstance(cell, SolutionCell):
                    info.update(solution=True)
            cells = [
                CellDef(
                    grade_id=sc.name,
                    cell_type=sc.cell_type,
                    locked=bool(sc.locked),
                    source=sc.source or "",
                    checksum=sc.checksum or "",
                    **kinds.get(sc.name, {}),
                )
                for sc in nb.source_cells
            ]
            result.notebooks.append(NotebookDef(nb.name, nb.kernelspec, cells))
    return result


@functools.cache
def _alembic_head() -> str:
    """The newest revision of nbgrader's gradebook schema, as ``alembic heads`` reports it.

    nbgrader's ``Gradebook`` learns this for a new database by running the
    ``alembic`` command in a new Python process (``nbgrader.api.get_alembic_version``),
    which costs 3-10 s per module on a busy machine. This asks alembic in this
    process, from the same migration scripts.
    """
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from nbgrader.dbutil import _temp_alembic_ini

    with _temp_alembic_ini("sqlite:///gradebook.db") as alembic_ini:
        heads = ScriptDirectory.from_config(Config(alembic_ini)).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"nbgrader's gradebook schema has {len(heads)} heads")
    return heads[0]


def _create_schema(db_url: str) -> None:
    """Create nbgrader's empty gradebook at ``db_url``, as ``Gradebook()`` does for a new one.

    The same tables (nbgrader's own ``Base.metadata``) and the same
    ``alembic_version`` row; only the revision is found in this process
    (:func:`_alembic_head`). A database that has tables already is left alone.
    """
    from nbgrader.api import Base
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(db_url, future=True)
    try:
        if inspect(engine).get_table_names():
            return
        head = _alembic_head()
        Base.metadata.create_all(bind=engine)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL);"))
            conn.execute(
                text("INSERT INTO alembic_version (version_num) VALUES (:head)"), {"head": head}
            )
    finally:
        engine.dispose()


def write_template(definition: ModuleDef, db_url: str, course_id: str) -> None:
    """Create a gradebook at ``db_url`` that holds only ``definition``.

    Cells are added in notebook order, which nbgrader relies on when it puts a
    deleted test cell back (``OverwriteCells.add_missing_cells``).
    """
    from nbgrader.api import Gradebook

    _create_schema(db_url)
    with Gradebook(db_url, course_id) as gb:
        gb.update_or_create_assignment(
            definition.name, duedate=definition.duedate, course_id=course_id
        )
        for nb in definition.notebooks:
            gb.update_or_create_notebook(nb.name, definition.name, kernelspec=nb.kernelspec)
            for c in nb.cells:
                if c.grade:
                    gb.update_or_create_grade_cell(
                        c.grade_id,
                        nb.name,
                        definition.name,
                        max_score=c.points,
                        cell_type=c.cell_type,
                    )
                if c.task:
                    gb.update_or_create_task_cell(
                        c.grade_id,
                        nb.name,
                        definition.name,
                        max_score=c.points,
                        cell_type=c.cell_type,
                    )
                if c.solution:
                    gb.update_or_create_solution_cell(c.grade_id, nb.name, definition.name)
                gb.update_or_create_source_cell(
                    c.grade_id,
                    nb.name,
                    definition.name,
                    cell_type=c.cell_type,
                    locked=c.locked,
                    source=c.source,
                    checksum=c.checksum,
                )
