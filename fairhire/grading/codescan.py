"""A static scan of learners' code for ways to fake a test result.

Hidden tests import what they need and recompute expectations, but they still
run in the learner's kernel: an answer cell that replaces ``math.isclose``,
rebinds ``float`` or reads the solutions can make them pass. This scan reads the
answer cells (and cells the learner added) with ``ast`` and reports:

blocking
    monkeypatching (assigning to an attribute of an imported module), rebinding
    a builtin the tests use or a name the locked cells import, dunder tricks
    (``__class__``, ``__eq__`` methods, ``__builtins__``), dynamic code
    (``exec``, ``eval``, ``compile``, ``__import__``), file, process and system
    access (``open``, ``os``, ``subprocess``, ``sqlite3`` ...), shell commands
    and magics other than a few harmless ones.
warning
    rebinding a name a locked cell gave (e.g. the data); harmless for hidden
    tests that recompute from the data, but worth a look.

It is a tripwire, not a sandbox: Python is dynamic enough to hide anything
from a static scan. Isolation and resource limits (see ``runner``) are the
other half. No library offers this check for notebooks, so it is hand-written.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field

# Modules that give access to files, processes, the interpreter or the network.
DANGEROUS_MODULES = frozenset(
    {
        "asyncio",
        "atexit",
        "builtins",
        "code",
        "codeop",
        "ctypes",
        "faulthandler",
        "fcntl",
        "gc",
        "glob",
        "http",
        "importlib",
        "inspect",
        "io",
        "ipykernel",
        "IPython",
        "jupyter_client",
        "marshal",
        "mmap",
        "multiprocessing",
        "nbclient",
        "nbformat",
        "nbgrader",
        "os",
        "pathlib",
        "pickle",
        "posix",
        "pty",
        "requests",
        "resource",
        "runpy",
        "shelve",
        "shutil",
        "signal",
        "site",
        "socket",
        "sqlalchemy",
        "sqlite3",
        "subprocess",
        "sys",
        "sysconfig",
        "tempfile",
        "threading",
        "tracemalloc",
        "types",
        "urllib",
        "zipimport",
        "zmq",
    }
)
DANGEROUS_CALLS = frozenset(
    {
        "open",
        "exec",
        "eval",
        "compile",
        "__import__",
        "globals",
        "locals",
        "vars",
        "setattr",
        "delattr",
        "breakpoint",
        "get_ipython",
        "memoryview",
    }
)
DANGEROUS_NAMES = frozenset({"__builtins__", "__builtin__", "__loader__", "__spec__"})
HARMLESS_DUNDERS = frozenset({"__name__", "__doc__", "__init__", "__repr__", "__str__"})
HARMLESS_MAGICS = frozenset({"matplotlib", "time", "timeit", "who", "whos", "precision"})
BUILTIN_NAMES = frozenset(dir(builtins))


@dataclass(frozen=True)
class Suspicion:
    """One suspicious construct: ``blocking`` or ``warning``, with a Dutch reason."""

    level: str
    line: int
    reason: str


@dataclass
class Context:
    """What the locked cells and tests of a notebook define.

    imports : name -> what a locked or test cell imported under that name,
        e.g. ``{"check": "fairhire:check", "math": "math"}``.
    test_builtins : builtins the test cells (with hidden tests) use.
    given : names the locked non-test cells assign (the given data).
    """

    imports: dict[str, str] = field(default_factory=dict)
    test_builtins: set[str] = field(default_factory=set)
    given: set[str] = field(default_factory=set)


def to_python(source: str) -> str:
    """Cell source with IPython syntax (``!cmd``, ``%magic``) turned into plain calls."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:  # pragma: no cover - IPython comes with the kernel
        return source
    return TransformerManager().transform_cell(source)


def parse(source: str) -> ast.Module | None:
    """The syntax tree of a cell (IPython syntax included), or None if it does not parse."""
    try:
        return ast.parse(to_python(source))
    except (SyntaxError, ValueError):
        return None


def _import_bindings(node: ast.Import | ast.ImportFrom) -> dict[str, str]:
    out = {}
    if isinstance(node, ast.Import):
        for alias in node.names:
            bound = alias.asname or alias.name.split(".")[0]
            out[bound] = alias.name if alias.asname else alias.name.split(".")[0]
    else:
        base = "." * node.level + (node.module or "")
        for alias in node.names:
            out[alias.asname or alias.name] = f"{base}:{alias.name}"
    return out


def context_from(locked_sources: list[str], test_sources: list[str]) -> Context:
    """Build the :class:`Context` from the locked cells and the test cells."""
    ctx = Context()
    for source, is_test in [(s, False) for s in locked_sources] + [(s, True) for s in test_sources]:
        tree = parse(source)
        if tree is None:
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                ctx.imports.update(_import_bindings(node))
            elif is_test and isinstance(node, ast.Name) and node.id in BUILTIN_NAMES:
                ctx.test_builtins.add(node.id)
            elif not is_test and isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                ctx.given.add(node.id)
    ctx.given -= set(ctx.imports)
    return ctx


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _magic_name(call: ast.Call) -> str | None:
    """'matplotlib' for ``get_ipython().run_line_magic('matplotlib', ...)``, else None."""
    func = call.func
    if (
        isinstance(func, ast.Attribute)
        and func.attr in ("run_line_magic", "run_cell_magic")
        and isinstance(func.value, ast.Call)
        and isinstance(func.value.func, ast.Name)
        and func.value.func.id == "get_ipython"
        and call.args
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    ):
        return call.args[0].value
    return None


