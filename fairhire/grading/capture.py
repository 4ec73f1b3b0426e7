"""The harness in the learner's kernel: after each cell, write its answers as plain data.

The learner's run (:mod:`fairhire.grading.judge`) adds a cell after every
cell: after an answer cell it calls :meth:`Recorder.capture` with the names the
question asks for, after any other cell :meth:`Recorder.guard`. Each call
writes ``<folder>/<index>.json`` with the encoded values (:mod:`plain_data`),
the names that could not be encoded (and their type) and the kernel
fingerprint (:mod:`kernel_guard`). Only the standard library, numpy and pandas
are imported here.

Code in the kernel can change what is written. That is the same as choosing
the answer: the judge only ever gets plain values.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from . import kernel_guard, plain_data

MAX_BYTES = 20 * 2**20  # per cell; a larger answer is not passed on


class Recorder:
    """Writes one JSON file per recorded cell into ``folder``."""

    def __init__(self, folder: str):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._write("start", {"guard": kernel_guard.state()})

    def _write(self, name: str, data: dict) -> None:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        if len(text) > MAX_BYTES:
            data = {
                "values": {},
                "unsupported": {n: "te groot" for n in data.get("values", {})},
                "guard": data.get("guard", {}),
            }
            text = json.dumps(data)
        tmp = self.folder / f".{name}.tmp"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, self.folder / f"{name}.json")

    def capture(self, index: int, names: list[str]) -> None:
        """Record the values of ``names`` after the answer cell at ``index``."""
        from IPython import get_ipython

        namespace = get_ipython().user_ns
        values, unsupported, missing = {}, {}, []
        for name in names:
            if name not in namespace:
                missing.append(name)
                continue
            value = namespace[name]
            try:
                if plain_data._is_learner_function(value):
                    values[name] = {"t": "oracle", "v": f"{index}:{name}", "name": name}
                else:
                    values[name] = plain_data.encode(value)
            except plain_data.Unsupported as exc:
                unsupported[name] = str(exc)
            except Exception as exc:  # noqa: BLE001 - a value that breaks encoding is no answer
                unsupported[name] = type(exc).__name__
        self._write(
            str(index),
            {
                "values": values,
                "unsupported": unsupported,
                "missing": missing,
                "guard": kernel_guard.state(),
            },
        )

    def guard(self, index: int) -> None:
        """Record only the kernel fingerprint after the cell at ``index``."""
        self._write(str(index), {"guard": kernel_guard.state()})
