"""A small client for a deployed hub: its REST API and its users' servers, on loopback."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request


class HttpError(Exception):
    def __init__(self, status: int, body: str):
        super().__init__(f"HTTP {status}: {body[:300]}")
        self.status = status


class Hub:
    """The hub at ``url`` (ends in the base URL, e.g. http://127.0.0.1:18100/cursus/)."""

    def __init__(self, url: str):
        self.url = url if url.endswith("/") else url + "/"

    def request(
        self, method: str, path: str, token: str | None = None, body=None, timeout: float = 30
    ):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path.lstrip("/"), data=data, method=method)
        if token:
            req.add_header("Authorization", f"token {token}")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read()
                ctype = resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            raise HttpError(exc.code, exc.read().decode(errors="replace")) from None
        if "json" in ctype and raw:
            return json.loads(raw)
        return raw.decode(errors="replace")

    def status(self, method: str, path: str, token: str | None = None, body=None) -> int:
        """Only the HTTP status (for checks that something is refused)."""
        try:
            self.request(method, path, token, body)
            return 200
        except HttpError as exc:
            return exc.status

    def api(self, method: str, path: str, token: str, body=None, timeout: float = 30):
        return self.request(method, f"hub/api/{path.lstrip('/')}", token, body, timeout)

    def login_token(self, user: str, password: str) -> str:
        """A token for ``user`` from their system password (PAM), as a script would get one."""
        reply = self.request(
            "POST",
            f"hub/api/users/{user}/tokens",
            None,
            {"auth": {"username": user, "password": password}, "note": "test", "expires_in": 3600},
        )
        return reply["token"]

    def add_users(self, admin_token: str, names: list[str]) -> None:
        self.api("POST", "users", admin_token, {"usernames": names})

    def add_to_group(self, admin_token: str, group: str, names: list[str]) -> None:
        self.api("POST", f"groups/{group}/users", admin_token, {"users": names})

    def token_for(self, admin_token: str, user: str) -> str:
        """What an admin hands out: a token the user's scripts use (REST API log-in)."""
        reply = self.api(
            "POST", f"users/{user}/tokens", admin_token, {"note": "test", "expires_in": 3600}
        )
        return reply["token"]

    def start_server(self, token: str, user: str, timeout: float = 180) -> float:
        """Start the user's server and wait until it runs; the seconds it took."""
        started = time.monotonic()
        try:
            self.api("POST", f"users/{user}/server", token)
        except HttpError as exc:
            if exc.status != 400:  # 400: already running
                raise
        deadline = started + timeout
        while time.monotonic() < deadline:
            model = self.api("GET", f"users/{user}", token)
            server = model.get("servers", {}).get("", {})
            if server.get("ready"):
                return time.monotonic() - started
            if not model.get("pending") and not server:
                raise RuntimeError(f"server of {user} stopped while starting")
            time.sleep(0.5)
        raise TimeoutError(f"server of {user} not ready in {timeout} s")

    def stop_server(self, token: str, user: str) -> None:
        try:
            self.api("DELETE", f"users/{user}/server", token)
        except HttpError as exc:
            if exc.status not in (400, 404):
                raise

    def server(
        self, user: str, path: str, token: str, method: str = "GET", body=None, timeout: float = 60
    ):
        """A request to ``user``'s Jupyter server (``path`` under /user/<name>/)."""
        return self.request(method, f"user/{user}/{path.lstrip('/')}", token, body, timeout)
