import datetime as dt

from fairhire import legal, legal_references
from fairhire.law import legal_timeline


def test_timeline_is_sorted_and_only_has_dated_references():
    table = legal_timeline()
    assert list(table.columns) == ["datum", "regel", "wat", "zekerheid", "gecontroleerd"]
    dated = [r for r in legal_references().values() if r.applies_from]
    assert len(table) == len(dated)
    assert table["datum"].tolist() == sorted(table["datum"])
    assert set(table["zekerheid"]) <= {"bevestigd", "secundair"}


def test_timeline_of_chosen_keys_comes_from_the_data_file():
    table = legal_timeline(["ai-act-high-risk-dates", "ai-act-art-4", "gdpr-art-22"])
    # gdpr-art-22 has no date in the file, so it is left out
    assert table["regel"].tolist() == [
        legal("ai-act-art-4").label,
        legal("ai-act-high-risk-dates").label,
    ]
    assert table["datum"].iloc[-1] == dt.date.fromisoformat(
        legal("ai-act-high-risk-dates").applies_from
    )
