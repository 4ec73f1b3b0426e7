"""Export a filled-in worksheet as a tidy document: Markdown, HTML and PDF.

Each document names the organisation, the tool and the date, gives every answer under its
question, lists the unanswered questions as open, cites the legal references that belong
to the questions (from ``legal.toml``, with source and status date), and credits the AIR tool.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from ..documents import default_folder, pdf_escape, pdf_fonts, render_template, write_atomic
from ..resources import legal
from .questions import legal_keys
from .sheet import Worksheet, WorksheetError

FORMATS = ("md", "html", "pdf")


def _check(ws) -> Worksheet:
    if not isinstance(ws, Worksheet):
        raise WorksheetError(
            "Geef een werkblad mee dat je met `Worksheet(tool_name=..., organisation=...)` hebt gemaakt."
        )
    return ws


def _date_nl(ws: Worksheet) -> str:
    months = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    return f"{ws.date.day} {months[ws.date.month - 1]} {ws.date.year}"


def _context(ws: Worksheet) -> dict:
    answers = ws.answers
    themes = [
        {
            "title": t.title,
            "questions": [
                {
                    "id": q.id,
                    "number": q.number,
                    "text": q.text,
                    "help": q.help,
                    "answer": answers.get(q.id, ""),
                    "legal": [legal(k).label for k in q.legal],
                }
                for q in t.questions
            ],
        }
        for t in ws.spec.themes
    ]
    refs = sorted((legal(k) for k in legal_keys()), key=lambda r: r.label)
    done, total = ws.progress()
    return {
        "ws": ws,
        "spec": ws.spec,
        "themes": themes,
        "date_nl": _date_nl(ws),
        "answered": done,
        "total": total,
        "open": ws.open_questions(),
        "refs": refs,
    }


def worksheet_markdown(ws: Worksheet) -> str:
    """The worksheet as a Markdown document."""
    c = _context(_check(ws))
    out = [
        f"# {ws.spec.title}: {ws.tool_name}",
        "",
        f"- **Organisatie:** {ws.organisation}",
        f"- **Tool:** {ws.tool_name}",
        f"- **Datum:** {c['date_nl']} ({ws.date.isoformat()})",
    ]
    if ws.author:
        out.append(f"- **Ingevuld door:** {ws.author}")
    out += [f"- **Beantwoord:** {c['answered']} van de {c['total']} vragen", ""]
    for theme in c["themes"]:
        out += [f"## {theme['title']}", ""]
        for q in theme["questions"]:
            out += [f"### {q['number']}. {q['text']}", ""]
            if q["answer"]:
                # "<" escaped so that a learner's text is never read as HTML by a Markdown viewer
                text = q["answer"].replace("<", "&lt;")
                out += ["> " + line if line else ">" for line in text.split("\n")]
            else:
                out.append("*Open vraag: nog niet beantwoord.*")
            if q["legal"]:
                out += ["", f"<small>Zie: {'; '.join(q['legal'])}</small>"]
            out.append("")
    out += ["## Open vragen", ""]
    if c["open"]:
        out += [
            "Deze vragen zijn nog niet beantwoord. Zoek het antwoord uit, bijvoorbeeld bij de "
            "leverancier, de functionaris gegevensbescherming of de ondernemingsraad.",
            "",
        ]
        out += [f"- {q.number}. {q.text}" for q in c["open"]]
    else:
        out.append("Alle vragen zijn beantwoord.")
    out += ["", "## Wetten en regels bij dit werkblad", ""]
    out += [f"- {ref.citation()}" for ref in c["refs"]]
    out += ["", "## Verantwoording", "", ws.spec.credit, ""]
    return "\n".join(out)


def worksheet_html(ws: Worksheet) -> str:
    """The worksheet as a standalone HTML page."""
    return render_template("worksheet_template.html", **_context(_check(ws)))


def worksheet_pdf(ws: Worksheet) -> bytes:
    """The worksheet as a PDF (reportlab)."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    c = _context(_check(ws))
    regular, bold = pdf_fonts()
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=base["BodyText"], fontName=regular, fontSize=10, leading=13
    )
    small = ParagraphStyle(
        "small", parent=body, fontSize=8, leading=10, textColor=HexColor("#555555")
    )
    answer = ParagraphStyle("answer", parent=body, leftIndent=12, textColor=HexColor("#1a1a1a"))
    open_style = ParagraphStyle("open", parent=answer, textColor=HexColor("#aa3333"))
    h1 = ParagraphStyle("h1", parent=base["Heading1"], fontName=bold, fontSize=16)
    h2 = ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=13)
    h3 = ParagraphStyle("h3", parent=body, fontName=bold, spaceBefore=6)

    story = [Paragraph(pdf_escape(f"{ws.spec.title}: {ws.tool_name}"), h1)]
    meta = [("Organisatie", ws.organisation), ("Tool", ws.tool_name), ("Datum", c["date_nl"])]
    if ws.author:
        meta.append(("Ingevuld door", ws.author))
    meta.append(("Beantwoord", f"{c['answered']} van de {c['total']} vragen"))
    story += [
        Paragraph(f"<font name='{bold}'>{pdf_escape(k)}:</font> {pdf_escape(v)}", body)
        for k, v in meta
    ]
    for theme in c["themes"]:
        story.append(Paragraph(pdf_escape(theme["title"]), h2))
        for q in theme["questions"]:
            story.append(Paragraph(pdf_escape(f"{q['number']}. {q['text']}"), h3))
            if q["answer"]:
                story.append(Paragraph(pdf_escape(q["answer"]), answer))
            else:
                story.append(Paragraph("Open vraag: nog niet beantwoord.", open_style))
            if q["legal"]:
                story.append(Paragraph(pdf_escape("Zie: " + "; ".join(q["legal"])), small))
    story.append(Paragraph("Open vragen", h2))
    if c["open"]:
        story.append(
            ListFlowable(
                [ListItem(Paragraph(pdf_escape(f"{q.number}. {q.text}"), body)) for q in c["open"]],
                bulletType="bullet",
            )
        )
    else:
        story.append(Paragraph("Alle vragen zijn beantwoord.", body))
    story.append(Paragraph("Wetten en regels bij dit werkblad", h2))
    story += [Paragraph(pdf_escape(ref.citation()), small) for ref in c["refs"]]
    story += [
        Paragraph("Verantwoording", h2),
        Paragraph(pdf_escape(ws.spec.credit), body),
        Spacer(1, 6),
    ]

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=f"{ws.spec.title}: {ws.tool_name}",
        author=ws.organisation,
    )
    doc.build(story)
    return buf.getvalue()


