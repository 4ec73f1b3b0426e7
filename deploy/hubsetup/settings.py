"""The deployment's settings: ``hub.toml`` read into one object, with derived paths."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

DEFAULT_LIMITS = {
    "learner": {"memory_mb": 1024, "cpus": 1.0, "processes": 256},
    "trainer": {"memory_mb": 4096, "cpus": 2.0, "processes": 1024},
}


@dataclass
class Settings:
    """Everything the installer and the hub's configuration need to know."""

    prefix: Path
    exchange: Path
    ip: str = "127.0.0.1"
    port: int = 8000
    base_url: str = "/"
    ssl_cert: str = ""
    ssl_key: str = ""
    admin: str = "hubbeheer"
    trainer_group: str = "fairhire-trainers"
    learner_group: str = "fairhire-learners"
    postgres_port: int = 5433
    name: str = "fairhire-hub"
    limits: dict = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    culler: dict = field(default_factory=lambda: {"idle_timeout": 3600, "max_age": 28800})
    systemd: bool = False

    @property
    def venv(self) -> Path:
        """The hub's Python environment (hub, course package, nbgrader)."""
        return self.prefix / "venv"

    @property
    def etc(self) -> Path:
        """Configuration: jupyterhub_config.py, the spawner, settings.json."""
        return self.prefix / "etc"

    @property
    def secrets(self) -> Path:
        """Generated secrets, one file each, root only."""
        return self.prefix / "etc" / "secrets"

    @property
    def state(self) -> Path:
        """The hub's database, pid files and logs."""
        return self.prefix / "state"

    @property
    def src(self) -> Path:
        """The course as installed: the source tree with solutions, root only."""
        return self.prefix / "src"

    @property
    def pgdata(self) -> Path:
        """The gradebook's PostgreSQL cluster."""
        return self.prefix / "postgres"

    @property
    def node(self) -> Path:
        """configurable-http-proxy from npm."""
        return self.prefix / "node"

    @property
    def hub_port(self) -> int:
        """The hub's internal API port (loopback)."""
        return self.port + 1

    @property
    def proxy_api_port(self) -> int:
        """The proxy's REST API port (loopback)."""
        return self.port + 2

    @property
    def scheme(self) -> str:
        """The URL scheme: https with the hub's own certificate, else http (behind a proxy)."""
        return "https" if self.ssl_cert else "http"

    @property
    def public_url(self) -> str:
        """Where users open the hub (before any reverse proxy)."""
        host = "127.0.0.1" if self.ip in ("0.0.0.0", "") else self.ip
        return f"{self.scheme}://{host}:{self.port}{self.base_url}"

    @property
    def gradebook_db(self) -> str:
        """Database name and role of the gradebook."""
        return self.name.replace("-", "_") + "_gradebook"

    def gradebook_url(self) -> str:
        """SQLAlchemy URL of the gradebook, without password (the trainer's ~/.pgpass has it)."""
        db = self.gradebook_db
        return f"postgresql+psycopg2://{db}@127.0.0.1:{self.postgres_port}/{db}"

    def as_json(self) -> dict:
        """What the hub's configuration reads (settings.json); no secrets in it."""
        return {
            "prefix": str(self.prefix),
            "exchange": str(self.exchange),
            "ip": self.ip,
            "port": self.port,
            "base_url": self.base_url,
            "ssl_cert": self.ssl_cert,
            "ssl_key": self.ssl_key,
            "admin": self.admin,
            "trainer_group": self.trainer_group,
            "learner_group": self.learner_group,
            "name": self.name,
            "limits": self.limits,
            "culler": self.culler,
            "hub_port": self.hub_port,
            "proxy_api_port": self.proxy_api_port,
            "gradebook_url": self.gradebook_url(),
            "gradebook_db": self.gradebook_db,
            "postgres_port": self.postgres_port,
            "course_id": "eerlijk-werven-met-ai",
        }


def load(path: str | Path, **overrides) -> Settings:
    """Read ``hub.toml``; keyword arguments override it (None means: keep)."""
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    raw.update({k: v for k, v in overrides.items() if v is not None})
    limits = {
        role: {**DEFAULT_LIMITS[role], **raw.get("limits", {}).get(role, {})}
        for role in DEFAULT_LIMITS
    }
    base_url = raw.get("base_url", "/")
    base_url = "/" + base_url.strip("/") + "/" if base_url.strip("/") else "/"
    known = set(Settings.__dataclass_fields__)
    unknown = set(raw) - known
    if unknown:
        raise SystemExit(f"Onbekende instelling(en) in {path}: {', '.join(sorted(unknown))}")
    return Settings(
        **{
            **raw,
            "prefix": Path(raw["prefix"]),
            "exchange": Path(raw["exchange"]),
            "limits": limits,
            "base_url": base_url,
            "culler": {"idle_timeout": 3600, "max_age": 28800, **raw.get("culler", {})},
        }
    )
