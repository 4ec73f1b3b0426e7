"""One wrong answer per module, for the end-to-end grading test.

module -> (answer cell grade_id, wrong source, test grade_ids that must lose their points).
Each is a plausible learner mistake, not a blank.
"""

WRONG_ANSWERS = {
    "m00": (
        "m00-hours-filter-answer",
        'full_time = sorted(name for name, hours in hours_wanted.items() if hours > 36)',
        ["m00-hours-filter"],
    ),
}
