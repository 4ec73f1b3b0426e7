"""What the trainer's tools found about one submission.

Every finding has a stable code (English, for tests and CSV), a severity and a
Dutch message for the trainer. Severities, from harmless to serious:

info
    Noted; grading is not affected (late, extra files ignored, a renamed
    notebook graded under its right name).
warning
    Something was repaired or may have cost the learner points (a locked cell
    put back, a cell stopped after its time limit, memory limit reached).
suspect
    Code that could fake a result. The autograded points are withheld (set to
    0 and flagged in the formgrader) until the trainer has looked.
failed
    The notebook could not be graded; it scores 0 and is flagged, unlike a
    real zero.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("info", "warning", "suspect", "failed")

# code -> short Dutch label for tables
LABELS = {
    "invalid-json": "geen geldig notebookbestand",
    "not-a-notebook": "geen notebook",
    "missing-notebook": "notebook ontbreekt",
    "renamed-notebook": "notebook hernoemd",
    "extra-files": "extra bestanden",
    "shadowing-module": "eigen Python-module meegestuurd",
    "deleted-cell": "cel verwijderd",
    "edited-locked-cell": "vergrendelde cel aangepast",
    "changed-metadata": "celgegevens aangepast",
    "duplicate-cell": "cel gedupliceerd",
    "changed-kernel": "andere kernel",
    "suspicious-code": "verdachte code",
    "rebinds-given-name": "gegeven naam overschreven",
    "late": "te laat",
    "timeout": "tijdslimiet inzending",
    "cell-timeout": "tijdslimiet cel",
    "kernel-died": "kernel gestopt",
    "memory-limit": "geheugenlimiet",
    "cpu-limit": "rekentijdlimiet",
    "output-too-large": "uitvoer te groot",
    "output-truncated": "uitvoer ingekort",
    "nbgrader-error": "fout in nbgrader",
    "not-graded": "nog niet nagekeken",
    "needs-manual-grade": "handmatig nakijken",
    "test-failed": "test niet gehaald",
    # the learner's kernel changed how cells run or are reported (kernel_guard)
    "hook-transformers": "invoer- of AST-transformer aangepast",
    "hook-custom-exc": "foutafhandeling van IPython aangepast",
    "hook-shell": "uitvoermachine van IPython vervangen",
    "hook-kernel": "antwoorden van de kernel aangepast",
    "hook-events": "IPython-event toegevoegd",
    "hook-trace": "trace- of profielfunctie gezet",
    "hook-sys-hooks": "systeemhaak aangepast",
    "hook-builtins": "ingebouwde functie vervangen",
    "hook-modules": "bibliotheek van de tests aangepast",
    "hook-capture": "opname van de antwoorden verstoord",
    "background-process": "achtergrondproces achtergelaten",
    "kernel-graded": "in de kernel van de cursist nagekeken",  # only in older run logs
    "not-passed": "antwoord niet overgenomen",
}


@dataclass(frozen=True)
class Finding:
    """One thing found about a submission."""

    code: str
    severity: str
    message: str
    notebook: str = ""
    cell: str = ""

    def __post_init__(self):
        if self.code not in LABELS:
            raise ValueError(f"unknown finding code {self.code!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def label(self) -> str:
        """Short Dutch label of the finding's code, for tables."""
        return LABELS[self.code]

    def to_dict(self) -> dict:
        """The finding as a plain dict (for JSON); :meth:`from_dict` reads it back."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Finding:
        """A finding from :meth:`to_dict` output; missing fields become ``""``."""
        return cls(
            **{k: data.get(k, "") for k in ("code", "severity", "message", "notebook", "cell")}
        )


def worst(findings) -> str | None:
    """The most serious severity among ``findings`` (None when there are none)."""
    ranks = [SEVERITIES.index(f.severity) for f in findings]
    return SEVERITIES[max(ranks)] if ranks else None
