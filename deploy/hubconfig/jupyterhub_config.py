"""JupyterHub's configuration for the course, written by deploy/hub.py.

Everything that differs between servers is in settings.json beside this file
(written from hub.toml); the secrets are files in secrets/, readable by root
only. Edit hub.toml and run the installer again instead of editing this file.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the spawner and its helpers live beside this file

S = json.loads((HERE / "settings.json").read_text())
PREFIX = Path(S["prefix"])
VENV = PREFIX / "venv"
SECRETS = HERE / "secrets"
STATE = PREFIX / "state"

c = get_config()  # noqa: F821 (provided by JupyterHub)

# --- where the hub listens: the proxy in front, the hub and the proxy's API on loopback
c.JupyterHub.bind_url = (
    f"{'https' if S['ssl_cert'] else 'http'}://{S['ip']}:{S['port']}{S['base_url']}"
)
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{S['hub_port']}"
if S["ssl_cert"]:
    c.JupyterHub.ssl_cert = S["ssl_cert"]
    c.JupyterHub.ssl_key = S["ssl_key"]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{S['proxy_api_port']}"
c.ConfigurableHTTPProxy.command = [
    str(PREFIX / "node" / "node_modules" / ".bin" / "configurable-http-proxy")
]
c.ConfigurableHTTPProxy.auth_token = (SECRETS / "proxy_token").read_text().strip()
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.JupyterHub.cookie_secret_file = str(SECRETS / "cookie_secret")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cleanup_servers = True  # stopping the hub stops the users' servers

# --- accounts: system users through PAM; nobody signs up, the admin adds people
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.admin_users = {S["admin"]}
c.Authenticator.allowed_users = set()
c.Authenticator.allow_existing_users = True  # users the admin added through the API or admin page
c.LocalAuthenticator.create_system_users = True
c.LocalAuthenticator.add_user_cmd = [
    "useradd",
    "-m",
    "-U",
    "-K",
    "UMASK=0077",
    "-s",
    "/bin/bash",
    "-G",
    S["learner_group"],
]
c.PAMAuthenticator.open_sessions = False
c.JupyterHub.load_groups = {"trainers": {"users": []}, "learners": {"users": []}}

# --- each user's server: their own system user, home and limits
c.JupyterHub.spawner_class = "limited_spawner.LimitedSpawner"
c.LimitedSpawner.settings = S
c.LimitedSpawner.secrets_dir = str(SECRETS)
c.Spawner.cmd = [str(VENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    "PATH": f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTHONHASHSEED": "0",
}
# A class logging in at once queues for the CPU: on 2 cores, 20 learners at once took 2 minutes
# to a running server (benchmarks/bench_hub.py, machine busy), so 120 s let 9 of 20 fail.
# Waiting longer is better than a failed start.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300

# --- idle servers are stopped by jupyterhub-idle-culler
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            str(VENV / "bin" / "python"),
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={S['culler']['idle_timeout']}",
            f"--max-age={S['culler']['max_age']}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
