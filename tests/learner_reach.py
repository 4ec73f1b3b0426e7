"""What a learner's JupyterLab serves: walk its contents API and look for trainer material."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request

from fairhire.workspace import TRAINER_FOLDERS, TRAINER_MARKERS, TRAINER_PREFIX

# Paths outside the served folder that must not answer (the source tree's trainer material).
PROBES = (
    "api/contents/solutions",
    "api/contents/sources",
    "api/contents/..%2Fsolutions",
    "api/contents/..%2F..%2Fsolutions",
    "files/solutions/m08/TRAINER_vendor_flaws.md",
    "files/..%2Fsolutions/m08/TRAINER_vendor_flaws.md",
    # a terminal reaches the whole disk, the source tree included
    "api/terminals",
)


def get(base: str, token: str, path: str):
    req = urllib.request.Request(f"{base}/{path}", headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.read()


def contents(base: str, token: str, path: str) -> dict:
    quoted = urllib.parse.quote(path)
    return json.loads(get(base, token, f"api/contents/{quoted}?content=1"))


def walk(base: str, token: str) -> dict[str, str]:
    """Every file the contents API serves, by path, with its content as text."""
    served: dict[str, str] = {}
    todo = [""]
    while todo:
        model = contents(base, token, todo.pop())
        if model["type"] == "directory":
            todo += [entry["path"] for entry in model["content"]]
            continue
        body = model["content"]
        if model["type"] == "notebook":
            text = json.dumps(body, ensure_ascii=False)
        elif model.get("format") == "base64":
            text = base64.b64decode(body).decode("utf-8", errors="replace")
        else:
            text = body
        served[model["path"]] = text
    return served


def trainer_material(served: dict[str, str]) -> list[str]:
    """Served files that are trainer material by place, name or content, with the reason."""
    found = []
    for path, text in served.items():
        parts = path.split("/")
        if parts[0] in TRAINER_FOLDERS:
            found.append(f"{path}: under {parts[0]}/")
        if any(p.startswith(TRAINER_PREFIX) for p in parts):
            found.append(f"{path}: named {TRAINER_PREFIX}*")
        found += [f"{path}: contains {m!r}" for m in TRAINER_MARKERS if m in text]
    return found


def answering_probes(base: str, token: str) -> list[str]:
    """The :data:`PROBES` that the server answers (none should)."""
    answered = []
    for probe in PROBES:
        try:
            get(base, token, probe)
        except urllib.error.HTTPError:
            continue
        answered.append(probe)
    return answered
