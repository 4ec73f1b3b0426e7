"""m07 · Wet en regels: right and wrong answers."""

# grade_id -> (variable, right letter, right reason, a plausible wrong reason)
_SCENARIOS = {
    "m07-risk-tier": ("q1", "C", "hoogrisico", "toezicht"),
    "m07-emotion": ("q2", "B", "verbod", "hoogrisico"),
    "m07-oversight": ("q3", "A", "toezicht", "avg22"),
    "m07-explanation": ("q4", "D", "uitleg", "avg22"),
    "m07-schufa": ("q5", "B", "avg22", "transparantie"),
    "m07-retention": ("q6", "A", "bewaren", "minimaal"),
    "m07-equal-treatment": ("q7", "D", "gelijk", "voorkeur"),
}


def _scenario(var, letter, reason, wrong_reason):
    others = [x for x in "ABCD" if x != letter]
    wrong = {f"letter-{x}": f'{var} = ("{x}", "{reason}")' for x in others}
    wrong["reason"] = f'{var} = ("{letter}", "{wrong_reason}")'
    return {
        "right": {
            "tuple": f'{var} = ("{letter}", "{reason}")',
            "list-lower-spaces": f'{var} = [" {letter.lower()}", "{reason.upper()} "]',
        },
        "wrong": wrong,
    }


TABLE = {grade_id: _scenario(*entry) for grade_id, entry in _SCENARIOS.items()}

_LISTS = (
    'in_force = timeline[timeline["datum"] <= start_day]["regel"].tolist()\n'
    'not_yet = timeline[timeline["datum"] > start_day]["regel"].tolist()\n'
)
_HIGH_RISK = 'high_risk_from = timeline.set_index("regel").loc["AI-verordening art. 113 (gewijzigd)", "datum"]\n'

TABLE["m07-in-force"] = {
    "right": {
        "solution": _LISTS + _HIGH_RISK,
        "loop-typed-date": "in_force, not_yet = [], []\n"
        "for day, rule in zip(timeline['datum'], timeline['regel']):\n"
        "    (in_force if day <= start_day else not_yet).append(rule)\n"
        "in_force.reverse()\n"
        "high_risk_from = date(2027, 12, 2)\n",
    },
    "wrong": {
        "swapped": 'in_force = timeline[timeline["datum"] > start_day]["regel"].tolist()\n'
        'not_yet = timeline[timeline["datum"] <= start_day]["regel"].tolist()\n' + _HIGH_RISK,
        "before-2026-only": 'in_force = timeline[timeline["datum"] < date(2026, 1, 1)]["regel"].tolist()\n'
        'not_yet = timeline[timeline["datum"] >= date(2026, 1, 1)]["regel"].tolist()\n'
        + _HIGH_RISK,
        "original-date": _LISTS + "high_risk_from = date(2026, 8, 2)\n",
        "start-day": _LISTS + "high_risk_from = start_day\n",
        "date-as-text": _LISTS + 'high_risk_from = "2027-12-02"\n',
    },
}

_WS = 'ws = Worksheet(tool_name="{tool}", organisation="{org}")\n'
TABLE["m07-worksheet"] = {
    "right": {
        "one-answer": _WS.format(tool="MatchMeester", org="Bakkerij De Korenschoof")
        + 'ws.answer("q05", "Weten we niet; navragen bij TalentTech.")\n',
        "other-tool": _WS.format(tool="VacatureVinder", org="Zorggroep Het Anker")
        + 'ws.answer("q01", "Sneller reageren op sollicitanten.")\n'
        'ws.answer("q09", """De recruiter kijkt elke "nee" nog na.""")\n',
    },
    "wrong": {
        "placeholder-tool": _WS.format(tool="naam van de tool", org="Bakkerij De Korenschoof")
        + 'ws.answer("q05", "Weten we niet.")\n',
        "placeholder-organisation": _WS.format(tool="MatchMeester", org="naam van je organisatie")
        + 'ws.answer("q05", "Weten we niet.")\n',
        "no-answers": _WS.format(tool="MatchMeester", org="Bakkerij De Korenschoof"),
    },
}
