from fairhire import legal_references
from fairhire.worksheet import legal_keys, load_worksheet


def test_twenty_questions_in_five_themes():
    spec = load_worksheet()
    assert len(spec.themes) == 5
    assert [q.number for q in spec.questions] == list(range(1, 21))
    assert [q.id for q in spec.questions] == [f"q{i:02d}" for i in range(1, 21)]
    assert all(len(t.questions) >= 3 for t in spec.themes)
    assert all(q.text.endswith("?") or "?" in q.text for q in spec.questions)


def test_credit_names_the_air_tool_and_its_report():
    credit = load_worksheet().credit
    assert "AI in Recruitment (AIR)" in credit
    assert "Als de machine kiest" in credit


def test_cited_keys_exist():
    assert legal_keys()
    assert set(legal_keys()) <= set(legal_references())


def test_unknown_question_is_a_dutch_error():
    import pytest

    with pytest.raises(KeyError, match="Onbekende vraag 'q21'"):
        load_worksheet().question("q21")
