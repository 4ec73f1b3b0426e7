"""Render the Dutch CV text of each applicant.

Four layouts (classic, compact, narrative, modern) and several phrasings per
section, chosen at random per row. Everything that repeats (lists, dates) is
built once per distinct value; only the final assembly loops over rows.
Names appear as "first last" and as the first name alone, and the e-mail
address appears exactly as in the ``email`` column, so that
:func:`fairhire.world.swap_names` can replace all of them.
"""

from __future__ import annotations

import numpy as np

from . import traits
from .names import GENDERS
from .places import POSTCODE_LETTERS
from .sampling import Categorical
from .vacancies import (
    EDUCATION_END_AGE,
    FIELDS,
    GENERIC_CERTIFICATES,
    GENERIC_SKILLS,
    VACANCIES,
    VACANCY_LABELS,
)

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
LAYOUTS = ("klassiek", "compact", "verhalend", "modern")

_INSTITUTION = ("vmbo-school", "ROC", "middelbare school", "hogeschool", "universiteit")
_LEVEL_TEXT = ("vmbo", "mbo", "havo/vwo", "hbo", "wo")

# Career-gap reasons: (short form, sentence form), and their probabilities by gender.
_GAP_REASONS = (
    ("zorg voor kinderen", "de zorg voor mijn kinderen"),
    ("mantelzorg", "mantelzorg voor een familielid"),
    ("wereldreis", "een lange reis"),
    ("verhuizing", "een verhuizing"),
)
_GAP_REASON_P = {"vrouw": (0.55, 0.20, 0.10, 0.15), "man": (0.25, 0.25, 0.30, 0.20)}

_PROFILES = (
    "Ik ben {first}, gemotiveerd om aan de slag te gaan als {vacancy}. {exp} {hours}",
    "Enthousiaste en betrouwbare kracht die graag werkt als {vacancy}. {exp} {hours}",
    "Met dit cv solliciteer ik naar de functie {vacancy}. {exp} {hours}",
    "Hallo, ik ben {first}. Ik zoek een nieuwe uitdaging als {vacancy}. {exp} {hours}",
    "Als {vacancy} wil ik mijn kennis en inzet goed gebruiken. {exp} {hours}",
)
_EXP_NONE = (
    "Ik heb nog geen ervaring in dit vak, maar ik leer snel.",
    "Ervaring in dit vak heb ik nog niet; ik wil het graag leren.",
)
_EXP_SOME = (
    "Ik heb {y} jaar ervaring in dit vak.",
    "Ik breng {y} jaar relevante werkervaring mee.",
    "In dit vak heb ik {y} jaar ervaring opgedaan.",
)
_HOURS = (
    "Ik ben beschikbaar voor {h} uur per week.",
    "Ik zoek een baan van {h} uur per week.",
    "Gewenste omvang: {h} uur per week.",
)
_HOURS_FULL = (
    "Ik zoek een fulltime baan ({h} uur per week).",
    "Ik ben fulltime beschikbaar, {h} uur per week.",
    "Gewenste omvang: fulltime, {h} uur per week.",
)


def _pick(templates: tuple[str, ...], idx: np.ndarray) -> np.ndarray:
    return np.array(templates, dtype=object)[idx % len(templates)]


def _by_unique(codes: np.ndarray, label) -> np.ndarray:
    uniq, inverse = np.unique(codes, return_inverse=True)
    return np.array([label(c) for c in uniq.tolist()], dtype=object)[inverse]


