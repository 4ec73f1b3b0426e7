"""The first widget of the course (module m00): how many applicants get an invitation.

The widget is a thin layer over :func:`invite_percentage` and
:func:`invite_sentence`, which tests call directly.
"""

from __future__ import annotations


def invite_percentage(invited: int, applications: int) -> float:
    """Percentage of applicants who were invited, rounded to one decimal.

    Raises
    ------
    ValueError
        With a Dutch message when the numbers cannot be right.
    """
    if applications <= 0:
        raise ValueError("Het aantal sollicitaties moet groter zijn dan 0.")
    if not 0 <= invited <= applications:
        raise ValueError("Het aantal uitnodigingen ligt tussen 0 en het aantal sollicitaties.")
    return round(invited / applications * 100, 1)


def invite_sentence(invited: int, applications: int) -> str:
    """A Dutch sentence for the widget, e.g. '12 van de 48 sollicitanten uitgenodigd: 25,0%'."""
    pct = invite_percentage(invited, applications)
    per_ten = invited / applications * 10
    return (
        f"{invited} van de {applications} sollicitanten uitgenodigd: {pct:.1f}%".replace(".", ",")
        + f" (ongeveer {per_ten:.0f} op de 10)"
    )


def invite_slider(applications: int = 48, invited: int = 12):
    """A slider for the number of invitations that shows the invite percentage.

    Returns the widget (an ``ipywidgets.VBox``); a notebook shows it when it is
    the last expression of a cell.
    """
    import ipywidgets as widgets

    slider = widgets.IntSlider(
        value=invited,
        min=0,
        max=applications,
        step=1,
        description="Uitnodigingen",
        continuous_update=True,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )
    shown = widgets.HTML(f"<b>{invite_sentence(invited, applications)}</b>")

    def update(change) -> None:
        shown.value = f"<b>{invite_sentence(change['new'], applications)}</b>"

    slider.observe(update, names="value")
    box = widgets.VBox([slider, shown])
    box.add_class("fairhire-invite-slider")
    return box
