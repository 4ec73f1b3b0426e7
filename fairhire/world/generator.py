"""``make_applicants``: the seeded generator of the simulated world.

Vectorised with numpy: every column is drawn for all rows at once from one
``numpy.random.Generator``; only the CV texts are rendered row by row. The
docstring of :func:`make_applicants` states the generative process.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from numbers import Integral, Real

import numpy as np
import pandas as pd

from . import traits
from .names import EMAIL_DOMAINS, EMAIL_PATTERNS, GENDERS, ORIGINS, make_emails, name_pools
from .places import POSTCODE_LETTERS, STREET_NAMES, geography
from .sampling import POPCOUNT, Categorical, bernoulli_mask, beta_bins, beta_icdf
from .vacancies import (
    DUTCH_LEVELS,
    EDUCATION_END_AGE,
    EDUCATION_LEVELS,
    FIELDS,
    GENERIC_CERTIFICATES,
    GENERIC_SKILLS,
    VACANCIES,
    VACANCY_LABELS,
)

# --- defaults and calibration (the datasheet explains each number) -------------

DEFAULT_SEED = 2024
REFERENCE_DATE = date(2025, 9, 1)  # "today" in the simulated world

DEFAULT_GROUP_SHARES: dict[str, float] = {
    "Nederlands": 0.60,
    "Marokkaans-Nederlands": 0.08,
    "Turks-Nederlands": 0.08,
    "Surinaams-Nederlands": 0.07,
    "Pools-Nederlands": 0.07,
    "overig": 0.10,
}
DEFAULT_FEMALE_SHARE = 0.47  # women's share of the employed, Emancipatiemonitor 2024

# Invitation rate of each group relative to "Nederlands" at equal suitability,
# when origin_bias = 1 (FACTS.md section 5):
#   Marokkaans-Nederlands 19/34 and Surinaams-Nederlands 23/34: SCP 2015
#   (Hindustani applicants stand in for Surinamese-Dutch);
#   Turks-Nederlands 1/1.4: GEMM non-Western ratio (Thijssen et al. 2021);
#   Pools-Nederlands 1/1.2: GEMM Western ratio; overig 1/1.3: between the two.
ORIGIN_INVITE_RATIOS: dict[str, float] = {
    "Nederlands": 1.0,
    "Marokkaans-Nederlands": 19 / 34,
    "Turks-Nederlands": 1 / 1.4,
    "Surinaams-Nederlands": 23 / 34,
    "Pools-Nederlands": 1 / 1.2,
    "overig": 1 / 1.3,
}
# Smaller penalties (assumptions; no Dutch callback figures exist, FACTS.md 5):
AGE_50_PLUS_RATIO = 0.75  # invitation ratio for age 50+ when age_bias = 1
GAP_RATIO_PER_YEAR = 0.85  # per year of career gap, counted up to two years
PARTTIME_RATIO_UNDER_20 = 0.80
PARTTIME_RATIO_20_TO_34 = 0.90

# Invitation base rate: sigmoid(INVITE_INTERCEPT + INVITE_SLOPE * z), z = (suitability - 50) / 15,
# with the intercept set so that "Nederlands" applicants are invited about 34% of
# the time (SCP 2015) under the default biases.
INVITE_INTERCEPT = -0.66
INVITE_SLOPE = 1.6
# Hiring among the invited depends on suitability and chance only.
HIRE_INTERCEPT = -2.1
HIRE_SLOPE = 1.5

BIAS_MAX = 3.0

# CBS 2023 hours per week by sex (FACTS.md section 8): <20, 20-35, 35+.
HOURS_BANDS_P = {"vrouw": (0.206, 0.483, 0.311), "man": (0.120, 0.173, 0.706)}
HOURS_IN_BAND = ((12, 16), (20, 24, 28, 32), (36, 38, 40))
HOURS_IN_BAND_P = ((0.4, 0.6), (0.2, 0.3, 0.2, 0.3), (0.4, 0.2, 0.4))

# Career gaps: how often and how long (assumptions; they fall mostly on women).
GAP_P = {"vrouw": 0.30, "man": 0.08}
GAP_MONTHS = (3, 6, 9, 12, 18, 24, 36)
GAP_MONTHS_P = (0.12, 0.22, 0.12, 0.20, 0.14, 0.12, 0.08)

AGE_BANDS = ("18-29", "30-39", "40-49", "50+")
_AGE_BAND_OF_AGE = np.array(
    [AGE_BANDS[int(np.searchsorted([30, 40, 50], a, side="right"))] for a in range(120)],
    dtype=object,
)

# Weights of the true suitability score (job-relevant attributes only).
W_EDUCATION, W_FIELD, W_EXPERIENCE, W_SKILL, W_CERT, W_LATENT = 1.2, 1.0, 0.35, 0.30, 0.35, 0.7
EXPERIENCE_CAP = 10  # years; more experience adds nothing (diminishing returns)

# Column order of the returned frame; cv_text only when rendered.
COLUMNS = (
    "applicant_id",
    "vacancy",
    "first_name",
    "last_name",
    "gender",
    "origin",
    "age",
    "age_band",
    "birth_date",
    "email",
    "phone",
    "street",
    "postcode",
    "city",
    "education",
    "education_field",
    "years_experience",
    "career_gap_months",
    "hours_per_week",
    "dutch_level",
    "languages",
    "skills",
    "certificates",
    "hobbies",
    "memberships",
    "cv_text",
    "suitability",
    "invited",
    "hired",
)
OUTCOME_COLUMNS = ("suitability", "invited", "hired")

PHONE_PREFIX = "06-99"  # see datasets/README.md: 069 is outside the mobile ranges 061-065/068
PHONE_MULTIPLIER, PHONE_OFFSET = 738_541, 271_828  # gcd(738541, 10**6) = 1: a bijection


# --- parameter validation --------------------------------------------------------


def _fail(name: str, allowed: str, value, dutch: str) -> ValueError:
    return ValueError(f"{name} must be {allowed}, got {value!r}. ({dutch})")


def _check_int(name: str, value, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral) or not low <= value <= high:
        raise _fail(
            name,
            f"an integer from {low:,} to {high:,}",
            value,
            f"{name} moet een geheel getal van {low:,} tot en met {high:,} zijn.",
        )
    return int(value)


def _check_real(name: str, value, low: float, high: float) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, Real)
        or not math.isfinite(value)
        or not low <= value <= high
    ):
        raise _fail(
            name,
            f"a number from {low} to {high}",
            value,
            f"{name} moet een getal van {low} tot en met {high} zijn.",
        )
    return float(value)


def _check_weights(name: str, value, allowed: Sequence[str]) -> np.ndarray:
    """A mapping (or sequence of keys) over ``allowed`` to normalised weights."""
    if isinstance(value, str):
        value = {value: 1.0}
    elif not isinstance(value, Mapping):
        try:
            value = dict.fromkeys(list(value), 1.0)
        except TypeError:
            value = None
    if not value:
        raise _fail(
            name,
            f"a mapping (or list) over {list(allowed)}",
            value,
            f"{name} moet een of meer van deze waarden bevatten: {', '.join(allowed)}.",
        )
    unknown = [k for k in value if k not in allowed]
    if unknown:
        raise _fail(
            name,
            f"keys from {list(allowed)}",
            unknown,
            f"onbekend in {name}: {', '.join(map(str, unknown))}; kies uit {', '.join(allowed)}.",
        )
    w = np.zeros(len(allowed))
    for k, share in value.items():
        if (
            isinstance(share, bool)
            or not isinstance(share, Real)
            or not math.isfinite(share)
            or share < 0
        ):
            raise _fail(
                name,
                "non-negative numbers",
                {k: share},
                f"de aandelen in {name} moeten getallen van 0 of meer zijn.",
            )
        w[allowed.index(k)] = float(share)
    if w.sum() <= 0:
        raise _fail(
            name,
            "weights with a positive sum",
            value,
            f"de aandelen in {name} mogen niet allemaal 0 zijn.",
        )
    return w / w.sum()


def _check_rng(random_state) -> np.random.Generator:
    if isinstance(random_state, np.random.Generator):
        return random_state
    if random_state is None:
        return np.random.default_rng()
    if isinstance(random_state, bool) or not isinstance(random_state, Integral) or random_state < 0:
        raise _fail(
            "random_state",
            "None, a non-negative integer or a numpy Generator",
            random_state,
            "random_state moet None, een geheel getal van 0 of meer, of een numpy Generator zijn.",
        )
    return np.random.default_rng(int(random_state))


# --- helpers ----------------------------------------------------------------------


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _birth_dates(age: np.ndarray, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Birth dates consistent with ``age`` on REFERENCE_DATE: (datetime64[D], year)."""
    ref = REFERENCE_DATE
    ages = np.arange(age.max() + 1)
    latest = np.array([date(ref.year - a, ref.month, ref.day).toordinal() for a in ages])
    earliest = np.array([date(ref.year - a - 1, ref.month, ref.day).toordinal() + 1 for a in ages])
    span = latest - earliest + 1
    ordinal = earliest[age] + np.minimum((u * span[age]).astype(np.int64), span[age] - 1)
    epoch = date(1970, 1, 1).toordinal()
    days = (ordinal - epoch).astype("datetime64[D]")
    years = days.astype("datetime64[Y]").astype(np.int64) + 1970
    return days, years


