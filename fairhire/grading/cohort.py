"""A synthetic class for tests and demos: learners, submissions and expected scores.

``make_cohort`` writes a submission for every learner and module into
``submitted/<learner>/<module>/`` of an nbgrader course directory, with a
realistic mix: complete, partial (some questions left open), wrong (an answer
of the wrong kind) and blank (the exercise handed in untouched). It returns the
autograded score every test cell should get, so a test can check the grading.

Which test cell an answer feeds is read from the grade ids (``mNN-x-answer``
feeds ``mNN-x``, see docs/authoring.md) and the cells' code: an answer is only
left open or made wrong when no other cell uses the names it defines, so the
expected scores follow without running anything.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .. import submissions
from ..running_notebook import nbgrader_meta
from .codescan import parse

KINDS = ("complete", "partial", "wrong", "blank")
KIND_WEIGHTS = (0.45, 0.25, 0.15, 0.15)

# Fictional names: common Dutch first names and surnames combined at random.
FIRST_NAMES = [
    "Anouk",
    "Bilal",
    "Chantal",
    "Daan",
    "Ewa",
    "Fatma",
    "Gerrit",
    "Hanna",
    "Ilias",
    "Joyce",
    "Kees",
    "Latifa",
    "Mees",
    "Noor",
    "Okan",
    "Priya",
    "Quinten",
    "Rachida",
    "Sven",
    "Tamara",
    "Umut",
    "Vera",
    "Wouter",
    "Xiomara",
    "Yusuf",
    "Zoë",
    "Bram",
    "Lotte",
    "Hamza",
    "Ingrid",
    "Jeroen",
    "Samira",
    "Tim",
    "Mirjam",
    "Kofi",
    "Esther",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "El Amrani",
    "Visser",
    "Smit",
    "Yilmaz",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Kaya",
    "Vos",
    "Peters",
    "Hendriks",
    "Ramdin",
    "van Dijk",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Nowak",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Boateng",
    "Kok",
    "Jacobs",
    "van Leeuwen",
]
BASE_TIME = dt.datetime(2026, 12, 1, 9, 0)


@dataclass(frozen=True)
class Learner:
    """A fictional learner: the nbgrader student id and a first and last name."""

    id: str
    first_name: str
    last_name: str

    @property
    def name(self) -> str:
        """First and last name, as shown in the gradebook."""
        return f"{self.first_name} {self.last_name}"


@dataclass
class Cohort:
    """The learners and, per (learner, module), the kind and expected test scores."""

    learners: list[Learner]
    modules: list[str]
    kinds: dict[tuple[str, str], str] = field(default_factory=dict)
    # (learner, module) -> notebook -> test grade_id -> expected autograded score
    expected: dict[tuple[str, str], dict[str, dict[str, float]]] = field(default_factory=dict)
    timestamps: dict[tuple[str, str], dt.datetime] = field(default_factory=dict)

    def total(self, learner: str, module: str) -> float:
        """Expected autograded total of one learner's module."""
        return sum(sum(cells.values()) for cells in self.expected[(learner, module)].values())


@dataclass
class _Question:
    answer: str
    tests: list[str]
    names: list[str]
    solution: str


def _stored_names(source: str) -> list[str]:
    tree = parse(source)
    if tree is None:
        return []
    names: list[str] = []
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
        for t in targets:
            names += [n.id for n in ast.walk(t) if isinstance(n, ast.Name)]
    return list(dict.fromkeys(names))


def _loaded_names(source: str) -> set[str] | None:
    tree = parse(source)
    if tree is None:
        return None
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def independent_questions(solution: nbformat.NotebookNode) -> list[_Question]:
    """Questions whose answer can be left open or made wrong on its own.

    An answer cell ``X-answer`` feeds test ``X``; it qualifies when it defines
    names and no cell except itself and its test reads them.
    """
    meta = nbgrader_meta
    cells = [(meta(c).get("grade_id"), c) for c in solution.cells if c.cell_type == "code"]
    tests = {gid for gid, c in cells if meta(c).get("grade") and not meta(c).get("solution")}
    out = []
    for gid, cell in cells:
        if not (meta(cell).get("solution") and gid and gid.endswith("-answer")):
            continue
        test = gid[: -len("-answer")]
        if test not in tests:
            continue
        source = submissions.strip_solution_markers(cell.source)
        names = _stored_names(source)
        if not names:
            continue
        used_elsewhere = False
        for other_gid, other in cells:
            if other_gid in (gid, test):
                continue
            loaded = _loaded_names(submissions.strip_solution_markers(other.source))
            if loaded is None or set(names) & loaded:
                used_elsewhere = True
                break
        if not used_elsewhere:
            out.append(_Question(gid, [test], names, source))
    return out


def wrong_answer(question: _Question) -> str:
    """An answer of the wrong kind: every name the answer defines becomes None."""
    return "# fout antwoord (verkeerd soort waarde)\n" + "\n".join(
        f"{name} = None" for name in question.names
    )


