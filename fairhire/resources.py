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

    @property
    def label(self) -> str:
        """A short label for tables and cross-references, e.g. ``"AVG art. 22"``."""
        return self.short_nl or self.article

    def citation(self) -> str:
        """A one-line Dutch citation with source and status date."""
        return f"{self.article}, {self.instrument} (bron: {self.source}; stand van zaken {self.checked})"


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
