"""Counterfactual name swap: the same CV under a name from another group.

A name-swap (or "correspondence") test changes only the name and asks whether
the decision changes. :func:`swap_names` replaces first and last name in the
name columns, the e-mail address built from them, and every place they occur
in ``cv_text``. Everything else, including the audit columns ``origin`` and
``gender``, stays as it was.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .generator import _check_rng, _fail
from .names import EMAIL_PATTERNS, GENDERS, ORIGINS, ascii_fold, name_pools

_YEAR_TAIL = re.compile(r"(\d\d)$")


def _local_part(pattern: str, first: str, last: str, year: str) -> str:
    f = ascii_fold(first)
    return pattern.format(f=f, i=f[:1], l=ascii_fold(last), y=year)


def _new_email(old: str, old_first: str, old_last: str, new_first: str, new_last: str) -> str:
    local, sep, domain = old.partition("@")
    match = _YEAR_TAIL.search(local)
    year = match.group(1) if match else ""
    for pattern in EMAIL_PATTERNS:
        has_year = "{y}" in pattern
        if has_year == bool(year) and _local_part(pattern, old_first, old_last, year) == local:
            return _local_part(pattern, new_first, new_last, year) + sep + domain
    # not made by the generator: fall back to first.last (keeping any year digits)
    return _local_part("{f}.{l}{y}", new_first, new_last, year) + sep + domain


def _replace_all(text: str, mapping: dict[str, str]) -> str:
    """Replace whole-word occurrences of each key in one pass, longest key first.

    One pass, so a new name is never replaced again (a new first name may equal
    an old surname); whole words and case-sensitive, so "Bakker" leaves
    "bakkerij" alone.
    """
    keys = sorted((k for k in mapping if k), key=len, reverse=True)
    pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)"
    return re.sub(pattern, lambda m: mapping[m.group(0)], text)


def swap_names(
    df: pd.DataFrame,
    to_origin: str | None = None,
    to_gender: str | None = None,
    *,
    random_state: int | np.random.Generator | None = None,
) -> pd.DataFrame:
    """Return a copy of ``df`` with new names from another origin group and/or gender.

    Parameters
    ----------
    df : pandas.DataFrame
        Applicants with at least ``first_name`` and ``last_name``, and
        optionally ``gender``, ``origin``, ``email`` and ``cv_text``.
    to_origin : str, optional
        Draw the new names from this origin group (one of ``ORIGINS``).
        None keeps each row's own group (needs an ``origin`` column).
    to_gender : str, optional
        Draw names for this gender ("vrouw" or "man"). None keeps each row's
        own gender (needs a ``gender`` column).
    random_state : int, numpy.random.Generator or None
        Seed for drawing the new names.

    Returns
    -------
    pandas.DataFrame
        A copy in which ``first_name``, ``last_name``, the name part of
        ``email`` (pattern, birth-year digits and domain kept) and every
        occurrence of the old full name, first name, last name and e-mail
        address in ``cv_text`` are replaced. ``origin`` and ``gender`` keep
        their recorded values.

    Examples
    --------
    >>> from fairhire.world import make_applicants
    >>> df = make_applicants(5, random_state=0)
    >>> swapped = swap_names(df, to_origin="Nederlands", random_state=1)
    >>> bool((swapped["cv_text"] != df["cv_text"]).any())
    True
    """
    if to_origin is None and to_gender is None:
        raise _fail(
            "to_origin/to_gender",
            "given (at least one)",
            None,
            "geef to_origin of to_gender (of allebei) op.",
        )
    if to_origin is not None and to_origin not in ORIGINS:
        raise _fail(
            "to_origin",
            f"one of {list(ORIGINS)}",
            to_origin,
            f"to_origin moet een van deze zijn: {', '.join(ORIGINS)}.",
        )
    if to_gender is not None and to_gender not in GENDERS:
        raise _fail(
            "to_gender",
            f"one of {list(GENDERS)}",
            to_gender,
            "to_gender moet 'vrouw' of 'man' zijn.",
        )
    needed = (
        ["first_name", "last_name"]
        + (["origin"] if to_origin is None else [])
        + (["gender"] if to_gender is None else [])
    )
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise _fail(
            "df",
            f"a frame with columns {needed}",
            missing,
            f"de tabel mist de kolom(men) {', '.join(missing)}.",
        )
    rng = _check_rng(random_state)

    n = len(df)
    origin = _group_codes(df, "origin", ORIGINS, to_origin, "herkomstgroep")
    gender = _group_codes(df, "gender", GENDERS, to_gender, "waarde")

    pools = name_pools()
    fi, li = pools.draw(
        origin * len(GENDERS) + gender,
        rng.random(n, dtype=np.float32),
        rng.random(n, dtype=np.float32),
    )
    new_first, new_last = pools.first[fi].tolist(), pools.last[li].tolist()
    old_first, old_last = (
        df["first_name"].astype(str).tolist(),
        df["last_name"].astype(str).tolist(),
    )

    out = df.copy()
    out["first_name"] = new_first
    out["last_name"] = new_last
    if "email" in df.columns:
        old_email = df["email"].astype(str).tolist()
        new_email = [
            _new_email(e, of, ol, nf, nl)
            for e, of, ol, nf, nl in zip(
                old_email, old_first, old_last, new_first, new_last, strict=True
            )
        ]
        out["email"] = new_email
    else:
        old_email = new_email = [None] * n
    if "cv_text" in df.columns:
        texts = []
        for text, of, ol, nf, nl, oe, ne in zip(
            df["cv_text"].tolist(),
            old_first,
            old_last,
            new_first,
            new_last,
            old_email,
            new_email,
            strict=True,
        ):
            if not isinstance(text, str):
                texts.append(text)
                continue
            mapping = {ol: nl, of: nf, f"{of} {ol}": f"{nf} {nl}"}
            if oe:
                mapping[oe] = ne
            texts.append(_replace_all(text, mapping))
        out["cv_text"] = texts
    return out


def _group_codes(
    df: pd.DataFrame, column: str, labels: tuple[str, ...], target: str | None, what: str
) -> np.ndarray:
    """Codes of ``df[column]`` in ``labels``, or all ``target`` when one is given."""
    if target is not None:
        return np.full(len(df), labels.index(target))
    codes = pd.Categorical(df[column], categories=labels).codes.astype(np.int64)
    if (codes < 0).any():
        raise _fail(
            f"df['{column}']",
            f"values from {list(labels)}",
            "unknown value",
            f"de kolom {column} bevat een onbekende {what}.",
        )
    return codes
