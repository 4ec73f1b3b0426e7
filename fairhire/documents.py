"""Shared plumbing for the documents the course writes: atomic files, HTML templates, PDF fonts.

The worksheet export (m07) and the audit report (m08) both use it. A learner's
document is written to a temporary file next to the target and then moved into
place, so a crash or a full disk never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

import jinja2

from .paths import repo_root


def write_atomic(path: str | os.PathLike, data: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    Parameters
    ----------
    path : str or PathLike
        The target file; missing parent folders are created.
    data : str or bytes
        Text (encoded with ``encoding``) or raw bytes.
    encoding : str
        Encoding for text data.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode(encoding) if isinstance(data, str) else bytes(data)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a document is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def default_folder() -> Path:
    """Where a learner's documents go when no folder is given: the current folder.

    One exception: a notebook run inside the course's ``solutions/`` folder (the trainer's
    nbgrader source, also executed by the test suite) writes to ``test-artifacts/documents``
    in the course repository instead. Everything in ``solutions/<module>`` is released to
    learners, so generated files must not land there.
    """
    cwd = Path.cwd().resolve()
    root = repo_root()
    if root is not None and cwd.is_relative_to(root / "solutions"):
        return root / "test-artifacts" / "documents" / cwd.name
    return cwd


@cache
def template_env() -> jinja2.Environment:
    """The jinja2 environment for the package's HTML templates (autoescaped).

    Templates live in ``fairhire/data`` (``*_template.html``) so that the package-data
    rule that ships the TOML files ships them too.
    """
    return jinja2.Environment(
        loader=jinja2.PackageLoader("fairhire", "data"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, **context) -> str:
    """Render one template from ``fairhire/data``."""
    return template_env().get_template(name).render(**context)


@cache
def pdf_fonts() -> tuple[str, str]:
    """Names of a regular and a bold font for reportlab that cover all of Unicode's Latin text.

    matplotlib ships DejaVu Sans; registering it lets a PDF show characters such as
    'ł' or 'ğ' in names that the built-in Helvetica lacks. Falls back to Helvetica.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        import matplotlib

        fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(fonts / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(fonts / "DejaVuSans-Bold.ttf")))
        return "DejaVuSans", "DejaVuSans-Bold"
    except Exception:  # pragma: no cover - matplotlib is a dependency
        return "Helvetica", "Helvetica-Bold"


def pdf_escape(text: str) -> str:
    """Escape text for a reportlab ``Paragraph`` (which reads a small XML markup)."""
    from xml.sax.saxutils import escape

    return escape(str(text)).replace("\n", "<br/>")
