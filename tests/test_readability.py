"""Plain Dutch (B1): sentence length of everything a learner reads (issue 15).

What is measured
----------------
Three groups of learner-facing prose:

- ``lessons``: the markdown cells of ``course/*.ipynb`` and the glossary
  ``course/begrippenlijst.md``;
- ``exercises``: the markdown cells of ``exercises/*/*.ipynb`` (the learner's copy, so no
  solutions and no trainer notes);
- ``legal``: ``summary_nl`` and ``status_nl`` of every reference in ``fairhire/data/legal.toml``
  and the certainty line the learner sees (``LegalReference.certainty_nl``).

Thresholds: lessons and exercises at most 14 words a sentence on average and at most 2% of
sentences over 25 words; legal texts at most 15 on average and none over 25.

How it is measured
------------------
Words are counted with textstat (``lexicon_count`` after ``set_lang("nl")``: punctuation
removed, then split on white space), a maintained readability library with Dutch settings.
textstat also gives the Flesch-Douma reading ease, shown in the failure message for
information only. textstat's own sentence counter splits at every full stop, also in
"art. 22", "o.a." or "0.7", and gives no length per sentence, so sentences are split here by
these written rules:

1. Left out: fenced code blocks, display maths, HTML comments, headings (``#``), table rows
   (lines that start with ``|``), horizontal rules, and YAML front matter. A table or a heading
   is not running prose, and code is not Dutch.
2. Inline code and URLs count as one word (inline code may start a sentence, as in
   "... doen. `isna()` zoekt ..."); a link counts as its text; emphasis marks and HTML tags are
   dropped (their text stays).
3. A blank line, a new list item (``-``, ``*``, ``+``, ``1.``) and a line ending in ``:`` end a
   sentence: a list is a list, not one long sentence.
4. Inside a paragraph a sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by white space
   and then a capital, a digit, a quote, a bracket or an emoji, or at the end of the text.
   Not after the abbreviations in ``_ABBREVIATIONS`` (``art.``, ``bijv.``, ``o.a.``, ...) or
   after a single capital letter (an initial such as "J. Dastin").
5. A "sentence" of fewer than 3 words (a label such as "💡 Hint" or a one-word list item) is
   not counted, as textstat does in its own sentence count.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import nbformat
import pytest
import textstat

from fairhire import legal_references

from .conftest import ROOT

textstat.set_lang("nl")

LIMITS = {
    # group: (max average words per sentence, max share of sentences over 25 words)
    "lessons": (14.0, 0.02),
    "exercises": (14.0, 0.02),
    "legal": (15.0, 0.0),
}
LONG = 25

_ABBREVIATIONS = {
    "art",
    "artt",
    "bijv",
    "bv",
    "ca",
    "d.w.z",
    "dhr",
    "dr",
    "e.a",
    "e.d",
    "e.v",
    "enz",
    "etc",
    "evt",
    "i.p.v",
    "incl",
    "jl",
    "m.a.w",
    "mevr",
    "min",
    "mr",
    "nr",
    "nrs",
    "o.a",
    "o.b.v",
    "p",
    "pag",
    "resp",
    "t.a.v",
    "t.o.v",
    "vgl",
    "vs",
    "z.g",
    "zgn",
    "lid",
    "e.g",
    "i.e",
    "al",
    "no",
    "prof",
    "St",
    "blz",
    "jr",
    "max",
    "gem",
}
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_MATH = re.compile(r"\$\$.*?\$\$", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S+")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)|(?<=\S)(\*\*|__|\*|_)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_END = re.compile(r"([.!?…]+)[\"'”’)]*\s+(?=[A-ZÀ-ÖØ-Þ0-9\"'“‘(\[¿¡]|[^\w\s])")


@dataclass(frozen=True)
class Sentence:
    where: str
    text: str

    @property
    def words(self) -> int:
        return textstat.lexicon_count(self.text)


def _clean(text: str) -> str:
    text = _INLINE_CODE.sub(" Code ", text)
    text = _LINK.sub(r"\1", text)
    text = _URL.sub(" url ", text)
    text = _TAG.sub(" ", text)
    return _EMPH.sub("", text)


def _units(markdown: str) -> list[str]:
    """Paragraphs and list items, with code, maths, tables and headings left out (rules 1-3)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---", 4)
        markdown = markdown[end + 4 :] if end > 0 else markdown
    markdown = _COMMENT.sub("", _MATH.sub("", _FENCE.sub("", markdown)))
    units, current = [], []
    for raw in markdown.splitlines():
        line = raw.strip()
        if line.startswith(">"):
            line = line.lstrip("> ").strip()
        if (
            not line
            or line.startswith(("#", "|"))
            or re.fullmatch(r"[-*_]{3,}", line)
            or _LIST_ITEM.match(raw)
        ):
            if current:
                units.append(" ".join(current))
            current = []
            if not line or line.startswith(("#", "|")) or re.fullmatch(r"[-*_]{3,}", line):
                continue
            line = _LIST_ITEM.sub("", raw).strip()
        current.append(line)
        if line.endswith(":"):
            units.append(" ".join(current))
            current = []
    if current:
        units.append(" ".join(current))
    return [_clean(u) for u in units]


