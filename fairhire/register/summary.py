"""The organisation summary (HTML, Dutch): coverage by module, objective and team.

Plots are matplotlib PNGs embedded as base64, so the summary is one file that
works offline; they carry no timestamp, so the same register gives the same bytes.
"""

from __future__ import annotations

import base64
import html
import io

from .. import legal, objectives
from ..modules import title as module_title
from .records import Register

NO_TEAM = "(geen team)"


def retention_text() -> list[str]:
    """The retention and privacy guidance, as paragraphs (also in README.txt)."""
    minimal = legal("gdpr-art-5-1-c")
    literacy = legal("ai-act-art-4-enforcement")
    return [
        "Dit register bevat alleen wat nodig is om te laten zien wat iemand heeft aangetoond: "
        "cursist-id, naam, module, punten, datum en leerdoelen. Geen e-mailadres, geen "
        f"antwoorden. ({minimal.short_nl}: {minimal.summary_nl})",
        f"Er is geen vast format voorgeschreven ({literacy.short_nl}, stand {literacy.checked}: "
        f"{literacy.summary_nl})",
        "Bewaaradvies: bewaar het register zolang je ermee wilt kunnen aantonen wat je organisatie "
        "aan AI-geletterdheid heeft gedaan, en niet langer dan nodig. Een redelijke keuze is: zolang "
        "iemand in dienst is en met AI werkt, en daarna verwijderen of het register opnieuw maken "
        "zonder die persoon. Leg de termijn vast in je privacybeleid en bewaar het register "
        "op een plek waar alleen HR en de trainer bij kunnen. Vernietig oude versies.",
    ]


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    import matplotlib.pyplot as plt

    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _module_counts(register: Register) -> dict[str, dict[str, int]]:
    out = {}
    for m in register.modules:
        rows = [r for r in register.rows if r.module == m]
        out[m] = {
            "behaald": sum(1 for r in rows if r.passed is True),
            "niet behaald": sum(1 for r in rows if r.passed is False),
            # held back (failed or suspect in grading) waits for the trainer too
            "nog te beoordelen": sum(1 for r in rows if r.status in ("pending", "held")),
            "niet gestart": sum(1 for r in rows if r.status == "not-started"),
        }
    return out


def _objective_shares(register: Register, learners: list[str] | None = None) -> dict[str, float]:
    ids = set(learners) if learners is not None else {x.id for x in register.learners}
    n = len(ids) or 1
    out = {}
    for oid in register.objective_ids():
        shown = {
            r.learner_id for r in register.rows if r.learner_id in ids and oid in r.demonstrated
        }
        out[oid] = len(shown) / n
    return out


def team_table(register: Register) -> list[tuple[str, int, float, float]]:
    """(team, learners, share of modules passed, share of objectives demonstrated) per team."""
    teams: dict[str, list[str]] = {}
    for learner in register.learners:
        teams.setdefault(register.teams.get(learner.id, NO_TEAM), []).append(learner.id)
    n_obj = len(register.objective_ids()) or 1
    out = []
    for team in sorted(teams):
        ids = set(teams[team])
        rows = [r for r in register.rows if r.learner_id in ids]
        passed = sum(1 for r in rows if r.passed is True) / (len(rows) or 1)
        shown = sum(len(r.demonstrated) for r in rows) / (len(ids) * n_obj)
        out.append((team, len(ids), passed, shown))
    return out


