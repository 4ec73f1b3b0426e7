"""What the first cell of every notebook switches on, and display helpers."""

from __future__ import annotations

from .resources import legal


def start(module: str | None = None) -> None:
    """Prepare a notebook for a learner; called by the first cell of every notebook.

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
    label = f"module {module}" if module else "de cursus"
    print(f"✅ Klaar om te beginnen met {label}. Voer de cellen één voor één uit (Shift+Enter).")


def legal_markdown(key: str) -> str:
    """Markdown for one legal reference: summary, source and status date."""
    ref = legal(key)
    return (
        f"**{ref.article}** — {ref.instrument}\n\n"
        f"{ref.summary_nl}\n\n"
        f"*Van toepassing vanaf:* {ref.applies_from or 'n.v.t.'}  \n"
        f"*Stand van zaken ({ref.checked}):* {ref.status_nl}  \n"
        f"*Bron:* {ref.source}"
    )


def show_legal(*keys: str) -> None:
    """Display legal references in a notebook (plain text outside one)."""
    text = "\n\n---\n\n".join(legal_markdown(k) for k in keys)
    if _in_notebook():
        from IPython.display import Markdown, display

        display(Markdown(text))
    else:
        print(text)


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    shell = get_ipython()
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"
