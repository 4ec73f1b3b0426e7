"""The start page's route table, generated from the module registry.

The text marks the generated part with two HTML comments (invisible in the rendered
notebook); ``fill_route`` replaces what lies between them with the current table.
"""

from __future__ import annotations

import re

START = "<!-- route: generated from fairhire/data/modules.toml -->"
END = "<!-- /route -->"

_REGION = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)


class RouteError(ValueError):
    """The route markers in a text are not paired."""


def fill_route(text: str, table: str) -> str:
    """Return ``text`` with every marked route region holding ``table``.

    Parameters
    ----------
    text : str
        A notebook's MyST text.
    table : str
        The Markdown table, from :func:`fairhire.modules.route_markdown`.

    Returns
    -------
    str
        The text with the table between the markers; unchanged without markers.
    """
    if text.count(START) != text.count(END):
        raise RouteError(f"De markeringen {START} en {END} horen in paren te staan.")
    # blank lines around the table: a comment line next to it would end up in a row
    block = f"{START}\n\n{table}\n\n{END}"
    return _REGION.sub(lambda _: block, text)
