"""Widgets for module 1: a temperature slider over the n-gram model.

The widget is a thin layer: :func:`distribution_html` renders what
:func:`~fairhire.lm.ngram.next_word_distribution` and
:func:`~fairhire.lm.ngram.generate_many` return, and the slider only calls it
again. Tests call :func:`distribution_html` directly.
"""

from __future__ import annotations

from html import escape

from .ngram import NGramModel, generate_many, next_word_distribution

TOP_WORDS = 8


def distribution_html(
    model: NGramModel,
    context: str,
    temperature: float,
    n_sentences: int = 3,
    seed: int = 0,
    top: int = TOP_WORDS,
) -> str:
    """HTML with the most likely next words as bars and a few generated sentences.

    Parameters
    ----------
    model : NGramModel
    context : str
        The words so far; the sentences start with them.
    temperature : float
        Passed to the model (0 = always the most likely word).
    n_sentences : int
        How many sentences to write with this temperature.
    seed : int
        Seed for the sentences, so the same setting shows the same text.
    top : int
        How many next words to show.
    """
    dist = next_word_distribution(model, context, temperature)
    rows = []
    for word, p in list(dist.items())[:top]:
        width = round(p * 300)
        rows.append(
            f"<tr><td style='text-align:right;padding-right:8px'>{escape(word)}</td>"
            f"<td><div style='background:#4a7fb5;height:14px;width:{width}px;display:inline-block'>"
            f"</div> {p:.0%}</td></tr>"
        )
    rest = len(dist) - top
    more = f"<p><i>… en nog {rest} andere woorden.</i></p>" if rest > 0 else ""
    sentences = generate_many(model, n_sentences, start=context, temperature=temperature, seed=seed)
    items = "".join(f"<li>{escape(s)}</li>" for s in sentences)
    return (
        f"<p><b>Na “{escape(context) or '(begin van een zin)'}” bij temperatuur "
        f"{temperature:.1f}:</b></p><table>{''.join(rows)}</table>{more}"
        f"<p><b>Zinnen die het model schrijft:</b></p><ol>{items}</ol>"
    )


def temperature_widget(model: NGramModel, context: str = "je", n_sentences: int = 3, seed: int = 0):
    """A slider for the temperature with the next-word chart and generated sentences below.

    Returns an ``ipywidgets.VBox``; its children are the slider and an
    ``HTML`` widget whose ``value`` is :func:`distribution_html`.
    """
    import ipywidgets as widgets

    slider = widgets.FloatSlider(
        value=1.0, min=0.0, max=3.0, step=0.1, description="Temperatuur", continuous_update=False
    )
    text = widgets.Text(value=context, description="Begin", continuous_update=False)
    view = widgets.HTML()

    def update(_change=None) -> None:
        try:
            view.value = distribution_html(model, text.value, slider.value, n_sentences, seed)
        except KeyError as exc:
            view.value = f"<p>⚠️ {escape(str(exc.args[0]))}</p>"

    slider.observe(update, names="value")
    text.observe(update, names="value")
    update()
    return widgets.VBox([text, slider, view])
