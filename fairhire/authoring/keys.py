"""Record the answer keys by running the solution notebooks (``fairhire notebooks keys``)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .. import answer_keys
from ..modules import modules


def keys_file(root: Path) -> Path:
    """The keys file of the checkout at ``root``."""
    return Path(root) / "fairhire" / "data" / answer_keys.KEYS_FILE.name


def record_module(root: Path, module_id: str, timeout: int = 600) -> dict[str, str]:
    """Run one module's solution with recording on; its keys (grade_id -> digest)."""
    import nbformat
    from nbclient import NotebookClient

    module = next(m for m in modules() if m.id == module_id)
    path = module.source_path(root)
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "keys.json"
        start = nbformat.v4.new_code_cell(
            f"import fairhire.answer_keys as _keys\n_keys.record_to({str(out)!r})"
        )
        nb.cells.insert(0, start)
        env_root = os.environ.get("FAIRHIRE_ROOT")
        os.environ["FAIRHIRE_ROOT"] = str(root)
        try:
            NotebookClient(
                nb,
                timeout=timeout,
                kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
            ).execute()
        finally:
            if env_root is None:
                os.environ.pop("FAIRHIRE_ROOT", None)
            else:
                os.environ["FAIRHIRE_ROOT"] = env_root
        return json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}


def record(root: Path, module_ids: list[str] | None = None) -> dict[str, str]:
    """Record the keys of ``module_ids`` (default: all) into the keys file; all keys."""
    root = Path(root)
    target = keys_file(root)
    keys = answer_keys.load_keys(target)
    for module_id in module_ids or [m.id for m in modules()]:
        keys = {k: v for k, v in keys.items() if not k.startswith(f"{module_id}-")}
        keys.update(record_module(root, module_id))
    target.write_text(json.dumps(keys, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return keys