def _date_strings(days: np.ndarray) -> np.ndarray:
    lo, hi = days.min(), days.max()
    table = np.datetime_as_string(np.arange(lo, hi + np.timedelta64(1, "D"))).astype(object)
    return table[(days - lo).astype(np.int64)]


_NUMBER_STRINGS = np.array([f"{k:03d}" for k in range(1000)], dtype=object)


# --- the generator ----------------------------------------------------------------


def make_applicants(
    n_samples: int = 1000,
    *,
    vacancy: str | Sequence[str] | Mapping[str, float] | None = None,
    origin_bias: float = 1.0,
    age_bias: float = 1.0,
    gap_bias: float = 1.0,
    parttime_bias: float = 1.0,
    group_shares: Mapping[str, float] | None = None,
    female_share: float = DEFAULT_FEMALE_SHARE,
    with_cv_text: bool = True,
    id_start: int = 1,
    random_state: int | np.random.Generator | None = None,
) -> pd.DataFrame:
    """Generate synthetic job applicants with a true suitability and a biased history.

    The data are synthetic and biased on purpose: past recruiters in this world
    invited applicants less often for their origin, age, career gap and
    part-time wish, while the true suitability is the same in every group.

    Parameters
    ----------
    n_samples : int, default 1000
        Number of applicants (rows), 1 to 10,000,000.
    vacancy : str, sequence of str, mapping of str to float, or None
        Which vacancies the applicants apply for. None mixes all four with
        their default shares (bakery 40%, the others 20% each); a label such
        as ``"productiemedewerker bakkerij"`` gives one vacancy; a sequence
        mixes those equally; a mapping gives relative weights.
    origin_bias : float in [0, 3], default 1
        Strength of the recruiters' bias by origin. 0 = none; 1 = calibrated
        to Dutch field experiments (invitation ratios in
        ``ORIGIN_INVITE_RATIOS``); 2 squares those ratios, and so on.
    age_bias : float in [0, 3], default 1
        Strength of the penalty for age 50+ (ratio ``AGE_50_PLUS_RATIO`` at 1).
    gap_bias : float in [0, 3], default 1
        Strength of the penalty per year of career gap (``GAP_RATIO_PER_YEAR``
        at 1, counted up to two years).
    parttime_bias : float in [0, 3], default 1
        Strength of the penalty for wanting part-time work (ratios
        ``PARTTIME_RATIO_UNDER_20`` and ``PARTTIME_RATIO_20_TO_34`` at 1).
    group_shares : mapping of origin to float, optional
        Relative shares of the origin groups; missing groups get 0. Default
        ``DEFAULT_GROUP_SHARES``. Keys: ``"Nederlands"``,
        ``"Marokkaans-Nederlands"``, ``"Turks-Nederlands"``,
        ``"Surinaams-Nederlands"``, ``"Pools-Nederlands"``, ``"overig"``.
    female_share : float in [0, 1], default 0.47
        Share of women among applicants.
    with_cv_text : bool, default True
        Render a Dutch CV text per applicant (column ``cv_text``). The other
        columns are the same either way: text is drawn after everything else.
    id_start : int, default 1
        First ``applicant_id``; ids run from ``id_start`` to
        ``id_start + n_samples - 1`` (the shipped files use separate ranges).
    random_state : int, numpy.random.Generator or None
        Seed. The same seed and parameters give the same frame, byte for byte
        when written with :func:`fairhire.world.to_csv_bytes`.

    Returns
    -------
    pandas.DataFrame
        One row per applicant, columns in this order: applicant_id, vacancy,
        first_name, last_name, gender, origin, age, age_band, birth_date,
        email, phone, street, postcode, city, education, education_field,
        years_experience, career_gap_months, hours_per_week, dutch_level,
        languages, skills, certificates, hobbies, memberships, cv_text (if
        rendered), suitability, invited, hired.

    Notes
    -----
    The generative process, step by step (one shared Generator):

    1. vacancy from the vacancy weights; gender with ``female_share``;
       origin from ``group_shares``; all three independent.
    2. age: 18 + floor(50 * Beta(2, 3)), so 18 to 67, same in every group.
    3. education level and field from the vacancy's applicant pool (the
       default mix of vacancies gives the CBS 2024 level shares), independent
       of gender and origin.
    4. years_experience: years since the end of education times Beta(1.6, 2.2).
    5. skills: each of the vacancy's eight relevant skills with probability
       Beta(2, 3) + 0.015 * min(experience, 12); each of six generic skills
       with probability 0.25 (no merit). Each of three relevant certificates
       with probability 0.10 + 0.30 * field relevance; two generic ones 0.12.
    6. suitability = 50 + 15 * standardised(1.2 * education points + 1.0 *
       field relevance + 0.35 * log(1 + min(experience, 10)) + 0.30 * relevant
       skills + 0.35 * relevant certificates + 0.7 * N(0, 1)), clipped to
       [0, 100] and rounded to 0.1 (standardised with fixed per-vacancy
       constants, so a row does not depend on the others). Only job-relevant
       attributes enter, and none of them depends on gender or origin, so
       suitability has the same distribution in every group.
    7. career_gap_months: a gap with probability 0.30 for women and 0.08 for
       men, 3 to 36 months, bounded by the years available; it does not
       lower experience or suitability.
    8. hours_per_week from CBS 2023 part-time shares by sex.
    9. dutch_level from a distribution per origin, truncated at the
       vacancy's minimum (everyone meets it; above it, level is not merit);
       other languages, hobbies (by gender) and memberships (by gender and
       origin).
    10. names by origin and gender; birth date consistent with age; e-mail
        on reserved domains; phone in the unused 06-99 block (unique per
        applicant_id); an invented street; postcode area with residential
        clustering by origin.
    11. invited ~ Bernoulli(sigmoid(-0.66 + 1.6 z) * r_origin ** origin_bias
        * 0.75 ** (age_bias * [age >= 50]) * 0.85 ** (gap_bias * min(gap,
        24) / 12) * r_hours ** parttime_bias), z = (suitability - 50) / 15.
        Multiplying probabilities makes each ratio exactly the invitation
        ratio at equal suitability, which is what field experiments measure.
    12. hired ~ invited * Bernoulli(sigmoid(-2.1 + 1.5 z)): the interview
        stage sees suitability and chance only.
    13. cv_text rendered in one of four Dutch layouts with varied phrasing.

    Examples
    --------
    >>> df = make_applicants(500, random_state=0)
    >>> df.groupby("origin")["invited"].mean()  # doctest: +SKIP
    """
    n = _check_int("n_samples", n_samples, 1, 10_000_000)
    if vacancy is None:
        vac_w = np.array([VACANCIES[v].share for v in VACANCY_LABELS])
    else:
        vac_w = _check_weights("vacancy", vacancy, list(VACANCY_LABELS))
    biases = {
        name: _check_real(name, value, 0.0, BIAS_MAX)
        for name, value in (
            ("origin_bias", origin_bias),
            ("age_bias", age_bias),
            ("gap_bias", gap_bias),
            ("parttime_bias", parttime_bias),
        )
    }
    origin_w = _check_weights(
        "group_shares",
        DEFAULT_GROUP_SHARES if group_shares is None else group_shares,
        list(ORIGINS),
    )
    female = _check_real("female_share", female_share, 0.0, 1.0)
    if not isinstance(with_cv_text, bool):
        raise _fail(
            "with_cv_text", "True or False", with_cv_text, "with_cv_text moet True of False zijn."
        )
    first_id = _check_int("id_start", id_start, 0, 10**12)
    rng = _check_rng(random_state)
    return _generate(n, rng, vac_w, origin_w, female, biases, with_cv_text, first_id)


