"""The package's import structure: the contracts in ``.importlinter`` and no import loops.

grimp reads every import statement, also the ones inside functions, so a loop
that only shows up when a function runs is a loop here too.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path

import grimp

from .conftest import ROOT


def import_cycles(imports: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The import loops in a graph: strongly connected components of more than one module.

    Parameters
    ----------
    imports : mapping
        Module name -> names of the modules it imports directly.

    Returns
    -------
    list of list of str
        Each loop's modules, sorted; the loops sorted by their first module.
    """
    # Tarjan's algorithm, iterative: no recursion limit to worry about
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    nodes = set(imports) | {m for targets in imports.values() for m in targets}
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(imports.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(imports.get(target, ())))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return sorted(found)


def direct_imports(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    """Module -> the modules it imports directly, as grimp found them."""
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}


def test_the_import_contracts_hold():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run(
        [str(lint_imports), "--config", str(ROOT / ".importlinter"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_fairhire_has_no_import_loops():
    graph = grimp.build_graph("fairhire", cache_dir=None)
    assert import_cycles(direct_imports(graph)) == []


def test_import_cycles_finds_a_loop_and_leaves_the_rest():
    imports = {
        "a": {"b"},
        "b": {"c"},
        "c": {"a", "d"},  # a -> b -> c -> a
        "d": {"e"},
        "e": set(),
        "f": {"f"},  # a module importing itself is no loop between modules
        "g": {"h"},
        "h": {"g"},
    }
    assert import_cycles(imports) == [["a", "b", "c"], ["g", "h"]]
    assert import_cycles({"a": {"b"}, "b": {"c"}}) == []


def test_loops_through_functions_relative_imports_and_the_package_init_count(tmp_path, monkeypatch):
    package = tmp_path / "loopy"
    package.mkdir()
    files = {
        # the package __init__ imports a submodule that imports the package back
        "__init__.py": "from .first import hello\n",
        "first.py": "import loopy\n\ndef hello():\n    return loopy\n",
        # two siblings that need each other, one of them only inside a function
        "second.py": "from . import third\n",
        "third.py": "def later():\n    from .second import third\n    return third\n",
        "alone.py": "from . import first\n",
    }
    for name, source in files.items():
        (package / name).write_text(textwrap.dedent(source), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("loopy", cache_dir=None)
    assert import_cycles(direct_imports(graph)) == [
        ["loopy", "loopy.first"],
        ["loopy.second", "loopy.third"],
    ]
