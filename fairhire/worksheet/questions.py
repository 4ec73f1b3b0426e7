"""The twenty questions of the organisation worksheet (module m07), read from package data."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from ..paths import DATA_DIR

WORKSHEET_FILE = DATA_DIR / "air_worksheet.toml"


@dataclass(frozen=True)
class Question:
    """One worksheet question.

    Attributes
    ----------
    id : str
        Stable id, ``"q01"`` ... ``"q20"``.
    number : int
        Position in the worksheet, 1-based.
    theme_id, theme_title : str
        The theme it belongs to.
    text : str
        The question (Dutch).
    help : str
        What a good answer looks at (Dutch).
    legal : tuple of str
        Keys in ``legal.toml`` cited next to the question in the exported document.
    """

    id: str
    number: int
    theme_id: str
    theme_title: str
    text: str
    help: str
    legal: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    """A theme with its questions."""

    id: str
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class WorksheetSpec:
    """The whole worksheet: title, introduction, credit and themes."""

    title: str
    intro: str
    credit: str
    themes: tuple[Theme, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions of all themes, in worksheet order."""
        return tuple(q for theme in self.themes for q in theme.questions)

    def question(self, question_id: str) -> Question:
        """One question by id, with a Dutch error for an unknown id."""
        for q in self.questions:
            if q.id == question_id:
                return q
        ids = [q.id for q in self.questions]
        raise KeyError(
            f"Onbekende vraag {question_id!r}. Kies een vraag van {ids[0]} tot en met {ids[-1]}."
        )


@cache
def load_worksheet() -> WorksheetSpec:
    """Read ``data/air_worksheet.toml``."""
    with open(WORKSHEET_FILE, "rb") as fh:
        raw = tomllib.load(fh)
    themes, number = [], 0
    for theme in raw["themes"]:
        questions = []
        for q in theme["questions"]:
            number += 1
            questions.append(
                Question(
                    id=q["id"],
                    number=number,
                    theme_id=theme["id"],
                    theme_title=theme["title_nl"],
                    text=q["text_nl"],
                    help=q.get("help_nl", ""),
                    legal=tuple(q.get("legal", ())),
                )
            )
        themes.append(Theme(id=theme["id"], title=theme["title_nl"], questions=tuple(questions)))
    return WorksheetSpec(
        title=raw["title_nl"], intro=raw["intro_nl"], credit=raw["credit_nl"], themes=tuple(themes)
    )


def legal_keys() -> tuple[str, ...]:
    """Every legal-reference key the worksheet cites, sorted."""
    return tuple(sorted({key for q in load_worksheet().questions for key in q.legal}))
