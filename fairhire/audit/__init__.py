"""Audit tools: group metrics (selection rates, impact ratios, four-fifths) and a name-swap test."""

from .counterfactual import NameSwapResult, name_swap_audit, summarize_swaps
from .metrics import (
    FOUR_FIFTHS,
    audit_table,
    four_fifths,
    group_metrics,
    impact_ratios,
    min_impact_ratio,
    rates_at_threshold,
    selection_rates,
    true_positive_rates,
)
from .plots import plot_rate_table, plot_selection_rates
from .small_samples import draw_selection_rates

__all__ = [
    "FOUR_FIFTHS",
    "NameSwapResult",
    "audit_table",
    "draw_selection_rates",
    "four_fifths",
    "group_metrics",
    "impact_ratios",
    "min_impact_ratio",
    "name_swap_audit",
    "plot_rate_table",
    "plot_selection_rates",
    "rates_at_threshold",
    "selection_rates",
    "summarize_swaps",
    "true_positive_rates",
]
