"""m06 · Vooroordelen verminderen: right and wrong answers."""


def _weight(group="Marokkaans-Nederlands", label="invited", formula=None):
    return (
        f'is_group = history["origin"] == "{group}"\n'
        f'is_invited = history["{label}"] == 1\n'
        "w_moroccan_invited = "
        + (
            formula
            or "is_group.sum() * is_invited.sum() / (len(history) * (is_group & is_invited).sum())"
        )
        + "\n"
    )


def _reweigh(group="origin", fit_on="history", measure="new_applicants", ratio_group="origin"):
    return (
        f'weights = reweighing_weights(history["{group}"], history["invited"])\n'
        "model_reweighed = make_screening_model(UNAWARE_FEATURES)\n"
        f'model_reweighed.fit({fit_on}, {fit_on}["invited"], model__sample_weight=weights)\n'
        f'ratio_reweighed = min_impact_ratio({measure}, group="{ratio_group}",\n'
        f"                                   decision=model_reweighed.predict({measure}))\n"
    )


def _thresholds(fit_group="origin", seed=0, rates_from="decided_thresholds", rates_group="origin"):
    return (
        'optimizer = ThresholdOptimizer(estimator=model_blind, constraints="demographic_parity",\n'
        '                               prefit=True, predict_method="predict_proba")\n'
        f'optimizer.fit(history, history["invited"], sensitive_features=history["{fit_group}"])\n'
        "decided_thresholds = optimizer.predict(new_applicants,\n"
        f'    sensitive_features=new_applicants["{fit_group}"], random_state={seed})\n'
        f'rates_thresholds = selection_rates(new_applicants, group="{rates_group}", '
        f"decision={rates_from})\n"
    )


def _label(label="truly_suitable(history)", against="truth"):
    return (
        f"model_truth = make_screening_model(UNAWARE_FEATURES).fit(history, {label})\n"
        f"accuracy_truth_better = accuracy_score({against}, model_truth.predict(new_applicants))\n"
    )


def _eg(group="origin", ratio_group="origin", decided=None):
    return (
        (
            decided
            or f'decided_eg = fit_exponentiated_gradient(history, new_applicants, group="{group}")'
        )
        + "\n"
        f'ratio_eg = min_impact_ratio(new_applicants, group="{ratio_group}", decision=decided_eg)\n'
        "accuracy_eg = accuracy_score(truth, decided_eg)\n"
    )


_BEST = 'best_truth = comparison["accuracy_truth"].idxmax()\n'
_FAIREST = 'fairest = comparison["min_impact_ratio"].idxmax()\n'
_ABOVE = 'above_line = list(comparison.index[comparison["min_impact_ratio"] >= 0.8])\n'


def _threshold(threshold=0.3, truth="truth", gap=None):
    return (
        "blind_scores = scores(model_blind, new_applicants)\n"
        'table_03 = rates_at_threshold(new_applicants, group="origin", scores=blind_scores,\n'
        f"                              threshold={threshold}, truth={truth})\n"
        "tpr_gap_03 = "
        + (gap or 'table_03["true_positive_rate"].max() - table_03["true_positive_rate"].min()')
        + "\n"
    )


