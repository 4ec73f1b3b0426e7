"""m03 · De data: right and wrong answers."""

_MF = (
    "mf_age = MetricFrame(metrics=selection_rate, y_true=bakery['invited'], "
    "y_pred=bakery['invited'], sensitive_features=bakery['age_band'])\n"
)

TABLE = {
    "m03-explore": {
        "right": {
            "sum-mean": 'n_invited = int(bakery["invited"].sum())\nbakery_rate = bakery["invited"].mean()',
            "count-divide": 'n_invited = int((bakery["invited"] == 1).sum())\nbakery_rate = n_invited / len(bakery)',
            "python-sum": "n_invited = sum(bakery.invited.tolist())\nbakery_rate = float(n_invited) / bakery.shape[0]",
        },
        "wrong": {
            "hired": 'n_invited = int(bakery["hired"].sum())\nbakery_rate = bakery["hired"].mean()',
            "not-invited": 'n_invited = int((bakery["invited"] == 0).sum())\nbakery_rate = 1 - bakery["invited"].mean()',
            "all-vacancies": 'n_invited = int(history["invited"].sum())\nbakery_rate = history["invited"].mean()',
            "percentage": 'n_invited = int(bakery["invited"].sum())\nbakery_rate = bakery["invited"].mean() * 100',
        },
    },
    "m03-rates": {
        "right": {
            "groupby": 'rates_origin = bakery.groupby("origin")["invited"].mean()',
            "counts": "rates_origin = bakery[bakery.invited == 1].origin.value_counts() / bakery.origin.value_counts()",
            "metricframe": "rates_origin = MetricFrame(metrics=selection_rate, y_true=bakery.invited, "
            "y_pred=bakery.invited, sensitive_features=bakery.origin).by_group",
        },
        "wrong": {
            "hired": 'rates_origin = bakery.groupby("origin")["hired"].mean()',
            "not-invited": 'rates_origin = 1 - bakery.groupby("origin")["invited"].mean()',
            "all-vacancies": 'rates_origin = history.groupby("origin")["invited"].mean()',
            "counts-not-rates": 'rates_origin = bakery.groupby("origin")["invited"].sum()',
        },
    },
    "m03-impact": {
        "right": {
            "max": "impact_origin = rates_origin / rates_origin.max()",
            "div": "impact_origin = rates_origin.div(max(rates_origin))",
            "reference-group": 'impact_origin = rates_origin / rates_origin["Nederlands"]',
        },
        "wrong": {
            "all-vacancies": '_r = history.groupby("origin")["invited"].mean()\nimpact_origin = _r / _r.max()',
            "hired": '_r = bakery.groupby("origin")["hired"].mean()\nimpact_origin = _r / _r.max()',
            "rounded": "impact_origin = (rates_origin / rates_origin.max()).round(2)",
            "by-mean": "impact_origin = rates_origin / rates_origin.mean()",
            "upside-down": "impact_origin = rates_origin.max() / rates_origin",
        },
    },
    "m03-four-fifths": {
        "right": {
            "sorted": "failing_groups = sorted(impact_origin[impact_origin < 0.8].index)",
            "list-of-sorted-index": "failing_groups = list(impact_origin[impact_origin < 0.8].sort_index().index)",
            "loop": "failing_groups = []\nfor group, ratio in sorted(impact_origin.items()):\n"
            "    if ratio < 0.8:\n        failing_groups.append(group)",
        },
        "wrong": {
            "passing": "failing_groups = sorted(impact_origin[impact_origin >= 0.8].index)",
            "rates-not-ratios": "failing_groups = sorted(rates_origin[rates_origin < 0.8].index)",
            "three-fifths": "failing_groups = sorted(impact_origin[impact_origin < 0.6].index)",
            "not-sorted": "failing_groups = list(impact_origin.sort_values()[impact_origin < 0.8].index)",
        },
    },
    "m03-fairlearn": {
        "right": {
            "solution": _MF + "age_ratio = mf_age.ratio()",
            "dict-metrics": "mf_age = MetricFrame(metrics={'selection_rate': selection_rate}, "
            "y_true=bakery['invited'], y_pred=bakery['invited'], sensitive_features=bakery['age_band'])\n"
            "age_ratio = float(mf_age.ratio().iloc[0])",
            "by-hand-ratio": "mf_age = MetricFrame(metrics=selection_rate, y_true=bakery['hired'], "
            "y_pred=bakery['invited'], sensitive_features=bakery['age_band'])\n"
            "age_ratio = mf_age.group_min() / mf_age.group_max()",
        },
        "wrong": {
            "difference": _MF + "age_ratio = mf_age.difference()",
            "lowest-rate": _MF + "age_ratio = mf_age.group_min()",
            "to-overall": _MF + "age_ratio = mf_age.ratio(method='to_overall')",
            "hired": "mf_age = MetricFrame(metrics=selection_rate, y_true=bakery['invited'], "
            "y_pred=bakery['hired'], sensitive_features=bakery['age_band'])\nage_ratio = mf_age.ratio()",
        },
    },
    "m03-intersectional": {
        "right": {
            "idxmin": 'rates_both = bakery.groupby(["gender", "origin"])["invited"].mean()\n'
            "lowest_group = rates_both.idxmin()\nlowest_rate = rates_both.min()",
            "sort-values": '_r = bakery.groupby(["gender", "origin"]).invited.mean().sort_values()\n'
            "lowest_group = tuple(_r.index[0])\nlowest_rate = float(_r.iloc[0])",
            "typed": 'lowest_group = ("vrouw", "Marokkaans-Nederlands")\n'
            'lowest_rate = bakery[(bakery.gender == "vrouw") & (bakery.origin == "Marokkaans-Nederlands")]'
            '["invited"].mean()',
        },
        "wrong": {
            "highest": '_r = bakery.groupby(["gender", "origin"])["invited"].mean()\n'
            "lowest_group = _r.idxmax()\nlowest_rate = _r.min()",
            "hired": '_r = bakery.groupby(["gender", "origin"])["hired"].mean()\n'
            "lowest_group = _r.idxmin()\nlowest_rate = _r.min()",
            "origin-rate": 'lowest_group = ("vrouw", rates_origin.idxmin())\nlowest_rate = rates_origin.min()',
            "second-lowest": '_r = bakery.groupby(["gender", "origin"])["invited"].mean().sort_values()\n'
            "lowest_group = _r.index[1]\nlowest_rate = _r.iloc[1]",
        },
    },
    "m03-small-numbers": {
        "right": {
            "min-max": "ratios_small = small.min(axis=1) / small.max(axis=1)\n"
            "ratios_large = large.min(axis=1) / large.max(axis=1)\n"
            "share_small = float((ratios_small < 0.8).mean())\n"
            "share_large = float((ratios_large < 0.8).mean())",
            "both-directions": "import numpy as np\n"
            "_s = np.minimum(small.vrouw / small.man, small.man / small.vrouw)\n"
            "_l = np.minimum(large.vrouw / large.man, large.man / large.vrouw)\n"
            "share_small = (_s < 0.8).mean()\nshare_large = (_l < 0.8).mean()",
            "loop": "def _share(table):\n    below = 0\n    for _, row in table.iterrows():\n"
            "        if row.min() / row.max() < 0.8:\n            below += 1\n"
            "    return below / len(table)\n"
            "share_small = _share(small)\nshare_large = _share(large)",
            "apply": "share_small = small.apply(lambda r: r.min() / r.max(), axis=1).lt(0.8).mean()\n"
            "share_large = large.apply(lambda r: r.min() / r.max(), axis=1).lt(0.8).mean()",
        },
        "wrong": {
            "at-most": "share_small = float((small.min(axis=1) / small.max(axis=1) <= 0.8).mean())\n"
            "share_large = float((large.min(axis=1) / large.max(axis=1) <= 0.8).mean())",
            "women-only": 'share_small = float((small["vrouw"] / small["man"] < 0.8).mean())\n'
            'share_large = float((large["vrouw"] / large["man"] < 0.8).mean())',
            "rates-not-ratios": 'share_small = float((small["vrouw"] < 0.8).mean())\n'
            'share_large = float((large["vrouw"] < 0.8).mean())',
            "one-draw": "share_small = float(small.min(axis=1).iloc[0] / small.max(axis=1).iloc[0] < 0.8)\n"
            "share_large = float(large.min(axis=1).iloc[0] / large.max(axis=1).iloc[0] < 0.8)",
            "upside-down": "share_small = float((small.max(axis=1) / small.min(axis=1) < 0.8).mean())\n"
            "share_large = float((large.max(axis=1) / large.min(axis=1) < 0.8).mean())",
            "count": "share_small = int((small.min(axis=1) / small.max(axis=1) < 0.8).sum())\n"
            "share_large = int((large.min(axis=1) / large.max(axis=1) < 0.8).sum())",
        },
    },
    "m03-law": {
        "right": {"letter": 'law_answer = "B"', "lower-case": "law_answer = ' b'"},
        "wrong": {
            "A": 'law_answer = "A"',
            "C": 'law_answer = "C"',
            "D": 'law_answer = "D"',
        },
    },
}
