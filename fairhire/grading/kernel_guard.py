"""A tripwire in the learner's kernel: did its code change how cells are run or reported.

:func:`state` fingerprints what decides how a cell is run and how its outcome
is reported: IPython's input and AST transformers, custom exception handlers,
the traceback display, ``run_cell`` and friends, the kernel's reply path,
IPython events, ``sys`` hooks, trace and profile functions, import hooks, the
builtins, and the ``sys.modules`` entries (and their attributes) of the
libraries the hidden tests use. The harness records it after every cell of the
learner's run; :func:`changes` compares two records and names, in Dutch, what
a learner's cell changed.

This is a tripwire, not the verdict: code in the kernel can fool it (it runs
there). The verdict comes from the judge kernel (:mod:`fairhire.grading.judge`),
which never runs learner code; the tripwire is what lets the grading report
name the trick.
"""

from __future__ import annotations

import sys
import zlib

# the modules whose entries and attributes hidden tests rely on
WATCHED_MODULES = (
    "builtins",
    "sys",
    "math",
    "cmath",
    "statistics",
    "operator",
    "functools",
    "collections",
    "re",
    "json",
    "importlib",
    "inspect",
    "types",
    "numpy",
    "numpy.testing",
    "pandas",
    "pandas.testing",
    "sklearn.metrics",
    "fairlearn.metrics",
    "fairhire",
    "fairhire.check",
    "IPython.core.interactiveshell",
    "ipykernel.ipkernel",
    "ipykernel.kernelbase",
    "ipykernel.zmqshell",
    "jupyter_client.session",
)
# caches outside the fairhire package (fairhire.memo.STORE, fairhire.final_audit's)
CACHES = ("_fairhire_shared_results", "_fairhire_m08_cache")
SHELL_METHODS = (
    "run_cell",
    "run_cell_async",
    "_run_cell",
    "run_ast_nodes",
    "run_code",
    "transform_cell",
    "transform_ast",
    "should_run_async",
    "showtraceback",
    "_showtraceback",
    "showsyntaxerror",
    "showindentationerror",
    "set_custom_exc",
    "ex",
    "ev",
    "safe_execfile",
    "system",
    "run_line_magic",
    "run_cell_magic",
)
KERNEL_METHODS = (
    "execute_request",
    "do_execute",
    "send_response",
    "_publish_execute_input",
    "_publish_status",
    "dispatch_shell",
    "process_one",
)
# libraries that register hooks and callbacks of their own in an honest kernel
TRUSTED_HOOK_MODULES = (
    "IPython",
    "ipykernel",
    "matplotlib",
    "matplotlib_inline",
    "ipywidgets",
    "comm",
    "jupyter_client",
    "fairhire",
    "_frozen_importlib",
    "_frozen_importlib_external",
    "importlib",
    "zipimport",
    "six",
    "_distutils_hack",
    "setuptools",
    "pkg_resources",
    "__editable__",
    "_virtualenv",
    "pydevd",
    "debugpy",
    "tqdm",
)
# swapped by ipykernel itself before every cell (to forward input() to the front end)
VOLATILE = {"input", "raw_input", "getpass"}
# Dutch names of what the fingerprint keys stand for
KINDS = {
    "transformers": "de invoer- of AST-transformers van IPython",
    "custom-exc": "de foutafhandeling van IPython (set_custom_exc)",
    "shell": "de uitvoermachine van IPython",
    "kernel": "de manier waarop de kernel antwoordt",
    "events": "de IPython-events (zoals post_run_cell)",
    "trace": "een trace- of profielfunctie (sys.settrace/setprofile)",
    "sys-hooks": "een systeemhaak (sys.excepthook, displayhook, import-hooks)",
    "builtins": "ingebouwde Python-functies (builtins)",
    "modules": "een bibliotheek die de tests gebruiken (sys.modules of een functie erin)",
}


def _ident(obj) -> str:
    """A stable name for a callable or object: its module, qualified name and id."""
    func = getattr(obj, "__func__", obj)
    module = getattr(func, "__module__", None) or type(func).__module__
    name = getattr(func, "__qualname__", None) or type(func).__qualname__
    code = getattr(func, "__code__", None)
    return f"{module}.{name}#{id(func)}#{id(code) if code is not None else 0}"


def _trusted(obj) -> bool:
    func = getattr(obj, "__func__", obj)
    module = getattr(func, "__module__", None) or type(func).__module__ or ""
    return str(module).split(".")[0] in TRUSTED_HOOK_MODULES


def _untrusted(items) -> list[str]:
    return sorted(_ident(x) for x in items if not _trusted(x))


def _crc(items) -> str:
    return format(zlib.crc32(repr(items).encode()), "08x")


def _module_entries() -> dict[str, str]:
    """Per watched module: the module object and its attributes (existing ones only)."""
    out = {}
    for name in WATCHED_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        out[f"modules:{name}"] = str(id(module))
        if name == "sys":  # its hooks and streams are checked (or swapped per cell) elsewhere
            continue
        try:
            attrs = dict(vars(module))
        except TypeError:
            continue
        for key, value in attrs.items():
            if type(value).__name__ == "module" or key.startswith("__") or key == "_":
                continue
            if name == "builtins" and key in VOLATILE:
                continue
            code = getattr(value, "__code__", None)
            out[f"modules:{name}.{key}"] = f"{id(value)}:{id(code) if code is not None else 0}"
    return out


