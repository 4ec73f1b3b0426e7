"""The course's instructions name JupyterLab's menus as the Dutch JupyterLab shows them.

The learner's lab is Dutch (jupyterlab-language-pack-nl-NL). The pack translates the top menus
(Run is "Uitvoeren") but not every item, so an instruction like **Uitvoeren → Run All Cells**
is what the learner sees. A top menu written in English while the pack has a Dutch name for it
sends the learner looking for a menu that is not there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import ROOT

MENU_PATH = re.compile(r"\*\*([^*→\n]+?)\s*→\s*([^*\n]+?)\*\*")


def dutch_menus() -> dict[str, str]:
    """English top menu -> the name the Dutch JupyterLab shows."""
    pack = pytest.importorskip("jupyterlab_language_pack_nl_NL")
    catalog = Path(pack.__file__).parent / "locale" / "nl_NL" / "LC_MESSAGES" / "jupyterlab.json"
    entries = json.loads(catalog.read_text(encoding="utf-8"))
    menus = {}
    for english in ("File", "Edit", "View", "Run", "Kernel", "Tabs", "Settings", "Help"):
        translated = entries.get(f"menu\x04{english}")
        menus[english] = translated[0] if translated else english
    return menus


def learner_texts() -> list[Path]:
    return sorted((ROOT / "sources").rglob("*.md"))


def test_menu_paths_use_the_dutch_menu_names():
    menus = dutch_menus()
    shown = set(menus.values())
    found, wrong = 0, []
    for path in learner_texts():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for menu, _item in MENU_PATH.findall(line):
                found += 1
                if menu.strip() not in shown:
                    wrong.append(f"{path.relative_to(ROOT)}:{number}: {menu!r}")
    assert found >= 5, "the instructions name menus; the pattern no longer finds them"
    assert not wrong, "menu names the Dutch JupyterLab does not show:\n" + "\n".join(wrong)


def test_the_pack_translates_the_run_menu():
    # guards the premise: if a new pack leaves "Run" English, the instructions must change back
    assert dutch_menus()["Run"] == "Uitvoeren"
