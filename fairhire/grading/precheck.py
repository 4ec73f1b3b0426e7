"""Check a submitted folder before it is graded.

Finds what nbgrader's CSV hides: files that are not notebooks, missing or
renamed notebooks, extra files, deleted, edited or duplicated locked and test
cells (against the gradebook's checksums), a changed kernel, late submission,
and suspicious code in the cells a learner writes (see ``codescan``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..running_notebook import nbgrader_meta
from . import codescan
from .course import read_timestamp
from .definitions import ModuleDef, NotebookDef
from .findings import Finding

IGNORED_PARTS = {".ipynb_checkpoints", "__pycache__", ".DS_Store"}
MODULE_SUFFIXES = (".py", ".pyc", ".so", ".pth", ".pyd")
EXCHANGE_FILES = ("timestamp.txt", "submission_secret.txt")  # nbgrader's own, not the learner's


@dataclass
class Precheck:
    """The outcome for one learner's folder of one module."""

    student: str
    module: str
    findings: list[Finding] = field(default_factory=list)
    # expected notebook name -> the file that holds it (may have another name)
    notebooks: dict[str, Path] = field(default_factory=dict)
    timestamp: dt.datetime | None = None

    @property
    def suspect(self) -> bool:
        """Whether a finding marks the submission as suspect (points to be withheld)."""
        return any(f.severity == "suspect" for f in self.findings)

    @property
    def gradable(self) -> bool:
        """Whether at least one expected notebook was found, so grading can run."""
        return bool(self.notebooks)


def _read_notebook(path: Path) -> tuple[nbformat.NotebookNode | None, Finding | None]:
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8")
        json.loads(text)
    except UnicodeDecodeError:
        return None, Finding(
            "invalid-json",
            "failed",
            f"{name} is geen tekstbestand (geen UTF-8). "
            "Het kan niet worden nagekeken en telt als 0.",
            notebook=path.stem,
        )
    except json.JSONDecodeError as exc:
        return None, Finding(
            "invalid-json",
            "failed",
            f"{name} is beschadigd: geen geldige JSON (regel {exc.lineno}: "
            f"{exc.msg}). Het kan niet worden nagekeken en telt als 0. Vraag de "
            "cursist het notebook opnieuw op te slaan en in te leveren.",
            notebook=path.stem,
        )
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat raises several kinds for a non-notebook
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        return None, Finding(
            "not-a-notebook",
            "failed",
            f"{name} is wel JSON maar geen geldig notebook ({reason}). Het kan "
            "niet worden nagekeken en telt als 0.",
            notebook=path.stem,
        )
    return nb, None


def _grade_ids(nb: nbformat.NotebookNode) -> list[str]:
    return [gid for c in nb.cells if (gid := nbgrader_meta(c).get("grade_id"))]


def _files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not (set(p.relative_to(folder).parts) & IGNORED_PARTS)
    )


def _expected_checksum(cell_def, submitted_cell) -> str:
    from nbgrader.utils import compute_checksum

    expected = nbformat.from_dict(
        {
            "cell_type": cell_def.cell_type,
            "source": cell_def.released_source,
            "metadata": {
                "nbgrader": {
                    "grade_id": cell_def.grade_id,
                    "grade": cell_def.grade,
                    "solution": cell_def.solution,
                    "locked": cell_def.locked,
                    "points": cell_def.points,
                }
            },
        }
    )
    return compute_checksum(expected)


