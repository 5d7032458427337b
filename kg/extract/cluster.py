"""Extraction on a Dask distributed cluster (``kg build --scheduler tcp://HOST:8786``).

Needs the optional extra ``newskg[distributed]`` here and on every worker machine. A
worker plugin loads the spaCy pipeline once in each worker process (again when a worker
restarts); batches of documents go out as tasks, at most ``in_flight`` at a time, and
their records come back to this process (the client), where they are given out in input
order to the one writer. The scheduler already moves the task of a lost worker elsewhere;
a task that fails all the same is sent again once, then document by document
(kg.extract.batches), so a document that keeps killing workers costs only itself.

Start a cluster with ``dask scheduler`` on one machine and ``dask worker tcp://HOST:8786
--nworkers N --nthreads 1 --preload kg.extract.cluster`` on each machine (one thread: a
worker process runs one batch at a time through its own pipeline). The preload loads the
pipeline as each worker process starts (:func:`dask_setup`), so that builds find it ready
instead of waiting for every worker to load it; without it, the plugin loads it. Both set the
worker's malloc to keep what it frees (:func:`keep_freed_memory`); the preload also stops
Dask's statistical profiler in the worker (:func:`stop_profiler`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

try:
    import click
    from distributed import Client, as_completed, get_worker
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as missing:  # pragma: no cover  (the extra is installed in the test environment)
    raise ImportError(
        f"--scheduler needs Dask distributed ({missing}); install it with: pip install 'newskg[distributed]'"
    ) from None

from kg.extract.batches import OrderedBatches, extract_batch
from kg.extract.models import default_model
from kg.extract.parallel import PipelineWorker, extract_documents
from kg.ingest import Notice, Skipped
from kg.model import DocExtraction, Document

if TYPE_CHECKING:
    from spacy.language import Language

PLUGIN_NAME = "newskg-pipeline"
# Batches out at once, per worker thread of the cluster: enough that no worker waits for the client.
IN_FLIGHT_PER_THREAD = 2


# glibc's malloc in a worker process (see keep_freed_memory): blocks up to MMAP_THRESHOLD come from the
# heap, and up to TRIM_THRESHOLD of free memory at its top stays there. These are the largest values
# glibc's own adaptive thresholds reach on 64-bit Linux (32 MiB, and twice that), which a process started
# without Dask's MALLOC_TRIM_THRESHOLD_ works with.
MMAP_THRESHOLD = 32 * 2**20
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt's parameters (malloc.h)


def keep_freed_memory() -> bool:
    """Let this worker process's malloc keep memory it freed, for the next batch, instead of handing it
    back to the system at once; True when glibc took the setting.

    A Dask nanny starts each worker process with ``MALLOC_TRIM_THRESHOLD_=65536`` (its
    ``distributed.nanny.pre-spawn-environ``), so that workers holding data give back what they free. A
    newskg worker holds no data between tasks, and extracting a batch frees and allocates the model's
    arrays over and over: with the nanny's setting (which also turns off glibc's adaptive thresholds)
    every array above 128 KiB was mapped fresh and every freed page returned, and the worker's
    extraction took ~20 % more CPU than the same batches in a ``--workers`` process, most of it page
    faults in the kernel (benchmarks/README.md, session 9, branch dask9)."""
    if os.name != "posix":
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (macOS, musl without mallopt): its own defaults stay
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))


# A short invented text run once after a preload: the components' first document builds their indexes
# (the gazetteer's, ~0.4 s), which the first build would otherwise wait for.
WARM_UP_TEXT = "Officials in Lima said on Monday that two police officers were wounded in an attack."
# Pipelines a worker process loaded as it started (--preload kg.extract.cluster), by model name.
_preloaded: dict[str, Language] = {}


# The worker's periodic callbacks of Dask's statistical profiler (distributed/worker.py).
PROFILER_CALLBACKS = ("profile", "profile-cycle")


def stop_profiler(worker: Any) -> list[str]:
    """Stop Dask's statistical profiler in this worker; the callbacks it stopped.

    Every 10 ms the worker's event loop takes Python's lock to walk the stack of the thread running
    the task (spaCy's, deep) for the dashboard's profile page. In a newskg worker that was ~45 % of
    the event loop's CPU, ~0.4 CPU s a worker per 500 documents (benchmarks/README.md, session 9)."""
    stopped = []
    for name in PROFILER_CALLBACKS:
        if (callback := worker.periodic_callbacks.pop(name, None)) is not None:
            callback.stop()
            stopped.append(name)
    return stopped


@click.command()
@click.option("--newskg-model", default=None, help="The spaCy pipeline to load (default: newskg's).")
@click.option(
    "--newskg-keep-profiler", is_flag=True, help="Keep Dask's statistical profiler (the dashboard's profile page)."
)
def dask_setup(worker: Any, newskg_model: str | None, newskg_keep_profiler: bool) -> None:
    """Dask's preload hook (``dask worker ADDRESS --preload kg.extract.cluster [--newskg-model NAME]``):
    load the pipeline in this worker process as it starts; the plugin then takes it instead of loading.
    It also lets malloc keep what it frees (:func:`keep_freed_memory`) and, unless
    ``--newskg-keep-profiler``, stops Dask's statistical profiler (:func:`stop_profiler`)."""
    keep_freed_memory()
    if not newskg_keep_profiler:
        stop_profiler(worker)
    name = newskg_model or default_model()
    state = PipelineWorker(name, batch_size=1)  # one BLAS thread, and the pipeline
    extract_batch(state.nlp, [Document.from_text(WARM_UP_TEXT, id="warm-up")], 1)
    _preloaded[name] = state.nlp


class DifferentPipelines(RuntimeError):
    """The cluster's workers do not all run the same pipeline (newskg or model versions differ)."""


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once in each worker process the cluster has or starts."""

    name = PLUGIN_NAME

    def __init__(self, model: str | None, batch_size: int):
        self.model = model
        self.batch_size = batch_size
        self.worker_state: PipelineWorker | None = None

    def setup(self, worker: Any) -> None:
        keep_freed_memory()  # again: a worker started without the preload
        preloaded = _preloaded.get(self.model or default_model())
        self.worker_state = PipelineWorker(self.model, self.batch_size, preloaded)


def _state(dask_worker: Any) -> PipelineWorker:
    return dask_worker.plugins[PLUGIN_NAME].worker_state


def _describe(dask_worker: Any = None) -> dict[str, str]:
    # client.run passes the worker as ``dask_worker``.
    return _state(dask_worker).describe()


def _extract_task(documents: list[dict[str, Any]]) -> list:
    return extract_documents(_state(get_worker()), documents)


class ClusterExtractor:
    """Extraction on the Dask cluster whose scheduler is at ``address``; a context manager
    (it connects, installs the pipeline plugin on every worker, and disconnects)."""

    def __init__(self, address: str, model: str | None, batch_size: int = 32, in_flight: int | None = None):
        self.address = address
        self.model = model
        self.batch_size = batch_size
        self.in_flight = in_flight
        self.description: dict[str, str] = {}
        self.client: Client | None = None

    def __enter__(self) -> ClusterExtractor:
        self.client = Client(self.address)
        try:
            self.client.register_plugin(PipelinePlugin(self.model, self.batch_size), name=PLUGIN_NAME)
            found = {tuple(sorted(d.items())) for d in self.client.run(_describe).values()}
            if len(found) > 1:
                raise DifferentPipelines(f"the workers at {self.address} run different pipelines: {sorted(found)}")
            if not found:
                raise RuntimeError(f"the Dask cluster at {self.address} has no workers")
            self.description = dict(found.pop())
            if self.in_flight is None:
                threads = sum(self.client.nthreads().values())
                self.in_flight = max(2, IN_FLIGHT_PER_THREAD * threads)
        except BaseException:
            self.client.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None

    def extract(self, documents: Iterable[Document]) -> Iterator[DocExtraction | Skipped | Notice]:
        """Records (or Skipped) in input order; a Notice when a task failed and was sent again."""
        assert self.client is not None, "use ClusterExtractor as a context manager"
        jobs = OrderedBatches(documents, self.batch_size, self.in_flight or 2)
        out = as_completed()
        sent: dict[str, tuple[Any, Any]] = {}  # future key -> (future, job)
        try:
            while not jobs.finished:
                while (job := jobs.next_job()) is not None:
                    future = self.client.submit(_extract_task, job.dicts(), pure=False)
                    sent[future.key] = (future, job)
                    out.add(future)
                if not sent:
                    break
                future = next(out)
                _, job = sent.pop(future.key)
                if future.status == "finished":
                    jobs.done(job, future.result())
                else:
                    error = future.exception()
                    yield from jobs.lost(job, f"a cluster task failed ({error.__class__.__name__}: {error})")
                future.release()
                yield from jobs.ready()
        finally:
            if sent:  # stopped early (Ctrl-C, an error in the writer): the cluster drops the rest
                self.client.cancel([future for future, _ in sent.values()])
