"""In the judge's kernel: a learner's function as its compiled code, never run.

A function the learner wrote reaches the judge as a stand-in that calls it in
the oracle process (:func:`fairhire.grading.oracle.stub`). The hidden tests that
ask whether it is the course package's own function, an exact copy of it, or a
wrapper around it (:func:`fairhire.originality.from_package`) need its code,
which the stand-in does not have. The *shadow* is that code: the learner's cell
text compiled here (compiling runs nothing), made into a function whose
globals are only the course-package objects the learner's cells import. The
stand-in carries it as ``__wrapped__``, which ``from_package`` follows.

The shadow is never called. It recognises what the learner typed (a ``def``
or a ``lambda``); a function made at run time (``exec``, a factory) has no
shadow and is judged by its results only.
"""

from __future__ import annotations

import ast
import importlib
import json
import types
from functools import cache
from pathlib import Path

from .names import python_source

PACKAGE = "fairhire"


def for_key(spec_path: str, key: str) -> types.FunctionType | None:
    """The shadow of the learner's function ``key`` (``"<cell index>:<name>"``), or None.

    ``spec_path`` is the oracle's spec (:func:`fairhire.grading.judge.oracle_spec`):
    the learner's cells, written by the grading process.
    """
    index_text, _, name = key.partition(":")
    try:
        index = int(index_text)
        cells = _cells(spec_path)
    except (ValueError, OSError, KeyError, TypeError):
        return None
    sources = [
        c["source"] for c in cells if isinstance(c, dict) and int(c.get("index", -1)) <= index
    ]
    return shadow(sources, name)


@cache
def _cells(spec_path: str) -> list:
    return json.loads(Path(spec_path).read_text(encoding="utf-8"))["cells"]


def shadow(sources: list[str], name: str) -> types.FunctionType | None:
    """The function ``name`` as the last of ``sources`` (cells, in order) to bind it defines it.

    Returns None when the last binding is not a ``def`` or a ``lambda`` (an
    import, a call, any other value), or when the code cannot be compiled.
    """
    namespace: dict = {"__name__": "__main__", PACKAGE: importlib.import_module(PACKAGE)}
    code = None
    for source in sources:
        try:
            tree = ast.parse(python_source(source))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in tree.body:
            _imports(node, namespace)
            if name in _binds(node):
                code = _code_of(node, name)
    if code is None or code.co_freevars:
        return None
    return types.FunctionType(code, namespace, name)


def _binds(node: ast.stmt) -> set[str]:
    """Names a top-level statement binds (as the notebook's namespace sees them)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {a.asname or a.name.split(".")[0] for a in node.names}
    return {
        n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }


def _code_of(node: ast.stmt, name: str) -> types.CodeType | None:
    """The code object ``node`` binds to ``name``: a ``def``, or ``name = lambda ...``."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
        wanted = name
    elif (
        isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Lambda)
        and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    ):
        wanted = "<lambda>"
    else:
        return None
    try:
        module = compile(ast.Module(body=[node], type_ignores=[]), "<cel>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    found = [c for c in module.co_consts if isinstance(c, types.CodeType) and c.co_name == wanted]
    return found[-1] if found else None


def _imports(node: ast.stmt, namespace: dict) -> None:
    """Put what a top-level import of the course package binds into ``namespace``."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] != PACKAGE:
                continue
            if alias.asname:
                module = _module(alias.name)
                if module is not None:
                    namespace[alias.asname] = module
            else:
                namespace[PACKAGE] = importlib.import_module(PACKAGE)
    elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
        if node.module.split(".")[0] != PACKAGE:
            return
        module = _module(node.module)
        if module is None:
            return
        for alias in node.names:
            if alias.name == "*":
                continue
            value = getattr(module, alias.name, None)
            if value is None:
                value = _module(f"{node.module}.{alias.name}")
            if value is not None:
                namespace[alias.asname or alias.name] = value


def _module(dotted: str) -> types.ModuleType | None:
    try:
        return importlib.import_module(dotted)
    except ImportError:
        return None
