"""The AI-literacy register: what each learner demonstrated, from the nbgrader gradebook.

``make_register(db_url, out)`` (and ``fairhire register``) writes register.csv,
register.xlsx, a PDF certificate per learner, an HTML summary for the
organisation and a README.txt with the retention guidance.
"""

from __future__ import annotations

from pathlib import Path

from .gradebook import RegisterError
from .records import Register, Row


def make_register(
    db_url: str,
    out: str | Path,
    *,
    pass_mark: float = 0.6,
    teams: dict[str, str] | str | Path | None = None,
) -> Register:
    """Read the gradebook at ``db_url`` and write the register folder ``out``.

    Parameters
    ----------
    db_url : str
        SQLAlchemy URL of the nbgrader gradebook, e.g. ``sqlite:///gradebook.db``
        or ``postgresql://user@host/gradebook``.
    out : path
        Output folder; replaced atomically when it holds an earlier register.
    pass_mark : float
        Share of a module's points needed to pass it (default 0.6).
    teams : dict or path, optional
        learner id -> team, or a CSV with columns ``learner_id,team``.

    Raises
    ------
    RegisterError
        Bad input, with a Dutch message.
    """
    from . import gradebook, output, records

    if not 0 < pass_mark <= 1:
        raise RegisterError("De slaaggrens moet tussen 0 en 1 liggen, bijvoorbeeld 0.6.")
    if teams is not None and not isinstance(teams, dict):
        teams = output.read_teams(teams)
    data = gradebook.read(db_url)
    register = records.build(data, pass_mark=pass_mark, teams=teams)
    output.write(register, out)
    return register


__all__ = ["Register", "RegisterError", "Row", "make_register"]