def _enumerate(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _labels(mask: int, labels: tuple[str, ...]) -> list[str]:
    return [labels[i] for i in range(len(labels)) if (mask >> i) & 1]


def render_cv_texts(
    rng: np.random.Generator,
    cols: dict,
    *,
    vac,
    edu,
    field_idx,
    years_exp,
    gap,
    birth_days,
    rel_mask,
    gen_mask,
    cert_mask,
    hob_code,
    mem_code,
    pc_letters,
    gender,
) -> np.ndarray:
    """Render one CV text per row; draws its own choices from ``rng`` (last)."""
    n = len(vac)
    year_now = 2025
    vacs = [VACANCIES[v] for v in VACANCY_LABELS]

    # text-only draws, all after the tabular ones
    layout = rng.integers(0, len(LAYOUTS), n)
    v_profile = rng.integers(0, len(_PROFILES), n)
    v_exp = rng.integers(0, 6, n)
    v_hours = rng.integers(0, 3, n)
    v_phone = rng.integers(0, 4, n)
    role_a = rng.integers(0, 4, n)
    role_b = role_a + rng.integers(1, 4, n)
    starter = rng.integers(0, 4, n)
    gap_reason = Categorical([_GAP_REASON_P[g] for g in GENDERS]).sample(rng.random(n), gender)

    first = cols["first_name"]
    name = first + " " + cols["last_name"]
    vacancy = cols["vacancy"]
    hours = cols["hours_per_week"]
    city = cols["city"]
    address = (
        cols["street"]
        + ", "
        + cols["postcode"]
        + " "
        + np.array(POSTCODE_LETTERS, dtype=object)[pc_letters]
        + " "
        + city
    )

    digits = cols["phone"]  # "06-99dddddd"
    phone = np.empty(n, dtype=object)
    for k, fmt in enumerate(
        (
            lambda p: p,
            lambda p: f"06 {p[3:5]} {p[5:7]} {p[7:9]} {p[9:11]}",
            lambda p: f"+31 6 {p[3:]}",
            lambda p: "06" + p[3:],
        )
    ):
        rows = np.flatnonzero(v_phone == k)
        phone[rows] = [fmt(p) for p in digits[rows].tolist()]

    lo = birth_days.min()
    day_idx = (birth_days - lo).astype(np.int64)

    def long_date(i: int) -> str:
        d = (lo + np.timedelta64(i, "D")).astype(object)
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    birth_long = _by_unique(day_idx, long_date)
    birth_short = _by_unique(
        day_idx, lambda i: (lo + np.timedelta64(i, "D")).astype(object).strftime("%d-%m-%Y")
    )

    # profile sentence
    exp_sentence = np.where(years_exp == 0, _pick(_EXP_NONE, v_exp), _pick(_EXP_SOME, v_exp))
    hours_sentence = np.where(hours >= 35, _pick(_HOURS_FULL, v_hours), _pick(_HOURS, v_hours))
    profile = [
        _PROFILES[p].format(first=f, vacancy=v, exp=e.format(y=y), hours=h.format(h=hh))
        for p, f, v, e, y, h, hh in zip(
            v_profile.tolist(),
            first.tolist(),
            vacancy.tolist(),
            exp_sentence.tolist(),
            years_exp.tolist(),
            hours_sentence.tolist(),
            hours.tolist(),
            strict=True,
        )
    ]

    # education
    grad_year = year_now - np.maximum(cols["age"] - np.array(EDUCATION_END_AGE)[edu], 0)
    edu_line = _by_unique(edu * 100 + field_idx, _edu_label)

    # experience lines: (list form, prose form)
    exp_list, exp_prose = _experience(
        vacs, vac, years_exp, gap, gap_reason, role_a, role_b, starter, year_now
    )

    # lists, built once per distinct combination
    skill_code = (vac * 256 + rel_mask) * (1 << len(GENERIC_SKILLS)) + gen_mask

    def skill_items(c: int) -> list[str]:
        rest, g = divmod(c, 1 << len(GENERIC_SKILLS))
        v, r = divmod(rest, 256)
        return _labels(r, vacs[v].skills) + _labels(g, GENERIC_SKILLS)

    skills_bullets = _by_unique(
        skill_code, lambda c: "\n".join("- " + s for s in skill_items(c)) or "- (geen opgegeven)"
    )
    skills_inline = _by_unique(skill_code, lambda c: ", ".join(skill_items(c)) or "geen opgegeven")
    cert_code = vac * 32 + cert_mask

    def cert_items(c: int) -> list[str]:
        v, m = divmod(c, 32)
        return _labels(m, vacs[v].certificates + GENERIC_CERTIFICATES)

    certs_bullets = _by_unique(
        cert_code, lambda c: "\n".join("- " + s for s in cert_items(c)) or "- geen"
    )
    certs_inline = _by_unique(cert_code, lambda c: ", ".join(cert_items(c)) or "geen")
    certs_prose = _by_unique(
        cert_code,
        lambda c: (
            ("Ik heb " + _enumerate(["een " + s for s in cert_items(c)]) + ".")
            if cert_items(c)
            else ""
        ),
    )
    hob, mem = traits.HOBBY_LABELS, traits.MEMBERSHIP_LABELS
    hobbies_inline = traits.combo_table(hob, 3, _capitalised_list)[hob_code]
    hobbies_prose = traits.combo_table(hob, 3, _hobby_sentence)[hob_code]
    mems_bullets = traits.combo_table(mem, 2, _bullets)[mem_code]
    mems_prose = traits.combo_table(mem, 2, _membership_sentence)[mem_code]
    languages = cols["languages"]

    texts = np.empty(n, dtype=object)
    fields = dict(
        name=name,
        first=first,
        vacancy=vacancy,
        address=address,
        phone=phone,
        email=cols["email"],
        birth_long=birth_long,
        birth_short=birth_short,
        profile=np.array(profile, dtype=object),
        grad=grad_year,
        edu=edu_line,
        exp_list=exp_list,
        exp_prose=exp_prose,
        skills_b=skills_bullets,
        skills_i=skills_inline,
        certs_b=certs_bullets,
        certs_i=certs_inline,
        certs_p=certs_prose,
        hob_i=hobbies_inline,
        hob_p=hobbies_prose,
        mem_b=mems_bullets,
        mem_p=mems_prose,
        lang=languages,
        city=city,
        hours=hours,
    )
    for k, render in enumerate((_classic, _compact, _narrative, _modern)):
        rows = np.flatnonzero(layout == k)
        sub = {key: (val[rows].tolist()) for key, val in fields.items()}
        texts[rows] = [render(*vals) for vals in zip(*(sub[key] for key in fields), strict=True)]
    return texts


def _capitalised_list(items: list[str]) -> str:
    return ", ".join(items).capitalize()


def _hobby_sentence(items: list[str]) -> str:
    return "In mijn vrije tijd houd ik van " + _enumerate(items) + "."


def _bullets(items: list[str]) -> str:
    return "\n".join("- " + s[0].upper() + s[1:] for s in items)


def _membership_sentence(items: list[str]) -> str:
    return "Daarnaast ben ik " + _enumerate(items) + "." if items else ""


def _edu_label(code: int) -> str:
    level, field = divmod(code, 100)
    return f"{_LEVEL_TEXT[level]} {FIELDS[field]}, {_INSTITUTION[level]}"


def _experience(vacs, vac, years_exp, gap, gap_reason, role_a, role_b, starter, year_now):
    """Experience section as a list (one line per item) and as prose."""
    exp_list = np.empty(len(vac), dtype=object)
    exp_prose = np.empty(len(vac), dtype=object)
    for i, (v, y, g, r, a, b, s) in enumerate(
        zip(
            vac.tolist(),
            years_exp.tolist(),
            gap.tolist(),
            gap_reason.tolist(),
            role_a.tolist(),
            role_b.tolist(),
            starter.tolist(),
            strict=True,
        )
    ):
        roles = vacs[v].roles
        lines, prose = [], []
        start = year_now - y
        if y >= 6:
            mid = start + y // 2
            lines.append(f"{mid} - heden: {roles[b % 4]}")
            lines.append(f"{start} - {mid}: {roles[a % 4]}")
            prose.append(
                f"Sinds {mid} werk ik als {roles[b % 4]}; daarvoor was ik vanaf {start} "
                f"{roles[a % 4]}."
            )
        elif y > 0:
            lines.append(f"{start} - heden: {roles[a % 4]}")
            prose.append(f"Sinds {start} werk ik als {roles[a % 4]}.")
        else:
            job = vacs[v].starter_jobs[s % len(vacs[v].starter_jobs)]
            lines.append(f"bijbaan als {job}")
            prose.append(f"Ik heb nog niet in dit vak gewerkt; wel had ik een bijbaan als {job}.")
        if g:
            end = start if y else year_now
            begin = end - max(1, round(g / 12))
            span = f"{begin} - {end}"
            short, long = _GAP_REASONS[r]
            lines.append(f"{span}: loopbaanonderbreking ({short}, {g} maanden)")
            prose.append(f"Van {begin} tot {end} heb ik {g} maanden niet gewerkt vanwege {long}.")
        exp_list[i] = lines
        exp_prose[i] = " ".join(prose)
    return exp_list, exp_prose


def _classic(
    name,
    first,
    vacancy,
    address,
    phone,
    email,
    birth_long,
    birth_short,
    profile,
    grad,
    edu,
    exp_list,
    exp_prose,
    skills_b,
    skills_i,
    certs_b,
    certs_i,
    certs_p,
    hob_i,
    hob_p,
    mem_b,
    mem_p,
    lang,
    city,
    hours,
) -> str:
    exp = "\n".join(exp_list)
    mem = f"\n\nLidmaatschappen\n{mem_b}" if mem_b else ""
    return (
        f"CURRICULUM VITAE\n\nPersonalia\nNaam: {name}\nAdres: {address}\nTelefoon: {phone}\n"
        f"E-mail: {email}\nGeboortedatum: {birth_long}\n\nProfiel\n{profile}\n\n"
        f"Opleiding\n{grad}: {edu}\n\nWerkervaring\n{exp}\n\nVaardigheden\n{skills_b}\n\n"
        f"Certificaten\n{certs_b}\n\nTalen\n{lang}\n\nHobby's\n{hob_i}{mem}\n"
    )


def _compact(
    name,
    first,
    vacancy,
    address,
    phone,
    email,
    birth_long,
    birth_short,
    profile,
    grad,
    edu,
    exp_list,
    exp_prose,
    skills_b,
    skills_i,
    certs_b,
    certs_i,
    certs_p,
    hob_i,
    hob_p,
    mem_b,
    mem_p,
    lang,
    city,
    hours,
) -> str:
    exp = "; ".join(exp_list)
    mem = (
        f"\nVERENIGINGEN: {mem_b.replace(chr(10) + '- ', '; ').removeprefix('- ')}" if mem_b else ""
    )
    return (
        f"{name} | {address} | {phone} | {email}\nGeboren op {birth_short}\n\n"
        f"PROFIEL: {profile}\nOPLEIDING: {edu} ({grad})\nERVARING: {exp}\n"
        f"VAARDIGHEDEN: {skills_i}\nCERTIFICATEN: {certs_i}\nTALEN: {lang}\n"
        f"HOBBY'S: {hob_i}{mem}\n"
    )


def _narrative(
    name,
    first,
    vacancy,
    address,
    phone,
    email,
    birth_long,
    birth_short,
    profile,
    grad,
    edu,
    exp_list,
    exp_prose,
    skills_b,
    skills_i,
    certs_b,
    certs_i,
    certs_p,
    hob_i,
    hob_p,
    mem_b,
    mem_p,
    lang,
    city,
    hours,
) -> str:
    free_time = " ".join(x for x in (hob_p, mem_p) if x)
    certs = f" {certs_p}" if certs_p else ""
    return (
        f"Over mij\nMijn naam is {name} en ik woon in {city}. {profile}\n\n"
        f"Contactgegevens\n{address}\n{phone} · {email}\nGeboortedatum: {birth_long}\n\n"
        f"Mijn opleiding\nIn {grad} rondde ik mijn opleiding af: {edu}.\n\n"
        f"Mijn ervaring\n{exp_prose}\n\nWaar ik goed in ben\n{skills_i}.{certs}\n\n"
        f"Talen\n{lang}\n\nIn mijn vrije tijd\n{free_time}\n\n"
        f"Met vriendelijke groet,\n{name}\n"
    )


def _modern(
    name,
    first,
    vacancy,
    address,
    phone,
    email,
    birth_long,
    birth_short,
    profile,
    grad,
    edu,
    exp_list,
    exp_prose,
    skills_b,
    skills_i,
    certs_b,
    certs_i,
    certs_p,
    hob_i,
    hob_p,
    mem_b,
    mem_p,
    lang,
    city,
    hours,
) -> str:
    exp = "\n".join("• " + line for line in exp_list)
    interests = "• " + hob_i + ("\n" + mem_b.replace("- ", "• ") if mem_b else "")
    return (
        f"{name}\n{vacancy[0].upper() + vacancy[1:]} | {hours} uur per week\n\n"
        f"CONTACT\n• {email}\n• {phone}\n• {address}\n• Geboren: {birth_short}\n\n"
        f"PROFIEL\n{profile}\n\nWERKERVARING\n{exp}\n\nOPLEIDING\n• {edu}, {grad}\n\n"
        f"COMPETENTIES\n{skills_b.replace('- ', '• ')}\n\nCERTIFICATEN\n{certs_i}\n\n"
        f"TALEN\n{lang}\n\nINTERESSES\n{interests}\n"
    )
