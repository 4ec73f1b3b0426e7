"""Which names a cell binds at the top level, read from its code (nothing is run)."""

from __future__ import annotations

import ast
import builtins

from IPython.core.inputtransformer2 import TransformerManager


def python_source(source: str) -> str:
    """A cell's source as plain Python (IPython magics and ``!`` commands made calls)."""
    try:
        return TransformerManager().transform_cell(source)
    except Exception:  # noqa: BLE001 - leave it; parsing it will then fail
        return source


def bound_names(source: str) -> list[str]:
    """Names a cell binds in the notebook's namespace, in order of appearance.

    Assignments, imports, ``def``, ``class``, ``for``/``with`` targets and
    ``:=`` at the top level (also inside ``if``, ``for``, ``try`` blocks), not
    inside functions or classes. A cell that does not parse binds nothing.
    """
    try:
        tree = ast.parse(python_source(source))
    except (SyntaxError, ValueError):
        return []
    found: list[str] = []

    def add(name: str) -> None:
        if name not in found:
            found.append(name)

    def targets(node) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                add(sub.id)

    def visit(nodes) -> None:
        for node in nodes:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                add(node.name)
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    add(alias.asname or alias.name.split(".")[0])
                continue
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name != "*":
                        add(alias.asname or alias.name)
                continue
            for field in ("targets", "target"):
                value = getattr(node, field, None)
                if value is None:
                    continue
                for target in value if isinstance(value, list) else [value]:
                    targets(target)
            if isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if item.optional_vars is not None:
                        targets(item.optional_vars)
            for sub in ast.walk(node):
                if isinstance(sub, ast.NamedExpr):
                    add(sub.target.id)
            for field in ("body", "orelse", "finalbody"):
                visit(getattr(node, field, []) or [])
            for handler in getattr(node, "handlers", []) or []:
                if handler.name:
                    add(handler.name)
                visit(handler.body)

    visit(tree.body)
    return found


def answer_names(source: str) -> list[str]:
    """The names an answer cell gives: bound at the top level, not private, not builtins."""
    return [n for n in bound_names(source) if not n.startswith("_") and not hasattr(builtins, n)]
