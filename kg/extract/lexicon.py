"""Access to the data files in ``kg/extract/lexicons/``: every trigger word, title and
mapping the extractor uses lives there, not in code."""

from __future__ import annotations

from functools import cache

from kg.names.lexicon import read_lexicon


def load_lexicon(name: str) -> dict:
    """A JSON data file from ``kg/extract/lexicons`` (cached; do not mutate).

    >>> load_lexicon("modality.json")["future_aux"]
    ['will', 'shall']
    """
    return read_lexicon("kg.extract", name)


def event_class_names() -> list[str]:
    """The names of the event classes, as ``event_types.json`` lists them (kg.extract.triggers reads
    the rest of the typology; this needs no spaCy).

    >>> "Bombing" in event_class_names()
    True
    """
    return [name for name in load_lexicon("event_types.json") if not name.startswith("_")]


def hyphenated_trigger_words() -> list[str]:
    """The one-word triggers of ``event_types.json`` written with a hyphen ("sit-in", "shoot-out",
    "take-over"): spaCy's tokenizer splits words at hyphens, and their parts ("sit", "in") name
    no event, so the pipeline keeps them whole (:func:`kg.extract.pipeline.load_pipeline`).

    >>> "sit-in" in hyphenated_trigger_words()
    True
    """
    entries = load_lexicon("event_types.json")
    return sorted(
        {
            word
            for name, entry in entries.items()
            if not name.startswith("_")
            for kind in ("verbs", "nouns", "adjectives")
            for word in entry[kind]
            if "-" in word
        }
    )


@cache
def word_list(name: str, key: str) -> frozenset[str]:
    """One list of words of a lexicon file, as a set (cached).

    >>> "will" in word_list("modality.json", "future_aux")
    True
    """
    return frozenset(load_lexicon(name)[key])
