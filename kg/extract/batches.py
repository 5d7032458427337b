"""Documents in batches to extraction workers, and their records back in input order.

What every way of running extraction shares (this process, worker processes, a Dask
cluster): :func:`extract_batch` is the work one worker does on one batch, and
:class:`OrderedBatches` is the bookkeeping of the side that hands batches out.

A batch whose worker is lost (the process died, the task failed) is tried once more;
lost again, its documents go out one at a time, so a document that kills its worker
costs only itself: it is reported as skipped with the reason, and the others are built.
The reader is pulled only while fewer than ``in_flight`` batches are out or waiting to
be consumed, so memory stays bounded however long the input (back-pressure).

>>> docs = [Document.from_text(t, id=t) for t in "abc"]
>>> jobs = OrderedBatches(docs, batch_size=2, in_flight=4)
>>> first, second = jobs.next_job(), jobs.next_job()
>>> [d.id for d in first.documents], [d.id for d in second.documents], jobs.next_job()
(['a', 'b'], ['c'], None)
>>> jobs.done(second, [DocExtraction(docs[2], "m")]); list(jobs.ready())  # the first batch is not back yet
[]
>>> [n.message for n in jobs.lost(first, "worker died")]
['worker died while extracting 2 document(s) from this one on; retrying once']
>>> retry = jobs.next_job(); jobs.lost(retry, "worker died again")
[]
>>> alone = [jobs.next_job(), jobs.next_job()]; [j.documents[0].id for j in alone]
['a', 'b']
>>> jobs.done(alone[1], [DocExtraction(docs[1], "m")]); jobs.lost(alone[0], "killed by signal 11")
[]
>>> [getattr(x, "reason", None) or x.doc.id for x in jobs.ready()], jobs.finished
(['worker died while extracting this document (killed by signal 11)', 'b', 'c'], True)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from kg.extract.models import describe_meta
from kg.ingest import Notice, Skipped
from kg.model import DocExtraction, Document

if TYPE_CHECKING:  # spaCy is loaded where extraction runs, not in a parallel build's writer
    from spacy.language import Language

SKIP_KIND = "extraction"
# What a worker returns for each document of a batch: its record, or why it could not be extracted.
Outcome = DocExtraction | str


def extract_batch(nlp: Language, documents: list[Document], batch_size: int = 32) -> list[Outcome]:
    """Extract a batch; when the batch fails, each document again on its own, so an exception
    (a MemoryError, a text over spaCy's length limit) costs only the document that raised it."""
    from kg.extract.pipeline import extract

    try:
        return list(extract(documents, nlp, batch_size=batch_size))
    except Exception:  # noqa: BLE001  (any failure of one document must not cost the others)
        outcomes: list[Outcome] = []
        for document in documents:
            try:
                outcomes.extend(extract([document], nlp))
            except Exception as error:  # noqa: BLE001
                outcomes.append(f"extraction failed: {error.__class__.__name__}: {str(error)[:300]}")
        return outcomes


def extract_here(nlp: Language, documents: Iterable[Document], batch_size: int) -> Iterator[DocExtraction | Skipped]:
    """Extraction in this process, batch after batch, with what the workers do to a failing document."""
    jobs = OrderedBatches(documents, batch_size, in_flight=1)
    while (job := jobs.next_job()) is not None:
        jobs.done(job, extract_batch(nlp, job.documents, batch_size))
        yield from jobs.ready()


def describe_pipeline(nlp: Language) -> dict[str, str]:
    """What extracts: ``extractor`` (recorded per document, see model_name) and ``label`` (for the summary)."""
    return describe_meta(nlp.meta)


def name_of(document: Document) -> str:
    """How a skipped document is named to the user: its id, and where it was read when that says more."""
    if document.source and document.source != document.id:
        return f"{document.source} (id {document.id})"
    return document.id


@dataclass
class Job:
    """Documents handed to one worker: part of batch ``batch`` starting at ``offset``."""

    batch: int
    offset: int
    documents: list[Document]
    retried: bool = False

    def dicts(self) -> list[dict[str, Any]]:
        return [document.to_dict() for document in self.documents]


@dataclass
class _Batch:
    documents: list[Document]
    outcomes: list[Outcome | None] = field(default_factory=list)
    missing: int = 0


class OrderedBatches:
    """Hands out jobs and gives back each document's record (or a :class:`Skipped`) in input order."""

    def __init__(self, documents: Iterable[Document], batch_size: int, in_flight: int):
        self._documents = iter(documents)
        self.batch_size = max(1, batch_size)
        self.in_flight = max(1, in_flight)
        self._batches: dict[int, _Batch] = {}
        self._retries: deque[Job] = deque()
        self._next_batch = 0  # the index the next new batch gets
        self._next_out = 0  # the batch ready() yields next
        self._exhausted = False

    def next_job(self) -> Job | None:
        """The next job to send: a retry first, else a new batch while the window allows; None: wait."""
        if self._retries:
            return self._retries.popleft()
        if self._exhausted or len(self._batches) >= self.in_flight:
            return None
        documents = list(islice(self._documents, self.batch_size))
        if not documents:
            self._exhausted = True
            return None
        index = self._next_batch
        self._next_batch += 1
        self._batches[index] = _Batch(documents, [None] * len(documents), len(documents))
        return Job(index, 0, documents)

    def done(self, job: Job, outcomes: list[Outcome]) -> None:
        """A job came back: one outcome per document, in the job's order."""
        if len(outcomes) != len(job.documents):
            raise ValueError(f"{len(outcomes)} outcomes for {len(job.documents)} documents")
        batch = self._batches[job.batch]
        for i, outcome in enumerate(outcomes):
            batch.outcomes[job.offset + i] = outcome
        batch.missing -= len(outcomes)

    def lost(self, job: Job, reason: str) -> list[Notice]:
        """A job's worker was lost: send it again once, then its documents one by one; a single
        document lost on its retry is skipped with ``reason``. Returns notices for the user."""
        if not job.retried:
            self._retries.append(Job(job.batch, job.offset, job.documents, retried=True))
            first = job.documents[0]
            return [
                Notice(
                    name_of(first),
                    f"{reason} while extracting {len(job.documents)} document(s) from this one on; retrying once",
                )
            ]
        if len(job.documents) > 1:
            for i, document in enumerate(job.documents):
                self._retries.append(Job(job.batch, job.offset + i, [document], retried=True))
            return []
        self.done(job, [f"worker died while extracting this document ({reason})"])
        return []

    @property
    def finished(self) -> bool:
        return self._exhausted and not self._batches and not self._retries

    def ready(self) -> Iterator[DocExtraction | Skipped]:
        """Every record that can be given out now, in input order (a skipped document as :class:`Skipped`)."""
        while (batch := self._batches.get(self._next_out)) is not None and not batch.missing:
            del self._batches[self._next_out]
            self._next_out += 1
            for document, outcome in zip(batch.documents, batch.outcomes, strict=True):
                if isinstance(outcome, str):
                    yield Skipped(name_of(document), outcome, SKIP_KIND)
                else:
                    yield outcome
