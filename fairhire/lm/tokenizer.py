"""Words and subword tokens: how text is cut into pieces before a model sees it.

Two levels:

* :func:`split_words` cuts a sentence into words and punctuation; the n-gram
  model of module 1 works on these.
* :func:`learn_bpe` and :func:`bpe_split` implement byte-pair encoding (BPE)
  on letters: start from single letters and repeatedly glue the pair that
  occurs most often into one new token. Large language models cut text this
  way (with tens of thousands of merges). Tokeniser libraries such as
  ``tokenizers`` or ``tiktoken`` are not installed here and come with large
  pre-trained vocabularies that no learner can read through, so this is a
  short hand-written version whose merges fit on one screen. For brevity it
  has no end-of-word marker, which real BPE tokenisers usually add.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# A word: letters/digits, optionally joined by an apostrophe or hyphen
# ("collega's", "mbo-niveau"); or one punctuation mark.
_WORD = re.compile(r"\w+(?:['’-]\w+)*|[.,:;!?]")
PUNCTUATION = frozenset(".,:;!?")


def split_words(text: str) -> list[str]:
    """Cut text into lower-case words and punctuation marks.

    >>> split_words("Je bent flexibel en zorgzaam.")
    ['je', 'bent', 'flexibel', 'en', 'zorgzaam', '.']
    """
    return _WORD.findall(text.lower())


def join_words(words: Iterable[str]) -> str:
    """Turn words back into a sentence: no space before punctuation, capital first letter."""
    text = ""
    for word in words:
        if word in PUNCTUATION or not text:
            text += word
        else:
            text += " " + word
    return text[:1].upper() + text[1:]


def learn_bpe(words: Iterable[str], n_merges: int = 300) -> list[tuple[str, str]]:
    """Learn byte-pair-encoding merges from a list of words.

    Parameters
    ----------
    words : iterable of str
        The words of a corpus, with repeats (frequent words weigh more).
        Punctuation is skipped.
    n_merges : int
        How many merges to learn; fewer merges give smaller pieces.

    Returns
    -------
    list of (str, str)
        The merges in the order they were learned. Each pair of adjacent
        tokens is glued into one new token.
    """
    freq = Counter(w for w in words if w not in PUNCTUATION)
    # Every word as a tuple of its current tokens, starting from letters.
    split = {word: tuple(word) for word in freq}
    merges: list[tuple[str, str]] = []
    for _ in range(n_merges):
        pairs: Counter = Counter()
        for word, tokens in split.items():
            for pair in zip(tokens, tokens[1:], strict=False):
                pairs[pair] += freq[word]
        if not pairs:
            break
        # Most frequent pair; ties broken alphabetically so the result is fixed.
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        split = {word: _merge(tokens, best) for word, tokens in split.items()}
    return merges


def _merge(tokens: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    out = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and (tokens[i], tokens[i + 1]) == pair:
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return tuple(out)


def bpe_split(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """Cut one word into tokens with learned merges.

    Merges are applied in the order they were learned, as in training, so a
    word is cut the same way as the training data was.

    >>> bpe_split("gesprek", [("g", "e"), ("s", "p"), ("ge", "sp")])
    ['gesp', 'r', 'e', 'k']
    """
    tokens = tuple(word.lower())
    rank = {pair: i for i, pair in enumerate(merges)}
    while len(tokens) > 1:
        candidates = [(rank[p], p) for p in zip(tokens, tokens[1:], strict=False) if p in rank]
        if not candidates:
            break
        tokens = _merge(tokens, min(candidates)[1])
    return list(tokens)


def bpe_tokenize(text: str, merges: list[tuple[str, str]]) -> list[str]:
    """Cut a text into subword tokens: words first, then BPE within each word."""
    tokens: list[str] = []
    for word in split_words(text):
        tokens.extend([word] if word in PUNCTUATION else bpe_split(word, merges))
    return tokens