def _generate(n, rng, vac_w, origin_w, female, biases, with_cv_text, first_id) -> pd.DataFrame:
    vacs = [VACANCIES[v] for v in VACANCY_LABELS]
    n_vac = len(vacs)
    n_gender = len(GENDERS)

    def uniform() -> np.ndarray:
        # float32 is precise enough for every draw here and twice as fast
        return rng.random(n, dtype=np.float32)

    # 1. vacancy, gender, origin: independent
    vac = Categorical(vac_w).sample(uniform())
    gender = (uniform() >= female).astype(np.int64)  # 0 = vrouw, 1 = man
    origin = Categorical(origin_w).sample(uniform())
    group = origin * n_gender + gender

    # 2. age 18-67: 18 + floor(50 * Beta(2, 3)), the same in every group
    age = 18 + Categorical(beta_bins(2.0, 3.0, 50)).sample(uniform())

    # 3. education and field from the vacancy's applicant pool
    edu = Categorical([v.education_shares for v in vacs]).sample(uniform(), vac)
    field_idx = Categorical([[v.field_shares.get(f, 0.0) for f in FIELDS] for v in vacs]).sample(
        uniform(), vac
    )
    relevance = np.array([[v.field_relevance.get(f, 0.0) for f in FIELDS] for v in vacs])[
        vac, field_idx
    ]

    # 4. experience in the field
    available = np.maximum(age - np.array(EDUCATION_END_AGE)[edu], 0)
    years_exp = np.floor(available * beta_icdf(uniform(), 1.6, 2.2)).astype(np.int64)

    # 5. skills (8 relevant, 6 generic) and certificates (3 relevant, 2 generic)
    propensity = np.minimum(
        beta_icdf(uniform(), 2.0, 3.0) + 0.015 * np.minimum(years_exp, 12), 0.95
    )
    rel_mask = bernoulli_mask(rng, propensity, n, 8)
    gen_mask = rng.integers(0, 64, n) & rng.integers(0, 64, n)  # each bit set with p = 0.25
    cert_rel = bernoulli_mask(rng, 0.10 + 0.30 * relevance, n, 3)
    cert_gen = bernoulli_mask(rng, 0.12, n, 2)
    cert_mask = cert_rel | (cert_gen << 3)

    # 6. true suitability: job-relevant attributes only
    edu_points = np.array([v.education_points for v in vacs])[vac, edu]
    raw = (
        W_EDUCATION * edu_points
        + W_FIELD * relevance
        + W_EXPERIENCE * np.log1p(np.minimum(years_exp, EXPERIENCE_CAP))
        + W_SKILL * POPCOUNT[rel_mask]
        + W_CERT * POPCOUNT[cert_rel]
        + W_LATENT * rng.standard_normal(n)
    )
    center = np.array([v.raw_center for v in vacs])[vac]
    scale = np.array([v.raw_scale for v in vacs])[vac]
    suitability = np.round(np.clip(50.0 + 15.0 * (raw - center) / scale, 0.0, 100.0), 1)

    # 7. career gap: mostly women; it does not lower experience, so it is not merit
    has_gap = uniform() < np.array([GAP_P[g] for g in GENDERS])[gender]
    gap = np.array(GAP_MONTHS)[Categorical(GAP_MONTHS_P).sample(uniform())]
    gap = np.where(has_gap, np.minimum(gap, 12 * (available - years_exp)), 0)
    gap = np.where(gap >= 3, gap, 0).astype(np.int64)

    # 8. hours wanted: CBS part-time bands by sex, then hours within the band
    band = Categorical([HOURS_BANDS_P[g] for g in GENDERS]).sample(uniform(), gender)
    within = Categorical(_pad_rows(HOURS_IN_BAND_P)).sample(uniform(), band)
    hours = _pad_rows(HOURS_IN_BAND).astype(np.int64)[band, within]

    # 9. languages, hobbies, memberships
    dutch = Categorical(traits.dutch_level_probs([v.min_dutch for v in vacs])).sample(
        uniform(), origin * n_vac + vac
    )
    english = np.minimum(np.array(traits.ENGLISH_BASE)[edu] + (uniform() < 0.5), 4)
    her_p, her_index = traits.heritage_probs()
    heritage = her_index[origin, Categorical(her_p).sample(uniform(), origin)]
    n_hob = 1 + Categorical(traits.N_HOBBIES_P).sample(uniform())
    hobby_sampler = Categorical(traits.hobby_probs())
    hob_code = traits.sorted_picks(
        [hobby_sampler.sample(uniform(), gender) for _ in range(3)], n_hob, len(traits.HOBBY_LABELS)
    )
    n_mem = Categorical(traits.N_MEMBERSHIPS_P).sample(uniform())
    member_sampler = Categorical(traits.membership_probs())
    mem_code = traits.sorted_picks(
        [member_sampler.sample(uniform(), group) for _ in range(2)],
        n_mem,
        len(traits.MEMBERSHIP_LABELS),
    )

    # 10. identity and contact data
    pools = name_pools()
    fi, li = pools.draw(group, uniform(), uniform())
    birth_days, birth_year = _birth_dates(age, uniform())
    email = make_emails(
        pools,
        group,
        fi,
        li,
        birth_year,
        rng.integers(0, len(EMAIL_PATTERNS), n),
        rng.integers(0, len(EMAIL_DOMAINS), n),
    )
    geo = geography()
    area = geo.draw_area(origin, uniform())
    street_idx = rng.integers(0, len(STREET_NAMES), n)
    house = Categorical(_HOUSE_P).sample(uniform())
    pc_letters = rng.integers(0, len(POSTCODE_LETTERS), n)

    # 11-12. history: invitations and hires
    z = (suitability - 50.0) / 15.0
    ratio_origin = (
        np.array([ORIGIN_INVITE_RATIOS[o] for o in ORIGINS])[origin] ** biases["origin_bias"]
    )
    ratio_age = np.where(age >= 50, AGE_50_PLUS_RATIO ** biases["age_bias"], 1.0)
    ratio_gap = GAP_RATIO_PER_YEAR ** (biases["gap_bias"] * np.minimum(gap, 24) / 12.0)
    ratio_hours = np.select(
        [hours < 20, hours < 35],
        [
            PARTTIME_RATIO_UNDER_20 ** biases["parttime_bias"],
            PARTTIME_RATIO_20_TO_34 ** biases["parttime_bias"],
        ],
        1.0,
    )
    p_invite = (
        _sigmoid(INVITE_INTERCEPT + INVITE_SLOPE * z)
        * ratio_origin
        * ratio_age
        * ratio_gap
        * ratio_hours
    )
    invited = (rng.random(n) < p_invite).astype(np.int64)
    hired = invited * (rng.random(n) < _sigmoid(HIRE_INTERCEPT + HIRE_SLOPE * z)).astype(np.int64)

    # strings for the table: object lookups and at most one concatenation per column
    # phone numbers are unique per applicant_id: an affine bijection of 0..999,999
    phone_no = (
        PHONE_MULTIPLIER * (first_id + np.arange(n, dtype=np.int64)) + PHONE_OFFSET
    ) % 1_000_000
    phone = _PHONE_STEMS[phone_no // 1000] + _NUMBER_STRINGS[phone_no % 1000]
    street = street_table()[street_idx * len(HOUSE_NUMBERS) + house]
    skills = skill_table()[(vac * 256 + rel_mask) * 64 + gen_mask]
    cert_table = np.concatenate(
        [traits.mask_labels(np.arange(32), v.certificates + GENERIC_CERTIFICATES) for v in vacs]
    )
    lang_code = (dutch * len(traits.ENGLISH_LEVELS) + english) * len(
        traits.LANGUAGE_NAMES
    ) + heritage
    age_band = _AGE_BAND_OF_AGE[age]

    columns = {
        "applicant_id": np.arange(first_id, first_id + n, dtype=np.int64),
        "vacancy": np.array(VACANCY_LABELS, dtype=object)[vac],
        "first_name": pools.first[fi],
        "last_name": pools.last[li],
        "gender": np.array(GENDERS, dtype=object)[gender],
        "origin": np.array(ORIGINS, dtype=object)[origin],
        "age": age,
        "age_band": age_band,
        "birth_date": _date_strings(birth_days),
        "email": email,
        "phone": phone,
        "street": street,
        "postcode": geo.postcodes[area],
        "city": geo.cities[geo.city_of_area[area]],
        "education": np.array(EDUCATION_LEVELS, dtype=object)[edu],
        "education_field": np.array(FIELDS, dtype=object)[field_idx],
        "years_experience": years_exp,
        "career_gap_months": gap,
        "hours_per_week": hours,
        "dutch_level": np.array(DUTCH_LEVELS, dtype=object)[dutch],
        "languages": language_table()[lang_code],
        "skills": skills,
        "certificates": cert_table[vac * 32 + cert_mask],
        "hobbies": traits.combo_table(traits.HOBBY_LABELS, 3, traits.join_comma)[hob_code],
        "memberships": traits.combo_table(traits.MEMBERSHIP_LABELS, 2, traits.join_semicolon)[
            mem_code
        ],
    }
    if with_cv_text:
        from .cv_text import render_cv_texts

        columns["cv_text"] = render_cv_texts(
            rng,
            columns,
            vac=vac,
            edu=edu,
            field_idx=field_idx,
            years_exp=years_exp,
            gap=gap,
            birth_days=birth_days,
            rel_mask=rel_mask,
            gen_mask=gen_mask,
            cert_mask=cert_mask,
            hob_code=hob_code,
            mem_code=mem_code,
            pc_letters=pc_letters,
            gender=gender,
        )
    columns["suitability"] = suitability
    columns["invited"] = invited
    columns["hired"] = hired
    return pd.DataFrame({name: _as_read(values) for name, values in columns.items()}, copy=False)


def _as_read(values: np.ndarray):
    """A column in the dtype read_csv gives it: "str" for text, int64 for whole numbers."""
    if values.dtype == object:
        # saying "str" up front skips the type inference, which costs more than the column
        return pd.array(values, dtype="str", copy=False)
    if values.dtype.kind in "iu":
        return values.astype(np.int64, copy=False)
    return values


_PHONE_STEMS = np.array([PHONE_PREFIX + f"{k:03d}" for k in range(1000)], dtype=object)
_TABLES: dict[str, np.ndarray] = {}


def _cached(name: str, build) -> np.ndarray:
    if name not in _TABLES:
        _TABLES[name] = build()
    return _TABLES[name]


# House numbers 1-150 (low numbers likelier, as in short streets) and 1A-30B.
HOUSE_NUMBERS = tuple(str(k) for k in range(1, 151)) + tuple(
    f"{k}{x}" for k in range(1, 31) for x in ("A", "B")
)
_HOUSE_P = np.array([1.0 / (k + 10) for k in range(1, 151)] + [0.004] * 60)


def street_table() -> np.ndarray:
    """Every "street number" combination, built once (about 100,000 strings)."""
    return _cached(
        "street",
        lambda: np.array([f"{s} {h}" for s in STREET_NAMES for h in HOUSE_NUMBERS], dtype=object),
    )


def skill_table() -> np.ndarray:
    """Skills per (vacancy, relevant mask, generic mask): relevant first, "; "-joined."""

    def build():
        generic = [[s for i, s in enumerate(GENERIC_SKILLS) if (g >> i) & 1] for g in range(64)]
        out = []
        for label in VACANCY_LABELS:
            skills = VACANCIES[label].skills
            for m in range(256):
                rel = [s for i, s in enumerate(skills) if (m >> i) & 1]
                out.extend("; ".join(rel + gen) for gen in generic)
        return np.array(out, dtype=object)

    return _cached("skills", build)


def _pad_rows(rows) -> np.ndarray:
    out = np.zeros((len(rows), max(len(r) for r in rows)))
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
    return out


def language_table() -> np.ndarray:
    """The "languages" cell for every (Dutch level, English level, other language) code.

    Built once; the code is ``(dutch * n_english + english) * n_other + other``.
    """

    def build():
        out = []
        for dutch in DUTCH_LEVELS:
            for eng in traits.ENGLISH_LEVELS:
                for lang in traits.LANGUAGE_NAMES:
                    parts = [f"Nederlands ({dutch})", f"Engels ({eng})"] + ([lang] if lang else [])
                    out.append(", ".join(parts))
        return np.array(out, dtype=object)

    return _cached("languages", build)
