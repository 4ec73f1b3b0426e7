"""m08 · Eindopdracht: right and wrong answers."""

_IR_GENDER = 'ir_gender = ll144.impact_ratios(audit, group="gender", selected="selected")\n'
_IR_ORIGIN = 'ir_origin = ll144.impact_ratios(audit, group="origin", selected="selected")\n'
_IR_AGE = 'ir_age = ll144.impact_ratios(audit, group="age_band", selected="selected")\n'
_GROUPS = (
    _IR_GENDER + _IR_ORIGIN + _IR_AGE + 'women_ratio = ir_gender.loc["vrouw", "impact_ratio"]\n'
    'lowest_origin_ratio = ir_origin["impact_ratio"].min()\n'
    'age_below = sorted(ir_age[ir_age["impact_ratio"] < 0.8].index)\n'
)
_IR_SCORES = 'ir_gender_scores = ll144.impact_ratios(audit, group="gender", score="score")\n'
_IR_INTER = (
    'ir_inter = ll144.impact_ratios(audit, group=["gender", "origin"], selected="selected")\n'
)
_IR_OA = 'ir_origin_age = ll144.impact_ratios(audit, group=["origin", "age_band"], selected="selected")\n'
_ERRORS = 'errors_origin = ll144.error_rates(audit, group="origin", selected="selected", truth="qualified")\n'


def _swap(seed=8, from_group="Marokkaans-Nederlands", to_group="Nederlands", up="swap.n_up"):
    return (
        f'swap = name_swap_audit(screener.select, audit, from_group="{from_group}",\n'
        f'                       to_group="{to_group}", random_state={seed})\n'
        f"swap_share = swap.share_changed\nswap_up = {up}\n"
    )


_REPORT = """report = AuditReport(
    tool_name="Selectomaat",
    organisation="Uitzendbureau Flex & Co",
    auditor="{auditor}",
    memo=("{memo}"),
)
{numbers}report.add_table("Impact ratio per geslacht", ir_gender)
report.add_table("Impact ratio per herkomst", ir_origin)
report.add_table("Impact ratio per geslacht en herkomst", ir_inter)
report.add_table("Fout-negatief per herkomst", fnr_origin)
{figure}"""
_MEMO = (
    "Selectomaat laat Marokkaans-, Turks- en Surinaams-Nederlandse sollicitanten veel minder "
    "vaak door, ook als ze geschikt zijn, en reageert op de naam. Advies: niet invoeren."
)
_NUMBERS = (
    'report.add_number("Selectiepercentage (totaal)", overall_rate)\n'
    'report.add_number("Laagste impact ratio (herkomst)", lowest_origin_ratio)\n'
    'report.add_number("Verschil fout-negatief", fnr_gap)\n'
    'report.add_number("Deel gewijzigde besluiten na naamwissel", swap_share)\n'
)
_FIGURE = 'report.add_figure("Selectiepercentage per herkomst", fig)\n'


def _report(auditor="HR-adviseur", memo=_MEMO, numbers=_NUMBERS, figure=_FIGURE):
    return _REPORT.format(auditor=auditor, memo=memo, numbers=numbers, figure=figure)


