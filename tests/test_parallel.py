"""Parallel builds: worker processes and a Dask cluster write exactly the serial build's graph;
a worker that dies costs its batch one retry, a document that keeps killing workers costs itself."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from spacy.language import Language

from kg.build import build
from kg.evaluate.readers import read_redocred, read_wikievents
from kg.extract.batches import extract_here
from kg.extract.parallel import PipelineWorker, ProcessExtractor, extract_documents
from kg.model import Document

from .conftest import SAMPLES, shared_data
from .local_site import serve
from .test_store import documents_so_far

# A few hundred short development documents (WikiEvents' 20 long ones, Re-DocRED's first 120).
REDOCRED_DOCUMENTS = 120
BATCH = 8  # small batches, so two workers get many and finish them out of order
# The samples (7 articles), the seed article and the development documents.
DOCUMENTS = 7 + 1 + 20 + REDOCRED_DOCUMENTS
CRASH_MARK = "this sentence crashes the worker"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """The samples, the seed article and the development documents as one JSONL file."""
    path = tmp_path_factory.mktemp("parallel-corpus") / "dev.jsonl"
    documents = list(read_wikievents(shared_data("wikievents", "dev.jsonl")))
    documents += list(read_redocred(shared_data("redocred", "dev.json")))[:REDOCRED_DOCUMENTS]
    with path.open("w", encoding="utf-8") as out:
        for n, gold in enumerate(documents):
            out.write(json.dumps({"id": f"dev-{n}", "text": gold.text}) + "\n")
    return [str(SAMPLES), str(shared_data("seed", "iraq-defense-minister.txt")), str(path)]


def sorted_nquads(out: Path) -> list[str]:
    return sorted(line for line in (out / "graph.nq").read_text(encoding="utf-8").splitlines() if line)


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    summary = build(corpus, out, workers=1, batch_size=BATCH)
    assert summary.documents_built == DOCUMENTS and not summary.skipped
    return sorted_nquads(out)


def test_two_workers_write_the_serial_graph(corpus, serial, tmp_path):
    summary = build(corpus, tmp_path, workers=2, batch_size=BATCH)
    assert summary.documents_built == DOCUMENTS and not summary.skipped and not summary.notices
    assert sorted_nquads(tmp_path) == serial


# Page faults a thread takes making and freeing a 3 MiB array (768 pages, under numpy's huge-page size)
# ARRAYS times: about ARRAYS * 768 when malloc hands each one back to the system, 768 once when it keeps it.
ARRAYS = 20
ARRAY_PAGES = 3 * 2**20 // 4096


def faults_of_freed_arrays(dask_worker: object = None) -> int:
    """Minor page faults of this thread over ARRAYS arrays made and freed (``dask_worker``: client.run's)."""
    import resource

    import numpy

    before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
    for _ in range(ARRAYS):
        numpy.ones(ARRAY_PAGES * 4096, dtype=numpy.uint8)
    return resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before


def test_a_worker_under_a_dask_nanny_keeps_the_memory_it_freed():
    """A Dask nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536: every array above 128 KiB is
    then mapped fresh and faulted in page by page; keep_freed_memory lets malloc reuse what it freed."""
    code = (
        "from tests.test_parallel import faults_of_freed_arrays as faults\n"
        "from kg.extract.cluster import keep_freed_memory\n"
        "print(faults(), keep_freed_memory(), faults())\n"
    )
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "65536", "PYTHONPATH": root}
    printed = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True
    )
    before, kept, after = printed.stdout.split()
    assert kept == "True"
    assert int(before) > ARRAYS * ARRAY_PAGES * 0.9  # each array faulted in anew
    assert int(after) < 2 * ARRAY_PAGES  # the first array's pages, reused by the others


def test_dask_cluster_writes_the_serial_graph(corpus, serial, tmp_path):
    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        summary = build(corpus, tmp_path, scheduler=cluster.scheduler_address, batch_size=BATCH)
        with Client(cluster.scheduler_address) as client:
            faults = client.run(faults_of_freed_arrays)
    assert summary.documents_built == DOCUMENTS and not summary.skipped
    assert sorted_nquads(tmp_path) == serial
    # The build's plugin set each worker's malloc to keep what it frees (the nanny had told it not to).
    assert all(count < 2 * ARRAY_PAGES for count in faults.values()), faults


