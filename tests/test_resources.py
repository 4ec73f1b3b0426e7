import datetime as dt

import pytest

from fairhire import legal, legal_references, objective_map, objectives
from fairhire.modules import module_ids


def test_every_legal_reference_has_source_status_and_date():
    refs = legal_references()
    assert "ai-act-art-4" in refs
    for key, ref in refs.items():
        assert ref.source.strip() and ref.status_nl.strip() and ref.summary_nl.strip(), key
        dt.date.fromisoformat(ref.checked)
        if ref.applies_from:
            dt.date.fromisoformat(ref.applies_from)
        assert ref.confidence in {"C", "S"}, key


def test_art4_states_the_2026_amendment():
    ref = legal("ai-act-art-4")
    assert "2026/1744" in ref.instrument
    assert ref.applies_from == "2025-02-02"
    assert "2026" in ref.status_nl


def test_unknown_reference_is_a_clear_error():
    with pytest.raises(KeyError, match="Onbekende wetsverwijzing"):
        legal("ai-act-art-999")


def test_citation_names_source_and_date():
    text = legal("ai-act-art-4").citation()
    assert "bron:" in text and "2026-11-21" in text


def test_objectives_are_dutch_sentences():
    for key, text in objectives().items():
        assert key.split(".")[0] in set(module_ids()), key
        assert len(text) > 10
    assert all(isinstance(v, list) and v for v in objective_map().values())


def test_short_label_falls_back_to_the_article():
    from fairhire.resources import LegalReference

    ref = legal("gdpr-art-22")
    assert ref.label == ref.short_nl == "AVG art. 22"
    bare = LegalReference(
        key="x",
        instrument="i",
        article="Artikel 1",
        summary_nl="s",
        applies_from="",
        source="b",
        status_nl="st",
        checked="2026-11-21",
        confidence="C",
    )
    assert bare.label == "Artikel 1"
