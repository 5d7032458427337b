"""Parallel ``kg build`` against raw single-process ``nlp.pipe`` of the same model, in wall-clock seconds.

On the same texts (every WikiEvents and Re-DocRED development document by default), one
after the other: raw ``spacy.load`` + ``nlp.pipe``; ``kg build --workers 1``; ``--workers 2``;
and a build on a Dask LocalCluster of two worker processes (one thread each) started before
the clock (a cluster is there before a build uses it). Every build's sorted N-Quads are
compared with the serial one's. Then the writer's own cost per document (resolution,
mapping, store; records extracted beforehand), and, with ``--memory N [N ...]``, the peak
resident memory of ``kg build --workers 2`` (the process and its workers, summed, sampled
every 0.1 s) on synthetic corpora of N documents (the development texts repeated with new ids).

Run: ``.venv/bin/python benchmarks/parallel_build.py [--memory 1000 20000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import spacy

from kg.build import build
from kg.evaluate.readers import read_redocred, read_wikievents
from kg.extract.pipeline import default_model
from kg.extract.runner import SerialExtractor
from kg.model import Document
from kg.rdf.mapping import document_quads
from kg.rdf.namespaces import DEFAULT_BASE
from kg.resolve import resolve
from kg.resolve.identity import CorpusIdentity
from kg.store.embedded import EmbeddedStore, GraphWriter

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def texts(shared: Path) -> list[str]:
    found = [d.text for d in read_wikievents(shared / "wikievents" / "dev.jsonl")]
    return found + [d.text for d in read_redocred(shared / "redocred" / "dev.json")]


def write_corpus(path: Path, corpus: list[str], size: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(size):
            out.write(json.dumps({"id": f"doc{n}", "text": corpus[n % len(corpus)]}) + "\n")
    return path


class Clock:
    """Wall-clock seconds, CPU seconds of this process, and of its child processes once they have ended
    (os.times counts a child when it is reaped: the workers are, when a build ends)."""

    def __enter__(self) -> Clock:
        self.wall, self.own, self.children = time.perf_counter(), time.process_time(), self._children()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.own = time.process_time() - self.own
        self.children = self._children() - self.children

    @staticmethod
    def _children() -> float:
        times = os.times()
        return times.children_user + times.children_system

    def two_core_bound(self) -> float:
        """The least wall-clock time this CPU work can take on two idle cores: the writer's
        process alone, or all the work spread over both cores, whichever is longer."""
        return max(self.own, (self.own + self.children) / 2)


def time_raw(model: str, corpus: list[str], batch_size: int) -> Clock:
    with Clock() as clock:
        nlp = spacy.load(model)
        for _ in nlp.pipe(corpus, batch_size=batch_size):
            pass
    return clock


def time_build(source: Path, out: Path, model: str, batch_size: int, **how) -> tuple[Clock, list[str]]:
    with Clock() as clock:
        summary = build([str(source)], out, model=model, batch_size=batch_size, **how)
    assert not summary.skipped, summary.skipped
    return clock, sorted((out / "graph.nq").read_text(encoding="utf-8").splitlines())


def writer_cost(model: str, corpus: list[str], batch_size: int, work: Path) -> float:
    """CPU seconds per document of what the writer does (kg.build's loop), on records extracted beforehand."""
    with SerialExtractor(model, batch_size) as extractor:
        records = list(extractor.extract(Document.from_text(t, id=f"doc{n}") for n, t in enumerate(corpus)))
    store = EmbeddedStore(work / "writer-store")
    identity = CorpusIdentity.from_store(store, DEFAULT_BASE)
    started = time.process_time()  # CPU: what the writer takes from its core, whatever the neighbours do
    with GraphWriter(store) as writer:
        for record in records:
            resolved = identity.resolve(resolve(record))
            writer.write(*document_quads(resolved, DEFAULT_BASE))
            identity.record(resolved)
    return (time.process_time() - started) / len(records)


def peak_memory(source: Path, out: Path, workers: int) -> tuple[float, float]:
    """Peak summed RSS (MB) of ``kg build`` and its children, and its wall-clock seconds."""
    command = [sys.executable, "-m", "kg", "build", str(source), "-o", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    root, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    assert process.returncode == 0, command
    return peak / 2**20, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--memory", type=int, nargs="*", default=[], help="Synthetic corpus sizes for peak memory.")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    model = args.model or default_model()
    corpus = texts(args.shared)
    print(f"{len(corpus)} documents, model {model}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = write_corpus(work / "corpus.jsonl", corpus, len(corpus))
        raw = time_raw(model, corpus, args.batch_size)
        print(f"raw nlp.pipe (1 process):  {raw.wall:7.2f} s wall, {raw.own:6.2f} CPU s")
        serial, reference = time_build(source, work / "w1", model, args.batch_size, workers=1)
        runs = {"kg build --workers 1": serial}
        runs["kg build --workers 2"], graph = time_build(source, work / "w2", model, args.batch_size, workers=2)
        assert graph == reference, "--workers 2 wrote another graph"
        if not args.skip_dask:
            from distributed import LocalCluster

            # The cluster's start and stop are outside the wall clock, but its CPU is counted once
            # its processes have ended (so the Dask line's CPU includes them).
            with Clock() as dask_cpu:
                with LocalCluster(
                    n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
                ) as cluster:
                    dask_run, graph = time_build(
                        source, work / "dask", model, args.batch_size, scheduler=cluster.scheduler_address
                    )
            dask_run.own, dask_run.children = dask_cpu.own, dask_cpu.children
            runs["Dask, 2 local workers"] = dask_run
            assert graph == reference, "the Dask build wrote another graph"
        print("(ratio: raw wall / build wall; bound: the least wall on two idle cores, from the CPU seconds)")
        for name, run in runs.items():
            bound = run.two_core_bound()
            print(
                f"{name + ':':27}{run.wall:7.2f} s wall {raw.wall / run.wall:.2f}x raw; CPU {run.own:6.2f} s "
                f"here + {run.children:6.2f} s in workers; bound {bound:6.2f} s = {raw.own / bound:.2f}x raw CPU"
            )
        per_doc = writer_cost(model, corpus, args.batch_size, work)
        print(f"writer: {per_doc * 1000:.1f} CPU ms per document, {1 / per_doc:.0f} docs/s at most from one writer")
        print(f"  = the output of {raw.own / len(corpus) / per_doc:.1f} workers at raw nlp.pipe's CPU per document")
        for size in args.memory:
            source = write_corpus(work / f"synthetic-{size}.jsonl", corpus, size)
            peak, seconds = peak_memory(source, work / f"mem-{size}", workers=2)
            print(f"peak memory, {size} documents, --workers 2: {peak:.0f} MB ({seconds:.0f} s)")


if __name__ == "__main__":
    main()
