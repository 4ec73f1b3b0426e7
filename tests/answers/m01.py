"""m01 · Een taalmodel van binnen: right and wrong answers."""

TABLE = {
    "m01-count-pairs": {
        "right": {
            "skeleton": "def count_pairs(words):\n    counts = {}\n"
            "    for word, next_word in zip(words, words[1:]):\n"
            "        pair = (word, next_word)\n"
            "        counts[pair] = counts.get(pair, 0) + 1\n    return counts",
            "counter": "from collections import Counter\n\n"
            "def count_pairs(words):\n    return dict(Counter(zip(words, words[1:])))",
            "index-loop": "def count_pairs(words):\n    counts = {}\n"
            "    for i in range(len(words) - 1):\n"
            "        pair = (words[i], words[i + 1])\n"
            "        if pair in counts:\n            counts[pair] += 1\n"
            "        else:\n            counts[pair] = 1\n    return counts",
        },
        "wrong": {
            "return-in-loop": "def count_pairs(words):\n    counts = {}\n"
            "    for word, next_word in zip(words, words[1:]):\n"
            "        pair = (word, next_word)\n"
            "        counts[pair] = counts.get(pair, 0) + 1\n        return counts",
            "always-one": "def count_pairs(words):\n    counts = {}\n"
            "    for word, next_word in zip(words, words[1:]):\n"
            "        counts[(word, next_word)] = 1\n    return counts",
            "reversed-pair": "def count_pairs(words):\n    counts = {}\n"
            "    for word, next_word in zip(words, words[1:]):\n"
            "        pair = (next_word, word)\n"
            "        counts[pair] = counts.get(pair, 0) + 1\n    return counts",
            "skips-full-stops": "def count_pairs(words):\n    counts = {}\n"
            "    for word, next_word in zip(words, words[1:]):\n"
            "        if '.' in (word, next_word):\n            continue\n"
            "        counts[(word, next_word)] = counts.get((word, next_word), 0) + 1\n"
            "    return counts",
        },
    },
    "m01-probabilities": {
        "right": {
            "comprehension": "n_total = sum(counts_after_je.values())\n"
            "probabilities = {w: c / n_total for w, c in counts_after_je.items()}",
            "typed-total": "probabilities = {word: count / 365 for word, count in counts_after_je.items()}",
            "numpy": "import numpy as np\n"
            "probabilities = {w: np.float64(c) / np.sum(list(counts_after_je.values()))"
            " for w, c in counts_after_je.items()}",
        },
        "wrong": {
            "per-word-count": "probabilities = {w: c / len(counts_after_je) for w, c in counts_after_je.items()}",
            "uniform": "probabilities = {w: 1 / len(counts_after_je) for w in counts_after_je}",
            "by-max": "probabilities = {w: c / max(counts_after_je.values()) for w, c in counts_after_je.items()}",
            "shifted": "_words = list(counts_after_je)\n_total = sum(counts_after_je.values())\n"
            "probabilities = {w: counts_after_je[_words[i - 1]] / _total for i, w in enumerate(_words)}",
        },
    },
    "m01-most-likely": {
        "right": {
            "functions": 'after_wij = most_likely_next_word(model, "wij")\n'
            'p_zoeken = next_word_distribution(model, "wij")["zoeken"]',
            "counts": '_c = model.counts[("wij",)]\nafter_wij = max(_c, key=_c.get)\n'
            'p_zoeken = _c["zoeken"] / sum(_c.values())',
            "spacing-and-case": "_d = next_word_distribution( model , 'wij' )\n"
            "after_wij = ' ' + max(_d, key=_d.get).capitalize() + ' '\np_zoeken = _d['zoeken']",
        },
        "wrong": {
            "asked-word": 'after_wij = "zoeken"\np_zoeken = next_word_distribution(model, "wij")["zoeken"]',
            "max-probability": 'after_wij = most_likely_next_word(model, "wij")\n'
            'p_zoeken = max(next_word_distribution(model, "wij").values())',
            "lesson-example": 'after_wij = most_likely_next_word(model, "je")\n'
            'p_zoeken = next_word_distribution(model, "je")["werkt"]',
            "hot": 'after_wij = most_likely_next_word(model, "wij")\n'
            'p_zoeken = next_word_distribution(model, "wij", temperature=2)["zoeken"]',
        },
    },
    "m01-temperature": {
        "right": {
            "keywords": 'p_cold = next_word_distribution(model, "je", temperature=0.5)["werkt"]\n'
            'p_hot = next_word_distribution(model, "je", temperature=2)["werkt"]',
            "positional": 'p_cold = next_word_distribution(model, "je", 0.5)["werkt"]\n'
            'p_hot = next_word_distribution(model, "je", 2.0)["werkt"]',
            "numpy": "import numpy as np\n"
            'p_cold = np.float64(next_word_distribution(model, "je", temperature=1 / 2)["werkt"])\n'
            'p_hot = np.float64(next_word_distribution(model, "je", temperature=2)["werkt"])',
        },
        "wrong": {
            "swapped": 'p_cold = next_word_distribution(model, "je", temperature=2)["werkt"]\n'
            'p_hot = next_word_distribution(model, "je", temperature=0.5)["werkt"]',
            "five": 'p_cold = next_word_distribution(model, "je", temperature=5)["werkt"]\n'
            'p_hot = next_word_distribution(model, "je", temperature=2)["werkt"]',
            "other-word": 'p_cold = next_word_distribution(model, "je", temperature=0.5)["bent"]\n'
            'p_hot = next_word_distribution(model, "je", temperature=2)["bent"]',
            "one-and-a-half": 'p_cold = next_word_distribution(model, "je", temperature=0.5)["werkt"]\n'
            'p_hot = next_word_distribution(model, "je", temperature=1.5)["werkt"]',
        },
    },
    "m01-temperature-choice": {
        "right": {"letter": 'temperature_answer = "B"', "lower-case": "temperature_answer = ' b'"},
        "wrong": {
            "A": 'temperature_answer = "A"',
            "C": 'temperature_answer = "C"',
            "D": 'temperature_answer = "D"',
        },
    },
    "m01-stereotype": {
        "right": {
            "len-list": 'nurse_zij = len([s for s in nurse_sentences if "zij" in split_words(s)])\n'
            'mechanic_zij = len([s for s in mechanic_sentences if "zij" in split_words(s)])',
            "sum": 'nurse_zij = sum("zij" in split_words(s) for s in nurse_sentences)\n'
            'mechanic_zij = sum(1 for s in mechanic_sentences if "zij" in split_words(s))',
            "loop": "nurse_zij = 0\nfor s in nurse_sentences:\n"
            '    if "zij" in split_words(s):\n        nurse_zij += 1\n'
            "mechanic_zij = 0\nfor s in mechanic_sentences:\n"
            '    if "zij" in split_words(s):\n        mechanic_zij += 1',
        },
        "wrong": {
            "swapped": 'mechanic_zij = sum("zij" in split_words(s) for s in nurse_sentences)\n'
            'nurse_zij = sum("zij" in split_words(s) for s in mechanic_sentences)',
            "hij": 'nurse_zij = sum("hij" in split_words(s) for s in nurse_sentences)\n'
            'mechanic_zij = sum("hij" in split_words(s) for s in mechanic_sentences)',
            "same-list-twice": 'nurse_zij = sum("zij" in split_words(s) for s in nurse_sentences)\n'
            'mechanic_zij = sum("zij" in split_words(s) for s in nurse_sentences)',
            "all-sentences": "nurse_zij = len(nurse_sentences)\n"
            'mechanic_zij = sum("zij" in split_words(s) for s in mechanic_sentences)',
        },
    },
    "m01-fluent-false": {
        "right": {
            "sum-not": "n_new = sum(not occurs_in_corpus(s, corpus) for s in generated)\n"
            "share_new = n_new / len(generated)",
            "list": "share_new = len([s for s in generated if not occurs_in_corpus(s, corpus)]) / 50",
            "numpy": "import numpy as np\n"
            "share_new = np.mean([occurs_in_corpus(s, corpus) == False for s in generated])  # noqa: E712",
        },
        "wrong": {
            "share-old": "share_new = sum(occurs_in_corpus(s, corpus) for s in generated) / len(generated)",
            "by-forty": "share_new = sum(not occurs_in_corpus(s, corpus) for s in generated) / 40",
            "first-five": "share_new = sum(not occurs_in_corpus(s, corpus) for s in generated[:5]) / 5",
            "count": "share_new = sum(not occurs_in_corpus(s, corpus) for s in generated)",
        },
    },
}
