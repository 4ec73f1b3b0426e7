"""m02 · Generatieve AI in de HR-praktijk: right and wrong answers."""

_PSEUDO_HEAD = "def pseudonymise(text, names):\n"
_PSEUDO_PATTERNS = (
    '    text = re.sub(EMAIL_PATTERN, "[E-MAIL]", text)\n'
    '    text = re.sub(DATE_PATTERN, "[GEBOORTEDATUM]", text)\n'
    '    text = re.sub(PHONE_PATTERN, "[TELEFOON]", text)\n'
    '    text = re.sub(POSTCODE_PATTERN, "[POSTCODE]", text)\n'
    '    text = re.sub(ADDRESS_PATTERN, "[ADRES]", text)\n'
)
_PSEUDO_NAMES = '    for name in names:\n        text = text.replace(name, "[NAAM]")\n'

TABLE = {
    "m02-coded-count": {
        "right": {
            "tuple": "def count_coded(text, stems):\n"
            '    return len([w for w in re.findall(r"\\w+", text.lower()) if w.startswith(tuple(stems))])',
            "skeleton-any": "def count_coded(text, stems):\n"
            '    words = re.findall(r"\\w+", text.lower())\n    total = 0\n'
            "    for word in words:\n        if any(word.startswith(stem) for stem in stems):\n"
            "            total = total + 1\n    return total",
            "break": "def count_coded(text, stems):\n    total = 0\n"
            '    for word in re.findall(r"\\w+", text.lower()):\n'
            "        for stem in stems:\n            if word.startswith(stem.lower()):\n"
            "                total += 1\n                break\n    return total",
        },
        "wrong": {
            "substring": "def count_coded(text, stems):\n"
            '    words = re.findall(r"\\w+", text.lower())\n'
            "    return sum(1 for w in words if any(s in w for s in stems))",
            "capitals-count": "def count_coded(text, stems):\n"
            '    return len([w for w in re.findall(r"\\w+", text) if w.startswith(tuple(stems))])',
            "per-stem": "def count_coded(text, stems):\n"
            '    words = re.findall(r"\\w+", text.lower())\n'
            "    return sum(1 for w in words for s in stems if w.startswith(s))",
            "distinct-words": "def count_coded(text, stems):\n"
            '    words = set(re.findall(r"\\w+", text.lower()))\n'
            "    return len([w for w in words if w.startswith(tuple(stems))])",
        },
    },
    "m02-most-masculine": {
        "right": {
            "check-wording": "masc_counts = {k: len(check_wording(v).masculine) for k, v in EXERCISE_VACANCIES.items()}\n"
            "most_masculine = max(masc_counts, key=masc_counts.get)\n"
            "n_masculine = masc_counts[most_masculine]",
            "own-count-coded": "def count_coded(text, stems):\n"
            '    return len([w for w in re.findall(r"\\w+", text.lower()) if w.startswith(tuple(stems))])\n'
            '_m = {k: count_coded(v, coded_stems()["masculine"]) for k, v in EXERCISE_VACANCIES.items()}\n'
            "most_masculine = max(_m, key=_m.get)\nn_masculine = max(_m.values())",
            "typed": 'most_masculine = " teamleider-productie "\nn_masculine = 8',
        },
        "wrong": {
            "feminine": "_f = {k: len(check_wording(v).feminine) for k, v in EXERCISE_VACANCIES.items()}\n"
            "most_masculine = max(_f, key=_f.get)\nn_masculine = _f[most_masculine]",
            "fewest": "_m = {k: len(check_wording(v).masculine) for k, v in EXERCISE_VACANCIES.items()}\n"
            "most_masculine = min(_m, key=_m.get)\nn_masculine = _m[most_masculine]",
            "all-ads-together": "_m = {k: len(check_wording(v).masculine) for k, v in EXERCISE_VACANCIES.items()}\n"
            "most_masculine = max(_m, key=_m.get)\nn_masculine = sum(_m.values())",
            "masculine-and-feminine": "_r = {k: check_wording(v) for k, v in EXERCISE_VACANCIES.items()}\n"
            '_n = {k: len(r.masculine) + len(r.feminine) for k, r in _r.items()}\nmost_masculine = "klantenservice"\n'
            "n_masculine = _n[most_masculine]",
        },
    },
    "m02-email": {
        "right": {
            "solution": 'EMAIL_PATTERN = r"[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"',
            "hint": 'EMAIL_PATTERN = r"[\\w.+-]+@[\\w.-]+"',
            "letters": 'EMAIL_PATTERN = r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[a-z]{2,}"',
        },
        "wrong": {
            "lesson-example": 'EMAIL_PATTERN = r"\\w+@\\w+\\.nl"',
            "no-plus": 'EMAIL_PATTERN = r"[\\w.-]+@[\\w.-]+"',
            "one-dot-domain": 'EMAIL_PATTERN = r"[\\w.+-]+@\\w+\\.\\w+"',
            "only-nl": 'EMAIL_PATTERN = r"[\\w.+-]+@[\\w.-]+\\.nl"',
            "greedy": 'EMAIL_PATTERN = r".+@.+"',
        },
    },
    "m02-phone": {
        "right": {
            "solution": 'PHONE_PATTERN = r"(\\+31|0)([ -]?\\d){9}"',
            "non-capturing": 'PHONE_PATTERN = r"(?:0|\\+31)(?:[ -]?[0-9]){9}"',
            "space-then-dash": 'PHONE_PATTERN = r"(\\+31|0)( ?-?\\d){9}"',
        },
        "wrong": {
            "lesson-example": 'PHONE_PATTERN = r"06([ -]?\\d){8}"',
            "eight-digits": 'PHONE_PATTERN = r"(\\+31|0)([ -]?\\d){8}"',
            "no-separators": 'PHONE_PATTERN = r"(\\+31|0)\\d{9}"',
            "two-separators": 'PHONE_PATTERN = r"(\\+31|0)[ -]?\\d[ -]?\\d{8}"',
        },
    },
    "m02-postcode": {
        "right": {
            "solution": 'POSTCODE_PATTERN = r"\\d{4}\\s?[A-Z]{2}"',
            "space-question": 'POSTCODE_PATTERN = r"[0-9]{4} ?[A-Z]{2}"',
            "alternatives": 'POSTCODE_PATTERN = r"\\d{4} [A-Z]{2}|\\d{4}[A-Z]{2}"',
        },
        "wrong": {
            "lesson-example": 'POSTCODE_PATTERN = r"\\d{4} [A-Z]{2}"',
            "no-space": 'POSTCODE_PATTERN = r"\\d{4}[A-Z]{2}"',
            "any-letters": 'POSTCODE_PATTERN = r"\\d{4}\\s?[A-Za-z]{2}"',
            "word-characters": 'POSTCODE_PATTERN = r"\\d{4}\\s?\\w{2}"',
        },
    },
    "m02-pseudonymise": {
        "right": {
            "skeleton": _PSEUDO_HEAD + _PSEUDO_PATTERNS + _PSEUDO_NAMES + "    return text",
            "pairs": "def pseudonymise(text, names):\n"
            '    steps = [(EMAIL_PATTERN, "[E-MAIL]"), (DATE_PATTERN, "[GEBOORTEDATUM]"),\n'
            '             (PHONE_PATTERN, "[TELEFOON]"), (POSTCODE_PATTERN, "[POSTCODE]"),\n'
            '             (ADDRESS_PATTERN, "[ADRES]")]\n'
            "    for pattern, label in steps:\n        text = re.sub(pattern, label, text)\n"
            '    for name in names:\n        text = re.sub(re.escape(name), "[NAAM]", text)\n'
            "    return text",
            "new-name": "def pseudonymise(cv, names):\n"
            '    out = re.sub(EMAIL_PATTERN, "[E-MAIL]", cv)\n'
            '    out = re.sub(DATE_PATTERN, "[GEBOORTEDATUM]", out)\n'
            '    out = re.sub(PHONE_PATTERN, "[TELEFOON]", out)\n'
            '    out = re.sub(POSTCODE_PATTERN, "[POSTCODE]", out)\n'
            '    out = re.sub(ADDRESS_PATTERN, "[ADRES]", out)\n'
            '    for n in names:\n        out = out.replace(n, "[NAAM]")\n    return out',
        },
        "wrong": {
            "forgot-assignment": _PSEUDO_HEAD
            + _PSEUDO_PATTERNS.replace("    text = re.sub(PHONE", "    re.sub(PHONE")
            + _PSEUDO_NAMES
            + "    return text",
            "full-name-only": _PSEUDO_HEAD
            + _PSEUDO_PATTERNS
            + '    text = text.replace(names[0], "[NAAM]")\n'
            + "    return text",
            "names-first": _PSEUDO_HEAD + _PSEUDO_NAMES + _PSEUDO_PATTERNS + "    return text",
            "other-label": _PSEUDO_HEAD
            + _PSEUDO_PATTERNS.replace('"[E-MAIL]"', '"[EMAIL]"')
            + _PSEUDO_NAMES
            + "    return text",
        },
    },
    "m02-chatbot-check": {
        "right": {"letter": 'invented_claim = "C"', "lower-case": "invented_claim = 'c '"},
        "wrong": {
            "A": 'invented_claim = "A"',
            "B": 'invented_claim = "B"',
            "D": 'invented_claim = "D"',
        },
    },
    "m02-scenario-chatbot": {
        "right": {"letter": 'chatbot_answer = "A"', "lower-case": "chatbot_answer = 'a'"},
        "wrong": {
            "B": 'chatbot_answer = "B"',
            "C": 'chatbot_answer = "C"',
            "D": 'chatbot_answer = "D"',
        },
    },
    "m02-retention": {
        "right": {"letter": 'retention_answer = "C"', "lower-case": "retention_answer = ' c'"},
        "wrong": {
            "A": 'retention_answer = "A"',
            "B": 'retention_answer = "B"',
            "D": 'retention_answer = "D"',
        },
    },
}
