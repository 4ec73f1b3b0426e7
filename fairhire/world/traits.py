"""Hobbies, memberships and languages: CV content that carries no merit.

None of this enters the true suitability. Some items correlate with gender
or origin, as ordinary memberships do in real CVs (a women's football team, a
Turkish-Dutch cultural association). A text model trained on biased history
picks such words up as proxies, the way Amazon's tool penalised "women's"
(FACTS.md section 5). Hobbies depend on gender only; origin shows in
memberships and languages, never in hobbies, to avoid cultural stereotypes.
"""

from __future__ import annotations

import numpy as np

from .names import GENDERS, ORIGINS
from .vacancies import DUTCH_LEVELS

# (hobby, weight for women, weight for men)
HOBBIES = (
    ("hardlopen", 1.0, 1.0),
    ("fietsen", 1.0, 1.0),
    ("wandelen", 1.2, 0.8),
    ("lezen", 1.4, 0.7),
    ("koken", 1.1, 0.9),
    ("bakken", 1.3, 0.5),
    ("fotografie", 0.8, 1.0),
    ("tuinieren", 0.9, 0.7),
    ("gamen", 0.5, 1.6),
    ("muziek maken", 0.8, 1.0),
    ("zwemmen", 1.0, 0.8),
    ("fitness", 1.0, 1.3),
    ("schilderen", 0.9, 0.4),
    ("vissen", 0.2, 1.2),
    ("klussen", 0.3, 1.3),
    ("dansen", 1.4, 0.4),
    ("yoga", 1.5, 0.3),
    ("voetbal", 0.3, 1.8),
    ("tennis", 0.7, 0.7),
    ("volleybal", 0.8, 0.5),
    ("schaken", 0.3, 0.8),
    ("reizen", 1.0, 1.0),
    ("films kijken", 0.8, 0.8),
    ("kickboksen", 0.3, 0.8),
    ("handwerken", 1.0, 0.1),
    ("paardrijden", 0.8, 0.1),
    ("darten", 0.1, 0.7),
    ("zingen", 1.0, 0.5),
)

# (membership, weight for women, weight for men, origin it belongs to or None)
MEMBERSHIPS = (
    ("lid van een hardloopvereniging", 1.0, 1.0, None),
    ("lid van de plaatselijke voetbalvereniging", 0.3, 1.8, None),
    ("vrijwilliger bij de voedselbank", 1.0, 0.8, None),
    ("lid van een koor", 1.0, 0.5, None),
    ("lid van de tennisclub", 0.8, 0.8, None),
    ("vrijwilliger bij de scouting", 0.8, 0.8, None),
    ("lid van een schaakclub", 0.3, 0.7, None),
    ("lid van een fotoclub", 0.5, 0.7, None),
    ("vrijwilliger in het buurthuis", 1.0, 0.8, None),
    ("lid van een toneelvereniging", 0.8, 0.5, None),
    ("lid van een vrouwenvoetbalteam", 1.6, 0.0, None),
    ("lid van een netwerk voor vrouwen in het bedrijfsleven", 1.2, 0.0, None),
    ("lid van een mannenkoor", 0.0, 0.5, None),
    ("lid van een Marokkaans-Nederlandse jongerenorganisatie", 3.0, 3.0, "Marokkaans-Nederlands"),
    ("lid van een Turks-Nederlandse culturele vereniging", 3.0, 3.0, "Turks-Nederlands"),
    ("lid van een Surinaamse muziekvereniging", 3.0, 3.0, "Surinaams-Nederlands"),
    ("vrijwilliger bij een Poolse zaterdagschool", 3.0, 3.0, "Pools-Nederlands"),
    ("vrijwilliger bij een organisatie voor nieuwkomers", 2.5, 2.5, "overig"),
)
N_MEMBERSHIPS_P = (0.40, 0.42, 0.18)  # 0, 1 or 2 memberships
N_HOBBIES_P = (0.30, 0.45, 0.25)  # 1, 2 or 3 hobbies

# Dutch level per origin group before truncation at the vacancy's minimum
# (an assumption; the course only needs that levels differ between groups).
DUTCH_LEVEL_P = {
    "Nederlands": (0.00, 0.00, 0.00, 0.01, 0.02, 0.97),
    "Marokkaans-Nederlands": (0.00, 0.04, 0.08, 0.15, 0.13, 0.60),
    "Turks-Nederlands": (0.00, 0.05, 0.10, 0.15, 0.12, 0.58),
    "Surinaams-Nederlands": (0.00, 0.00, 0.03, 0.07, 0.10, 0.80),
    "Pools-Nederlands": (0.10, 0.28, 0.32, 0.15, 0.05, 0.10),
    "overig": (0.05, 0.12, 0.20, 0.20, 0.13, 0.30),
}

