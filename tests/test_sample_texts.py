import re

from fairhire.sample_texts import CHATBOT_ANSWER, CHATBOT_PROMPT, CVS, VACANCIES
from fairhire.wording import check_wording

ALL_TEXT = "\n".join(
    [CHATBOT_PROMPT, CHATBOT_ANSWER, *VACANCIES.values(), *(cv["text"] for cv in CVS.values())]
)


def test_email_addresses_use_reserved_domains_only():
    domains = re.findall(r"@([\w.-]+)", ALL_TEXT)
    assert domains and all(d in ("example.nl", "example.com") for d in domains)


def test_every_cv_names_its_applicant():
    for cv in CVS.values():
        for name in cv["names"]:
            assert name.split()[0] in cv["text"] or name.split()[0].upper() in cv["text"]


def test_chatbot_answer_has_the_problems_the_lesson_asks_for():
    assert "32 uur" in CHATBOT_PROMPT and "40 uur" in CHATBOT_ANSWER  # a changed fact
    assert "Geen diploma" in CHATBOT_PROMPT and "diploma" in CHATBOT_ANSWER
    assert "€" not in CHATBOT_PROMPT and "€" in CHATBOT_ANSWER  # an invented salary
    assert re.search(r"\bHij\b", CHATBOT_ANSWER) and "moedertaal" in CHATBOT_ANSWER
    assert "jonge" in CHATBOT_ANSWER
    assert len(check_wording(CHATBOT_ANSWER).masculine) >= 5
