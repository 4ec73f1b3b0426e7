"""``fairhire grading-report``: what nbgrader's grade CSV does not tell a trainer.

nbgrader's export shows 0.0 both for a learner who answered everything wrong
and for a notebook it could not grade at all. This report puts the gradebook
next to the submitted files, the graded notebooks and the log of
``fairhire grade``, and gives every learner and module a status:

=================  ==========================================================
nagekeken          graded; the score is real
0 punten (echt)    graded, and really nothing right
MISLUKT            could not be graded (broken file, timeout, kernel died ...)
VERDACHT           suspicious code: points withheld until the trainer looks
nog niet nagekeken submitted but not (yet) autograded
niet ingeleverd    nothing submitted
=================  ==========================================================

plus late submissions, cells that need manual grading and every finding.
Works after plain ``nbgrader autograde`` too (then without the run log).
"""

from __future__ import annotations

import csv
import html
import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..running_notebook import nbgrader_meta
from . import definitions
from .course import CourseDir
from .findings import SEVERITIES, Finding
from .grade import load_log
from .precheck import format_delay, precheck

STATUS_NL = {
    "graded": "nagekeken",
    "zero": "0 punten (echt)",
    "failed": "MISLUKT",
    "suspect": "VERDACHT",
    "not-graded": "nog niet nagekeken",
    "not-submitted": "niet ingeleverd",
}
STATUS_ORDER = ["failed", "suspect", "not-graded", "zero", "graded", "not-submitted"]


@dataclass
class Row:
    """One learner and one module."""

    student: str
    name: str
    module: str
    status: str
    score: float | None
    max_score: float
    late: str = ""
    manual: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def status_nl(self) -> str:
        """The status in Dutch, as the report shows it."""
        return STATUS_NL[self.status]

    def points(self) -> str:
        """Score as ``"score/max"`` with Dutch decimal commas, ``"-"`` when there is none."""
        if self.score is None:
            return "-"
        return f"{_num(self.score)}/{_num(self.max_score)}"

    def notes(self, min_severity: str = "info") -> list[Finding]:
        """The findings of at least ``min_severity`` (see ``findings.SEVERITIES``)."""
        rank = SEVERITIES.index(min_severity)
        return [f for f in self.findings if SEVERITIES.index(f.severity) >= rank]


