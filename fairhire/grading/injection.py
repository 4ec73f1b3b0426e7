"""In the judge kernel: put a learner's answers (plain data) in the notebook's namespace.

Each answer cell of the judge notebook calls :func:`inject` with the values
captured in the learner's kernel, or :func:`inject_file` when they are large
(a fitted post-processor holds megabytes of numbers: read from a file, checked
against the SHA-256 in the cell, they do not make the cell's code megabytes
long). Functions become stand-ins that call the learner's code in an oracle
process (:mod:`fairhire.grading.oracle`) and carry its compiled code
(:mod:`fairhire.grading.shadow`) for the originality checks.
"""

from __future__ import annotations

import hashlib
import json
import sys

from . import oracle, plain_data, shadow

# kept on sys: the hidden tests re-import fairhire, which must not start a second oracle
_CLIENTS: dict = sys.__dict__.setdefault("_fairhire_oracles", {})


def inject(namespace: dict, text: str, spec: str | None = None) -> None:
    """Bind the names encoded in ``text`` (a JSON object name -> encoding) in ``namespace``."""
    values = json.loads(text)

    def make_stub(key: str, name: str):
        if spec is None:
            raise plain_data.DecodeError("geen oracle")
        client = _CLIENTS.setdefault(spec, oracle.Client(spec))
        function = oracle.stub(client, key, name)
        code = shadow.for_key(spec, key)
        if code is not None:  # the learner's code, for the originality checks (never called)
            function.__wrapped__ = code
        return function

    for name, data in values.items():
        if not isinstance(name, str) or not name.isidentifier() or name.startswith("_"):
            continue
        try:
            namespace[name] = plain_data.decode(data, oracle=make_stub)
        except (plain_data.DecodeError, ValueError, TypeError, KeyError, OverflowError):
            continue  # not a value: the name stays unbound, the test fails


def inject_file(namespace: dict, path: str, sha256: str, spec: str | None = None) -> None:
    """:func:`inject` the JSON in ``path`` if its SHA-256 is ``sha256`` (else bind nothing)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return
    if hashlib.sha256(data).hexdigest() != sha256:
        return  # changed after the grading process wrote it: the names stay unbound
    inject(namespace, data.decode("utf-8"), spec)