def _plots(register: Register) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "fairhire"
    plots = {}
    counts = _module_counts(register)
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(counts) + 1.2))
    left = [0] * len(counts)
    colours = {
        "behaald": "#2e7d32",
        "niet behaald": "#c62828",
        "nog te beoordelen": "#f9a825",
        "niet gestart": "#bdbdbd",
    }
    names = list(counts)
    for label, colour in colours.items():
        values = [counts[m][label] for m in names]
        ax.barh(names, values, left=left, color=colour, label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("aantal cursisten")
    ax.set_title("Per module")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    plots["modules"] = _png(fig)
    shares = _objective_shares(register)
    fig, ax = plt.subplots(figsize=(7, 0.3 * max(1, len(shares)) + 1.2))
    ax.barh(list(shares), [100 * v for v in shares.values()], color="#1565c0")
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% van de cursisten dat het leerdoel heeft aangetoond")
    ax.set_title("Per leerdoel")
    plots["objectives"] = _png(fig)
    if register.teams:
        rows = team_table(register)
        fig, ax = plt.subplots(figsize=(7, 0.45 * len(rows) + 1.2))
        ax.barh([r[0] for r in rows], [100 * r[2] for r in rows], color="#6a1b9a")
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("% van de modules behaald")
        ax.set_title("Per team")
        plots["teams"] = _png(fig)
    return plots


def to_html(register: Register) -> str:
    """The summary as one HTML page: per module, objective and team, who is not done, the law.

    The plots are embedded, so the page works offline as a single file.
    """
    e = html.escape
    ref = legal("ai-act-art-4")
    descriptions = objectives()
    plots = _plots(register)
    as_of = register.as_of.strftime("%d-%m-%Y") if register.as_of else "-"
    n = len(register.learners)
    counts = _module_counts(register)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        "<title>AI-geletterdheid: samenvatting voor de organisatie</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
        "padding:4px 8px;text-align:left}img{max-width:100%}</style>",
        "</head>",
        "<body>",
        "<h1>AI-geletterdheid: samenvatting voor de organisatie</h1>",
        f"<p>Cursus <i>Eerlijk werven met AI</i>, versie {e(register.rows[0].course_version)}. "
        f"Stand van het cijferbestand: {as_of}. {n} cursisten, {len(register.modules)} modules. "
        f"Een module is behaald vanaf {register.pass_mark:.0%} van de punten; een leerdoel is "
        "aangetoond als alle vragen die erbij horen volledig goed zijn.</p>",
        '<h2 id="modules">Per module</h2>',
        f'<img alt="Per module" src="data:image/png;base64,{plots["modules"]}">',
        '<table class="modules"><thead><tr><th>Module</th><th>Behaald</th><th>Niet behaald</th>'
        "<th>Nog te beoordelen</th><th>Niet gestart</th></tr></thead><tbody>",
    ]
    for m, c in counts.items():
        parts.append(
            f'<tr data-module="{e(m)}"><td>{e(m)} {e(module_title(m))}</td>'
            f"<td>{c['behaald']}</td><td>{c['niet behaald']}</td>"
            f"<td>{c['nog te beoordelen']}</td><td>{c['niet gestart']}</td></tr>"
        )
    parts += [
        "</tbody></table>",
        '<h2 id="objectives">Per leerdoel</h2>',
        f'<img alt="Per leerdoel" src="data:image/png;base64,{plots["objectives"]}">',
        '<table class="objectives"><thead><tr><th>Leerdoel</th><th>Omschrijving</th>'
        "<th>Aangetoond door</th></tr></thead><tbody>",
    ]
    for oid, share in _objective_shares(register).items():
        count = round(share * n)
        parts.append(
            f'<tr data-objective="{e(oid)}"><td>{e(oid)}</td>'
            f"<td>{e(descriptions.get(oid, ''))}</td><td>{count} van {n}</td></tr>"
        )
    parts.append("</tbody></table>")
    if register.teams:
        parts += [
            '<h2 id="teams">Per team</h2>',
            f'<img alt="Per team" src="data:image/png;base64,{plots["teams"]}">',
            '<table class="teams"><thead><tr><th>Team</th><th>Cursisten</th>'
            "<th>Modules behaald</th><th>Leerdoelen aangetoond</th></tr></thead><tbody>",
        ]
        for team, size, passed, shown in team_table(register):
            parts.append(
                f'<tr data-team="{e(team)}"><td>{e(team)}</td><td>{size}</td>'
                f"<td>{passed:.0%}</td><td>{shown:.0%}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts += [
        '<h2 id="not-finished">Nog niet klaar</h2>',
        "<p>Wie een module nog niet heeft behaald (niet gestart, niet behaald of nog te "
        "beoordelen):</p>",
        '<table class="not-finished"><thead><tr><th>Cursist</th>'
        "<th>Naam</th><th>Niet gestart</th><th>Niet behaald</th><th>Nog te beoordelen</th>"
        "</tr></thead><tbody>",
    ]
    for learner in register.learners:
        rows = register.rows_for(learner.id)
        todo = {
            k: [r.module for r in rows if cond(r)]
            for k, cond in (
                ("not-started", lambda r: r.status == "not-started"),
                ("failed", lambda r: r.passed is False),
                ("pending", lambda r: r.status in ("pending", "held")),
            )
        }
        if any(todo.values()):
            parts.append(
                f'<tr data-learner="{e(learner.id)}"><td>{e(learner.id)}</td>'
                f"<td>{e(learner.name)}</td>"
                + "".join(f"<td>{e(', '.join(v))}</td>" for v in todo.values())
                + "</tr>"
            )
    parts += [
        "</tbody></table>",
        '<h2 id="legal">Wettelijk kader</h2>',
        f"<p>{e(ref.summary_nl)}</p>",
        f"<p><i>Stand van zaken {e(ref.checked)}:</i> {e(ref.status_nl)}</p>",
        f"<p><small>{e(ref.citation())}</small></p>",
        '<h2 id="retention">Privacy en bewaren</h2>',
    ]
    parts += [f"<p>{e(p)}</p>" for p in retention_text()]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
