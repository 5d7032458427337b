"""What the event scorers share: the benchmark label mappings, head words, the extraction run
and the counts.

Every benchmark's labels are first mapped onto the newskg vocabulary with the data file
``kg/evaluate/lexicons/event_benchmarks.json`` (documented in benchmarks/README.md).

>>> head_word("the French embassy in Lima"), head_word("EFD's"), head_word("two Malian embassy staff")
('embassy', 'efd', 'staff')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language

from kg.evaluate.records import GoldDocument
from kg.evaluate.scoring import PRF
from kg.extract.pipeline import extract
from kg.extract.triggers import event_types
from kg.model import DocExtraction, Document
from kg.names.lexicon import read_lexicon
from kg.resolve import resolve


@lru_cache(maxsize=1)
def mappings() -> dict:
    """The benchmark label mappings (``event_benchmarks.json``)."""
    return read_lexicon("kg.evaluate", "event_benchmarks.json")


def kairos_family(kairos_type: str) -> str:
    """A KAIROS type folded with the types scored as one (``same_type`` in the data file).

    >>> kairos_family("Conflict.Attack.DetonateExplode")
    'Conflict.Attack.Unspecified'
    """
    return mappings()["wikievents"]["same_type"].get(kairos_type, kairos_type)


def family(name: str) -> str:
    """The folded KAIROS type of a newskg class: its scoring family.

    >>> family("Bombing") == family("Attack"), family("ClaimOfResponsibility") == family("Statement")
    (True, True)
    """
    return kairos_family(event_types()[name].kairos)


def head_word(text: str) -> str:
    """The head noun of an argument phrase: the last word before a preposition, a relative
    pronoun or punctuation, lower-cased, without a possessive ending."""
    stops = set(mappings()["head_word_stops"])
    words = re.findall(r"[\w'’-]+|[,;:(]|--", text.lower())
    kept: list[str] = []
    for word in words:
        if word in stops and kept:
            break
        if word not in stops:
            kept.append(word)
    if not kept:
        return ""
    return re.sub(r"(['’]s?)$", "", kept[-1])


def run_extraction(
    documents: Iterable[GoldDocument], nlp: Language, batch_size: int = 16
) -> Iterator[tuple[GoldDocument, DocExtraction]]:
    """Extract and resolve each gold document's text, paired with its gold record."""
    documents = list(documents)
    records = [Document.from_text(d.text, id=d.id) for d in documents]
    for gold, extraction in zip(documents, extract(records, nlp, batch_size=batch_size), strict=True):
        yield gold, resolve(extraction)


@dataclass
class EventScores:
    """Named P/R/F1 counts (``scores``) and plain facts (``notes``) of one benchmark."""

    scores: dict[str, PRF] = field(default_factory=dict)
    notes: dict[str, int | float | str] = field(default_factory=dict)

    def add(self, name: str, tp: int, fp: int, fn: int) -> None:
        self.scores.setdefault(name, PRF())
        self.scores[name] += PRF(tp, fp, fn)

    def as_dict(self) -> dict:
        return {"scores": {k: v.as_dict() for k, v in self.scores.items()}, "notes": dict(self.notes)}


def matched(gold: set, predicted: set) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of two sets compared exactly."""
    hits = len(gold & predicted)
    return hits, len(predicted) - hits, len(gold) - hits
