import pytest

from fairhire import check
from fairhire.check import Feedback


def test_feedback_is_an_assertion_error_with_a_marker():
    with pytest.raises(AssertionError, match="❌"):
        check.that(False, "fout")


def test_placeholder_is_reported_as_not_answered():
    with pytest.raises(Feedback, match="nog niet ingevuld"):
        check.is_number(..., "x")
    with pytest.raises(Feedback, match="nog niet ingevuld"):
        check.is_type(None, list, "x")


@pytest.mark.parametrize("value", ["25", True, [1]])
def test_is_number_rejects_non_numbers(value):
    with pytest.raises(Feedback, match="moet een getal zijn"):
        check.is_number(value, "x")


def test_is_number_rejects_nan():
    with pytest.raises(Feedback, match="NaN"):
        check.is_number(float("nan"), "x")


def test_is_number_accepts_numpy_numbers():
    np = pytest.importorskip("numpy")
    check.is_number(np.float64(0.5), "x")
    check.is_int(np.int64(3), "x")


def test_between_names_the_range_not_the_answer():
    with pytest.raises(Feedback, match="tussen 0 en 100"):
        check.between(250, 0, 100, "pct")
    check.between(25.0, 0, 100, "pct")


def test_is_type_describes_what_was_given():
    with pytest.raises(Feedback, match="een lijst .* tekst"):
        check.is_type("Anna", list, "names")
    with pytest.raises(Feedback):
        check.is_type(True, int, "n")  # a bool is not a count
    check.is_type(["Anna"], list, "names")


def test_one_of_and_callable():
    with pytest.raises(Feedback, match="een van deze keuzes"):
        check.one_of("E", ["A", "B"], "answer")
    check.one_of("A", ["A", "B"], "answer")
    with pytest.raises(Feedback, match="functie"):
        check.is_callable(3, "f")


def test_passed_prints_success(capsys):
    check.passed("Vraag 1")
    assert "✅ Vraag 1" in capsys.readouterr().out
