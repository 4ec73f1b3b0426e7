"""The adversarial fixtures are current: regenerating them from m00 changes nothing."""

from ..fixtures import make_submissions
from .course_setup import FIXTURES


def files(folder):
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_fixtures_match_what_the_script_makes(tmp_path):
    make_submissions.write(tmp_path)
    stale = sorted(set(files(tmp_path)) ^ set(files(FIXTURES))) + sorted(
        name for name, data in files(tmp_path).items() if files(FIXTURES).get(name) != data
    )
    assert not stale, (
        f"tests/fixtures/submissions is out of date ({', '.join(stale)}); run "
        "python tests/fixtures/make_submissions.py"
    )


def test_every_case_has_a_file_and_says_what_to_expect():
    cases = make_submissions.cases()
    assert len(cases) >= 15
    assert len({c.learner for c in cases}) == len(cases)
    for case in cases:
        assert (FIXTURES / case.name.rstrip("/")).exists(), case.name
        assert case.codes and case.status in ("graded", "failed", "suspect")