def _num(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _graded_test_failures(folder: Path) -> list[Finding]:
    """The first error line of each failed test cell in the graded notebooks."""
    out = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            nb = nbformat.read(str(path), as_version=4)
        except Exception:  # noqa: BLE001 - unreadable graded notebook: nothing to add
            continue
        for cell in nb.cells:
            meta = nbgrader_meta(cell)
            if not (meta.get("grade") and cell.cell_type == "code" and not meta.get("solution")):
                continue
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    text = f"{output.get('ename', '')}: {output.get('evalue', '')}".strip(": ")
                    text = text.splitlines()[0][:160] if text else "fout"
                    out.append(
                        Finding(
                            "test-failed",
                            "info",
                            f"{meta['grade_id']}: {text}",
                            notebook=path.stem,
                            cell=meta["grade_id"],
                        )
                    )
                    break
    return out


def build(course: CourseDir, modules: list[str] | None = None) -> list[Row]:
    """Report rows for every learner (gradebook or submitted/) and module."""
    from nbgrader.api import Gradebook, MissingEntry

    rows: list[Row] = []
    with Gradebook(course.db_url, course.course_id) as gb:
        names = {s.id: " ".join(p for p in (s.first_name, s.last_name) if p) for s in gb.students}
        known = sorted(a.name for a in gb.assignments)
        modules = modules or known
        for module in modules:
            if module not in known:
                raise KeyError(module)
            moddef = definitions.load(course.db_url, course.course_id, module)
            outcomes = load_log(course, module)
            learners = sorted(set(names) | set(course.submitted_students(module)))
            for student in learners:
                try:
                    sub = gb.find_submission(module, student)
                except MissingEntry:
                    sub = None
                rows.append(
                    _row(
                        course, moddef, student, names.get(student, ""), sub, outcomes.get(student)
                    )
                )
    return sorted(rows, key=lambda r: (r.module, r.student))


def _row(course: CourseDir, moddef, student: str, name: str, sub, outcome) -> Row:
    module = moddef.name
    folder = course.path(course.submitted, student, module)
    graded_dir = course.path(course.autograded, student, module)
    row = Row(student, name, module, "not-submitted", None, moddef.max_score)
    if not folder.is_dir() and sub is None:
        return row
    check = precheck(folder, moddef, student=student) if folder.is_dir() else None
    findings: list[Finding] = list(check.findings) if check else []
    if outcome is not None:
        # runtime findings from the run log; static ones are recomputed above
        static = {(f.code, f.notebook, f.cell) for f in findings}
        findings += [f for f in outcome.findings if (f.code, f.notebook, f.cell) not in static]
    if sub is None:
        row.status = "not-graded"
        row.findings = findings + [
            Finding(
                "not-graded",
                "warning",
                f"Ingeleverd maar nog niet nagekeken: voer 'fairhire grade {module}' uit.",
            )
        ]
        return row
    row.score = float(sub.score)
    row.manual = sorted(
        g.name
        for nb in sub.notebooks
        for g in nb.grades
        if g.needs_manual_grade and g.manual_score is None
    )
    graded_notebooks = (
        {p.stem for p in graded_dir.glob("*.ipynb")} if graded_dir.is_dir() else set()
    )
    submitted = set(check.notebooks) if check else set()
    if outcome is not None:
        status = outcome.status
    elif submitted and not (submitted & graded_notebooks):
        status = "failed"
        findings.append(
            Finding(
                "nbgrader-error",
                "failed",
                "nbgrader heeft geen nagekeken notebook gemaakt (autograde mislukt; "
                "zie de uitvoer van nbgrader). In de CSV staat een 0 die geen echte "
                "0 is.",
            )
        )
    elif check is not None and not check.gradable:
        status = "failed"
    elif check is not None and check.suspect:
        status = "suspect"
    else:
        status = "graded"
    if status == "graded" and any(nb.flagged for nb in sub.notebooks) and outcome is None:
        status = "suspect"
    if status == "failed":
        row.manual = []  # nothing to grade by hand in a notebook that was not graded
    if status == "graded" and row.score == 0 and not row.manual:
        status = "zero"
    if graded_dir.is_dir() and status in ("graded", "zero", "suspect"):
        findings += _graded_test_failures(graded_dir)
    if row.manual:
        findings.append(
            Finding(
                "needs-manual-grade",
                "info",
                f"Handmatig nakijken in de formgrader: {', '.join(row.manual)}.",
            )
        )
    if check and check.timestamp and moddef.duedate and check.timestamp > moddef.duedate:
        row.late = format_delay(check.timestamp - moddef.duedate)
    row.status = status
    row.findings = findings
    return row


# --- output -----------------------------------------------------------------------------------


def _labels(row: Row) -> str:
    seen = []
    for f in row.findings:
        if f.code in ("late", "needs-manual-grade", "test-failed"):
            continue
        if f.label not in seen:
            seen.append(f.label)
    return ", ".join(seen)


def format_table(rows: list[Row], width: int | None = None) -> str:
    """A Dutch text table plus the details that need the trainer's attention."""
    width = width or shutil.get_terminal_size((120, 20)).columns
    header = [
        "Cursist",
        "Naam",
        "Module",
        "Status",
        "Punten",
        "Te laat",
        "Handm.",
        "Bijzonderheden",
    ]
    body = [
        [
            r.student,
            r.name,
            r.module,
            r.status_nl,
            r.points(),
            r.late or "",
            str(len(r.manual) or ""),
            _labels(r),
        ]
        for r in rows
    ]
    widths = [
        max(len(h), *(len(b[i]) for b in body)) if body else len(h) for i, h in enumerate(header)
    ]
    fixed = sum(widths[:-1]) + 2 * (len(widths) - 1)
    widths[-1] = max(14, min(widths[-1], width - fixed))

    def line(cells):
        parts = [
            c[:w].ljust(w) if len(c) <= w else c[: w - 1] + "…"
            for c, w in zip(cells, widths, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out += [line(b) for b in body]
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUS_ORDER}
    out.append("")
    out.append("Samenvatting: " + ", ".join(f"{STATUS_NL[s]}: {n}" for s, n in counts.items() if n))
    attention = [r for r in rows if r.notes("warning")]
    if attention:
        out.append("")
        out.append("Wat je moet bekijken:")
        for r in sorted(
            attention, key=lambda r: (STATUS_ORDER.index(r.status), r.module, r.student)
        ):
            out.append(f"* {r.student} ({r.module}, {r.status_nl}):")
            for f in r.notes("warning"):
                out.append(f"    - {f.message}")
    manual = [r for r in rows if r.manual]
    if manual:
        out.append("")
        out.append(
            "Handmatig nakijken (formgrader): "
            + ", ".join(f"{r.student} ({r.module})" for r in manual)
        )
    return "\n".join(out)


CSV_COLUMNS = [
    "student_id",
    "name",
    "module",
    "status",
    "status_nl",
    "score",
    "max_score",
    "late",
    "needs_manual_grade",
    "findings",
    "details",
]


def to_csv(rows: list[Row]) -> str:
    """The report as CSV text: a header of ``CSV_COLUMNS``, then one line per row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r.student,
                r.name,
                r.module,
                r.status,
                r.status_nl,
                "" if r.score is None else f"{r.score:g}",
                f"{r.max_score:g}",
                r.late,
                ";".join(r.manual),
                ";".join(sorted({f.code for f in r.findings})),
                " | ".join(f.message for f in r.findings),
            ]
        )
    return buf.getvalue()


_COLOURS = {
    "failed": "#f8d7da",
    "suspect": "#fff3cd",
    "not-graded": "#e2e3e5",
    "zero": "#fde2c8",
    "graded": "#d1e7dd",
    "not-submitted": "#f1f1f1",
}


def to_html(rows: list[Row], title: str = "Nakijkrapport") -> str:
    """The report as a standalone HTML page: counts per status, then a coloured table."""
    e = html.escape
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUS_ORDER}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(title)}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}"
        "ul{margin:0;padding-left:1.2em}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(title)}</h1>",
        "<p>Een 0 in de cijferlijst van nbgrader kan een echte 0 zijn, maar ook een notebook dat "
        "niet kon worden nagekeken. Dit rapport laat het verschil zien.</p>",
        '<ul class="summary">',
    ]
    parts += [f"<li>{e(STATUS_NL[s])}: {n}</li>" for s, n in counts.items() if n]
    parts += [
        "</ul>",
        "<table>",
        "<thead><tr><th>Cursist</th><th>Naam</th><th>Module</th>"
        "<th>Status</th><th>Punten</th><th>Te laat</th><th>Handmatig nakijken</th>"
        "<th>Bijzonderheden</th></tr></thead>",
        "<tbody>",
    ]
    for r in rows:
        notes = "".join(
            f'<li class="{e(f.severity)}" data-code="{e(f.code)}">{e(f.message)}</li>'
            for f in r.findings
        )
        parts.append(
            f'<tr data-student="{e(r.student)}" data-module="{e(r.module)}" data-status="{e(r.status)}" '
            f'style="background:{_COLOURS[r.status]}">'
            f"<td>{e(r.student)}</td><td>{e(r.name)}</td><td>{e(r.module)}</td>"
            f"<td>{e(r.status_nl)}</td><td>{e(r.points())}</td><td>{e(r.late)}</td>"
            f"<td>{e(', '.join(r.manual))}</td><td><ul>{notes}</ul></td></tr>"
        )
    parts += ["</tbody>", "</table>", "</body>", "</html>", ""]
    return "\n".join(parts)


def write(rows: list[Row], out_dir: Path) -> tuple[Path, Path]:
    """Write ``nakijkrapport.csv`` and ``nakijkrapport.html`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path, html_path = out_dir / "nakijkrapport.csv", out_dir / "nakijkrapport.html"
    csv_path.write_text(to_csv(rows), encoding="utf-8")
    html_path.write_text(to_html(rows), encoding="utf-8")
    return csv_path, html_path