def _caches() -> dict[str, str]:
    """Per cache module and entry: which object it holds (new entries are not a change).

    A shared-results store a kernel did not start with is a change; the m08
    cache is made by the notebook's own cells, so only a replaced one is.
    """
    out = {}
    for name in CACHES:
        module = sys.modules.get(name)
        if module is None:
            if name == CACHES[0]:  # always there, so making one is a change
                out[f"modules:cache.{name}"] = ""
            continue
        out[f"modules:cache.{name}"] = str(id(module))
        entries = getattr(module, "results", getattr(module, "store", None))
        out[f"modules:cache.{name}:entries"] = f"{id(entries)}:{getattr(module, 'writable', '')}"
        if isinstance(entries, dict):
            for key, value in list(entries.items()):
                out[f"modules:cache.{name}[{str(key)[:16]}]"] = (
                    f"{type(value).__name__}:{id(value)}"
                )
    return out


def state() -> dict[str, str]:
    """Fingerprints of the kernel's machinery; compare two with :func:`changes`."""
    out: dict[str, str] = {}
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except Exception:  # noqa: BLE001 - no IPython: only the sys-level parts
        shell = None
    if shell is not None:
        out["transformers:cleanup"] = _crc(_untrusted(shell.input_transformers_cleanup))
        out["transformers:post"] = _crc(_untrusted(shell.input_transformers_post))
        out["transformers:ast"] = _crc(_untrusted(shell.ast_transformers))
        out["transformers:manager"] = _ident(type(shell.input_transformer_manager))
        out["custom-exc"] = _crc(
            [repr(getattr(shell, "custom_exceptions", ())), _ident(shell.CustomTB)]
        )
        for name in SHELL_METHODS:
            if hasattr(shell, name):
                out[f"shell:{name}"] = _ident(getattr(shell, name)) + (
                    "!" if name in vars(shell) else ""
                )
        out["shell:InteractiveTB"] = _ident(type(shell.InteractiveTB))
        for name in ("structured_traceback", "stb2text", "text"):
            func = getattr(shell.InteractiveTB, name, None)
            if func is not None:
                out[f"shell:InteractiveTB.{name}"] = _ident(func)
        out["shell:displayhook"] = _ident(type(shell.displayhook))
        out["shell:display_pub"] = _ident(getattr(shell.display_pub, "publish", None))
        kernel = getattr(shell, "kernel", None)
        if kernel is not None:
            for name in KERNEL_METHODS:
                if hasattr(kernel, name):
                    out[f"kernel:{name}"] = _ident(getattr(kernel, name))
            session = getattr(kernel, "session", None)
            if session is not None:
                out["kernel:session.send"] = _ident(session.send)
                out["kernel:session.serialize"] = _ident(session.serialize)
            handlers = getattr(kernel, "shell_handlers", {})
            out["kernel:shell_handlers"] = _crc(
                sorted((k, _ident(v)) for k, v in dict(handlers).items())
            )
        callbacks = getattr(shell.events, "callbacks", {})
        for event, funcs in dict(callbacks).items():
            out[f"events:{event}"] = _crc(_untrusted(funcs))
    out["trace:settrace"] = _ident(sys.gettrace()) if sys.gettrace() else ""
    out["trace:setprofile"] = _ident(sys.getprofile()) if sys.getprofile() else ""
    threading = sys.modules.get("threading")
    if threading is not None:
        for name in ("_trace_hook", "_profile_hook"):
            hook = getattr(threading, name, None)
            out[f"trace:threading.{name}"] = _ident(hook) if hook else ""
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is not None:
        out["trace:monitoring"] = repr([monitoring.get_tool(i) for i in range(6)])
    for name in ("excepthook", "displayhook", "breakpointhook", "unraisablehook"):
        hook = getattr(sys, name, None)
        out[f"sys-hooks:{name}"] = "" if _trusted(hook) or hook is None else _ident(hook)
    out["sys-hooks:meta_path"] = _crc(_untrusted(sys.meta_path))
    out["sys-hooks:path_hooks"] = _crc(_untrusted(sys.path_hooks))
    out["sys-hooks:audit"] = "1" if getattr(sys, "_fairhire_audit", None) else ""
    import builtins

    for key, value in vars(builtins).items():
        if not key.startswith("_") and key not in VOLATILE:
            out[f"builtins:{key}"] = str(id(value))
    # caches the hidden tests read: fairhire.memo's store of shared results (read-only in a
    # learner's kernel) and the m08 cache; their entries are immutable bytes, so which
    # objects they hold is their content
    out.update(_caches())
    out.update(_module_entries())
    return out


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The keys whose fingerprint differs (entries that disappeared count; new ones do not).

    New module attributes are ignored (importing a submodule adds one); new
    builtins, hooks and callbacks are not.
    """
    out = []
    for key, value in after.items():
        if key in before:
            if before[key] != value:
                out.append(key)
        elif not key.startswith("modules:"):
            out.append(key)
    out += [k for k in before if k not in after and not k.startswith("modules:fairhire")]
    return sorted(set(out))


def describe(keys: list[str]) -> str:
    """A Dutch sentence naming what changed (at most a few examples per kind)."""
    kinds: dict[str, list[str]] = {}
    for key in sorted(set(keys)):
        kind, _, detail = key.partition(":")
        kinds.setdefault(kind, []).append(detail)
    parts = []
    for kind, details in kinds.items():
        examples = ", ".join(sorted(details)[:3]) + (" ..." if len(details) > 3 else "")
        parts.append(f"{KINDS.get(kind, kind)} ({examples})" if examples else KINDS.get(kind, kind))
    return "; ".join(parts)
