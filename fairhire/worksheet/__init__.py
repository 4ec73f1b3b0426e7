"""The organisation worksheet of module m07 (in the spirit of the AIR discussion tool).

Plain functions first (``Worksheet``, the ``export_*`` functions); the ipywidgets form
(``worksheet_form``) is a thin layer over them.
"""

from .export import (
    export_html,
    export_markdown,
    export_pdf,
    export_worksheet,
    worksheet_html,
    worksheet_markdown,
    worksheet_pdf,
)
from .form import WorksheetForm, worksheet_form
from .questions import Question, Theme, WorksheetSpec, legal_keys, load_worksheet
from .sheet import Worksheet, WorksheetError

# Legal references the exported documents cite (checked by tests/test_legal_usage.py).
LEGAL_KEYS = legal_keys()

__all__ = [
    "LEGAL_KEYS",
    "Question",
    "Theme",
    "Worksheet",
    "WorksheetError",
    "WorksheetForm",
    "WorksheetSpec",
    "export_html",
    "export_markdown",
    "export_pdf",
    "export_worksheet",
    "legal_keys",
    "load_worksheet",
    "worksheet_form",
    "worksheet_html",
    "worksheet_markdown",
    "worksheet_pdf",
]