def _pick_kind(rng: random.Random) -> str:
    return rng.choices(KINDS, weights=KIND_WEIGHTS)[0]


def learners(n: int, rng: random.Random) -> list[Learner]:
    """Make ``n`` learners with ids ``cursist01``... and random fictional names.

    Every learner gets a different first name as long as there are enough of
    them; the name combinations are always distinct.
    """
    pairs = [(f, last) for f in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(pairs)
    firsts_used: set[str] = set()
    chosen = []
    for first, last in pairs:
        if first in firsts_used and len(firsts_used) < len(FIRST_NAMES):
            continue
        firsts_used.add(first)
        chosen.append((first, last))
        if len(chosen) == n:
            break
    return [Learner(f"cursist{i + 1:02d}", f, last) for i, (f, last) in enumerate(chosen)]


def make_cohort(
    course_dir: str | Path,
    *,
    n_learners: int = 30,
    modules: list[str] | None = None,
    random_state: int = 0,
    due: dt.datetime | None = None,
    late_share: float = 0.1,
    add_to_gradebook: bool = True,
) -> Cohort:
    """Write a synthetic class's submissions into an nbgrader course directory.

    Parameters
    ----------
    course_dir : path
        Course directory with ``nbgrader_config.py``, the source (solutions/)
        and the released student version (exercises/) of each module.
    n_learners : int
        Number of learners (fictional names, ids ``cursist01``...).
    modules : list of str, optional
        Modules to submit; default every module in the release folder.
    random_state : int
        Seed: the same seed gives the same class, files and expected scores.
    due : datetime, optional
        Deadline (naive UTC); about ``late_share`` of submissions come after it.
    add_to_gradebook : bool
        Add the learners (id and name) to the course gradebook.

    Returns
    -------
    Cohort
        Learners, the kind of each submission and the expected test scores.
    """
    from .course import CourseDir

    course = CourseDir.load(course_dir)
    rng = random.Random(random_state)
    release = course.root / course.release
    if modules is None:
        modules = (
            sorted(p.name for p in release.iterdir() if p.is_dir()) if release.is_dir() else []
        )
    people = learners(n_learners, rng)
    cohort = Cohort(people, list(modules))
    for module in modules:
        notebooks = sorted(p.stem for p in (release / module).glob("*.ipynb"))
        pairs = {
            nb: (
                submissions.read(release / module / f"{nb}.ipynb"),
                submissions.read(course.path(course.source, module, f"{nb}.ipynb")),
            )
            for nb in notebooks
        }
        questions = {nb: independent_questions(sol) for nb, (_, sol) in pairs.items()}
        for person in people:
            kind = _pick_kind(rng)
            if kind in ("partial", "wrong") and not any(questions.values()):
                kind = "complete"
            cohort.kinds[(person.id, module)] = kind
            cohort.expected[(person.id, module)] = {}
            folder = course.path(course.submitted, person.id, module)
            for nb, (exercise, solution) in pairs.items():
                points = submissions.autograded_points(solution)
                if kind == "blank":
                    submitted, lost = exercise, set(points)
                else:
                    submitted = submissions.solved_copy(exercise, solution)
                    lost = set()
                    candidates = questions[nb]
                    if kind in ("partial", "wrong") and candidates:
                        k = rng.randint(1, max(1, len(candidates) - 1))
                        chosen = rng.sample(candidates, k)
                        answers = {
                            q.answer: (
                                wrong_answer(q)
                                if kind == "wrong"
                                else submissions.answer_cells(exercise)[q.answer]
                            )
                            for q in chosen
                        }
                        submitted = submissions.fill_answers(submitted, answers)
                        lost = {t for q in chosen for t in q.tests}
                cohort.expected[(person.id, module)][nb] = {
                    gid: (0.0 if gid in lost else pts) for gid, pts in points.items()
                }
                submissions.write(submitted, folder / f"{nb}.ipynb")
            when = BASE_TIME + dt.timedelta(minutes=rng.randint(0, 7 * 24 * 60))
            if due is not None:
                late = rng.random() < late_share
                span = dt.timedelta(minutes=rng.randint(5, 3 * 24 * 60))
                when = due + span if late else due - span
            cohort.timestamps[(person.id, module)] = when
            (folder / "timestamp.txt").write_text(
                when.strftime("%Y-%m-%d %H:%M:%S.%f") + " UTC", encoding="utf-8"
            )
    write_learner_csv(people, course.root / "cursisten.csv")
    if add_to_gradebook:
        from nbgrader.api import Gradebook

        with Gradebook(course.db_url, course.course_id) as gb:
            for person in people:
                gb.update_or_create_student(
                    person.id, first_name=person.first_name, last_name=person.last_name
                )
    return cohort


def write_learner_csv(people: list[Learner], path: Path) -> None:
    """The CSV that ``nbgrader db student import`` reads (id, first_name, last_name)."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "first_name", "last_name"])
        for p in people:
            writer.writerow([p.id, p.first_name, p.last_name])
