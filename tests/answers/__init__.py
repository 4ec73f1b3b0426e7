"""Tables of right and wrong answers, one module per course module (see tests/answer_table.py).

Each ``mNN.py`` has ``TABLE``: test cell grade_id -> {"right": {...}, "wrong": {...}}, each a
dict of variant name -> answer cell source. At least two accepted forms of a right answer and
three plausible wrong answers a beginner gives for every autograded question.
"""
