"""A local spawner with limits: each user's server runs as their system user in cgroups.

JupyterHub's LocalProcessSpawner starts the server as the user (so file
permissions keep users apart, which nbgrader's exchange relies on). This adds
what it lacks: the home prepared per role, memory/CPU/process limits through
cgroups (with RLIMIT_NPROC as a second bound on forks), and cleanup of every
process the user's server left behind.
"""

from __future__ import annotations

import resource
from pathlib import Path

import cgroups
import homes
from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Dict, Unicode


class LimitedSpawner(LocalProcessSpawner):
    """LocalProcessSpawner + per-role home, cgroup limits and cleanup."""

    settings = Dict(config=True, help="settings.json of the deployment")
    secrets_dir = Unicode(config=True, help="folder with the generated secrets")

    def role(self) -> str:
        """'trainer' for members of the hub group 'trainers', else 'learner'."""
        return "trainer" if any(g.name == "trainers" for g in self.user.groups) else "learner"

    def limits(self) -> dict:
        """Memory, CPU and process limits of this user's role."""
        return self.settings["limits"][self.role()]

    async def start(self):
        """Prepare the home and the groups, then start the server inside them."""
        name, role = self.user.name, self.role()
        homes.set_groups(name, role, self.settings)
        course = homes.prepare(name, role, self.settings, Path(self.secrets_dir))
        self.environment = {
            **self.environment,
            "FAIRHIRE_ROOT": str(course),
            "FAIRHIRE_ROLE": role,
        }
        if role == "trainer":  # for `fairhire register --db "$FAIRHIRE_GRADEBOOK"`
            self.environment["FAIRHIRE_GRADEBOOK"] = self.settings["gradebook_url"]
        limits = self.limits()
        self._cgroups = []
        if cgroups.available():
            self._cgroups = cgroups.create(
                self.settings["name"],
                name,
                limits["memory_mb"],
                limits["cpus"],
                limits["processes"],
            )
        else:
            self.log.warning("Geen cgroups: alleen het aantal processen wordt begrensd.")
        return await super().start()

    def make_preexec_fn(self, name):
        """Join the groups and set RLIMIT_NPROC, then drop to the user."""
        become_user = super().make_preexec_fn(name)
        made = list(getattr(self, "_cgroups", []))
        nproc = int(self.limits()["processes"])

        def preexec():
            cgroups.join(made)
            resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
            become_user()

        return preexec

    async def stop(self, now=False):
        """Stop the server, then end its kernels and whatever else is left."""
        try:
            await super().stop(now=now)
        finally:
            made = getattr(self, "_cgroups", None) or cgroups.paths(
                self.settings["name"], self.user.name
            )
            cgroups.remove(made)
