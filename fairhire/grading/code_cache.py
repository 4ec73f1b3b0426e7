"""In the zygote and the kernels it forks: compile the course package once, in memory.

Every hidden test imports a fresh ``fairhire`` (it drops the package from
``sys.modules`` first). Where no bytecode files may be written
(``PYTHONDONTWRITEBYTECODE``, common on servers and in CI) Python then compiles
each module from source again: about 30 ms per test cell. The zygote keeps the
compiled code objects instead, and a kernel forked from it reuses them: each
module still runs afresh on import, only the compile step is skipped. A source
file that changed (by its modification time and size) is compiled again.
Nothing is written to disk, where a learner's code could change it.
"""

from __future__ import annotations

import os
import sys
import types
from importlib.machinery import ModuleSpec, SourceFileLoader

PACKAGE = "fairhire"
_CODE: dict[tuple[str, int, int], types.CodeType] = {}


class _CachingLoader(SourceFileLoader):
    """A source loader that compiles each version of a file once per process tree."""

    def get_code(self, fullname: str) -> types.CodeType:
        """The module's code object, from memory when its source is unchanged."""
        path = self.get_filename(fullname)
        try:
            stat = os.stat(path)
        except OSError:
            return super().get_code(fullname)
        key = (path, stat.st_mtime_ns, stat.st_size)
        code = _CODE.get(key)
        if code is None:
            code = _CODE[key] = super().get_code(fullname)
        return code


class CachingFinder:
    """Finds the package's modules as the other finders do, with a caching loader."""

    @classmethod
    def find_spec(cls, name: str, path=None, target=None) -> ModuleSpec | None:
        """The spec the next finder gives, its loader swapped for :class:`_CachingLoader`."""
        if name.split(".")[0] != PACKAGE:
            return None
        for finder in sys.meta_path:
            if finder is cls or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            if type(spec.loader) is SourceFileLoader:
                spec.loader = _CachingLoader(spec.loader.name, spec.loader.path)
            return spec
        return None


def install() -> None:
    """Put the caching finder first on ``sys.meta_path`` (once)."""
    if CachingFinder not in sys.meta_path:
        sys.meta_path.insert(0, CachingFinder)
