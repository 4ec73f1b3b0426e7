"""Names by origin group and gender, and the e-mail addresses made from them.

The lists are written for this course: common first names and surnames per
group (see FACTS.md section 8 for where the Dutch top names come from), with
famous people's surnames left out so that no full name points at someone
well known. Names are drawn with a mild rank weighting (the first names in a
list are more common), so that a few names recur as they do in real pools.
"""

from __future__ import annotations

import unicodedata

import numpy as np

from .sampling import Categorical

ORIGINS = (
    "Nederlands",
    "Marokkaans-Nederlands",
    "Turks-Nederlands",
    "Surinaams-Nederlands",
    "Pools-Nederlands",
    "overig",
)
GENDERS = ("vrouw", "man")

FIRST_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "Nederlands": {
        "vrouw": (
            "Anna",
            "Emma",
            "Sanne",
            "Lisa",
            "Femke",
            "Anouk",
            "Linda",
            "Marieke",
            "Ingrid",
            "Monique",
            "Esther",
            "Petra",
            "Sandra",
            "Eva",
            "Julia",
            "Lotte",
            "Iris",
            "Fleur",
            "Noor",
            "Sophie",
            "Laura",
            "Manon",
            "Judith",
            "Wendy",
            "Ellen",
            "Marloes",
            "Annemiek",
            "Mirjam",
            "Karin",
            "Inge",
        ),
        "man": (
            "Jan",
            "Peter",
            "Mark",
            "Kees",
            "Dennis",
            "Sander",
            "Thomas",
            "Bas",
            "Tim",
            "Ruben",
            "Daan",
            "Jeroen",
            "Martijn",
            "Niels",
            "Bram",
            "Lars",
            "Joost",
            "Wouter",
            "Rick",
            "Stefan",
            "Erik",
            "Hans",
            "Gerard",
            "Wim",
            "Sem",
            "Luuk",
            "Jesse",
            "Milan",
            "Thijs",
            "Koen",
        ),
    },
    "Marokkaans-Nederlands": {
        "vrouw": (
            "Fatima",
            "Khadija",
            "Naima",
            "Samira",
            "Souad",
            "Nadia",
            "Loubna",
            "Hanane",
            "Zineb",
            "Yasmina",
            "Siham",
            "Malika",
            "Meryem",
            "Ikram",
            "Salma",
            "Amira",
            "Hajar",
            "Imane",
            "Nora",
            "Latifa",
        ),
        "man": (
            "Mohammed",
            "Ahmed",
            "Youssef",
            "Mustafa",
            "Karim",
            "Rachid",
            "Said",
            "Hamza",
            "Bilal",
            "Ayoub",
            "Soufiane",
            "Mehdi",
            "Anouar",
            "Khalid",
            "Driss",
            "Hicham",
            "Nordin",
            "Ilias",
            "Imad",
            "Redouan",
        ),
    },
    "Turks-Nederlands": {
        "vrouw": (
            "Elif",
            "Esra",
            "Fatma",
            "Özlem",
            "Ayşe",
            "Zeynep",
            "Emine",
            "Hatice",
            "Merve",
            "Büşra",
            "Derya",
            "Selin",
            "Sevda",
            "Hülya",
            "Dilek",
            "Tuba",
            "Melek",
            "Songül",
            "Ebru",
            "Gülay",
        ),
        "man": (
            "Mehmet",
            "Ahmet",
            "Emre",
            "Burak",
            "Murat",
            "Hasan",
            "Hüseyin",
            "Osman",
            "Kemal",
            "Yusuf",
            "Serkan",
            "Cem",
            "Onur",
            "Volkan",
            "Okan",
            "Erdem",
            "Kaan",
            "Ibrahim",
            "Ömer",
            "Tolga",
        ),
    },
    "Surinaams-Nederlands": {
        "vrouw": (
            "Priya",
            "Shanti",
            "Anita",
            "Sharmila",
            "Reshma",
            "Chandra",
            "Kavita",
            "Natasha",
            "Gracia",
            "Jolanda",
            "Marisca",
            "Shirley",
            "Cindy",
            "Chantal",
            "Sharon",
            "Rowena",
            "Anjali",
            "Sita",
            "Dewi",
            "Saskia",
        ),
        "man": (
            "Ravi",
            "Rajesh",
            "Sunil",
            "Anil",
            "Vikash",
            "Ricardo",
            "Romano",
            "Dwight",
            "Marlon",
            "Clarence",
            "Glenn",
            "Ryan",
            "Rodney",
            "Stanley",
            "Sharif",
            "Jerrel",
            "Sanjay",
            "Kishan",
            "Edgar",
            "Roel",
        ),
    },
    "Pools-Nederlands": {
        "vrouw": (
            "Katarzyna",
            "Agnieszka",
            "Magdalena",
            "Joanna",
            "Małgorzata",
            "Monika",
            "Ewa",
            "Karolina",
            "Aleksandra",
            "Natalia",
            "Justyna",
            "Dorota",
            "Paulina",
            "Marta",
            "Beata",
            "Sylwia",
            "Kinga",
            "Zofia",
            "Weronika",
            "Agata",
        ),
        "man": (
            "Piotr",
            "Krzysztof",
            "Tomasz",
            "Paweł",
            "Michał",
            "Marcin",
            "Jakub",
            "Łukasz",
            "Kamil",
            "Marek",
            "Grzegorz",
            "Mateusz",
            "Dawid",
            "Rafał",
            "Bartosz",
            "Wojciech",
            "Szymon",
            "Andrzej",
            "Przemysław",
            "Artur",
        ),
    },
    "overig": {
        "vrouw": (
            "Maria",
            "Sara",
            "Mariam",
            "Linh",
            "Ana",
            "Helen",
            "Lea",
            "Rahel",
            "Olga",
            "Aisha",
            "Yara",
            "Elena",
            "Sofia",
            "Hiba",
            "Lan",
            "Amina",
            "Carmen",
            "Nadine",
            "Tamara",
            "Ivana",
        ),
        "man": (
            "Daniel",
            "Omar",
            "Tesfay",
            "Minh",
            "Carlos",
            "Lukas",
            "Ahmad",
            "Samuel",
            "David",
            "Dawit",
            "Hassan",
            "Jonas",
            "Wei",
            "Ivan",
            "Luis",
            "Abdi",
            "Marco",
            "Nikolai",
            "Tarek",
            "Diego",
        ),
    },
}

