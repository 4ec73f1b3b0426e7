"""Scenario questions of module m07: a case, a choice A-D and a reason code from a fixed list.

An answer is a pair such as ``("B", "art26")``. The visible test (:func:`check_answer`) checks
the form of the answer and, given the question's key, whether the letter and the reason are
right (against the answer keys, without holding them); the hidden tests check both again.
"""

from __future__ import annotations

from typing import Any

from . import check
from .resources import legal
from .running_notebook import in_notebook

LETTERS = ("A", "B", "C", "D")

# reason code -> (Dutch description, legal.toml key that explains it)
REASONS: dict[str, tuple[str, str]] = {
    "verbod": ("verboden AI-praktijk", "ai-act-art-5-1-f"),
    "hoogrisico": ("hoog risico: werving en selectie in bijlage III", "ai-act-annex-iii-4"),
    "datum": ("vanaf wanneer een regel geldt", "ai-act-high-risk-dates"),
    "rollen": ("aanbieder of gebruiksverantwoordelijke", "ai-act-provider-deployer"),
    "art26": ("plichten van de gebruiksverantwoordelijke", "ai-act-art-26"),
    "toezicht": ("menselijk toezicht", "ai-act-art-14"),
    "uitleg": ("recht op uitleg over een besluit", "ai-act-art-86"),
    "transparantie": ("melden dat iemand met AI te maken heeft", "ai-act-art-50"),
    "fria": ("grondrechtenbeoordeling (FRIA)", "ai-act-art-27"),
    "geletterdheid": ("AI-geletterdheid", "ai-act-art-4"),
    "avg22": ("besluit dat alleen op automatische verwerking berust", "gdpr-art-22"),
    "dpia": ("gegevensbeschermingseffectbeoordeling (DPIA)", "gdpr-art-35"),
    "minimaal": ("niet meer gegevens dan nodig", "gdpr-art-5-1-c"),
    "bewaren": ("bewaartermijn van sollicitatiegegevens", "ap-applicant-retention"),
    "gelijk": ("gelijke behandeling: verbod op onderscheid", "awgb-art-1"),
    "voorkeur": ("voorkeursbeleid", "awgb-art-2-3"),
}

# Legal references that reasons_markdown() cites (checked by tests/test_legal_usage.py).
LEGAL_KEYS = tuple(sorted({key for _, key in REASONS.values()}))


def reasons_markdown() -> str:
    """A Markdown table of the reason codes with the rule each one points to."""
    rows = ["| code | betekenis | regel |", "|---|---|---|"]
    rows += [f"| `{code}` | {text} | {legal(key).label} |" for code, (text, key) in REASONS.items()]
    return "\n".join(rows)


def show_reasons() -> None:
    """Display the reason codes (Markdown in a notebook, text elsewhere)."""
    text = reasons_markdown()
    if in_notebook():
        from IPython.display import Markdown, display

        display(Markdown(text))
    else:
        print(text)


def normalise(answer: Any) -> tuple[str, str]:
    """``(" b ", "ART26")`` -> ``("B", "art26")``; no checks beyond the shape."""
    letter, reason = answer
    return str(letter).strip().upper(), str(reason).strip().lower()


def check_answer(answer: Any, name: str, key: str | None = None) -> None:
    """Visible test: ``answer`` is a pair (letter A-D, known reason code).

    With ``key`` (the question's grade_id) the letter is also compared with the answer key
    ``<key>-letter`` and the reason with ``<key>`` (:func:`fairhire.check.correct`); the
    messages say which of the two is not right, never what the right one is.

    Raises
    ------
    fairhire.check.Feedback
        With a Dutch message saying what is wrong with the form.
    """
    check.answered(answer, name)
    check.that(
        isinstance(answer, (tuple, list)) and len(answer) == 2,
        f"`{name}` moet een paar zijn: een letter en een redencode tussen haakjes, "
        f'bijvoorbeeld ("A", "dpia").',
    )
    letter, reason = answer
    check.that(
        isinstance(letter, str) and isinstance(reason, str),
        f"Zet in `{name}` zowel de letter als de redencode tussen aanhalingstekens.",
    )
    letter, reason = normalise(answer)
    check.that(letter in LETTERS, f"De letter in `{name}` moet A, B, C of D zijn.")
    check.that(
        reason in REASONS,
        f"De redencode {reason!r} in `{name}` staat niet in de lijst. "
        f"Kies uit: {', '.join(REASONS)}.",
    )
    if key is None:
        return
    check.correct(
        letter,
        name,
        f"{key}-letter",
        wrong=f"De letter in `{name}` klopt nog niet. Lees de casus en de hint nog eens en kijk "
        "bij elke keuze waarom die wel of niet klopt.",
    )
    check.correct(
        reason,
        name,
        key,
        wrong=f"De letter in `{name}` klopt, maar de redencode nog niet. Welke regel geeft hier "
        "de doorslag? Kijk in de tabel met redencodes.",
    )
