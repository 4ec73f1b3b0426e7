"""One wrong answer per module, for the end-to-end grading test.

module -> (answer cell grade_id, wrong source, test grade_ids that must lose their points).
Each is a plausible learner mistake, not a blank.
"""

WRONG_ANSWERS = {
    "m00": (
        "m00-hours-filter-answer",
        "full_time = sorted(name for name, hours in hours_wanted.items() if hours > 36)",
        ["m00-hours-filter"],
    ),
    "m01": (
        "m01-probabilities-answer",
        # Divides by the number of different words instead of the total count.
        "probabilities = {w: c / len(counts_after_je) for w, c in counts_after_je.items()}",
        ["m01-probabilities"],
    ),
    "m02": (
        "m02-pseudonymise-answer",
        # Forgets to keep the result of re.sub for phone numbers, so they stay in the text.
        "def pseudonymise(text, names):\n"
        '    text = re.sub(EMAIL_PATTERN, "[E-MAIL]", text)\n'
        '    text = re.sub(DATE_PATTERN, "[GEBOORTEDATUM]", text)\n'
        '    re.sub(PHONE_PATTERN, "[TELEFOON]", text)\n'
        '    text = re.sub(POSTCODE_PATTERN, "[POSTCODE]", text)\n'
        '    text = re.sub(ADDRESS_PATTERN, "[ADRES]", text)\n'
        "    for name in names:\n"
        '        text = text.replace(name, "[NAAM]")\n'
        "    return text\n",
        ["m02-pseudonymise"],
    ),
    "m03": (
        "m03-intersectional-answer",
        # Uses the whole history instead of the bakery's applications.
        'rates_both = history.groupby(["gender", "origin"])["invited"].mean()\n'
        "lowest_group = rates_both.idxmin()\n"
        "lowest_rate = rates_both.min()\n",
        ["m03-intersectional"],
    ),
    "m04": (
        "m04-precision-recall-answer",
        # Swaps precision and recall.
        'precision = recall_score(test["invited"], predicted)\n'
        'recall = precision_score(test["invited"], predicted)\n',
        ["m04-precision-recall"],
    ),
    "m05": (
        "m05-gap-answer",
        # Computes the share of women with a gap, not the share of women among those with a gap.
        'women_share_gap = (history[history["gender"] == "vrouw"]["career_gap_months"] > 0).mean()\n',
        ["m05-gap"],
    ),
    "m06": (
        "m06-weight-answer",
        # Turns the reweighing formula upside down.
        'is_group = history["origin"] == "Marokkaans-Nederlands"\n'
        'is_invited = history["invited"] == 1\n'
        "w_moroccan_invited = len(history) * (is_group & is_invited).sum() / (is_group.sum() * is_invited.sum())\n",
        ["m06-weight"],
    ),
    "m07": (
        "m07-in-force-answer",
        # Relies on the original start date of the high-risk rules, not the one amended in 2026.
        'in_force = timeline[timeline["datum"] <= start_day]["regel"].tolist()\n'
        'not_yet = timeline[timeline["datum"] > start_day]["regel"].tolist()\n'
        "high_risk_from = date(2026, 8, 2)\n",
        ["m07-in-force"],
    ),
    "m08": (
        "m08-group-ratios-answer",
        # Divides by the overall selection rate instead of the most selected group's rate.
        'ir_gender = ll144.impact_ratios(audit, group="gender", selected="selected")\n'
        'ir_origin = ll144.impact_ratios(audit, group="origin", selected="selected")\n'
        'ir_age = ll144.impact_ratios(audit, group="age_band", selected="selected")\n'
        'women_ratio = ir_gender.loc["vrouw", "selection_rate"] / overall_rate\n'
        'lowest_origin_ratio = ir_origin["impact_ratio"].min()\n'
        'age_below = sorted(ir_age[ir_age["impact_ratio"] < 0.8].index)\n',
        ["m08-group-ratios"],
    ),
}
