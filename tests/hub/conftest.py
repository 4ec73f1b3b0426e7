"""The hub tests share one deployment (installing takes minutes): session scope, one xdist group.

Session, not module: xdist may run tests of other files between the hub tests on the same
worker, and a module fixture would then remove the hub and install a new, empty one.
"""

from __future__ import annotations

import pytest

from .deployment import Deployment, why_not


@pytest.fixture(scope="session")
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