# Surnames as written after a first name ("Jan de Jong"); Dutch prefixes lower case.
LAST_NAMES: dict[str, tuple[str, ...]] = {
    "Nederlands": (
        "de Jong",
        "Jansen",
        "de Vries",
        "van den Berg",
        "van Dijk",
        "Bakker",
        "Janssen",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
        "Mulder",
        "de Groot",
        "Bos",
        "Vos",
        "Peters",
        "Hendriks",
        "van Leeuwen",
        "Dekker",
        "Brouwer",
        "de Wit",
        "Dijkstra",
        "Smits",
        "de Graaf",
        "van der Meer",
        "Kok",
        "Jacobs",
        "van der Linden",
        "Vermeulen",
        "van den Broek",
    ),
    "Marokkaans-Nederlands": (
        "El Amrani",
        "Benali",
        "El Idrissi",
        "Bouzid",
        "Boukhari",
        "El Khatib",
        "Azzouzi",
        "Belhaj",
        "Tahiri",
        "Ouali",
        "El Ouazzani",
        "Bakkali",
        "Zaidi",
        "El Hamdaoui",
        "Mansouri",
        "Chaouch",
        "Ait Haddou",
        "Bouali",
        "El Mourabit",
        "Ziani",
    ),
    "Turks-Nederlands": (
        "Yilmaz",
        "Kaya",
        "Demir",
        "Şahin",
        "Çelik",
        "Yıldız",
        "Öztürk",
        "Aydın",
        "Özdemir",
        "Arslan",
        "Doğan",
        "Kılıç",
        "Aslan",
        "Çetin",
        "Kara",
        "Koç",
        "Kurt",
        "Özkan",
        "Şimşek",
        "Polat",
    ),
    "Surinaams-Nederlands": (
        "Ramdin",
        "Sewnath",
        "Jagessar",
        "Ramsaran",
        "Baldew",
        "Kalloe",
        "Mahabier",
        "Ramlal",
        "Soekhoe",
        "Biharie",
        "Pinas",
        "Kasanredjo",
        "Sumter",
        "Wijngaarde",
        "Kanhai",
        "Doelwijt",
        "Ritfeld",
        "Amatdjais",
        "Mangroe",
        "Karsowidjojo",
    ),
    # Male forms; female forms are derived below (-ski becomes -ska).
    "Pools-Nederlands": (
        "Nowak",
        "Kowalski",
        "Wiśniewski",
        "Wójcik",
        "Kowalczyk",
        "Kamiński",
        "Zieliński",
        "Szymański",
        "Woźniak",
        "Dąbrowski",
        "Kozłowski",
        "Jankowski",
        "Mazur",
        "Kwiatkowski",
        "Krawczyk",
        "Piotrowski",
        "Grabowski",
        "Nowakowski",
        "Pawłowski",
        "Michalski",
    ),
    "overig": (
        "Nguyen",
        "Ali",
        "Hassan",
        "Tran",
        "Singh",
        "Santos",
        "Costa",
        "Müller",
        "Schmidt",
        "Haile",
        "Tesfaye",
        "Mohamud",
        "Wang",
        "Chen",
        "Petrov",
        "Garcia",
        "Rossi",
        "Martins",
        "Ibrahim",
        "Horvat",
    ),
}


