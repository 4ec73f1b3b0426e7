"""m05 · Vooroordelen overgenomen: right and wrong answers."""

_FIT_ALL = 'model_all = make_screening_model(FEATURES).fit(history, history["invited"])\n'
_MF = (
    "mf_all = MetricFrame(metrics=selection_rate, y_true=new_applicants['invited'],\n"
    "                     y_pred={pred}, sensitive_features=new_applicants[{group!r}])\n"
)


def _mf(pred="model_all.predict(new_applicants)", group="origin", ratio="mf_all.ratio()"):
    return _FIT_ALL + _MF.format(pred=pred, group=group) + f"ratio_all = {ratio}\n"


_FIT_BLIND = (
    'model_blind = make_screening_model(UNAWARE_FEATURES).fit(history, history["invited"])\n'
)
_FIT_TEXT = 'text_model = make_text_model().fit(history["cv_text"], history["invited"])\n'

TABLE = {
    "m05-metricframe": {
        "right": {
            "solution": _mf(),
            "metric-dict": _FIT_ALL
            + "mf_all = MetricFrame(metrics={'selection_rate': selection_rate},\n"
            "    y_true=new_applicants['invited'], y_pred=model_all.predict(new_applicants),\n"
            "    sensitive_features=new_applicants['origin'])\n"
            "ratio_all = float(mf_all.ratio().iloc[0])\n",
            "by-hand-numpy": _mf(
                ratio="np.float64(mf_all.by_group.min() / mf_all.by_group.max())"
            ).replace("model_all =", "import numpy as np\nmodel_all =", 1),
        },
        "wrong": {
            "by-gender": _mf(group="gender"),
            "recruiters": _mf(pred="new_applicants['invited']"),
            "blind-model": _mf().replace("(FEATURES)", "(UNAWARE_FEATURES)"),
            "difference": _mf(ratio="mf_all.difference()"),
            "lowest-rate": _mf(ratio="mf_all.group_min()"),
            "trained-on-new": _mf().replace(
                '.fit(history, history["invited"])',
                '.fit(new_applicants, new_applicants["invited"])',
            ),
        },
    },
    "m05-unaware": {
        "right": {
            "solution": _FIT_BLIND
            + 'ratio_blind = min_impact_ratio(new_applicants, group="origin",\n'
            "                               decision=model_blind.predict(new_applicants))\n",
            "by-hand": _FIT_BLIND
            + "_rates = new_applicants.assign(d=model_blind.predict(new_applicants))"
            '.groupby("origin")["d"].mean()\n'
            "ratio_blind = _rates.min() / _rates.max()\n",
        },
        "wrong": {
            "by-gender": _FIT_BLIND
            + 'ratio_blind = min_impact_ratio(new_applicants, group="gender",\n'
            "                               decision=model_blind.predict(new_applicants))\n",
            "recruiters": _FIT_BLIND
            + 'ratio_blind = min_impact_ratio(new_applicants, group="origin",\n'
            '                               decision=new_applicants["invited"])\n',
            "model-all-decisions": _FIT_BLIND
            + "_all = make_screening_model(FEATURES).fit(history, history['invited'])\n"
            'ratio_blind = min_impact_ratio(new_applicants, group="origin",\n'
            "                               decision=_all.predict(new_applicants))\n",
            "history-not-new": _FIT_BLIND
            + 'ratio_blind = min_impact_ratio(history, group="origin",\n'
            "                               decision=model_blind.predict(history))\n",
        },
    },
    "m05-gap": {
        "right": {
            "solution": 'with_gap = history[history["career_gap_months"] > 0]\n'
            'women_share_gap = (with_gap["gender"] == "vrouw").mean()\n',
            "count-divided": '_gap = history["career_gap_months"] > 0\n'
            'women_share_gap = int((_gap & (history["gender"] == "vrouw")).sum()) / int(_gap.sum())\n',
            "value-counts": 'women_share_gap = history.loc[history["career_gap_months"] > 0, "gender"]'
            '.value_counts(normalize=True)["vrouw"]\n',
        },
        "wrong": {
            "everyone": 'women_share_gap = (history["gender"] == "vrouw").mean()\n',
            "men": 'with_gap = history[history["career_gap_months"] > 0]\n'
            'women_share_gap = (with_gap["gender"] == "man").mean()\n',
            "without-gap": 'no_gap = history[history["career_gap_months"] == 0]\n'
            'women_share_gap = (no_gap["gender"] == "vrouw").mean()\n',
            "long-gaps-only": 'with_gap = history[history["career_gap_months"] > 12]\n'
            'women_share_gap = (with_gap["gender"] == "vrouw").mean()\n',
        },
    },
    "m05-postcode": {
        "right": {
            "solution": 'is_dutch = history["origin"] == "Nederlands"\n'
            'dutch_share = is_dutch.groupby(history["postcode"]).mean()\n'
            "share_spread = dutch_share.max() - dutch_share.min()\n",
            "groupby-apply": 'dutch_share = history.groupby("postcode")["origin"]'
            '.apply(lambda o: (o == "Nederlands").mean())\n'
            "share_spread = float(dutch_share.max()) - float(dutch_share.min())\n",
        },
        "wrong": {
            "not-dutch": 'is_dutch = history["origin"] != "Nederlands"\n'
            'dutch_share = is_dutch.groupby(history["postcode"]).mean()\n'
            "share_spread = dutch_share.max() - dutch_share.min()\n",
            "one-group": 'is_dutch = history["origin"] == "Turks-Nederlands"\n'
            'dutch_share = is_dutch.groupby(history["postcode"]).mean()\n'
            "share_spread = dutch_share.max() - dutch_share.min()\n",
            "max-only": 'is_dutch = history["origin"] == "Nederlands"\n'
            'dutch_share = is_dutch.groupby(history["postcode"]).mean()\n'
            "share_spread = dutch_share.max()\n",
            "new-round": 'is_dutch = new_applicants["origin"] == "Nederlands"\n'
            'dutch_share = is_dutch.groupby(new_applicants["postcode"]).mean()\n'
            "share_spread = dutch_share.max() - dutch_share.min()\n",
        },
    },
    "m05-words": {
        "right": {
            "solution": _FIT_TEXT
            + "weights = word_weights(text_model)\nmost_negative = list(weights.head(10).index)\n",
            "nsmallest": _FIT_TEXT + "weights = word_weights(text_model)\n"
            "most_negative = weights.nsmallest(10).index.tolist()\n",
        },
        "wrong": {
            "hired-label": 'text_model = make_text_model().fit(history["cv_text"], history["hired"])\n'
            "weights = word_weights(text_model)\nmost_negative = list(weights.head(10).index)\n",
            "alphabetical": _FIT_TEXT + "weights = word_weights(text_model)\n"
            "most_negative = sorted(weights.head(10).index)\n",
            "next-ten": _FIT_TEXT + "weights = word_weights(text_model)\n"
            "most_negative = list(weights.head(20).index[10:])\n",
            "nine-and-one": _FIT_TEXT + "weights = word_weights(text_model)\n"
            "most_negative = list(weights.head(9).index) + [weights.index[11]]\n",
        },
    },
    "m05-swap": {
        "right": {
            "solution": "swap_result = name_swap_audit(text_model, new_cvs, "
            'from_group="Marokkaans-Nederlands",\n'
            '                              to_group="Nederlands", random_state=0)\n'
            "share_changed = swap_result.share_changed\n",
            "count-divided": "swap_result = name_swap_audit(text_model, new_cvs, "
            'from_group="Marokkaans-Nederlands", to_group="Nederlands", random_state=0)\n'
            "share_changed = swap_result.n_changed / swap_result.n\n",
        },
        "wrong": {
            # random_state=1 happens to change as many decisions as 0; 2 does not
            "other-seed": "swap_result = name_swap_audit(text_model, new_cvs, "
            'from_group="Marokkaans-Nederlands", to_group="Nederlands", random_state=2)\n'
            "share_changed = swap_result.share_changed\n",
            "to-turkish": "swap_result = name_swap_audit(text_model, new_cvs, "
            'from_group="Marokkaans-Nederlands", to_group="Turks-Nederlands", random_state=0)\n'
            "share_changed = swap_result.share_changed\n",
            "reversed": "swap_result = name_swap_audit(text_model, new_cvs, "
            'from_group="Nederlands", to_group="Marokkaans-Nederlands", random_state=0)\n'
            "share_changed = swap_result.share_changed\n",
            "other-group": "swap_result = name_swap_audit(text_model, new_cvs, "
            'from_group="Turks-Nederlands", to_group="Nederlands", random_state=0)\n'
            "share_changed = swap_result.share_changed\n",
            "count": "swap_result = name_swap_audit(text_model, new_cvs, "
            'from_group="Marokkaans-Nederlands", to_group="Nederlands", random_state=0)\n'
            "share_changed = swap_result.n_changed\n",
        },
    },
    "m05-unawareness": {
        "right": {"letter": 'unawareness_answer = "A"', "lower-case": "unawareness_answer = ' a '"},
        "wrong": {
            "B": 'unawareness_answer = "B"',
            "C": 'unawareness_answer = "C"',
            "D": 'unawareness_answer = "D"',
        },
    },
}
