"""Screening models, explanations of a score, and ways to reduce inherited bias."""

import warnings as _warnings

from .explain import contributions, plot_contributions
from .inheritance import inherited_bias, plot_inherited_bias
from .labels import SUITABLE_CUTOFF, new_round, truly_suitable
from .mitigation import (
    METHODS,
    compare_by_group,
    compare_decisions,
    mitigation_decisions,
    plot_tradeoff,
    reweighing_weights,
)
from .screening import (
    FEATURES,
    NO_PROXY_FEATURES,
    PROTECTED,
    PROXIES,
    UNAWARE_FEATURES,
    make_screening_model,
    make_text_model,
    scores,
    split_history,
    word_weights,
)

# fairlearn 0.15 triggers pandas deprecation warnings (Pandas4Warning, FutureWarning) inside its
# own code; a learner cannot act on them, so they are hidden for calls from fairlearn only.
_warnings.filterwarnings(
    "ignore",
    message=r".*(Setting a value on a Series|incompatible dtype)",
    module=r"fairlearn(\.|$)",
)

__all__ = [
    "FEATURES",
    "METHODS",
    "NO_PROXY_FEATURES",
    "PROTECTED",
    "PROXIES",
    "SUITABLE_CUTOFF",
    "UNAWARE_FEATURES",
    "compare_by_group",
    "compare_decisions",
    "contributions",
    "inherited_bias",
    "make_screening_model",
    "make_text_model",
    "mitigation_decisions",
    "new_round",
    "plot_contributions",
    "plot_inherited_bias",
    "plot_tradeoff",
    "reweighing_weights",
    "scores",
    "split_history",
    "truly_suitable",
    "word_weights",
]