TABLE = {
    "m06-weight": {
        "right": {
            "solution": _weight(),
            "counts": 'n = len(history)\nn_s = int((history["origin"] == "Marokkaans-Nederlands").sum())\n'
            'n_c = int((history["invited"] == 1).sum())\n'
            'n_sc = int(((history["origin"] == "Marokkaans-Nederlands") & (history["invited"] == 1)).sum())\n'
            "w_moroccan_invited = (n_s * n_c) / (n * n_sc)\n",
            "expected-over-observed": _weight(
                formula="is_group.mean() * is_invited.mean() / (is_group & is_invited).mean()"
            ),
        },
        "wrong": {
            "upside-down": _weight(
                formula="len(history) * (is_group & is_invited).sum() / (is_group.sum() * is_invited.sum())"
            ),
            "forgot-n": _weight(
                formula="is_group.sum() * is_invited.sum() / (is_group & is_invited).sum()"
            ),
            "other-group": _weight(group="Turks-Nederlands"),
            "hired": _weight(label="hired"),
        },
    },
    "m06-reweigh": {
        "right": {
            "solution": _reweigh(),
            "numpy-weights": "weights = np.asarray(reweighing_weights(history['origin'], history['invited']))\n"
            "model_reweighed = make_screening_model(UNAWARE_FEATURES).fit(\n"
            "    history, history['invited'], model__sample_weight=weights)\n"
            "_rates = selection_rates(new_applicants, group='origin',"
            " decision=model_reweighed.predict(new_applicants))\n"
            "ratio_reweighed = float(_rates.min() / _rates.max())\n",
        },
        "wrong": {
            "gender-weights": _reweigh(group="gender"),
            "ratio-by-gender": _reweigh(ratio_group="gender"),
            "measured-on-history": _reweigh(measure="history"),
            "no-weights": _reweigh().replace(", model__sample_weight=weights", ""),
        },
    },
    "m06-thresholds": {
        "right": {
            "solution": _thresholds(),
            "groupby": _thresholds().replace(
                'rates_thresholds = selection_rates(new_applicants, group="origin", '
                "decision=decided_thresholds)\n",
                'rates_thresholds = new_applicants.assign(d=decided_thresholds).groupby("origin")["d"].mean()\n',
            ),
        },
        "wrong": {
            "other-seed": _thresholds(seed=1),
            "by-gender": _thresholds(fit_group="gender"),
            "blind-decisions": _thresholds(rates_from="model_blind.predict(new_applicants)"),
            "fit-on-new": _thresholds().replace(
                'optimizer.fit(history, history["invited"], sensitive_features=history["origin"])',
                'optimizer.fit(new_applicants, new_applicants["invited"],'
                ' sensitive_features=new_applicants["origin"])',
            ),
        },
    },
    "m06-label": {
        "right": {
            "solution": _label(),
            "mean": "model_truth = make_screening_model(UNAWARE_FEATURES).fit(history, truly_suitable(history))\n"
            "accuracy_truth_better = (model_truth.predict(new_applicants) == np.asarray(truth)).mean()\n",
        },
        "wrong": {
            "hired-label": _label(label='history["hired"]'),
            "against-history": _label(against='new_applicants["invited"]'),
            "all-features": _label()
            .replace("(UNAWARE_FEATURES)", "(FEATURES)", 1)
            .replace("model_truth =", "from fairhire.models import FEATURES\nmodel_truth =", 1),
            "precision": _label().replace(
                "accuracy_score(", "__import__('sklearn.metrics').metrics.precision_score("
            ),
        },
    },
    "m06-exponentiated": {
        "right": {
            "solution": _eg(),
            "numpy": 'decided_eg = np.asarray(fit_exponentiated_gradient(history, new_applicants, group="origin"))\n'
            'ratio_eg = min_impact_ratio(new_applicants, group="origin", decision=decided_eg)\n'
            "accuracy_eg = float((decided_eg == np.asarray(truth)).mean())\n",
        },
        "wrong": {
            "gender-group": _eg(group="gender"),
            "ratio-by-gender": _eg(ratio_group="gender"),
            "thresholds-instead": _eg(decided="decided_eg = np.asarray(decided_thresholds)"),
        },
    },
    "m06-compare": {
        "right": {
            "solution": _BEST + _FAIREST + _ABOVE,
            "typed": 'best_truth = "beter label"\nfairest = "beter label"\n'
            'above_line = ["beter label", "ThresholdOptimizer"]\n',
            "sort-values": 'best_truth = comparison.sort_values("accuracy_truth").index[-1]\n'
            'fairest = comparison.sort_values("min_impact_ratio", ascending=False).index[0]\n'
            'above_line = comparison[comparison["min_impact_ratio"] >= 0.8].index.tolist()\n',
        },
        "wrong": {
            "history-accuracy": 'best_truth = comparison["accuracy_history"].idxmax()\n'
            + _FAIREST
            + _ABOVE,
            "lowest-ratio": _BEST + 'fairest = comparison["min_impact_ratio"].idxmin()\n' + _ABOVE,
            "smallest-tpr-gap": _BEST + 'fairest = comparison["tpr_gap"].idxmin()\n' + _ABOVE,
            "left-of-line": _BEST
            + _FAIREST
            + 'above_line = list(comparison.index[comparison["min_impact_ratio"] < 0.8])\n',
        },
    },
    "m06-threshold": {
        "right": {
            "solution": _threshold(),
            "numpy": _threshold(gap='np.ptp(table_03["true_positive_rate"].to_numpy())'),
        },
        "wrong": {
            "threshold-05": _threshold(threshold=0.5),
            "selection-rate": _threshold(
                gap='table_03["selection_rate"].max() - table_03["selection_rate"].min()'
            ),
            "ratio": _threshold(
                gap='table_03["true_positive_rate"].min() / table_03["true_positive_rate"].max()'
            ),
            "history-as-truth": _threshold(truth='new_applicants["invited"]'),
        },
    },
    "m06-law": {
        "right": {"letter": 'law_answer = "A"', "lower-case": "law_answer = 'a '"},
        "wrong": {"B": 'law_answer = "B"', "C": 'law_answer = "C"', "D": 'law_answer = "D"'},
    },
    "m06-conflict": {
        "right": {"letter": 'conflict_answer = "D"', "lower-case": "conflict_answer = ' d'"},
        "wrong": {
            "A": 'conflict_answer = "A"',
            "B": 'conflict_answer = "B"',
            "C": 'conflict_answer = "C"',
        },
    },
}
