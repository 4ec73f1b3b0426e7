"""What the first cell of every notebook switches on, and display helpers."""

from __future__ import annotations

from . import errors
from .resources import legal
from .running_notebook import in_notebook, remember_module


def start(module: str | None = None) -> None:
    """Prepare a notebook for a learner; called by the first cell of every notebook.

    Sets pandas display options, remembers the module (for the self-check) and,
    inside IPython, switches on the Dutch explanations of errors
    (:mod:`fairhire.errors`). Outside IPython it only prints the greeting.

    Parameters
    ----------
    module : str, optional
        The module id (``"m00"`` ... ``"m08"``), shown in the greeting.
    """
    try:
        import pandas as pd

        # Enough columns and rows to read a table, not so many that it floods the screen.
        pd.set_option("display.max_columns", 30)
        pd.set_option("display.max_rows", 20)
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    remember_module(module)
    try:
        explained = errors.install()
    except Exception:  # noqa: BLE001 - a notebook must start even if IPython misbehaves
        explained = False
    label = f"module {module}" if module else "de cursus"
    print(f"✅ Klaar om te beginnen met {label}. Voer de cellen één voor één uit (Shift+Enter).")
    if explained:
        print("Gaat er iets mis? Dan legt de cursus de foutmelding in gewone taal uit.")


def legal_markdown(key: str) -> str:
    """Markdown for one legal reference: summary, date (if any), status, source and certainty.

    A reference without a date gets no date line (never "n.v.t.", which a learner reads as
    "not applicable"). The certainty line comes from ``LegalReference.certainty_nl``.
    """
    ref = legal(key)
    lines = [
        f"*{ref.date_line_nl}*" if ref.date_line_nl else "",
        f"*Stand van zaken ({ref.checked}):* {ref.status_nl}",
        f"*Bron:* {ref.source}",
        f"*Zekerheid:* {ref.certainty_nl}",
    ]
    return f"**{ref.article}** — {ref.instrument}\n\n{ref.summary_nl}\n\n" + "  \n".join(
        line for line in lines if line
    )


def show_legal(*keys: str) -> None:
    """Display legal references in a notebook (plain text outside one)."""
    text = "\n\n---\n\n".join(legal_markdown(k) for k in keys)
    if in_notebook():
        from IPython.display import Markdown, display

        display(Markdown(text))
    else:
        print(text)