TABLE = {
    "m08-group-ratios": {
        "right": {
            "solution": _GROUPS,
            "column-and-sort": _IR_GENDER
            + _IR_ORIGIN
            + 'women_ratio = float(ir_gender["impact_ratio"]["vrouw"])\n'
            'lowest_origin_ratio = float(ir_origin.sort_values("impact_ratio")["impact_ratio"].iloc[0])\n'
            "ir_age = ll144.impact_ratios(audit, group='age_band', selected='selected')\n"
            "age_below = []\nfor band, ratio in ir_age['impact_ratio'].sort_index().items():\n"
            "    if ratio < 0.8:\n        age_below.append(band)\n",
            "typed-ages": _GROUPS.replace(
                'age_below = sorted(ir_age[ir_age["impact_ratio"] < 0.8].index)',
                'age_below = ["18-29", "50+"]',
            ),
        },
        "wrong": {
            "men": _GROUPS.replace(
                'ir_gender.loc["vrouw", "impact_ratio"]', 'ir_gender.loc["man", "impact_ratio"]'
            ),
            "selection-rate": _GROUPS.replace(
                'ir_gender.loc["vrouw", "impact_ratio"]', 'ir_gender.loc["vrouw", "selection_rate"]'
            ),
            "versus-everyone": _GROUPS.replace(
                'ir_gender.loc["vrouw", "impact_ratio"]',
                'ir_gender.loc["vrouw", "selection_rate"] / audit["selected"].mean()',
            ),
            "scores-table": _GROUPS.replace(
                'ir_gender = ll144.impact_ratios(audit, group="gender", selected="selected")',
                'ir_gender = ll144.impact_ratios(audit, group="gender", score="score")',
            ),
            "highest-origin": _GROUPS.replace(
                'ir_origin["impact_ratio"].min()', 'ir_origin["impact_ratio"].max()'
            ),
            "origin-selection-rate": _GROUPS.replace(
                'ir_origin["impact_ratio"].min()', 'ir_origin["selection_rate"].min()'
            ),
            "ages-above": _GROUPS.replace(
                'ir_age["impact_ratio"] < 0.8', 'ir_age["impact_ratio"] >= 0.8'
            ),
            "only-50-plus": _GROUPS.replace(
                'age_below = sorted(ir_age[ir_age["impact_ratio"] < 0.8].index)',
                'age_below = ["50+"]',
            ),
            "ages-below-0.9": _GROUPS.replace(
                'ir_age["impact_ratio"] < 0.8', 'ir_age["impact_ratio"] < 0.9'
            ),
        },
    },
    "m08-scoring": {
        "right": {
            "solution": _IR_SCORES
            + 'scoring_ratio_women = ir_gender_scores.loc["vrouw", "impact_ratio"]\n',
            "by-hand": '_above = audit["score"] > audit["score"].median()\n'
            '_rates = _above.groupby(audit["gender"]).mean()\n'
            'scoring_ratio_women = _rates["vrouw"] / _rates.max()\n',
        },
        "wrong": {
            "men": _IR_SCORES
            + 'scoring_ratio_women = ir_gender_scores.loc["man", "impact_ratio"]\n',
            "scoring-rate": _IR_SCORES
            + 'scoring_ratio_women = ir_gender_scores.loc["vrouw", "scoring_rate"]\n',
            "selected": _IR_GENDER
            + 'scoring_ratio_women = ir_gender.loc["vrouw", "impact_ratio"]\n',
            "above-mean": '_above = audit["score"] > audit["score"].mean()\n'
            '_rates = _above.groupby(audit["gender"]).mean()\n'
            'scoring_ratio_women = _rates["vrouw"] / _rates.max()\n',
        },
    },
    "m08-intersectional": {
        "right": {
            "solution": _IR_INTER + 'lowest_inter = ir_inter["impact_ratio"].idxmin()\n'
            'lowest_inter_ratio = ir_inter["impact_ratio"].min()\n',
            "typed-tuple": _IR_INTER + 'lowest_inter = ("vrouw", "Marokkaans-Nederlands")\n'
            'lowest_inter_ratio = float(ir_inter.loc[lowest_inter, "impact_ratio"])\n',
        },
        "wrong": {
            "highest": _IR_INTER + 'lowest_inter = ir_inter["impact_ratio"].idxmax()\n'
            'lowest_inter_ratio = ir_inter["impact_ratio"].max()\n',
            "lowest-men": _IR_INTER + 'lowest_inter = ("man", "Turks-Nederlands")\n'
            'lowest_inter_ratio = ir_inter.loc[lowest_inter, "impact_ratio"]\n',
            "selection-rate-value": _IR_INTER + 'lowest_inter = ir_inter["impact_ratio"].idxmin()\n'
            'lowest_inter_ratio = ir_inter["selection_rate"].min()\n',
        },
    },
    "m08-small-groups": {
        "right": {
            "solution": _IR_OA + 'n_excluded = int(ir_origin_age["excluded"].sum())\n',
            "by-hand": '_share = audit.groupby(["origin", "age_band"]).size() / len(audit)\n'
            "n_excluded = int((_share < 0.02).sum())\n",
        },
        "wrong": {
            "included": _IR_OA + 'n_excluded = int((~ir_origin_age["excluded"]).sum())\n',
            "all-rows": _IR_OA + "n_excluded = len(ir_origin_age)\n",
            "gender-origin": _IR_INTER + 'n_excluded = int(ir_inter["excluded"].sum())\n',
            "under-5-percent": '_share = audit.groupby(["origin", "age_band"]).size() / len(audit)\n'
            "n_excluded = int((_share < 0.05).sum())\n",
        },
    },
    "m08-fnr": {
        "right": {
            "solution": _ERRORS + 'fnr_origin = errors_origin["false_negative_rate"]\n'
            "fnr_gap = fnr_origin.max() - fnr_origin.min()\n",
            "by-hand": '_qualified = audit[audit["qualified"] == 1]\n'
            'fnr_origin = 1 - _qualified.groupby("origin")["selected"].mean()\n'
            "fnr_gap = float(fnr_origin.max()) - float(fnr_origin.min())\n",
        },
        "wrong": {
            "false-positive": _ERRORS + 'fnr_origin = errors_origin["false_positive_rate"]\n'
            "fnr_gap = fnr_origin.max() - fnr_origin.min()\n",
            "not-qualified-only": 'fnr_origin = 1 - audit.groupby("origin")["selected"].mean()\n'
            "fnr_gap = fnr_origin.max() - fnr_origin.min()\n",
            "ratio": _ERRORS + 'fnr_origin = errors_origin["false_negative_rate"]\n'
            "fnr_gap = fnr_origin.min() / fnr_origin.max()\n",
        },
    },
    "m08-name-swap": {
        "right": {
            "solution": _swap(),
            "count-divided": _swap().replace(
                "swap_share = swap.share_changed", "swap_share = swap.n_changed / swap.n"
            ),
        },
        "wrong": {
            # random_state=0 happens to give the same result as 8; 1 does not
            "other-seed": _swap(seed=1),
            "down": _swap(up="swap.n_down"),
            "reversed": _swap(from_group="Nederlands", to_group="Marokkaans-Nederlands"),
            "all-changed": _swap(up="swap.n_changed"),
        },
    },
    "m08-swap-meaning": {
        "right": {"letter": 'swap_meaning = "C"', "lower-case": "swap_meaning = ' c'"},
        "wrong": {
            "A": 'swap_meaning = "A"',
            "B": 'swap_meaning = "B"',
            "D": 'swap_meaning = "D"',
        },
    },
    "m08-report": {
        "right": {
            "solution": _report(),
            "more-numbers": _report(
                auditor="Recruiter, team Noord",
                numbers=_NUMBERS + 'report.add_number("Impact ratio vrouwen", women_ratio)\n',
            ),
        },
        "wrong": {
            "percentage": _report(numbers=_NUMBERS.replace("overall_rate)", "overall_rate * 100)")),
            "no-swap-number": _report(
                numbers=_NUMBERS.replace(
                    '"Deel gewijzigde besluiten na naamwissel", swap_share',
                    '"Aantal sollicitanten", len(audit)',
                )
            ),
            "no-figure": _report(figure=""),
            "short-memo": _report(memo="Niet eerlijk."),
        },
    },
}
