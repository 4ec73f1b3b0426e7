import pytest

from fairhire.progress_bar import ProgressBar, progress_bar


def test_progress_bar_passes_items_through_and_ends_green():
    bars = []
    original_init = ProgressBar.__init__

    def spy(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        bars.append(self)

    ProgressBar.__init__ = spy
    try:
        items = list(progress_bar(range(5), description="Modellen trainen", show=False))
    finally:
        ProgressBar.__init__ = original_init
    assert items == [0, 1, 2, 3, 4]
    (bar,) = bars
    assert bar.bar.value == 5 and bar.bar.max == 5 and bar.bar.bar_style == "success"
    assert bar.bar.description == "Modellen trainen" and bar.label.value == "5/5 klaar"


def test_progress_bar_counts_steps_and_accepts_generators():
    bar = ProgressBar(3, show=False)
    bar.step()
    bar.step()
    assert bar.bar.value == 2 and bar.label.value == "2/3"
    assert list(progress_bar((i * i for i in range(4)), show=False)) == [0, 1, 4, 9]


def test_progress_bar_turns_red_when_the_work_fails():
    bar = ProgressBar(2, show=False)
    bar.done(ok=False)
    assert bar.bar.bar_style == "danger"
    with pytest.raises(ZeroDivisionError):
        for x in progress_bar([1, 0], show=False):
            1 / x
