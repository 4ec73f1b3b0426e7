"""A progress bar for long computations in a notebook (ipywidgets.IntProgress).

    from fairhire import progress_bar

    for seed in progress_bar(range(20), description="Modellen trainen"):
        ...

In a notebook the learner sees a bar with "3/20" next to it that turns green
when done; outside a notebook the items are simply passed through.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from .running_notebook import in_notebook

T = TypeVar("T")


class ProgressBar:
    """A bar over ``total`` steps; :meth:`step` moves it, :meth:`done` finishes it.

    Parameters
    ----------
    total : int
        Number of steps.
    description : str
        Short Dutch label shown left of the bar.
    show : bool, optional
        Display the widget (default: only inside a Jupyter kernel).
    """

    def __init__(self, total: int, description: str = "Bezig", show: bool | None = None):
        import ipywidgets as widgets

        self.total = max(int(total), 0)
        self.bar = widgets.IntProgress(
            value=0,
            min=0,
            max=max(self.total, 1),
            description=description,
            bar_style="info",
            style={"description_width": "initial"},
        )
        self.label = widgets.Label(f"0/{self.total}")
        self.widget = widgets.HBox([self.bar, self.label])
        if show is None:
            show = in_notebook()
        if show:
            from IPython.display import display

            display(self.widget)

    def step(self, n: int = 1) -> None:
        """Advance the bar by ``n`` steps."""
        self.bar.value = min(self.bar.value + n, self.bar.max)
        self.label.value = f"{self.bar.value}/{self.total}"

    def done(self, ok: bool = True) -> None:
        """Mark the bar as finished: green when ``ok``, red otherwise."""
        self.bar.bar_style = "success" if ok else "danger"
        if ok:
            self.bar.value = self.bar.max
            self.label.value = f"{self.total}/{self.total} klaar"


def progress_bar(
    iterable: Iterable[T],
    description: str = "Bezig",
    total: int | None = None,
    show: bool | None = None,
) -> Iterator[T]:
    """Yield the items of ``iterable`` while a progress bar shows how far it is.

    Parameters
    ----------
    iterable : iterable
        The work items (for example seeds or thresholds).
    description : str
        Dutch label, e.g. ``"Modellen trainen"``.
    total : int, optional
        Number of items when ``len(iterable)`` does not work (a generator).
        Without it a generator is read into a list first.
    show : bool, optional
        Display the bar (default: only inside a Jupyter kernel).
    """
    if total is None:
        try:
            total = len(iterable)  # type: ignore[arg-type]
        except TypeError:
            iterable = list(iterable)
            total = len(iterable)
    bar = ProgressBar(total, description, show=show)
    ok = False
    try:
        for item in iterable:
            yield item
            bar.step()
        ok = True
    finally:
        bar.done(ok)
