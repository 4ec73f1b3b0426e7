import datetime as dt
import re

import pytest

from fairhire import legal, legal_markdown, legal_references
from fairhire.law import legal_timeline
from fairhire.resources import dutch_date


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


# --- Every reference as the learner sees it (issue 15) ------------------------------------

_CERTAINTY_WORDS = re.compile(r"secundair|bevestigd|nagelezen", re.IGNORECASE)


@pytest.mark.parametrize("key", sorted(legal_references()))
def test_rendered_reference_has_no_nvt_date(key):
    # "Van toepassing vanaf: n.v.t." reads as "AVG art. 22: niet van toepassing".
    text = legal_markdown(key)
    assert "n.v.t" not in text.lower(), text
    ref = legal(key)
    if ref.applies_from:
        assert dutch_date(ref.applies_from) in text
    else:
        assert "Van toepassing vanaf" not in text


@pytest.mark.parametrize("key", sorted(legal_references()))
def test_certainty_is_said_once_and_from_the_fields(key):
    ref = legal(key)
    # The status text says what holds, never how certain it is: that is the mark's job, so
    # the two cannot contradict each other.
    assert not _CERTAINTY_WORDS.search(ref.status_nl), (key, ref.status_nl)
    assert ref.confidence in {"C", "S"} and ref.date_certainty in {"C", "S"}
    mark = legal_markdown(key).rsplit("*Zekerheid:*", 1)[1]
    assert mark.strip() == ref.certainty_nl
    all_confirmed = ref.confidence == "C" and (ref.date_certainty == "C" or not ref.applies_from)
    assert ("secundaire" not in mark) == all_confirmed, (key, mark)
    if ref.applies_from and ref.date_certainty == "S":
        assert "datum" in mark or "alleen secundaire bronnen" in mark, (key, mark)


def test_dates_from_the_2026_amendment_are_never_marked_confirmed():
    # Regulation (EU) 2026/1744 was seen through secondary sources only (FACTS.md §1), so
    # every date it set (the Annex III start of 2 December 2027) is secondary, whatever the
    # certainty of the article's own wording.
    high_risk = legal("ai-act-high-risk-dates").applies_from
    moved = [r for r in legal_references().values() if r.applies_from == high_risk]
    assert len(moved) >= 7
    for ref in moved:
        assert ref.date_certainty == "S", ref.key
        assert "bevestigd in de officiële tekst zelf." != ref.certainty_nl, ref.key
    table = legal_timeline([r.key for r in moved])
    assert set(table["zekerheid"]) == {"secundair"}


def test_certainty_wording_for_each_combination():
    from fairhire.resources import LegalReference

    def ref(conf, date_conf, date):
        return LegalReference(
            key="x",
            instrument="i",
            article="a",
            summary_nl="s",
            applies_from=date,
            source="b",
            status_nl="st",
            checked="2026-11-21",
            confidence=conf,
            date_confidence=date_conf,
        )

    assert ref("C", "", "").certainty_nl == "bevestigd in de officiële tekst zelf."
    assert ref("C", "S", "").certainty_nl == "bevestigd in de officiële tekst zelf."
    assert "datum komt alleen uit secundaire" in ref("C", "S", "2027-12-02").certainty_nl
    assert "inhoud komt alleen uit secundaire" in ref("S", "C", "2025-02-02").certainty_nl
    assert ref("S", "", "2025-02-02").certainty_nl.startswith("alleen secundaire bronnen")


def test_risk_tiers_name_the_prohibitions_added_in_2026():
    ref = legal("ai-act-risk-tiers")
    assert "2 december 2026" in ref.status_nl
    assert "ba en bb" in ref.summary_nl


def test_indirect_distinction_is_taught_as_a_test_not_a_flat_ban():
    justified = legal("awgb-art-2-1")
    for word in ("legitiem doel", "geschikt", "nodig"):
        assert word in justified.summary_nl
    for key in ("awgb-art-1", "wgb-mv"):
        assert "rechtvaardigen" in legal(key).summary_nl, key


def test_sources_start_with_a_short_name():
    for key, ref in legal_references().items():
        assert "PB L" not in ref.source, key  # say "Publicatieblad van de EU"
        short = ref.source.split("(officieel:")[0]
        assert len(short.split()) <= 16, (key, short)
