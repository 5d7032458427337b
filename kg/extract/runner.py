"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

Each way is an extractor, a context manager with ``description`` (``extractor``: what
is recorded per document; ``label``: the model, for the summary) and ``extract(documents)``
yielding, in input order, a DocExtraction per document or a Skipped for a document that
could not be extracted, with a Notice when a lost batch was sent again. All three yield
the same records for the same documents.

>>> with open_extractor(workers=1) as extractor:
...     [x.entities[0].name for x in extractor.extract([Document.from_text("Lima is calm.")])]
['Lima']
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Protocol

from threadpoolctl import threadpool_limits

from kg.extract.backend import one_blas_thread
from kg.extract.batches import describe_pipeline, extract_here
from kg.extract.parallel import ProcessExtractor, default_workers
from kg.ingest import Notice, Skipped
from kg.model import DocExtraction, Document


class Extractor(AbstractContextManager, Protocol):
    description: dict[str, str]

    def extract(self, documents: Iterable[Document]) -> Iterator[DocExtraction | Skipped | Notice]: ...


class SerialExtractor:
    """Extraction in this process (``--workers 1``): today's path, with a failing document skipped."""

    def __init__(self, model: str | None, batch_size: int = 32):
        from kg.extract.pipeline import load_pipeline  # spaCy: only where extraction runs

        self.nlp = load_pipeline(model)
        self.batch_size = batch_size
        self.description = describe_pipeline(self.nlp)
        self._threads: threadpool_limits | None = None

    def __enter__(self) -> SerialExtractor:
        self._threads = one_blas_thread()  # kg/extract/backend.py; restored on exit
        gc.freeze()  # see extract
        return self

    def __exit__(self, *exc: object) -> None:
        if self._threads is not None:
            gc.unfreeze()  # back in the collector's sight: frozen cycles would never be collected
            self._threads.restore_original_limits()
            self._threads = None

    def extract(self, documents: Iterable[Document]) -> Iterator[DocExtraction | Skipped | Notice]:
        records = extract_here(self.nlp, documents, self.batch_size)
        return self._frozen_after_first(records) if self._threads is not None else records

    @staticmethod
    def _frozen_after_first(records: Iterator[DocExtraction | Skipped]) -> Iterator[DocExtraction | Skipped]:
        """The records, with every object alive once the first batch is through (the model, and what its
        components build on the first document: the gazetteer's index) out of the collector's sight until
        exit: each full collection the documents' objects set off walked these ~270,000 objects again
        (frozen objects still go when nothing refers to them; only cycles wait for the exit)."""
        for count, record in enumerate(records):
            yield record
            if count == 0:
                gc.freeze()


def open_extractor(
    model: str | None = None, workers: int | None = None, scheduler: str | None = None, batch_size: int = 32
) -> Extractor:
    """The extractor for these options: ``scheduler`` (a Dask address) first, else ``workers``
    processes (None: :func:`default_workers`; 1: this process)."""
    if scheduler:
        from kg.extract.cluster import ClusterExtractor  # Dask is an optional extra

        return ClusterExtractor(scheduler, model, batch_size=batch_size)
    count = default_workers() if workers is None else workers
    if count < 1:
        raise ValueError(f"workers must be at least 1, not {count}")
    if count == 1:
        return SerialExtractor(model, batch_size)
    return ProcessExtractor(model, count, batch_size)