# Well-known people whose names the lists could otherwise combine; the generator
# moves such a draw to the next surname in the list.
EXCLUDED_PAIRS = frozenset(
    {
        ("Jan", "Smit"),
        ("Wim", "Kok"),
        ("Peter", "de Vries"),
        ("Jan", "Mulder"),
        ("Erik", "Meijer"),
        ("Luuk", "de Jong"),
        ("Wouter", "Bos"),
        ("Sander", "Dekker"),
        ("Thomas", "Dekker"),
        ("Erik", "Dekker"),
        ("Jan", "Janssen"),
        ("Wim", "Jansen"),
        ("Jakub", "Kamiński"),
        ("Piotr", "Zieliński"),
        ("Burak", "Yilmaz"),
        ("Cem", "Yilmaz"),
        ("Luis", "Garcia"),
        ("Marco", "Rossi"),
        ("Diego", "Costa"),
    }
)


def _feminine_polish(surname: str) -> str:
    for male, female in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return surname


def last_names(origin: str, gender: str) -> tuple[str, ...]:
    """The surname list for one origin group and gender."""
    names = LAST_NAMES[origin]
    if origin == "Pools-Nederlands" and gender == "vrouw":
        return tuple(_feminine_polish(s) for s in names)
    return names


# Letters that NFKD does not decompose into an ASCII base letter.
_ASCII_EXTRA = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "ß": "ss"})


def ascii_fold(text: str) -> str:
    """Lower case ASCII, without spaces or punctuation, for e-mail local parts."""
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    folded = folded.encode("ascii", "ignore").decode("ascii").lower()
    return "".join(ch for ch in folded if ch.isalnum())


# Reserved by RFC 2606 / RFC 6761: example.com/.net/.org and anything under .example.
# example.nl is a registrable .nl name, not reserved, so it is not used.
EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "voorbeeld.example", "mail.example")
EMAIL_PATTERNS = ("{f}.{l}", "{f}{l}", "{i}.{l}", "{f}.{l}{y}", "{f}{y}", "{i}{l}{y}")


def _rank_weights(k: int) -> np.ndarray:
    # Zipf-like: the first names of a list are more common than the last.
    w = 1.0 / (np.arange(k) + 4.0)
    return w / w.sum()


