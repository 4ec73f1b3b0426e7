"""The audit report of the final assignment (module m08): the learner's results as a document.

The learner collects their own tables, plots and key figures in an :class:`AuditReport`;
:func:`audit_report_html` and :func:`audit_report_pdf` render it, and
:func:`export_audit_report` writes the files atomically. Plots are embedded in the HTML as
base64 PNG, so the page is one self-contained file.

Example::

    report = AuditReport(tool_name="Selectomaat", organisation="Flex & Co")
    report.add_number("Selectiepercentage (totaal)", 0.286)
    report.add_table("Impact ratio per geslacht", table)
    report.add_figure("Impact ratio per herkomst", fig)
    paths = export_audit_report(report)          # HTML and PDF
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import math
import numbers
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..documents import default_folder, pdf_escape, pdf_fonts, render_template, write_atomic
from ..resources import legal
from .metrics import FOUR_FIFTHS

# Legal references the report cites (checked by tests/test_legal_usage.py).
LEGAL_KEYS = (
    "nyc-ll144",
    "four-fifths-rule",
    "awgb-art-1",
    "wgbl",
    "wgb-mv",
    "ai-act-annex-iii-4",
    "ai-act-art-14",
    "ai-act-art-26",
    "gdpr-art-22",
)

FORMATS = ("html", "pdf")
DECIMALS = 3
# what fits on an A4 page of the PDF; a wider table made reportlab fail with its own error
MAX_COLUMNS = 8
MAX_ROWS = 60


class ReportError(ValueError):
    """A mistake in building the report; the message is Dutch and says what to do."""


def format_value(value: Any) -> str:
    """How a number appears in the report: up to three decimals, like the notebook shows it."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        if math.isnan(value):
            return "–"
        return f"{float(value):.{DECIMALS}f}"
    if isinstance(value, tuple):
        return " × ".join(map(str, value))
    return str(value)


@dataclass
class ReportTable:
    """A table in an audit report: a title, the data and an optional note below it."""

    title: str
    frame: pd.DataFrame
    note: str = ""

    def header(self) -> list[str]:
        """Column headings: the index name(s) (``"groep"`` if unnamed), then the columns."""
        names = [n for n in self.frame.index.names]
        index_label = " × ".join(str(n) for n in names if n is not None) or "groep"
        return [index_label] + [str(c) for c in self.frame.columns]

    def rows(self) -> list[list[tuple[str, bool]]]:
        """Cells as (text, flagged); an impact ratio under four fifths is flagged."""
        out = []
        columns = list(self.frame.columns)
        # itertuples keeps each column's own type (iterrows would turn counts into floats)
        for idx, *values in self.frame.itertuples(index=True, name=None):
            cells = [(format_value(idx), False)]
            for col, value in zip(columns, values, strict=True):
                flagged = (
                    str(col) == "impact_ratio"
                    and isinstance(value, numbers.Real)
                    and not isinstance(value, bool)
                    and not math.isnan(value)
                    and value < FOUR_FIFTHS
                )
                cells.append((format_value(value), flagged))
            out.append(cells)
        return out


