"""Pseudonymise Dutch CV texts: replace direct identifiers with placeholders.

The reference implementation for module 2. It finds e-mail addresses, Dutch
phone numbers, postcodes, street addresses and full dates (possible dates of
birth) with regular expressions, and replaces the applicant's names, which the
caller passes in (a recruiter knows them from the application form; finding
arbitrary names in free text needs a trained model). Libraries for this
(e.g. Microsoft Presidio with a spaCy model) need large downloads and are not
part of this course, and a learner can read these patterns.

Pseudonymised text is still personal data: the rest of a CV (employers,
dates, a rare job title) can point at a person. This removes the most direct
identifiers, nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

PLACEHOLDERS = {
    "name": "[NAAM]",
    "email": "[E-MAIL]",
    "phone": "[TELEFOON]",
    "postcode": "[POSTCODE]",
    "address": "[ADRES]",
    "birth_date": "[GEBOORTEDATUM]",
}

# name@domain.tld; the part before @ may hold dots, plus signs and hyphens.
EMAIL_PATTERN = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

# Dutch numbers: 0 + 9 digits, or +31 / 0031 + 9 digits (optionally "(0)"), with
# spaces, hyphens or brackets between digits: 06-12345678, 06 1234 5678,
# +31 6 12345678, +31 (0)6 12345678, 020-1234567, (020) 123 4567.
PHONE_PATTERN = (
    r"(?<![\w+(])"
    r"(?:(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?|\(0|0)"
    r"(?:[\s)-]{0,2}\d){9}"
    r"(?!\d)"
)

# Four digits (not starting with 0), an optional space, two capital letters; not
# followed by a letter or hyphen, so "2019 HR-adviseur" stays.
POSTCODE_PATTERN = r"\b[1-9]\d{3} ?[A-Z]{2}(?![\w-])"

STREET_SUFFIXES = (
    "straat",
    "laan",
    "weg",
    "pad",
    "hof",
    "kade",
    "singel",
    "dreef",
    "plein",
    "steeg",
    "erf",
    "gaarde",
    "gracht",
    "dijk",
    "park",
    "markt",
    "plantsoen",
    "dam",
    "veld",
    "wal",
    "burgwal",
    "hoven",
    "berg",
    "boulevard",
)
# One to three capitalised words on one line, the last ending in a street suffix,
# then a house number (not a year, so "Werkveld 2019" stays) with an optional
# letter or addition: "Kastanjelaan 3a", "Lange Nieuwstraat 12-2".
ADDRESS_PATTERN = (
    r"\b(?:[A-Z][\w'.-]* ){0,2}[A-Z][\w'-]*(?:" + "|".join(STREET_SUFFIXES) + r")"
    r" (?!(?:19|20)\d\d\b)\d{1,4}(?: ?[a-zA-Z](?!\w)|-\d+)?"
)

_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?"
)
# A full date: 3-7-1989, 03/07/1989, 03.07.1989, 1989-07-03, 3 juli 1989. Every full
# date is treated as a possible birth date: replacing one too many is the safe side.
DATE_PATTERN = (
    r"(?i:\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b"
    r"|\b\d{1,2}\s+" + _MONTHS + r"\s+(?:19|20)\d{2}\b)"
)


def name_variants(full_name: str) -> list[str]:
    """The ways a name may appear in a CV, longest first.

    >>> name_variants("Sanne de Vries")
    ['Sanne de Vries', 'de Vries', 'Sanne', 'Vries']
    """
    parts = full_name.split()
    variants = {full_name}
    if len(parts) > 1:
        variants.add(parts[0])  # first name
        variants.add(" ".join(parts[1:]))  # surname with tussenvoegsel ("de Vries")
        variants.add(parts[-1])  # surname without it ("Vries")
    return sorted(variants, key=lambda v: (-len(v), v))


def _name_regex(name: str) -> str:
    # A name written with a lower-case tussenvoegsel ("de Vries") may start with a
    # capital too ("De Vries"); otherwise the case must match, so the surname
    # "Bakker" does not replace the word "bakker".
    first = re.escape(name[0])
    if name[0].islower():
        first = f"[{name[0]}{name[0].upper()}]"
    return rf"(?<!\w){first}{re.escape(name[1:])}(?!\w)"


def replace_names(text: str, names: Iterable[str]) -> str:
    """Replace each name (and its parts, see :func:`name_variants`) by [NAAM]."""
    variants = sorted(
        {v for name in names for v in name_variants(name.strip()) if v}, key=lambda v: (-len(v), v)
    )
    for variant in variants:
        text = re.sub(_name_regex(variant), PLACEHOLDERS["name"], text)
        text = re.sub(_name_regex(variant.upper()), PLACEHOLDERS["name"], text)
    return text


# Order matters: e-mail addresses first (they contain names and dots), then
# dates (before phone numbers, so a date is never read as digits of a number).
STEPS = (
    ("email", EMAIL_PATTERN),
    ("birth_date", DATE_PATTERN),
    ("phone", PHONE_PATTERN),
    ("postcode", POSTCODE_PATTERN),
    ("address", ADDRESS_PATTERN),
)


def pseudonymise(text: str, names: Iterable[str] = ()) -> str:
    """Replace names, e-mail, phone numbers, postcodes, addresses and full dates.

    Parameters
    ----------
    text : str
        A CV or letter.
    names : iterable of str
        The applicant's name(s) as known from the application, e.g.
        ``["Sanne de Vries"]``; parts of each name are replaced too.

    Returns
    -------
    str
        The text with placeholders such as [NAAM], [E-MAIL], [TELEFOON],
        [POSTCODE], [ADRES] and [GEBOORTEDATUM].
    """
    for kind, pattern in STEPS:
        text = re.sub(pattern, PLACEHOLDERS[kind], text)
    return replace_names(text, names)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data found in a text."""

    kind: str
    text: str


def find_personal_data(text: str, names: Iterable[str] = ()) -> list[Finding]:
    """What :func:`pseudonymise` would replace, in the order of the steps (for display)."""
    found = []
    for kind, pattern in STEPS:
        found += [Finding(kind, m.group(0)) for m in re.finditer(pattern, text)]
        text = re.sub(pattern, PLACEHOLDERS[kind], text)
    for name in names:
        for variant in name_variants(name.strip()):
            for form in dict.fromkeys((variant, variant.upper())):
                if re.search(_name_regex(form), text):
                    found.append(Finding("name", form))
                    text = re.sub(_name_regex(form), PLACEHOLDERS["name"], text)
    return found