def test_workers_started_with_the_preload_build_with_the_pipeline_they_loaded(corpus, serial, tmp_path):
    """``dask worker ... --preload kg.extract.cluster``: each worker process loads the pipeline as it
    starts, and the build's plugin takes that one instead of loading another; the graph is the same.
    The preload also set malloc to keep what it frees, and stopped Dask's profiler."""
    from distributed import Client, LocalCluster

    from kg.extract import cluster as cluster_module

    def preloaded_in_use(dask_worker) -> bool:
        state = cluster_module._state(dask_worker)
        return any(state.nlp is nlp for nlp in cluster_module._preloaded.values())

    def profiling(dask_worker) -> list[str]:
        return [name for name in cluster_module.PROFILER_CALLBACKS if name in dask_worker.periodic_callbacks]

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        preload=["kg.extract.cluster"],
    ) as cluster:
        summary = build(corpus, tmp_path, scheduler=cluster.scheduler_address, batch_size=BATCH)
        with Client(cluster.scheduler_address) as client:
            in_use = client.run(preloaded_in_use)
            faults = client.run(faults_of_freed_arrays)
            profilers = client.run(profiling)
    assert summary.documents_built == DOCUMENTS and not summary.skipped
    assert sorted_nquads(tmp_path) == serial
    assert list(in_use.values()) == [True, True]
    assert all(count < 2 * ARRAY_PAGES for count in faults.values()), faults
    assert list(profilers.values()) == [[], []]  # the preload stopped Dask's profiler


def worker_processes(parent: int | None = None) -> list[psutil.Process]:
    return [p for p in psutil.Process(parent).children() if "spawn_main" in " ".join(p.cmdline())]


def test_a_killed_worker_costs_its_batch_one_retry(corpus, serial, tmp_path):
    killed = []

    def kill_one_worker(_document) -> None:
        if not killed and (workers := worker_processes()):
            killed.append(workers[0].pid)
            os.kill(workers[0].pid, signal.SIGKILL)

    summary = build(corpus, tmp_path, workers=2, batch_size=BATCH, on_document=kill_one_worker)
    assert killed
    assert not psutil.pid_exists(killed[0]) or psutil.Process(killed[0]).status() == psutil.STATUS_ZOMBIE
    [notice] = summary.notices
    assert "a worker process died (killed by SIGKILL)" in notice["message"] and "retrying once" in notice["message"]
    assert summary.documents_built == DOCUMENTS and not summary.skipped
    assert sorted_nquads(tmp_path) == serial
    assert not worker_processes()  # the workers (the replacement too) are gone


def crash_on_mark(worker: PipelineWorker, documents: list[dict]) -> list:
    """Extraction that dies like a segfault whenever its batch holds the marked document."""
    if any(CRASH_MARK in d["text"] for d in documents):
        os.kill(os.getpid(), signal.SIGSEGV)
    return extract_documents(worker, documents)


def test_a_document_that_kills_its_worker_costs_only_itself():
    texts = [f"Talks in Lima {n} went on. The minister met envoys in Quito." for n in range(11)]
    texts[5] = f"Rebels attacked Kabul. {CRASH_MARK}."
    documents = [Document.from_text(text, id=f"d{n}") for n, text in enumerate(texts)]
    with ProcessExtractor(None, workers=2, batch_size=4, work=crash_on_mark) as extractor:
        out = list(extractor.extract(documents))
    notices = [x for x in out if type(x).__name__ == "Notice"]
    records = [x for x in out if type(x).__name__ != "Notice"]
    assert len(notices) == 1 and "killed by SIGSEGV" in notices[0].message
    [skipped] = [x for x in records if type(x).__name__ == "Skipped"]
    assert skipped.source == "d5" and skipped.kind == "extraction"
    assert "worker died while extracting this document" in skipped.reason and "SIGSEGV" in skipped.reason
    built = [x.doc.id for x in records if type(x).__name__ == "DocExtraction"]
    assert built == [f"d{n}" for n in range(11) if n != 5]  # the others, in input order
    assert all("Quito" in {e.name for e in x.entities} for x in records if x is not skipped)


FAIL_MARK = "this sentence breaks a component"


@Language.component("test_fail_on_mark")
def fail_on_mark_component(doc):
    """A component with a bug that only one document meets (texts long past spaCy's limit no longer
    fail: they are cut in pieces, kg/extract/long_texts.py)."""
    if FAIL_MARK in doc.text:
        raise ValueError("a component failed on this document")
    return doc