@dataclass
class ReportFigure:
    """A figure in an audit report, kept as PNG bytes, with a title and an optional note."""

    title: str
    png: bytes
    note: str = ""

    @property
    def data_uri(self) -> str:
        """The PNG as a ``data:`` URI, to embed in the HTML report."""
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass
class AuditReport:
    """The content of an audit report, collected by the learner.

    Parameters
    ----------
    tool_name : str
        The audited tool, e.g. ``"Selectomaat"``.
    organisation : str
        Who commissioned or carried out the audit.
    auditor : str, optional
        Name or role of the auditor.
    date : datetime.date, optional
        Date on the report; today by default.
    memo : str, optional
        The audit memo (findings and recommendation), shown at the top.
    """

    tool_name: str
    organisation: str
    auditor: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    memo: str = ""
    numbers: list[tuple[str, str]] = field(default_factory=list)
    tables: list[ReportTable] = field(default_factory=list)
    figures: list[ReportFigure] = field(default_factory=list)

    def __post_init__(self):
        for name in ("tool_name", "organisation"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ReportError(f"Vul `{name}` in, als tekst tussen aanhalingstekens.")
        if isinstance(self.date, str):
            self.date = dt.date.fromisoformat(self.date)

    def add_number(self, label: str, value: Any) -> None:
        """A key figure, e.g. ``add_number("Laagste impact ratio (herkomst)", 0.318)``."""
        if isinstance(value, (pd.Series, pd.DataFrame)):
            raise ReportError("Gebruik `add_table` voor een tabel; `add_number` is voor één getal.")
        self.numbers.append((str(label), format_value(value)))

    def add_table(self, title: str, table: pd.DataFrame | pd.Series, note: str = "") -> None:
        """A table (a DataFrame, or a Series that becomes one column)."""
        if isinstance(table, pd.Series):
            table = table.to_frame(table.name or "waarde")
        if not isinstance(table, pd.DataFrame):
            raise ReportError(
                f"`{title}`: geef een tabel (DataFrame of Series), geen {type(table).__name__}."
            )
        if table.shape[1] > MAX_COLUMNS:
            raise ReportError(
                f"`{title}` heeft {table.shape[1]} kolommen; in het rapport passen er hoogstens "
                f"{MAX_COLUMNS}. Kies de kolommen die ertoe doen, bijvoorbeeld "
                '`tabel[["selection_rate", "impact_ratio"]]`.'
            )
        if len(table) > MAX_ROWS:
            raise ReportError(
                f"`{title}` heeft {len(table)} rijen; in het rapport passen er hoogstens "
                f"{MAX_ROWS}. Zet er een samenvatting in, bijvoorbeeld één rij per groep, "
                "niet de tabel met alle sollicitanten."
            )
        self.tables.append(ReportTable(str(title), table.copy(), str(note)))

    def add_figure(self, title: str, figure: Any, note: str = "") -> None:
        """A matplotlib figure (or axes); stored as PNG right away."""
        fig = getattr(figure, "figure", figure)
        if not hasattr(fig, "savefig"):
            raise ReportError(
                f"`{title}`: geef een matplotlib-figuur, bijvoorbeeld `fig` uit "
                "`fig, ax = plt.subplots()`."
            )
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
        self.figures.append(ReportFigure(str(title), buf.getvalue(), str(note)))


def build_audit_report(
    *,
    tool_name: str,
    organisation: str,
    numbers: Mapping[str, Any] = None,
    tables: Mapping[str, pd.DataFrame | pd.Series] = None,
    figures: Mapping[str, Any] = None,
    memo: str = "",
    auditor: str = "",
    date: dt.date | str | None = None,
) -> AuditReport:
    """An :class:`AuditReport` in one call, from dicts of the learner's results.

    Parameters
    ----------
    numbers, tables, figures : dict, optional
        Title -> key figure, title -> DataFrame/Series, title -> matplotlib figure, in the
        order they should appear.
    """
    report = AuditReport(
        tool_name=tool_name,
        organisation=organisation,
        auditor=auditor,
        memo=memo,
        **({"date": date} if date is not None else {}),
    )
    for label, value in (numbers or {}).items():
        report.add_number(label, value)
    for title, table in (tables or {}).items():
        report.add_table(title, table)
    for title, figure in (figures or {}).items():
        report.add_figure(title, figure)
    return report


def _check(report) -> AuditReport:
    if not isinstance(report, AuditReport):
        raise ReportError(
            "Geef een rapport mee dat je met `AuditReport(tool_name=..., "
            "organisation=...)` hebt gemaakt."
        )
    return report


def _context(report: AuditReport) -> dict:
    refs = sorted((legal(k) for k in LEGAL_KEYS), key=lambda r: r.label)
    return {
        "report": report,
        "refs": refs,
        "threshold": format_value(FOUR_FIFTHS),
        "date_iso": report.date.isoformat(),
    }


def audit_report_html(report: AuditReport) -> str:
    """The report as one self-contained HTML page."""
    return render_template("audit_report_template.html", **_context(_check(report)))


def audit_report_pdf(report: AuditReport) -> bytes:
    """The report as a PDF (reportlab)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import (
        Image,
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    c = _context(_check(report))
    regular, bold = pdf_fonts()
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=base["BodyText"], fontName=regular, fontSize=10, leading=13
    )
    small = ParagraphStyle(
        "small", parent=body, fontSize=8, leading=10, textColor=colors.HexColor("#555555")
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    h1 = ParagraphStyle("h1", parent=base["Heading1"], fontName=bold, fontSize=16)
    h2 = ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=13)
    width = A4[0] - 4 * cm

    story = [Paragraph(pdf_escape(f"Audit van {report.tool_name}"), h1)]
    meta = [("Organisatie", report.organisation), ("Datum", c["date_iso"])]
    if report.auditor:
        meta.append(("Auditor", report.auditor))
    story += [
        Paragraph(f"<font name='{bold}'>{pdf_escape(k)}:</font> {pdf_escape(v)}", body)
        for k, v in meta
    ]
    if report.memo:
        story += [Paragraph("Memo", h2), Paragraph(pdf_escape(report.memo), body)]
    if report.numbers:
        story.append(Paragraph("Kerncijfers", h2))
        data = [
            [Paragraph(pdf_escape(k), cell), Paragraph(pdf_escape(v), cell)]
            for k, v in report.numbers
        ]
        t = Table(data, colWidths=[width * 0.7, width * 0.3])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey)]))
        story.append(t)
    for table in report.tables:
        story.append(Paragraph(pdf_escape(table.title), h2))
        header = [
            Paragraph(f"<font name='{bold}'>{pdf_escape(h)}</font>", cell) for h in table.header()
        ]
        data, flagged = [header], []
        for r, row in enumerate(table.rows(), start=1):
            data.append([Paragraph(pdf_escape(text), cell) for text, _ in row])
            flagged += [(col, r) for col, (_, flag) in enumerate(row) if flag]
        t = Table(data, repeatRows=1)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
        ]
        style += [("BACKGROUND", pos, pos, colors.HexColor("#f8d7da")) for pos in flagged]
        t.setStyle(TableStyle(style))
        story.append(t)
        if table.note:
            story.append(Paragraph(pdf_escape(table.note), small))
    for fig in report.figures:
        img = ImageReader(io.BytesIO(fig.png))
        w, h = img.getSize()
        scale = min(1.0, width / w)
        block = [
            Paragraph(pdf_escape(fig.title), h2),
            Image(io.BytesIO(fig.png), width=w * scale, height=h * scale),
        ]
        if fig.note:
            block.append(Paragraph(pdf_escape(fig.note), small))
        story.append(KeepTogether(block))
    story += [
        Paragraph("Definities", h2),
        Paragraph(pdf_escape(_DEFINITIONS.format(threshold=c["threshold"])), small),
        Paragraph("Bronnen", h2),
    ]
    story += [Paragraph(pdf_escape(ref.citation()), small) for ref in c["refs"]]
    story.append(Spacer(1, 6))

    buf = io.BytesIO()
    SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=f"Audit van {report.tool_name}",
        author=report.organisation,
    ).build(story)
    return buf.getvalue()


_DEFINITIONS = (
    "Selectiepercentage: het deel van een groep dat door de tool wordt geselecteerd. "
    "Scorepercentage: het deel van een groep met een score boven de mediaan van de hele steekproef. "
    "Impact ratio: het percentage van een groep gedeeld door dat van de groep met het hoogste "
    "percentage. Onder {threshold} (vier vijfde) spreekt de Amerikaanse vier-vijfderegel van een "
    "aanwijzing voor nadelige impact; zulke waarden zijn in de tabellen gemarkeerd. Groepen kleiner "
    "dan 2% van de steekproef mogen volgens NYC Local Law 144 buiten de ratio's blijven."
)


def default_stem(report: AuditReport) -> str:
    """File name without extension: ``audit_<tool>``."""
    slug = re.sub(r"[^a-z0-9]+", "_", report.tool_name.lower()).strip("_") or "tool"
    return f"audit_{slug[:40]}"


def write_audit_report(report: AuditReport, path: str | os.PathLike) -> Path:
    """Write the report to ``path`` (atomically); ``.html`` or ``.pdf`` decides the format."""
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ReportError(
            f"Kies een bestandsnaam die eindigt op .html of .pdf, niet {path.name!r}."
        )
    data = audit_report_html(report) if suffix == "html" else audit_report_pdf(report)
    return write_atomic(path, data)


def export_audit_report(
    report: AuditReport,
    folder: str | os.PathLike | None = None,
    *,
    formats: tuple[str, ...] = FORMATS,
    stem: str | None = None,
) -> dict[str, Path]:
    """Write the report as HTML and PDF into ``folder`` (default: the notebook's folder).

    Returns
    -------
    dict
        format -> path written.
    """
    _check(report)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ReportError(f"Onbekend formaat {unknown[0]!r}; kies uit {', '.join(FORMATS)}.")
    folder = Path(folder) if folder is not None else default_folder()
    stem = stem or default_stem(report)
    return {fmt: write_audit_report(report, folder / f"{stem}.{fmt}") for fmt in formats}
