"""In the judge kernel: put a learner's answers (plain data) in the notebook's namespace.

Each answer cell of the judge notebook calls :func:`inject` with the values
captured in the learner's kernel. Functions become stand-ins that call the
learner's code in an oracle process (:mod:`fairhire.grading.oracle`).
"""

from __future__ import annotations

import json
import sys

from . import oracle, plain_data

# kept on sys: the hidden tests re-import fairhire, which must not start a second oracle
_CLIENTS: dict = sys.__dict__.setdefault("_fairhire_oracles", {})


def inject(namespace: dict, text: str, spec: str | None = None) -> None:
    """Bind the names encoded in ``text`` (a JSON object name -> encoding) in ``namespace``."""
    values = json.loads(text)

    def make_stub(key: str, name: str):
        if spec is None:
            raise plain_data.DecodeError("geen oracle")
        client = _CLIENTS.setdefault(spec, oracle.Client(spec))
        return oracle.stub(client, key, name)

    for name, data in values.items():
        if not isinstance(name, str) or not name.isidentifier() or name.startswith("_"):
            continue
        try:
            namespace[name] = plain_data.decode(data, oracle=make_stub)
        except (plain_data.DecodeError, ValueError, TypeError, KeyError, OverflowError):
            continue  # not a value: the name stays unbound, the test fails
