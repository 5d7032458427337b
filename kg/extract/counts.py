"""Counts written as digits or words: "134", "at least 134", "two", "thirteen", "two hundred".

>>> words_to_int("two hundred"), words_to_int("1,200"), words_to_int("thirty-four"), words_to_int("few")
(200, 1200, 34, None)
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from kg.extract.lexicon import load_lexicon, word_list


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, int], dict[str, int]]:
    data = load_lexicon("number_words.json")
    return data["units"], data["multipliers"]


@lru_cache(maxsize=4096)
def words_to_int(text: str) -> int | None:
    """An integer for digits ("1,200") or number words ("twenty five"), else None (cached: the
    event links ask it of every pair of arguments)."""
    cleaned = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    units, multipliers = _words()
    if cleaned in units:
        return units[cleaned]
    total, current = 0, 0
    words = [w for w in re.split(r"[\s-]+", cleaned) if w and w != "and"]
    if not words:
        return None
    for word in words:
        if word in units:
            current += units[word]
        elif word in multipliers:
            current = max(current, 1) * multipliers[word]
            if multipliers[word] >= 1000:
                total, current = total + current, 0
        elif re.fullmatch(r"\d+", word):
            current += int(word)
        else:
            return None
    return total + current


def is_vague_quantity(token: Token) -> bool:
    """'dozens', 'thousands': a quantity word that names no number.

    >>> import spacy
    >>> [is_vague_quantity(t) for t in spacy.blank("en")("thousands of 12")]
    [True, False, False]
    """
    return token.lower_ in word_list("number_words.json", "vague")


def parse_count(token: Token) -> int | None:
    """The count a numeral token stands for, taking in its compound parts ("two hundred")."""
    parts = sorted(
        [token, *[c for c in token.children if c.dep_ in ("compound", "quantmod", "nummod")]], key=lambda t: t.i
    )
    parts = [t for t in parts if t.like_num or t.lower_ in _words()[0] or t.lower_ in _words()[1]]
    return words_to_int(" ".join(t.text for t in parts)) if parts else None