class NamePools:
    """All names flattened into arrays, with per-(origin, gender) blocks.

    Group code = origin * 2 + gender. ``first_start[g]`` is where group g's
    first names begin in ``first``; ``first_sampler`` draws a position
    within the block (likewise for surnames).
    """

    def __init__(self) -> None:
        firsts, lasts, f_start, l_start, f_w, l_w = [], [], [], [], [], []
        for origin in ORIGINS:
            for gender in GENDERS:
                f = FIRST_NAMES[origin][gender]
                ln = last_names(origin, gender)
                f_start.append(len(firsts))
                l_start.append(len(lasts))
                f_w.append(_rank_weights(len(f)))
                l_w.append(_rank_weights(len(ln)))
                firsts.extend(f)
                lasts.extend(ln)
        self.first = np.array(firsts, dtype=object)
        self.last = np.array(lasts, dtype=object)
        self.first_start = np.array(f_start)
        self.last_start = np.array(l_start)
        self.first_count = np.array([len(w) for w in f_w])
        self.last_count = np.array([len(w) for w in l_w])
        self.first_sampler = Categorical(_pad(f_w))
        self.last_sampler = Categorical(_pad(l_w))
        self.first_ascii = np.array([ascii_fold(x) for x in firsts], dtype=object)
        self.first_initial = np.array([ascii_fold(x)[0] for x in firsts], dtype=object)
        self.last_ascii = np.array([ascii_fold(x) for x in lasts], dtype=object)
        self.excluded = np.array(
            sorted(
                int(f) * len(lasts) + int(ln)
                for g in range(len(f_start))
                for f in range(f_start[g], f_start[g] + self.first_count[g])
                for ln in range(l_start[g], l_start[g] + self.last_count[g])
                if (firsts[f], lasts[ln]) in EXCLUDED_PAIRS
            ),
            dtype=np.int64,
        )

    def draw(
        self, group: np.ndarray, u_first: np.ndarray, u_last: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Indices into ``first`` and ``last`` per row, from group codes and uniforms."""
        fi = self.first_start[group] + self.first_sampler.sample(u_first, group)
        local = self.last_sampler.sample(u_last, group)
        famous = np.isin(fi * len(self.last) + self.last_start[group] + local, self.excluded)
        local = np.where(famous, (local + 1) % self.last_count[group], local)
        return fi, self.last_start[group] + local


def _pad(rows: list[np.ndarray]) -> np.ndarray:
    out = np.zeros((len(rows), max(len(r) for r in rows)))
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
    return out


_POOLS: NamePools | None = None


def name_pools() -> NamePools:
    """The shared :class:`NamePools` (built once)."""
    global _POOLS
    if _POOLS is None:
        _POOLS = NamePools()
    return _POOLS


def email_tables(pools: NamePools) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Lookup tables for e-mail addresses, built once.

    Returns the local-part stems for every (first name, surname, pattern)
    within each (origin, gender) group, the offset of each group's block, and
    the suffixes: two-digit year (or nothing) plus "@domain". Patterns that end
    in a year get their year from the suffix table.
    """
    global _EMAIL_TABLES
    if _EMAIL_TABLES is None:
        stems, offsets = [], []
        for g in range(len(pools.first_start)):
            offsets.append(len(stems))
            for f in range(pools.first_start[g], pools.first_start[g] + pools.first_count[g]):
                for ln in range(pools.last_start[g], pools.last_start[g] + pools.last_count[g]):
                    fa, ia, la = pools.first_ascii[f], pools.first_initial[f], pools.last_ascii[ln]
                    stems.extend(
                        pat.replace("{y}", "").format(f=fa, i=ia, l=la) for pat in EMAIL_PATTERNS
                    )
        suffixes = [
            f"{y}@{d}" for y in [""] + [f"{k:02d}" for k in range(100)] for d in EMAIL_DOMAINS
        ]
        _EMAIL_TABLES = (
            np.array(stems, dtype=object),
            np.array(offsets),
            np.array(suffixes, dtype=object),
        )
    return _EMAIL_TABLES


_EMAIL_TABLES = None
_PATTERN_HAS_YEAR = np.array(["{y}" in p for p in EMAIL_PATTERNS])


def make_emails(
    pools: NamePools,
    group: np.ndarray,
    fi: np.ndarray,
    li: np.ndarray,
    birth_year: np.ndarray,
    pattern: np.ndarray,
    domain: np.ndarray,
) -> np.ndarray:
    """E-mail addresses (object array) from name indices, birth year, pattern and domain."""
    stems, offsets, suffixes = email_tables(pools)
    local_f = fi - pools.first_start[group]
    local_l = li - pools.last_start[group]
    code = (
        offsets[group]
        + (local_f * pools.last_count[group] + local_l) * len(EMAIL_PATTERNS)
        + pattern
    )
    year = np.where(_PATTERN_HAS_YEAR[pattern], 1 + birth_year % 100, 0)
    return stems[code] + suffixes[year * len(EMAIL_DOMAINS) + domain]