def export_markdown(ws: Worksheet, path: str | os.PathLike) -> Path:
    """Write the Markdown document (atomically) and return its path."""
    return write_atomic(path, worksheet_markdown(ws))


def export_html(ws: Worksheet, path: str | os.PathLike) -> Path:
    """Write the HTML document (atomically) and return its path."""
    return write_atomic(path, worksheet_html(ws))


def export_pdf(ws: Worksheet, path: str | os.PathLike) -> Path:
    """Write the PDF document (atomically) and return its path."""
    return write_atomic(path, worksheet_pdf(ws))


def default_stem(ws: Worksheet) -> str:
    """File name without extension: ``air_werkblad_<tool>``."""
    slug = re.sub(r"[^a-z0-9]+", "_", ws.tool_name.lower()).strip("_") or "tool"
    return f"air_werkblad_{slug[:40]}"


def export_worksheet(
    ws: Worksheet,
    folder: str | os.PathLike | None = None,
    *,
    formats: tuple[str, ...] = FORMATS,
    stem: str | None = None,
) -> dict[str, Path]:
    """Write the worksheet in several formats into ``folder``.

    Parameters
    ----------
    ws : Worksheet
        The filled-in worksheet.
    folder : str or PathLike, optional
        Target folder; by default :func:`fairhire.documents.default_folder` (the notebook's folder).
    formats : tuple of str
        Any of ``"md"``, ``"html"``, ``"pdf"``.
    stem : str, optional
        File name without extension; by default :func:`default_stem`.

    Returns
    -------
    dict
        format (``"md"``, ``"html"``, ``"pdf"``) -> path written.
    """
    _check(ws)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise WorksheetError(f"Onbekend formaat {unknown[0]!r}; kies uit {', '.join(FORMATS)}.")
    writers = {"md": export_markdown, "html": export_html, "pdf": export_pdf}
    stem = stem or default_stem(ws)
    folder = Path(folder) if folder is not None else default_folder()
    return {fmt: writers[fmt](ws, folder / f"{stem}.{fmt}") for fmt in formats}
