"""Write the whole register folder atomically and reproducibly.

Everything is first written to a temporary folder beside the target; only when
all files are complete does it replace the old register (two renames). A
failure halfway leaves the previous register untouched. A folder that is not
a register is never replaced.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from pathlib import Path

from .. import __version__
from . import certificate, summary, tables
from .gradebook import RegisterError
from .records import Register

MARKER = ".fairhire-register"


def readme(register: Register) -> str:
    """The register folder's ``README.txt`` (Dutch): what the files are, privacy and retention."""
    as_of = register.as_of.isoformat() if register.as_of else "-"
    lines = [
        "Register AI-geletterdheid - cursus 'Eerlijk werven met AI'",
        "=" * 58,
        "",
        f"Cursusversie: {__version__}",
        f"Stand van het cijferbestand (laatste inzending): {as_of}",
        f"Cursisten: {len(register.learners)}; modules: {', '.join(register.modules)}",
        f"Geslaagd voor een module: vanaf {register.pass_mark:.0%} van de punten.",
        "Leerdoel aangetoond: alle vragen die bij het leerdoel horen zijn volledig goed",
        "(zie fairhire/data/objectives.toml). Nog te beoordelen: er wacht nog een open vraag",
        "op de trainer.",
        "",
        "Bestanden",
        "---------",
        "register.csv        een regel per cursist en module (gegevens, Engelse kolomnamen)",
        "register.xlsx       hetzelfde voor Excel, met een blad met alle leerdoelen",
        "samenvatting.html   overzicht voor de organisatie: per module, leerdoel en team",
        "certificaten/       een bewijs per cursist die iets heeft ingeleverd (PDF)",
        "",
        "Privacy en bewaren",
        "------------------",
    ]
    for paragraph in summary.retention_text():
        lines += _wrap(paragraph) + [""]
    lines += ["Opnieuw maken: fairhire register --db <database-URL> --out <map>", ""]
    return "\n".join(lines)


def _wrap(text: str, width: int = 90) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)


def _build(register: Register, folder: Path) -> None:
    (folder / "register.csv").write_text(tables.to_csv(register), encoding="utf-8")
    (folder / "register.xlsx").write_bytes(tables.to_xlsx(register))
    (folder / "samenvatting.html").write_text(summary.to_html(register), encoding="utf-8")
    certs = folder / "certificaten"
    certs.mkdir()
    for learner in register.learners:
        if register.started(learner.id):
            (certs / certificate.filename(learner.id)).write_bytes(
                certificate.to_pdf(register, learner.id)
            )
    (folder / "README.txt").write_text(readme(register), encoding="utf-8")
    (folder / MARKER).write_text(
        "Deze map is gemaakt door 'fairhire register'.\n", encoding="utf-8"
    )


def _is_replaceable(folder: Path) -> bool:
    return not folder.exists() or (
        folder.is_dir() and (not any(folder.iterdir()) or (folder / MARKER).is_file())
    )


def write(register: Register, out: str | Path) -> Path:
    """Write the register into ``out`` (created, or replaced when it is an earlier register)."""
    out = Path(out).resolve()
    if not _is_replaceable(out):
        raise RegisterError(
            f"{out} bestaat al en is geen eerder register. Kies een nieuwe of lege "
            "map; bestaande bestanden worden niet overschreven."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.nieuw-", dir=out.parent))
    try:
        tmp.chmod(0o755)
        _build(register, tmp)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.oud-", dir=out.parent))
            os.rmdir(old)
            os.rename(out, old)
            os.rename(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def read_teams(path: str | Path) -> dict[str, str]:
    """Map learner id to team, read from a CSV with the columns learner_id and team."""
    path = Path(path)
    if not path.exists() or path.is_dir():
        raise RegisterError(f"Het teambestand {path} bestaat niet.")
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        fields = [f.strip() for f in (reader.fieldnames or [])]
        if not {"learner_id", "team"} <= set(fields):
            raise RegisterError(
                f"{path.name} moet de kolommen learner_id en team hebben "
                f"(gevonden: {', '.join(fields) or 'geen'})."
            )
        teams = {}
        for row in reader:
            row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            if row.get("learner_id"):
                teams[row["learner_id"]] = row.get("team") or summary.NO_TEAM
    return teams
