"""An nbgrader course directory as the trainer's tools see it.

Reads the course's own ``nbgrader_config.py`` (through traitlets, as nbgrader
does), so folder names and the gradebook URL always match what the nbgrader
commands use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


class CourseError(RuntimeError):
    """The course directory cannot be used; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class CourseDir:
    """Where an nbgrader course keeps its files and its gradebook."""

    root: Path
    course_id: str
    db_url: str
    source: str = "solutions"
    release: str = "exercises"
    submitted: str = "submitted"
    autograded: str = "autograded"
    feedback: str = "feedback"
    ignore: tuple[str, ...] = (".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback")

    @classmethod
    def load(cls, root: str | Path = ".", *, db_url: str | None = None) -> CourseDir:
        """Read ``nbgrader_config.py`` in ``root``.

        Parameters
        ----------
        root : path
            The course directory (where ``nbgrader_config.py`` is).
        db_url : str, optional
            Use this gradebook instead of the configured one.
        """
        root = Path(root).resolve()
        config_file = root / "nbgrader_config.py"
        if not config_file.is_file():
            raise CourseError(
                f"Geen nbgrader_config.py gevonden in {root}. Ga naar de cursusmap "
                "(de map met nbgrader_config.py) of geef die op met --course."
            )
        from nbgrader.coursedir import CourseDirectory
        from traitlets.config.loader import PyFileConfigLoader

        config = PyFileConfigLoader(config_file.name, path=str(root)).load_config()
        cd = CourseDirectory(config=config)
        cd.root = str(root)
        return cls(
            root=root,
            course_id=cd.course_id or "default_course",
            db_url=db_url or cd.db_url,
            source=cd.source_directory,
            release=cd.release_directory,
            submitted=cd.submitted_directory,
            autograded=cd.autograded_directory,
            feedback=cd.feedback_directory,
            ignore=tuple(cd.ignore),
        )

    def path(self, step: str, *parts: str) -> Path:
        """``root/<step>/<parts...>``, e.g. ``path(self.submitted, student, module)``."""
        return self.root.joinpath(step, *parts)

    def source_modules(self) -> list[str]:
        """Module ids with a folder in the source directory (solutions/)."""
        folder = self.root / self.source
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))

    def submitted_students(self, module: str) -> list[str]:
        """Learner ids with a folder ``submitted/<learner>/<module>``."""
        folder = self.root / self.submitted
        if not folder.is_dir():
            return []
        return sorted(
            p.name for p in folder.iterdir() if not p.name.startswith(".") and (p / module).is_dir()
        )

    @property
    def log_dir(self) -> Path:
        """Where ``fairhire grade`` keeps its run logs (hidden inside autograded/)."""
        return self.root / self.autograded / ".fairhire"


def read_timestamp(folder: Path) -> dt.datetime | None:
    """The submission time in ``folder/timestamp.txt`` as naive UTC, or None.

    Uses nbgrader's own parser, so it agrees with what autograde stores.
    """
    from nbgrader.utils import parse_utc

    path = Path(folder) / "timestamp.txt"
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    if not text:
        return None
    try:
        return parse_utc(text)
    except (ValueError, OverflowError):
        return None
