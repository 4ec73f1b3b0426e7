"""Read an nbgrader gradebook (any SQLAlchemy URL) into plain, read-only records.

nbgrader's own ``Gradebook`` class creates missing tables when it connects,
which would quietly turn a wrong database into an empty gradebook. The register
only reads: it maps nbgrader's ORM classes onto a plain session and never
writes. Only learner id and name are read, never the e-mail address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

REQUIRED_TABLES = {"assignment", "student", "submitted_assignment", "grade", "grade_cells"}


class RegisterError(RuntimeError):
    """Bad input for the register; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class Learner:
    """A learner in the gradebook: the nbgrader student id and the full name (may be empty)."""

    id: str
    name: str


@dataclass(frozen=True)
class CellScore:
    """One graded cell of one submission.

    score is None while the cell still needs manual grading.
    """

    grade_id: str
    score: float | None
    max_score: float

    @property
    def full_marks(self) -> bool:
        """Whether the cell got all its points (False while it waits for manual grading)."""
        return self.score is not None and self.score >= self.max_score - 1e-9


@dataclass
class Submission:
    """One learner's submission of one module: nbgrader's total score and the graded cells."""

    learner: str
    module: str
    timestamp: dt.datetime | None
    score: float
    max_score: float
    cells: list[CellScore] = field(default_factory=list)
    # why the submission is held back (flagged in the gradebook), None when it is not
    flag: str | None = None

    @property
    def pending(self) -> list[str]:
        """Cells that still need manual grading."""
        return [c.grade_id for c in self.cells if c.score is None]


@dataclass
class ModuleInfo:
    """A module (nbgrader assignment): due date, points available and its graded cells' ids."""

    name: str
    duedate: dt.datetime | None
    max_score: float
    grade_ids: list[str]


@dataclass
class GradebookData:
    """Everything the register reads: learners, modules and submissions by (learner, module)."""

    learners: list[Learner]
    modules: list[ModuleInfo]
    submissions: dict[tuple[str, str], Submission]


def _check_url(url: str):
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise RegisterError(
            f"'{url}' is geen geldige database-URL. Voorbeelden: sqlite:///gradebook.db of "
            "postgresql://gebruiker@server/gradebook."
        ) from None
    if parsed.drivername.startswith("sqlite"):
        database = parsed.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            raise RegisterError("Geef het SQLite-bestand op, bijvoorbeeld sqlite:///gradebook.db.")
        if not Path(database).is_file():
            raise RegisterError(
                f"Het cijferbestand {database} bestaat niet. Controleer het pad "
                "(sqlite:/// gevolgd door het pad naar gradebook.db)."
            )
    return parsed


def read(url: str) -> GradebookData:
    """Read learners, modules and submissions from the gradebook at ``url``.

    Raises
    ------
    RegisterError
        For a wrong URL, an unreachable database, a database without nbgrader
        tables, and a gradebook without modules or learners.
    """
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.exc import NoSuchModuleError, SQLAlchemyError
    from sqlalchemy.orm import Session

    parsed = _check_url(url)
    try:
        engine = create_engine(parsed)
    except NoSuchModuleError:
        raise RegisterError(
            f"Onbekend databasetype '{parsed.drivername}'. Gebruik sqlite:/// of postgresql://."
        ) from None
    except (ImportError, SQLAlchemyError) as exc:
        raise RegisterError(
            f"Kan geen verbinding maken met {parsed.render_as_string()}: {_first_line(exc)}"
        ) from None
    try:
        try:
            with engine.connect() as conn:
                tables = set(inspect(conn).get_table_names())
        except SQLAlchemyError as exc:
            raise RegisterError(
                f"De database is niet bereikbaar ({parsed.render_as_string(hide_password=True)}): "
                f"{_first_line(exc)}"
            ) from None
        missing = REQUIRED_TABLES - tables
        if missing:
            raise RegisterError(
                "Dit is geen nbgrader-cijferbestand (tabellen ontbreken: "
                f"{', '.join(sorted(missing))}). Geef de database op die nbgrader "
                "gebruikt (standaard gradebook.db in de cursusmap)."
            )
        with Session(engine) as session:
            try:
                data = _load(session)
            except SQLAlchemyError as exc:
                raise RegisterError(
                    f"Het cijferbestand kan niet worden gelezen: {_first_line(exc)}. "
                    "Is het gemaakt met nbgrader 0.9?"
                ) from None
    finally:
        engine.dispose()
    if not data.modules:
        raise RegisterError(
            "Het cijferbestand is leeg: er staan geen modules in. Zet de modules "
            "klaar met 'nbgrader generate_assignment' en kijk ze na met "
            "'fairhire grade'."
        )
    if not data.learners:
        raise RegisterError(
            "Het cijferbestand heeft geen cursisten. Voeg ze toe met "
            "'nbgrader db student add' of 'nbgrader db student import'."
        )
    return data


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


FLAG_PREFIX = "fairhire:"
FLAG_SUFFIX = "Zie het nakijkrapport"


def _flag(sub) -> str | None:
    """Why a submission is held back: the reason ``fairhire grade`` wrote, or None.

    ``fairhire grade`` flags a notebook that failed or looked suspect (in
    nbgrader's own ``flagged`` column, so this works for any gradebook
    database) and puts the reason in the automatic comments. The trainer
    resolves it by removing the flag in the formgrader (after grading by hand).
    """
    flagged = [nb for nb in sub.notebooks if nb.flagged]
    if not flagged:
        return None
    for nb in flagged:
        for comment in nb.comments:
            text = (comment.auto_comment or "").strip()
            if text.startswith(FLAG_PREFIX):
                text = text.removeprefix(FLAG_PREFIX).split(FLAG_SUFFIX)[0].strip()
                return text or "gemarkeerd bij het nakijken."
    return "gemarkeerd in de formgrader."


def _load(session) -> GradebookData:
    from nbgrader.api import Assignment, Student, SubmittedAssignment

    learners = []
    for s in session.query(Student).order_by(Student.id):
        name = " ".join(p for p in (s.first_name, s.last_name) if p)
        learners.append(Learner(s.id, name))
    modules = []
    for a in session.query(Assignment).order_by(Assignment.name):
        cells = sorted(
            (c for nb in a.notebooks for c in nb.grade_cells),
            key=lambda c: (c.notebook.name, c.name),
        )
        modules.append(
            ModuleInfo(
                a.name, a.duedate, float(sum(c.max_score for c in cells)), [c.name for c in cells]
            )
        )
    submissions = {}
    for sub in session.query(SubmittedAssignment):
        cells = []
        for nb in sub.notebooks:
            for g in nb.grades:
                if g.manual_score is None and g.needs_manual_grade:
                    score = None  # waits for the trainer
                elif g.manual_score is not None:
                    score = float(g.manual_score) + float(g.extra_credit or 0)
                elif g.auto_score is not None:
                    score = float(g.auto_score) + float(g.extra_credit or 0)
                else:
                    score = None
                cells.append(CellScore(g.name, score, float(g.max_score)))
        cells.sort(key=lambda c: c.grade_id)
        submissions[(sub.student.id, sub.assignment.name)] = Submission(
            sub.student.id,
            sub.assignment.name,
            sub.timestamp,
            float(sub.score),
            float(sub.max_score),
            cells,
            _flag(sub),
        )
    return GradebookData(learners, modules, submissions)