def fail_on_mark(worker: PipelineWorker, documents: list[dict]) -> list:
    """The real work, with the failing component added to the worker's pipeline."""
    if "test_fail_on_mark" not in worker.nlp.pipe_names:
        worker.nlp.add_pipe("test_fail_on_mark")
    return extract_documents(worker, documents)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_that_fails_extraction_is_skipped_with_its_name(workers, nlp):
    texts = [f"Police in Kaduna arrested {n} suspects on Monday." for n in range(9)]
    texts.insert(4, f"Rebels attacked Kabul. {FAIL_MARK}.")
    documents = [Document.from_text(text, id=f"d{n}") for n, text in enumerate(texts)]
    if workers == 1:
        if "test_fail_on_mark" not in nlp.pipe_names:
            nlp.add_pipe("test_fail_on_mark")
        try:
            out = list(extract_here(nlp, documents, 4))
        finally:
            nlp.remove_pipe("test_fail_on_mark")
    else:
        with ProcessExtractor(None, workers=2, batch_size=4, work=fail_on_mark) as extractor:
            out = list(extractor.extract(documents))
    [skipped] = [x for x in out if type(x).__name__ == "Skipped"]
    assert skipped.source == "d4" and skipped.kind == "extraction"
    assert skipped.reason.startswith("extraction failed: ValueError: a component failed on this document")
    built = [x.doc.id for x in out if type(x).__name__ == "DocExtraction"]
    assert built == [f"d{n}" for n in range(10) if n != 4]  # the others, in input order


def test_ctrl_c_stops_the_workers_and_a_rerun_ends_equal(corpus, serial, tmp_path):
    # After the corpus, a page its site does not answer until the test ends: the build has stored
    # documents, holds others in its workers' last batch and waits for the page when Ctrl-C comes,
    # however fast or slow the machine (it used to race the build's end under load).
    page = ("text/html", b"<html><body><p>Late.</p></body></html>")
    with serve({"/late.html": page}, answer_when=threading.Event()) as site:
        sources = [*corpus, f"{site}/late.html"]
        options = ["-o", str(tmp_path), "--workers", "2", "--batch-size", "4"]
        command = [sys.executable, "-m", "kg", "build", *sources, *options]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        # A session of its own: Ctrl-C on a terminal reaches the whole group, workers included.
        process = subprocess.Popen(command, **quiet, start_new_session=True)
        workers: list[psutil.Process] = []
        deadline = time.monotonic() + 120
        while documents_so_far(tmp_path / "store") < 1 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            workers = workers or worker_processes(process.pid)
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=60) == 130, "the build ended before it could be interrupted"
    assert workers and not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers)
    summary = build(corpus, tmp_path, workers=2, batch_size=BATCH, export_files=True)
    assert 0 < summary.documents_unchanged < DOCUMENTS  # what was stored before Ctrl-C is kept
    assert sorted_nquads(tmp_path) == serial


def test_a_two_worker_build_on_a_tty_shows_one_progress_bar(tmp_path):
    import pty
    import re

    primary, secondary = pty.openpty()
    command = [sys.executable, "-m", "kg", "build", str(SAMPLES), "--workers", "2", "--batch-size", "2"]
    process = subprocess.Popen(
        [*command, "-o", str(tmp_path)], stdin=secondary, stdout=secondary, stderr=secondary,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )  # fmt: skip
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:  # the other side closed
            break
        if not data:
            break
        chunks.append(data)
    assert process.wait(timeout=60) == 0
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode("utf-8", "replace"))
    frames = [frame for frame in text.split("\r") if "documents" in frame]
    assert frames and all(frame.count("documents") == 1 for frame in frames)  # one bar, redrawn in place
    counts = {int(m.group(1)) for frame in frames if (m := re.search(r"documents\s+(\d+)", frame))}
    assert max(counts) == 7 and any("docs/s" in frame for frame in frames)
    assert "Built 7 document(s)" in text


def test_the_writer_of_a_parallel_build_never_loads_spacy(tmp_path):
    """The workers run the model; the writer's process needs only its name (kg.extract.models), so
    it starts the workers without importing spaCy first and holds no copy of it."""
    script = (
        "import sys\n"
        "from kg.build import build\n"
        f"summary = build([{str(SAMPLES)!r}], {str(tmp_path)!r}, workers=2, batch_size=2)\n"
        "print(summary.documents_built, sorted(m for m in ('spacy', 'thinc') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["7", "[]"]
