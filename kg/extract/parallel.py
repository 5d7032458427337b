"""Extraction in worker processes on this machine (``kg build --workers N``).

Each worker is a process of its own (started fresh, "spawn": nothing of the parent's
store or threads is copied) that loads the spaCy pipeline once, then extracts the
batches it is sent, one at a time, over a pipe of its own. The parent knows which batch
each worker holds, so a worker that dies (a segfault, the OOM killer, ``kill -9``)
costs exactly its batch: retried once, then document by document (kg.extract.batches).
Workers ignore Ctrl-C: the parent alone stops them, after the writer has stored the
documents it was given, so no document is half written.

Work is sent only to an idle worker, and between two records the consumer gets, the
parent collects results and sends more: a worker waits at most for the writer to
finish one document.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as wait_for
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from kg.extract.backend import one_blas_thread
from kg.extract.batches import Job, OrderedBatches, describe_pipeline, extract_batch, extract_here
from kg.extract.models import describe_meta, installed_meta
from kg.ingest import Notice, Skipped
from kg.model import DocExtraction, Document

if TYPE_CHECKING:  # loaded by the workers (and by this process for an input of one batch)
    from spacy.language import Language

# Worker processes: at most this many by default, however many cores (each holds a pipeline, ~250 MB).
MAX_DEFAULT_WORKERS = 8
# Seconds a worker is given to leave after being asked to stop, before it is terminated.
STOP_TIMEOUT = 5.0


def default_workers() -> int:
    """The cores this process may use, capped at :data:`MAX_DEFAULT_WORKERS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


class WorkerSetupFailed(RuntimeError):
    """A worker could not get ready (the pipeline did not load); the message is the worker's error."""


def _serve(conn: Connection, setup: Callable[..., Any], setup_args: tuple, work: Callable[[Any, Any], Any]) -> None:
    """A worker's life: ``state = setup(*setup_args)``, then ``work(state, payload)`` for each payload."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        state = setup(*setup_args)
    except BaseException as error:  # noqa: BLE001  (reported to the parent, which raises it)
        conn.send(("setup-failed", f"{error.__class__.__name__}: {error}"))
        return
    conn.send(("ready", describe(state)))
    while (message := conn.recv()) is not None:
        try:
            conn.send(("done", work(state, message)))
        except Exception as error:  # noqa: BLE001  (the parent counts it as a lost job)
            conn.send(("failed", f"{error.__class__.__name__}: {error}"))


def describe(state: Any) -> Any:
    """What a worker reports once ready: its ``describe()`` if it has one."""
    return state.describe() if hasattr(state, "describe") else None


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    job: Job | None = None


class ProcessPool:
    """``workers`` processes, each running ``setup(*setup_args)`` once, then ``work(state, payload)``
    on each payload it is sent. A worker gets work once it reports ready (no waiting for the
    slowest to start); ``expected``, when given, is what each must report (else it raises)."""

    def __init__(
        self,
        workers: int,
        setup: Callable[..., Any],
        setup_args: tuple,
        work: Callable[[Any, Any], Any],
        expected: Any = None,
    ):
        self.workers = workers
        self.setup, self.setup_args, self.work = setup, setup_args, work
        self.expected = expected
        self._live: list[_Worker] = []
        self._context = multiprocessing.get_context("spawn")

    def start(self) -> ProcessPool:
        """Start the workers (they load in the background)."""
        self._live.extend(self._spawn() for _ in range(self.workers))
        return self

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child, self.setup, self.setup_args, self.work), name="newskg-extract", daemon=True
        )
        # Started with Ctrl-C ignored (inherited through exec; Python then leaves it ignored), so
        # that one pressed while the worker imports does not kill it with a traceback.
        if threading.current_thread() is threading.main_thread():
            handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                process.start()
            finally:
                signal.signal(signal.SIGINT, handler)
        else:
            process.start()
        child.close()
        return _Worker(process, parent)

    def _watched(self) -> dict[Any, _Worker]:
        """The handles to watch: the pipe and the life of each worker that is starting or busy."""
        watched = {}
        for worker in self._live:
            if not worker.ready or worker.job is not None:
                watched[worker.conn] = watched[worker.process.sentinel] = worker
        return watched

    def run(self, jobs: OrderedBatches, notices: list[Notice]) -> bool:
        """Take in what came back and send jobs to idle workers, without waiting; True if anything happened."""
        moved = False
        watched = self._watched()
        for handle in wait_for(list(watched), timeout=0):
            worker = watched[handle]
            if not worker.ready:
                self._greet(worker)
                moved = True
            elif worker.job is not None:  # else already answered through its other handle
                self._collect(worker, jobs, notices)
                moved = True
        for worker in list(self._live):
            if worker.ready and worker.job is None and (job := jobs.next_job()) is not None:
                worker.job, moved = job, True
                try:
                    worker.conn.send(job.dicts())
                except OSError:  # it died while idle
                    self._collect(worker, jobs, notices)
        return moved

    def wait(self) -> None:
        """Block until a starting or busy worker answers or dies."""
        if watched := self._watched():
            wait_for(list(watched))

    def _greet(self, worker: _Worker) -> None:
        try:
            kind, detail = worker.conn.recv()
        except (EOFError, OSError):
            raise WorkerSetupFailed(f"a worker process exited while starting ({_exit_reason(worker)})") from None
        if kind != "ready":
            raise WorkerSetupFailed(detail)
        if self.expected is not None and detail != self.expected:
            raise WorkerSetupFailed(f"a worker loaded {detail}, not {self.expected}")
        worker.ready = True

    def _collect(self, worker: _Worker, jobs: OrderedBatches, notices: list[Notice]) -> None:
        job, worker.job = worker.job, None
        try:
            kind, detail = worker.conn.recv() if worker.conn.poll() else ("died", None)
        except (EOFError, ConnectionError, OSError):
            kind, detail = "died", None
        if kind == "done":
            jobs.done(job, detail)
            return
        if kind == "failed":
            notices += jobs.lost(job, f"the worker failed ({detail})")
            return
        notices += jobs.lost(job, f"a worker process died ({_exit_reason(worker)})")
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.process.join(timeout=STOP_TIMEOUT)
        worker.conn.close()
        self._live[self._live.index(worker)] = self._spawn()

    def close(self, at_once: bool = False) -> None:
        """Ask every worker to leave (``at_once``: stop them without waiting, as after Ctrl-C)."""
        for worker in self._live:
            try:
                if at_once:
                    worker.process.kill()
                else:
                    worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in self._live:
            worker.process.join(timeout=STOP_TIMEOUT)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._live.clear()


def _exit_reason(worker: _Worker) -> str:
    worker.process.join(timeout=1.0)
    code = worker.process.exitcode
    if code is None:
        return "no answer"
    if code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


class PipelineWorker:
    """A worker's state: the spaCy pipeline, loaded once (or ``nlp``, one this process loaded before)."""

    def __init__(self, model: str | None, batch_size: int, nlp: Language | None = None):
        from kg.extract.pipeline import load_pipeline

        one_blas_thread()  # the worker's own process: one BLAS thread for good (kg/extract/backend.py)
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.batch_size = batch_size

    def describe(self) -> dict[str, str]:
        return describe_pipeline(self.nlp)


def extract_documents(worker: PipelineWorker, documents: list[dict[str, Any]]) -> list:
    """The work of a worker: one batch of documents (as dicts) to records or failure reasons."""
    return extract_batch(worker.nlp, [Document.from_dict(d) for d in documents], worker.batch_size)


class ProcessExtractor:
    """Extraction in ``workers`` processes; use as a context manager (it stops them).

    ``in_flight`` bounds the batches out or waiting for the writer (default: two per worker).
    The workers start with the second batch: an input that fits in one batch is extracted
    in this process, sparing a short run the workers' start (each loads the pipeline)."""

    def __init__(
        self,
        model: str | None,
        workers: int,
        batch_size: int = 32,
        in_flight: int | None = None,
        work: Callable[[PipelineWorker, list[dict[str, Any]]], list] | None = None,
    ):
        self.model = model
        self.batch_size = batch_size
        self.in_flight = in_flight or 2 * workers
        # ``work`` (default extract_documents) must be importable by name: the workers are spawned.
        self.description = describe_meta(installed_meta(model))
        self.pool = ProcessPool(
            workers, PipelineWorker, (model, batch_size), work or extract_documents, expected=self.description
        )

    def __enter__(self) -> ProcessExtractor:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self.pool.close(at_once=kind is not None)

    def extract(self, documents: Iterable[Document]) -> Iterator[DocExtraction | Skipped | Notice]:
        """Records (or Skipped) in input order; a Notice when a worker was lost and its batch sent again."""
        documents = iter(documents)
        head = list(islice(documents, self.batch_size + 1))
        if len(head) <= self.batch_size:
            from kg.extract.pipeline import load_pipeline

            with one_blas_thread():
                yield from extract_here(load_pipeline(self.model), head, self.batch_size)
            return
        self.pool.start()
        jobs = OrderedBatches(chain(head, documents), self.batch_size, self.in_flight)
        notices: list[Notice] = []
        while not jobs.finished:
            moved = self.pool.run(jobs, notices)
            yield from notices
            notices.clear()
            for item in jobs.ready():
                yield item
                self.pool.run(jobs, notices)  # keep the workers fed while the writer stores a document
            if not moved:  # workers starting or busy: wait for one
                self.pool.wait()
