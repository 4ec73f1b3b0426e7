"""register.csv (data, English columns) and register.xlsx (for people, Dutch headers).

Both are byte-identical for the same gradebook: rows are sorted, and the XLSX
gets fixed document dates and fixed times inside its zip archive (openpyxl
would otherwise stamp the current time).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

from .. import objectives
from .records import Register, Row

CSV_COLUMNS = [
    "learner_id",
    "name",
    "module",
    "status",
    "score",
    "max_score",
    "percentage",
    "passed",
    "date",
    "objectives_demonstrated",
    "objectives_pending",
    "course_version",
    "note",
]
XLSX_HEADERS = [
    "Cursist-id",
    "Naam",
    "Module",
    "Status",
    "Punten",
    "Maximum",
    "Percentage",
    "Behaald",
    "Datum",
    "Aangetoonde leerdoelen",
    "Nog te beoordelen",
    "Cursusversie",
    "Opmerking",
]
FIXED_TIME = dt.datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def _passed(row: Row) -> str:
    return "" if row.passed is None else ("true" if row.passed else "false")


def to_csv(register: Register) -> str:
    """The register as CSV text: one line per learner and module, English column names."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in register.rows:
        pct = r.percentage
        writer.writerow(
            [
                r.learner_id,
                r.name,
                r.module,
                r.status,
                _fmt(r.score),
                _fmt(r.max_score),
                "" if pct is None else f"{pct:.1f}",
                _passed(r),
                r.date.isoformat() if r.date else "",
                ";".join(r.demonstrated),
                ";".join(r.pending),
                r.course_version,
                r.note,
            ]
        )
    return buf.getvalue()


def normalize_zip(data: bytes) -> bytes:
    """The same zip archive with fixed timestamps and attributes, so equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dest.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def to_xlsx(register: Register) -> bytes:
    """The register as an Excel workbook: sheet 'Register' and sheet 'Leerdoelen'."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append(XLSX_HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in register.rows:
        passed = "" if r.passed is None else ("ja" if r.passed else "nee")
        pct = r.percentage
        ws.append(
            [
                r.learner_id,
                r.name,
                r.module,
                r.status_nl,
                r.score,
                r.max_score,
                None if pct is None else round(pct, 1),
                passed,
                r.date,
                "; ".join(r.demonstrated),
                "; ".join(r.pending),
                r.course_version,
                r.note,
            ]
        )
    for col, width in enumerate([12, 24, 8, 20, 8, 9, 11, 9, 12, 50, 30, 12, 60], start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=2, min_col=9, max_col=9):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    goals = wb.create_sheet("Leerdoelen")
    goals.append(["Leerdoel", "Omschrijving"])
    for cell in goals[1]:
        cell.font = Font(bold=True)
    descriptions = objectives()
    for oid in register.objective_ids():
        goals.append([oid, descriptions.get(oid, "")])
    goals.column_dimensions["A"].width = 14
    goals.column_dimensions["B"].width = 90
    wb.properties.creator = "fairhire"
    wb.properties.title = "Register AI-geletterdheid"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.lastModifiedBy = "fairhire"
    buf = io.BytesIO()
    # ExcelWriter directly: save_workbook() would set 'modified' to the current time
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
    return normalize_zip(buf.getvalue())
