"""A filled-in worksheet: the learner's answers for one tool in one organisation."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from ..documents import write_atomic
from .questions import Question, WorksheetSpec, load_worksheet


class WorksheetError(ValueError):
    """A mistake in using the worksheet; the message is Dutch and says what to do."""


class Worksheet:
    """The answers of one organisation about one AI tool.

    Parameters
    ----------
    tool_name : str
        The tool the answers are about, e.g. ``"MatchMeester cv-score"``.
    organisation : str
        Who fills it in, e.g. ``"Bakkerij De Korenschoof"``.
    date : datetime.date or str, optional
        Date shown on the document (ISO string allowed); today by default.
    author : str, optional
        Name or role of whoever filled it in; left out of the document when empty.

    Examples
    --------
    >>> ws = Worksheet(tool_name="MatchMeester", organisation="De Korenschoof")
    >>> ws.answer("q01", "Gelijke kansen en een snelle reactie.")
    >>> len(ws.open_questions())
    19
    """

    def __init__(
        self,
        *,
        tool_name: str,
        organisation: str,
        date: dt.date | str | None = None,
        author: str = "",
    ):
        self.tool_name = _required_text(tool_name, "tool_name", "de naam van de tool")
        self.organisation = _required_text(
            organisation, "organisation", "de naam van je organisatie"
        )
        if date is None:
            date = dt.date.today()
        elif isinstance(date, str):
            try:
                date = dt.date.fromisoformat(date)
            except ValueError:
                raise WorksheetError(
                    "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-11-21."
                ) from None
        self.date: dt.date = date
        self.author = str(author or "").strip()
        self._answers: dict[str, str] = {}

    # -- the questions -------------------------------------------------------
    @property
    def spec(self) -> WorksheetSpec:
        """The worksheet's questions and texts, from ``fairhire/data/air_worksheet.toml``."""
        return load_worksheet()

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions, in worksheet order."""
        return self.spec.questions

    # -- answering -----------------------------------------------------------
    def answer(self, question_id: str, text: str) -> None:
        """Set (or, with empty text, clear) the answer to one question."""
        try:
            self.spec.question(str(question_id))
        except KeyError as exc:
            raise WorksheetError(exc.args[0]) from None
        if not isinstance(text, str):
            raise WorksheetError(
                f"Het antwoord op {question_id} moet tekst zijn, tussen aanhalingstekens."
            )
        text = text.strip()
        if text:
            self._answers[question_id] = text
        else:
            self._answers.pop(question_id, None)

    @property
    def answers(self) -> dict[str, str]:
        """Answers by question id, in question order (a copy)."""
        return {q.id: self._answers[q.id] for q in self.questions if q.id in self._answers}

    def is_answered(self, question_id: str) -> bool:
        """Whether the question has an answer."""
        return question_id in self._answers

    def open_questions(self) -> list[Question]:
        """The questions without an answer, in order."""
        return [q for q in self.questions if q.id not in self._answers]

    def progress(self) -> tuple[int, int]:
        """(answered, total)."""
        return len(self._answers), len(self.questions)

    # -- saving and loading --------------------------------------------------
    def to_dict(self) -> dict:
        """The worksheet as a plain dict (for JSON); :meth:`from_dict` reads it back."""
        return {
            "tool_name": self.tool_name,
            "organisation": self.organisation,
            "date": self.date.isoformat(),
            "author": self.author,
            "answers": self.answers,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Worksheet:
        """A worksheet from :meth:`to_dict` output; answers are checked as in :meth:`answer`."""
        ws = cls(
            tool_name=data["tool_name"],
            organisation=data["organisation"],
            date=data.get("date"),
            author=data.get("author", ""),
        )
        for qid, text in data.get("answers", {}).items():
            ws.answer(qid, text)
        return ws

    def save_json(self, path: str | os.PathLike) -> Path:
        """Save the answers (atomically) so they can be loaded again later."""
        return write_atomic(path, json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n")

    @classmethod
    def load_json(cls, path: str | os.PathLike) -> Worksheet:
        """Load a worksheet saved with :meth:`save_json`."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def as_code(self, name: str = "ws") -> str:
        """Python code that rebuilds this worksheet, to paste into an answer cell."""
        lines = [
            f"{name} = Worksheet(tool_name={self.tool_name!r}, organisation={self.organisation!r})"
        ]
        lines += [f"{name}.answer({qid!r}, {text!r})" for qid, text in self.answers.items()]
        return "\n".join(lines)

    def __repr__(self) -> str:
        done, total = self.progress()
        return (
            f"Worksheet(tool_name={self.tool_name!r}, organisation={self.organisation!r}, "
            f"beantwoord={done}/{total})"
        )


def _required_text(value, name: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or value.strip() == "...":
        raise WorksheetError(f"Vul bij `{name}` {what} in, als tekst tussen aanhalingstekens.")
    return value.strip()