def _split(unit: str) -> list[str]:
    """Sentences of one paragraph (rule 4)."""
    out, start = [], 0
    for m in _END.finditer(unit):
        before = unit[start : m.start(1)]
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        token = last.strip("(\"'“‘")
        if m.group(1) == "." and (
            token in _ABBREVIATIONS
            or token.lower() in _ABBREVIATIONS
            or re.fullmatch(r"[A-Z]", token)
            or re.fullmatch(r"(?:[a-zA-Z]\.)+[a-zA-Z]", token)
        ):
            continue
        out.append(unit[start : m.end(1)])
        start = m.end()
    out.append(unit[start:])
    return [s.strip() for s in out if s.strip()]


def sentences(markdown: str, where: str) -> list[Sentence]:
    """The counted sentences of a piece of markdown (rules 1 to 5)."""
    found = [Sentence(where, s) for u in _units(markdown) for s in _split(u)]
    return [s for s in found if s.words >= 3]


def _notebook_sentences(paths) -> list[Sentence]:
    out = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "markdown":
                out += sentences(cell.source, f"{path.relative_to(ROOT)} cel {i}")
    return out


def group_sentences(group: str) -> list[Sentence]:
    if group == "lessons":
        glossary = ROOT / "course" / "begrippenlijst.md"
        return _notebook_sentences(sorted((ROOT / "course").glob("m*.ipynb"))) + sentences(
            glossary.read_text(encoding="utf-8"), "course/begrippenlijst.md"
        )
    if group == "exercises":
        return _notebook_sentences(sorted((ROOT / "exercises").glob("m*/*.ipynb")))
    out = []
    for key, ref in legal_references().items():
        for field in ("summary_nl", "status_nl", "certainty_nl"):
            out += sentences(getattr(ref, field), f"legal.toml [{key}] {field}")
    return out


def summary(group: str) -> dict:
    found = group_sentences(group)
    lengths = [s.words for s in found]
    text = " ".join(s.text for s in found)
    return {
        "sentences": len(found),
        "average": statistics.mean(lengths),
        "over_25": sum(n > LONG for n in lengths),
        "share_over_25": sum(n > LONG for n in lengths) / len(lengths),
        "flesch_douma": textstat.flesch_reading_ease(text),
        "longest": sorted(found, key=lambda s: -s.words)[:15],
    }


@pytest.mark.parametrize("group", sorted(LIMITS))
def test_prose_is_plain_dutch(group):
    max_average, max_share = LIMITS[group]
    s = summary(group)
    assert s["sentences"] > 50, f"{group}: te weinig zinnen gevonden ({s['sentences']})"
    longest = "\n".join(f"  {x.words} woorden, {x.where}: {x.text[:120]}" for x in s["longest"])
    info = (
        f"{group}: {s['sentences']} zinnen, gemiddeld {s['average']:.1f} woorden, "
        f"{s['over_25']} boven {LONG} ({s['share_over_25']:.1%}), "
        f"Flesch-Douma {s['flesch_douma']:.0f}\nlangste zinnen:\n{longest}"
    )
    assert s["average"] <= max_average, info
    assert s["share_over_25"] <= max_share, info


def test_legal_lists_are_lists():
    # An enumeration with semicolons inside one sentence reads as a list: write it as one.
    for key, ref in legal_references().items():
        for sent in sentences(ref.summary_nl, key):
            assert sent.text.count(";") <= 2, (key, sent.text)


def test_sentence_rules():
    text = (
        "# Kop\n\nDit is een zin met art. 22 van de AVG erin. Volgens J. Dastin was het zo! "
        "Een score van 0.7 telt, o.a. hier.\n\n- eerste punt van een lijst\n- tweede punt "
        "van de lijst\n\n| a | b |\n|---|---|\n\n```python\nx = 1. Nog iets\n```\n"
        "Zie `show_legal(...)` en [de les](https://example.nl): daar staat het. 💡 Hint"
    )
    found = [s.text for s in sentences(text, "test")]
    assert found == [
        "Dit is een zin met art. 22 van de AVG erin.",
        "Volgens J. Dastin was het zo!",
        "Een score van 0.7 telt, o.a. hier.",
        "eerste punt van een lijst",
        "tweede punt van de lijst",
        "Zie  Code  en de les: daar staat het.",
    ]


if __name__ == "__main__":  # pragma: no cover - numbers for a report
    for name in sorted(LIMITS):
        s = summary(name)
        print(
            f"{name}: {s['sentences']} zinnen, gemiddeld {s['average']:.2f} woorden, "
            f"{s['over_25']} boven {LONG} ({s['share_over_25']:.2%}), "
            f"Flesch-Douma {s['flesch_douma']:.0f}"
        )
