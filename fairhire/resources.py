"""Read the package's data files: the objective map and the legal references."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from .paths import DATA_DIR


@dataclass(frozen=True)
class LegalReference:
    """One legal reference, as kept in ``data/legal.toml``."""

    key: str
    instrument: str
    article: str
    summary_nl: str
    applies_from: str
    source: str
    status_nl: str
    checked: str
    confidence: str
    short_nl: str = ""  # a short label such as "AVG art. 22"; the article when missing
    # How certain the date is, when it differs from the text: a date can come from the 2026
    # amendment (secondary sources only) while the article's wording is confirmed.
    date_confidence: str = ""
    # What the date is, when it is not the date a rule applies from (a judgment, a version).
    date_label_nl: str = ""

    @property
    def date_certainty(self) -> str:
        """The certainty of the date ("C" or "S"): ``date_confidence``, else ``confidence``."""
        return self.date_confidence or self.confidence

    @property
    def certainty_nl(self) -> str:
        """How certain the reference is, in Dutch, from ``confidence`` and ``date_certainty``.

        The only place the course says how certain a reference is: ``status_nl`` does not
        (``tests/test_law.py`` checks that), so the two cannot contradict each other.
        """
        text_ok = self.confidence == "C"
        date_ok = self.date_certainty == "C" or not self.applies_from
        if text_ok and date_ok:
            return "bevestigd in de officiële tekst zelf."
        if text_ok:
            return (
                "de inhoud is bevestigd in de officiële tekst zelf. "
                "De datum komt alleen uit secundaire bronnen."
            )
        if date_ok and self.applies_from:
            return (
                "de datum is bevestigd in de officiële tekst zelf. "
                "De inhoud komt alleen uit secundaire bronnen."
            )
        return "alleen secundaire bronnen; de officiële tekst zelf is niet nagelezen."

    @property
    def date_line_nl(self) -> str:
        """E.g. "Van toepassing vanaf: 2 december 2027"; empty for a reference without a date."""
        if not self.applies_from:
            return ""
        label = self.date_label_nl or "Van toepassing vanaf"
        return f"{label}: {dutch_date(self.applies_from)}"

    @property
    def label(self) -> str:
        """A short label for tables and cross-references, e.g. ``"AVG art. 22"``."""
        return self.short_nl or self.article

    def citation(self) -> str:
        """A one-line Dutch citation with source and status date."""
        return f"{self.article}, {self.instrument} (bron: {self.source}; stand van zaken {self.checked})"


_MONTHS_NL = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def dutch_date(iso: str) -> str:
    """``"2027-12-02"`` -> ``"2 december 2027"``."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {_MONTHS_NL[month - 1]} {year}"


@cache
def _load(name: str) -> dict:
    with open(DATA_DIR / name, "rb") as fh:
        return tomllib.load(fh)


def legal_references() -> dict[str, LegalReference]:
    """All legal references, keyed by their id."""
    return {key: LegalReference(key=key, **fields) for key, fields in _load("legal.toml").items()}


def legal(key: str) -> LegalReference:
    """One legal reference by id, with a clear error for an unknown id."""
    refs = legal_references()
    if key not in refs:
        raise KeyError(f"Onbekende wetsverwijzing {key!r}; bekend zijn: {', '.join(sorted(refs))}")
    return refs[key]


def objectives() -> dict[str, str]:
    """Objective id -> Dutch description."""
    return dict(_load("objectives.toml")["objectives"])


def objective_map() -> dict[str, list[str]]:
    """grade_id -> objective ids shown by that graded cell."""
    return {k: list(v) for k, v in _load("objectives.toml")["grade_ids"].items()}
