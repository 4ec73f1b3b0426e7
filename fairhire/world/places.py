"""Cities, postcode areas with residential clustering, and invented streets.

Postcode areas (the four digits of a Dutch postcode, PC4) lie in each real
city's range, but the mix of residents per area is invented: every area gets
one of three profiles, and nothing here describes a real neighbourhood.
Clustering makes the postcode a proxy for origin, which is the point: a model
that never sees origin can still learn it from where people live.

Street names are invented compounds of made-up words, so a full address
(street, number, postcode, city) is fictional by construction.
"""

from __future__ import annotations

import string

import numpy as np

from .names import ORIGINS
from .sampling import Categorical

# How strongly each origin group is drawn to an area profile, relative to the
# city's own mix. "c" = concentration area, "g" = mixed, "w" = mostly Dutch-born.
_PROFILE_FACTORS = {
    "c": {"Nederlands": 0.55, "Pools-Nederlands": 3.0, "overig": 2.5, "_other": 4.0},
    "g": {"Nederlands": 1.0, "Pools-Nederlands": 1.2, "overig": 1.4, "_other": 1.4},
    "w": {"Nederlands": 1.35, "Pools-Nederlands": 0.4, "overig": 0.5, "_other": 0.3},
}

# city: (applicant volume weight, origin factors (Mar, Tur, Sur, Pol, overig), areas)
CITIES: dict[
    str, tuple[float, tuple[float, float, float, float, float], tuple[tuple[str, str], ...]]
] = {
    "Amsterdam": (
        8.0,
        (2.0, 1.0, 2.2, 0.8, 1.8),
        (
            ("1013", "g"),
            ("1025", "c"),
            ("1056", "c"),
            ("1064", "c"),
            ("1068", "g"),
            ("1073", "g"),
            ("1077", "w"),
            ("1082", "w"),
            ("1092", "g"),
            ("1103", "c"),
        ),
    ),
    "Rotterdam": (
        7.0,
        (1.6, 1.9, 1.8, 1.3, 1.5),
        (
            ("3021", "c"),
            ("3025", "c"),
            ("3031", "g"),
            ("3053", "w"),
            ("3061", "g"),
            ("3065", "w"),
            ("3072", "c"),
            ("3082", "c"),
            ("3086", "g"),
        ),
    ),
    "Den Haag": (
        6.0,
        (1.6, 1.7, 2.3, 2.0, 1.5),
        (
            ("2512", "c"),
            ("2525", "c"),
            ("2532", "c"),
            ("2541", "g"),
            ("2551", "g"),
            ("2566", "w"),
            ("2584", "w"),
            ("2595", "g"),
        ),
    ),
    "Utrecht": (
        4.5,
        (2.0, 1.1, 0.7, 0.7, 1.2),
        (
            ("3514", "g"),
            ("3522", "g"),
            ("3525", "c"),
            ("3531", "c"),
            ("3544", "w"),
            ("3561", "w"),
            ("3573", "g"),
        ),
    ),
    "Eindhoven": (
        3.0,
        (0.8, 1.2, 0.5, 1.2, 1.2),
        (("5611", "g"), ("5622", "c"), ("5628", "w"), ("5643", "g"), ("5652", "w")),
    ),
    "Tilburg": (
        2.5,
        (0.9, 1.1, 0.5, 1.5, 1.0),
        (("5011", "g"), ("5021", "c"), ("5032", "w"), ("5045", "g")),
    ),
    "Almere": (
        2.5,
        (1.2, 0.9, 2.0, 0.9, 1.3),
        (("1312", "g"), ("1324", "g"), ("1335", "c"), ("1358", "w")),
    ),
    "Groningen": (
        2.5,
        (0.3, 0.4, 0.4, 0.8, 1.0),
        (("9711", "g"), ("9724", "g"), ("9737", "w"), ("9741", "c")),
    ),
    "Zaandam": (2.0, (1.0, 2.2, 0.7, 1.0, 0.9), (("1501", "c"), ("1504", "g"), ("1507", "w"))),
    "Enschede": (2.0, (0.5, 1.6, 0.4, 0.9, 1.0), (("7511", "g"), ("7523", "c"), ("7546", "w"))),
    "Venlo": (1.5, (0.7, 1.0, 0.3, 3.5, 0.8), (("5912", "g"), ("5921", "c"), ("5935", "w"))),
    "Naaldwijk": (1.5, (0.6, 0.7, 0.4, 4.0, 0.7), (("2671", "c"), ("2672", "g"), ("2673", "w"))),
    "Amersfoort": (
        2.0,
        (1.0, 1.2, 0.5, 0.7, 0.9),
        (("3811", "g"), ("3817", "w"), ("3822", "c"), ("3825", "w")),
    ),
    "Apeldoorn": (2.0, (0.4, 0.6, 0.3, 0.8, 0.7), (("7311", "g"), ("7321", "w"), ("7333", "c"))),
    "Zwolle": (
        2.0,
        (0.4, 0.8, 0.3, 0.9, 0.7),
        (("8011", "g"), ("8022", "w"), ("8031", "c"), ("8043", "w")),
    ),
    "Ede": (1.5, (0.8, 0.9, 0.3, 1.0, 0.8), (("6711", "g"), ("6713", "c"), ("6717", "w"))),
    "Leeuwarden": (1.5, (0.3, 0.4, 0.3, 0.7, 0.6), (("8911", "g"), ("8921", "c"), ("8925", "w"))),
    "Breda": (2.0, (0.7, 0.7, 0.4, 1.3, 0.9), (("4811", "g"), ("4822", "c"), ("4834", "w"))),
    "Nijmegen": (2.0, (0.8, 1.1, 0.4, 0.7, 1.0), (("6511", "g"), ("6535", "c"), ("6543", "w"))),
}

