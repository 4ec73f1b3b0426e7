"""Turn gradebook data into register rows: per learner and module, with objectives.

Rule for objectives (see also README.txt in the output): a learner has
*demonstrated* an objective when every graded cell that maps to it in
``fairhire/data/objectives.toml`` (and that exists in the gradebook) has been
graded with full marks. It is *pending* when no such cell lost points but at
least one still waits for manual grading; otherwise it is not demonstrated.
Full marks, not a share of the points, because an objective is a claim that
the learner can do that thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import __version__, objective_map, objectives
from .gradebook import GradebookData, Learner, Submission

STATUS_NL = {
    "graded": "nagekeken",
    "pending": "handmatig nakijken",
    "held": "tegengehouden",
    "not-started": "niet gestart",
}
HELD_NL = (
    "Geen leerdoelen erkend: bij het nakijken {reason} De trainer moet dit eerst "
    "beoordelen (en de markering in de formgrader weghalen)."
)


@dataclass
class Row:
    """One learner and one module in the register."""

    learner_id: str
    name: str
    module: str
    status: str  # graded | pending | held | not-started
    score: float | None
    max_score: float
    passed: bool | None  # None while not (fully) graded
    date: dt.date | None
    demonstrated: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    not_demonstrated: list[str] = field(default_factory=list)
    course_version: str = __version__
    note: str = ""  # why the row is held back (Dutch), empty otherwise

    @property
    def status_nl(self) -> str:
        """The status in Dutch, as the register shows it."""
        return STATUS_NL[self.status]

    @property
    def percentage(self) -> float | None:
        """Score as a percentage of the maximum; None when not graded or worth no points."""
        if self.score is None or not self.max_score:
            return None
        return 100 * self.score / self.max_score


@dataclass
class Register:
    """The register: every (learner, module) row, the pass mark and the learners' teams."""

    rows: list[Row]
    learners: list[Learner]
    modules: list[str]
    pass_mark: float
    teams: dict[str, str] = field(default_factory=dict)

    def rows_for(self, learner_id: str) -> list[Row]:
        """The rows of one learner, one per module (empty for an unknown id)."""
        return [r for r in self.rows if r.learner_id == learner_id]

    def started(self, learner_id: str) -> bool:
        """Whether the learner handed in at least one module."""
        return any(r.status != "not-started" for r in self.rows_for(learner_id))

    @property
    def as_of(self) -> dt.date | None:
        """The latest submission date: the register's 'stand van zaken'."""
        dates = [r.date for r in self.rows if r.date]
        return max(dates) if dates else None

    def objective_ids(self, module: str | None = None) -> list[str]:
        """The objectives in the register (of one module, if given), in objectives.toml order."""
        seen: list[str] = []
        for r in self.rows:
            if module and r.module != module:
                continue
            for oid in r.demonstrated + r.pending + r.not_demonstrated:
                if oid not in seen:
                    seen.append(oid)
        return sorted(seen, key=_objective_order)


def _objective_order(oid: str) -> tuple[int, str]:
    order = list(objectives())
    return (order.index(oid) if oid in order else len(order), oid)


def module_objectives(grade_ids: list[str]) -> dict[str, list[str]]:
    """Map each objective id to the module's grade ids that show it."""
    omap = objective_map()
    out: dict[str, list[str]] = {}
    for gid in grade_ids:
        for oid in omap.get(gid, []):
            out.setdefault(oid, []).append(gid)
    return out


def judge_objectives(sub: Submission, wanted: dict[str, list[str]]) -> tuple[list, list, list]:
    """(demonstrated, pending, not demonstrated) objective ids for one submission."""
    cells = {c.grade_id: c for c in sub.cells}
    demonstrated, pending, missing = [], [], []
    for oid, gids in sorted(wanted.items(), key=lambda kv: _objective_order(kv[0])):
        scores = [cells.get(g) for g in gids]
        if any(c is not None and c.score is not None and not c.full_marks for c in scores) or any(
            c is None for c in scores
        ):
            missing.append(oid)
        elif any(c.score is None for c in scores):
            pending.append(oid)
        else:
            demonstrated.append(oid)
    return demonstrated, pending, missing


def _reason(flag: str) -> str:
    """The flag's reason as the middle of a Dutch sentence ('... bij het nakijken <reason>')."""
    text = flag.strip().rstrip(".")
    if text.startswith("niet nagekeken"):
        return f"is de inzending {text}."
    if text.startswith("geen notebook"):
        return f"was er {text}."
    if text.startswith("verdachte code"):
        return "is verdachte code gevonden; de punten staan op 0."
    return f"is dit gemeld: {text}."


def build(
    data: GradebookData, *, pass_mark: float = 0.6, teams: dict[str, str] | None = None
) -> Register:
    """The register: a row for every learner and every module in the gradebook."""
    if not 0 < pass_mark <= 1:
        raise ValueError("pass_mark must be in (0, 1]")
    rows = []
    for learner in sorted(data.learners, key=lambda x: x.id):
        for module in data.modules:
            wanted = module_objectives(module.grade_ids)
            sub = data.submissions.get((learner.id, module.name))
            if sub is None:
                rows.append(
                    Row(
                        learner.id,
                        learner.name,
                        module.name,
                        "not-started",
                        None,
                        module.max_score,
                        None,
                        None,
                        not_demonstrated=sorted(wanted, key=_objective_order),
                    )
                )
                continue
            demonstrated, pending, missing = judge_objectives(sub, wanted)
            status = "pending" if sub.pending else "graded"
            note = ""
            if sub.flag:
                # failed or suspect in grading: nothing is claimed until the trainer resolves it
                status = "held"
                missing = sorted(set(demonstrated + pending + missing), key=_objective_order)
                demonstrated, pending = [], []
                note = HELD_NL.format(reason=_reason(sub.flag))
            max_score = module.max_score or sub.max_score
            passed = (
                None
                if status in ("pending", "held")
                else (max_score > 0 and sub.score / max_score >= pass_mark - 1e-9)
            )
            rows.append(
                Row(
                    learner.id,
                    learner.name,
                    module.name,
                    status,
                    sub.score,
                    max_score,
                    passed,
                    sub.timestamp.date() if sub.timestamp else None,
                    demonstrated,
                    pending,
                    missing,
                    note=note,
                )
            )
    return Register(
        rows,
        sorted(data.learners, key=lambda x: x.id),
        [m.name for m in data.modules],
        pass_mark,
        dict(teams or {}),
    )