def check_cells(nb: nbformat.NotebookNode, nbdef: NotebookDef) -> list[Finding]:
    """Compare one submitted notebook's cells with the gradebook's definition."""
    from nbgrader.utils import compute_checksum

    findings: list[Finding] = []
    name = nbdef.name
    ids = _grade_ids(nb)
    for gid, count in sorted(Counter(ids).items()):
        if count > 1 and nbdef.cell(gid):
            findings.append(
                Finding(
                    "duplicate-cell",
                    "warning",
                    f"Cel {gid} staat {count} keer in het notebook. nbgrader kijkt "
                    "alleen de laatste na.",
                    notebook=name,
                    cell=gid,
                )
            )
    present = set(ids)
    for cdef in nbdef.cells:
        if cdef.grade_id in present:
            continue
        if cdef.autograded or cdef.task:
            msg = (
                f"Testcel {cdef.grade_id} is verwijderd. fairhire grade zet hem terug (met de "
                "verborgen tests) en kijkt hem gewoon na; kale nbgrader markeert hem stil als "
                "'handmatig nakijken'."
            )
        elif cdef.solution:
            msg = (
                f"Antwoordcel {cdef.grade_id} is verwijderd; het antwoord ontbreekt dus. "
                "Kijk of de cursist het antwoord ergens anders heeft gezet."
            )
        else:
            msg = (
                f"Vergrendelde cel {cdef.grade_id} is verwijderd. nbgrader zet die niet terug; "
                "cellen die hem nodig hebben kunnen daardoor mislukken."
            )
        findings.append(Finding("deleted-cell", "warning", msg, notebook=name, cell=cdef.grade_id))
    seen: set[str] = set()
    for cell in nb.cells:
        gid = nbgrader_meta(cell).get("grade_id")
        cdef = nbdef.cell(gid) if gid else None
        if cdef is None or gid in seen or not cdef.locked:
            continue
        seen.add(gid)
        try:
            actual = compute_checksum(cell)
        except (KeyError, ValueError, TypeError):
            actual = ""
        if actual == _expected_checksum(cdef, cell):
            continue
        if cell.source != cdef.released_source or cell.cell_type != cdef.cell_type:
            findings.append(
                Finding(
                    "edited-locked-cell",
                    "warning",
                    f"Vergrendelde cel {gid} is aangepast. nbgrader zet bij het "
                    "nakijken de oorspronkelijke cel terug.",
                    notebook=name,
                    cell=gid,
                )
            )
        else:
            findings.append(
                Finding(
                    "changed-metadata",
                    "warning",
                    f"De nbgrader-gegevens van cel {gid} zijn aangepast (bijvoorbeeld "
                    "het aantal punten). nbgrader herstelt ze bij het nakijken.",
                    notebook=name,
                    cell=gid,
                )
            )
    want = _kernel_name(nbdef.kernelspec)
    got = nb.metadata.get("kernelspec", {}).get("name")
    if want and got and want != got:
        findings.append(
            Finding(
                "changed-kernel",
                "info",
                f"Het notebook gebruikt kernel '{got}' in plaats van '{want}'; "
                f"nbgrader gebruikt bij het nakijken '{want}'.",
                notebook=name,
            )
        )
    findings.extend(scan_code(nb, nbdef))
    return findings


def _kernel_name(kernelspec: str | None) -> str | None:
    if not kernelspec:
        return None
    try:
        return json.loads(kernelspec).get("name")
    except (json.JSONDecodeError, AttributeError):
        return None


def scan_code(nb: nbformat.NotebookNode, nbdef: NotebookDef) -> list[Finding]:
    """Scan the code a learner wrote: answer cells and cells they added."""
    ctx = codescan.context_from(
        [c.source for c in nbdef.cells if c.locked and c.cell_type == "code" and not c.grade],
        [c.source for c in nbdef.cells if c.autograded],
    )
    findings = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        gid = nbgrader_meta(cell).get("grade_id")
        cdef = nbdef.cell(gid) if gid else None
        if cdef is not None and cdef.locked:
            continue  # nbgrader puts locked cells back, so what a learner typed there never runs
        where = gid or "een toegevoegde cel"
        for s in codescan.scan(cell.source, ctx):
            if s.level == "blocking":
                findings.append(
                    Finding(
                        "suspicious-code",
                        "suspect",
                        f"{where}, regel {s.line}: {s.reason}. De punten staan op 0 "
                        "tot je het hebt bekeken.",
                        notebook=nbdef.name,
                        cell=gid or "",
                    )
                )
            else:
                findings.append(
                    Finding(
                        "rebinds-given-name",
                        "warning",
                        f"{where}, regel {s.line}: {s.reason}.",
                        notebook=nbdef.name,
                        cell=gid or "",
                    )
                )
    return findings


