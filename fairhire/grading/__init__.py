"""Trainer tools: grade a class safely and fast, and report what nbgrader's CSV hides.

``fairhire grade <module>`` autogrades every submission in isolation with
resource limits; ``fairhire grading-report`` tells failures, suspicious code,
late and missing work apart from real zeros; ``make_cohort`` writes a synthetic
class for tests and demos.
"""

from .course import CourseDir, CourseError
from .findings import Finding
from .processes import Limits

__all__ = ["CourseDir", "CourseError", "Finding", "Limits"]
