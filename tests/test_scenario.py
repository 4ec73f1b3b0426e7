import pytest

from fairhire import legal_references
from fairhire.check import Feedback
from fairhire.scenario import LEGAL_KEYS, REASONS, check_answer, normalise, reasons_markdown


def test_every_reason_points_to_a_legal_reference():
    assert set(LEGAL_KEYS) <= set(legal_references())
    assert all(code == code.lower() and " " not in code for code in REASONS)


def test_reasons_table_lists_every_code():
    table = reasons_markdown()
    for code in REASONS:
        assert f"`{code}`" in table


@pytest.mark.parametrize("answer", [("B", "art26"), [" b ", "ART26"], ("d", "dpia")])
def test_well_formed_answers_pass(answer):
    check_answer(answer, "q1")


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (None, "nog niet ingevuld"),
        ("B", "een paar"),
        (("B",), "een paar"),
        (("B", "art26", "x"), "een paar"),
        (("B", 26), "aanhalingstekens"),
        (("E", "art26"), "A, B, C of D"),
        (("B", "artikel26"), "staat niet in de lijst"),
    ],
)
def test_malformed_answers_get_dutch_feedback_without_the_answer(answer, fragment):
    with pytest.raises(Feedback, match=fragment) as info:
        check_answer(answer, "q1")
    assert "juist" not in str(info.value)


def test_normalise():
    assert normalise([" c", "Verbod "]) == ("C", "verbod")


def test_with_a_key_the_check_tells_letter_and_reason_apart():
    check_answer([" c", "HOOGRISICO"], "q1", "m07-risk-tier")
    with pytest.raises(Feedback, match="De letter in `q1` klopt nog niet") as info:
        check_answer(("B", "hoogrisico"), "q1", "m07-risk-tier")
    assert '"C"' not in str(info.value)
    with pytest.raises(Feedback, match="redencode nog niet") as info:
        check_answer(("C", "toezicht"), "q1", "m07-risk-tier")
    assert "hoogrisico" not in str(info.value)