def precheck(folder: str | Path, module: ModuleDef, *, student: str = "") -> Precheck:
    """Check one submitted folder (``submitted/<learner>/<module>``)."""
    folder = Path(folder)
    result = Precheck(student=student or folder.parent.name, module=module.name)
    result.timestamp = read_timestamp(folder)
    expected = {nb.name: nb for nb in module.notebooks}
    files = _files(folder) if folder.is_dir() else []
    top_notebooks = [p for p in files if p.suffix == ".ipynb" and p.parent == folder]
    parsed: dict[Path, nbformat.NotebookNode] = {}
    for path in top_notebooks:
        nb, problem = _read_notebook(path)
        if problem is not None:
            if path.stem not in expected:
                problem = Finding(
                    problem.code,
                    "info",
                    problem.message.split(". Het kan")[0]
                    + "; het hoort niet bij de opdracht en wordt genegeerd.",
                    notebook=path.stem,
                )
            result.findings.append(problem)
        else:
            parsed[path] = nb
    by_name = {p.stem: p for p in parsed}
    used: set[Path] = set()
    invalid = {f.notebook for f in result.findings if f.severity == "failed"}
    for name, nbdef in expected.items():
        if name in by_name:
            result.notebooks[name] = by_name[name]
            used.add(by_name[name])
            continue
        if name in invalid:
            continue
        wanted = {c.grade_id for c in nbdef.cells}
        candidates = [
            p
            for p in parsed
            if p.stem not in expected
            and p not in used
            and len(wanted & set(_grade_ids(parsed[p]))) >= max(1, len(wanted) // 2)
        ]
        if len(candidates) == 1:
            path = candidates[0]
            result.notebooks[name] = path
            used.add(path)
            result.findings.append(
                Finding(
                    "renamed-notebook",
                    "info",
                    f"'{path.name}' is hernoemd; het is nagekeken als "
                    f"{name}.ipynb. Vraag de cursist de naam niet te veranderen.",
                    notebook=name,
                )
            )
        else:
            found = ", ".join(p.name for p in top_notebooks) or "geen enkel notebook"
            result.findings.append(
                Finding(
                    "missing-notebook",
                    "failed",
                    f"{name}.ipynb ontbreekt (ingeleverd: {found}). Dit notebook telt als 0.",
                    notebook=name,
                )
            )
    extra = [
        p
        for p in files
        if p not in used
        and str(p.relative_to(folder)) not in EXCHANGE_FILES
        and (p not in top_notebooks or p in parsed)
    ]
    modules = sorted(
        {
            str(p.relative_to(folder))
            for p in extra
            if p.suffix in MODULE_SUFFIXES or p.name == "__init__.py"
        }
    )
    if modules:
        result.findings.append(
            Finding(
                "shadowing-module",
                "warning",
                "Meegestuurde Python-bestanden kunnen modules vervangen die "
                f"de tests gebruiken: {', '.join(modules)}. Ze zijn niet "
                "meegenomen bij het nakijken.",
            )
        )
    others = sorted(
        str(p.relative_to(folder)) for p in extra if str(p.relative_to(folder)) not in modules
    )
    if others:
        shown = ", ".join(others[:8]) + (f" en nog {len(others) - 8}" if len(others) > 8 else "")
        result.findings.append(
            Finding(
                "extra-files",
                "info",
                f"Extra bestanden, niet meegenomen bij het nakijken: {shown}.",
            )
        )
    for name, path in sorted(result.notebooks.items()):
        result.findings.extend(check_cells(parsed[path], expected[name]))
    if result.timestamp and module.duedate and result.timestamp > module.duedate:
        late = result.timestamp - module.duedate
        result.findings.append(
            Finding(
                "late",
                "info",
                f"Te laat ingeleverd: {format_delay(late)} na de deadline "
                f"({module.duedate:%d-%m-%Y %H:%M} UTC).",
            )
        )
    return result


def format_delay(delta: dt.timedelta) -> str:
    """'2 dagen en 3 uur', '45 minuten' (Dutch, rounded down)."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} dag" + ("en" if days != 1 else ""))
    if hours:
        parts.append(f"{hours} uur")
    if not days and mins:
        parts.append(f"{mins} minu" + ("ten" if mins != 1 else "ut"))
    return " en ".join(parts) or "minder dan een minuut"
