from fairhire import legal_markdown, show_legal, start


def test_start_greets_in_dutch(capsys):
    start("m03")
    assert "module m03" in capsys.readouterr().out


def test_legal_markdown_has_summary_source_and_status():
    text = legal_markdown("ai-act-art-4")
    assert "Bron:" in text and "Stand van zaken (2026-11-21)" in text
    assert "Van toepassing vanaf: 2 februari 2025" in text


def test_show_legal_outside_a_notebook_prints(capsys):
    show_legal("ai-act-art-4")
    out = capsys.readouterr().out
    assert "Artikel 4" in out


def test_legal_markdown_says_how_certain_a_reference_is():
    assert "secundaire bron" in legal_markdown("ai-act-art-4")  # confidence S
    assert "bevestigd in de officiële tekst zelf" in legal_markdown("gdpr-art-22")  # confidence C
