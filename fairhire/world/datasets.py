"""The shipped CSV files: how they are made, written, checked and loaded.

Each file is ``make_applicants`` with a fixed seed, written by
:func:`to_csv_bytes` so that the same seed gives the same bytes on every
machine. ``fairhire data`` rewrites them; ``fairhire data --check`` and
:func:`check_datasets` compare the files with a fresh generation.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from ..memo import shared
from ..paths import repo_root
from .generator import DEFAULT_SEED, OUTCOME_COLUMNS, make_applicants

# "Truly suitable" for audits: suitability at or above this (about one in three, as
# many as were invited); the same cut-off as fairhire.models.SUITABLE_CUTOFF.
QUALIFIED_THRESHOLD = 57.0

# Columns read as text even when they look like numbers.
_TEXT_COLUMNS = {"postcode": str, "phone": str, "birth_date": str}


@dataclass(frozen=True)
class DatasetSpec:
    """One shipped file and how to make it."""

    filename: str
    description: str
    build: Callable[[], pd.DataFrame]


def _history() -> pd.DataFrame:
    return make_applicants(6000, id_start=1, random_state=DEFAULT_SEED)


def _applicants() -> pd.DataFrame:
    df = make_applicants(1000, id_start=100_001, random_state=DEFAULT_SEED + 1)
    return df.drop(columns=list(OUTCOME_COLUMNS))


def _vendor_audit() -> pd.DataFrame:
    df = make_applicants(2000, id_start=200_001, random_state=DEFAULT_SEED + 2)
    df["qualified"] = (df["suitability"] >= QUALIFIED_THRESHOLD).astype("int64")
    return df.drop(columns=list(OUTCOME_COLUMNS))


DATASETS: dict[str, DatasetSpec] = {
    spec.filename: spec
    for spec in (
        DatasetSpec(
            "history.csv",
            "eerdere sollicitaties met uitkomsten (uitgenodigd, aangenomen)",
            _history,
        ),
        DatasetSpec(
            "applicants.csv", "een nieuwe ronde sollicitanten, zonder uitkomsten", _applicants
        ),
        DatasetSpec(
            "vendor_audit.csv",
            "sollicitanten voor de audit van de leverancier (m08), "
            "met 'qualified' als ware geschiktheid",
            _vendor_audit,
        ),
    )
}


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    r"""CSV bytes that depend only on the data: UTF-8, "\n" line ends, floats as %.1f."""
    return df.to_csv(index=False, lineterminator="\n", float_format="%.1f").encode("utf-8")


def read_csv_bytes(data: bytes | Path) -> pd.DataFrame:
    """Read a shipped CSV the way the loaders do (empty text stays "", not NaN)."""
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    return pd.read_csv(
        source, dtype=_TEXT_COLUMNS, keep_default_na=False, na_values=[], encoding="utf-8"
    )


@cache
def generated_bytes(filename: str) -> bytes:
    """The bytes the generator makes for one shipped file (cached per process)."""
    return to_csv_bytes(DATASETS[filename].build())


def default_dir() -> Path | None:
    """``datasets/`` of the course repository, or None outside a checkout."""
    root = repo_root()
    return None if root is None else root / "datasets"


def write_datasets(out_dir: str | Path | None = None) -> list[Path]:
    """Write every shipped CSV to ``out_dir`` (default: the repository's datasets/).

    Returns the paths written.
    """
    target = Path(out_dir) if out_dir is not None else default_dir()
    if target is None:
        raise FileNotFoundError(
            "Geen map opgegeven en geen cursusmap gevonden. Geef out_dir op of zet FAIRHIRE_ROOT."
        )
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in DATASETS:
        path = target / name
        path.write_bytes(generated_bytes(name))
        written.append(path)
    return written


def check_datasets(directory: str | Path | None = None) -> list[str]:
    """Names of shipped files that are missing or differ from what the generator makes."""
    target = Path(directory) if directory is not None else default_dir()
    differing = []
    for name in DATASETS:
        path = None if target is None else target / name
        if path is None or not path.is_file() or path.read_bytes() != generated_bytes(name):
            differing.append(name)
    return differing


def _load(filename: str) -> pd.DataFrame:
    directory = default_dir()
    path = None if directory is None else directory / filename
    if path is not None and path.is_file():
        return read_csv_bytes(path)
    # no checkout (or file removed): the same bytes, made here
    return read_csv_bytes(generated_bytes(filename))


@shared  # fairhire grade: every hidden test loads it; the kernels take a copy (fairhire.memo)
def load_history() -> pd.DataFrame:
    """Past applications with outcomes (``datasets/history.csv``), 6,000 rows.

    Synthetic and biased on purpose: see ``datasets/README.md``.
    """
    return _load("history.csv")


def load_applicants() -> pd.DataFrame:
    """A new round of applicants without outcomes (``datasets/applicants.csv``), 1,000 rows."""
    return _load("applicants.csv")


def load_vendor_audit() -> pd.DataFrame:
    """Applicants for auditing the vendor's screener (``datasets/vendor_audit.csv``), 2,000 rows.

    Has no historical outcomes; ``qualified`` (0/1) says whether the applicant
    is truly suitable (suitability >= 57, about one in three), so that error
    rates per group can be computed.
    """
    return _load("vendor_audit.csv")
