"""Check a job ad for gender-coded wording with the course's Dutch word list.

The list is ``data/gender_coded_nl.toml``: Dutch word stems adapted from the
English stems of Gaucher, Friesen & Kay (2011) as coded in the gender-decoder
tool, plus a few of the project's own (see the file's header; it is not a
validated list). A word counts when it starts with a stem, ignoring capitals.
The method is gender-decoder's; no installed library offers it for Dutch, so
it is written here in a few lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from html import escape

import pandas as pd

from .resources import _load

CATEGORIES = ("masculine", "feminine")
LABELS_NL = {"masculine": "mannelijk", "feminine": "vrouwelijk"}
STRONG = 3  # a difference of this many coded words or more counts as "sterk"

_WORD = re.compile(r"\w+")


def split_words(text: str) -> list[str]:
    """The words of a text in lower case; hyphens and punctuation split words."""
    return _WORD.findall(text.lower())


@cache
def _entries() -> dict[str, tuple[dict, ...]]:
    data = _load("gender_coded_nl.toml")
    return {cat: tuple(data[cat]) for cat in CATEGORIES}


def coded_stems() -> dict[str, list[str]]:
    """Stems per category: ``{"masculine": [...], "feminine": [...]}``."""
    return {cat: [e["stem"] for e in entries] for cat, entries in _entries().items()}


def word_list() -> pd.DataFrame:
    """The word list as a table: category, stem, examples and basis."""
    rows = [
        {
            "category": cat,
            "stem": e["stem"],
            "examples": ", ".join(e["examples"]),
            "basis": e["basis"],
        }
        for cat, entries in _entries().items()
        for e in entries
    ]
    return pd.DataFrame(rows)


def find_coded_words(text: str, stems: Iterable[str]) -> list[str]:
    """The words of ``text`` that start with one of ``stems``, in reading order.

    Capitals do not matter. A word is listed once, even if several stems fit.

    >>> find_coded_words("Je bent Daadkrachtig en stressbestendig.", ["daadkracht", "stress"])
    ['daadkrachtig', 'stressbestendig']
    """
    prefixes = tuple(s.lower() for s in stems)
    return [w for w in split_words(text) if w.startswith(prefixes)]


def count_coded_words(text: str, stems: Iterable[str]) -> int:
    """How many words of ``text`` start with one of ``stems`` (see :func:`find_coded_words`)."""
    return len(find_coded_words(text, stems))


def verdict(n_masculine: int, n_feminine: int) -> str:
    """A Dutch verdict from the two counts, like gender-decoder's.

    Equal counts are "neutraal"; otherwise the side with more words wins,
    "sterk" when it has at least :data:`STRONG` more.
    """
    diff = n_masculine - n_feminine
    if diff == 0:
        return "neutraal"
    side = LABELS_NL["masculine" if diff > 0 else "feminine"]
    strength = "sterk" if abs(diff) >= STRONG else "licht"
    return f"{strength} {side} gecodeerd"


@dataclass(frozen=True)
class WordingReport:
    """Result of :func:`check_wording`."""

    masculine: list[str]
    feminine: list[str]

    @property
    def verdict(self) -> str:
        """The Dutch verdict for the two counts (see :func:`verdict`), e.g. "neutraal"."""
        return verdict(len(self.masculine), len(self.feminine))

    def __str__(self) -> str:
        m = ", ".join(self.masculine) or "geen"
        f = ", ".join(self.feminine) or "geen"
        return (
            f"Mannelijk gecodeerd ({len(self.masculine)}): {m}\n"
            f"Vrouwelijk gecodeerd ({len(self.feminine)}): {f}\n"
            f"Oordeel: {self.verdict}"
        )


def check_wording(text: str, stems: Mapping[str, Iterable[str]] | None = None) -> WordingReport:
    """Find masculine- and feminine-coded words in a text.

    Parameters
    ----------
    text : str
        A job ad or any other text.
    stems : mapping, optional
        ``{"masculine": [...], "feminine": [...]}``; default: the course's list.
    """
    stems = stems or coded_stems()
    return WordingReport(
        masculine=find_coded_words(text, stems["masculine"]),
        feminine=find_coded_words(text, stems["feminine"]),
    )


def wording_table(texts: Mapping[str, str]) -> pd.DataFrame:
    """One row per text: numbers of coded words and the verdict."""
    rows = []
    for name, text in texts.items():
        report = check_wording(text)
        rows.append(
            {
                "text": name,
                "masculine": len(report.masculine),
                "feminine": len(report.feminine),
                "verdict": report.verdict,
            }
        )
    return pd.DataFrame(rows).set_index("text")


def highlight_html(text: str) -> str:
    """The text as HTML with masculine-coded words in blue and feminine-coded in orange."""
    stems = {cat: tuple(s.lower() for s in v) for cat, v in coded_stems().items()}
    colours = {"masculine": "#cfe2ff", "feminine": "#ffe0b3"}

    def mark(match: re.Match) -> str:
        word = match.group(0)
        for cat in CATEGORIES:
            if word.lower().startswith(stems[cat]):
                return (
                    f"<mark style='background:{colours[cat]}' "
                    f"title='{LABELS_NL[cat]} gecodeerd'>{escape(word)}</mark>"
                )
        return escape(word)

    pieces = []
    last = 0
    for match in _WORD.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(mark(match))
        last = match.end()
    pieces.append(escape(text[last:]))
    body = "".join(pieces).replace("\n", "<br>")
    legend = (
        "<p><mark style='background:#cfe2ff'>mannelijk gecodeerd</mark> "
        "<mark style='background:#ffe0b3'>vrouwelijk gecodeerd</mark></p>"
    )
    return legend + f"<div style='line-height:1.6'>{body}</div>"


def show_highlighted(text: str) -> None:
    """Display :func:`highlight_html` in a notebook, with the verdict below."""
    from IPython.display import HTML, display

    display(HTML(highlight_html(text) + f"<p><b>Oordeel:</b> {check_wording(text).verdict}</p>"))
