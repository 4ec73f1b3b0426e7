"""Every legal reference the course uses exists in legal.toml, with a source and a status date.

Keys are collected from the code cells of every notebook in course/ and solutions/, from the
package code (calls of ``show_legal``, ``legal`` and ``legal_markdown`` with string literals) and
from the ``LEGAL_KEYS`` tuples of modules that cite references in generated documents.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import pkgutil
import re

import nbformat
import pytest

import fairhire
from fairhire import legal_references

from .conftest import ROOT, lesson_notebooks, solution_notebooks

_CALLS = {"show_legal", "legal", "legal_markdown"}
# Fallback for a cell that is not plain Python (e.g. a line magic).
_CALL_RE = re.compile(r"\b(?:show_legal|legal_markdown|legal)\(([^)]*)\)")
_STR_RE = re.compile(r"""["']([a-z0-9][a-z0-9-]*)["']""")


def _keys_in_source(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {k for args in _CALL_RE.findall(source) for k in _STR_RE.findall(args)}
    keys = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name in _CALLS:
            keys |= {
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            }
    return keys


def _notebook_keys() -> dict[str, set[str]]:
    found = {}
    for path in lesson_notebooks() + solution_notebooks():
        nb = nbformat.read(path, as_version=4)
        keys = set()
        for cell in nb.cells:
            if cell.cell_type == "code":
                keys |= _keys_in_source(cell.source)
        if keys:
            found[str(path.relative_to(ROOT))] = keys
    return found


def _package_keys() -> dict[str, set[str]]:
    found = {}
    pkg = ROOT / "fairhire"
    for path in sorted(pkg.rglob("*.py")):
        keys = _keys_in_source(path.read_text(encoding="utf-8"))
        if keys:
            found[str(path.relative_to(ROOT))] = keys
    # Modules that write documents citing the law declare the keys they use.
    for info in pkgutil.walk_packages(fairhire.__path__, "fairhire."):
        if info.name.startswith("fairhire.world") or info.name.endswith("__main__"):
            continue  # the data generator cites no law; __main__ would run the CLI
        module = importlib.import_module(info.name)
        declared = getattr(module, "LEGAL_KEYS", None)
        if declared:
            found[info.name + ".LEGAL_KEYS"] = set(declared)
    return found


def test_notebooks_use_legal_references():
    # The collector must see the calls the worked example makes; otherwise it checks nothing.
    used = _notebook_keys()
    assert any("m00_start" in name for name in used), used
    assert "ai-act-art-4" in set().union(*used.values())


@pytest.mark.parametrize("where", ["notebooks", "package"])
def test_every_used_key_exists_with_source_and_date(where):
    used = _notebook_keys() if where == "notebooks" else _package_keys()
    refs = legal_references()
    missing = {name: sorted(keys - set(refs)) for name, keys in used.items() if keys - set(refs)}
    assert not missing, f"onbekende sleutels in legal.toml: {missing}"
    for keys in used.values():
        for key in keys:
            ref = refs[key]
            assert ref.source.strip(), f"{key} heeft geen bron"
            assert dt.date.fromisoformat(ref.checked), f"{key} heeft geen datum van controle"


def test_collector_reads_calls_and_fallback():
    src = 'show_legal("a-b", "c")\nx = fairhire.legal("d")\nlegal_markdown(key)\n'
    assert _keys_in_source(src) == {"a-b", "c", "d"}
    assert _keys_in_source('%time show_legal("e-f")') == {"e-f"}


def test_references_state_what_the_course_promises():
    refs = legal_references()
    # The amended high-risk start date (Art. 113 as amended by 2026/1744) is the one in force.
    assert refs["ai-act-high-risk-dates"].applies_from == "2027-12-02"
    assert "2026/1744" in refs["ai-act-high-risk-dates"].source
    for key in ("ai-act-art-26", "ai-act-art-26-7", "ai-act-annex-iii-4"):
        assert refs[key].applies_from == refs["ai-act-high-risk-dates"].applies_from, key
    # Secondary-only facts are marked so.
    for key in (
        "ai-act-amendment-2026-1744",
        "ai-act-art-4a",
        "ap-applicant-retention",
        "nyc-ll144",
        "four-fifths-rule",
        "nvp-sollicitatiecode",
    ):
        assert refs[key].confidence == "S", key
    assert "C-634/21" in refs["cjeu-c-634-21-schufa"].article
