import re

import pytest

from fairhire.privacy import (
    DATE_PATTERN,
    EMAIL_PATTERN,
    PHONE_PATTERN,
    POSTCODE_PATTERN,
    find_personal_data,
    name_variants,
    pseudonymise,
    replace_names,
)
from fairhire.sample_texts import CVS


@pytest.mark.parametrize(
    "email",
    ["noor.verhagen@example.nl", "y.demir+werk@example.com", "lieke_de-bruin@mail.example.nl"],
)
def test_email(email):
    assert pseudonymise(f"Mail: {email}.") == "Mail: [E-MAIL]."


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "06 12 34 56 78",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)6 12345678",
        "0031 6 12345678",
        "020-1234567",
        "0201234567",
        "020 123 4567",
        "(020) 123 4567",
        "0591-123456",
    ],
)
def test_phone(phone):
    assert pseudonymise(f"Bel {phone} of mail.") == "Bel [TELEFOON] of mail."


@pytest.mark.parametrize(
    "text",
    [
        "van 2015 tot 2019",
        "1.250 euro",
        "06-2019 tot 03-2021",
        "IBAN NL91ABNA0417164300",
        "8 jaar ervaring, 36 uur",
        "klantnummer 061234567",
    ],
)
def test_no_phone_in_ordinary_numbers(text):
    assert not re.search(PHONE_PATTERN, text)


@pytest.mark.parametrize("postcode", ["1234 AB", "1234AB", "9711 XZ"])
def test_postcode(postcode):
    assert pseudonymise(f"{postcode} Utrecht") == "[POSTCODE] Utrecht"


@pytest.mark.parametrize("text", ["2019 HR-adviseur", "in 2019 en 2020", "0123 AB", "1234 ABC"])
def test_no_postcode_false_positives(text):
    assert not re.search(POSTCODE_PATTERN, text)


@pytest.mark.parametrize(
    "date",
    [
        "3-7-1989",
        "03-07-1989",
        "03/07/1989",
        "3.7.1989",
        "1989-07-03",
        "3 juli 1989",
        "3 Juli 1989",
        "12 dec. 1990",
    ],
)
def test_birth_date(date):
    assert pseudonymise(f"Geboren op {date}.") == "Geboren op [GEBOORTEDATUM]."


def test_periods_without_a_day_are_kept():
    text = "september 2015 - juni 2019; 2015-2019"
    assert not re.search(DATE_PATTERN, text)


@pytest.mark.parametrize(
    "address",
    [
        "Kastanjelaan 3a",
        "Dorpsweg 112",
        "Lange Nieuwstraat 12-2",
        "Frinkelhof 103-2",
        "Kwakkelaarstraat 14",
    ],
)
def test_address(address):
    assert pseudonymise(f"Adres: {address}, Amersfoort") == "Adres: [ADRES], Amersfoort"


def test_address_does_not_eat_years_or_lines():
    assert pseudonymise("Werkervaring\n2019 - heden") == "Werkervaring\n2019 - heden"
    assert pseudonymise("Werkveld 2019") == "Werkveld 2019"


def test_name_variants_and_case():
    assert name_variants("Sanne de Vries") == ["Sanne de Vries", "de Vries", "Sanne", "Vries"]
    assert name_variants("Noor") == ["Noor"]
    text = "Jan Bakker is bakker. JAN BAKKER. Mevrouw De Vries, Sanne."
    assert (
        replace_names(text, ["Jan Bakker", "Sanne de Vries"])
        == "[NAAM] is bakker. [NAAM]. Mevrouw [NAAM], [NAAM]."
    )


def test_email_is_replaced_before_names():
    out = pseudonymise("Noor.Verhagen@example.nl", ["Noor Verhagen"])
    assert out == "[E-MAIL]"


@pytest.mark.parametrize("key", sorted(CVS))
def test_sample_cvs_lose_every_identifier(key):
    cv = CVS[key]
    out = pseudonymise(cv["text"], cv["names"])
    for name in cv["names"]:
        for part in name.split():
            if part[0].isupper():
                assert part not in out and part.upper() not in out
    assert "@" not in out
    assert not re.search(EMAIL_PATTERN + "|" + PHONE_PATTERN + "|" + POSTCODE_PATTERN, out)
    assert not re.search(DATE_PATTERN, out)
    assert "[ADRES]" in out and "[GEBOORTEDATUM]" in out
    # what a recruiter needs stays
    assert re.search(r"20\d\d - (heden|20\d\d)|\(20\d\d - 20\d\d\)", out)


def test_find_personal_data_lists_what_is_replaced():
    cv = CVS["noor"]
    kinds = {f.kind for f in find_personal_data(cv["text"], cv["names"])}
    assert kinds == {"name", "email", "phone", "postcode", "address", "birth_date"}
