"""Contact data are fictional by construction: reserved e-mail domains, an unused phone
block, invented streets. Checked in the columns and wherever they appear in the CV texts."""

from __future__ import annotations

import re

import pytest

from fairhire.world import EMAIL_DOMAINS, load_applicants, load_history, load_vendor_audit
from fairhire.world.places import STREET_NAMES, STREET_STEMS

# RFC 2606 / RFC 6761: these second-level names and these top-level domains are reserved.
RESERVED_NAMES = {"example.com", "example.net", "example.org"}
RESERVED_TLDS = (".example", ".test", ".invalid", ".localhost")

# Common real Dutch street names (a compound of these ends a real address).
REAL_STREETS = {
    "Kerkstraat",
    "Schoolstraat",
    "Molenstraat",
    "Dorpsstraat",
    "Hoofdstraat",
    "Stationsweg",
    "Julianastraat",
    "Wilhelminastraat",
    "Beatrixstraat",
    "Nieuwstraat",
    "Marktstraat",
    "Emmastraat",
    "Molenweg",
    "Industrieweg",
    "Sportlaan",
    "Kastanjelaan",
    "Eikenlaan",
    "Lindenlaan",
    "Beukenlaan",
    "Parallelweg",
    "Oranjestraat",
    "Prinses Irenestraat",
    "Kerkweg",
    "Kerkplein",
    "Markt",
    "Stationsstraat",
    "Dorpsplein",
    "Nieuweweg",
    "Veldweg",
    "Havenstraat",
    "Prins Bernhardstraat",
    "Burgemeester de Withstraat",
    "Zuiderweg",
    "Noorderweg",
    "Julianalaan",
    "Wilhelminalaan",
    "Stationsplein",
    "Kanaalweg",
    "Dijkweg",
    "Rozenstraat",
    "Tulpstraat",
    "Klaverstraat",
    "Vogelweg",
    "Merelstraat",
    "Lijsterstraat",
    "Kievitstraat",
    "Meidoornstraat",
    "Berkenlaan",
    "Esdoornlaan",
    "Vondelstraat",
    "Rembrandtstraat",
    "Van Goghstraat",
    "Prinsengracht",
    "Keizersgracht",
    "Herengracht",
}
PHONE_FORMATS = re.compile(r"(?:06-99\d{6}|06 99 \d\d \d\d \d\d|\+31 6 99\d{6}|0699\d{6})")
# anything shaped like a Dutch mobile number: 06 or +31 6, then eight digits
ANY_PHONE = re.compile(r"(?:\+31 ?6|\b06)(?:[ -]?\d){8}\b")


@pytest.fixture(scope="module")
def shipped():
    return [load_history(), load_applicants(), load_vendor_audit()]


def is_reserved(domain: str) -> bool:
    return domain in RESERVED_NAMES or domain.endswith(RESERVED_TLDS)


def test_every_email_domain_is_reserved(shipped):
    assert all(is_reserved(d) for d in EMAIL_DOMAINS)
    for df in shipped:
        domains = set(df["email"].str.split("@").str[1])
        assert domains <= set(EMAIL_DOMAINS)
        for text in df["cv_text"]:
            for address in re.findall(r"[\w.+-]+@([\w.-]+)", text):
                assert is_reserved(address), address


def test_every_phone_number_is_in_the_fictional_block(shipped):
    for df in shipped:
        assert df["phone"].str.fullmatch(r"06-99\d{6}").all()
        assert df["phone"].is_unique
        for text, phone in zip(df["cv_text"], df["phone"], strict=True):
            found = PHONE_FORMATS.findall(text)
            assert len(found) == 1, text[:200]
            assert re.sub(r"\D", "", found[0]).endswith(phone[5:])
            # nothing else in the text looks like a Dutch mobile number
            assert len(ANY_PHONE.findall(text)) == 1


def test_phone_numbers_are_unique_across_files(shipped):
    phones = [p for df in shipped for p in df["phone"]]
    assert len(phones) == len(set(phones))


def test_streets_are_invented(shipped):
    assert not set(STREET_NAMES) & REAL_STREETS
    lowered = {s.lower() for s in REAL_STREETS}
    assert not any(stem.lower() in lowered for stem in STREET_STEMS)
    for df in shipped:
        streets = df["street"].str.rsplit(" ", n=1).str[0]
        assert set(streets) <= set(STREET_NAMES)
        assert df["street"].str.fullmatch(r"\S+ \d{1,3}[AB]?").all()


def test_full_postcodes_in_text_use_valid_letters(shipped):
    for df in shipped:
        for text, pc in zip(df["cv_text"].head(500), df["postcode"].head(500), strict=True):
            letters = re.search(pc + r" ([A-Z]{2})\b", text).group(1)
            assert letters not in ("SA", "SD", "SS")
