"""Run code in a kernel of a user's server through the hub (REST + websocket), as JupyterLab does."""

from __future__ import annotations

import json
import time
import uuid

from tornado.httpclient import HTTPRequest
from tornado.ioloop import IOLoop
from tornado.websocket import websocket_connect

from .client import Hub


class KernelDied(Exception):
    """The kernel went away while running (e.g. ended by the memory limit)."""


def start_kernel(hub: Hub, user: str, token: str) -> str:
    return hub.server(user, "api/kernels", token, method="POST", body={"name": "python3"})["id"]


def execute(hub: Hub, user: str, token: str, kernel: str, code: str, timeout: float = 120):
    """Run ``code``; return (stdout text, seconds to the first output, seconds in all)."""
    return IOLoop.current().run_sync(
        lambda: _execute(hub, user, token, kernel, code, timeout), timeout=timeout + 10
    )


async def _execute(hub, user, token, kernel, code, timeout):
    ws_url = hub.url.replace("http", "ws", 1) + f"user/{user}/api/kernels/{kernel}/channels"
    conn = await websocket_connect(
        HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}, request_timeout=timeout)
    )
    msg_id = uuid.uuid4().hex
    conn.write_message(
        json.dumps(
            {
                "header": {
                    "msg_id": msg_id,
                    "msg_type": "execute_request",
                    "username": user,
                    "session": uuid.uuid4().hex,
                    "version": "5.3",
                },
                "parent_header": {},
                "metadata": {},
                "content": {
                    "code": code,
                    "silent": False,
                    "store_history": False,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
                "channel": "shell",
                "buffers": [],
            }
        )
    )
    started = time.monotonic()
    first = None
    out: list[str] = []
    deadline = started + timeout
    try:
        while time.monotonic() < deadline:
            raw = await conn.read_message()
            if raw is None:
                raise KernelDied("websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                if msg.get("msg_type") == "status" and msg["content"].get("execution_state") in (
                    "dead",
                    "restarting",
                ):
                    raise KernelDied(msg["content"]["execution_state"])
                continue
            kind = msg["msg_type"]
            if kind in ("stream", "execute_result", "display_data", "error") and first is None:
                first = time.monotonic() - started
            if kind == "stream":
                out.append(msg["content"]["text"])
            elif kind == "error":
                out.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
            elif kind == "status" and msg["content"]["execution_state"] in ("dead", "restarting"):
                raise KernelDied(msg["content"]["execution_state"])
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                return "".join(out), first, time.monotonic() - started
        raise TimeoutError(f"no reply in {timeout} s")
    finally:
        conn.close()