def _bound_names(node: ast.AST) -> list[str]:
    """Names a statement binds at its own level (targets, defs, loop variables)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    targets: list[ast.AST] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
        targets = [node.target]
    elif isinstance(node, ast.NamedExpr):
        targets = [node.target]
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets = [i.optional_vars for i in node.items if i.optional_vars is not None]
    elif isinstance(node, ast.comprehension):
        return []  # comprehension variables do not leak
    names = []
    for t in targets:
        for sub in ast.walk(t):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                names.append(sub.id)
    return names


def _walk_scoped(node: ast.AST, nested: bool = False):
    """Like ``ast.walk`` but says whether a node sits inside a function or class body."""
    yield node, nested
    inner = nested or isinstance(
        node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    )
    for child in ast.iter_child_nodes(node):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and (
            child in node.decorator_list or child is getattr(node, "returns", None)
        ):
            yield from _walk_scoped(child, nested)
        else:
            yield from _walk_scoped(child, inner)


def scan(source: str, context: Context | None = None) -> list[Suspicion]:
    """Scan one cell's source; returns suspicions sorted by line."""
    ctx = context or Context()
    tree = parse(source)
    if tree is None:
        return []  # a syntax error costs the learner the points by itself
    found: list[Suspicion] = []

    def flag(level: str, node: ast.AST, reason: str) -> None:
        found.append(Suspicion(level, getattr(node, "lineno", 0), reason))

    # names that refer to modules or imported objects in this cell (and simple aliases)
    modules = set(ctx.imports)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules.update(_import_bindings(node))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            modules.update(t.id for t in node.targets if isinstance(t, ast.Name))

    safe_magic_calls: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _magic_name(node) in HARMLESS_MAGICS:
            safe_magic_calls.add(id(node.func.value))

    global_names = {
        n for node in ast.walk(tree) if isinstance(node, ast.Global) for n in node.names
    }
    for node, nested in _walk_scoped(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for bound, origin in _import_bindings(node).items():
                top = origin.lstrip(".").split(":")[0].split(".")[0]
                if top in DANGEROUS_MODULES or (
                    node.level if isinstance(node, ast.ImportFrom) else 0
                ):
                    flag(
                        "blocking",
                        node,
                        f"importeert '{origin.replace(':', '.')}' "
                        "(toegang tot bestanden, processen of Python zelf)",
                    )
                elif nested and bound not in global_names:
                    continue
                elif bound in BUILTIN_NAMES:
                    flag("blocking", node, f"vervangt de ingebouwde naam '{bound}' door een import")
                elif bound in ctx.imports and ctx.imports[bound] != origin:
                    flag(
                        "blocking",
                        node,
                        f"vervangt '{bound}' uit de vergrendelde cellen door "
                        f"'{origin.replace(':', '.')}'",
                    )
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id in DANGEROUS_CALLS:
                if id(node) not in safe_magic_calls:
                    what = (
                        "shell-opdracht of magic"
                        if node.func.id == "get_ipython"
                        else f"{node.func.id}()"
                    )
                    flag("blocking", node, f"gebruikt {what}")
            elif isinstance(node.func, ast.Name) and node.func.id == "getattr":
                attr = node.args[1] if len(node.args) > 1 else None
                if not (
                    isinstance(attr, ast.Constant)
                    and isinstance(attr.value, str)
                    and not attr.value.startswith("__")
                ):
                    flag("blocking", node, "gebruikt getattr() met een berekende naam")
        elif isinstance(node, ast.Name):
            if node.id in DANGEROUS_NAMES:
                flag("blocking", node, f"gebruikt {node.id}")
        elif isinstance(node, ast.Attribute):
            if (
                node.attr.startswith("__")
                and node.attr.endswith("__")
                and node.attr not in HARMLESS_DUNDERS
            ):
                flag("blocking", node, f"gebruikt het interne attribuut .{node.attr}")
            if isinstance(node.ctx, (ast.Store, ast.Del)) and _root_name(node) in modules:
                flag(
                    "blocking",
                    node,
                    f"past '{ast.unparse(node)}' aan (monkeypatching van een "
                    "module die de tests gebruiken)",
                )
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if (
                    isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and item.name.startswith("__")
                    and item.name not in HARMLESS_DUNDERS
                ):
                    flag(
                        "blocking",
                        item,
                        f"definieert {node.name}.{item.name} (verandert hoe "
                        "vergelijken of rekenen werkt)",
                    )
        for name in _bound_names(node):
            if nested and name not in global_names:
                continue  # a local variable inside a function does not touch the tests
            if name in ctx.test_builtins or name in DANGEROUS_NAMES:
                flag(
                    "blocking",
                    node,
                    f"overschrijft de ingebouwde naam '{name}' die de tests gebruiken",
                )
            elif name in ctx.imports:
                flag("blocking", node, f"overschrijft '{name}' uit de vergrendelde cellen")
            elif name in ctx.given:
                flag("warning", node, f"overschrijft de gegeven naam '{name}'")
            elif name in BUILTIN_NAMES:
                flag("warning", node, f"gebruikt de ingebouwde naam '{name}' als variabele")
    unique = {(s.level, s.line, s.reason): s for s in found}
    return sorted(unique.values(), key=lambda s: (s.line, s.level, s.reason))