# Invented word parts; their compounds are not meant to name any real street.
STREET_STEMS = (
    "Brimmel",
    "Dorrevaar",
    "Flonker",
    "Gravelijn",
    "Haverling",
    "Kroezel",
    "Lommerik",
    "Norrelt",
    "Pluimert",
    "Quistel",
    "Rimpeloog",
    "Snuffel",
    "Troddel",
    "Ulvenaar",
    "Wikkeldoorn",
    "Ysselvonk",
    "Zwieremeer",
    "Klinkerveer",
    "Dommelvank",
    "Fonkelrij",
    "Gorrelaar",
    "Hompelijn",
    "Jolderik",
    "Kwakkelaar",
    "Bommerik",
    "Drievelaar",
    "Frinkel",
    "Glimmerik",
    "Hoppelaar",
    "Knisperik",
    "Mummelaar",
    "Oppelvoort",
    "Prikkelaar",
    "Rinkelhorst",
    "Schommelaar",
    "Tinkelveen",
    "Wiebelaar",
    "Zoemerik",
    "Kriebelaar",
    "Dwarrelink",
)
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
)
STREET_NAMES = tuple(stem + suffix for stem in STREET_STEMS for suffix in STREET_SUFFIXES)

# Letter pairs of a full postcode; SA, SD and SS are not used in Dutch postcodes.
POSTCODE_LETTERS = tuple(
    a + b
    for a in string.ascii_uppercase
    for b in string.ascii_uppercase
    if a + b not in ("SA", "SD", "SS")
)


class Geography:
    """Postcode areas as arrays, with P(area | origin) as cumulative rows."""

    def __init__(self) -> None:
        pcs, cities, city_of, weights = [], [], [], []
        for c, (city, (w_city, factors, areas)) in enumerate(CITIES.items()):
            cities.append(city)
            city_factor = dict(zip(ORIGINS[1:], factors, strict=True))
            city_factor["Nederlands"] = 1.0
            for pc, profile in areas:
                pcs.append(pc)
                city_of.append(c)
                row = []
                for origin in ORIGINS:
                    pf = _PROFILE_FACTORS[profile]
                    row.append(
                        w_city / len(areas) * city_factor[origin] * pf.get(origin, pf["_other"])
                    )
                weights.append(row)
        self.postcodes = np.array(pcs, dtype=object)
        self.cities = np.array(cities, dtype=object)
        self.city_of_area = np.array(city_of, dtype=np.int64)
        w = np.array(weights).T  # origins x areas
        self.p_area_given_origin = w / w.sum(axis=1, keepdims=True)
        self.sampler = Categorical(self.p_area_given_origin)

    def draw_area(self, origin_code: np.ndarray, u: np.ndarray) -> np.ndarray:
        """Area index per row from origin codes and uniforms in [0, 1)."""
        return self.sampler.sample(u, origin_code)


_GEO: Geography | None = None


def geography() -> Geography:
    """The shared :class:`Geography` (built once)."""
    global _GEO
    if _GEO is None:
        _GEO = Geography()
    return _GEO
