"""The vacancies of the simulated world and what each one asks for.

Everything here that feeds the true suitability (education points, relevant
fields, skills, certificates) is the same for every gender and origin group:
who applies for what, with which qualifications, does not depend on group.
"""

from __future__ import annotations

from dataclasses import dataclass

EDUCATION_LEVELS = ("vmbo", "mbo", "havo/vwo", "hbo", "wo")

# CBS StatLine 85266NED, employed labour force 15-75, Q1 2024 (FACTS.md section 8):
# low 20.5 -> vmbo; mbo-2/3 11.5 + mbo-4 16.2 -> mbo; havo/vwo 10.1;
# bachelor 24.0 -> hbo; master/doctorate 17.2 -> wo (CBS does not split hbo/wo).
CBS_EDUCATION_SHARES = (0.205, 0.277, 0.101, 0.240, 0.172)

FIELDS = (
    "voeding en bakkerij",
    "techniek",
    "logistiek",
    "economie en administratie",
    "HRM en personeelszaken",
    "sociale wetenschappen",
    "rechten",
    "informatica en data",
    "wiskunde en statistiek",
    "zorg en welzijn",
    "handel en verkoop",
)

GENERIC_SKILLS = (
    "klantvriendelijk",
    "rijbewijs B",
    "Microsoft Office",
    "teamspeler",
    "stressbestendig",
    "flexibel inzetbaar",
)
GENERIC_CERTIFICATES = ("EHBO-diploma", "BHV-diploma")

DUTCH_LEVELS = ("A2", "B1", "B2", "C1", "C2", "moedertaal")


@dataclass(frozen=True)
class Vacancy:
    """One vacancy: its label, default share of applicants and requirements."""

    label: str
    share: float
    education_shares: tuple[float, ...]  # applicant pool, per EDUCATION_LEVELS
    education_points: tuple[float, ...]  # contribution to suitability
    field_shares: dict[str, float]  # applicant pool, per field
    field_relevance: dict[str, float]  # 0..1, missing = 0
    skills: tuple[str, ...]  # job-relevant skills
    certificates: tuple[str, ...]  # job-relevant certificates
    min_dutch: str  # every applicant meets this
    roles: tuple[str, ...]  # past jobs in the field, for CV text
    starter_jobs: tuple[str, ...]  # jobs outside the field, for CV text
    # Centre and scale of the raw score, measured once on 2,000,000 draws, so
    # that suitability is about N(50, 15) per vacancy without sample statistics.
    raw_center: float = 0.0
    raw_scale: float = 1.0


