"""Name normalisation, in one place: the keys names are matched on, articles, possessives, acronyms.

Extraction, resolution, mapping and evaluation all compare names through this module, so
"the Red Brigade", "Red  Brigade" and "RED BRIGADE" are one name everywhere. Two keys:

- :func:`compact_key` folds accents, case, spaces and punctuation away: the gazetteer's
  key, so "Sevare" finds "Sévaré" and "N.Y.C." finds "nyc";
- :func:`normalize_key` keeps the words (NFKC, white space collapsed, case folded): the
  identity key IRIs are minted from and names are compared on word by word.

The words it knows (articles, possessive endings, the small words acronyms skip) are data:
``kg/names/lexicons/names.json``.

>>> compact_key("Sévaré"), normalize_key("  Hadi   RASHAD "), comparable_name("the Red  Brigade")
('sevare', 'hadi rashad', 'red brigade')
>>> acronym_of("EFD", "Eastern Front of the Delta".split()), sorted(initials("Ministry of Defence".split()))
(True, ['md', 'mod'])
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from kg.names.lexicon import read_lexicon

_WORDS = read_lexicon("kg.names", "names.json")
DEFINITE_ARTICLES = frozenset(_WORDS["definite_articles"])
ARTICLES = DEFINITE_ARTICLES | frozenset(_WORDS["indefinite_articles"])
POSSESSIVE_ENDINGS = frozenset(_WORDS["possessive_endings"])
ACRONYM_SKIPPED = frozenset(_WORDS["acronym_skipped"])

_NOT_KEY = re.compile(r"[\W_]+")
# For ASCII text, compact_key keeps letters and digits only; "\x00" survives to split on.
_ASCII_NOT_KEY = {code: None for code in range(128) if not chr(code).isalnum() and code != 0}


@lru_cache(maxsize=65536)
def compact_key(text: str) -> str:
    """Fold accents, case, spaces and punctuation: the key the gazetteer matches names on."""
    if text.isascii():  # nothing to decompose: the common case, kept fast
        return _NOT_KEY.sub("", text.lower())
    decomposed = unicodedata.normalize("NFKD", text)
    no_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_KEY.sub("", no_marks.casefold())


def ascii_compact_keys(names: Iterable[str]) -> set[str]:
    """:func:`compact_key` of many ASCII names at once (one pass: the 350,000 alternate names of
    GeoNames' cities take half the time of one call each).

    >>> sorted(ascii_compact_keys(["New York", "N.Y.C.", "nyc"]))
    ['newyork', 'nyc']
    """
    names = list(names)
    return set("\x00".join(names).lower().translate(_ASCII_NOT_KEY).split("\x00")) if names else set()


def compact_keys(texts: list[str]) -> list[str]:
    """:func:`compact_key` of each of many names, in order: the ASCII ones in one pass (a
    dictionary's 28,000 names in a tenth of the time of one call each).

    >>> compact_keys(["New York", "Zürich", "N.Y.C."])
    ['newyork', 'zurich', 'nyc']
    """
    ascii_names = [text for text in texts if text.isascii() and "\x00" not in text]
    keys = iter("\x00".join(ascii_names).lower().translate(_ASCII_NOT_KEY).split("\x00") if ascii_names else [])
    return [next(keys) if text.isascii() and "\x00" not in text else compact_key(text) for text in texts]


def normalize_key(text: str, casefold: bool = True) -> str:
    """The identity key of a name: NFKC, whitespace collapsed, case folded."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return text.casefold() if casefold else text


def strip_article(name: str, articles: frozenset[str] = ARTICLES) -> str:
    """The name without a leading article ("the Red Brigade" -> "Red Brigade"); a lone word stays.

    >>> strip_article("the Red Brigade"), strip_article("A Coruña", DEFINITE_ARTICLES), strip_article("The")
    ('Red Brigade', 'A Coruña', 'The')
    """
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].casefold() in articles else name


def name_words(name: str) -> list[str]:
    """The words of a name's identity key."""
    return normalize_key(name).split()


def comparable_name(name: str) -> str:
    """A name as names are compared: identity key without a leading article."""
    return normalize_key(strip_article(name))


def is_part_of(part: Sequence[str], full: Sequence[str]) -> bool:
    """True when the words ``part`` are a contiguous run of the longer ``full`` ("Rashad" in "Hadi Rashad").

    >>> is_part_of(["rashad"], ["hadi", "rashad"]), is_part_of(["hadi", "rashad"], ["hadi", "rashad"])
    (True, False)
    """
    n = len(part)
    return 0 < n < len(full) and any(list(full[i : i + n]) == list(part) for i in range(len(full) - n + 1))


def initials(words: Sequence[str]) -> set[str]:
    """The acronyms a multi-word name may have, case folded: the initials of every word, and of
    the words an acronym does not skip ("Eastern Front of the Delta" -> efotd, efd)."""
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words if w[:1].isalnum()).casefold()
    content = "".join(w[0] for w in words if w[:1].isalnum() and w.casefold() not in ACRONYM_SKIPPED).casefold()
    return {every, content} - {""}


def acronym_of(short: str, words: Sequence[str]) -> bool:
    """True when ``short`` spells the initials of ``words``, skipping small words or not.

    >>> acronym_of("MoD", ["Ministry", "of", "Defence"]), acronym_of("IS", ["Iraqi", "Security", "Forces"])
    (True, False)
    """
    return len(short) >= 2 and short.casefold() in initials(words)


def is_acronym(name: str) -> bool:
    """A name written as an acronym: one upper-case word of two to eight letters ("EFD")."""
    return " " not in name.strip() and name.isupper() and 2 <= len(name) <= 8


__all__ = [
    "ACRONYM_SKIPPED",
    "ARTICLES",
    "DEFINITE_ARTICLES",
    "POSSESSIVE_ENDINGS",
    "acronym_of",
    "ascii_compact_keys",
    "comparable_name",
    "compact_key",
    "initials",
    "is_acronym",
    "is_part_of",
    "name_words",
    "normalize_key",
    "strip_article",
]
