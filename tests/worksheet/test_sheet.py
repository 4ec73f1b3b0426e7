import datetime as dt

import pytest

from fairhire.worksheet import Worksheet, WorksheetError


def make() -> Worksheet:
    return Worksheet(
        tool_name="MatchMeester cv-score", organisation="Bakkerij De Korenschoof", date="2026-11-21"
    )


def test_answer_and_open_questions():
    ws = make()
    ws.answer("q03", "  In de vacaturetekst.  ")
    ws.answer("q01", "Gelijke kansen.")
    assert list(ws.answers) == ["q01", "q03"]  # question order, not typing order
    assert ws.answers["q03"] == "In de vacaturetekst."
    assert ws.progress() == (2, 20)
    assert [q.id for q in ws.open_questions()][:3] == ["q02", "q04", "q05"]


def test_empty_answer_reopens_the_question():
    ws = make()
    ws.answer("q05", "Eigen personeel.")
    ws.answer("q05", "   ")
    assert not ws.is_answered("q05") and ws.progress() == (0, 20)


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"tool_name": "", "organisation": "X"}, "tool_name"),
        ({"tool_name": "...", "organisation": "X"}, "tool_name"),
        ({"tool_name": "T", "organisation": None}, "organisation"),
        ({"tool_name": "T", "organisation": "X", "date": "21-11-2026"}, "jjjj-mm-dd"),
    ],
)
def test_bad_arguments_give_dutch_messages(kwargs, fragment):
    with pytest.raises(WorksheetError, match=fragment):
        Worksheet(**kwargs)


def test_bad_answers_give_dutch_messages():
    ws = make()
    with pytest.raises(WorksheetError, match="Onbekende vraag"):
        ws.answer("q99", "tekst")
    with pytest.raises(WorksheetError, match="tekst"):
        ws.answer("q01", 42)


def test_date_defaults_to_today():
    assert Worksheet(tool_name="T", organisation="O").date == dt.date.today()


def test_json_round_trip(tmp_path):
    ws = make()
    ws.answer("q20", "Dan valt steeds dezelfde groep af: 'mensen met een gat in hun cv'.")
    path = ws.save_json(tmp_path / "sub" / "ws.json")
    again = Worksheet.load_json(path)
    assert again.to_dict() == ws.to_dict()


def test_as_code_rebuilds_the_worksheet():
    ws = make()
    ws.answer("q02", 'Als iedereen "dezelfde" vragen krijgt.\nEn uitleg.')
    namespace = {"Worksheet": Worksheet}
    exec(ws.as_code(), namespace)
    assert namespace["ws"].answers == ws.answers
