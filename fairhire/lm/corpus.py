"""A small Dutch corpus of job ads and recruiter notes, written from templates.

The tiny language model of module 1 learns from this text. Nothing is copied
from outside: every sentence is filled in from the templates below with a
seeded random generator, so the same seed gives the same corpus.

The corpus carries stereotypes on purpose. Most occupations come with a
"usual" pronoun: in nine of ten recruiter notes the nurse is "zij" and the
mechanic "hij"; the adjectives in the ads lean the same way. A few
occupations are neutral (half "hij", half "zij"). Learners find these
patterns back in what the model writes, which is the point of the lesson: a
model repeats what its training text says, including its prejudices.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

DEFAULT_SEED = 2024
DEFAULT_SIZE = 2400  # sentences; enough for stable counts, small enough to read through
STEREOTYPE_SHARE = 0.9  # share of notes in which an occupation gets its "usual" pronoun


@dataclass(frozen=True)
class Occupation:
    """An occupation and the words the templates put around it.

    ``pronoun`` is the stereotyped pronoun ("hij", "zij", or "" for neutral).
    ``task_je`` is the task in the second person after inversion
    ("zorg je voor de patiënten"), ``task_3`` the same task in the third person.
    """

    name: str
    pronoun: str
    workplace: str
    task_je: str
    task_3: str
    adjectives: tuple[str, ...]


OCCUPATIONS: tuple[Occupation, ...] = (
    Occupation(
        "verpleegkundige",
        "zij",
        "het ziekenhuis",
        "zorg je voor de patiënten",
        "zorgt voor de patiënten",
        ("zorgzame", "geduldige", "betrokken"),
    ),
    Occupation(
        "verzorgende",
        "zij",
        "het verpleeghuis",
        "help je de bewoners bij het aankleden",
        "helpt de bewoners bij het aankleden",
        ("zorgzame", "vriendelijke", "geduldige"),
    ),
    Occupation(
        "receptionist",
        "zij",
        "de receptie",
        "ontvang je de bezoekers",
        "ontvangt de bezoekers",
        ("vriendelijke", "representatieve", "gastvrije"),
    ),
    Occupation(
        "doktersassistent",
        "zij",
        "de huisartsenpraktijk",
        "maak je afspraken met patiënten",
        "maakt afspraken met patiënten",
        ("zorgzame", "nauwkeurige", "vriendelijke"),
    ),
    Occupation(
        "kapper",
        "zij",
        "de kapsalon",
        "knip je de klanten",
        "knipt de klanten",
        ("creatieve", "vriendelijke", "gastvrije"),
    ),
    Occupation(
        "monteur",
        "hij",
        "de werkplaats",
        "repareer je de machines",
        "repareert de machines",
        ("technische", "stressbestendige", "zelfstandige"),
    ),
    Occupation(
        "programmeur",
        "hij",
        "het ontwikkelteam",
        "schrijf je de software",
        "schrijft de software",
        ("analytische", "ambitieuze", "slimme"),
    ),
    Occupation(
        "chauffeur",
        "hij",
        "de transportafdeling",
        "rijd je door het hele land",
        "rijdt door het hele land",
        ("zelfstandige", "stressbestendige", "betrouwbare"),
    ),
    Occupation(
        "elektricien",
        "hij",
        "de bouwplaats",
        "leg je de installaties aan",
        "legt de installaties aan",
        ("technische", "zelfstandige", "stoere"),
    ),
    Occupation(
        "directeur",
        "hij",
        "het bedrijf",
        "neem je de grote beslissingen",
        "neemt de grote beslissingen",
        ("daadkrachtige", "ambitieuze", "competitieve"),
    ),
    Occupation(
        "planner",
        "",
        "de logistieke afdeling",
        "maak je de roosters",
        "maakt de roosters",
        ("nauwkeurige", "flexibele", "ervaren"),
    ),
    Occupation(
        "adviseur",
        "",
        "de afdeling personeelszaken",
        "adviseer je de managers",
        "adviseert de managers",
        ("ervaren", "communicatieve", "betrouwbare"),
    ),
    Occupation(
        "productiemedewerker",
        "",
        "de bakkerij",
        "bak je het brood",
        "bakt het brood",
        ("flexibele", "betrouwbare", "ervaren"),
    ),
    Occupation(
        "verkoper",
        "",
        "de winkel",
        "help je de klanten",
        "helpt de klanten",
        ("enthousiaste", "klantvriendelijke", "flexibele"),
    ),
)

# Predicative adjectives for "je bent ... en ...", split by the stereotype they echo.
TRAITS_BY_PRONOUN = {
    "zij": ("zorgzaam", "geduldig", "vriendelijk", "behulpzaam", "empathisch"),
    "hij": ("stressbestendig", "daadkrachtig", "zelfstandig", "ambitieus", "technisch"),
    "": ("flexibel", "nauwkeurig", "betrouwbaar", "enthousiast", "leergierig"),
}

REQUIREMENTS = (
    "een diploma op mbo-niveau",
    "een diploma op hbo-niveau",
    "rijbewijs b",
    "een vca-certificaat",
    "een paar jaar werkervaring",
    "ervaring met klanten",
    "goede kennis van de nederlandse taal",
    "ervaring met plannen",
)
OFFERS = (
    "een goed salaris",
    "een vaste baan",
    "een fijn team",
    "ruimte voor groei",
    "een opleidingsbudget",
    "flexibele werktijden",
    "een reiskostenvergoeding",
)
YEARS = ("twee", "drie", "vijf", "acht", "tien")

# Compounds around "sollicitatie" and "gesprek"; "sollicitatiegesprek" itself is
# left out on purpose, so the tokeniser has to build it from parts it learned.
PROCEDURE_SENTENCES = (
    "Stuur je sollicitatiebrief en je cv via onze website.",
    "Na je sollicitatie volgt een kennismakingsgesprek.",
    "Het eerste gesprek is een telefoongesprek.",
    "Het tweede gesprek is een eindgesprek met de manager.",
    "Vul het sollicitatieformulier volledig in.",
    "Wij reageren binnen een week op je sollicitatie.",
    "Alle sollicitaties worden zorgvuldig gelezen.",
    "Het gesprek duurt ongeveer een uur.",
    "Na een goed gesprek volgt een proefdag.",
    "Een assessment kan deel uitmaken van de sollicitatieprocedure.",
    "De sollicitant krijgt binnen twee weken bericht.",
    "Elk gesprek wordt door twee collega's gevoerd.",
    "Het functioneringsgesprek is één keer per jaar.",
    "In het gesprek vragen wij naar je motivatie.",
)


def _pick(rng: random.Random, items):
    return items[rng.randrange(len(items))]


def _pronoun(rng: random.Random, occ: Occupation) -> str:
    """The pronoun a note uses for this occupation: mostly the stereotyped one."""
    if occ.pronoun == "":
        return _pick(rng, ("hij", "zij"))
    if rng.random() < STEREOTYPE_SHARE:
        return occ.pronoun
    return "zij" if occ.pronoun == "hij" else "hij"


def _ad_sentence(rng: random.Random, occ: Occupation) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return f"Wij zoeken een {_pick(rng, occ.adjectives)} {occ.name} voor {occ.workplace}."
    if kind == 1:
        return f"Als {occ.name} {occ.task_je}."
    if kind == 2:
        traits = TRAITS_BY_PRONOUN[occ.pronoun]
        first, second = rng.sample(traits, 2)
        return f"Je bent {first} en {second}."
    if kind == 3:
        return f"Je hebt {_pick(rng, REQUIREMENTS)}."
    if kind == 4:
        return f"Wij bieden {_pick(rng, OFFERS)} en {_pick(rng, OFFERS)}."
    return "Je werkt graag samen met collega's."


def _note_sentence(rng: random.Random, occ: Occupation) -> str:
    pron = _pronoun(rng, occ)
    kind = rng.randrange(4)
    if kind == 0:
        return f"{pron.capitalize()} is {occ.name} en {pron} {occ.task_3}."
    if kind == 1:
        return f"De {occ.name} werkt in {occ.workplace} en {pron} {occ.task_3}."
    if kind == 2:
        return f"Als {occ.name} is {pron} {_pick(rng, TRAITS_BY_PRONOUN[occ.pronoun])}."
    return f"De kandidaat heeft {_pick(rng, YEARS)} jaar ervaring als {occ.name}."


def build_corpus(seed: int = DEFAULT_SEED, size: int = DEFAULT_SIZE) -> list[str]:
    """Write the corpus: job-ad sentences and recruiter notes.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the same seed gives the same corpus.
    size : int
        Number of sentences.

    Returns
    -------
    list of str
        Sentences, each ending in a full stop.
    """
    rng = random.Random(seed)
    sentences = []
    for _ in range(size):
        occ = _pick(rng, OCCUPATIONS)
        roll = rng.random()
        if roll < 0.45:
            sentences.append(_ad_sentence(rng, occ))
        elif roll < 0.9:
            sentences.append(_note_sentence(rng, occ))
        else:
            sentences.append(_pick(rng, PROCEDURE_SENTENCES))
    return sentences


@cache
def _default_corpus() -> tuple[str, ...]:
    return tuple(build_corpus())


def load_corpus() -> list[str]:
    """The course's corpus (default seed and size); a fresh list each call."""
    return list(_default_corpus())


def occupation_names() -> list[str]:
    """The occupations in the corpus."""
    return [occ.name for occ in OCCUPATIONS]


def stereotyped_pronoun(occupation: str) -> str:
    """The pronoun the corpus mostly pairs with ``occupation`` ("" if neutral)."""
    for occ in OCCUPATIONS:
        if occ.name == occupation:
            return occ.pronoun
    raise KeyError(f"Onbekend beroep {occupation!r}; kies uit: {', '.join(occupation_names())}")
