"""Serial extraction and the garbage collector: the model is out of the collector's walks while
documents are extracted, and given back on exit (a frozen object in a reference cycle is never
collected), and the pipeline goes when the extractor does."""

from __future__ import annotations

import gc
import weakref

from kg.extract.runner import open_extractor
from kg.model import Document

TEXTS = [
    "Gunmen attacked a bus near Velmora on Monday, police said.",
    "The Ostravel council met on Tuesday to discuss the budget.",
    "A bomb exploded outside a bank in Velmora, killing two guards.",
]


def test_the_model_is_frozen_while_extracting_and_freed_after() -> None:
    extractor = open_extractor(workers=1, batch_size=1)
    pipeline = weakref.ref(extractor.nlp)
    with extractor:
        records = extractor.extract(Document.from_text(text, id=f"doc{n}") for n, text in enumerate(TEXTS))
        first = next(records)
        rest = list(records)
        frozen = gc.get_freeze_count()
    assert [r.doc.id for r in [first, *rest]] == ["doc0", "doc1", "doc2"]
    assert frozen > 10_000  # the model's objects, and what its components built on the first document
    assert gc.get_freeze_count() == 0
    del extractor, records, first, rest
    gc.collect()
    assert pipeline() is None
