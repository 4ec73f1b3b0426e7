"""The glossary (course/begrippenlijst.md): one word for one thing, and lessons link to it."""

from __future__ import annotations

import re

import nbformat
import pytest

from .conftest import ROOT, exercise_notebooks, lesson_notebooks

GLOSSARY = ROOT / "course" / "begrippenlijst.md"
# Words the issue names as jargon without an explanation, and the course's own key terms.
REQUIRED = {
    "bias",
    "open-source",
    "logs",
    "overrulen",
    "proxy",
    "functionaris gegevensbescherming",
    "model",
    "label",
    "automation bias",
    "DPIA",
    "CELEX",
    "Publicatieblad van de EU",
    "secundaire bron",
    "indirect onderscheid",
    "impact ratio",
}
# One word for one thing: the word on the right is the course's; the left one is not used.
NOT_USED = {
    "privacy-officer": "functionaris gegevensbescherming",
    "privacyofficer": "functionaris gegevensbescherming",
    "privacyjurist": "functionaris gegevensbescherming",
}


def _terms() -> list[str]:
    return re.findall(r"^### (.+)$", GLOSSARY.read_text(encoding="utf-8"), re.M)


def _anchor(term: str) -> str:
    return re.sub(r"[^\w-]", "", term.lower().replace(" ", "-"))


def test_glossary_has_the_terms_in_alphabetical_order():
    terms = _terms()
    assert REQUIRED <= set(terms), REQUIRED - set(terms)
    assert terms == sorted(terms, key=str.lower)
    text = GLOSSARY.read_text(encoding="utf-8")
    for block in text.split("\n### ")[1:]:
        assert len(block.strip().splitlines()) >= 3, block  # a term and an explanation


def _learner_texts():
    for path in lesson_notebooks() + exercise_notebooks():
        nb = nbformat.read(path, as_version=4)
        yield path, "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    yield GLOSSARY, GLOSSARY.read_text(encoding="utf-8")
    yield ROOT / "fairhire/data/legal.toml", (ROOT / "fairhire/data/legal.toml").read_text()
    yield (
        ROOT / "fairhire/data/air_worksheet.toml",
        (ROOT / "fairhire/data/air_worksheet.toml").read_text(),
    )


@pytest.mark.parametrize("word", sorted(NOT_USED))
def test_one_word_for_one_thing(word):
    for path, text in _learner_texts():
        assert word not in text.lower(), f"{path}: '{word}', schrijf '{NOT_USED[word]}'"


def test_every_lesson_links_to_the_glossary_and_every_anchor_exists():
    anchors = {_anchor(t) for t in _terms()}
    for path in lesson_notebooks():
        nb = nbformat.read(path, as_version=4)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        links = re.findall(r"\]\(begrippenlijst\.md(?:#([^)]+))?\)", text)
        assert links, f"{path.name} linkt niet naar de begrippenlijst"
        for anchor in links:
            assert not anchor or anchor in anchors, (path.name, anchor)
