import pytest

from fairhire.invitations import invite_percentage, invite_sentence, invite_slider


def test_invite_percentage():
    assert invite_percentage(12, 48) == 25.0
    assert invite_percentage(1, 3) == 33.3
    assert invite_percentage(0, 10) == 0.0


@pytest.mark.parametrize("invited, applications", [(5, 0), (-1, 10), (11, 10)])
def test_impossible_numbers_get_a_dutch_error(invited, applications):
    with pytest.raises(ValueError, match="sollicitaties"):
        invite_percentage(invited, applications)


def test_sentence_uses_a_dutch_decimal_comma():
    assert (
        invite_sentence(12, 48)
        == "12 van de 48 sollicitanten uitgenodigd: 25,0% (ongeveer 2 op de 10)"
    )


def test_slider_updates_the_shown_percentage():
    box = invite_slider(applications=48, invited=12)
    slider, shown = box.children
    assert (slider.min, slider.max, slider.value) == (0, 48, 12)
    assert "25,0%" in shown.value
    slider.value = 24
    assert "50,0%" in shown.value and "24 van de 48" in shown.value
