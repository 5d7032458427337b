"""Which documents of a CoNLL-2003 file a hand-made event gold annotates: the first ones of each
half, in file order, whose text is running prose (not a results table or a list of scores), and
short enough to annotate whole.

A line (sentence) is prose when it has at least 10 tokens of which at most a fifth hold a digit,
and ends as a sentence does (a full stop, question or exclamation mark, or a closing quote);
a document is running prose when at least 4 of its lines are, making at least 60% of its lines,
and it has at most 300 words.

>>> running_prose("Rebels attacked the town of Goma on Friday , police in the province said .\\n" * 4)
True
>>> running_prose("Alex Zanardi ( Italy ) , Reynard Honda , 53.980 ( 113.576 mph )\\n" * 4)
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.evaluate.records import GoldDocument
from kg.evaluate.split import half_of

SENTENCE_ENDS = {".", "?", "!", '"', "'"}
MIN_TOKENS, MAX_DIGIT_SHARE, MIN_PROSE_LINES, MIN_PROSE_SHARE, MAX_WORDS = 10, 0.2, 4, 0.6, 300


def _prose_line(line: str) -> bool:
    tokens = line.split()
    return (
        len(tokens) >= MIN_TOKENS
        and tokens[-1] in SENTENCE_ENDS
        and sum(bool(re.search(r"\d", t)) for t in tokens) <= MAX_DIGIT_SHARE * len(tokens)
    )


def running_prose(text: str) -> bool:
    """Whether a CoNLL document's text (one sentence a line) is running prose of annotatable length."""
    lines = text.split("\n")
    prose = sum(_prose_line(line) for line in lines)
    return prose >= MIN_PROSE_LINES and prose >= MIN_PROSE_SHARE * len(lines) and len(text.split()) <= MAX_WORDS


def gold_documents(documents: Iterable[GoldDocument], per_half: int) -> list[str]:
    """The ids of the first ``per_half`` running-prose documents of each half, in file order."""
    taken = {"tune": 0, "check": 0}
    chosen = []
    for document in documents:
        half = half_of(document.id)
        if taken[half] < per_half and running_prose(document.text):
            taken[half] += 1
            chosen.append(document.id)
    return chosen
