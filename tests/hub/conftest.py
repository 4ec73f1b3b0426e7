"""The hub tests share one deployment (installing takes minutes): session scope, one xdist group.

Session, not module: xdist may run tests of other files between the hub tests on the same
worker, and a module fixture would then remove the hub and install a new, empty one.
"""

from __future__ import annotations

import os

import pytest

from .deployment import Deployment, why_not


@pytest.fixture(autouse=True)
def _one_worker(request):
    """Fail loudly when xdist did not keep the hub tests together (pytest 9 with xdist 3.8 did
    not: each worker then installed its own hub and the later tests found an empty exchange)."""
    grouped = request.node.nodeid.endswith("@hub")
    if (
        os.environ.get("PYTEST_XDIST_WORKER")
        and request.config.getvalue("loadgroup")
        and not grouped
    ):
        pytest.fail("pytest-xdist hield de hub-tests niet bij elkaar: controleer de pytest-versie")


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
