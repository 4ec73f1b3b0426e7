from fairhire.lm.corpus import load_corpus
from fairhire.lm.ngram import next_word_distribution, train
from fairhire.lm.widgets import distribution_html, temperature_widget

MODEL = train(load_corpus(), order=2)


def test_distribution_html_shows_the_top_words_and_sentences():
    html = distribution_html(MODEL, "wij", 1.0, n_sentences=2, seed=1)
    top = list(next_word_distribution(MODEL, "wij"))[:2]
    assert all(word in html for word in top)
    assert html.count("<li>") == 2


def test_widget_updates_when_the_slider_moves():
    box = temperature_widget(MODEL, context="je", seed=0)
    text, slider, view = box.children
    before = view.value
    slider.value = 0.0
    assert view.value != before
    assert view.value == distribution_html(MODEL, "je", 0.0, 3, 0)
    assert "100%" in view.value  # all probability on the most likely word


def test_widget_explains_an_unknown_word():
    box = temperature_widget(MODEL)
    box.children[0].value = "blockchain"
    assert "kent het woord" in box.children[2].value
