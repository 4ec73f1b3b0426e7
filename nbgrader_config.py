"""nbgrader configuration for 'Eerlijk werven met AI'.

solutions/ is the instructors' source, exercises/ the generated student copy
(`fairhire build`). The trainer guide (docs/trainer.md) explains the rest.
"""

import os

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.course_id = "eerlijk-werven-met-ai"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"

# The exchange lives inside the course folder (ignored by git), so a trainer
# needs no system-wide /srv/nbgrader/exchange and no root rights.
c.Exchange.root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "exchange")

# Every notebook runs in under 20 s in total; 60 s for one cell leaves room on a
# slow laptop but stops an endless loop in a submission within a minute.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True

# Feedback for learners must never show the hidden tests.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    # before ClearHiddenTests: a traceback in a test cell quotes the hidden lines
    "fairhire.grading.feedback.ClearHiddenOutput",
    "nbgrader.preprocessors.ClearHiddenTests",
]

# Files for trainers only (answers, flaws of the vendor tool) stay out of the student copy.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "TRAINER_*"]

# Dutch placeholders in the student version.
c.ClearSolutions.code_stub = {
    "python": "# JOUW CODE HIER\nraise NotImplementedError()",
}
c.ClearSolutions.text_stub = "JOUW ANTWOORD HIER"
