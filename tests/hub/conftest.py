"""The hub tests share one deployment (installing takes minutes): module scope, one xdist group."""

from __future__ import annotations

import pytest

from .deployment import Deployment, why_not


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    reason = why_not()
    if reason:
        pytest.skip(reason)
    dep = Deployment(tmp_path_factory.mktemp("hub"))
    try:
        dep.first_install = dep.install()
        yield dep
    finally:
        # also after a failure: the hub, its users, processes, cgroups and files go
        dep.remove()
        if dep.prefix.is_dir() and not any(dep.prefix.iterdir()):
            dep.prefix.rmdir()
