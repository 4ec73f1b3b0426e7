"""A certificate per learner (PDF, Dutch): what was demonstrated, by objective.

Made with reportlab in 'invariant' mode, so the same register gives the same
bytes (no creation time, a document id from the content). The legal basis is
read from ``fairhire/data/legal.toml``, never written here.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape as esc

from .. import legal, objectives
from ..modules import title as module_title
from .records import Register

LEGAL_KEY = "ai-act-art-4"


def filename(learner_id: str) -> str:
    """File name of a learner's certificate, safe on any file system (``certificaat-<id>.pdf``)."""
    return "certificaat-" + re.sub(r"[^A-Za-z0-9_.-]", "_", learner_id) + ".pdf"


def _date(d) -> str:
    return d.strftime("%d-%m-%Y") if d else "-"


def to_pdf(register: Register, learner_id: str) -> bytes:
    """The certificate of one learner as PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        KeepTogether,
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    rows = register.rows_for(learner_id)
    if not rows:
        raise KeyError(learner_id)
    name = rows[0].name or learner_id
    started = [r for r in rows if r.status != "not-started"]
    issued = max((r.date for r in started if r.date), default=None)
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=10, leading=13)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=colors.grey)
    h1, h2 = styles["Title"], styles["Heading2"]
    descriptions = objectives()
    ref = legal(LEGAL_KEY)

    story = [
        Paragraph("Bewijs van AI-geletterdheid", h1),
        Paragraph(
            "Cursus <i>Eerlijk werven met AI</i>",
            ParagraphStyle("sub", parent=body, alignment=1, fontSize=12),
        ),
        Spacer(1, 0.6 * cm),
        Paragraph(
            f"<b>{esc(name)}</b> (cursist-id {esc(learner_id)}) heeft de onderstaande "
            "opdrachten gemaakt. Ze zijn nagekeken: automatisch met verborgen tests en, bij "
            "open vragen, door een trainer. Dit overzicht noemt per module welke leerdoelen "
            "zijn aangetoond. Een leerdoel telt als aangetoond als alle vragen die erbij "
            "horen volledig goed zijn.",
            body,
        ),
        Spacer(1, 0.4 * cm),
    ]
    table = [["Module", "Datum", "Punten", "Behaald"]]
    for r in rows:
        title = f"{r.module} {module_title(r.module)}".strip()
        if r.status == "not-started":
            table.append([title, "-", "-", "niet gestart"])
        else:
            passed = {True: "ja", False: "nee", None: "nog te beoordelen"}[r.passed]
            if r.status == "held":
                passed = "tegengehouden"
            table.append([title, _date(r.date), f"{r.score:g} / {r.max_score:g}", passed])
    t = Table(table, colWidths=[8.5 * cm, 2.6 * cm, 2.6 * cm, 3.3 * cm])
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]),
            ]
        )
    )
    story += [t, Spacer(1, 0.5 * cm), Paragraph("Aangetoonde leerdoelen", h2)]
    for r in started:
        items = [
            ListItem(
                Paragraph(f"{esc(descriptions.get(o, o))} <font color='grey'>({o})</font>", body)
            )
            for o in r.demonstrated
        ]
        later = [
            ListItem(
                Paragraph(
                    f"{esc(descriptions.get(o, o))} <font color='grey'>({o}; nog "
                    "te beoordelen door de trainer)</font>",
                    body,
                )
            )
            for o in r.pending
        ]
        block = [Paragraph(f"<b>{r.module} {esc(module_title(r.module))}</b>", body)]
        if r.status == "held":
            block.append(Paragraph(esc(r.note), body))
        elif items or later:
            block.append(ListFlowable(items + later, bulletType="bullet", leftIndent=12))
        else:
            block.append(Paragraph("Nog geen leerdoel van deze module aangetoond.", body))
        story.append(KeepTogether(block + [Spacer(1, 0.2 * cm)]))
    if not started:
        story.append(Paragraph("Nog geen opdrachten ingeleverd.", body))
    story += [
        Spacer(1, 0.4 * cm),
        Paragraph("Wettelijk kader", h2),
        Paragraph(f"{esc(ref.summary_nl)}", body),
        Paragraph(f"<i>Stand van zaken {esc(ref.checked)}:</i> {esc(ref.status_nl)}", body),
        Paragraph(esc(ref.citation()), small),
        Spacer(1, 0.6 * cm),
        Paragraph(
            f"Datum (laatste nagekeken opdracht): {_date(issued)} &nbsp;·&nbsp; "
            f"Cursusversie {esc(rows[0].course_version)} &nbsp;·&nbsp; "
            f"Geslaagd per module vanaf {register.pass_mark:.0%} van de punten",
            small,
        ),
    ]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        invariant=1,
        title=f"Bewijs van AI-geletterdheid - {name}",
        author="Eerlijk werven met AI (fairhire)",
        subject="AI-geletterdheid",
        creator="fairhire",
        producer="fairhire",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    doc.build(story)
    return buf.getvalue()