VACANCIES: dict[str, Vacancy] = {
    v.label: v
    for v in (
        Vacancy(
            label="productiemedewerker bakkerij",
            share=0.40,
            education_shares=(0.41, 0.38, 0.09, 0.06, 0.06),
            education_points=(1.0, 1.3, 0.9, 0.8, 0.7),
            field_shares={
                "voeding en bakkerij": 0.30,
                "techniek": 0.15,
                "logistiek": 0.10,
                "handel en verkoop": 0.15,
                "zorg en welzijn": 0.15,
                "economie en administratie": 0.15,
            },
            field_relevance={"voeding en bakkerij": 1.0, "techniek": 0.5, "logistiek": 0.3},
            skills=(
                "deeg maken en kneden",
                "werken aan een productielijn",
                "ovens en rijskasten bedienen",
                "hygiëneregels (HACCP) toepassen",
                "kwaliteitscontrole",
                "werken in ploegendienst",
                "inpakken en etiketteren",
                "machines schoonmaken",
            ),
            certificates=("HACCP-certificaat", "bakkersdiploma", "heftruckcertificaat"),
            min_dutch="A2",
            roles=(
                "productiemedewerker bij een industriële bakkerij",
                "hulpbakker bij een ambachtelijke bakker",
                "medewerker broodafdeling in een supermarkt",
                "inpakker bij een voedingsmiddelenfabriek",
            ),
            starter_jobs=(
                "vakkenvuller",
                "medewerker schoonmaak",
                "bezorger",
                "afwasser in de horeca",
            ),
            raw_center=3.6966,
            raw_scale=1.2071,
        ),
        Vacancy(
            label="HR-adviseur",
            share=0.20,
            education_shares=(0.04, 0.22, 0.08, 0.42, 0.24),
            education_points=(0.0, 0.6, 0.4, 1.3, 1.4),
            field_shares={
                "HRM en personeelszaken": 0.35,
                "sociale wetenschappen": 0.20,
                "rechten": 0.10,
                "economie en administratie": 0.20,
                "zorg en welzijn": 0.15,
            },
            field_relevance={
                "HRM en personeelszaken": 1.0,
                "sociale wetenschappen": 0.6,
                "rechten": 0.6,
                "economie en administratie": 0.4,
            },
            skills=(
                "werving en selectie",
                "arbeidsrecht",
                "verzuimbegeleiding",
                "gesprekstechnieken",
                "functiewaardering",
                "HR-informatiesystemen",
                "onboarding",
                "advies aan leidinggevenden",
            ),
            certificates=(
                "certificaat arbeidsrecht",
                "certificaat verzuimmanagement",
                "certificaat assessment en selectie",
            ),
            min_dutch="C1",
            roles=(
                "HR-medewerker bij een zorginstelling",
                "personeelsadviseur bij een gemeente",
                "recruiter bij een uitzendbureau",
                "HR-assistent bij een productiebedrijf",
            ),
            starter_jobs=("telefonist", "medewerker klantenservice", "administratief medewerker"),
            raw_center=3.8521,
            raw_scale=1.2351,
        ),
        Vacancy(
            label="logistiek planner",
            share=0.20,
            education_shares=(0.12, 0.36, 0.12, 0.28, 0.12),
            education_points=(0.3, 1.1, 0.7, 1.3, 1.1),
            field_shares={
                "logistiek": 0.35,
                "economie en administratie": 0.20,
                "techniek": 0.20,
                "handel en verkoop": 0.15,
                "wiskunde en statistiek": 0.10,
            },
            field_relevance={
                "logistiek": 1.0,
                "economie en administratie": 0.5,
                "techniek": 0.4,
                "wiskunde en statistiek": 0.4,
            },
            skills=(
                "transportplanning",
                "voorraadbeheer",
                "routeplanning",
                "warehousemanagementsystemen",
                "Excel",
                "inkoop en bestellingen",
                "ketenregie",
                "douanedocumenten",
            ),
            certificates=("heftruckcertificaat", "VCA-diploma", "certificaat supply chain"),
            min_dutch="B1",
            roles=(
                "planner bij een transportbedrijf",
                "medewerker expeditie in een distributiecentrum",
                "voorraadbeheerder bij een groothandel",
                "orderpicker bij een webwinkel",
            ),
            starter_jobs=("vakkenvuller", "bezorger", "magazijnmedewerker", "chauffeur"),
            raw_center=3.7932,
            raw_scale=1.1953,
        ),
        Vacancy(
            label="data-analist",
            share=0.20,
            education_shares=(0.02, 0.10, 0.10, 0.38, 0.40),
            education_points=(0.0, 0.4, 0.5, 1.2, 1.5),
            field_shares={
                "informatica en data": 0.35,
                "wiskunde en statistiek": 0.20,
                "economie en administratie": 0.20,
                "sociale wetenschappen": 0.15,
                "techniek": 0.10,
            },
            field_relevance={
                "informatica en data": 1.0,
                "wiskunde en statistiek": 1.0,
                "economie en administratie": 0.5,
                "sociale wetenschappen": 0.3,
                "techniek": 0.4,
            },
            skills=(
                "SQL",
                "Python",
                "Power BI",
                "statistiek",
                "Excel (draaitabellen)",
                "datavisualisatie",
                "R",
                "datamodellering",
            ),
            certificates=("certificaat SQL", "certificaat Power BI", "certificaat Python"),
            min_dutch="B2",
            roles=(
                "data-analist bij een verzekeraar",
                "business analist bij een webwinkel",
                "onderzoeksmedewerker bij een hogeschool",
                "rapportagespecialist bij een energiebedrijf",
            ),
            starter_jobs=("medewerker klantenservice", "administratief medewerker", "bijlesdocent"),
            raw_center=4.1176,
            raw_scale=1.2156,
        ),
    )
}
VACANCY_LABELS = tuple(VACANCIES)

# Education start age of working life per level, to bound years of experience.
EDUCATION_END_AGE = (17, 20, 18, 22, 24)
