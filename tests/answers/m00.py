"""m00 · Start: right and wrong answers."""

TABLE = {
    "m00-invite-share": {
        "right": {
            "formula": "invite_percentage = invited / applications * 100",
            "typed-number": "invite_percentage = 25",
            "numpy": "import numpy as np\ninvite_percentage = np.float64(invited) / applications * 100",
        },
        "wrong": {
            "fraction": "invite_percentage = invited / applications",
            "upside-down": "invite_percentage = applications / invited * 100",
            "not-invited": "invite_percentage = (applications - invited) / applications * 100",
            "rounded-wrong": "invite_percentage = 20",
        },
    },
    "m00-fix-cell": {
        "right": {
            "fixed": "average_hours = sum(hours_per_week) / len(hours_per_week)",
            "spaces": "average_hours = sum( hours_per_week )/len( hours_per_week )",
            "statistics": "import statistics\naverage_hours = statistics.mean(hours_per_week)",
        },
        "wrong": {
            "divided-by-wrong-count": "average_hours = sum(hours_per_week) / 5",
            "median": "average_hours = sorted(hours_per_week)[3]",
            "max-min-middle": "average_hours = (max(hours_per_week) + min(hours_per_week)) / 2",
        },
    },
    "m00-hours-filter": {
        "right": {
            "comprehension": "full_time = sorted(name for name, hours in hours_wanted.items() if hours >= 36)",
            "typed": 'full_time = ["Bilal", "Chantal", "Ewa", "Gerrit"]',
            "loop": "full_time = []\nfor name in sorted(hours_wanted):\n"
            "    if hours_wanted[name] >= 36:\n        full_time.append(name)",
        },
        "wrong": {
            "more-than": "full_time = sorted(name for name, hours in hours_wanted.items() if hours > 36)",
            "less-than": "full_time = sorted(name for name, hours in hours_wanted.items() if hours < 36)",
            "forty-only": "full_time = sorted(name for name, hours in hours_wanted.items() if hours >= 40)",
            "thirty-two": "full_time = sorted(name for name, hours in hours_wanted.items() if hours >= 32)",
        },
    },
    "m00-shortcut": {
        "right": {"letter": 'shortcut_answer = "B"', "lower-case": "shortcut_answer = ' b '"},
        "wrong": {
            "A": 'shortcut_answer = "A"',
            "C": 'shortcut_answer = "C"',
            "D": 'shortcut_answer = "D"',
        },
    },
    "m00-art4": {
        "right": {"letter": 'art4_answer = "D"', "lower-case": 'art4_answer = "d"'},
        "wrong": {
            "A": 'art4_answer = "A"',
            "B": 'art4_answer = "B"',
            "C": 'art4_answer = "C"',
        },
    },
}