# Other languages spoken at home, per origin group; "" = none listed.
HERITAGE_LANGUAGES = {
    "Nederlands": (("", 0.85), ("Duits", 0.08), ("Frans", 0.07)),
    "Marokkaans-Nederlands": (("Arabisch", 0.45), ("Tamazight", 0.35), ("", 0.20)),
    "Turks-Nederlands": (("Turks", 0.85), ("Koerdisch", 0.05), ("", 0.10)),
    "Surinaams-Nederlands": (
        ("Sranantongo", 0.35),
        ("Sarnami", 0.25),
        ("Javaans", 0.05),
        ("", 0.35),
    ),
    "Pools-Nederlands": (("Pools", 0.98), ("", 0.02)),
    "overig": (
        ("Spaans", 0.10),
        ("Portugees", 0.10),
        ("Arabisch", 0.10),
        ("Tigrinya", 0.08),
        ("Somalisch", 0.08),
        ("Vietnamees", 0.08),
        ("Russisch", 0.10),
        ("Papiaments", 0.08),
        ("Mandarijn", 0.08),
        ("Duits", 0.10),
        ("", 0.10),
    ),
}
LANGUAGE_NAMES = tuple(sorted({lang for v in HERITAGE_LANGUAGES.values() for lang, _ in v}))
ENGLISH_LEVELS = ("A2", "B1", "B2", "C1", "C2")
# English level by education level (vmbo..wo): index into ENGLISH_LEVELS, plus 0 or 1.
ENGLISH_BASE = (0, 1, 2, 2, 3)


def hobby_probs() -> np.ndarray:
    """Hobby weights per gender code (rows: vrouw, man)."""
    return np.array([[h[1 + g] for h in HOBBIES] for g in range(len(GENDERS))])


def membership_probs() -> np.ndarray:
    """Membership weights per origin * 2 + gender code."""
    return np.array(
        [
            [m[1 + g] if m[3] in (None, origin) else 0.0 for m in MEMBERSHIPS]
            for origin in ORIGINS
            for g in range(len(GENDERS))
        ]
    )


def heritage_probs() -> tuple[np.ndarray, np.ndarray]:
    """Weights per origin code over its own list, and the list's indices in LANGUAGE_NAMES."""
    k = max(len(v) for v in HERITAGE_LANGUAGES.values())
    probs = np.zeros((len(ORIGINS), k))
    index = np.zeros((len(ORIGINS), k), dtype=np.int64)
    for o, origin in enumerate(ORIGINS):
        for j, (lang, p) in enumerate(HERITAGE_LANGUAGES[origin]):
            probs[o, j] = p
            index[o, j] = LANGUAGE_NAMES.index(lang)
    return probs, index


def dutch_level_probs(min_levels: list[str]) -> np.ndarray:
    """Per origin * n_vacancies + vacancy: levels truncated at the vacancy's minimum."""
    rows = []
    for origin in ORIGINS:
        for minimum in min_levels:
            p = np.array(DUTCH_LEVEL_P[origin], dtype=float)
            p[: DUTCH_LEVELS.index(minimum)] = 0.0
            rows.append(p)
    return np.array(rows)


def mask_labels(masks: np.ndarray, labels: tuple[str, ...], sep: str = "; ") -> np.ndarray:
    """Joined labels for each bit mask (dense table; for small label sets)."""
    table = np.array(
        [
            sep.join(labels[i] for i in range(len(labels)) if (m >> i) & 1)
            for m in range(1 << len(labels))
        ],
        dtype=object,
    )
    return table[masks]


def sorted_picks(picks: list[np.ndarray], count: np.ndarray, n_labels: int) -> np.ndarray:
    """Flat code of the sorted, de-duplicated first ``count`` picks per row.

    Unused and repeated picks become the sentinel ``n_labels``; the code
    indexes a table from :func:`combo_table` with the same number of picks.
    """
    sentinel = n_labels
    cols = []
    for k, p in enumerate(picks):
        p = np.where(count > k, p, sentinel)
        for q in cols:
            p = np.where(p == q, sentinel, p)
        cols.append(p)

    # sorting network for two or three columns
    def swap(i, j):
        lo, hi = np.minimum(cols[i], cols[j]), np.maximum(cols[i], cols[j])
        cols[i], cols[j] = lo, hi

    if len(cols) == 2:
        swap(0, 1)
    elif len(cols) == 3:
        swap(0, 1)
        swap(1, 2)
        swap(0, 1)
    code = np.zeros(len(count), dtype=np.int64)
    for c in cols:
        code = code * (n_labels + 1) + c
    return code


_COMBO_TABLES: dict = {}


def combo_table(labels: tuple[str, ...], k: int, fmt) -> np.ndarray:
    """Object table indexed by :func:`sorted_picks` codes; ``fmt(list) -> str``."""
    key = (labels, k, fmt)
    if key not in _COMBO_TABLES:
        size = len(labels) + 1
        table = np.empty(size**k, dtype=object)
        for code in range(size**k):
            idx, rest = [], code
            for _ in range(k):
                rest, r = divmod(rest, size)
                idx.append(r)
            items = [labels[i] for i in sorted(set(idx)) if i < len(labels)]
            table[code] = fmt(items)
        _COMBO_TABLES[key] = table
    return _COMBO_TABLES[key]


HOBBY_LABELS = tuple(h[0] for h in HOBBIES)
MEMBERSHIP_LABELS = tuple(m[0] for m in MEMBERSHIPS)


def join_comma(items: list[str]) -> str:
    """Join items with ", ", as in the hobbies column (a ``fmt`` for :func:`combo_table`)."""
    return ", ".join(items)


def join_semicolon(items: list[str]) -> str:
    """Join items with "; ", as in the memberships column (a ``fmt`` for :func:`combo_table`)."""
    return "; ".join(items)
